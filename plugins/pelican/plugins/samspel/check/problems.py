"""What the content check reports: one problem in one file, in the file's language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake (``error``) or likely mistake (``warning``) in a content file.

    ``message`` is written for communicators in the file's language (Swedish for
    ``.sv.md`` and data files, Norwegian for ``.nb.md``): what is wrong, then what
    to write instead. ``code`` is the English rule name CONTRIBUTING.md lists.
    """

    path: PurePosixPath  # relative to the repository
    line: int
    field: str
    code: str
    message: str
    severity: str = "error"

    def format(self) -> str:
        """``path:line: error: field: message [code]``."""
        where = f"{self.path}:{self.line}: {self.severity}"
        return f"{where}: {self.field}: {self.message} [{self.code}]"

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command, shown on the diff."""
        kind = "error" if self.severity == "error" else "warning"
        text = f"{self.field}: {self.message} [{self.code}]".replace("%", "%25")
        text = text.replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.path},line={self.line}::{text}"
