"""An index of every content file in both languages, read from front matter only.

Each Pelican site reads and renders the Markdown of its own language. What must
be known across languages (does this item exist on the other site? which
activities count for the progress counter?) comes from this index, which parses
only the YAML heads and is therefore cheap, and identical for both sites.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .contract import FILENAME_PATTERN, LANGUAGES, SECTIONS
from .frontmatter import FrontMatterError, Value, read_text, split

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ContentItem:
    """One content file: ``content/<section>/<slug>.<lang>.md``."""

    section: str
    slug: str
    lang: str
    path: Path
    fields: dict[str, Value]
    body: str = ""
    body_line: int = 1

    @property
    def kind(self) -> str:
        return SECTIONS[self.section]

    def get(self, name: str, default=None):
        """The plain value of a front-matter field."""
        value = self.fields.get(name)
        return default if value is None or value.data is None else value.data


class ContentIndex:
    """All well-formed content files under a content folder, keyed by (section, slug, lang)."""

    def __init__(self, items: list[ContentItem]) -> None:
        self._items = {(item.section, item.slug, item.lang): item for item in items}

    @classmethod
    def scan(cls, content_path: Path) -> ContentIndex:
        """Read the front matter of every ``<section>/<slug>.<lang>.md`` file.

        Files that do not parse are left out here; the content check reports them.
        """
        items = []
        for path in sorted(content_path.glob("*/*.md")):
            section = path.parent.name
            match = FILENAME_PATTERN.match(path.name)
            if section not in SECTIONS or not match or match["lang"] not in LANGUAGES:
                continue
            try:
                head = split(read_text(path))
            except (FrontMatterError, UnicodeDecodeError):
                continue
            items.append(ContentItem(section, match["slug"], match["lang"], path, head.fields))
        return cls(items)

    def __iter__(self) -> Iterator[ContentItem]:
        return iter(self._items[key] for key in sorted(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def get(self, section: str, slug: str, lang: str) -> ContentItem | None:
        return self._items.get((section, slug, lang))

    def in_language(self, lang: str, section: str | None = None) -> list[ContentItem]:
        return [
            item
            for item in self
            if item.lang == lang and (section is None or item.section == section)
        ]

    def by_slug(self, section: str) -> dict[str, dict[str, ContentItem]]:
        """``{slug: {lang: item}}`` for one section: both language versions together."""
        grouped: dict[str, dict[str, ContentItem]] = {}
        for item in self:
            if item.section == section:
                grouped.setdefault(item.slug, {})[item.lang] = item
        return grouped
