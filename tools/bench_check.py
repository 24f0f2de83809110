"""How long ``make check`` takes on a large content folder (a benchmark, not a test).

Copies the repository's content and adds ``--pairs`` activity pairs (one sv and
one nb file each), then times ``check_content`` on it.

Usage: python -m tools.bench_check [--pairs 3000]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from pelican.plugins.samspel.commands.check import ROOT, check_content, summary
from pelican.plugins.samspel.content.contract import ACTIVITIES, LANGUAGES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=3000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(ROOT / "content", content)
        source = content / ACTIVITIES / "utvecklingsprogrammet-ovasjon"
        texts = {
            lang: Path(f"{source}.{lang}.md").read_text(encoding="utf-8") for lang in LANGUAGES
        }
        for number in range(args.pairs):
            for lang, text in texts.items():
                (content / ACTIVITIES / f"bench-{number}.{lang}.md").write_text(
                    text, encoding="utf-8"
                )
        started, cpu = time.perf_counter(), time.process_time()
        problems = check_content(content, Path(folder))
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    files = 2 * args.pairs
    print(f"{files} extra files: {wall:.2f} s wall, {cpu:.2f} s CPU; {summary(problems)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
