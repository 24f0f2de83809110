"""iCalendar (RFC 5545) files for activities, written with the ``icalendar`` library.

Every fact of an event comes from the content, never from the clock, so the same
content gives byte-identical files: the UID from the slug, DTSTAMP/LAST-MODIFIED
from the file's last commit, components in a sorted order. Time zones are written
as VTIMEZONE blocks with RRULEs (last Sunday of March/October) rather than with
``add_missing_timezones()``' multi-valued RDATEs, which Mozilla's ical.js (inside
Thunderbird) reads wrongly (see ../shared/docs/pelican-two-domains.md).

Only activities dated to the day are written (a calendar app can only put an event
on days); the generator leaves out the others.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from ..content.contract import Schedule, next_month

log = logging.getLogger(__name__)

#: The EU's summer-time rule (since 1996), which both Sweden and Norway follow.
_SUMMER_RULE = {"FREQ": "YEARLY", "BYMONTH": 3, "BYDAY": "-1SU"}
_WINTER_RULE = {"FREQ": "YEARLY", "BYMONTH": 10, "BYDAY": "-1SU"}


class TimezoneRuleError(ValueError):
    """A zone an activity uses does not follow the summer-time rule we write."""


@dataclass(frozen=True)
class EventFacts:
    """What one VEVENT says, already in the site's language."""

    uid: str
    summary: str
    description: str
    location: str
    url: str
    schedule: Schedule
    status: str  # the VEVENT STATUS: CONFIRMED, TENTATIVE or CANCELLED (ical_status)
    category: str
    modified: datetime  # aware; written in UTC


#: the activity's status -> RFC 5545's VEVENT STATUS (3.8.1.11). A postponed activity will
#: not happen at the time the event gives and has no new one, so for a subscriber's
#: calendar that occurrence is CANCELLED (the description says it is postponed).
ICAL_STATUS: dict[str, str] = {
    "scheduled": "CONFIRMED",
    "tentative": "TENTATIVE",
    "cancelled": "CANCELLED",
    "postponed": "CANCELLED",
}


def ical_status(status: str) -> str:
    return ICAL_STATUS[status]


def _last_sunday(year: int, month: int) -> date:
    last = next_month(date(year, month, 1)) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def check_summer_time_rule(zone: ZoneInfo, years: Iterable[int]) -> None:
    """Raise if ``zone`` is not +01:00/+02:00 with the EU rule in one of ``years``.

    The VTIMEZONE we write states that rule; a zone that ever leaves it (a country
    that drops summer time) must not be described wrongly without a loud error.
    """
    for year in sorted(set(years)):
        for day in (date(year, 1, 15), date(year, 7, 15)):
            offset = datetime(day.year, day.month, day.day, 12, tzinfo=zone).utcoffset()
            expected = timedelta(hours=1 if day.month == 1 else 2)
            if offset != expected:
                raise TimezoneRuleError(
                    f"samspel: {zone.key} is {offset} on {day}, not the CET/CEST the calendar "
                    "writes; update plugins/samspel/ical.py"
                )
        for month, hour, before in ((3, 1, 1), (10, 1, 2)):
            change = datetime.combine(_last_sunday(year, month), datetime.min.time(), UTC)
            just_before = (change + timedelta(hours=hour, minutes=-1)).astimezone(zone)
            just_after = (change + timedelta(hours=hour, minutes=1)).astimezone(zone)
            if just_before.utcoffset() != timedelta(hours=before) or (
                just_after.utcoffset() == just_before.utcoffset()
            ):
                raise TimezoneRuleError(
                    f"samspel: {zone.key} does not change time on the last Sunday of "
                    f"month {month} in {year}; update plugins/samspel/ical.py"
                )


def vtimezone(tzid: str) -> Timezone:
    """CET/CEST with RRULEs, the form every calendar client reads the same way."""
    zone = Timezone()
    zone.add("tzid", tzid)
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("dtstart", datetime(1970, 10, 25, 3, 0))
    standard.add("tzoffsetfrom", timedelta(hours=2))
    standard.add("tzoffsetto", timedelta(hours=1))
    standard.add("rrule", _WINTER_RULE)
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("dtstart", datetime(1970, 3, 29, 2, 0))
    daylight.add("tzoffsetfrom", timedelta(hours=1))
    daylight.add("tzoffsetto", timedelta(hours=2))
    daylight.add("rrule", _SUMMER_RULE)
    zone.add_component(daylight)
    zone.add_component(standard)
    return zone


def vevent(facts: EventFacts) -> Event:
    """One activity as a VEVENT (dated to the day: the generator never passes another)."""
    if not facts.schedule.exact:
        raise ValueError(f"samspel: {facts.uid} is not dated to the day; it has no VEVENT")
    event = Event()
    event.add("uid", facts.uid)
    event.add("dtstamp", facts.modified.astimezone(UTC))
    event.add("last-modified", facts.modified.astimezone(UTC))
    event.add("summary", facts.summary)
    event.add("description", facts.description)
    event.add("location", facts.location)
    event.add("url", facts.url)
    event.add("status", facts.status)
    event.add("categories", [facts.category])
    event.add("transp", "OPAQUE" if not facts.schedule.all_day else "TRANSPARENT")
    schedule = facts.schedule
    if schedule.all_day:
        event.add("dtstart", schedule.start)
        event.add("dtend", schedule.end + timedelta(days=1))  # exclusive, RFC 5545 3.6.1
    else:
        event.add("dtstart", schedule.start)
        if schedule.end > schedule.start:  # DTEND must be later than DTSTART
            event.add("dtend", schedule.end)
    return event


def _sort_key(facts: EventFacts) -> tuple:
    return (facts.schedule.start_instant, facts.uid)


_BEGIN = b"BEGIN:VCALENDAR\r\n"
_END = b"END:VCALENDAR\r\n"
#: a calendar name that never needs escaping or folding, to find where names go
_PROBE = "samspel-probe"


def _inside(calendar: Calendar) -> bytes:
    """The lines of a serialised VCALENDAR between its BEGIN and END lines."""
    data = calendar.to_ical()
    if not (data.startswith(_BEGIN) and data.endswith(_END)):
        raise ValueError("samspel: unexpected start or end of an icalendar VCALENDAR")
    return data[len(_BEGIN) : -len(_END)]


def _names(name: str) -> bytes:
    """NAME and X-WR-CALNAME, the only header lines that differ between the files."""
    calendar = Calendar()
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    return _inside(calendar)


class CalendarFiles:
    """Writes the calendar files of one site, serialising each component only once.

    Every event is in three files (the site feed, its type's feed, its own file), and
    icalendar's serialisation is most of the calendar's build time; so each VEVENT and
    VTIMEZONE is turned into bytes once, and a file is its header, zones and events
    joined: the same bytes icalendar writes for the whole VCALENDAR. The header's
    fixed lines are serialised once too, with only the names serialised per file.
    """

    def __init__(self, prodid: str) -> None:
        self.prodid = prodid
        self._events: dict[str, bytes] = {}
        self._zones: dict[str, bytes] = {}
        self._frames: dict[str, tuple[bytes, bytes]] = {}
        self._checked: set[tuple[str, int]] = set()

    def calendar(self, name: str, description: str = "") -> Calendar:
        """The VCALENDAR's own properties, without components."""
        calendar = Calendar()
        calendar.add("prodid", self.prodid)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", name)
        calendar.add("name", name)
        if description:
            calendar.add("x-wr-caldesc", description)
        calendar.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", "P1D")
        return calendar

    def header(self, name: str, description: str = "") -> bytes:
        """BEGIN:VCALENDAR and its properties: the fixed lines around this file's names."""
        before, after = self._frame(description)
        return before + _names(name) + after

    def _frame(self, description: str) -> tuple[bytes, bytes]:
        """The header's lines before and after the names, found with a probe name.

        icalendar orders properties by name, never by value, so the lines around the
        names are the same for every name.
        """
        if description not in self._frames:
            whole = _BEGIN + _inside(self.calendar(_PROBE, description))
            names = b"\r\n" + _names(_PROBE)  # from a line's start
            if whole.count(names) != 1:
                raise ValueError("samspel: icalendar no longer writes the calendar names together")
            before, after = whole.split(names)
            self._frames[description] = (before + b"\r\n", after)
        return self._frames[description]

    def event(self, facts: EventFacts) -> bytes:
        if facts.uid not in self._events:
            if not facts.schedule.all_day:
                for moment in (facts.schedule.start, facts.schedule.end):
                    if (moment.tzinfo.key, moment.year) not in self._checked:
                        check_summer_time_rule(moment.tzinfo, [moment.year])
                        self._checked.add((moment.tzinfo.key, moment.year))
            self._events[facts.uid] = vevent(facts).to_ical()
        return self._events[facts.uid]

    def zone(self, tzid: str) -> bytes:
        if tzid not in self._zones:
            self._zones[tzid] = vtimezone(tzid).to_ical()
        return self._zones[tzid]

    def file(self, events: Iterable[EventFacts], name: str, description: str = "") -> bytes:
        """A whole VCALENDAR: VTIMEZONEs sorted by TZID, then events by start and UID."""
        events = sorted(events, key=_sort_key)
        tzids = {
            moment.tzinfo.key
            for facts in events
            if not facts.schedule.all_day
            for moment in (facts.schedule.start, facts.schedule.end)
        }
        parts = [self.header(name, description)]
        parts += [self.zone(tzid) for tzid in sorted(tzids)]
        parts += [self.event(facts) for facts in events]
        return b"".join([*parts, _END])
