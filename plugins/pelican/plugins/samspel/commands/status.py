"""``make status``: missing, stale and uncommitted files, and tentative activities now past.

For communicators of both countries: a Swedish block, then a Norwegian one,
each wholly in its language (a line that mixes the two is read by nobody), or
only one of them when ``LANG`` names that language (``LANG=sv``,
``LANG=nb_NO.UTF-8``; :func:`languages_for`).

"Out of date" means the item's two language files were last changed in
different commits: the file changed earlier probably misses the later change.
A tentative activity whose period is over is shown as "Planerades till …" on
the sites until someone writes what became of it; the report names each one
(the content check warns about them too, ``tentative-over``). "Not committed"
counts the files under ``content/`` that Git has not got yet, new ones
included: the other counts are made from the files on disk, but the sites are
built from what is committed and pushed.

Usage: [LANG=sv|nb] samspel status [--content content] [--lang sv|nb|both]
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

from ..check.runner import file_name_parts
from ..content.contract import (
    ACTIVITIES,
    LANGUAGES,
    SECTIONS,
    countries_of,
    schedule_for,
    tentative_over,
)
from ..content.history import last_commit_times, uncommitted_files
from ..content.index import ContentIndex
from ..today import PROJECT_ZONE, build_moment
from .project import project_root

ROOT = project_root()


@dataclass(frozen=True)
class Stale:
    """An item whose ``older`` language file was last committed before its ``newer`` one."""

    older: Path
    older_time: int
    newer: Path
    newer_time: int


@dataclass
class TranslationReport:
    #: language -> files of items that exist only in the *other* language
    missing: dict[str, list[Path]]
    stale: list[Stale]


def translation_report(content_root: Path) -> TranslationReport:
    """Compare the sv and nb files of every item under ``content_root``."""
    items: dict[tuple[str, str], dict[str, Path]] = {}
    for section in SECTIONS:
        for path in sorted((content_root / section).glob("*.md")):
            slug, lang = file_name_parts(path.name)
            if lang in LANGUAGES:
                items.setdefault((section, slug), {})[lang] = path.resolve()
    times = last_commit_times(content_root)
    missing: dict[str, list[Path]] = {lang: [] for lang in LANGUAGES}
    stale: list[Stale] = []
    for key in sorted(items):
        files = items[key]
        for lang in LANGUAGES:
            if lang not in files:
                missing[lang].extend(files.values())
        if len(files) < len(LANGUAGES) or not all(path in times for path in files.values()):
            continue
        older, newer = sorted(files.values(), key=lambda path: times[path])
        if times[older] < times[newer]:
            stale.append(Stale(older, times[older], newer, times[newer]))
    return TranslationReport(missing, stale)


@dataclass(frozen=True)
class PastTentative:
    """A tentative activity whose period is over: its language files and its period as written."""

    paths: tuple[Path, ...]
    period: str  # "2024-03 – 2024-05", as the files write it


def tentative_report(content_root: Path, now: datetime) -> list[PastTentative]:
    """Every tentative activity whose period ended before ``now``, by file name.

    Read from the front matter of either language file (both must state the same
    status and dates; the check reports it where they do not). A file whose dates
    do not parse is left to the check.
    """
    found = []
    index = ContentIndex.scan(content_root)
    for _slug, versions in sorted(index.by_slug(ACTIVITIES).items()):
        item = next(versions[lang] for lang in LANGUAGES if lang in versions)
        if str(item.get("status", "")).strip() != "tentative":
            continue
        start, end = str(item.get("start", "")).strip(), item.get("end")
        try:
            schedule = schedule_for(start, end, countries_of(item.get("country")))
        except (KeyError, ValueError):
            continue
        if tentative_over("tentative", schedule, now):
            period = start if end in (None, "") else f"{start} – {str(end).strip()}"
            paths = tuple(versions[lang].path.resolve() for lang in LANGUAGES if lang in versions)
            found.append(PastTentative(paths, period))
    return found


#: the words of each block; every line of a block is in its one language
WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "heading": "Läget för innehållet (på svenska)",
        "missing-sv": "Saknas på svenska",
        "missing-nb": "Saknas på norska",
        "stale": "Kan vara inaktuella",
        "stale-hint": "(den ena filen ändrades senare: se om den andra behöver samma ändring)",
        "uncommitted": "Filer som inte är sparade i Git ännu (ingen commit)",
        "uncommitted-hint": "(webbplatserna byggs bara av det som är sparat och skickat)",
        "no-git": "Filer som inte är sparade i Git ännu: kan inte räknas, mappen ligger inte i Git",
        "tentative": "Preliminära aktiviteter vars tid har gått",
        "tentative-hint": "(skriv vad som hände: status: scheduled, cancelled eller postponed)",
    },
    "nb": {
        "heading": "Status for innholdet (på norsk)",
        "missing-sv": "Mangler på svensk",
        "missing-nb": "Mangler på norsk",
        "stale": "Kan være utdatert",
        "stale-hint": "(den ene filen ble endret senere: se om den andre trenger samme endring)",
        "uncommitted": "Filer som ikke er lagret i Git ennå (ingen commit)",
        "uncommitted-hint": "(nettstedene bygges bare av det som er lagret og sendt)",
        "no-git": "Filer som ikke er lagret i Git ennå: kan ikke telles, mappen ligger ikke i Git",
        "tentative": "Foreløpige aktiviteter der tiden er over",
        "tentative-hint": "(skriv hva som skjedde: status: scheduled, cancelled eller postponed)",
    },
}


def languages_for(value: str | None) -> tuple[str, ...]:
    """The blocks to print for a ``LANG`` value: ``sv`` or ``nb`` alone, else both.

    Accepts the bare codes and locale names (``sv_SE.UTF-8``, ``nb_NO.UTF-8``,
    and ``no_NO``, the older name of Bokmål), so a communicator's own
    system setting picks their language; anything else (``C.UTF-8``, English,
    unset) gives both blocks, since the report is for both countries.
    """
    code = (value or "").split(".")[0].split("@")[0].split("_")[0].lower()
    code = {"no": "nb"}.get(code, code)
    return (code,) if code in LANGUAGES else LANGUAGES


def _day(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, PROJECT_ZONE).date().isoformat()


def print_block(
    lang: str,
    report: TranslationReport,
    root: Path,
    stream: TextIO = sys.stdout,
    tentative: list[PastTentative] | None = None,
    uncommitted: list[Path] | None = None,
) -> None:
    """One language's block: every heading and hint in ``lang``, paths as written."""
    words = WORDS[lang]

    def shown(path: Path) -> str:
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    def section(title: str, count: int, hint: str | None = None) -> None:
        print(f"\n{title}: {count}", file=stream)
        if hint and count:
            print(f"  {hint}", file=stream)

    print(words["heading"], file=stream)
    for missing in LANGUAGES:
        files = report.missing[missing]
        section(words[f"missing-{missing}"], len(files))
        for path in files:
            print(f"  {shown(path)}", file=stream)
    section(words["stale"], len(report.stale), words["stale-hint"])
    for item in report.stale:
        print(
            f"  {shown(item.older)} ({_day(item.older_time)}) <- "
            f"{shown(item.newer)} ({_day(item.newer_time)})",
            file=stream,
        )
    if uncommitted is None:
        print(f"\n{words['no-git']}", file=stream)
    else:
        section(words["uncommitted"], len(uncommitted), words["uncommitted-hint"])
        for path in uncommitted:
            print(f"  {shown(path)}", file=stream)
    if tentative is None:
        return
    section(words["tentative"], len(tentative), words["tentative-hint"])
    for item in tentative:
        print(f"  {', '.join(shown(path) for path in item.paths)} ({item.period})", file=stream)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument(
        "--lang",
        choices=(*LANGUAGES, "both"),
        help="the block to print (default: from LANG, else both)",
    )
    args = parser.parse_args(argv)
    content_root = args.content.resolve()
    chosen = args.lang or os.environ.get("LANG")
    languages = LANGUAGES if chosen == "both" else languages_for(chosen)
    report = translation_report(content_root)
    tentative = tentative_report(content_root, build_moment())
    uncommitted = uncommitted_files(content_root)
    for number, lang in enumerate(languages):
        if number:
            print("\n", file=sys.stdout)
        print_block(lang, report, content_root.parent, sys.stdout, tentative, uncommitted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
