"""Content-check rule for the accessibility statements: a feedback address, never an invented one.

DIGG (Sweden) and uutilsynet (Norway) both require a statement to say how a
visitor reports a barrier. The site cannot know the address that receives such
reports, so it comes from the statement's own ``feedback_email`` field; while
that is empty the check keeps reminding (a warning, because the statement can
still name another route in its text), and an address that cannot be one is an
error, since the page would show it as a ``mailto:`` link that goes nowhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..content.contract import FEEDBACK_FIELD, PLACEHOLDER, STATEMENT_SLUG
from ..content.index import ContentItem
from .messages import quoted
from .problems import Problem

if TYPE_CHECKING:
    from .runner import CheckContext

#: one address, nothing around it: name@host.tld (no ``mailto:``, no spaces, no second @)
_ADDRESS = re.compile(
    r"[^@\s/?:,;<>\"'()\[\]]+@[^@\s/?:,;.<>\"'()\[\]]+(?:\.[^@\s/?:,;.<>\"'()\[\]]+)+"
)


def is_statement(item: ContentItem) -> bool:
    """``content/sidor/tillganglighet.<lang>.md``: the page every footer links as the statement."""
    return item.kind == "page" and item.slug == STATEMENT_SLUG


def is_feedback_address(text: str) -> bool:
    """An e-mail address as the page can write it after ``mailto:`` (nothing else in the field)."""
    return _ADDRESS.fullmatch(text) is not None


def feedback_address(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[feedback-missing]`` (warning) and ``[bad-feedback-email]`` on a statement.

    A value that is not text, or still ``make new``'s placeholder, is left to the
    rules that report those (``not-text``, ``placeholder``), so it is named once.
    A ``feedback_email`` on any other page is an ordinary optional field.
    """
    value = item.fields.get(FEEDBACK_FIELD)
    data = None if value is None else value.data
    if data is not None and not isinstance(data, str):
        return
    text = (data or "").strip()
    if PLACEHOLDER in text:
        return
    if not text:
        if is_statement(item):
            yield context.report(item, FEEDBACK_FIELD, "feedback-missing")
        return
    if not is_feedback_address(text):
        yield context.report(item, FEEDBACK_FIELD, "bad-feedback-email", value=quoted(text))
