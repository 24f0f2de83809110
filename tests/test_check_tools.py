"""``make new`` (a pair that passes the check once filled in) and ``make status``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO, write_content
from pelican.plugins.samspel.check.runner import check_content
from pelican.plugins.samspel.commands import new, status
from pelican.plugins.samspel.content.contract import PLACEHOLDER

CONTEXT_FILES = {
    "data/companies.yaml": (
        "- id: kulturforetaget-ab\n  name: K\n  country: SE\n  region: R\n  sector: S\n"
        "  public: true\n"
    ),
    "initiativ/berattarnatverket.sv.md": "---\ntitle: B\nsummary: S\n---\nT\n",
    "initiativ/berattarnatverket.nb.md": "---\ntitle: B\nsummary: S\n---\nT\n",
}

#: what a communicator fills in, per field (the same facts in both languages)
FILLED = {
    "title": "Berättarkafé",
    "type": "workshop",
    "start": '"2025-03-14 18:00"',
    "end": '"2025-03-14 21:00"',
    "place": "Jamtli, Östersund",
    "country": "NO",
    "summary": "En kväll om berättande.",
    "date": "2025-03-14",
    "initiative": "berattarnatverket",
    "companies": "[kulturforetaget-ab]",
    "registration": "https://example.org/anmalan",
    "status": "cancelled",
    "host": "Samspel 63",
}


#: the words that differ in the Norwegian file (a Swedish one gets [wrong-language])
FILLED_NB = {"title": "Fortellerkafé", "summary": "En kveld om fortelling."}


def fill_in(text: str, lang: str = "sv") -> str:
    """Replace every placeholder and every empty optional field, as a communicator would."""
    filled = {**FILLED, **FILLED_NB} if lang == "nb" else FILLED
    lines = []
    for line in text.split("\n"):
        match = re.match(r"^([a-z]+):", line)
        if match and match[1] in filled:
            line = f"{match[1]}: {filled[match[1]]}"
        elif line.startswith(PLACEHOLDER):
            line = "Texten."
        lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize("kind", ["activity", "initiative", "news", "page"])
def test_make_new_writes_a_pair_that_passes_once_filled_in(tmp_path: Path, kind: str) -> None:
    content = write_content(tmp_path / "content", CONTEXT_FILES)
    paths = new.create(content, kind, "berattarkafe-2025")
    folder = new.FOLDERS[kind]
    assert [path.relative_to(content).as_posix() for path in paths] == [
        f"{folder}/berattarkafe-2025.sv.md",
        f"{folder}/berattarkafe-2025.nb.md",
    ]
    as_written = check_content(content, tmp_path)
    # As written, only the placeholders are reported: nothing unfinished can be published.
    assert as_written, "a fresh pair must not pass the check"
    assert {problem.code for problem in as_written} == {"placeholder"}
    assert {str(problem.path) for problem in as_written} == {
        f"content/{folder}/berattarkafe-2025.sv.md",
        f"content/{folder}/berattarkafe-2025.nb.md",
    }
    for path, language in zip(paths, ("på svenska.", "på norsk."), strict=True):
        text = path.read_text(encoding="utf-8")
        assert text.split("\n")[1].startswith(f"# {new.KIND_NAMES[kind][path.suffixes[0][1:]]} ")
        assert language in text.split("\n")[1]
        path.write_text(fill_in(text, path.suffixes[0][1:]), encoding="utf-8")
    problems = check_content(content, tmp_path)
    assert problems == [], "\n".join(problem.format() for problem in problems)


def test_every_field_of_an_activity_is_in_the_new_file(tmp_path: Path) -> None:
    sv, nb = new.create(tmp_path / "content", "activity", "kafe")
    for path in (sv, nb):
        keys = re.findall(r"^([a-z_]+):", path.read_text(encoding="utf-8"), flags=re.M)
        assert keys == list(new.known_fields("activity"))
    assert "Rubriken" in sv.read_text(encoding="utf-8")
    assert "Tittelen" in nb.read_text(encoding="utf-8")


def test_make_new_never_overwrites(tmp_path: Path) -> None:
    content = tmp_path / "content"
    existing = write_content(content, {"nyheter/kafe.nb.md": "mitt utkast\n"})
    with pytest.raises(new.NewItemError, match="finns redan"):
        new.create(existing, "news", "kafe")
    assert (content / "nyheter" / "kafe.nb.md").read_text() == "mitt utkast\n"
    assert not (content / "nyheter" / "kafe.sv.md").exists()


def run_tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    ("kind", "slug", "message"),
    [
        ("event", "kafe", "TYPE='event'"),
        ("activity", "Kafé 2025", "SLUG='Kafé 2025'"),
        ("", "", "TYPE=''"),
    ],
)
def test_make_new_explains_a_wrong_type_or_name(
    tmp_path: Path, kind: str, slug: str, message: str
) -> None:
    result = run_tool(
        "pelican.plugins.samspel.commands.new",
        "--type",
        kind,
        "--slug",
        slug,
        "--content",
        str(tmp_path / "content"),
    )
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "content").exists()


def git(folder: Path, *args: str, when: str | None = None) -> None:
    env = dict(os.environ)
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=folder,
        env=env,
        check=True,
        capture_output=True,
    )


def test_make_status_lists_missing_and_stale_translations(tmp_path: Path) -> None:
    page = "---\ntitle: T\n---\nText.\n"
    content = write_content(
        tmp_path / "content",
        {
            "sidor/om.sv.md": page,
            "sidor/om.nb.md": page,
            "sidor/bara-svenska.sv.md": page,
            "nyheter/bara-norsk.nb.md": "---\ntitle: T\ndate: 2025-01-01\nsummary: S\n---\nT\n",
            "sidor/kontakt.sv.md": page,
            "sidor/kontakt.nb.md": page,
        },
    )
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first", when="2025-01-10T12:00:00+01:00")
    (content / "sidor" / "om.sv.md").write_text(page + "Mer text.\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "sv changed", when="2025-02-20T12:00:00+01:00")

    report = status.translation_report(content)
    names = {lang: [path.name for path in paths] for lang, paths in report.missing.items()}
    assert names == {"sv": ["bara-norsk.nb.md"], "nb": ["bara-svenska.sv.md"]}
    assert [(item.older.name, item.newer.name) for item in report.stale] == [
        ("om.nb.md", "om.sv.md")
    ]

    result = run_tool("pelican.plugins.samspel.commands.status", "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert "content/sidor/om.nb.md (2025-01-10) <- content/sidor/om.sv.md (2025-02-20)" in (
        result.stdout
    )
    assert "content/sidor/bara-svenska.sv.md" in result.stdout
    assert "kontakt" not in result.stdout
