"""When each content file last changed, from Git, in one call.

Used where a date must come from the content rather than the clock (iCalendar
DTSTAMP/LAST-MODIFIED) and by the translation report (which language file of an
item changed later). One ``git log`` over the whole folder, not one per file, so
it stays fast with thousands of files.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

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
