"""schema.org ``Event`` structured data for an activity page, as JSON-LD.

The JSON goes inside ``<script type="application/ld+json">``. Jinja's HTML
escaping would corrupt JSON, and plain JSON lets a title containing
``</script>`` end the element; so ``<``, ``>`` and ``&`` are written as the JSON
escapes ``\\u003c``, ``\\u003e`` and ``\\u0026``, which parse back to the same text.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime

from markupsafe import Markup

from .contract import Schedule

log = logging.getLogger(__name__)

ORGANIZER = "Samspel 63"
_SCHEMA = "https://schema.org/"


def _moment(value) -> str:
    """ISO 8601: a date for all-day bounds, a date-time with UTC offset otherwise."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def event_data(
    *,
    name: str,
    schedule: Schedule,
    place: str,
    country: str,
    description: str,
    lang: str,
    url: str,
    siteurl: str,
    cancelled: bool,
) -> dict:
    """The schema.org Event of one activity (endDate of an all-day event is inclusive)."""
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": name,
        "startDate": _moment(schedule.start),
        "endDate": _moment(schedule.end),
        "eventStatus": _SCHEMA + ("EventCancelled" if cancelled else "EventScheduled"),
        "eventAttendanceMode": _SCHEMA + "OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": place,
            "address": {"@type": "PostalAddress", "addressCountry": country},
        },
        "description": description,
        "inLanguage": lang,
        "url": url,
        "organizer": {"@type": "Organization", "name": ORGANIZER, "url": f"{siteurl}/"},
    }


def script_safe_json(data: dict) -> Markup:
    """JSON that cannot end its ``<script>`` element or open a comment in it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)
