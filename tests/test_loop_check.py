"""Issue 16, items 2 and 4: the check and the build agree on what is content; clear messages.

Every fixture the check passes is built, and must build; a file in a folder it
does not fit is one error naming the right folder, in the file's language, and
the build stops with exactly that message; the messages name the nearest
existing name, rename both files of a pair alike, and say a fact the two
languages disagree on once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO, run_build
from pelican.plugins.samspel.check.messages import WARNINGS
from pelican.plugins.samspel.check.runner import check_content
from test_check import BASE, CASES, Link, both, found, kafe, run_check

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
    "an activity in sidor": ("sidor", kafe, ACTIVITY_WORDS, "aktiviteter"),
    "an activity in initiativ": ("initiativ", kafe, ACTIVITY_WORDS, "aktiviteter"),
    "an activity in nyheter": ("nyheter", kafe, ACTIVITY_WORDS, "aktiviteter"),
    "a news item in aktiviteter": ("aktiviteter", NEWS.get, NEWS_WORDS, "nyheter"),
    "a news item in sidor": ("sidor", NEWS.get, NEWS_WORDS, "nyheter"),
    "an activity in bilder": ("bilder", kafe, ACTIVITY_WORDS, "aktiviteter"),
    "an activity in data": ("data", kafe, ACTIVITY_WORDS, "aktiviteter"),
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
    text = kafe(lang, status="planned" if folder in ("sidor", "initiativ") else None)
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


# -- the nearest existing name ------------------------------------------------------------

INITIATIVES = {
    f"initiativ/{slug}.{lang}.md": f"---\ntitle: {slug}\nsummary: S\n---\nT\n"
    for slug in ("berattarnatverket", "gemensam-affarsutveckling", "nordic-soundscapes-utbyte")
    for lang in LANGS
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_misspelt_initiative_is_offered_the_nearest_one(tmp_path: Path, lang: str) -> None:
    """Not the first two in alphabetical order (``berattarnatverket``)."""
    files = {**INITIATIVES, f"aktiviteter/kafe.{lang}.md": kafe(lang)}
    files[f"aktiviteter/kafe.{lang}.md"] = kafe(lang, initiative="nordic-soundscape")
    (problem,) = [p for p in run_check(tmp_path, files) if p.code == "unknown-initiative"]
    assert (str(problem.path), problem.line) == (f"content/aktiviteter/kafe.{lang}.md", 9)
    words = {
        "sv": 'Det finns inget initiativ som heter "nordic-soundscape". Menade du '
        "nordic-soundscapes-utbyte? Skriv initiative: nordic-soundscapes-utbyte (filnamnet i "
        "content/initiativ/ utan .sv.md), eller ta bort raden.",
        "nb": 'Det finnes ikke noe initiativ som heter "nordic-soundscape". Mente du '
        "nordic-soundscapes-utbyte? Skriv initiative: nordic-soundscapes-utbyte (filnavnet i "
        "content/initiativ/ uten .nb.md), eller fjern linjen.",
    }
    assert problem.message == words[lang]
    assert "berattarnatverket" not in problem.message


@pytest.mark.parametrize(
    ("lang", "field", "written", "words"),
    [
        ("sv", "companies", "[kulturforetaget]", "Menade du kulturforetaget-ab? Skriv id:t"),
        ("nb", "companies", "[kulturbedrift-as]", "Mente du kulturbedriften-as? Skriv id-en"),
        ("sv", "type", "workshops", "Menade du workshop? Skriv type: workshop, eller en av:"),
        ("nb", "type", "seminarium", "Mente du seminar? Skriv type: seminar, eller en av:"),
        ("sv", "country", "se", "Menade du SE? Skriv country: SE, med stora bokstäver"),
        ("nb", "country", "No", "Mente du NO? Skriv country: NO, med store bokstaver"),
    ],
)
def test_a_misspelt_company_type_or_country_is_offered_the_nearest_one(
    tmp_path: Path, lang: str, field: str, written: str, words: str
) -> None:
    problems = run_check(tmp_path, {f"aktiviteter/kafe.{lang}.md": kafe(lang, **{field: written})})
    mine = [p for p in problems if p.code.startswith("unknown-")]
    assert [(p.field, str(p.path)) for p in mine] == [
        (field, f"content/aktiviteter/kafe.{lang}.md")
    ]
    assert words in mine[0].message, mine[0].message


def test_a_name_near_nothing_is_offered_examples_not_a_guess(tmp_path: Path) -> None:
    problems = run_check(tmp_path, both(initiative="xyz", type="konsert"))
    by_code = {p.code: p.message for p in problems if str(p.path).endswith(".sv.md")}
    assert "Menade du" not in by_code["unknown-initiative"]
    assert "(berattarnatverket)" in by_code["unknown-initiative"]
    assert "Menade du" not in by_code["unknown-type"]


# -- a slug suggestion renames both files alike -------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_bad_file_name_is_renamed_alike_in_both_files(tmp_path: Path, lang: str) -> None:
    files = {
        "aktiviteter/kafe.sv.md": None,
        "aktiviteter/kafe.nb.md": None,
        "aktiviteter/Berättarkafé-på-Jamtli.sv.md": kafe("sv"),
        "aktiviteter/Berättarkafé-på-Jamtli.nb.md": kafe("nb"),
    }
    problems = run_check(tmp_path, files)
    assert [p.code for p in problems] == ["bad-slug", "bad-slug"]
    problem = problems[0 if lang == "nb" else 1]
    other = "nb" if lang == "sv" else "sv"
    words = {
        "sv": "Byt namn på båda språkfilerna på samma sätt, så att de förblir ett par: "
        '"Berättarkafé-på-Jamtli.sv.md" till berattarkafe-pa-jamtli.sv.md och '
        "Berättarkafé-på-Jamtli.nb.md till berattarkafe-pa-jamtli.nb.md.",
        "nb": "Gi begge språkfilene nytt navn på samme måte, slik at de forblir et par: "
        '"Berättarkafé-på-Jamtli.nb.md" til berattarkafe-pa-jamtli.nb.md og '
        "Berättarkafé-på-Jamtli.sv.md til berattarkafe-pa-jamtli.sv.md.",
    }
    assert problem.message.endswith(words[lang]), problem.message
    assert f"berattarkafe-pa-jamtli.{other}.md" in problem.message


def test_following_the_rename_gives_a_clean_pair_never_a_taken_name(tmp_path: Path) -> None:
    """``Kafe`` beside ``kafe``: both files are told ``kafe-2``, as address-taken says."""
    problems = run_check(
        tmp_path / "a",
        {"aktiviteter/Kafe.sv.md": kafe("sv"), "aktiviteter/Kafe.nb.md": kafe("nb")},
    )
    slugs = [p for p in problems if p.code == "bad-slug"]
    assert all("kafe-2.sv.md" in p.message and "kafe-2.nb.md" in p.message for p in slugs)
    taken = [p for p in problems if p.code == "address-taken"]
    assert [p.message.endswith(f"kafe-2.{str(p.path)[-5:-3]}.md.") for p in taken] == [True, True]
    renamed = run_check(
        tmp_path / "b",
        {"aktiviteter/kafe-2.sv.md": kafe("sv"), "aktiviteter/kafe-2.nb.md": kafe("nb")},
    )
    assert renamed == []


# -- translations differ: one message, on the file changed last ----------------------------


def git(folder: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)


def dated(folder: Path, message: str, moment: str) -> None:
    """Commit everything in ``folder`` at ``moment`` (an ISO time), author and committer."""
    git(folder, "add", "-A")
    os.environ["GIT_COMMITTER_DATE"] = moment
    try:
        git(folder, "commit", "-q", "-m", message, "--date", moment)
    finally:
        del os.environ["GIT_COMMITTER_DATE"]


@pytest.mark.parametrize("lang", LANGS)
def test_translations_differ_is_one_message_on_the_file_changed_last_in_git(
    tmp_path: Path, lang: str
) -> None:
    """Both files committed; then ``lang``'s start is changed in a later commit."""
    repo = tmp_path / "repo"
    content = lay_out(repo / "content", {})
    git(repo, "init", "-q")
    dated(repo, "Both files", "2025-01-10T12:00:00+01:00")
    path = content / "aktiviteter" / f"kafe.{lang}.md"
    path.write_text(kafe(lang, start="2025-03-13 18:00"), encoding="utf-8")
    dated(repo, "One file", "2025-02-20T12:00:00+01:00")
    (problem,) = check_content(content, repo)
    other = "nb" if lang == "sv" else "sv"
    assert found([problem]) == [("translations-differ", f"content/aktiviteter/kafe.{lang}.md", 4)]
    words = {
        "sv": "Fältet start gäller båda språken, men språkfilerna säger olika: i "
        'content/aktiviteter/kafe.sv.md står "2025-03-13 18:00", i '
        'content/aktiviteter/kafe.nb.md står "2025-03-14 18:00". Senast ändrad är '
        "content/aktiviteter/kafe.sv.md, 2025-02-20. Skriv det som stämmer i båda filerna, "
        "till exempel start: 2025-03-13 18:00 i båda.",
        "nb": "Feltet start gjelder begge språk, men språkfilene sier forskjellige ting: i "
        'content/aktiviteter/kafe.nb.md står "2025-03-13 18:00", i '
        'content/aktiviteter/kafe.sv.md står "2025-03-14 18:00". Sist endret er '
        "content/aktiviteter/kafe.nb.md, 2025-02-20. Skriv det som stemmer i begge filene, "
        "for eksempel start: 2025-03-13 18:00 i begge.",
    }
    assert problem.message == words[lang]
    assert f"kafe.{other}.md" in problem.message

    # an edit not committed yet is newer than any commit: the other file now
    (content / "aktiviteter" / f"kafe.{other}.md").write_text(
        kafe(other, start="2025-03-12 18:00"), encoding="utf-8"
    )
    (problem,) = check_content(content, repo)
    assert str(problem.path) == f"content/aktiviteter/kafe.{other}.md"
    assert {"sv": "som inte är sparade i git än", "nb": "som ikke er lagret i git ennå"}[
        other
    ] in problem.message


def test_a_pair_changed_in_one_commit_is_reported_once_on_the_swedish_file(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    content = lay_out(repo / "content", {"aktiviteter/kafe.nb.md": kafe("nb", type="seminar")})
    git(repo, "init", "-q")
    dated(repo, "Both files", "2025-01-10T12:00:00+01:00")
    (problem,) = check_content(content, repo)
    assert found([problem]) == [("translations-differ", "content/aktiviteter/kafe.sv.md", 3)]
    assert "Båda filerna ändrades senast samtidigt, 2025-01-10." in problem.message
    assert '"workshop"' in problem.message and '"seminar"' in problem.message


# -- a pair whose names no longer match ----------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_renamed_file_of_a_pair_is_an_error_on_the_renamed_one(tmp_path: Path, lang: str) -> None:
    """Renamed in a later commit: told to take the other's (published) name, in its language."""
    other = "nb" if lang == "sv" else "sv"
    repo = tmp_path / "repo"
    content = lay_out(repo / "content", {})
    git(repo, "init", "-q")
    dated(repo, "The pair", "2025-01-10T12:00:00+01:00")
    old = content / "aktiviteter" / f"kafe.{lang}.md"
    old.rename(old.with_name(f"kafe-jamtli.{lang}.md"))
    dated(repo, "Renamed", "2025-02-20T12:00:00+01:00")
    problems = check_content(content, repo)
    assert found(problems) == [("pair-renamed", f"content/aktiviteter/kafe-jamtli.{lang}.md", 1)]
    assert problems[0].severity == "error"
    ends = {
        "sv": "Ge filerna samma namn före .sv.md och .nb.md: byt namn på den här filen till "
        "content/aktiviteter/kafe.sv.md.",
        "nb": "Gi filene samme navn foran .sv.md og .nb.md: gi denne filen nytt navn, "
        "content/aktiviteter/kafe.nb.md.",
    }
    assert problems[0].message.endswith(ends[lang]), problems[0].message
    assert f"content/aktiviteter/kafe.{other}.md" in problems[0].message


def test_files_with_other_names_and_other_facts_are_two_items(tmp_path: Path) -> None:
    """Only in Swedish and only in Norwegian, unlike names, unlike facts: two warnings."""
    problems = run_check(
        tmp_path,
        {
            "aktiviteter/kafe.sv.md": None,
            "aktiviteter/fika.sv.md": kafe("sv", start="2024-01-01", end=None),
        },
    )
    assert [(p.code, p.severity) for p in problems] == [("missing-translation", "warning")] * 2


def test_a_page_pair_with_other_names_stays_a_warning(tmp_path: Path) -> None:
    """A page has no shared facts to compare: each file is a page of its own site."""
    problems = run_check(
        tmp_path,
        {
            "sidor/om.sv.md": "---\ntitle: Om\n---\nT\n",
            "sidor/om-oss.nb.md": "---\ntitle: Om\n---\nT\n",
        },
    )
    assert [p.code for p in problems] == ["missing-translation"] * 2


def test_the_same_facts_under_unlike_names_are_one_item(tmp_path: Path) -> None:
    problems = run_check(
        tmp_path,
        {
            "nyheter/rapport.sv.md": "---\ntitle: R\ndate: 2024-03\nsummary: S\n---\nT\n",
            "nyheter/delrapport-1.nb.md": "---\ntitle: R\ndate: 2024-03\nsummary: S\n---\nT\n",
        },
    )
    assert found(problems) == [("pair-renamed", "content/nyheter/delrapport-1.nb.md", 1)]


# -- YAML syntax errors in the communicator's words ---------------------------------------

#: front matter lines PyYAML cannot read, one for each kind of fault it names
BROKEN_YAML = [
    "title: Kafé: våren",
    'title: "Kafé',
    "title: [a, b",
    "title: {a: b",
    'title: "a" b',
    "title: a\n  b: c",
    "title: @x",
    "title: `x",
    "title: |x\n  y",
    "summary: >-x",
    'title: "a\\q"',
    'title: "\\x4"',
    "title\nplace: x",
    "title: a\n- b",
    "title: *",
    "title: a\n\t b: c",
    "title: [a]]",
    "title: ,a",
    "title: -",
    "title: x\n...\nplace: y",
]
#: words of PyYAML's and libyaml's problems that must never reach a communicator
ENGLISH = ("mapping", "expected", "found", "allowed", "scanning", "context", "stream", "token")


@pytest.mark.parametrize("loader", ["libyaml", "python"])
@pytest.mark.parametrize("text", BROKEN_YAML)
def test_every_yaml_fault_gets_a_precise_message_at_its_field(
    text: str, loader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each problem text of both parsers maps to a yaml-syntax variant; none is English."""
    import yaml
    from pelican.plugins.samspel.check.messages import MESSAGES, frontmatter_problem
    from pelican.plugins.samspel.content import frontmatter

    if loader == "python":
        monkeypatch.setattr(frontmatter, "_LOADER", yaml.BaseLoader)
    with pytest.raises(frontmatter.FrontMatterError) as raised:
        frontmatter.parse_mapping(text, first_line=2)
    error = raised.value
    assert error.code == "yaml-syntax"
    assert f"yaml-syntax/{error.variant}" in MESSAGES, (error.detail, error.variant)
    for lang in LANGS:
        problem = frontmatter_problem(Path("content/sidor/om.sv.md"), error, lang)
        fault = text.split("\n")[error.line - 2]
        if ":" in fault:  # shown at the field of the fault's line, not at the whole file
            assert problem.field == fault.strip(" -\t").split(":")[0], (text, problem.field)
        else:
            assert problem.field == "fil"
        assert problem.message == MESSAGES[f"yaml-syntax/{error.variant}"][lang].format()
        assert not any(word in problem.message for word in ENGLISH), problem.message


@pytest.mark.parametrize("lang", LANGS)
def test_a_yaml_syntax_error_is_shown_at_its_field_and_line_in_the_files_language(
    tmp_path: Path, lang: str
) -> None:
    text = kafe(lang, title="Kafé: våren")
    (problem,) = run_check(tmp_path, {f"aktiviteter/kafe.{lang}.md": text})
    start = {
        "sv": f"content/aktiviteter/kafe.{lang}.md:2: error: title: Raden har ett kolon mitt i "
        'ett värde utan citattecken. Sätt hela värdet inom citattecken: title: "Berättarkafé: '
        'våren 2025". [yaml-syntax]',
        "nb": f"content/aktiviteter/kafe.{lang}.md:2: error: title: Linjen har et kolon midt i "
        'en verdi uten anførselstegn. Sett hele verdien i anførselstegn: title: "Fortellerkafé: '
        'våren 2025". [yaml-syntax]',
    }
    assert problem.format() == start[lang]


# -- every failing target ends in the communicator's words --------------------------------


def tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, check=False
    )


def last_line(result: subprocess.CompletedProcess) -> str:
    return (result.stdout + result.stderr).rstrip().splitlines()[-1]


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (("--type", "konsert", "--slug", "kafe"), "TYPE='konsert': skriv en av"),
        (("--type", "activity", "--slug", "Kafé"), "SLUG='Kafé': bara små bokstäver"),
        (("--type", "", "--slug", ""), "TYPE='': skriv en av"),
    ],
)
def test_a_failed_make_new_ends_with_what_to_type_in_both_languages(
    tmp_path: Path, args: tuple[str, ...], problem: str
) -> None:
    result = tool("pelican.plugins.samspel.commands.new", *args, "--content", str(tmp_path))
    assert result.returncode == 1
    assert problem in result.stderr
    assert last_line(result) == (
        "make new: inget skrevs; skriv till exempel / ingenting ble skrevet; skriv for eksempel: "
        "make new TYPE=activity SLUG=berattarkafe-2025"
    )
    assert "Traceback" not in result.stderr and list(tmp_path.iterdir()) == []


def test_a_failed_make_check_ends_with_the_count_in_both_languages(tmp_path: Path) -> None:
    content = lay_out(tmp_path / "content", {"sidor/kafe-2.sv.md": kafe("sv")})
    result = tool("pelican.plugins.samspel.commands.check", "--content", str(content))
    assert result.returncode == 1
    assert last_line(result) == "make check: 1 fel och 1 varning / 1 feil og 1 advarsel"


def test_the_makefile_ends_a_failed_install_and_publish_in_words() -> None:
    """Make itself then adds its own line (``make: *** … Error 1``), which it always prints."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "echo 'make: installationen misslyckades, se ovan; kör make install igen / " in makefile
    assert "echo 'make publish: länkkontrollen hittade fel, se raderna ovan" in makefile
    assert "/ lenkesjekken fant feil, se linjene over" in makefile
