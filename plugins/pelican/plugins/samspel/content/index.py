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

from pelican.cache import FileStampDataCacher

from .contract import FILENAME_PATTERN, LANGUAGES, SECTIONS
from .frontmatter import FrontMatterError, Value, read_text, split

log = logging.getLogger(__name__)

CACHE_NAME = "ContentIndex"


def _cacher(settings: dict | None, load: bool) -> FileStampDataCacher | None:
    """Pelican's file-stamp cache for front matter, or None when caching is off."""
    if not settings or not settings.get("CACHE_CONTENT"):
        return None
    if load and not settings.get("LOAD_CONTENT_CACHE"):
        return None
    return FileStampDataCacher(settings, CACHE_NAME, caching_policy=not load, load_policy=load)


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
    def scan(cls, content_path: Path, settings: dict | None = None) -> ContentIndex:
        """Read the front matter of every ``<section>/<slug>.<lang>.md`` file.

        Files that do not parse are left out here; the content check reports them.
        With Pelican ``settings`` that switch the content cache on, the parsed
        heads are kept in ``CACHE_PATH`` like the reader's output, keyed by the
        file's stamp (``CHECK_MODIFIED_METHOD``), so a warm build parses only the
        files that changed.
        """
        cached = _cacher(settings, load=True)
        fresh = _cacher(settings, load=False)
        items = []
        for path in sorted(content_path.glob("*/*.md")):
            section = path.parent.name
            match = FILENAME_PATTERN.match(path.name)
            if section not in SECTIONS or not match or match["lang"] not in LANGUAGES:
                continue
            fields = cached.get_cached_data(str(path)) if cached else None
            if fields is None:
                try:
                    fields = split(read_text(path)).fields
                except (FrontMatterError, UnicodeDecodeError):
                    continue
            if fresh:
                fresh.cache_data(str(path), fields)
            items.append(ContentItem(section, match["slug"], match["lang"], path, fields))
        if fresh:
            fresh.save_cache()  # only the files that exist now: deleted ones drop out
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
