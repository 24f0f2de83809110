"""The project's phases: before its start, running, ended.

Everything that reads differently once the project has ended (the archive notice
on every page, the tense of the home page, the results page and the calendar,
which activities the progress figure counts, the check's warning about an
activity outside the project) asks this module, which reads the one setting that
names the period, ``SAMSPEL_PROJECT``. "Today" is not read here: callers pass the
day of :func:`today.build_moment`, so one build has one phase.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..content.contract import PROJECT_END, PROJECT_START

Phase = Literal["before", "running", "ended"]

#: the funding period of Samspel 63 (Interreg Sverige–Norge), when the settings omit it
DEFAULT_PROJECT: dict[str, str] = {"start": PROJECT_START, "end": PROJECT_END}


class ProjectSettingError(ValueError):
    """SAMSPEL_PROJECT has a value that is no period."""


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


def _day(text: object, name: str) -> date:
    try:
        return date.fromisoformat(str(text))
    except ValueError as error:
        raise ProjectSettingError(
            f"samspel: SAMSPEL_PROJECT[{name!r}] must be a date like 2023-04-01, not {text!r}"
        ) from error


def project_period(settings: Mapping[str, object]) -> ProjectPeriod:
    """``SAMSPEL_PROJECT`` of a settings mapping, merged over :data:`DEFAULT_PROJECT`, checked."""
    given = settings.get("SAMSPEL_PROJECT") or {}
    if not isinstance(given, Mapping) or set(given) - set(DEFAULT_PROJECT):
        raise ProjectSettingError(
            f"samspel: SAMSPEL_PROJECT must be a dict with the keys 'start' and 'end', "
            f"not {given!r}"
        )
    merged = {**DEFAULT_PROJECT, **given}
    start, end = _day(merged["start"], "start"), _day(merged["end"], "end")
    if end < start:
        raise ProjectSettingError("samspel: SAMSPEL_PROJECT['end'] is before its 'start'")
    return ProjectPeriod(start, end)


#: the period the content check uses when it is not told the settings' period
DEFAULT_PERIOD = project_period({})
