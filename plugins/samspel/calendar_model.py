"""What the calendar templates show: activities sorted into upcoming/past, months, types.

Kept apart from the generator so that the sorting rules (what counts as
ongoing, which days an activity fills in a month grid, which pages exist on
the other site) are plain functions of the activities and "today".
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import pairwise

from babel.dates import get_day_names
from markupsafe import Markup

from .content_index import ContentIndex
from .contract import ACTIVITY_TYPES, schedule_for
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


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months_and_types(index: ContentIndex, lang: str) -> tuple[set[str], set[str]]:
    """The months and activity types that have activities on the site of ``lang``.

    Read from the front matter of that language's files, so that a month or type
    page links to the other site only where that site has the same page.
    """
    months: set[str] = set()
    types: set[str] = set()
    for item in index.in_language(lang, "aktiviteter"):
        try:
            schedule = schedule_for(
                str(item.get("start")), item.get("end"), str(item.get("country", "")).upper()
            )
        except (KeyError, ValueError):
            continue  # the content check reports it; the other site's build fails on it
        months.update(month_key(day) for day in schedule.days())
        types.add(str(item.get("type")))
    return months, types


@dataclass
class Day:
    """One cell of a month grid."""

    date: date
    activities: list = field(default_factory=list)


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
    """Monday-first weeks of the month, each day with every activity that spans it."""
    by_day: dict[date, list] = {}
    for article in activities:
        for day in article.schedule.days():
            by_day.setdefault(day, []).append(article)
    following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    weeks: list[Week] = []
    day = first - timedelta(days=first.weekday())
    while day < following:
        cells = [
            Day(day + timedelta(days=i), by_day.get(day + timedelta(days=i), []))
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
    options: dict
    activities: list  # by start, then slug
    states: dict[str, str]
    months: list[MonthPage]
    types: list[TypePage]

    @classmethod
    def build(
        cls,
        activities: list,
        *,
        now: datetime,
        options: dict,
        siteurl: str,
        lang: str,
        other_months: set[str],
        other_types: set[str],
    ) -> SiteCalendar:
        ordered = sorted(activities, key=lambda a: (a.schedule.start_instant, a.slug))
        states = {a.slug: state_of(a.schedule, now) for a in ordered}
        in_month: dict[str, list] = {}
        for article in ordered:
            for key in sorted({month_key(day) for day in article.schedule.days()}):
                in_month.setdefault(key, []).append(article)
        months = []
        for key in sorted(in_month):
            first = date(int(key[:4]), int(key[5:]), 1)
            months.append(
                MonthPage(
                    key=key,
                    first=first,
                    url=options["month_page"].format(month=key),
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
                        url=options["type_page"].format(type=key),
                        feed_url=options["type_feed"].format(type=key),
                        activities=of_type,
                        upcoming=[a for a in of_type if states[a.slug] != PAST],
                        past=[a for a in reversed(of_type) if states[a.slug] == PAST],
                        on_other_site=key in other_types,
                        past_count=options["past_count"],
                    )
                )
        return cls(lang, siteurl, options, ordered, states, months, types)

    # --- for templates

    @property
    def page_url(self) -> str:
        return self.options["page"]

    @property
    def feed_url(self) -> str:
        return self.options["feed"]

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
        return self.past[: self.options["past_count"]]

    @property
    def home(self) -> list:
        return self.upcoming[: self.options["home_count"]]

    @property
    def weekdays(self) -> list[tuple[str, str]]:
        """``(abbreviated, full)`` weekday names, Monday first, in the site's language."""
        abbreviated = get_day_names("abbreviated", locale=self.lang)
        wide = get_day_names("wide", locale=self.lang)
        return [(abbreviated[day], wide[day]) for day in range(7)]

    def state(self, article) -> str:
        return self.states[article.slug]

    def for_initiative(self, slug: str) -> list:
        return [a for a in self.activities if getattr(a, "initiative", None) == slug]

    def activity_feed_url(self, article) -> str:
        return self.options["activity_feed"].format(url=article.url, slug=article.slug)

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
                country=article.country,
                description=article.summary_text,
                lang=self.lang,
                url=f"{self.siteurl}/{article.url}",
                siteurl=self.siteurl,
                cancelled=article.activity_status == "cancelled",
            )
        )
