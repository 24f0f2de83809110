"""Dates, times and numbers in Swedish and Norwegian, with Babel.

The OS locales sv_SE and nb_NO are missing on most machines and CI runners, so
nothing here touches :mod:`locale`. The filters read the site's language from
the template context (``DEFAULT_LANG``), so templates write ``{{ day|long_date }}``.
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import format_decimal
from jinja2 import pass_context

from ..content.contract import Schedule, iso_text

#: Babel's long date for a day of the month without year, per language
_DAY_MONTH = {"sv": "d MMMM", "nb": "d. MMMM"}
#: the day of the month alone, as it starts a range within one month
_DAY = {"sv": "d", "nb": "d."}
#: a day with the abbreviated month: ``30 nov.`` / ``30. nov.``
_SHORT_DAY_MONTH = {"sv": "d MMM", "nb": "d. MMM"}
_TIME = "HH.mm"


def long_date_text(day: date, lang: str) -> str:
    """``14 mars 2024`` / ``14. mars 2024``."""
    return format_date(day, "long", locale=lang)


def clock_text(moment: datetime) -> str:
    """``18.00``: the Swedish and Norwegian way of writing a time of day."""
    return moment.strftime("%H.%M")


def day_range_text(first: date, last: date, lang: str) -> str:
    """A range of days: ``14–16 mars 2024``, ``30 mars – 2 april 2024``."""
    if first == last:
        return long_date_text(first, lang)
    if (first.year, first.month) == (last.year, last.month):
        # Babel's CLDR interval for "yMMMMd" abbreviates some months ("7–11 apr. 2025")
        day = format_date(first, _DAY.get(lang, "d"), locale=lang)
        return f"{day}–{long_date_text(last, lang)}"
    if first.year == last.year:
        head = format_date(first, _DAY_MONTH.get(lang, "d MMMM"), locale=lang)
        return f"{head} – {long_date_text(last, lang)}"
    return f"{long_date_text(first, lang)} – {long_date_text(last, lang)}"


def schedule_text(schedule: Schedule, lang: str) -> str:
    """``14 mars 2024 kl. 18.00–21.00``, ``september 2023``, ``mars–maj 2024``, ``2024`` …

    Exactly the precision the content gives: a month or a year is never written as
    its first and last day.
    """
    if not schedule.exact:
        return _period_text(schedule, lang)
    if schedule.all_day:
        return day_range_text(schedule.start, schedule.end, lang)
    start, end = schedule.start, schedule.end
    if start.date() == end.date():
        hours = clock_text(start) if start == end else f"{clock_text(start)}–{clock_text(end)}"
        return f"{long_date_text(start.date(), lang)} kl. {hours}"
    return (
        f"{long_date_text(start.date(), lang)} kl. {clock_text(start)} – "
        f"{long_date_text(end.date(), lang)} kl. {clock_text(end)}"
    )


def _period_text(schedule: Schedule, lang: str) -> str:
    """A schedule with a month or a year in it, as written (never a day it does not give).

    A year end in the start's year reads as that year's last month ("mars–december
    2024"); a start more exact than its end keeps its day ("14 mars – maj 2024").
    """
    start, end = schedule.start, schedule.end
    first, last = _day_of(start), _day_of(end)
    precision, end_precision = schedule.precision, schedule.end_precision
    if precision == "year" or (end_precision == "year" and first.year != last.year):
        if end_precision == "year" and precision == "year":
            return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
        return f"{_full_text(start, precision, lang)} – {last.year}"
    if precision == "month":
        return month_range_text(first, last, lang)
    # a day (or a moment) to a month, or to the end of the same year
    if first.year != last.year:
        return f"{_full_text(start, precision, lang)} – {month_text(last, lang)}"
    head = format_date(first, _DAY_MONTH.get(lang, "d MMMM"), locale=lang)
    if precision == "time":
        head += f" kl. {clock_text(start)}"
    return f"{head} – {month_text(last, lang)}"


def _day_of(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _full_text(value: date | datetime, precision: str, lang: str) -> str:
    """One bound on its own, with its year: ``2023``, ``mars 2023``, ``14 mars 2023 kl. 18.00``."""
    day = _day_of(value)
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return month_text(day, lang)
    text = long_date_text(day, lang)
    return f"{text} kl. {clock_text(value)}" if precision == "time" else text


def month_text(day: date, lang: str) -> str:
    """``mars 2024``."""
    return format_date(day, "LLLL y", locale=lang)


def month_range_text(first: date, last: date, lang: str) -> str:
    """``september 2023``, ``mars–maj 2024`` / ``mars–mai 2024``, ``november 2023 – mars 2024``."""
    if (first.year, first.month) == (last.year, last.month):
        return month_text(first, lang)
    if first.year == last.year:
        return f"{format_date(first, 'LLLL', locale=lang)}–{month_text(last, lang)}"
    return f"{month_text(first, lang)} – {month_text(last, lang)}"


def short_day_text(day: date, lang: str) -> str:
    """``30 nov.`` / ``30. nov.``: the last day of a span, beside its entry in a month grid."""
    return format_date(day, _SHORT_DAY_MONTH.get(lang, "d MMM"), locale=lang)


def number_text(value: int | float, lang: str) -> str:
    """``1 000`` with the language's separators."""
    return format_decimal(value, locale=lang)


@pass_context
def long_date(context, value: date | datetime) -> str:
    day = value.date() if isinstance(value, datetime) else value
    return long_date_text(day, context["DEFAULT_LANG"])


@pass_context
def dated(context, value: date | datetime, precision: str = "day") -> str:
    """A news date at the precision written: ``14 mars 2024`` or ``december 2023``."""
    return _full_text(value, precision, context["DEFAULT_LANG"])


def iso_dated(value: date | datetime, precision: str = "day") -> str:
    """The same date for ``<time datetime>``: ``2024-03-14`` or ``2023-12``."""
    return iso_text(_day_of(value), precision)


@pass_context
def when(context, schedule: Schedule) -> str:
    return schedule_text(schedule, context["DEFAULT_LANG"])


@pass_context
def month_name(context, value: date) -> str:
    return month_text(value, context["DEFAULT_LANG"])


@pass_context
def number(context, value: int | float) -> str:
    return number_text(value, context["DEFAULT_LANG"])


@pass_context
def short_day(context, value: date | datetime) -> str:
    return short_day_text(_day_of(value), context["DEFAULT_LANG"])


JINJA_FILTERS = {
    "long_date": long_date,
    "dated": dated,
    "iso_dated": iso_dated,
    "when": when,
    "month_name": month_name,
    "number": number,
    "short_day": short_day,
}
