"""The content check's rule about the project period: what the progress figure leaves out.

An activity that starts before the project's first day or after its last is
shown like any other, but the progress figure never counts it (plugins/samspel/
progress.py), so the chart cannot book it to a month it does not belong to. The
build must not warn about it itself (a build warning is fatal), so the check
says it, as a warning, in the file's language.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from ..content.contract import COUNTRY_TIMEZONES, schedule_for
from ..content.index import ContentItem
from .messages import quoted
from .problems import Problem

if TYPE_CHECKING:
    from .runner import CheckContext


def _first_day(item: ContentItem) -> tuple[str, date] | None:
    """The ``start`` as written and its first day, or None when it is no date (``bad-date``)."""
    value = item.fields.get("start")
    if value is None or not isinstance(value.data, str) or not value.data.strip():
        return None
    country = item.fields.get("country")
    code = country.data if country is not None and isinstance(country.data, str) else "SE"
    zone = code.strip() if code.strip() in COUNTRY_TIMEZONES else "SE"
    try:
        schedule = schedule_for(value.data.strip(), None, zone)
    except ValueError:
        return None
    first = schedule.start if schedule.all_day else schedule.start.date()
    return value.data.strip(), first


def project_period(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[before-project]``, ``[after-project]`` (warnings): an activity outside the period."""
    if item.kind != "activity":
        return
    found = _first_day(item)
    if found is None:
        return
    text, first = found
    period = context.project
    if first > period.end:
        code = "after-project"
    elif first < period.start:
        code = "before-project"
    else:
        return
    yield context.report(
        item,
        "start",
        code,
        value=quoted(text),
        start=period.start.isoformat(),
        end=period.end.isoformat(),
    )
