"""Rules that look at several content files together: names, and the two languages of an item.

Each is ``(items, context) -> Iterable[Problem]`` (see :mod:`check`). The two
language versions of one item are two files with the same folder and name
(``aktiviteter/x.sv.md`` and ``aktiviteter/x.nb.md``); facts that are not
language-specific (``SHARED_FIELDS``) must agree, or one site would publish a
different date than the other.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, count
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ..content.contract import (
    ADDRESS_FIELD,
    COUNTRY_TIMEZONES,
    LANGUAGES,
    MOMENT_FIELDS,
    SECTIONS,
    SHARED_FIELDS,
    SLUG_PATTERN,
    address_of,
    countries_of,
    parse_bound,
    site_part_at,
)
from ..content.index import ContentItem
from ..sites.generator import other_language
from .file_rules import is_placeholder, slugify
from .language import language_rules
from .messages import ABSENT, FILE_FIELD, language_of, quoted, site_part
from .problems import Problem

if TYPE_CHECKING:
    from .runner import CheckContext

_ZONE = ZoneInfo(COUNTRY_TIMEZONES["SE"])


def duplicate_slugs(items: list[ContentItem], context: CheckContext) -> Iterator[Problem]:
    """``[duplicate-slug]``: one name in two folders (Pelican would pair them up as translations).

    A page named like a section takes the section list's address: :func:`addresses` says so."""
    sections_of: dict[str, set[str]] = {}
    for section, slug, _lang in context.files:
        sections_of.setdefault(slug, set()).add(section)
    for item in items:
        others = sorted(sections_of.get(item.slug, set()) - {item.section})
        if not others:
            continue
        other = others[0]
        langs = [lang for lang in LANGUAGES if (other, item.slug, lang) in context.files]
        other_path = context.content_path(other, item.slug, langs[0] if langs else item.lang)
        yield context.report(
            item,
            FILE_FIELD,
            "duplicate-slug",
            line=1,
            value=quoted(item.slug),
            other_path=other_path,
        )


def _comparable(name: str, data: object) -> object:
    """A value in a form that is equal when both files mean the same thing.

    A start or end compares as the period it names and its precision (``2024-03-14
    18:00`` and ``2024-03-14T18.00`` agree; ``2024-03`` and ``2024-03-01`` do not), and
    the countries as a set (``[SE, NO]`` and ``[NO, SE]`` agree, as do ``SE`` and ``[SE]``).
    """
    if data is None or data == [] or (isinstance(data, str) and not data.strip()):
        return None
    if name == "country":
        return frozenset(countries_of(data))
    if isinstance(data, list):
        return tuple(str(entry).strip() for entry in data)
    text = str(data).strip()
    if name in MOMENT_FIELDS["activity"]:
        try:
            return parse_bound(text, _ZONE)
        except ValueError:
            return text
    if name == "date":
        try:
            return parse_bound(text, _ZONE)
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


def _address_key(lang: str, section: str, slug: str) -> tuple[str, str]:
    """What two files must not share: the site and the address, in any case and Unicode form.

    ``Kafe/`` and ``kafe/`` are one folder on a Mac or Windows checkout and on some
    servers, so they count as one address here (the second also gets ``[bad-slug]``).
    """
    address = unicodedata.normalize("NFC", address_of(section, slug)).casefold()
    return lang, address


def _own_slug(item: ContentItem) -> str:
    """The slug the item is published under: its ``address`` when that is a usable one."""
    value = item.fields.get(ADDRESS_FIELD)
    text = value.data.strip() if value is not None and isinstance(value.data, str) else ""
    return text if SLUG_PATTERN.match(text) else item.slug


def _free_slug(section: str, slug: str, used: set[str]) -> str:
    """A file name the item could have instead: ``om-kalender`` for a page, else ``kafe-2``.

    "om" reads the same in Swedish and Norwegian, so both language files can take it.
    The suggestion is free: no content file in ``used`` has it and it is not the site's own.
    """
    base = slugify(slug)
    first = [f"om-{base}"] if SECTIONS[section] == "page" else []
    candidates = chain(first, (f"{base}-{number}" for number in count(2)))
    return next(
        name for name in candidates if name not in used and site_part_at(section, name) is None
    )


def addresses(items: list[ContentItem], context: CheckContext) -> Iterator[Problem]:
    """``[address-taken]``: each file gets an address of its own, never one of the site's.

    Pelican stops with a traceback on a page written twice (a page ``kalender`` over the
    calendar) and silently mixes a page into a folder of the site's own (``theme/``), so
    the check refuses both. Two files at one address are one problem, on the second.
    """
    own = {(item.section, item.slug, item.lang): _own_slug(item) for item in items}
    sharing: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for file in context.files:
        section, slug, lang = file
        # an item with its own address also keeps its file name's address (a redirect)
        for name in dict.fromkeys((own.get(file, slug), slug)):
            sharing.setdefault(_address_key(lang, section, name), []).append(file)
    first_of: dict[tuple[str, str], tuple[str, str, str]] = {
        key: min(files, key=lambda file: (not SLUG_PATTERN.match(file[1]), file))
        for key, files in sharing.items()
        if len(files) > 1
    }
    used = {slug for _section, slug, _lang in context.files}
    for item in items:
        part = site_part_at(item.section, item.slug)
        file = (item.section, item.slug, item.lang)
        clashes = [
            (name, first_of[key])
            for name in dict.fromkeys((own[file], item.slug))
            if (key := _address_key(item.lang, item.section, name)) in first_of
            and first_of[key] != file
        ]
        if part is None and not clashes:
            continue
        suggestion = f"{_free_slug(item.section, item.slug, used)}.{item.lang}.md"
        if part is not None:
            shown = "/" + address_of(item.section, item.slug)
            name, what = part
            yield context.report(
                item,
                FILE_FIELD,
                "address-taken",
                line=1,
                variant="site",
                address=shown,
                part=site_part(what, name, item.lang, shown),
                suggestion=suggestion,
            )
        else:
            name, first = clashes[0]
            yield context.report(
                item,
                FILE_FIELD,
                "address-taken",
                line=1,
                address="/" + address_of(item.section, name),
                other_path=context.content_path(*first),
                suggestion=suggestion,
            )


CollectionRule = Callable[[list[ContentItem], "CheckContext"], Iterable[Problem]]

#: every rule run on all content files together; add new ones here
COLLECTION_RULES: list[CollectionRule] = [
    duplicate_slugs,
    translations_differ,
    missing_translations,
    addresses,
    language_rules,
]
#: collection rules that only ever warn: a run that reads errors alone (the build, which
#: stops on errors and prints no warnings) skips them. The language rule loads its models
#: (about 0.6 s and 130 MB) for warnings the build would throw away.
WARNING_ONLY_RULES: frozenset[CollectionRule] = frozenset({language_rules})
