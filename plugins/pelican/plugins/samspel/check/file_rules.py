"""The rules the content check runs on each content file, one function per rule.

Each rule is ``(item, context) -> Iterable[Problem]`` (see :mod:`check`). A value
still holding ``make new``'s placeholder is reported once, by
:func:`placeholders`, and skipped by the rules that check what a value means.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..content.contract import (
    ACTIVITY_TYPES,
    ADDRESS_FIELD,
    COUNTRY_TIMEZONES,
    DATE_FIELDS,
    DATE_PRECISIONS,
    FIELDS,
    LIST_FIELDS,
    MOMENT_FIELDS,
    PLACEHOLDER,
    PRECISION_RANK,
    RESERVED_KEYS,
    RETIRED_STATUSES,
    SLUG_PATTERN,
    STATUSES,
    TEXT_OR_LIST_FIELDS,
    Bound,
    address_of,
    countries_of,
    iso_text,
    known_fields,
    parse_bound,
    schedule_for,
    site_part_at,
    tentative_over,
)
from ..content.index import ContentItem
from ..sites.generator import other_language
from ..templates.formatting import schedule_text
from .folders import misplaced_kind, wrong_folder
from .html import html
from .messages import (
    EXAMPLES,
    FILE_FIELD,
    KIND_NAMES,
    PRECISION_NAMES,
    language_of,
    quoted,
    site_part,
)
from .names import free_slug, nearest, slugify
from .pictures import image_problems
from .problems import Problem
from .project import project_period
from .statement import feedback_address

if TYPE_CHECKING:
    from .runner import CheckContext

_DATE_SHAPE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}[:.]\d{2})?$|^\d{4}-\d{2}$")
_TIME_ONLY = re.compile(r"^\d{1,2}[:.]\d{2}$")
#: mailto:name@example.org, optionally ?subject=…; one address, no spaces, no second @
_MAILTO = re.compile(r"mailto:[^@\s/?:,;]+@[^@\s/?:,;.]+(?:\.[^@\s/?:,;.]+)+(?:\?\S*)?", re.I)
_STOCKHOLM = ZoneInfo(COUNTRY_TIMEZONES["SE"])


def is_placeholder(data: object) -> bool:
    if isinstance(data, str):  # the common case first: this runs for every value of every file
        return PLACEHOLDER in data
    if isinstance(data, list):
        return any(is_placeholder(entry) for entry in data)
    return False


def text_of(item: ContentItem, name: str) -> str | None:
    """The field's text, stripped; None when it is missing, empty, a list or a placeholder."""
    value = item.fields.get(name)
    if value is None or not isinstance(value.data, str) or is_placeholder(value.data):
        return None
    return value.data.strip() or None


def _empty(data: object) -> bool:
    return data is None or data == [] or data == {} or (isinstance(data, str) and not data.strip())


def required_fields(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[missing-field]``: every required field of the item's kind is there and not empty.

    Not for a file in the wrong folder: its fields are another kind's, and
    ``[wrong-folder]`` says where it belongs (the fields are checked there).
    """
    if misplaced_kind(item) is not None:
        return
    lang = language_of(item.lang)
    for name in FIELDS[item.kind][0]:
        value = item.fields.get(name)
        if value is None or _empty(value.data):
            kind = KIND_NAMES[item.kind][lang]
            example = EXAMPLES[name][lang]
            yield context.report(item, name, "missing-field", kind=kind, example=example)


def reserved_keys(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[reserved-key]``: keys Pelican sets itself (``translation`` crashes i18n_subsites)."""
    for name in item.fields:
        if name in RESERVED_KEYS:
            yield context.report(item, name, "reserved-key")


def known_in_lowercase(name: str, known: Iterable[str]) -> str | None:
    """The known key ``name`` is when written in lowercase (``Title`` -> ``title``), else None.

    Keys are case-sensitive, so ``Title:`` is silently not the title: an error,
    not the unknown-key warning a typo gets.
    """
    lower = name.lower()
    return lower if lower != name and lower in known else None


def key_example(name: str, lang: str) -> str:
    """``title: Berättarkafé i Östersund``, or ``image: …`` for a field without an example."""
    return EXAMPLES[name][lang] if name in EXAMPLES else f"{name}: …"


def unknown_keys(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[unknown-key]`` (warning): a key no template reads, most likely a typo.

    ``[key-case]`` (error) instead when the key is a known one with a capital letter.
    Not for a file in the wrong folder, whose every field would be "unknown" here.
    """
    if misplaced_kind(item) is not None:
        return
    known = known_fields(item.kind)
    lang = language_of(item.lang)
    kind = KIND_NAMES[item.kind][lang]
    for name in item.fields:
        if name in known or name in RESERVED_KEYS:
            continue
        lower = known_in_lowercase(name, known)
        if lower is not None:
            example = key_example(lower, lang)
            yield context.report(item, name, "key-case", lower=lower, example=example)
            continue
        closest = difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.5)
        if closest:
            yield context.report(item, name, "unknown-key", kind=kind, closest=closest[0])
        else:
            yield context.report(
                item, name, "unknown-key", variant="no-match", kind=kind, known=", ".join(known)
            )


def value_shapes(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[not-text]``/``[not-list]``: one text per field, and a list of ids for companies.

    ``country`` may also be a list of texts (``[SE, NO]``, a cross-border activity).
    """
    for name in known_fields(item.kind):
        value = item.fields.get(name)
        if value is None or value.data is None:
            continue
        if name in LIST_FIELDS:
            entries = value.data if isinstance(value.data, list) else [value.data]
            if not all(isinstance(entry, str) for entry in entries):
                yield context.report(item, name, "not-list")
        elif name in TEXT_OR_LIST_FIELDS and item.kind == "activity":
            entries = value.data if isinstance(value.data, list) else [value.data]
            if not all(isinstance(entry, str) for entry in entries):
                yield context.report(item, name, "not-text", variant="country")
        elif not isinstance(value.data, str):
            yield context.report(item, name, "not-text")


def placeholders(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[placeholder]``: a value or text ``make new`` wrote that was never filled in."""
    for name, value in item.fields.items():
        if is_placeholder(value.data):
            shown = value.data if isinstance(value.data, str) else PLACEHOLDER
            yield context.report(item, name, "placeholder", value=quoted(shown))
    if PLACEHOLDER not in item.body:
        return  # the usual case: no need to find the line
    for offset, line in enumerate(item.body.split("\n")):
        if PLACEHOLDER in line:
            line_number = item.body_line + offset
            shown = quoted(PLACEHOLDER + " …")
            yield context.report(
                item, "text", "placeholder", line=line_number, variant="text", value=shown
            )
            break


def activity_choices(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[unknown-type]``, ``[unknown-country]``, ``[unknown-status]`` of an activity.

    ``country`` is one code or a list of codes, each checked; the retired ``planned``
    gets its own message, which says what to write instead.
    """
    if item.kind != "activity":
        return
    checks = (
        ("type", ACTIVITY_TYPES, "unknown-type"),
        ("status", STATUSES, "unknown-status"),
    )
    for name, allowed, code in checks:
        text = text_of(item, name)
        if text is not None and text not in allowed:
            closest = nearest(text, allowed) if name == "type" else None
            variant = "closest" if closest else None
            if name == "status" and text in RETIRED_STATUSES:
                variant = "planned"
            yield context.report(
                item,
                name,
                code,
                variant=variant,
                value=quoted(text),
                allowed=", ".join(allowed),
                closest=closest,
            )
    for text in _country_entries(item):
        if text not in COUNTRY_TIMEZONES:
            closest = nearest(text, COUNTRY_TIMEZONES)
            yield context.report(
                item,
                "country",
                "unknown-country",
                variant="closest" if closest else None,
                value=quoted(text),
                closest=closest,
            )


def _country_entries(item: ContentItem) -> list[str]:
    """The texts of ``country`` as written: one, or each of a list (placeholders left out)."""
    value = item.fields.get("country")
    if value is None or value.data is None or is_placeholder(value.data):
        return []
    entries = value.data if isinstance(value.data, list) else [value.data]
    return [entry.strip() for entry in entries if isinstance(entry, str) and entry.strip()]


def _date_problem(item: ContentItem, context: CheckContext, name: str, text: str) -> Problem:
    if _TIME_ONLY.match(text):
        return context.report(
            item, name, "bad-date", variant="time-only", value=quoted(text), time=text
        )
    if _DATE_SHAPE.match(text):
        return context.report(item, name, "bad-date", variant="impossible", value=quoted(text))
    return context.report(item, name, "bad-date", value=quoted(text))


def _day_problem(item: ContentItem, context: CheckContext, name: str, text: str) -> Problem:
    """A field that holds a day or a month (a news date): a year or a time does not fit."""
    try:
        parse_bound(text, _STOCKHOLM)
    except ValueError:
        if _TIME_ONLY.match(text) or _DATE_SHAPE.match(text):
            return _date_problem(item, context, name, text)
    return context.report(item, name, "bad-date", variant="day-only", value=quoted(text))


def dates(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[bad-date]``: real years, months, days and times; for activities also
    ``[end-more-precise]`` (a month to a day) and ``[end-before-start]``.

    A news date is a day or a month: anything else is told to write one of those.
    """
    parsed: dict[str, Bound] = {}
    for name in MOMENT_FIELDS.get(item.kind, ()):
        text = text_of(item, name)
        if text is None:
            continue
        try:
            parsed[name] = parse_bound(text, _STOCKHOLM)
        except ValueError:
            yield _date_problem(item, context, name, text)
    for name in DATE_FIELDS.get(item.kind, ()):
        text = text_of(item, name)
        if text is None:
            continue
        try:
            bound = parse_bound(text, _STOCKHOLM)
        except ValueError:
            yield _day_problem(item, context, name, text)
            continue
        if bound.precision not in DATE_PRECISIONS:
            yield context.report(item, name, "bad-date", variant="day-only", value=quoted(text))
    if "start" in parsed and "end" in parsed:
        yield from _start_and_end(item, context, parsed["start"], parsed["end"])


def _start_and_end(
    item: ContentItem, context: CheckContext, first: Bound, last: Bound
) -> Iterator[Problem]:
    """``[end-more-precise]`` or ``[end-before-start]`` for a start and an end that parse."""
    start, end = text_of(item, "start"), text_of(item, "end")
    if PRECISION_RANK[last.precision] < PRECISION_RANK[first.precision]:
        lang = language_of(item.lang)
        yield context.report(
            item,
            "end",
            "end-more-precise",
            value=quoted(end),
            start=quoted(start),
            end_kind=PRECISION_NAMES[last.precision][lang],
            start_kind=PRECISION_NAMES[first.precision][lang],
            example=f"end: {iso_text(last.last, first.precision)}",
        )
        return
    schedule = schedule_for(start, end, "SE")
    if schedule.end < schedule.start:
        yield context.report(
            item, "end", "end-before-start", value=quoted(end), start=quoted(start)
        )


def tentative_past(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[tentative-over]`` (warning): a tentative activity whose period is over.

    The sites show it as "Planerades till …", never as held; the warning reminds
    whoever reads the check to write what became of it. "Over" is against the
    build's day (SOURCE_DATE_EPOCH or the clock), like the calendar's past.
    """
    if item.kind != "activity" or text_of(item, "status") != "tentative":
        return
    start, end = text_of(item, "start"), text_of(item, "end")
    countries = countries_of(_country_entries(item))
    if start is None or not countries:
        return
    try:
        schedule = schedule_for(start, end, countries)
    except (KeyError, ValueError):
        return  # bad-date, end-more-precise or unknown-country says what is wrong
    if tentative_over("tentative", schedule, context.now):
        when = schedule_text(schedule, language_of(item.lang))
        yield context.report(item, "status", "tentative-over", when=when)


def references(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[unknown-company]`` and ``[unknown-initiative]``: ids and slugs that exist."""
    value = item.fields.get("companies")
    if item.kind == "activity" and value is not None and not is_placeholder(value.data):
        entries = value.data if isinstance(value.data, list) else [value.data]
        for entry in entries:
            if isinstance(entry, str) and entry.strip() not in context.company_ids:
                yield _unknown_name(item, context, "companies", entry, context.company_ids)
    initiative = text_of(item, "initiative")
    if item.kind == "activity" and initiative and initiative not in context.initiatives:
        yield _unknown_name(item, context, "initiative", initiative, context.initiatives)


def _unknown_name(
    item: ContentItem, context: CheckContext, name: str, text: str, names: set[str]
) -> Problem:
    """``[unknown-company]`` or ``[unknown-initiative]``, offering the nearest existing name.

    Without one near enough, the first two names in alphabetical order show what
    a name looks like.
    """
    code = "unknown-company" if name == "companies" else "unknown-initiative"
    closest = nearest(text, names)
    if closest is not None:
        return context.report(
            item, name, code, variant="closest", value=quoted(text), closest=closest
        )
    example = ", ".join(sorted(names)[:2]) or "-"
    return context.report(item, name, code, value=quoted(text), example=example)


def is_web_address(text: str) -> bool:
    """An absolute https URL with a host and no spaces (never ``javascript:``, never ``http:``).

    CONTRIBUTING.md promises visitors links that start with https://: an http link
    can be read and changed on the way, on a café's wifi say.
    """
    if any(char.isspace() for char in text):
        return False
    parts = urlsplit(text)
    return parts.scheme == "https" and bool(parts.hostname)


def is_mail_address(text: str) -> bool:
    """``mailto:`` and one e-mail address, optionally ``?subject=…`` (no spaces)."""
    return _MAILTO.fullmatch(text) is not None


def https_instead(text: str) -> str | None:
    """The https form of an ``http://`` address (what to write instead), else None."""
    if text[:7].lower() != "http://" or not is_web_address("https://" + text[7:]):
        return None
    return "https://" + text[7:]


def registration(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[bad-registration]``: a web address (https) or an e-mail address (mailto:) to sign up at.

    The page shows it as the "Anmäl dig" button, so anything else would be a dead or a
    dangerous link (``javascript:``).
    """
    text = text_of(item, "registration")
    if item.kind != "activity" or text is None or is_web_address(text) or is_mail_address(text):
        return
    secure = https_instead(text)
    if secure is not None:
        yield context.report(
            item,
            "registration",
            "bad-registration",
            variant="http",
            value=quoted(text),
            suggestion=secure,
        )
    else:
        yield context.report(item, "registration", "bad-registration", value=quoted(text))


def slug(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[bad-slug]``: the file name becomes the address, so lowercase ASCII only.

    The new name is free (``kafe-2`` when ``kafe`` is taken: following the message
    must not make an ``[address-taken]``), and the same for both files of a pair,
    which the message names together so that the pair stays a pair.
    """
    if SLUG_PATTERN.match(item.slug):
        return
    used = {slug for _section, slug, _lang in context.files} - {item.slug}
    name = free_slug(item.section, item.slug, used, keep=True)
    other = other_language(item.lang)
    if (item.section, item.slug, other) not in context.files:
        yield context.report(
            item,
            FILE_FIELD,
            "bad-slug",
            line=1,
            value=quoted(item.path.name),
            suggestion=f"{name}.{item.lang}.md",
        )
        return
    yield context.report(
        item,
        FILE_FIELD,
        "bad-slug",
        line=1,
        variant="pair",
        value=quoted(item.path.name),
        suggestion=f"{name}.{item.lang}.md",
        other_name=f"{item.slug}.{other}.md",
        other_suggestion=f"{name}.{other}.md",
    )


def body(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[empty-body]`` (warning): only front matter, so the page would be empty."""
    if not item.body.strip():
        yield context.report(item, "text", "empty-body", line=item.body_line - 1)


Rule = Callable[[ContentItem, "CheckContext"], Iterable[Problem]]


#: every rule run on each content file, in this order; add new rules here
def pictures(item: ContentItem, context: CheckContext) -> Iterable[Problem]:
    """The main picture and pictures in the text: alt text, file, format, size.

    Named like every other problem of the check (:meth:`CheckContext.relative`), so a
    content folder outside the repository is not shown with an absolute path.
    """
    shown = context.relative(item.path)
    problems = image_problems(
        item, context.content_root, context.repo_root, read_body=False, seen=context.pictures
    )
    return [replace(problem, path=shown) for problem in problems]


def address(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[bad-address]`` and ``[address-taken]`` for ``address``, an item's own address.

    A Norwegian page may be published under a Norwegian address (``address: om-prosjektet``
    in ``om-projektet.nb.md``) while both files keep the shared file name that pairs
    them. The address becomes a folder of the site, so it follows the file-name rules and
    may not be one of the site's own folders; two files at one address are found with
    the file names (check_pairs.addresses).
    """
    value = text_of(item, ADDRESS_FIELD)
    if value is None:
        return
    if not SLUG_PATTERN.match(value):
        suggestion = slugify(value) or item.slug
        yield context.report(
            item, ADDRESS_FIELD, "bad-address", value=quoted(value), suggestion=suggestion
        )
        return
    part = site_part_at(item.section, value)
    if part is not None:
        name, what = part
        shown = "/" + address_of(item.section, value)
        yield context.report(
            item,
            ADDRESS_FIELD,
            "address-taken",
            variant="field",
            address=shown,
            part=site_part(what, name, item.lang, shown),
        )


ITEM_RULES: list[Rule] = [
    wrong_folder,
    required_fields,
    reserved_keys,
    unknown_keys,
    value_shapes,
    placeholders,
    activity_choices,
    dates,
    references,
    registration,
    slug,
    body,
    pictures,
    html,
    feedback_address,
    project_period,
    tentative_past,
    address,
]
