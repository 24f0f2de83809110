"""``make status`` in one language per block (issue 16, item 5).

The report is for communicators in both countries: a Swedish block and a
Norwegian block, each wholly in its language, or only one of them when ``LANG``
names it. It counts the files under ``content/`` that are not committed yet
(new ones included: the sites are built from what is committed) and keeps the
tentative activities whose period is over, in each block. Every test runs the
tool as ``make status`` does, in a temporary Git repository with fixed dates.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import REPO, write_content
from pelican.plugins.samspel.commands import status

#: the build's "today" for every run: after the project's end (2026-12-02)
TODAY = int(datetime(2026, 12, 2, 12, tzinfo=UTC).timestamp())
PAGE = "---\ntitle: T\nsummary: S\n---\nText.\n"
TENTATIVE = (
    "---\ntitle: Nätverksträffar\ntype: network-meeting\nstart: 2024-03\nend: 2024-05\n"
    "country: SE\nstatus: tentative\nsummary: S\n---\nText.\n"
)
FILES = {
    "sidor/om.sv.md": PAGE,
    "sidor/om.nb.md": PAGE,
    "sidor/bara-svenska.sv.md": PAGE,
    "aktiviteter/traffar.sv.md": TENTATIVE,
    "aktiviteter/traffar.nb.md": TENTATIVE,
}
#: the lines each block must have, in its language, for the repository built below
EXPECTED = {
    "sv": [
        "Läget för innehållet (på svenska)",
        "Saknas på svenska: 1",
        "  content/nyheter/ny.nb.md",
        "Saknas på norska: 1",
        "  content/sidor/bara-svenska.sv.md",
        "Kan vara inaktuella: 1",
        "  (den ena filen ändrades senare: se om den andra behöver samma ändring)",
        "  content/sidor/om.nb.md (2025-01-10) <- content/sidor/om.sv.md (2025-02-20)",
        "Filer som inte är sparade i Git ännu (ingen commit): 2",
        "  (webbplatserna byggs bara av det som är sparat och skickat)",
        "  content/nyheter/ny.nb.md",
        "  content/sidor/bara-svenska.sv.md",
        "Preliminära aktiviteter vars tid har gått: 1",
        "  (skriv vad som hände: status: scheduled, cancelled eller postponed)",
        "  content/aktiviteter/traffar.sv.md, content/aktiviteter/traffar.nb.md"
        " (2024-03 – 2024-05)",
    ],
    "nb": [
        "Status for innholdet (på norsk)",
        "Mangler på svensk: 1",
        "  content/nyheter/ny.nb.md",
        "Mangler på norsk: 1",
        "  content/sidor/bara-svenska.sv.md",
        "Kan være utdatert: 1",
        "  (den ene filen ble endret senere: se om den andre trenger samme endring)",
        "  content/sidor/om.nb.md (2025-01-10) <- content/sidor/om.sv.md (2025-02-20)",
        "Filer som ikke er lagret i Git ennå (ingen commit): 2",
        "  (nettstedene bygges bare av det som er lagret og sendt)",
        "  content/nyheter/ny.nb.md",
        "  content/sidor/bara-svenska.sv.md",
        "Foreløpige aktiviteter der tiden er over: 1",
        "  (skriv hva som skjedde: status: scheduled, cancelled eller postponed)",
        "  content/aktiviteter/traffar.sv.md, content/aktiviteter/traffar.nb.md"
        " (2024-03 – 2024-05)",
    ],
}
#: words only one of the two languages uses in the report: none may be in the other's block
ONLY = {
    "sv": ["Läget", "Saknas", "inaktuella", "inte", "ännu", "hände", "vad", "norska", "svenska"],
    "nb": ["Status for", "Mangler", "utdatert", "ikke", "ennå", "skjedde", "hva", "norsk)"],
}


def git(folder: Path, *args: str, when: str | None = None) -> None:
    """Git in ``folder`` with no user or system configuration, committing at ``when``."""
    env = {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    subprocess.run(["git", "-C", str(folder), *args], env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A repository with a stale pair, a tentative activity, and two files not committed.

    ``bara-svenska.sv.md`` is committed and then deleted on disk (a change Git
    sees); ``ny.nb.md`` is new and untracked: both are counted as not committed.
    """
    repo = tmp_path_factory.mktemp("status-repo")
    content = write_content(repo / "content", FILES)
    git(repo, "init", "--quiet")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--message", "first", when="2025-01-10T12:00:00+01:00")
    (content / "sidor" / "om.sv.md").write_text(PAGE + "Mer text.\n", encoding="utf-8")
    git(repo, "commit", "--quiet", "--all", "--message", "sv", when="2025-02-20T12:00:00+01:00")
    (content / "sidor" / "bara-svenska.sv.md").write_text(PAGE + "Ändrad.\n", encoding="utf-8")
    write_content(content, {"nyheter/ny.nb.md": "---\ntitle: N\ndate: 2025-03\n---\nT.\n"})
    return repo


def make_status(content: Path, lang: str | None, *args: str) -> subprocess.CompletedProcess:
    """``make status`` with ``LANG`` set to ``lang`` (None: unset) and a fixed today."""
    env = {key: value for key, value in os.environ.items() if key not in ("LANG", "LC_ALL")}
    env["SOURCE_DATE_EPOCH"] = str(TODAY)
    if lang is not None:
        env["LANG"] = lang
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican.plugins.samspel.commands.status",
            "--content",
            str(content),
            *args,
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def words_of(line: str) -> str:
    """A report line without its file names, which are the same in both languages."""
    return "" if line.startswith("  content/") else line


def blocks(stdout: str) -> dict[str, list[str]]:
    """The report's blocks by language, each a list of its non-empty lines."""
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for line in stdout.splitlines():
        for lang, lines in EXPECTED.items():
            if line == lines[0]:
                current = found.setdefault(lang, [])
        if line:
            current.append(line)
    return found


@pytest.mark.parametrize("lang", [None, "C.UTF-8", "en_GB.UTF-8", "fi_FI.UTF-8", "both"])
def test_both_blocks_each_in_its_language_when_lang_names_neither(repo: Path, lang) -> None:
    args = ("--lang", "both") if lang == "both" else ()
    result = make_status(repo / "content", None if lang == "both" else lang, *args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    found = blocks(result.stdout)
    assert list(found) == ["sv", "nb"]  # Swedish first, then Norwegian
    assert found == EXPECTED
    for lang_of_block, lines in found.items():
        other = "nb" if lang_of_block == "sv" else "sv"
        mixed = [line for line in lines if any(word in words_of(line) for word in ONLY[other])]
        assert mixed == [], f"{lang_of_block} block has {other} words"
    assert " / " not in result.stdout


@pytest.mark.parametrize(
    "lang, value",
    [
        ("sv", "sv"),
        ("sv", "sv_SE.UTF-8"),
        ("sv", "sv_FI.utf8"),
        ("nb", "nb"),
        ("nb", "nb_NO.UTF-8"),
        ("nb", "no_NO.UTF-8"),
    ],
)
def test_lang_chooses_one_block(repo: Path, lang: str, value: str) -> None:
    result = make_status(repo / "content", value)
    assert result.returncode == 0, result.stderr
    assert blocks(result.stdout) == {lang: EXPECTED[lang]}
    other = "nb" if lang == "sv" else "sv"
    assert EXPECTED[other][0] not in result.stdout
    lines = [words_of(line) for line in result.stdout.splitlines()]
    assert not [line for line in lines for word in ONLY[other] if word in line]


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_the_lang_option_wins_over_the_environment(repo: Path, lang: str) -> None:
    other = "nb" if lang == "sv" else "sv"
    result = make_status(repo / "content", f"{other}_XX.UTF-8", "--lang", lang)
    assert list(blocks(result.stdout)) == [lang]


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_a_new_file_and_a_changed_one_are_counted_until_committed(
    tmp_path: Path, lang: str
) -> None:
    """Untracked and modified files count; committing them brings the count to 0."""
    content = write_content(tmp_path / "content", {"sidor/om.sv.md": PAGE, "sidor/om.nb.md": PAGE})
    git(tmp_path, "init", "--quiet")
    git(tmp_path, "add", "--all")
    git(tmp_path, "commit", "--quiet", "--message", "first", when="2025-01-10T12:00:00+01:00")
    (content / "sidor" / "om.nb.md").write_text(PAGE + "Mer.\n", encoding="utf-8")
    write_content(content, {"nyheter/ny.sv.md": "---\ntitle: N\ndate: 2025-03\n---\nT.\n"})
    write_content(tmp_path, {"README.md": "outside content/: not counted\n"})
    heading = EXPECTED[lang][8].split(":")[0]  # "Filer som inte är sparade … (ingen commit)"

    before = make_status(content, lang).stdout.splitlines()
    at = before.index(f"{heading}: 2")
    assert before[at + 2 : at + 4] == ["  content/nyheter/ny.sv.md", "  content/sidor/om.nb.md"]
    assert status.uncommitted_files(content) == [
        (content / "nyheter" / "ny.sv.md").resolve(),
        (content / "sidor" / "om.nb.md").resolve(),
    ]

    git(tmp_path, "add", "content")
    git(tmp_path, "commit", "--quiet", "--message", "second", when="2025-02-10T12:00:00+01:00")
    after = make_status(content, lang).stdout
    assert f"{heading}: 0\n" in after
    assert status.uncommitted_files(content) == []


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_outside_git_the_report_says_it_cannot_count(tmp_path: Path, lang: str) -> None:
    content = write_content(tmp_path / "content", {"sidor/om.sv.md": PAGE})
    result = make_status(content, lang)
    assert result.returncode == 0, result.stderr
    assert status.uncommitted_files(content) is None
    expected = {
        "sv": "Filer som inte är sparade i Git ännu: kan inte räknas, mappen ligger inte i Git",
        "nb": "Filer som ikke er lagret i Git ennå: kan ikke telles, mappen ligger ikke i Git",
    }
    assert expected[lang] in result.stdout.splitlines()
    assert "Traceback" not in result.stdout + result.stderr


def test_languages_for_reads_lang_as_a_locale() -> None:
    assert status.languages_for("sv_SE.UTF-8") == ("sv",)
    assert status.languages_for("nb_NO.UTF-8@euro") == ("nb",)
    assert status.languages_for("NB") == ("nb",)
    assert status.languages_for("nn_NO.UTF-8") == ("sv", "nb")  # Nynorsk: both
    assert status.languages_for("") == ("sv", "nb")
    assert status.languages_for(None) == ("sv", "nb")
