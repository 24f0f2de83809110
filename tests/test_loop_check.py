"""Issue 16, items 2 and 4: the check and the build agree on what is content; clear messages.

Every fixture the check passes is built, and must build; a file in a folder it
does not fit is one error naming the right folder, in the file's language, and
the build stops with exactly that message; the messages name the nearest
existing name, rename both files of a pair alike, and say a fact the two
languages disagree on once.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from helpers import REPO, run_build
from test_check import BASE, CASES, Link, activity, found, run_check

sys.path[:0] = [str(REPO), str(REPO / "plugins")]

from samspel.check import check_content  # noqa: E402
from samspel.check_messages import WARNINGS  # noqa: E402

LANGS = ("sv", "nb")


def lay_out(content: Path, files: dict[str, str | bytes | Link | None]) -> Path:
    """BASE with ``files`` over it, as ``run_check`` lays it out (None deletes, Link links)."""
    for relative, text in {**BASE, **files}.items():
        if text is None:
            continue
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, Link):
            path.symlink_to(text.target)
        elif isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return content


def tree(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


# -- every fixture the check passes builds ------------------------------------------------

#: fixtures whose only problems are warnings, beyond CASES: keys Pelican reads itself
#: (``status``, ``date``, ``tags``, ``modified``) on a page, where they are unknown keys
PASSING: dict[str, dict[str, str | bytes | Link | None]] = {
    "the clean base content": {},
    **{
        name: files
        for name, (files, expected) in CASES.items()
        if all(code in WARNINGS for code, _path, _line in expected)
    },
    "a page with Pelican's status planned": {
        "sidor/om.sv.md": "---\ntitle: Om\nstatus: planned\n---\nText.\n",
        "sidor/om.nb.md": "---\ntitle: Om\nstatus: planned\n---\nTekst.\n",
    },
    "a page with Pelican's status draft": {
        "sidor/om.sv.md": "---\ntitle: Om\nstatus: draft\n---\nText.\n",
        "sidor/om.nb.md": "---\ntitle: Om\nstatus: hidden\n---\nTekst.\n",
    },
    "keys Pelican reads on a page and an initiative": {
        "sidor/om.sv.md": "---\ntitle: Om\ndatum: 14 mars\ntags: a, b\nmodified: igår\n---\nT\n",
        "sidor/om.nb.md": "---\ntitle: Om\nauthors: [a]\nlang_: x\n---\nTekst.\n",
        "initiativ/berattarnatverket.sv.md": "---\ntitle: B\nsummary: S\nmodified: x\n---\nT\n",
    },
}


@pytest.mark.parametrize("case", PASSING)
def test_every_fixture_the_check_passes_builds(tmp_path: Path, case: str) -> None:
    content = lay_out(tmp_path / "content", PASSING[case])
    problems = check_content(content, tmp_path)
    assert all(problem.severity == "warning" for problem in problems), problems
    build = run_build(tmp_path / "output", content=content)
    assert build.returncode == 0, build.log
    assert "Traceback" not in build.log
    assert (tmp_path / "output" / "se" / "index.html").is_file()
    assert (tmp_path / "output" / "no" / "index.html").is_file()


def test_a_page_with_status_draft_is_still_published(tmp_path: Path) -> None:
    """Pelican's own ``status: draft`` would hide the page; the check only warns of the key."""
    content = lay_out(tmp_path / "content", PASSING["a page with Pelican's status draft"])
    build = run_build(tmp_path / "output", content=content)
    assert build.returncode == 0, build.log
    assert (build.root("sv") / "om" / "index.html").is_file()
    assert (build.root("nb") / "om" / "index.html").is_file()


# -- a file in a folder it does not fit ---------------------------------------------------

NEWS = {
    "sv": "---\ntitle: Rapport\ndate: 2024-03-14\nsummary: S\n---\nText.\n",
    "nb": "---\ntitle: Rapport\ndate: 2024-03-14\nsummary: S\n---\nTekst.\n",
}
MESSAGE = {
    "sv": "Det här ser ut som {kind}: flytta filen till {folder}. Den ligger i {here}, men har "
    "{fields}, som bara {kind} har. Flytta den norska versionen också (om den finns), så att "
    "båda språkfilerna ligger i {folder}, till exempel {folder}{name}.",
    "nb": "Dette ser ut som {kind}: flytt filen til {folder}. Den ligger i {here}, men har "
    "{fields}, som bare {kind} har. Flytt den svenske versjonen også (hvis den finnes), slik at "
    "begge språkfilene ligger i {folder}, for eksempel {folder}{name}.",
}
ACTIVITY_WORDS = {
    "sv": {"kind": "en aktivitet", "fields": "fälten type och start"},
    "nb": {"kind": "en aktivitet", "fields": "feltene type og start"},
}
NEWS_WORDS = {
    "sv": {"kind": "en nyhet", "fields": "fältet date"},
    "nb": {"kind": "en nyhet", "fields": "feltet date"},
}

#: (folder it is in, text maker, words, the folder it belongs in)
MISPLACED = {
    "an activity in sidor": ("sidor", activity, ACTIVITY_WORDS, "aktiviteter"),
    "an activity in initiativ": ("initiativ", activity, ACTIVITY_WORDS, "aktiviteter"),
    "an activity in nyheter": ("nyheter", activity, ACTIVITY_WORDS, "aktiviteter"),
    "a news item in aktiviteter": ("aktiviteter", NEWS.get, NEWS_WORDS, "nyheter"),
    "a news item in sidor": ("sidor", NEWS.get, NEWS_WORDS, "nyheter"),
    "an activity in bilder": ("bilder", activity, ACTIVITY_WORDS, "aktiviteter"),
    "an activity in data": ("data", activity, ACTIVITY_WORDS, "aktiviteter"),
    "a news item in bilder": ("bilder", NEWS.get, NEWS_WORDS, "nyheter"),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", MISPLACED)
def test_a_file_in_the_wrong_folder_is_one_error_naming_the_right_one(
    tmp_path: Path, case: str, lang: str
) -> None:
    folder, text, words, right = MISPLACED[case]
    name = f"flyttas.{lang}.md"
    problems = run_check(tmp_path, {f"{folder}/{name}": text(lang)})
    path = f"content/{folder}/{name}"
    mine = [p for p in problems if str(p.path) == path]
    codes = [(p.code, p.line, p.severity) for p in mine if p.code != "missing-translation"]
    assert codes == [("wrong-folder", 1, "error")], [p.format() for p in problems]
    (problem,) = [p for p in mine if p.code == "wrong-folder"]
    expected = MESSAGE[lang].format(
        folder=f"content/{right}/", here=f"content/{folder}/", name=name, **words[lang]
    )
    assert problem.message == expected
    others = [p for p in problems if str(p.path) != path]
    assert others == [], [p.format() for p in others]


def test_a_text_in_bilder_whose_fields_do_not_tell_names_the_four_folders(tmp_path: Path) -> None:
    problems = run_check(
        tmp_path,
        {
            "bilder/om.sv.md": "---\ntitle: Om\n---\nText.\n",
            "data/om.nb.md": "Bara tekst, ingen felt.\n",
        },
    )
    assert found(problems) == [
        ("wrong-folder", "content/bilder/om.sv.md", 1),
        ("wrong-folder", "content/data/om.nb.md", 1),
    ]
    assert problems[0].message.startswith(
        "Filen om.sv.md är en text, men den ligger i content/bilder/, där inga texter publiceras"
    )
    assert problems[1].message.startswith(
        "Filen om.nb.md er en tekst, men den ligger i content/data/, der ingen tekster publiseres"
    )
    assert "content/aktiviteter/, content/initiativ/, content/nyheter/" in problems[1].message


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("folder", ["sidor", "initiativ", "bilder", "data"])
def test_the_build_stops_with_the_checks_words_for_a_file_in_the_wrong_folder(
    tmp_path: Path, folder: str, lang: str
) -> None:
    """Before: an activity in sidor/ crashed Pelican with an English traceback
    (``status: planned``), and one in bilder/ or data/ vanished from the site."""
    output = tmp_path / "output"
    good = run_build(output, content=lay_out(tmp_path / "good", {}))
    assert good.returncode == 0, good.log
    before, listing = tree(output), sorted(output.rglob("*"))
    name = f"kafe-2.{lang}.md"
    text = activity(lang, status="planned" if folder in ("sidor", "initiativ") else None)
    bad = run_build(output, content=lay_out(tmp_path / "content", {f"{folder}/{name}": text}))
    assert bad.returncode == 1
    start = {"sv": "Det här ser ut som en aktivitet", "nb": "Dette ser ut som en aktivitet"}[lang]
    where = f"content/{folder}/{name}:1: error: fil: {start}: "
    assert where in bad.log, bad.log
    assert "[wrong-folder]" in bad.log
    assert "Traceback" not in bad.log and "Unknown status" not in bad.log
    assert bad.log.rstrip().splitlines()[-1].startswith("build: output/ lämnades som det var")
    assert sorted(output.rglob("*")) == listing
    assert tree(output) == before


def test_a_page_in_initiativ_or_an_initiative_in_sidor_is_left_alone(tmp_path: Path) -> None:
    """Their fields (a title, a summary) cannot tell them apart: no guess, no error."""
    problems = run_check(
        tmp_path,
        {
            "initiativ/om.sv.md": "---\ntitle: Om\n---\nText.\n",
            "initiativ/om.nb.md": "---\ntitle: Om\n---\nTekst.\n",
            "sidor/natverk.sv.md": "---\ntitle: N\nsummary: S\n---\nText.\n",
            "sidor/natverk.nb.md": "---\ntitle: N\nsummary: S\n---\nTekst.\n",
        },
    )
    assert [p for p in problems if p.code == "wrong-folder"] == []
    assert [p.code for p in problems if p.severity == "error"] == ["missing-field"] * 2
