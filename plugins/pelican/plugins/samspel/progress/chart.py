"""Geometry of the progress chart: where each month's cumulative count is drawn.

The chart is inline SVG written by ``theme/templates/progress.html`` at build
time (no JavaScript). Python computes only positions and tick values; every
word on the chart comes from the template, through gettext. Coordinates are
rounded to one decimal so that the same figures always give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from ..content.contract import next_month

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 36  # margins for the axis labels


class MonthFigures(Protocol):
    first_day: date
    new: int
    total: int


@dataclass(frozen=True)
class Point:
    """One month's cumulative count, placed on the chart."""

    x: str
    y: str
    month: MonthFigures


@dataclass(frozen=True)
class Tick:
    """A labelled tick on one axis: its position and the value it stands for."""

    position: str
    value: int


@dataclass(frozen=True)
class Chart:
    """Everything the template needs to draw the chart."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    points: list[Point]
    y_ticks: list[Tick]
    x_ticks: list[Tick]  # value: the year that starts at that month (or the first month's)
    y_max: int
    target_y: str

    @property
    def polyline(self) -> str:
        return " ".join(f"{point.x},{point.y}" for point in self.points)


def _coordinate(value: float) -> str:
    return f"{value:.1f}"


def nice_step(maximum: int, ticks: int = 5) -> int:
    """The smallest 1, 2 or 5 times a power of ten that covers ``maximum`` in ``ticks`` steps."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if factor * magnitude * ticks >= maximum:
                return factor * magnitude
        magnitude *= 10


def months_between(start: date, end: date) -> list[date]:
    """The first day of every month from ``start``'s month to ``end``'s, inclusive."""
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = next_month(month)
    return months


def chart_for(start: date, end: date, figures: list[MonthFigures], target: int) -> Chart:
    """Place the cumulative counts on an x axis spanning the whole project period.

    The y axis reaches at least the target, so the line shows how far the goal is.
    A month outside the period has no place on the axis: it is refused, never
    drawn at the period's last month (where a February 2027 count once landed
    on March 2026).
    """
    period = months_between(start, end)
    highest = max([target, *(month.total for month in figures)])
    step = nice_step(highest)
    y_max = -(-highest // step) * step
    right, bottom = WIDTH - RIGHT, HEIGHT - BOTTOM

    def x_of(month: date) -> float:
        if month not in period:
            raise ValueError(f"samspel: {month:%Y-%m} is outside the project period's chart")
        index = period.index(month)
        return LEFT + (right - LEFT) * (index / (len(period) - 1) if len(period) > 1 else 0.5)

    def y_of(value: int) -> float:
        return bottom - (bottom - TOP) * value / y_max

    points = [
        Point(_coordinate(x_of(month.first_day)), _coordinate(y_of(month.total)), month)
        for month in figures
    ]
    y_ticks = [Tick(_coordinate(y_of(value)), value) for value in range(0, y_max + 1, step)]
    x_ticks = [
        Tick(_coordinate(x_of(month)), month.year)
        for position, month in enumerate(period)
        if position == 0 or month.month == 1
    ]
    return Chart(
        WIDTH,
        HEIGHT,
        LEFT,
        right,
        TOP,
        bottom,
        points,
        y_ticks,
        x_ticks,
        y_max,
        _coordinate(y_of(target)),
    )
