"""Today" for everything that depends on it (upcoming vs past, the progress count).

One source: the reproducible-builds convention ``SOURCE_DATE_EPOCH`` (seconds since
1970, UTC) when set, otherwise the clock; always in Europe/Stockholm. Tests pin
it through the environment; CI sets it to the build's day, so the same commit on
the same day gives byte-identical output. A build reads it once, at ``initialized``
(settings.py: ``read_once``), and passes the moment on in ``SamspelSettings.now``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from .content.contract import PROJECT_TIMEZONE

PROJECT_ZONE = ZoneInfo(PROJECT_TIMEZONE)


class SourceDateEpochError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a whole number of seconds."""


def build_moment(environ: Mapping[str, str] = os.environ) -> datetime:
    """The moment the build stands at, aware, in Europe/Stockholm."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return datetime.now(PROJECT_ZONE)
    try:
        seconds = int(value)
    except ValueError as error:
        raise SourceDateEpochError(
            f"samspel: SOURCE_DATE_EPOCH must be whole seconds since 1970, not {value!r}"
        ) from error
    return datetime.fromtimestamp(seconds, PROJECT_ZONE)
