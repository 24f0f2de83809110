"""The content contract: what communicators may write, as data.

One place names the sections, languages, activity types, countries and the date
forms, so that the reader, the content check, the calendar and the progress
counter all agree on them. CONTRIBUTING.md documents the same contract for
people.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from ..sites.table import SITES

#: the content languages, one per site (the table of sites), the main site's first
LANGUAGES: tuple[str, ...] = tuple(site.lang for site in SITES)

#: the section folders under content/ (and their lists' addresses on both sites)
ACTIVITIES = "aktiviteter"
INITIATIVES = "initiativ"
NEWS = "nyheter"
PAGES = "sidor"
#: folder under content/ -> kind of item
SECTIONS: dict[str, str] = {
    ACTIVITIES: "activity",
    INITIATIVES: "initiative",
    NEWS: "news",
    PAGES: "page",
}
#: kind of item -> its folder under content/ (the templates' ``SECTION_FOLDERS.news``)
SECTION_FOLDERS: dict[str, str] = {kind: folder for folder, kind in SECTIONS.items()}
#: content/bilder/: pictures shared by several items (``image: bilder/x.jpg``), never pages
PICTURES = "bilder"
#: content/data/: the companies file, never pages
DATA_SECTION = "data"

ACTIVITY_TYPES: tuple[str, ...] = (
    "study-trip",
    "residency",
    "network-meeting",
    "programme",
    "seminar",
    "workshop",
    "festival",
    "other",
)
#: country code -> the time zone local times are written in
COUNTRY_TIMEZONES: dict[str, str] = {"SE": "Europe/Stockholm", "NO": "Europe/Oslo"}
#: the project's own zone, Sweden's: the build's "today", news dates, the project period
PROJECT_TIMEZONE = COUNTRY_TIMEZONES["SE"]
#: where a two-country activity's local times are written (Sweden and Norway share one offset)
SHARED_TIMEZONE = PROJECT_TIMEZONE
#: the funding period of Samspel 63 (Interreg Sverige–Norge): its first and last day, the
#: default of SAMSPEL_PROJECT (progress/phases.py reads the setting)
PROJECT_START = "2023-04-01"
PROJECT_END = "2026-03-31"
#: ``scheduled``: will happen as written; ``tentative``: announced, dates or details not
#: fixed; ``cancelled``; ``postponed``: will not happen as written, no new date yet. Named
#: so that a communicator reads them right: the old ``planned`` read as "not fixed yet"
#: but meant "will happen as written" (the check tells whoever writes it what to write).
STATUSES: tuple[str, ...] = ("scheduled", "tentative", "cancelled", "postponed")
DEFAULT_STATUS = "scheduled"
#: the one status the progress counter counts: only what happened as written strengthened anyone
COUNTED_STATUSES: tuple[str, ...] = ("scheduled",)
#: a status value that no longer exists -> what the check says instead (check_messages)
RETIRED_STATUSES: tuple[str, ...] = ("planned",)

#: how exactly a start or end is known: ``2024``, ``2023-09``, ``2024-03-14``, ``2024-03-14 18:00``
Precision = Literal["year", "month", "day", "time"]
#: coarser precisions rank higher; a day and a day with a time rank alike (an evening's end
#: may be written as its day, and the reverse, as before months existed)
PRECISION_RANK: dict[str, int] = {"time": 0, "day": 0, "month": 1, "year": 2}

#: the main picture of any item: a file beside the Markdown or ``bilder/<file>``
#: (content/bilder/), its alt text (required with ``image``, in the file's
#: language) and a credit line shown as the caption. ``image`` is deliberately
#: not a shared field: the two languages may use one picture or each their own
#: (a poster with Swedish or Norwegian text on it).
IMAGE_FIELDS: tuple[str, ...] = ("image", "image_alt", "image_credit")

#: where an item's facts come from ("Delrapport 1, december 2023"), shown once near the end
#: of its page as "Källa: …" / "Kilde: …" instead of remarks about the source in the text.
#: Not a shared field: each language writes its own words.
SOURCE_FIELD = "source"
#: the address for feedback on the site's accessibility, shown by the accessibility
#: statement; the check warns while a statement has none (``feedback-missing``), since the
#: site must never invent one
FEEDBACK_FIELD = "feedback_email"
#: the address of an item on its own site, when it should differ from the file name shared by
#: both languages: ``address: om-prosjektet`` in ``om-projektet.nb.md`` publishes the
#: Norwegian page at ``/om-prosjektet/``, and the file name's address on that site then
#: leads there (a redirect page). Not a shared field: each language names its own address.
ADDRESS_FIELD = "address"
#: ``content/sidor/<STATEMENT_SLUG>.<lang>.md``: the accessibility statements (every footer
#: links them)
STATEMENT_SLUG = "tillganglighet"

#: kind -> (required fields, optional fields)
FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "activity": (
        ("title", "type", "start", "country", "summary"),
        (
            "end",
            "place",
            "initiative",
            "companies",
            "registration",
            "status",
            "host",
            *IMAGE_FIELDS,
            SOURCE_FIELD,
            ADDRESS_FIELD,
        ),
    ),
    "initiative": (("title", "summary"), (*IMAGE_FIELDS, SOURCE_FIELD, ADDRESS_FIELD)),
    "news": (("title", "date", "summary"), (*IMAGE_FIELDS, SOURCE_FIELD, ADDRESS_FIELD)),
    "page": (
        ("title",),
        ("summary", *IMAGE_FIELDS, SOURCE_FIELD, FEEDBACK_FIELD, ADDRESS_FIELD),
    ),
}

#: facts that must be the same in both language files of one item
SHARED_FIELDS: tuple[str, ...] = (
    "type",
    "start",
    "end",
    "date",
    "country",
    "companies",
    "status",
    "initiative",
    "registration",
)

#: keys Pelican and i18n_subsites set themselves; ``translation`` even crashes i18n_subsites
RESERVED_KEYS: tuple[str, ...] = (
    "slug",
    "lang",
    "category",
    "template",
    "translation",
    "save_as",
    "url",
)
#: fields that hold a list (one value is read as a list of one)
LIST_FIELDS: tuple[str, ...] = ("companies",)
#: fields that hold one text or a list of texts (``country: SE`` or ``country: [SE, NO]``)
TEXT_OR_LIST_FIELDS: tuple[str, ...] = ("country",)
#: fields holding a year, a month, a day or a moment (``2024``, ``2023-09``, ``2024-03-14``,
#: ``2024-03-14 18:00``), per kind
MOMENT_FIELDS: dict[str, tuple[str, ...]] = {"activity": ("start", "end")}
#: fields holding a day or a month (``2024-03-14``, ``2023-12``), per kind: a news item is
#: dated as exactly as it is known, never with an invented day
DATE_FIELDS: dict[str, tuple[str, ...]] = {"news": ("date",)}
#: the precisions a DATE_FIELDS value may have
DATE_PRECISIONS: tuple[str, ...] = ("month", "day")
#: what ``make new`` writes where the communicator must fill in a value
PLACEHOLDER = "FYLL I"

COMPANIES_FILE = "companies.yaml"
COMPANY_FIELDS_REQUIRED: tuple[str, ...] = ("id", "name", "country", "region", "sector", "public")
COMPANY_FIELDS_OPTIONAL: tuple[str, ...] = ("website",)

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: <slug>.<lang>.md
FILENAME_PATTERN = re.compile(r"^(?P<slug>[^.]+)\.(?P<lang>[^.]+)\.md$")

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2})[:.](\d{2})$")


def known_fields(kind: str) -> tuple[str, ...]:
    """Every field an item of ``kind`` may have, required ones first."""
    required, optional = FIELDS[kind]
    return required + optional


def parse_moment(text: str, zone: ZoneInfo) -> date | datetime:
    """Parse ``2024-03-14`` (a day) or ``2024-03-14 18:00`` (local time in ``zone``).

    Raises ValueError for anything else, including impossible dates. News dates and
    the project period are days; an activity's bounds go through :func:`parse_bound`.
    """
    text = str(text).strip()
    if match := _DATE.match(text):
        return date(*(int(part) for part in match.groups()))
    if match := _DATETIME.match(text):
        year, month, day, hour, minute = (int(part) for part in match.groups())
        return datetime.combine(date(year, month, day), time(hour, minute), tzinfo=zone)
    raise ValueError(text)


@dataclass(frozen=True)
class Bound:
    """One written ``start`` or ``end``: the period it names and how exactly it is known.

    ``2023-09`` names 1–30 September (``first``/``last`` are days), ``2024`` the whole
    year; a day names itself, a moment itself. Keeping the precision beside the days is
    what lets every page, feed and structured datum say exactly as much as was written.
    """

    first: date | datetime
    last: date | datetime
    precision: Precision


def next_month(day: date) -> date:
    """The first day of the month after ``day``'s: the one place December wraps to January."""
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _month_end(year: int, month: int) -> date:
    return next_month(date(year, month, 1)) - timedelta(days=1)


def parse_bound(text: str, zone: ZoneInfo) -> Bound:
    """Parse ``2024``, ``2023-09``, ``2024-03-14`` or ``2024-03-14 18:00`` (local time in ``zone``).

    Raises ValueError for anything else, including a month 13 or a day that does not exist.
    """
    text = str(text).strip()
    if match := _YEAR.match(text):
        year = int(match[1])
        return Bound(date(year, 1, 1), date(year, 12, 31), "year")
    if match := _MONTH.match(text):
        year, month = int(match[1]), int(match[2])
        return Bound(date(year, month, 1), _month_end(year, month), "month")
    moment = parse_moment(text, zone)
    return Bound(moment, moment, "time" if isinstance(moment, datetime) else "day")


def iso_text(value: date | datetime, precision: Precision) -> str:
    """ISO 8601 at the written precision: ``2024``, ``2023-09``, ``2024-03-14``, or with time.

    HTML's ``<time datetime>`` and schema.org's Date both take the reduced forms, so
    machines are told no more than visitors are.
    """
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    if precision == "day":
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    return value.isoformat(timespec="minutes")


@dataclass(frozen=True)
class Schedule:
    """When an activity happens, and how exactly that is known.

    Day and time bounds are as before: all-day activities have ``date`` bounds with an
    inclusive ``end``, timed ones aware datetimes, and ``end`` defaults to ``start``. A
    month or a year is held as its first and last day (``all_day``), with ``precision``
    (of the start) and ``end_precision`` saying so; when not given they follow from the
    bounds' types. Whatever shows or exports a schedule asks :attr:`exact` before it
    names a day.
    """

    start: date | datetime
    end: date | datetime
    precision: Precision | None = field(default=None)
    end_precision: Precision | None = field(default=None)

    def __post_init__(self) -> None:
        if self.precision is None:
            object.__setattr__(self, "precision", _precision_of(self.start))
        if self.end_precision is None:
            object.__setattr__(self, "end_precision", _precision_of(self.end))

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def exact(self) -> bool:
        """Both bounds are days or moments: only then may a day be shown or exported."""
        return self.precision in ("day", "time") and self.end_precision in ("day", "time")

    @property
    def start_iso(self) -> str:
        """The start in ISO 8601 at its precision (``2023-09``), for ``<time>`` and JSON-LD."""
        return iso_text(self.start, self.precision)

    @property
    def end_iso(self) -> str:
        """The end in ISO 8601 at its precision (inclusive, like the content)."""
        return iso_text(self.end, self.end_precision)

    @property
    def start_instant(self) -> datetime:
        """The first moment of the activity, as an aware datetime."""
        if isinstance(self.start, datetime):
            return self.start
        return datetime.combine(self.start, time(0), tzinfo=_STOCKHOLM)

    @property
    def end_instant(self) -> datetime:
        """The moment the activity is over (an all-day end is exclusive: the next midnight)."""
        if isinstance(self.end, datetime):
            return self.end
        return datetime.combine(self.end + timedelta(days=1), time(0), tzinfo=_STOCKHOLM)

    def days(self) -> list[date]:
        """Every calendar day the activity touches, in its local time.

        For a month or a year that is every day of it: callers that would paint those
        days ask :attr:`exact` first.
        """
        first = self.start.date() if isinstance(self.start, datetime) else self.start
        last = self.end.date() if isinstance(self.end, datetime) else self.end
        if isinstance(self.end, datetime) and self.end.time() == time(0) and last > first:
            last -= timedelta(days=1)
        return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


def _precision_of(value: date | datetime) -> Precision:
    return "time" if isinstance(value, datetime) else "day"


_STOCKHOLM = ZoneInfo(PROJECT_TIMEZONE)


def countries_of(value: object) -> tuple[str, ...]:
    """The country codes of a ``country`` field: ``"NO"`` -> ``("NO",)``, ``[NO, SE]`` -> both.

    Upper-cased, each once, the known countries in the contract's order (SE, NO), so
    that both language files and both sites name a cross-border activity alike.
    Unknown codes are kept (after the known ones) for the check to name.
    """
    if value is None:
        return ()
    entries = value if isinstance(value, list | tuple) else [value]
    codes: list[str] = []
    for entry in entries:
        code = str(entry).strip().upper()
        if code and code not in codes:
            codes.append(code)
    known = [code for code in COUNTRY_TIMEZONES if code in codes]
    return (*known, *(code for code in codes if code not in COUNTRY_TIMEZONES))


def zone_of(countries: str | Sequence[str]) -> ZoneInfo:
    """The zone local times are written in: the country's, or Stockholm's for both countries.

    Raises KeyError for an unknown or missing country (the check names it first).
    """
    codes = (countries,) if isinstance(countries, str) else tuple(countries)
    if not codes:
        raise KeyError("country")
    zones = {COUNTRY_TIMEZONES[code] for code in codes}
    return ZoneInfo(zones.pop() if len(zones) == 1 else SHARED_TIMEZONE)


def schedule_for(start: str, end: str | None, country: str | Sequence[str]) -> Schedule:
    """Build a Schedule from the text fields; raises ValueError on a bad value.

    ``country`` is a code or the codes of :func:`countries_of`. An ``end`` more exact
    than its ``start`` (a month to a day) is refused: the start's vagueness would make
    the exact end claim more than is known (the check says so first).
    """
    zone = zone_of(country)
    first = parse_bound(start, zone)
    last = parse_bound(end, zone) if end not in (None, "") else first
    if PRECISION_RANK[last.precision] < PRECISION_RANK[first.precision]:
        raise ValueError(f"{end}: more exact than {start}")
    begin, finish = first.first, last.last
    if isinstance(begin, datetime) != isinstance(finish, datetime):
        # A timed start with a day end (or the reverse): compare as days.
        if isinstance(finish, date) and not isinstance(finish, datetime):
            finish = datetime.combine(finish, time(23, 59), tzinfo=zone)
        else:
            finish = finish.date()
    return Schedule(begin, finish, first.precision, last.precision)


def tentative_over(status: str, schedule: Schedule, now: datetime) -> bool:
    """A tentative activity whose period is over: never shown as held, and a reminder to update.

    Nobody confirmed it happened, so the sites say what it was planned for, and the
    check and ``make status`` name it until someone writes what became of it.
    """
    return status == "tentative" and now >= schedule.end_instant


# --- addresses: where the build publishes each item, and the names the site keeps for itself

#: pelicanconf.py's settings that decide where Pelican writes (the settings file is not
#: importable from the plugin; tests/test_safety_addresses.py checks that it still says this)
SITE_SETTINGS: dict[str, str] = {
    "ARTICLE_URL": "{category}/{slug}/",
    "ARTICLE_SAVE_AS": "{category}/{slug}/index.html",
    "PAGE_URL": "{slug}/",
    "PAGE_SAVE_AS": "{slug}/index.html",
    "CATEGORY_URL": "{slug}/",
    "CATEGORY_SAVE_AS": "{slug}/index.html",
    "INDEX_SAVE_AS": "index.html",
    "404_SAVE_AS": "404.html",  # Pelican's default for the direct template "404"
    "SEARCH_SAVE_AS": "sok/index.html",
    "CATEGORY_FEED_ATOM": "feeds/{slug}.atom.xml",
    "THEME_STATIC_DIR": "theme",
}
#: PAGINATION_PATTERNS: a section list's pages 2, 3 … are ``<section>/sida/<n>/``
PAGINATION_FOLDER = "sida"
#: tools/search_index.py BUNDLE: the search index of each site (tools import the plugin,
#: never the reverse, so the name is written here and the test compares the two)
SEARCH_BUNDLE = "pagefind"
#: sites.write_robots_and_sitemap writes these two files for search engines
ROBOTS_FILES: tuple[str, ...] = ("sitemap.xml", "robots.txt")
#: kept free for a web editor the sites may get (such editors live at ``/admin/``)
EDITOR_FOLDER = "admin"


def address_of(section: str, slug: str) -> str:
    """Where the item ``content/<section>/<slug>.<lang>.md`` is published: ``aktiviteter/x/``.

    The same on both sites (each in its own root). Pages are at the top of the site,
    every other kind below its section's list page (the category is the folder).
    """
    pattern = SITE_SETTINGS["PAGE_URL" if SECTIONS[section] == "page" else "ARTICLE_URL"]
    return pattern.format(category=section, slug=slug)


def _top(path: str) -> str:
    """The first segment of a path the site writes: ``kalender/typ/{type}/`` -> ``kalender``."""
    return path.split("/", 1)[0]


def site_names() -> dict[str, str]:
    """Every name the site itself writes at the top of both roots -> what it is there.

    The values are keys of ``check_messages.SITE_PARTS`` (how a message names it).
    Read from the settings' defaults (settings.py) and the generators' own names, so
    that a new path there cannot be forgotten here; the site-level test builds a site
    and checks that nothing else ever appears at the top of either root. Imported
    here, not at the top of the module, because those modules import the contract.
    """
    from ..pictures.images import LIBRARY
    from ..progress.generator import DATA_FOLDER
    from ..settings import DEFAULT_CALENDAR, DEFAULT_IMAGES, DEFAULT_PROGRESS

    names = {
        SITE_SETTINGS["INDEX_SAVE_AS"]: "home",
        SITE_SETTINGS["404_SAVE_AS"]: "not-found",
        _top(SITE_SETTINGS["SEARCH_SAVE_AS"]): "search",
        SEARCH_BUNDLE: "search",
        _top(SITE_SETTINGS["CATEGORY_FEED_ATOM"]): "feeds",
        SITE_SETTINGS["THEME_STATIC_DIR"]: "theme",
        _top(str(DEFAULT_PROGRESS["path"])): "results",
        DATA_FOLDER: "data",
        DEFAULT_IMAGES["output_dir"]: "pictures",
        LIBRARY: "pictures",
        EDITOR_FOLDER: "editor",
    }
    for key in ("page", "month_page", "type_page", "feed", "type_feed"):
        names[_top(DEFAULT_CALENDAR[key])] = "calendar"
    names.update(dict.fromkeys(ROBOTS_FILES, "search-engines"))
    for section, kind in SECTIONS.items():
        if kind != "page":  # the section's list page: CATEGORY_SAVE_AS
            names[_top(SITE_SETTINGS["CATEGORY_SAVE_AS"].format(slug=section))] = "section"
    return names


def site_part_at(section: str, slug: str) -> tuple[str, str] | None:
    """``(name, what)`` when the item's address belongs to the site itself, else None.

    A page ``kalender`` would be written over the calendar, and one named ``index``,
    ``404`` or ``sitemap`` would sit beside the site's own file of that name, so a
    page may not be named like any of them (without the file ending). Below a section
    only the list's own page folders are taken.
    """
    slug = slug.casefold()  # ``Kalender/`` is ``kalender/`` on a Mac and on some servers
    if SECTIONS[section] == "page":
        for name, what in site_names().items():
            if name.split(".", 1)[0] == slug:
                return name, what
        return None
    if slug == PAGINATION_FOLDER:
        return f"{section}/{PAGINATION_FOLDER}", "pagination"
    return None
