"""``make status``: missing and possibly stale translations, and tentative activities now past.

For communicators of both countries, so every heading is in Swedish and
Norwegian. "Out of date" means the item's two language files were last changed
in different commits: the file changed earlier probably misses the later change.
A tentative activity whose period is over is shown as "Planerades till …" on the
sites until someone writes what became of it; the report names each one (the
content check warns about them too, ``tentative-over``).

Usage: samspel status [--content content]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

from ..check.runner import file_name_parts
from ..content.contract import (
    LANGUAGES,
    SECTIONS,
    countries_of,
    schedule_for,
    tentative_over,
)
from ..content.history import last_commit_times
from ..content.index import ContentIndex
from ..today import PROJECT_ZONE, build_moment
from .project import project_root

ROOT = project_root()

LANGUAGE_NAMES = {"sv": "svenska / svensk", "nb": "norska / norsk"}


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
    for _slug, versions in sorted(index.by_slug("aktiviteter").items()):
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


def _day(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, PROJECT_ZONE).date().isoformat()


def print_report(
    report: TranslationReport,
    root: Path,
    stream: TextIO = sys.stdout,
    tentative: list[PastTentative] | None = None,
) -> None:
    def shown(path: Path) -> str:
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    print("Översättningar / Oversettelser", file=stream)
    for lang in LANGUAGES:
        files = report.missing[lang]
        print(f"\nSaknas på / Mangler på {LANGUAGE_NAMES[lang]}: {len(files)}", file=stream)
        for path in files:
            print(f"  {shown(path)}", file=stream)
    print(
        f"\nKan vara inaktuella / Kan være utdatert: {len(report.stale)}"
        "\n  (den ena filen ändrades senare / den ene filen ble endret senere)",
        file=stream,
    )
    for item in report.stale:
        print(
            f"  {shown(item.older)} ({_day(item.older_time)}) <- "
            f"{shown(item.newer)} ({_day(item.newer_time)})",
            file=stream,
        )
    if tentative is None:
        return
    print(
        "\nPreliminära aktiviteter vars tid har gått / Foreløpige aktiviteter der tiden er over: "
        f"{len(tentative)}\n  (skriv vad som hände / skriv hva som skjedde: "
        "status: scheduled, cancelled eller postponed)",
        file=stream,
    )
    for item in tentative:
        print(f"  {', '.join(shown(path) for path in item.paths)} ({item.period})", file=stream)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args(argv)
    content_root = args.content.resolve()
    tentative = tentative_report(content_root, build_moment())
    print_report(translation_report(content_root), content_root.parent, tentative=tentative)
    return 0


if __name__ == "__main__":
    sys.exit(main())
