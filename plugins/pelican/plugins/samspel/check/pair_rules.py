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
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ..content.contract import (
    ADDRESS_FIELD,
    COUNTRY_TIMEZONES,
    LANGUAGES,
    MOMENT_FIELDS,
    SHARED_FIELDS,
    SLUG_PATTERN,
    address_of,
    countries_of,
    known_fields,
    parse_bound,
    site_part_at,
)
from ..content.index import ContentItem
from ..sites.generator import other_language
from .file_rules import is_placeholder
from .language import language_rules
from .messages import ABSENT, CHANGE_NOTES, FILE_FIELD, language_of, quoted, site_part
from .names import edit_distance, free_slug, nearest
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


def _written(name: str, data: object) -> str:
    """A value as it is written in a file: ``start: 2025-03-14``, ``companies: [a, b]``."""
    if isinstance(data, list):
        return f"{name}: [" + ", ".join(str(entry) for entry in data) + "]"
    return f"{name}: {str(data).strip()}"


def _differ_problem(
    name: str, first: ContentItem, second: ContentItem, context: CheckContext
) -> Problem:
    """One ``[translations-differ]`` for a fact two files disagree on, on the one changed last.

    The file changed last is most likely the one being worked on: in a pull request
    it is the one changed, so GitHub shows the annotation there, in the language of
    whoever just edited it. When both changed at once (one commit), the Swedish one.
    """
    first_change, second_change = context.change(first.path), context.change(second.path)
    if first_change == second_change or second_change < first_change:
        newer, older, change = first, second, first_change
    else:
        newer, older, change = second, first, second_change
    lang = language_of(newer.lang)
    mine, theirs = newer.fields.get(name), older.fields.get(name)
    mine_data = mine.data if mine is not None else None
    their_data = theirs.data if theirs is not None else None
    note = "same" if first_change == second_change else change.source
    changed = CHANGE_NOTES[note][lang].format(path=context.relative(newer.path), day=change.day)
    example_data = mine_data if _comparable(name, mine_data) is not None else their_data
    return context.report(
        newer,
        name,
        "translations-differ",
        line=mine.line if mine is not None else 1,
        this_path=context.relative(newer.path),
        value=_shown(mine_data, newer.lang),
        other_path=context.relative(older.path),
        other_value=_shown(their_data, newer.lang),
        changed=changed,
        example=_written(name, example_data),
    )


def translations_differ(items: list[ContentItem], context: CheckContext) -> Iterator[Problem]:
    """``[translations-differ]``: both language files of an item state the same facts.

    One problem per fact, naming both files and both values, on the file changed
    last (:func:`_differ_problem`); only the facts of the item's kind are compared
    (``status`` on a page is an unknown key, not a fact of the page).
    """
    by_key = {(item.section, item.slug, item.lang): item for item in items}
    first_lang, second_lang = LANGUAGES
    for item in items:
        if item.lang != first_lang:
            continue
        other = by_key.get((item.section, item.slug, second_lang))
        if other is None:
            continue
        mine_facts, their_facts = _facts(item), _facts(other)
        known = known_fields(item.kind)
        for name in SHARED_FIELDS:
            if name not in known:
                continue
            _mine_data, mine_placeholder, mine = mine_facts[name]
            _their_data, their_placeholder, theirs = their_facts[name]
            if mine_placeholder or their_placeholder or mine == theirs:
                continue
            yield _differ_problem(name, item, other, context)


def _compared_facts(item: ContentItem) -> dict[str, object]:
    """The shared facts of the item's kind that it states (placeholders left out)."""
    known = known_fields(item.kind)
    return {
        name: comparable
        for name, (_data, placeholder, comparable) in _facts(item).items()
        if name in known and not placeholder and comparable is not None
    }


def _split_pairs(
    items: list[ContentItem],
) -> list[tuple[ContentItem, ContentItem]]:
    """(Swedish, Norwegian) files that are one item whose file names no longer match.

    Only items whose kind has shared facts (an activity, a news item): two files
    of one folder, each without a partner of its own, that state the same facts
    (the same start, the same date …), or whose names are near (one renamed,
    ``kafe`` and ``kafe-2025``). Each file is in one pair at most, the nearest name first.
    """
    first_lang, second_lang = LANGUAGES
    names = {(item.section, item.slug, item.lang) for item in items}
    orphans = [
        item
        for item in items
        if (item.section, item.slug, other_language(item.lang)) not in names
        and any(name in SHARED_FIELDS for name in known_fields(item.kind))
    ]
    seconds = [item for item in orphans if item.lang == second_lang]
    pairs: list[tuple[ContentItem, ContentItem]] = []
    taken: set[int] = set()
    for first in (item for item in orphans if item.lang == first_lang):
        facts = _compared_facts(first)
        candidates = [
            (edit_distance(first.slug, second.slug), index, second)
            for index, second in enumerate(seconds)
            if second.section == first.section
            and index not in taken
            and (
                (facts and _compared_facts(second) == facts)
                or nearest(first.slug, [second.slug]) is not None
            )
        ]
        if candidates:
            _distance, index, second = min(candidates, key=lambda found: found[:2])
            taken.add(index)
            pairs.append((first, second))
    return pairs


def missing_translations(items: list[ContentItem], context: CheckContext) -> Iterator[Problem]:
    """``[missing-translation]`` (warning): the item is published in one language only.

    ``[pair-renamed]`` (error) instead when the other language's file is there under
    another name (:func:`_split_pairs`): the facts both must agree on can no longer
    be compared, and the sites would not link the two versions. One message, on the
    file changed last (most likely the one renamed), telling it to take the other's
    name: that name's address is the one already published.
    """
    split = {id(file): pair for pair in _split_pairs(items) for file in pair}
    for item in items:
        pair = split.get(id(item))
        if pair is not None:
            first, second = pair
            if item is not first:
                continue
            first_change, second_change = context.change(first.path), context.change(second.path)
            newer, older = (second, first) if first_change < second_change else (first, second)
            yield context.report(
                newer,
                FILE_FIELD,
                "pair-renamed",
                line=1,
                other_path=context.relative(older.path),
                suggestion=context.content_path(newer.section, older.slug, newer.lang),
            )
            continue
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
    # the file whose own name gives the address keeps it; one that only claims it through
    # its address field (or a malformed name) is the one told to change
    first_of: dict[tuple[str, str], tuple[str, str, str]] = {
        key: min(
            files,
            key=lambda file, key=key: (
                not SLUG_PATTERN.match(file[1]),
                _address_key(file[2], file[0], file[1]) != key,
                file,
            ),
        )
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
        suggestion = f"{free_slug(item.section, item.slug, used)}.{item.lang}.md"
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
