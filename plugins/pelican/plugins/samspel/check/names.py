"""The existing name nearest to a misspelt one, for "Menade du …?" in the check's messages.

A misspelt initiative got the first two initiatives in alphabetical order
(``nordic-soundscape`` was offered ``berattarnatverket``), which helps nobody.
The nearest name by edit distance (Levenshtein: letters added, removed or
changed) is what the communicator most likely meant; too far from every name,
nothing is offered rather than a guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from itertools import chain, count

from ..content.contract import SECTIONS, site_part_at

_TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ß": "ss"})


def edit_distance(first: str, second: str) -> int:
    """How many letters must be added, removed or changed to turn ``first`` into ``second``."""
    if len(first) < len(second):
        first, second = second, first
    previous = list(range(len(second) + 1))
    for row, letter in enumerate(first, start=1):
        current = [row]
        for column, other in enumerate(second, start=1):
            current.append(
                min(
                    previous[column] + 1,
                    current[column - 1] + 1,
                    previous[column - 1] + (letter != other),
                )
            )
        previous = current
    return previous[-1]


def nearest(value: str, names: Iterable[str]) -> str | None:
    """The name nearest to ``value`` (case aside), or None when none is near enough.

    Near enough: at most half the letters of the longer of the two differ, or one
    name begins with the other (``nordic-soundscape`` and ``nordic-soundscapes-utbyte``).
    Ties go to the name first in alphabetical order, so the answer never depends
    on the order of the files.
    """
    wanted = value.strip().casefold()
    best: tuple[int, str] | None = None
    for name in sorted(set(names)):
        folded = name.casefold()
        distance = edit_distance(wanted, folded)
        prefix = bool(wanted) and (folded.startswith(wanted) or wanted.startswith(folded))
        if not prefix and distance * 2 > max(len(wanted), len(folded)):
            continue
        if best is None or distance < best[0]:
            best = (distance, name)
    return None if best is None else best[1]


def slugify(text: str) -> str:
    """A file name communicators can use instead: ``Berättarkafé 2025`` -> ``berattarkafe-2025``.

    The same for every language and Unicode form (a Mac writes ``é`` as two
    characters), so the two files of a pair always get the same suggestion.
    """
    text = unicodedata.normalize("NFKD", text.lower().translate(_TRANSLITERATION))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "namn"


def _candidates(section: str, base: str, keep: bool) -> Iterator[str]:
    """``base`` itself (when ``keep``), ``om-base`` for a page, then ``base-2``, ``base-3`` …

    "om" reads the same in Swedish and Norwegian, so both language files can take it.
    """
    first = [base] if keep else []
    if SECTIONS[section] == "page":
        first.append(f"om-{base}")
    return chain(first, (f"{base}-{number}" for number in count(2)))


def free_slug(section: str, slug: str, used: set[str], *, keep: bool = False) -> str:
    """A file name for an item named ``slug`` that no other file and no site address has.

    The name depends on the item's name and the names in use only, never on the
    language, so both files of a pair are told to take the same name. ``keep``
    offers the name made from ``slug`` itself first (a name with capitals or
    å/ä/ö: ``Kafé-på-Jamtli`` -> ``kafe-pa-jamtli``).
    """
    return next(
        name
        for name in _candidates(section, slugify(slug), keep)
        if name not in used and site_part_at(section, name) is None
    )
