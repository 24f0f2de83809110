"""The project's phases: before its start, running, ended.

Everything that reads differently once the project has ended (the archive notice
on every page, the tense of the home page, the results page and the calendar,
which activities the progress figure counts, the check's warning about an
activity outside the project) asks this module; the one setting that names the
period, ``SAMSPEL_PROJECT``, is read by :func:`settings.project_period`. "Today" is
not read here: callers pass the build's day (``SamspelSettings.now``), so one build
has one phase.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Phase = Literal["before", "running", "ended"]


def project_phase(today: date, start: date, end: date) -> Phase:
    """``before`` the first day, ``running`` up to and including the last day, then ``ended``.

    The last day still belongs to the project: the archive notice appears the day after.
    """
    if today < start:
        return "before"
    if today > end:
        return "ended"
    return "running"


@dataclass(frozen=True)
class ProjectPeriod:
    """The project's first and last day (both belong to the project)."""

    start: date
    end: date

    def phase(self, today: date) -> Phase:
        return project_phase(today, self.start, self.end)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end
