"""The link gate: a broken link in a built site is named with its page and fails the check."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import LOCAL_SETTINGS, PUBLISH_SETTINGS, REPO, Build


def linkcheck(output: Path, settings: Path = LOCAL_SETTINGS, *options: str):
    command = [
        sys.executable,
        "-m",
        "pelican.plugins.samspel.commands.linkcheck",
        "--settings",
        str(settings),
    ]
    command += ["--output", str(output), *options]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)


def edit(page: Path, old: str, new: str) -> None:
    html = page.read_text(encoding="utf-8")
    assert old in html, f"{old!r} not on {page}"
    page.write_text(html.replace(old, new, 1), encoding="utf-8")


def test_intact_fixture_passes_and_external_links_are_only_listed(output: Path) -> None:
    result = linkcheck(output, LOCAL_SETTINGS, "-v")
    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout
    assert "external se/om-projektet/index.html: https://example.org/a" in result.stdout


def test_a_missing_page_is_named_with_the_page_it_is_on(output: Path) -> None:
    shutil.rmtree(output / "se" / "kontakt")
    result = linkcheck(output)
    assert result.returncode == 1
    broken = [line for line in result.stdout.splitlines() if line.startswith("BROKEN")]
    assert any(
        line.startswith("BROKEN se/om-projektet/index.html:")
        and ": /kontakt/#adress (no such file in se/)" in line
        for line in broken
    ), result.stdout
    assert any(line.startswith("BROKEN no/kontakt/index.html:") for line in broken)  # switcher


def test_a_missing_fragment_fails(output: Path) -> None:
    edit(output / "se" / "kontakt" / "index.html", 'id="adress"', 'id="annan"')
    result = linkcheck(output)
    assert result.returncode == 1
    assert "no id 'adress' in se/kontakt/index.html" in result.stdout


@pytest.mark.parametrize(
    ("new_link", "reported"),
    [
        ('<a href="../saknas/">x</a>', "../saknas/"),
        ('<img alt="" src="/theme/bild.png">', "/theme/bild.png"),
        ('<img alt="" srcset="/theme/css/site.css 1x, /theme/stor.png 2x">', "/theme/stor.png"),
        ('<a href="http://localhost:8001/finns-inte/">x</a>', "http://localhost:8001/finns-inte/"),
        ('<link rel="icon" href="/favicon.ico">', "/favicon.ico"),
        (
            '<a href="webcal://localhost:8001/saknas.ics">x</a>',
            "webcal://localhost:8001/saknas.ics",
        ),
    ],
)
def test_each_kind_of_broken_link_is_reported(output: Path, new_link: str, reported: str) -> None:
    edit(output / "no" / "om-projektet" / "index.html", "</main>", new_link + "</main>")
    result = linkcheck(output)
    assert result.returncode == 1
    broken = [line for line in result.stdout.splitlines() if line.startswith("BROKEN")]
    assert len(broken) == 1, result.stdout
    assert broken[0].startswith("BROKEN no/om-projektet/index.html:")
    assert f": {reported} (" in broken[0]


def test_a_local_build_checked_with_publish_settings_is_refused(output: Path) -> None:
    result = linkcheck(output, PUBLISH_SETTINGS)
    assert result.returncode == 2
    assert "was built for http://localhost:8000/" in result.stdout


def test_the_repository_publish_build_has_no_broken_link(publish_build: Build) -> None:
    result = linkcheck(publish_build.output, PUBLISH_SETTINGS)
    assert result.returncode == 0, result.stdout
    assert " 0 broken" in result.stdout
    files = int(result.stdout.split("linkcheck: ")[1].split()[0])
    assert files > 50


def test_a_relative_link_on_the_404_page_is_broken(output: Path) -> None:
    """The 404 page is served at any missing path, so `kontakt/` would resolve anywhere."""
    edit(output / "se" / "404.html", "</main>", '<a href="kontakt/">x</a></main>')
    result = linkcheck(output)
    assert result.returncode == 1
    assert "BROKEN se/404.html:" in result.stdout
    assert "relative link on the 404 page" in result.stdout
