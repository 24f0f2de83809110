"""What the calendar templates show: activities sorted into upcoming/past, months, types.

Kept apart from the generator so that the sorting rules (what counts as
ongoing, which days an activity fills in a month grid, which pages exist on
the other site) are plain functions of the activities and "today".

A month grid shows only what the content dates to the day: an activity known to
the month is listed under its month ("Under månaden"), one known only to the year
is on no month page, and a span longer than a week is one entry on its first day
in the month rather than a copy on each day.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import pairwise

from babel.dates import get_day_names
from markupsafe import Markup

from ..content.contract import (
    ACTIVITIES,
    ACTIVITY_TYPES,
    Schedule,
    countries_of,
    next_month,
    schedule_for,
    tentative_over,
)
from ..content.index import ContentIndex
from ..settings import CalendarSettings
from .jsonld import event_data, script_safe_json

log = logging.getLogger(__name__)

UPCOMING, ONGOING, PAST = "upcoming", "ongoing", "past"


def state_of(schedule, now: datetime) -> str:
    """Upcoming until it starts, ongoing while under way, past once over."""
    if now < schedule.start_instant:
        return UPCOMING
    if now < schedule.end_instant:
        return ONGOING
    return PAST


#: a span of up to a week is painted on each of its days (a row of the grid); a longer one
#: would fill whole weeks and bury the days that have something else on, so it is one
#: entry on its first day in the month, marked with its last day
PAINTED_DAYS = 7


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months_of(schedule: Schedule) -> list[str]:
    """The month pages an activity is on: every month it touches, known to the month at least.

    A start or end known only to the year names no month, so such an activity is on
    the calendar's lists but on no month page (twelve pages would claim each month).
    """
    if "year" in (schedule.precision, schedule.end_precision):
        return []
    return sorted({month_key(day) for day in schedule.days()})


def months_and_types(index: ContentIndex, lang: str) -> tuple[set[str], set[str]]:
    """The months and activity types that have activities on the site of ``lang``.

    Read from the front matter of that language's files, so that a month or type
    page links to the other site only where that site has the same page.
    """
    months: set[str] = set()
    types: set[str] = set()
    for item in index.in_language(lang, ACTIVITIES):
        try:
            schedule = schedule_for(
                str(item.get("start")), item.get("end"), countries_of(item.get("country"))
            )
        except (KeyError, ValueError):
            continue  # the content check reports it; the other site's build fails on it
        months.update(months_of(schedule))
        types.add(str(item.get("type")))
    return months, types


@dataclass
class Day:
    """One cell of a month grid.

    ``activities`` are those on this day; ``until`` maps the slug of a long span shown
    here once (on its first day in the month) to its last day.
    """

    date: date
    activities: list = field(default_factory=list)
    until: dict[str, date] = field(default_factory=dict)


@dataclass
class Week:
    number: int  # ISO week, as printed in Swedish and Norwegian calendars
    days: list[Day | None]  # Monday..Sunday; None outside the month


@dataclass
class MonthPage:
    key: str  # 2024-03
    first: date
    url: str
    activities: list
    weeks: list[Week]
    on_other_site: bool
    previous: MonthPage | None = None
    next: MonthPage | None = None

    @property
    def during(self) -> list:
        """Activities known to the month, not the day: listed under the month, not on days."""
        return [article for article in self.activities if not article.schedule.exact]


@dataclass
class TypePage:
    key: str
    url: str
    feed_url: str
    activities: list
    upcoming: list
    past: list
    on_other_site: bool
    #: how many past activities a list page shows (CALENDAR["past_count"])
    past_count: int = 12

    @property
    def recent_past(self) -> list:
        return self.past[: self.past_count]


def month_weeks(first: date, activities: Iterable) -> list[Week]:
    """Monday-first weeks of the month, each day with the exactly dated activities on it.

    An activity spanning up to :data:`PAINTED_DAYS` days is on each of them; a longer
    one only on its first day in this month, with its last day beside it. Activities
    known to the month only are not on any day (see :attr:`MonthPage.during`).
    """
    following = next_month(first)
    by_day: dict[date, list] = {}
    until: dict[date, dict[str, date]] = {}
    for article in activities:
        if not article.schedule.exact:
            continue
        days = article.schedule.days()
        if len(days) <= PAINTED_DAYS:
            for day in days:
                by_day.setdefault(day, []).append(article)
            continue
        shown = next((day for day in days if first <= day < following), None)
        if shown is not None:
            by_day.setdefault(shown, []).append(article)
            until.setdefault(shown, {})[article.slug] = days[-1]
    weeks: list[Week] = []
    day = first - timedelta(days=first.weekday())
    while day < following:
        cells = [
            Day(
                day + timedelta(days=i),
                by_day.get(day + timedelta(days=i), []),
                until.get(day + timedelta(days=i), {}),
            )
            if first <= day + timedelta(days=i) < following
            else None
            for i in range(7)
        ]
        weeks.append(Week(day.isocalendar()[1], cells))
        day += timedelta(days=7)
    return weeks


@dataclass
class SiteCalendar:
    """The calendar of one site, in the context as ``calendar``."""

    lang: str
    siteurl: str
    options: CalendarSettings
    activities: list  # by start, then slug
    states: dict[str, str]
    months: list[MonthPage]
    types: list[TypePage]
    now: datetime

    @classmethod
    def build(
        cls,
        activities: list,
        *,
        now: datetime,
        options: CalendarSettings,
        siteurl: str,
        lang: str,
        other_months: set[str],
        other_types: set[str],
    ) -> SiteCalendar:
        ordered = sorted(activities, key=lambda a: (a.schedule.start_instant, a.slug))
        states = {a.slug: state_of(a.schedule, now) for a in ordered}
        in_month: dict[str, list] = {}
        for article in ordered:
            for key in months_of(article.schedule):
                in_month.setdefault(key, []).append(article)
        months = []
        for key in sorted(in_month):
            first = date(int(key[:4]), int(key[5:]), 1)
            months.append(
                MonthPage(
                    key=key,
                    first=first,
                    url=options.month_page.format(month=key),
                    activities=in_month[key],
                    weeks=month_weeks(first, in_month[key]),
                    on_other_site=key in other_months,
                )
            )
        for earlier, later in pairwise(months):
            earlier.next, later.previous = later, earlier
        types = []
        for key in ACTIVITY_TYPES:
            of_type = [a for a in ordered if a.type == key]
            if of_type:
                types.append(
                    TypePage(
                        key=key,
                        url=options.type_page.format(type=key),
                        feed_url=options.type_feed.format(type=key),
                        activities=of_type,
                        upcoming=[a for a in of_type if states[a.slug] != PAST],
                        past=[a for a in reversed(of_type) if states[a.slug] == PAST],
                        on_other_site=key in other_types,
                        past_count=options.past_count,
                    )
                )
        return cls(lang, siteurl, options, ordered, states, months, types, now)

    # --- for templates

    @property
    def page_url(self) -> str:
        return self.options.page

    @property
    def feed_url(self) -> str:
        return self.options.feed

    @property
    def upcoming(self) -> list:
        """Ongoing and upcoming activities, soonest first."""
        return [a for a in self.activities if self.states[a.slug] != PAST]

    @property
    def past(self) -> list:
        """Past activities, latest first."""
        return [a for a in reversed(self.activities) if self.states[a.slug] == PAST]

    @property
    def recent_past(self) -> list:
        """The latest past activities for the calendar page; the rest are on month pages."""
        return self.past[: self.options.past_count]

    @property
    def home(self) -> list:
        return self.upcoming[: self.options.home_count]

    @property
    def weekdays(self) -> list[tuple[str, str]]:
        """``(abbreviated, full)`` weekday names, Monday first, in the site's language."""
        abbreviated = get_day_names("abbreviated", locale=self.lang)
        wide = get_day_names("wide", locale=self.lang)
        return [(abbreviated[day], wide[day]) for day in range(7)]

    def state(self, article) -> str:
        return self.states[article.slug]

    def was_planned(self, article) -> bool:
        """Shown as "Planerades till …": a tentative activity whose period is over, or a
        postponed one (it will not happen when written). Never as held, nor as under way.
        """
        status = article.activity_status
        return status == "postponed" or tentative_over(status, article.schedule, self.now)

    def held(self, article) -> bool:
        """Past and scheduled: the only activities the sites say have taken place."""
        return self.states[article.slug] == PAST and article.activity_status == "scheduled"

    def under_way(self, article) -> bool:
        """Ongoing and scheduled: a tentative activity's period is no sign that it is on."""
        return self.states[article.slug] == ONGOING and article.activity_status == "scheduled"

    def place_to_come(self, article) -> bool:
        """ "To be announced" only for an upcoming activity that will still happen.

        A past one without place shows none; a cancelled or postponed one has none to come.
        """
        return (
            not article.place
            and self.states[article.slug] == UPCOMING
            and article.activity_status in ("scheduled", "tentative")
        )

    def in_feeds(self, article) -> bool:
        """Only activities dated to the day go into .ics files: a calendar app has no month."""
        return article.schedule.exact

    @property
    def feed_activities(self) -> list:
        return [a for a in self.activities if self.in_feeds(a)]

    def for_initiative(self, slug: str) -> list:
        return [a for a in self.activities if getattr(a, "initiative", None) == slug]

    def activity_feed_url(self, article) -> str:
        return self.options.activity_feed.format(url=article.url, slug=article.slug)

    def type_page(self, key: str) -> TypePage | None:
        return next((kind for kind in self.types if kind.key == key), None)

    @staticmethod
    def webcal(url: str) -> str:
        """The subscription form of an http(s) feed URL."""
        return "webcal://" + url.split("://", 1)[1]

    def jsonld(self, article) -> Markup:
        """The schema.org Event of an activity, safe inside ``<script>``."""
        return script_safe_json(
            event_data(
                name=article.title,
                schedule=article.schedule,
                place=article.place,
                countries=article.countries,
                description=article.summary_text,
                lang=self.lang,
                url=f"{self.siteurl}/{article.url}",
                siteurl=self.siteurl,
                status=article.activity_status,
            )
        )
