"""The calendar and progress generators run in-process on the fixture sites, without a build.

The way pelican-plugins/series tests its generator: Pelican's own ``ArticlesGenerator`` and
``PagesGenerator`` read a fixture folder (here tests/data/calendar and tests/data/progress,
copied out of Git) with our reader and settings, then our generators put together their
context. No subprocess, no files written: the unit layer's view of what test_calendar.py
and test_progress.py check in whole builds.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import LOCAL_SETTINGS, copy_fixture
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.plugins.samspel.calendar.generator import CalendarGenerator
from pelican.plugins.samspel.plugin import configure
from pelican.plugins.samspel.progress.generator import ProgressGenerator
from pelican.plugins.samspel.reader import YamlMarkdownReader
from pelican.plugins.samspel.sites.generator import SiteGenerator
from pelican.settings import read_settings
from pelican.tests.support import get_context

#: 9 April 2025, 12:00 in Sweden: the calendar fixture's residency is under way
DURING_RESIDENCY = datetime(2025, 4, 9, 10, tzinfo=UTC)
#: 15 January 2025: before the progress fixture's residency of 1 September 2025
BEFORE_FUTURE = datetime(2025, 1, 15, 12, tzinfo=UTC)
#: 1 September 2025, 08.00 in Sweden: the residency's first day
FUTURE_STARTED = datetime(2025, 9, 1, 6, tzinfo=UTC)


def swedish_settings(content: Path, output: Path) -> dict:
    """The repository's local settings for the Swedish site, reading ``content`` only.

    Plugins are not loaded (no i18n_subsites, no signals connected): our reader goes in
    through READERS and :func:`configure` runs as ``initialized`` would run it.
    """
    settings = read_settings(
        str(LOCAL_SETTINGS),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(output.parent / "cache"),
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "PLUGINS": [],
        },
    )
    settings["READERS"] = {**settings["READERS"], "md": YamlMarkdownReader}
    configure(SimpleNamespace(settings=settings))
    return settings


def generate(content: Path, output: Path, generators: list[type]) -> dict:
    """Run Pelican's readers, then ``generators``, up to their context: the context."""
    settings = swedish_settings(content, output)
    context = get_context(settings)
    arguments = {
        "context": context,
        "settings": settings,
        "path": settings["PATH"],
        "theme": settings["THEME"],
        "output_path": settings["OUTPUT_PATH"],
    }
    for generator_class in [ArticlesGenerator, PagesGenerator, SiteGenerator, *generators]:
        generator_class(**arguments).generate_context()
    return context


def at(moment: datetime, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fix "today" the way a build is given it (SOURCE_DATE_EPOCH)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))


@pytest.fixture
def calendar_content(tmp_path: Path) -> Path:
    return copy_fixture("calendar", tmp_path / "content")


@pytest.fixture
def progress_content(tmp_path: Path) -> Path:
    return copy_fixture("progress", tmp_path / "content")


def test_the_calendar_generator_sorts_the_swedish_activities_by_today(
    calendar_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(DURING_RESIDENCY, monkeypatch)
    context = generate(calendar_content, tmp_path / "output", [CalendarGenerator])
    calendar = context["calendar"]
    assert calendar.states == {
        "nattvandring": "past",
        "var-seminarium": "past",
        "berattarresidens": "ongoing",
        "verkstad": "upcoming",
        # in Swedish only, and so on this site only
        "bara-festival": "upcoming",
    }
    assert [entry.slug for entry in calendar.upcoming] == [
        "berattarresidens",
        "verkstad",
        "bara-festival",
    ]
    assert [entry.slug for entry in calendar.past] == ["var-seminarium", "nattvandring"]
    assert not calendar.under_way(calendar.upcoming[1])  # cancelled
    assert calendar.page_url == "kalender/"
    assert [month.key for month in calendar.months] == [
        "2024-03",
        "2025-03",
        "2025-04",
        "2025-05",
        "2025-06",
    ]


def test_the_progress_generator_counts_by_the_rule_on_each_day(
    progress_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted = {}
    for name, moment in (("early", BEFORE_FUTURE), ("late", FUTURE_STARTED)):
        at(moment, monkeypatch)
        context = generate(progress_content, tmp_path / name, [ProgressGenerator])
        counted[name] = context["progress"]
    # alfa-keramik, tyst-gran (seminar) and eik-forlag (workshop); never ceder-ljud
    # (cancelled); dalen-dans from the residency's first day
    assert counted["early"].count == 3
    assert counted["late"].count == 4
    names = {company.name for company in counted["late"].public_companies}
    assert names == {"Alfa Keramik", "Eik Forlag", "Dalen Dans"}
    assert "Tyst Gran Produktion" not in counted["late"].as_json()
    assert context["project_period"].start == date(2023, 4, 1)
