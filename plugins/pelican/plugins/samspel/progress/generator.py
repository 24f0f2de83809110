"""The progress counter: how many cultural companies the project has strengthened.

The rule: a company counts once it is listed in ``companies`` of at least one
scheduled activity (``COUNTED_STATUSES``: not tentative, postponed or
cancelled) that starts within the project period (``SAMSPEL_PROJECT``) on or
before the build's day (``SamspelSettings.now``). Each company counts once. Once the
project has ended, the figures are those at its last day; an activity dated outside the
period never counts (the content check warns about it), so no month of the
chart is given a company that does not belong to it. The figures come from the content
index (front matter of both languages, so an activity written in one language
only still counts) and ``content/data/companies.yaml``: both sites compute them
from the same files with the same function, so they show the same number and
write byte-identical ``data/progress.json``. Its ``as_of`` is the day those files
last changed (:func:`history.last_change`), never the build's day.

Companies with ``public: false`` are counted, but their names and ids never
leave this module: only :attr:`Progress.public_companies` and
:meth:`Progress.taking_part` (an activity page's companies) carry names, both
through :func:`named`, and the breakdowns carry counts only.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from pelican.generators import Generator

from ..check.file_rules import is_web_address
from ..content.companies import companies_path, read_companies
from ..content.contract import (
    ACTIVITIES,
    ACTIVITY_TYPES,
    COMPANIES_FILE,
    COUNTED_STATUSES,
    COUNTRY_TIMEZONES,
    DATA_SECTION,
    DEFAULT_STATUS,
    LANGUAGES,
    countries_of,
    next_month,
    schedule_for,
)
from ..content.frontmatter import FrontMatterError
from ..content.history import last_change
from ..content.index import ContentIndex
from ..settings import ProgressSettings, samspel_settings
from ..today import PROJECT_ZONE
from .chart import Chart, chart_for
from .phases import Phase

log = logging.getLogger(__name__)

DATA_FOLDER = "data"  # /data/progress.json and /data/progress.csv on both sites


class CompaniesError(ValueError):
    """content/data/companies.yaml cannot be read (the content check names the problem)."""


@dataclass(frozen=True)
class Company:
    """One entry of companies.yaml."""

    id: str
    name: str
    country: str
    region: str
    sector: str
    public: bool
    website: str = ""

    @property
    def link(self) -> str:
        """The website to link the name to, only if it is an https address, else "".

        The check already stops a build whose website is not one (``bad-website``);
        this keeps a page from ever linking ``javascript:`` or ``http:`` should it not.
        """
        return self.website if is_web_address(self.website) else ""


def named(companies: list[Company]) -> list[Company]:
    """The companies that agreed to be named (``public: true``), by name: the one naming rule.

    Both the results page and an activity page name companies through this, so
    a company is named on one exactly when it may be named on the other.
    """
    public = {company.id: company for company in companies if company.public}
    return sorted(public.values(), key=lambda company: (company.name.casefold(), company.id))


@dataclass(frozen=True)
class TakingPart:
    """An activity's companies as a page may show them: the named ones, and how many others.

    Holds no id or name of a ``public: false`` company, only their number.
    """

    named: list[Company]
    unnamed: int

    def __bool__(self) -> bool:
        return bool(self.named) or self.unnamed > 0


def load_companies(path: Path) -> dict[str, Company]:
    """Read companies.yaml as text only (``country: NO`` stays Norway; ``public`` is text).

    A missing file means no companies. Only the literal text ``true`` makes a
    company public: anything else keeps it anonymous.
    """
    if not path.is_file():
        return {}
    try:
        entries = read_companies(path)
    except FrontMatterError as error:
        if error.code == "yaml-not-list":
            raise CompaniesError(f"samspel: {path} must be a list of companies") from error
        raise CompaniesError(f"samspel: {path} cannot be read: {error}") from error
    except UnicodeDecodeError as error:
        raise CompaniesError(f"samspel: {path} cannot be read: {error}") from error
    companies: dict[str, Company] = {}
    for _line, fields in entries:
        entry = {key: value.data for key, value in (fields or {}).items()}
        if not entry.get("id"):
            raise CompaniesError(f"samspel: {path}: every company needs an id")

        def text(key: str, entry: dict = entry) -> str:
            return str(entry.get(key) or "").strip()

        company = Company(
            id=text("id"),
            name=text("name"),
            country=text("country").upper(),
            region=text("region"),
            sector=text("sector"),
            public=text("public").lower() == "true",
            website=text("website"),
        )
        companies[company.id] = company
    return companies


@dataclass(frozen=True)
class Activity:
    """The facts of one activity that the rule needs, from either language file."""

    source: str
    type: str
    start: date
    status: str
    companies: tuple[str, ...]

    @property
    def counted(self) -> bool:
        """Only a scheduled activity can strengthen a company (issue 15: not tentative ones)."""
        return self.status in COUNTED_STATUSES


def activities_of(index: ContentIndex) -> list[Activity]:
    """Every activity slug once, its facts taken from the first language file that exists.

    Both language files must agree on these facts (the content contract's
    SHARED_FIELDS), so either one will do; the order is fixed for reproducibility.
    """
    activities = []
    for _slug, versions in sorted(index.by_slug(ACTIVITIES).items()):
        item = next(versions[lang] for lang in LANGUAGES if lang in versions)
        country = countries_of(item.get("country"))
        try:
            schedule = schedule_for(str(item.get("start")), item.get("end"), country)
        except (KeyError, ValueError):
            log.warning("samspel: %s: no valid start or country; not counted", item.path.name)
            continue
        start = schedule.start if schedule.all_day else schedule.start.date()
        listed = item.get("companies", [])
        listed = listed if isinstance(listed, list) else [listed]
        activities.append(
            Activity(
                source=f"{ACTIVITIES}/{item.path.name}",
                type=str(item.get("type", "other")),
                start=start,
                status=str(item.get("status", DEFAULT_STATUS)).strip(),
                companies=tuple(str(company).strip() for company in listed if company),
            )
        )
    return activities


@dataclass(frozen=True)
class Month:
    """One month of the project period: companies first strengthened in it, and in all."""

    first_day: date
    new: int
    total: int

    @property
    def key(self) -> str:
        return self.first_day.strftime("%Y-%m")


@dataclass
class Progress:
    """The counter's figures for one day, the same for both sites.

    ``today`` is the build's day and is never written out; ``day`` is the day the
    figures stand at (today, or the project's last day once it has ended), and
    ``as_of`` the day the facts they are computed from last changed.
    """

    config: ProgressSettings
    today: date
    as_of: date
    strengthened: dict[str, date]  # company id -> first qualifying start
    types: dict[str, set[str]]  # company id -> activity types it took part in
    companies: dict[str, Company] = field(repr=False)
    months: list[Month] = field(default_factory=list)

    @property
    def day(self) -> date:
        return min(self.today, self.config.end)

    @property
    def phase(self) -> Phase:
        return self.config.period.phase(self.today)

    @property
    def count(self) -> int:
        return len(self.strengthened)

    @property
    def target(self) -> int:
        return self.config.target

    @property
    def path(self) -> str:
        return self.config.path

    @property
    def by_country(self) -> dict[str, int]:
        counts = dict.fromkeys(COUNTRY_TIMEZONES, 0)
        for company_id in self.strengthened:
            country = self.companies[company_id].country
            counts[country] = counts.get(country, 0) + 1
        return counts

    @property
    def by_region(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for company_id in self.strengthened:
            region = self.companies[company_id].region
            counts[region] = counts.get(region, 0) + 1
        return dict(sorted(counts.items()))

    @property
    def by_type(self) -> dict[str, int]:
        """Companies per activity type; one company can count under several types."""
        counts = dict.fromkeys(ACTIVITY_TYPES, 0)
        for kinds in self.types.values():
            for kind in kinds:
                counts[kind] = counts.get(kind, 0) + 1
        return counts

    @property
    def public_companies(self) -> list[Company]:
        """The strengthened companies that agreed to be named, by name."""
        return named([self.companies[key] for key in self.strengthened])

    def taking_part(self, listed: object) -> TakingPart:
        """The companies an activity lists (its ``companies``), for its page.

        Read from the same companies.yaml as the count and named by the same rule
        (:func:`named`); every other listed company is only counted, once however
        often it is listed. An id that is not in companies.yaml is neither (the
        check stops the build over it, ``unknown-company``).
        """
        ids = listed if isinstance(listed, list | tuple) else [listed] if listed else []
        unique = dict.fromkeys(str(company_id).strip() for company_id in ids)
        known = [self.companies[key] for key in unique if key in self.companies]
        shown = named(known)
        return TakingPart(shown, len(known) - len(shown))

    @property
    def anonymous_count(self) -> int:
        return self.count - len(self.public_companies)

    @property
    def goal_percent(self) -> int:
        return round(100 * self.count / self.target)

    @property
    def period_days(self) -> int:
        return (self.config.end - self.config.start).days + 1

    @property
    def elapsed_days(self) -> int:
        """Days of the project period up to and including the day the figures stand at."""
        elapsed = (self.day - self.config.start).days + 1
        return max(0, min(elapsed, self.period_days))

    @property
    def period_percent(self) -> int:
        return round(100 * self.elapsed_days / self.period_days)

    def chart(self) -> Chart:
        return chart_for(self.config.start, self.config.end, self.months, self.target)

    def as_json(self) -> str:
        """``data/progress.json``: counts only, sorted keys, the same bytes on both sites."""
        figures = {
            "as_of": self.as_of.isoformat(),
            "count": self.count,
            "target": self.target,
            "project": {
                "start": self.config.start.isoformat(),
                "end": self.config.end.isoformat(),
            },
            "by_country": self.by_country,
            "by_region": self.by_region,
            "by_type": self.by_type,
            "by_month": [
                {"month": month.key, "new": month.new, "total": month.total}
                for month in self.months
            ],
        }
        return json.dumps(figures, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def as_csv(self) -> str:
        """``data/progress.csv``: one row per month of the project period so far."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["month", "new", "total", "target"])
        for month in self.months:
            writer.writerow([month.key, month.new, month.total, self.target])
        return buffer.getvalue()


def _month_start(day: date) -> date:
    return day.replace(day=1)


def monthly(config: ProgressSettings, day: date, strengthened: dict[str, date]) -> list[Month]:
    """The project's months up to ``day``'s month, each with new and cumulative counts.

    Each company is booked to the month of its first qualifying start, which
    :func:`compute` keeps within the period and on or before ``day``; a start
    outside those months is a bug and stops the build rather than being moved to
    a month it does not belong to.
    """
    first = _month_start(config.start)
    until = max(first, _month_start(min(day, config.end)))
    new_in: dict[date, int] = {}
    for start in strengthened.values():
        month = _month_start(start)
        if not first <= month <= until:
            raise ValueError(f"samspel: a company is counted in {month:%Y-%m}, outside the chart")
        new_in[month] = new_in.get(month, 0) + 1
    months, total, month = [], 0, first
    while month <= until:
        total += new_in.get(month, 0)
        months.append(Month(month, new_in.get(month, 0), total))
        month = next_month(month)
    return months


def compute(
    config: ProgressSettings,
    activities: list[Activity],
    companies: dict[str, Company],
    today: date,
    as_of: date,
) -> Progress:
    """Apply the rule: listed in a scheduled activity that started within the period; once each.

    Activities outside the period are left out without a word here: the content
    check names each of them (``before-project``, ``after-project``), and a
    warning from the build would stop it.
    """
    until = min(today, config.end)
    strengthened: dict[str, date] = {}
    types: dict[str, set[str]] = {}
    for activity in activities:
        if not activity.counted or not config.start <= activity.start <= until:
            continue
        for company_id in activity.companies:
            if company_id not in companies:
                log.warning(
                    "samspel: %s lists company %r, which is not in content/data/%s",
                    activity.source,
                    company_id,
                    COMPANIES_FILE,
                )
                continue
            earlier = strengthened.get(company_id, activity.start)
            strengthened[company_id] = min(earlier, activity.start)
            types.setdefault(company_id, set()).add(activity.type)
    strengthened = dict(sorted(strengthened.items()))
    return Progress(
        config,
        today,
        as_of,
        strengthened,
        types,
        companies,
        monthly(config, until, strengthened),
    )


def _counted_file(path: PurePosixPath) -> bool:
    """A file the count reads: an activity's Markdown, or companies.yaml."""
    parts = path.parts
    return (len(parts) == 2 and parts[0] == ACTIVITIES and path.suffix == ".md") or (
        parts == (DATA_SECTION, COMPANIES_FILE)
    )


def facts_changed_on(content: Path, fallback: date) -> date:
    """The day (in Sweden) the files the count reads last changed (:func:`history.last_change`).

    ``fallback`` only when there are no such files at all (an empty content folder).
    """
    moment = last_change(content, _counted_file)
    if moment is None:
        return fallback
    return datetime.fromtimestamp(moment, PROJECT_ZONE).date()


class ProgressGenerator(Generator):
    """Adds ``progress`` to every template; writes the progress page and data files."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.config = samspel_settings(self.settings).progress

    def generate_context(self) -> None:
        """The figures, and the project's phase for every template (``project_phase``).

        "Today" is the build's (fixed at ``initialized``), so the phase and the figures
        agree with each other and with the calendar.
        """
        today = samspel_settings(self.settings).now.date()
        content = Path(self.settings["PATH"])
        index = self.context.get("content_index") or ContentIndex.scan(content)
        companies = load_companies(companies_path(content))
        as_of = facts_changed_on(content, fallback=self.config.start)
        progress = compute(self.config, activities_of(index), companies, today, as_of)
        self.context["progress"] = progress
        self.context["project_period"] = self.config.period
        self.context["project_phase"] = progress.phase

    def generate_output(self, writer) -> None:
        progress: Progress = self.context["progress"]
        writer.write_file(
            f"{progress.path}index.html",
            self.get_template("progress"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=progress.path,
            chart=progress.chart(),
        )
        folder = Path(self.output_path) / DATA_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "progress.json").write_text(progress.as_json(), encoding="utf-8")
        (folder / "progress.csv").write_text(progress.as_csv(), encoding="utf-8")
