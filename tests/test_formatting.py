"""Dates as visitors read them, in Swedish and Norwegian, without OS locales."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from pelican.plugins.samspel.content.contract import Schedule, schedule_for
from pelican.plugins.samspel.templates.formatting import (
    day_range_text,
    schedule_text,
    short_day_text,
)

OSLO = ZoneInfo("Europe/Oslo")


@pytest.mark.parametrize(
    ("lang", "first", "last", "expected"),
    [
        ("sv", date(2025, 4, 7), date(2025, 4, 11), "7–11 april 2025"),
        ("nb", date(2025, 4, 7), date(2025, 4, 11), "7.–11. april 2025"),
        ("sv", date(2024, 3, 30), date(2024, 4, 2), "30 mars – 2 april 2024"),
        ("nb", date(2024, 3, 30), date(2024, 4, 2), "30. mars – 2. april 2024"),
        ("sv", date(2024, 12, 30), date(2025, 1, 2), "30 december 2024 – 2 januari 2025"),
        ("nb", date(2024, 3, 14), date(2024, 3, 14), "14. mars 2024"),
    ],
)
def test_day_ranges_spell_out_the_month(lang: str, first: date, last: date, expected: str):
    assert day_range_text(first, last, lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("sv", "14 mars 2024 kl. 18.00–21.00"), ("nb", "14. mars 2024 kl. 18.00–21.00")],
)
def test_an_evening_reads_as_in_the_issue(lang: str, expected: str) -> None:
    evening = Schedule(
        datetime(2024, 3, 14, 18, 0, tzinfo=OSLO), datetime(2024, 3, 14, 21, 0, tzinfo=OSLO)
    )
    assert schedule_text(evening, lang) == expected


@pytest.mark.parametrize(
    ("start", "end", "sv", "nb"),
    [
        ("2023-09", None, "september 2023", "september 2023"),
        ("2024-03", "2024-05", "mars–maj 2024", "mars–mai 2024"),
        ("2023-11", "2024-02", "november 2023 – februari 2024", "november 2023 – februar 2024"),
        ("2024", None, "2024", "2024"),
        ("2023", "2025", "2023–2025", "2023–2025"),
        ("2024-03-14", "2024-05", "14 mars – maj 2024", "14. mars – mai 2024"),
        ("2024-03", "2025", "mars 2024 – 2025", "mars 2024 – 2025"),
    ],
)
def test_a_month_or_a_year_reads_as_written(start: str, end: str | None, sv: str, nb: str):
    """Never a day the content does not give: "2023-09" is not "1–30 september 2023"."""
    schedule = schedule_for(start, end, "SE")
    assert not schedule.exact
    assert (schedule_text(schedule, "sv"), schedule_text(schedule, "nb")) == (sv, nb)


def test_a_month_keeps_its_precision_for_machines() -> None:
    schedule = schedule_for("2024-03", "2024-05", ("SE", "NO"))
    assert (schedule.start_iso, schedule.end_iso) == ("2024-03", "2024-05")
    assert (schedule.start, schedule.end) == (date(2024, 3, 1), date(2024, 5, 31))
    assert schedule_for("2025", None, "NO").start_iso == "2025"


def test_an_end_more_exact_than_its_start_is_refused() -> None:
    with pytest.raises(ValueError):
        schedule_for("2024-03", "2024-05-14", "SE")


def test_the_last_day_of_a_long_span_is_short() -> None:
    assert (short_day_text(date(2023, 11, 30), "sv"), short_day_text(date(2023, 11, 30), "nb")) == (
        "30 nov.",
        "30. nov.",
    )
