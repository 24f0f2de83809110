"""schema.org ``Event`` structured data for an activity page, as JSON-LD.

The JSON goes inside ``<script type="application/ld+json">``. Jinja's HTML
escaping would corrupt JSON, and plain JSON lets a title containing
``</script>`` end the element; so ``<``, ``>`` and ``&`` are written as the JSON
escapes ``\\u003c``, ``\\u003e`` and ``\\u0026``, which parse back to the same text.
"""

from __future__ import annotations

import json
import logging

from markupsafe import Markup

from ..content.contract import Schedule

log = logging.getLogger(__name__)

ORGANIZER = "Samspel 63"
_SCHEMA = "https://schema.org/"

#: the activity's status -> schema.org's EventStatusType member, where one is true.
#: EventScheduled is "on track as announced", EventCancelled "will not take place",
#: EventPostponed "postponed and no new date has been set" (our ``postponed`` exactly).
#: The enumeration has no member for "announced, dates or details not fixed": writing
#: EventScheduled for a ``tentative`` activity would tell search engines it is fixed,
#: and eventStatus is optional (schema.org: "particularly useful when an event is
#: cancelled or rescheduled"), so a tentative Event carries none: it says nothing
#: rather than something false.
EVENT_STATUS: dict[str, str] = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
}


def _location(place: str, countries: tuple[str, ...]) -> dict:
    """A Place with the activity's name for it (if any) and one address per country."""
    addresses = [{"@type": "PostalAddress", "addressCountry": code} for code in countries]
    address = addresses[0] if len(addresses) == 1 else addresses
    location: dict = {"@type": "Place", "address": address}
    if place:
        location["name"] = place
    return location


def event_data(
    *,
    name: str,
    schedule: Schedule,
    place: str,
    countries: tuple[str, ...],
    description: str,
    lang: str,
    url: str,
    siteurl: str,
    status: str,
) -> dict:
    """The schema.org Event of one activity, at the precision its content gives.

    ``startDate``/``endDate`` are ISO 8601 as written: ``2023-09`` for a month, a day,
    or a date-time with its UTC offset (endDate is inclusive, like the content). A
    postponed Event keeps its date as ``previousStartDate`` too, as schema.org asks of
    EventPostponed. The organizer is the project, with the site's address.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": name,
        "startDate": schedule.start_iso,
        "endDate": schedule.end_iso,
        "eventAttendanceMode": _SCHEMA + "OfflineEventAttendanceMode",
        "location": _location(place, countries),
        "description": description,
        "inLanguage": lang,
        "url": url,
        "organizer": {"@type": "Organization", "name": ORGANIZER, "url": f"{siteurl}/"},
    }
    if status in EVENT_STATUS:
        data["eventStatus"] = _SCHEMA + EVENT_STATUS[status]
    if status == "postponed":
        data["previousStartDate"] = schedule.start_iso
    return data


def script_safe_json(data: dict) -> Markup:
    """JSON that cannot end its ``<script>`` element or open a comment in it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)
