"""A Markdown reader for files with YAML front matter (the content contract).

Pelican's own Markdown reader expects ``Key: value`` metadata; our files carry
YAML between ``---`` lines. Values are turned into typed metadata here, once,
so templates and generators never parse dates themselves. ``status`` is renamed
``activity_status`` because Pelican reserves ``status`` for draft/published;
``country`` (one code or a list) becomes ``countries``, a tuple of codes.
"""

from __future__ import annotations

import logging
from datetime import datetime, time
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import SafeDatetime

from .check.messages import FILE_FIELD, frontmatter_problem, make_problem
from .content.contract import (
    ADDRESS_FIELD,
    COUNTRY_TIMEZONES,
    DEFAULT_STATUS,
    FEEDBACK_FIELD,
    FILENAME_PATTERN,
    LIST_FIELDS,
    PROJECT_START,
    RESERVED_KEYS,
    SECTIONS,
    SOURCE_FIELD,
    address_of,
    countries_of,
    known_fields,
    parse_bound,
    parse_moment,
    schedule_for,
)
from .content.frontmatter import FrontMatterError, read_text, split
from .content.html_policy import cleaner, markdown_options, too_complex
from .sites.generator import sites_setting

log = logging.getLogger(__name__)

#: Pelican keys we set ourselves; a communicator's value for them is ignored.
_RESERVED = set(RESERVED_KEYS)
_LIST_FIELDS = set(LIST_FIELDS)
#: one-line text fields, trimmed (image_alt and image_credit end up in HTML attributes,
#: the place, the source and the feedback address on one line of the page)
_TEXT_FIELDS = {"image", "image_alt", "image_credit", "place", SOURCE_FIELD, FEEDBACK_FIELD}


def safe_datetime(moment: datetime) -> SafeDatetime:
    """Pelican's datetime subclass (its strftime copes with non-ASCII formats)."""
    return SafeDatetime.fromtimestamp(moment.timestamp(), tz=moment.tzinfo)


class YamlMarkdownReader(MarkdownReader):
    """Reads ``content/<section>/<slug>.<lang>.md`` with YAML front matter."""

    file_extensions = ["md"]  # noqa: RUF012 (the attribute Pelican's readers declare)

    def read(self, source_path: str) -> tuple[str, dict]:
        path = Path(source_path)
        try:
            head = split(read_text(path))
        except (FrontMatterError, UnicodeDecodeError) as error:
            raise ValueError(self.read_error(path, error)) from error
        self._source_path = source_path
        match = FILENAME_PATTERN.match(path.name)
        self._md = self.converter(match["lang"] if match else self.settings["DEFAULT_LANG"])
        content = self.render(head.body)
        fields = {key: value.data for key, value in head.fields.items()}
        return content, self.typed_metadata(path, fields)

    def converter(self, lang: str) -> Markdown:
        """The content contract's Markdown for ``lang`` (html_policy), one per reader and language.

        Building one per file (loading every extension again) cost as much as
        converting, so each is reset between files instead.
        """
        converters = self.__dict__.setdefault("_converters", {})
        if lang not in converters:
            converters[lang] = Markdown(**markdown_options(lang))
        return converters[lang]

    def render(self, text: str) -> str:
        """Markdown to HTML within the one HTML policy (anything outside it is removed)."""
        if getattr(self, "_clean", None) is None:
            sites = sites_setting(self.settings)
            self._clean = cleaner(tuple(site["url"] for site in sites.values()))
        bound = too_complex(text)
        if bound is not None:  # the check names it (too-complex); never hang a site on it
            raise ValueError(f"{self._source_path}: too-complex/{bound}")
        self._md.reset()
        return self._clean(self._md.convert(text))

    def read_error(self, path: Path, error: FrontMatterError | UnicodeDecodeError) -> str:
        """The content check's own words for a file that cannot be read, in its language.

        On an error a build shows the content check's problems and hides what the
        sites printed; the reader still says the same thing (never PyYAML's
        English, never a traceback) for anyone running Pelican on its own.
        """
        match = FILENAME_PATTERN.match(path.name)
        lang = match["lang"] if match else "sv"
        content = Path(self.settings.get("PATH", path.parent))
        shown = PurePosixPath(
            path.relative_to(content.parent).as_posix()
            if path.is_relative_to(content.parent)
            else path.as_posix()
        )
        if isinstance(error, UnicodeDecodeError):
            line = error.object[: error.start].count(b"\n") + 1
            problem = make_problem(shown, line, FILE_FIELD, "not-utf8", lang, row=line)
        else:
            problem = frontmatter_problem(shown, error, lang)
        return problem.format()

    def render_inline(self, text: str) -> str:
        """Markdown for a short field (the summary), within the same policy."""
        return self.render(text)

    def typed_metadata(self, path: Path, fields: dict) -> dict:
        """Turn the text values of the front matter into what templates use."""
        section = path.parent.name
        kind = SECTIONS.get(section, "page")
        match = FILENAME_PATTERN.match(path.name)
        # only the kind's own fields reach Pelican: an unknown key is only a warning of the
        # check, and Pelican reads some itself (``status: planned`` on a page stopped the
        # build with a traceback, ``status: draft`` hid the page without a word)
        known = known_fields(kind)
        metadata: dict = {
            key: value
            for key, value in fields.items()
            if key in known and key not in _RESERVED and value is not None
        }
        for key in _LIST_FIELDS & metadata.keys():
            if not isinstance(metadata[key], list):
                metadata[key] = [metadata[key]]
        for key in _TEXT_FIELDS & metadata.keys():
            metadata[key] = " ".join(str(metadata[key]).split())
        if match:
            metadata["slug"] = match["slug"]
            metadata["lang"] = match["lang"]
        metadata["kind"] = kind
        metadata["title"] = str(fields.get("title") or "").strip()
        summary = str(fields.get("summary") or "").strip()
        metadata["summary_text"] = summary
        if summary:
            metadata["summary"] = self.render_inline(summary)
        if kind != "page":
            metadata["template"] = kind
        if kind == "activity":
            self.activity_metadata(metadata)
        elif kind == "news":
            # a day or a month: Pelican sorts by the first day, the pages show the precision
            zone = ZoneInfo(COUNTRY_TIMEZONES["SE"])
            bound = parse_bound(str(fields.get("date")), zone)
            metadata["date"] = safe_datetime(datetime.combine(bound.first, time(0), tzinfo=zone))
            metadata["date_precision"] = bound.precision
        elif kind == "initiative":
            start = self.settings.get("SAMSPEL_PROJECT", {}).get("start", PROJECT_START)
            zone = ZoneInfo(COUNTRY_TIMEZONES["SE"])
            day = parse_moment(start, zone)
            metadata["date"] = safe_datetime(datetime.combine(day, time(0), tzinfo=zone))
        self.address_metadata(metadata, section, str(fields.get(ADDRESS_FIELD) or "").strip())
        return metadata

    @staticmethod
    def address_metadata(metadata: dict, section: str, address: str) -> None:
        """Publish the item at its own ``address`` when it has one (Pelican's ``url`` and
        ``save_as`` metadata); ``former_url`` is the file name's address, which then leads
        there (RedirectGenerator), so an address once published keeps working."""
        slug = metadata.get("slug")
        if not address or not slug or address == slug:
            return
        url = address_of(section, address)
        metadata["url"] = url
        metadata["save_as"] = f"{url}index.html"
        metadata["former_url"] = address_of(section, slug)

    @staticmethod
    def activity_metadata(metadata: dict) -> None:
        """Schedule, status, countries, place and sort date of an activity.

        ``country`` is dropped for ``countries`` so that no template can show one
        country of a cross-border activity; ``place`` is "" when the content gives none.
        """
        countries = countries_of(metadata.pop("country", None))
        metadata["countries"] = countries
        metadata["schedule"] = schedule_for(
            str(metadata.get("start")), metadata.get("end"), countries
        )
        status = str(metadata.pop("status", "") or "").strip()
        metadata["activity_status"] = status or DEFAULT_STATUS
        metadata["place"] = metadata.get("place", "")
        metadata["companies"] = list(metadata.get("companies", []))
        metadata["date"] = safe_datetime(metadata["schedule"].start_instant)


def add_reader(readers) -> None:
    """Only our reader reads content: ``.md`` files with YAML front matter.

    Pelican's own readers would read what the content check never reads: its
    plain Markdown reader takes ``.markdown``, ``.mkd`` and ``.mdown`` (without
    our front matter rules), and its HTML reader ``.htm``. Every reader but ours
    and the one for static files is switched off, whatever READERS says.
    """
    for extension in list(readers.reader_classes):
        if extension != "static":
            readers.reader_classes[extension] = None
    readers.reader_classes["md"] = YamlMarkdownReader
