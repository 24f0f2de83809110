"""Is each content file in the folder its fields belong to? (``[wrong-folder]``)

The folder decides what a file is (``content/aktiviteter/`` holds activities),
and the build reads a file as its folder says. An activity put in
``content/sidor/`` became a page that Pelican then refused (``status:
planned`` is no page status) with a traceback, after the check had passed it
with twenty "unknown field" warnings; a text put in ``content/bilder/`` or
``content/data/`` was never published and never named. So a file whose fields
say it is something else is one error, in its language, that names the folder
to move it to, instead of a warning for every field.

What a file is, is decided by the fields only one kind has: ``type`` or
``start`` make an activity, ``date`` a news item, ``feedback_email`` a page. An
initiative and a page cannot be told apart by their fields (a title and a
summary), so a file in one of their folders is never moved to the other.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.contract import FEEDBACK_FIELD, LANGUAGES, SECTIONS
from ..content.frontmatter import FrontMatterError, read_limited, split
from ..content.index import ContentItem
from .messages import FILE_FIELD, KIND_NAMES, language_of, make_problem
from .problems import Problem

if TYPE_CHECKING:
    from .runner import CheckContext

#: kind -> the fields that only an item of that kind has, in the order they are tried
TELLING_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("activity", ("type", "start")),
    ("news", ("date",)),
    ("page", (FEEDBACK_FIELD,)),
)
#: kind -> its folder under content/
FOLDER_OF: dict[str, str] = {kind: section for section, kind in SECTIONS.items()}


def kind_by_fields(fields: Mapping[str, object]) -> tuple[str, tuple[str, ...]] | None:
    """The kind the fields say the file is, and the telling fields it has; None if they don't say.

    Only keys are looked at (``start:`` left empty still says "activity"): the
    communicator copied the fields of the kind, whatever their values.
    """
    for kind, telling in TELLING_FIELDS:
        present = tuple(name for name in telling if name in fields)
        if present:
            return kind, present
    return None


def misplaced_kind(item: ContentItem) -> tuple[str, tuple[str, ...]] | None:
    """The kind ``item`` belongs to when that is not the kind of its folder, else None."""
    found = kind_by_fields(item.fields)
    if found is None or found[0] == item.kind:
        return None
    return found


def _names(fields: tuple[str, ...], lang: str) -> str:
    """``fältet date``, ``fälten type och start`` / ``feltet date``, ``feltene type og start``."""
    swedish = language_of(lang) == "sv"
    if len(fields) == 1:
        return ("fältet " if swedish else "feltet ") + fields[0]
    word = " och " if swedish else " og "
    return ("fälten " if swedish else "feltene ") + ", ".join(fields[:-1]) + word + fields[-1]


def wrong_folder(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[wrong-folder]``: an activity in content/sidor/, a news item in content/aktiviteter/ …"""
    found = misplaced_kind(item)
    if found is None:
        return
    kind, telling = found
    lang = language_of(item.lang)
    yield context.report(
        item,
        FILE_FIELD,
        "wrong-folder",
        line=1,
        kind=KIND_NAMES[kind][lang],
        folder=f"content/{FOLDER_OF[kind]}/",
        here=f"content/{item.section}/",
        fields=_names(telling, lang),
        name=item.path.name,
    )


def _language_of_name(name: str) -> str:
    """The language of ``kafe.nb.md`` (``nb``); Swedish for any other name."""
    parts = name.split(".")
    return parts[-2] if len(parts) > 2 and parts[-2] in LANGUAGES else "sv"


def _fields_of(path: Path) -> Mapping[str, object]:
    """The front matter's fields, or none when the file cannot be read as a content file.

    Only used to say which folder the file belongs in: that it does not parse is
    said by the check once the file is where it belongs.
    """
    try:
        return split(read_limited(path).decode("utf-8")).fields
    except (FrontMatterError, UnicodeDecodeError, OSError):
        return {}


def not_content_folder_problems(paths: list[Path], context: CheckContext) -> list[Problem]:
    """``[wrong-folder]`` for each Markdown file in content/bilder/ or content/data/.

    Nothing in those folders is published as a page, so the text would be missing
    from the site without a word. The message names the folder the fields fit,
    or the four content folders when the fields do not tell.
    """
    problems = []
    for path in paths:
        lang = _language_of_name(path.name)
        relative = path.relative_to(context.content_root)
        here = f"content/{relative.parts[0]}/"
        found = kind_by_fields(_fields_of(path))
        shown = context.relative(path)
        if found is None:
            problems.append(
                make_problem(
                    shown,
                    1,
                    FILE_FIELD,
                    "wrong-folder",
                    lang,
                    "unknown",
                    here=here,
                    name=os.path.basename(path),
                )
            )
            continue
        kind, telling = found
        problems.append(
            make_problem(
                shown,
                1,
                FILE_FIELD,
                "wrong-folder",
                lang,
                kind=KIND_NAMES[kind][language_of(lang)],
                folder=f"content/{FOLDER_OF[kind]}/",
                here=here,
                fields=_names(telling, lang),
                name=os.path.basename(path),
            )
        )
    return problems
