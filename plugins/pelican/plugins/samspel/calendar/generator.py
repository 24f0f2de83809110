"""The calendar: what is on, per site and language, as pages and iCalendar feeds.

``CalendarGenerator`` (added through ``get_generators``) reads the site's
activities after Pelican has read them, decides upcoming/ongoing/past against
the build's moment (``SamspelSettings.now``, fixed at ``initialized``), and
puts a :class:`SiteCalendar` into the context as ``calendar`` so that every
template (home, activity and initiative pages) can use it. It then writes the
calendar, month and type pages and the ``.ics`` files. All state lives on the
generator and its context: i18n_subsites runs this plugin once per site in one
process.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime, time
from functools import cache
from pathlib import Path

from pelican.generators import Generator

from ..content.history import last_commit_times
from ..settings import samspel_settings
from ..sites.generator import other_language
from ..speed.page_cache import CONTEXT_KEY as PAGE_CACHE_KEY
from ..speed.page_cache import PageCache
from ..today import PROJECT_ZONE
from .ical import CalendarFiles, EventFacts, ical_status
from .model import SiteCalendar, months_and_types

log = logging.getLogger(__name__)


class CalendarGenerator(Generator):
    """Calendar pages and iCalendar feeds of one site."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        config = samspel_settings(self.settings)
        self.options = config.calendar
        #: the build's moment, fixed at ``initialized``: upcoming or past, the feeds' fallback
        self.now = config.now
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
            now=self.now,
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
        writer = CalendarFiles(self.options.prodid.replace("{LANG}", calendar.lang.upper()))
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
        build_day = datetime.combine(self.now.date(), time(0), PROJECT_ZONE)
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
                uid=f"{article.slug}@{self.options.uid_domain}",
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
