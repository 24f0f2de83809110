"""``content/data/companies.yaml``: where it is and how it is read, once for every reader.

The progress counter (which companies were strengthened), the content check (one
entry per company, each field valid) and the language check (companies' names are
not Swedish or Norwegian words) all read the same file; they differ in what they
do with a broken one, not in how they read it.
"""

from __future__ import annotations

from pathlib import Path

from .contract import COMPANIES_FILE, DATA_SECTION
from .frontmatter import Value, parse_mapping_list, read_limited


def companies_path(content_root: Path) -> Path:
    """Where the companies file of a content folder is (it need not exist)."""
    return content_root / DATA_SECTION / COMPANIES_FILE


def read_companies(path: Path) -> list[tuple[int, dict[str, Value] | None]]:
    """The file's entries: (line, fields), or (line, None) for an entry that is no mapping.

    Read within the data file limit. Raises FrontMatterError for a file too large
    or no list of mappings, UnicodeDecodeError (its ``object`` holds the bytes read)
    for one not in UTF-8, OSError for one that cannot be opened.
    """
    return parse_mapping_list(read_limited(path).decode("utf-8"))
