"""When each content file last changed, from Git, in one call.

Used where a date must come from the content rather than the clock (iCalendar
DTSTAMP/LAST-MODIFIED, the date of the progress figures) and by the translation
report (which language file of an item changed later). One ``git log`` over the
whole folder, not one per file, so it stays fast with thousands of files.
"""

from __future__ import annotations

import logging
import os
import subprocess
from collections.abc import Callable
from pathlib import Path, PurePosixPath

log = logging.getLogger(__name__)


def last_commit_times(folder: Path) -> dict[Path, int]:
    """``{absolute path: Unix time of the last commit that touched it}`` for files in ``folder``.

    Empty when ``folder`` is not in a Git work tree (a test's temporary folder) or
    Git is missing; callers fall back to a date of their own then.
    """
    folder = folder.resolve()
    try:
        top = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        listing = subprocess.run(
            [
                "git",
                "-C",
                top,
                "log",
                "--format=%x00%ct",
                "--name-only",
                "--no-renames",
                "--",
                str(folder),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    times: dict[Path, int] = {}
    current = 0
    for line in listing.splitlines():
        if line.startswith("\x00"):
            current = int(line[1:])
        elif line:
            times.setdefault(Path(top, line).resolve(), current)
    return times


def last_change(folder: Path, wanted: Callable[[PurePosixPath], bool]) -> int | None:
    """Unix time the ``wanted`` files under ``folder`` last changed, or None if there are none.

    ``wanted`` gets each path relative to ``folder``. In a Git work tree this is the
    newest commit that changed one of them, a deleted one included (a deletion
    changes the facts as much as an edit), so the same commit always gives the
    same answer, on any machine and any day; edits not committed yet are not
    seen until they are committed. Outside Git (a test's temporary folder, an
    unpacked archive), or when Git knows none of the files (all of them new and
    uncommitted), it is the newest modification time of the files on disk: the
    best the files themselves can tell, and never the build's clock.
    """
    folder = folder.resolve()
    committed = [
        moment
        for path, moment in last_commit_times(folder).items()
        if path.is_relative_to(folder) and wanted(PurePosixPath(path.relative_to(folder)))
    ]
    if committed:
        return max(committed)
    on_disk = [
        int(os.stat(os.path.join(top, name)).st_mtime)
        for top, _folders, names in os.walk(folder)
        for name in names
        if wanted(PurePosixPath(Path(top, name).relative_to(folder).as_posix()))
    ]
    return max(on_disk, default=None)


def uncommitted_files(content_root: Path) -> list[Path] | None:
    """Every file under ``content_root`` that differs from the last commit, new files included.

    From ``git status --porcelain`` (untracked files one by one, renames as a
    deletion and an addition, so both names are seen). None when the folder is
    not in a Git work tree or Git is missing: then nothing can be counted, which
    is not the same as nothing to commit.
    """
    try:
        listing = subprocess.run(
            [
                "git",
                "-C",
                str(content_root),
                "status",
                "--porcelain=v1",
                "-z",
                "--untracked-files=all",
                "--no-renames",
                "--",
                ".",
            ],
            capture_output=True,
            check=True,
        ).stdout
        top = subprocess.run(
            ["git", "-C", str(content_root), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    entries = [entry for entry in listing.decode("utf-8", "surrogateescape").split("\0") if entry]
    return sorted({Path(top, entry[3:]).resolve() for entry in entries})
