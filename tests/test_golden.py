"""One golden site: the complete fixture site, built whole, equals tests/output/golden/.

tests/data/complete-site/content is built with the local settings at a fixed
SOURCE_DATE_EPOCH, its files dated that moment too (the progress figures' date comes
from them outside Git), and the output is compared with tests/output/golden/ file
by file: the same files, each byte for byte. A change anywhere in the output (the
theme, a template, the plugin, the search index) shows up here as a readable diff.

When the change is meant, regenerate the golden site and commit it with the change::

    make golden        # pytest tests/test_golden.py --update-golden
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest
from helpers import REPO, Build, copy_fixture, run_build

GOLDEN = REPO / "tests" / "output" / "golden"
#: 1 December 2026, 12.00 in Sweden: after the project's end (pelicanconf.py), a fixed day
EPOCH = 1_796_212_800
#: lines of unified diff shown per differing text file, files shown in all
DIFF_LINES = 40
SHOWN_FILES = 10


def files_under(root: Path) -> dict[str, Path]:
    """Every file under ``root`` by its POSIX path relative to it."""
    return {path.relative_to(root).as_posix(): path for path in root.rglob("*") if path.is_file()}


def difference(name: str, expected: bytes, actual: bytes) -> str:
    """One file's difference, for a reader: a unified diff, or sizes for binary files."""
    try:
        before = expected.decode("utf-8").splitlines()
        after = actual.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return f"{name}: binary, {len(expected)} bytes golden, {len(actual)} bytes built"
    lines = list(
        difflib.unified_diff(before, after, f"golden/{name}", f"built/{name}", lineterm="")
    )
    shown = lines[:DIFF_LINES]
    if len(lines) > DIFF_LINES:
        shown.append(f"... {len(lines) - DIFF_LINES} more lines of diff")
    return "\n".join(shown)


def comparison(golden: Path, built: Path) -> list[str]:
    """What differs between the golden and the built output, as readable paragraphs."""
    expected, actual = files_under(golden), files_under(built)
    report = []
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    if missing:
        report.append("not built any more:\n  " + "\n  ".join(missing))
    if extra:
        report.append("built, not in the golden site:\n  " + "\n  ".join(extra))
    changed = [
        name
        for name in sorted(set(expected) & set(actual))
        if expected[name].read_bytes() != actual[name].read_bytes()
    ]
    for name in changed[:SHOWN_FILES]:
        report.append(difference(name, expected[name].read_bytes(), actual[name].read_bytes()))
    if len(changed) > SHOWN_FILES:
        report.append(f"... and {len(changed) - SHOWN_FILES} more changed files")
    return report


@pytest.fixture(scope="module")
def golden_build(tmp_path_factory) -> Build:
    """The complete fixture site at EPOCH, its files dated EPOCH, built once."""
    folder = tmp_path_factory.mktemp("golden")
    content = copy_fixture("complete-site", folder / "content")
    for path in content.rglob("*"):
        os.utime(path, (EPOCH, EPOCH))
    build = run_build(folder / "output", content=content, source_date_epoch=EPOCH)
    assert build.returncode == 0, build.log
    return build


def test_the_complete_site_builds_into_the_golden_site(
    golden_build: Build, request: pytest.FixtureRequest
) -> None:
    if request.config.getoption("--update-golden"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(golden_build.output, GOLDEN)
    assert GOLDEN.is_dir(), f"{GOLDEN.relative_to(REPO)} is missing: run `make golden`"
    report = comparison(GOLDEN, golden_build.output)
    assert not report, (
        "the built site differs from tests/output/golden/; if the change is meant, "
        "run `make golden` and commit the result:\n\n" + "\n\n".join(report)
    )
