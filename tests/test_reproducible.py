"""Same commit + same SOURCE_DATE_EPOCH => byte-identical output/se and output/no.

Two copies of the repository in two different temporary folders (a clone of HEAD,
plus the work tree's uncommitted changes so that the test checks what a developer
is about to commit) are built with the publish settings and the same
SOURCE_DATE_EPOCH, but a different hash seed, time zone and locale, as two CI
runners would. Every file must be the same, byte for byte.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import REPO

EPOCH = 1_780_000_000  # 2026-05-28, a day inside the project's lifetime


def git(*args: str, cwd: Path = REPO) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout


def copy_of_work_tree(destination: Path) -> Path:
    """A clone of HEAD with the work tree's modified, new and deleted files applied."""
    git("clone", "--quiet", "--no-hardlinks", str(REPO), str(destination))
    changed = git("ls-files", "-z", "--modified", "--others", "--exclude-standard").split("\0")
    deleted = set(git("ls-files", "-z", "--deleted").split("\0"))
    for name in filter(None, changed):
        target = destination / name
        if name in deleted:
            target.unlink(missing_ok=True)
        elif (REPO / name).is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target)
    return destination


def build_in(source: Path, environment: dict[str, str]) -> Path:
    env = {**os.environ, **environment, "SOURCE_DATE_EPOCH": str(EPOCH)}
    command = [
        sys.executable,
        "-m",
        "pelican.plugins.samspel.commands.build",
        "--settings",
        "publishconf.py",
    ]
    result = subprocess.run(
        [*command, "--output", "output"],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return source / "output"


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def first_difference(name: str, one: bytes, other: bytes) -> str:
    lines = difflib.unified_diff(
        one.decode("utf-8", "replace").splitlines(),
        other.decode("utf-8", "replace").splitlines(),
        lineterm="",
        n=0,
    )
    return name + ":\n" + "\n".join(list(lines)[:12])


def test_two_builds_in_two_folders_are_byte_identical(tmp_path: Path) -> None:
    first = copy_of_work_tree(tmp_path / "first-copy")
    second = copy_of_work_tree(tmp_path / "second" / "a-longer-folder-name")
    one = tree(build_in(first, {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8"}))
    other = tree(
        build_in(second, {"PYTHONHASHSEED": "4242", "TZ": "America/New_York", "LC_ALL": "C"})
    )
    assert {name.split("/")[0] for name in one} == {"se", "no"}
    assert len(one) > 50
    assert sorted(one) == sorted(other), "the two builds wrote different files"
    differences = [
        first_difference(name, one[name], other[name]) for name in one if one[name] != other[name]
    ]
    assert differences == [], "\n\n".join(differences[:5])
    for name, data in one.items():
        for folder in (first, second, REPO):
            assert str(folder).encode() not in data, f"{name} contains the local path {folder}"
