"""Which of two content files changed last, for the messages that compare a pair.

When the two language files of an item disagree on a fact, the one that changed
last is most likely the one being worked on: its change is in the pull request,
so GitHub shows the check's annotation on it, and whoever just edited it reads
the message in that file's language. Git knows (history.py, one ``git log``
for the whole folder); a change not committed yet (``git status``) is newer
than any commit; outside a Git work tree the files' modification times are all
there is.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..content.history import last_commit_times, uncommitted_files
from ..today import PROJECT_ZONE


@dataclass(frozen=True, order=True)
class Change:
    """When a file last changed: ``rank`` orders committed (1) before uncommitted (2) changes."""

    rank: int
    #: nanoseconds since 1970 (a commit's second, or the file's modification time)
    nanoseconds: int
    #: ``committed``, ``uncommitted`` (changed since the last commit) or ``disk`` (no Git)
    source: str

    @property
    def day(self) -> str:
        """The day of the change in Swedish time, as the messages write dates: 2025-03-14."""
        moment = datetime.fromtimestamp(self.nanoseconds // 1_000_000_000, PROJECT_ZONE)
        return moment.date().isoformat()


def _uncommitted(folder: Path) -> set[Path] | None:
    """Files under ``folder`` with changes Git has not committed; None outside a work tree."""
    files = uncommitted_files(folder)
    return None if files is None else set(files)


class ChangeHistory:
    """When each file under one folder last changed, asked of Git once and only if needed."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._committed: dict[Path, int] | None = None
        self._uncommitted: set[Path] | None = None
        self._in_git = False

    def _load(self) -> None:
        if self._committed is not None:
            return
        uncommitted = _uncommitted(self._folder)
        self._in_git = uncommitted is not None
        self._uncommitted = uncommitted or set()
        self._committed = last_commit_times(self._folder) if self._in_git else {}

    def change(self, path: Path) -> Change:
        """When ``path`` last changed: its last commit, or now-ish if it has changes since."""
        self._load()
        assert self._committed is not None and self._uncommitted is not None
        resolved = path.resolve()
        if self._in_git and resolved not in self._uncommitted and resolved in self._committed:
            return Change(1, self._committed[resolved] * 1_000_000_000, "committed")
        moment = os.stat(path).st_mtime_ns
        return Change(2, moment, "uncommitted" if self._in_git else "disk")
