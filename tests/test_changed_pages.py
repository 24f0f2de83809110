"""The pull request summary: which pages of which site a change adds, changes or removes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import PUBLISH_SETTINGS, REPO, run_build, write_content
from site_fixture import COMPLETE_SITE

from tools.changed_pages import compare


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_compare_sorts_pages_and_other_files(tmp_path: Path) -> None:
    base = write(
        tmp_path / "base",
        {"index.html": "a", "x/index.html": "x", "gone/index.html": "g", "sitemap.xml": "1"},
    )
    head = write(
        tmp_path / "head",
        {"index.html": "a", "x/index.html": "x2", "new/index.html": "n", "sitemap.xml": "2"},
    )
    changes = compare(base, head)
    assert changes.added == ["new/"]
    assert changes.changed == ["x/"]
    assert changes.removed == ["gone/"]
    assert changes.other_files == ["sitemap.xml"]
    assert not compare(base, base)


def test_summary_of_a_real_change_names_the_changed_pages(tmp_path: Path) -> None:
    """Build a fixture, change one Norwegian page, build again: the summary lists that page."""
    content = write_content(tmp_path / "content", COMPLETE_SITE)
    base = run_build(
        tmp_path / "base",
        content=content,
        settings=PUBLISH_SETTINGS,
        source_date_epoch=1_780_000_000,
    )
    assert base.returncode == 0, base.log
    write_content(
        content,
        {"sidor/kontakt.nb.md": COMPLETE_SITE["sidor/kontakt.nb.md"] + "\nNy tekst.\n"},
    )
    head = run_build(
        tmp_path / "head",
        content=content,
        settings=PUBLISH_SETTINGS,
        source_date_epoch=1_780_000_000,
    )
    assert head.returncode == 0, head.log
    command = [sys.executable, "-m", "tools.changed_pages", "--base", str(base.output)]
    result = subprocess.run(
        [*command, "--head", str(head.output), "--settings", str(PUBLISH_SETTINGS)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    text = result.stdout
    se_part, no_part = text.split("### samspel63.no")
    assert "Inga ändringar" in se_part
    assert "- [no/kontakt/](https://samspel63.no/kontakt/)" in no_part
    assert no_part.count("\n- [") == 1, text


def test_a_missing_base_build_is_said_and_every_page_is_new(tmp_path: Path) -> None:
    from tools.changed_pages import summary

    head = write(tmp_path / "head", {"se/index.html": "a", "no/index.html": "b"})
    urls = {"sv": "https://samspel63.se", "nb": "https://samspel63.no"}
    text = summary(tmp_path / "missing", head, urls)
    assert "Basgrenen kunde inte byggas" in text
    assert "- [se/](https://samspel63.se/)" in text
    assert "- [no/](https://samspel63.no/)" in text
