"""Rules that look at several content files together: names, and the two languages of an item.

Each is ``(items, context) -> Iterable[Problem]`` (see :mod:`check`). The two
language versions of one item are two files with the same folder and name
(``aktiviteter/x.sv.md`` and ``aktiviteter/x.nb.md``); facts that are not
language-specific (``SHARED_FIELDS``) must agree, or one site would publish a
different date than the other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from .check_messages import ABSENT, FILE_FIELD, language_of, quoted
from .check_rules import is_placeholder
from .content_index import ContentItem
from .contract import (
    COUNTRY_TIMEZONES,
    LANGUAGES,
    MOMENT_FIELDS,
    SECTIONS,
    SHARED_FIELDS,
    parse_moment,
)
from .problems import Problem
from .sites import other_language

if TYPE_CHECKING:
    from .check import CheckContext

_ZONE = ZoneInfo(COUNTRY_TIMEZONES["SE"])


def duplicate_slugs(items: list[ContentItem], context: CheckContext) -> Iterator[Problem]:
    """``[duplicate-slug]``: one name in two folders (Pelican would pair them up as translations),
    or a page named like a section, whose address it would take."""
    sections_of: dict[str, set[str]] = {}
    for section, slug, _lang in context.files:
        sections_of.setdefault(slug, set()).add(section)
    for item in items:
        others = sorted(sections_of.get(item.slug, set()) - {item.section})
        if others:
            other = others[0]
            langs = [lang for lang in LANGUAGES if (other, item.slug, lang) in context.files]
            other_path = context.content_path(other, item.slug, langs[0] if langs else item.lang)
        elif item.section == "sidor" and item.slug in SECTIONS:
            other_path = f"content/{item.slug}/"
        else:
            continue
        yield context.report(
            item,
            FILE_FIELD,
            "duplicate-slug",
            line=1,
            value=quoted(item.slug),
            other_path=other_path,
        )


def _comparable(name: str, data: object) -> object:
    """A value in a form that is equal when both files mean the same thing."""
    if data is None or data == [] or (isinstance(data, str) and not data.strip()):
        return None
    if isinstance(data, list):
        return tuple(str(entry).strip() for entry in data)
    text = str(data).strip()
    if name in MOMENT_FIELDS["activity"] or name == "date":
        try:
            return parse_moment(text, _ZONE)
        except ValueError:
            return text
    return (text,) if name == "companies" else text


def _shown(data: object, lang: str) -> str:
    if data is None or data == [] or (isinstance(data, str) and not data.strip()):
        return ABSENT[language_of(lang)]
    if isinstance(data, list):
        return "[" + ", ".join(str(entry) for entry in data) + "]"
    return quoted(str(data).strip())


def _facts(item: ContentItem) -> dict[str, tuple[object, bool, object]]:
    """Per shared field: the value, whether it is a placeholder, and its comparable form.

    Worked out once per file, though each file of a pair is compared from both sides.
    """
    facts: dict[str, tuple[object, bool, object]] = {}
    for name in SHARED_FIELDS:
        value = item.fields.get(name)
        if value is None:  # most shared fields belong to one kind only: nothing to work out
            facts[name] = (None, False, None)
            continue
        data = value.data
        placeholder = is_placeholder(data)
        facts[name] = (data, placeholder, None if placeholder else _comparable(name, data))
    return facts


def translations_differ(items: list[ContentItem], context: CheckContext) -> Iterator[Problem]:
    """``[translations-differ]``: both language files of an item state the same facts."""
    by_key = {(item.section, item.slug, item.lang): item for item in items}
    facts: dict[tuple[str, str, str], dict[str, tuple[object, bool, object]]] = {}

    def facts_of(key: tuple[str, str, str]) -> dict[str, tuple[object, bool, object]]:
        if key not in facts:
            facts[key] = _facts(by_key[key])
        return facts[key]

    for item in items:
        other_key = (item.section, item.slug, other_language(item.lang))
        other = by_key.get(other_key)
        if other is None:
            continue
        mine_facts = facts_of((item.section, item.slug, item.lang))
        their_facts = facts_of(other_key)
        for name in SHARED_FIELDS:
            mine_data, mine_placeholder, mine = mine_facts[name]
            their_data, their_placeholder, theirs = their_facts[name]
            if mine_placeholder or their_placeholder:
                continue
            if mine != theirs:
                yield context.report(
                    item,
                    name,
                    "translations-differ",
                    value=_shown(mine_data, item.lang),
                    other_value=_shown(their_data, item.lang),
                    other_path=context.relative(other.path),
                )


def missing_translations(items: list[ContentItem], context: CheckContext) -> Iterator[Problem]:
    """``[missing-translation]`` (warning): the item is published in one language only."""
    for item in items:
        other = other_language(item.lang)
        if (item.section, item.slug, other) not in context.files:
            yield context.report(
                item,
                FILE_FIELD,
                "missing-translation",
                line=1,
                other_path=context.content_path(item.section, item.slug, other),
            )


CollectionRule = Callable[[list[ContentItem], "CheckContext"], Iterable[Problem]]

#: every rule run on all content files together; add new ones here
COLLECTION_RULES: list[CollectionRule] = [
    duplicate_slugs,
    translations_differ,
    missing_translations,
]
