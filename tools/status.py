"""``make status``: which items lack a translation, and which translation may be out of date.

For communicators of both countries, so every heading is in Swedish and
Norwegian. "Out of date" means the item's two language files were last changed
in different commits: the file changed earlier probably misses the later change.

Usage: python -m tools.status [--content content]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from samspel.check import file_name_parts  # noqa: E402
from samspel.contract import LANGUAGES, SECTIONS  # noqa: E402
from samspel.history import last_commit_times  # noqa: E402
from samspel.today import PROJECT_ZONE  # noqa: E402

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


def _day(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, PROJECT_ZONE).date().isoformat()


def print_report(report: TranslationReport, root: Path, stream: TextIO = sys.stdout) -> None:
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args(argv)
    content_root = args.content.resolve()
    print_report(translation_report(content_root), content_root.parent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
