"""The content contract: what communicators may write, as data.

One place names the sections, languages, activity types, countries and the date
forms, so that the reader, the content check, the calendar and the progress
counter all agree on them. CONTRIBUTING.md documents the same contract for
people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LANGUAGES: tuple[str, ...] = ("sv", "nb")

#: folder under content/ -> kind of item
SECTIONS: dict[str, str] = {
    "aktiviteter": "activity",
    "initiativ": "initiative",
    "nyheter": "news",
    "sidor": "page",
}
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
STATUSES: tuple[str, ...] = ("planned", "cancelled")
DEFAULT_STATUS = "planned"

#: the main picture of any item: a file beside the Markdown or ``bilder/<file>``
#: (content/bilder/), its alt text (required with ``image``, in the file's
#: language) and a credit line shown as the caption. ``image`` is deliberately
#: not a shared field: the two languages may use one picture or each their own
#: (a poster with Swedish or Norwegian text on it).
IMAGE_FIELDS: tuple[str, ...] = ("image", "image_alt", "image_credit")

#: kind -> (required fields, optional fields)
FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "activity": (
        ("title", "type", "start", "place", "country", "summary"),
        ("end", "initiative", "companies", "registration", "status", "host", *IMAGE_FIELDS),
    ),
    "initiative": (("title", "summary"), IMAGE_FIELDS),
    "news": (("title", "date", "summary"), IMAGE_FIELDS),
    "page": (("title",), ("summary", *IMAGE_FIELDS)),
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
#: fields holding a day or a moment (``2024-03-14`` or ``2024-03-14 18:00``), per kind
MOMENT_FIELDS: dict[str, tuple[str, ...]] = {"activity": ("start", "end")}
#: fields holding a day only, per kind
DAY_FIELDS: dict[str, tuple[str, ...]] = {"news": ("date",)}
#: what ``make new`` writes where the communicator must fill in a value
PLACEHOLDER = "FYLL I"

COMPANIES_FILE = "companies.yaml"
COMPANY_FIELDS_REQUIRED: tuple[str, ...] = ("id", "name", "country", "region", "sector", "public")
COMPANY_FIELDS_OPTIONAL: tuple[str, ...] = ("website",)

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: <slug>.<lang>.md
FILENAME_PATTERN = re.compile(r"^(?P<slug>[^.]+)\.(?P<lang>[^.]+)\.md$")

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2})[:.](\d{2})$")


def known_fields(kind: str) -> tuple[str, ...]:
    """Every field an item of ``kind`` may have, required ones first."""
    required, optional = FIELDS[kind]
    return required + optional


def parse_moment(text: str, zone: ZoneInfo) -> date | datetime:
    """Parse ``2024-03-14`` (a day) or ``2024-03-14 18:00`` (local time in ``zone``).

    Raises ValueError for anything else, including impossible dates.
    """
    text = str(text).strip()
    if match := _DATE.match(text):
        return date(*(int(part) for part in match.groups()))
    if match := _DATETIME.match(text):
        year, month, day, hour, minute = (int(part) for part in match.groups())
        return datetime.combine(date(year, month, day), time(hour, minute), tzinfo=zone)
    raise ValueError(text)


@dataclass(frozen=True)
class Schedule:
    """When an activity happens.

    All-day activities have ``date`` bounds with an inclusive ``end``; timed ones
    have aware datetimes. ``end`` defaults to ``start``.
    """

    start: date | datetime
    end: date | datetime

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

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
        """Every calendar day the activity touches, in its local time."""
        first = self.start.date() if isinstance(self.start, datetime) else self.start
        last = self.end.date() if isinstance(self.end, datetime) else self.end
        if isinstance(self.end, datetime) and self.end.time() == time(0) and last > first:
            last -= timedelta(days=1)
        return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


_STOCKHOLM = ZoneInfo("Europe/Stockholm")


def schedule_for(start: str, end: str | None, country: str) -> Schedule:
    """Build a Schedule from the text fields; raises ValueError on a bad value."""
    zone = ZoneInfo(COUNTRY_TIMEZONES[country])
    first = parse_moment(start, zone)
    last = parse_moment(end, zone) if end not in (None, "") else first
    if isinstance(first, datetime) != isinstance(last, datetime):
        # A timed start with a day end (or the reverse): compare as days.
        if isinstance(last, date) and not isinstance(last, datetime):
            last = datetime.combine(last, time(23, 59), tzinfo=zone)
        else:
            last = last.date()
    return Schedule(first, last)
