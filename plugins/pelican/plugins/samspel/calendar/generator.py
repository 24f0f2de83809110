"""The calendar: what is on, per site and language, as pages and iCalendar feeds.

``CalendarGenerator`` (added through ``get_generators``) reads the site's
activities after Pelican has read them, decides upcoming/ongoing/past against
"today" (``today.py``), and puts a :class:`SiteCalendar` into the context as
``calendar`` so that every template (home, activity and initiative pages) can
use it. It then writes the calendar, month and type pages and the ``.ics``
files. All state lives on the generator and its context: i18n_subsites runs
this plugin once per site in one process.
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import UTC, datetime, time
from functools import cache
from pathlib import Path

from pelican.generators import Generator

from ..content.history import last_commit_times
from ..sites.generator import other_language
from ..speed.page_cache import CONTEXT_KEY as PAGE_CACHE_KEY
from ..speed.page_cache import PageCache
from ..today import PROJECT_ZONE, build_moment
from .ical import CalendarFiles, EventFacts, ical_status
from .model import SiteCalendar, months_and_types

log = logging.getLogger(__name__)

#: ``CALENDAR`` setting defaults; paths are relative to the site root and the same on both sites
DEFAULT_CALENDAR: dict = {
    "page": "kalender/",
    "month_page": "kalender/{month}/",  # {month} is 2024-03
    "type_page": "kalender/typ/{type}/",
    "feed": "kalender.ics",
    "type_feed": "kalender/typ/{type}.ics",
    "activity_feed": "{url}{slug}.ics",  # next to the activity page
    "uid_domain": "samspel63",  # UID = <slug>@<uid_domain>, the same on both sites
    "prodid": "-//Samspel 63//Samspel 63 calendar 1.0//{LANG}",
    "home_count": 3,
    # past activities listed on the calendar and type pages (latest first); older ones
    # stay on the month pages, so a list page keeps within the page budget for years
    "past_count": 12,
}
_PLACEHOLDERS = {
    "month_page": "{month}",
    "type_page": "{type}",
    "type_feed": "{type}",
    "activity_feed": "{slug}",
}


class CalendarSettingError(ValueError):
    """The CALENDAR setting is wrong."""


def calendar_setting(settings: dict) -> dict:
    """``CALENDAR`` merged over :data:`DEFAULT_CALENDAR`, checked."""
    given = settings.get("CALENDAR", {})
    if not isinstance(given, dict):
        raise CalendarSettingError("samspel: CALENDAR must be a dict")
    unknown = sorted(set(given) - set(DEFAULT_CALENDAR))
    if unknown:
        raise CalendarSettingError(
            f"samspel: CALENDAR has unknown keys {unknown}; known: {sorted(DEFAULT_CALENDAR)}"
        )
    merged = {**DEFAULT_CALENDAR, **given}
    for key in ("page", "month_page", "type_page"):
        value = merged[key]
        if not isinstance(value, str) or value.startswith("/") or not value.endswith("/"):
            raise CalendarSettingError(
                f"samspel: CALENDAR[{key!r}] must be a path like 'kalender/' "
                f"(no leading '/', a trailing '/'), not {value!r}"
            )
    for key in ("feed", "type_feed", "activity_feed"):
        value = merged[key]
        if not isinstance(value, str) or value.startswith("/") or not value.endswith(".ics"):
            raise CalendarSettingError(
                f"samspel: CALENDAR[{key!r}] must be a path ending in '.ics' "
                f"without a leading '/', not {value!r}"
            )
    for key, placeholder in _PLACEHOLDERS.items():
        if placeholder not in merged[key]:
            raise CalendarSettingError(
                f"samspel: CALENDAR[{key!r}] must contain {placeholder}, not {merged[key]!r}"
            )
    if not re.fullmatch(r"[a-z0-9]+(?:[.-][a-z0-9]+)*", str(merged["uid_domain"])):
        raise CalendarSettingError(
            f"samspel: CALENDAR['uid_domain'] must be a domain-like name such as "
            f"'samspel63', not {merged['uid_domain']!r}"
        )
    if not isinstance(merged["prodid"], str) or not merged["prodid"].startswith("-//"):
        raise CalendarSettingError(
            f"samspel: CALENDAR['prodid'] must look like '-//Owner//Product//LANG', "
            f"not {merged['prodid']!r}"
        )
    for key in ("home_count", "past_count"):
        count = merged[key]
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise CalendarSettingError(
                f"samspel: CALENDAR[{key!r}] must be a whole number >= 0, not {count!r}"
            )
    return merged


class CalendarGenerator(Generator):
    """Calendar pages and iCalendar feeds of one site."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.options = calendar_setting(self.settings)
        self.calendar: SiteCalendar | None = None

    def generate_context(self) -> None:
        lang = self.settings["DEFAULT_LANG"]
        activities = [
            article
            for article in self.context.get("articles", [])
            if getattr(article, "kind", None) == "activity" and article.lang == lang
        ]
        other_months, other_types = months_and_types(
            self.context["content_index"], other_language(lang)
        )
        self.calendar = SiteCalendar.build(
            activities,
            now=build_moment(),
            options=self.options,
            siteurl=self.settings["SITEURL"],
            lang=lang,
            other_months=other_months,
            other_types=other_types,
        )
        self.context["calendar"] = self.calendar

    def generate_output(self, writer) -> None:
        calendar = self.calendar
        page = calendar.page_url
        template = self.get_template("calendar")
        writer.write_file(page + "index.html", template, self.context, url=page)
        month_template = self.get_template("calendar_month")
        for month in calendar.months:
            writer.write_file(
                month.url + "index.html", month_template, self.context, url=month.url, month=month
            )
        type_template = self.get_template("calendar_type")
        for kind in calendar.types:
            writer.write_file(
                kind.url + "index.html", type_template, self.context, url=kind.url, kind=kind
            )
        self.write_feeds(calendar)

    # --- iCalendar

    def write_feeds(self, calendar: SiteCalendar) -> None:
        """The site feed, one feed per type and one file per activity.

        With the page cache (page_cache.py), files are keyed like list pages, plus
        the commit times their dates of change come from: an edit of a body, which
        no calendar file shows, writes none of them anew.
        """
        macros = self.env.get_template("macros/calendar.html").make_module(self.context)
        exact = calendar.feed_activities
        files = {calendar.feed_url: (str(macros.feed_name()).strip(), exact)}
        for kind in calendar.types:
            in_feed = [article for article in kind.activities if calendar.in_feeds(article)]
            files[kind.feed_url] = (str(macros.feed_name(kind.key)).strip(), in_feed)
        for article in exact:
            files[calendar.activity_feed_url(article)] = (article.title, [article])
        times = last_commit_times(Path(self.settings["PATH"]))
        page_cache: PageCache | None = self.context.get(PAGE_CACHE_KEY)
        keys: dict[str, str] = {}
        if page_cache is not None:
            history = hashlib.sha256(repr(sorted(times.items())).encode()).hexdigest()
            keys = {name: page_cache.key(f"calendar {history}", name, None) for name in files}
            files = {
                name: value
                for name, value in files.items()
                if not page_cache.restore(keys[name], self.output_path, name)
            }
        if not files:
            return
        labels = self.env.get_template("macros/labels.html").make_module(self.context)
        facts = self.event_facts(calendar, labels, macros, times)
        writer = CalendarFiles(self.options["prodid"].replace("{LANG}", calendar.lang.upper()))
        for name, (title, activities) in files.items():
            path = self.write_ics(
                name, writer.file([facts[article.slug] for article in activities], title)
            )
            if page_cache is not None:
                page_cache.store(keys[name], self.output_path, [str(path)])

    def event_facts(
        self, calendar: SiteCalendar, labels, macros, times: dict[Path, int]
    ) -> dict[str, EventFacts]:
        """``{slug: EventFacts}`` of the activities in the feeds; dates of change from Git.

        Without a commit (a file not committed yet) the date of change is the build's day.
        The labels depend on a handful of values (countries, type), so each is rendered
        once per call rather than once per activity; the memos are local because
        i18n_subsites and autoreload run this once per site and build in one process.
        """
        build_day = datetime.combine(build_moment().date(), time(0), PROJECT_ZONE)
        countries = cache(lambda codes: str(labels.countries(codes)).strip())
        category = cache(lambda key: str(labels.activity_type(key)).strip())
        notices = {
            "cancelled": str(macros.cancelled_notice()).strip(),
            "tentative": str(macros.tentative_notice()).strip(),
            "postponed": str(macros.postponed_notice()).strip(),
        }
        facts = {}
        for article in calendar.feed_activities:
            committed = times.get(Path(article.source_path).resolve())
            modified = datetime.fromtimestamp(committed, UTC) if committed else build_day
            url = f"{calendar.siteurl}/{article.url}"
            status = article.activity_status
            parts = [notices.get(status, ""), article.summary_text, url]
            where = [article.place, countries(article.countries)]
            facts[article.slug] = EventFacts(
                uid=f"{article.slug}@{self.options['uid_domain']}",
                summary=article.title,
                description="\n\n".join(part for part in parts if part),
                location=", ".join(part for part in where if part),
                url=url,
                schedule=article.schedule,
                status=ical_status(status),
                category=category(article.type),
                modified=modified,
            )
        return facts

    def write_ics(self, relative: str, data: bytes) -> Path:
        path = Path(self.output_path) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        log.debug("samspel: wrote %s", path)
        return path
