"""Dates as visitors read them, in Swedish and Norwegian, without OS locales."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from plugins.samspel.contract import Schedule
from plugins.samspel.formatting import day_range_text, schedule_text

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
