"""Content-check rule for HTML: everything outside the one HTML policy, named with its line.

The body and the summary are rendered with the site's own Markdown (the
dialect in :mod:`html_policy`), and the result is judged by the same policy the
build's sanitizer enforces. The check reports what the sanitizer would remove,
so that a communicator learns why, instead of finding it silently gone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from markdown import Markdown

from ..content.html_policy import (
    MARKDOWN_LIMITS,
    Finding,
    browser_url,
    findings,
    locate,
    markdown_options,
    too_complex,
)
from ..content.index import ContentItem
from .problems import Problem

if TYPE_CHECKING:
    from .runner import CheckContext


#: the bounds, as the messages name them
LIMIT_WORDS = {f"max_{name}": value for name, value in MARKDOWN_LIMITS.items()}


def converter(context: CheckContext, lang: str) -> Markdown:
    """One Markdown per language for the whole check (building one costs as much as a file)."""
    if lang not in context.converters:
        context.converters[lang] = Markdown(**markdown_options(lang))
    return context.converters[lang]


def render(context: CheckContext, lang: str, text: str) -> str:
    md = converter(context, lang)
    md.reset()
    return md.convert(text)


def _is_body_picture_src(tag: str, attribute: str) -> bool:
    """A body picture's ``src`` is the picture rule's (image-external, image-missing …)."""
    return tag == "img" and attribute == "src"


def shown(finding: Finding) -> str:
    """What was found, as the communicator wrote it: ``<iframe>``, ``onclick``, the URL."""
    if finding.attribute is None:
        return f"<{finding.tag}>"
    if finding.code in ("html-script", "html-style", "html-attribute") and finding.variant != "url":
        return finding.attribute
    return f'"{browser_url(finding.value or "")}"'


def suggestion(finding: Finding) -> str:
    """The https:// address to write instead of an http:// or a ``//`` one."""
    url = browser_url(finding.value or "")
    if url.lower().startswith("http://"):
        return "https://" + url[len("http://") :]
    return "https:" + url if url.startswith("//") else url


#: Markdown writes an element or a URL that the policy could refuse only from raw HTML
#: (``<``), an attribute list (``{: …}``) or a link, picture or reference (``](``,
#: ``]:``): a text with none of these three characters renders to allowed markup only
_MARKUP_MARKS = ("<", "{", "]")


def may_hold_markup(text: str) -> bool:
    """Whether ``text`` needs rendering to be judged (most paragraphs of plain text do not)."""
    return any(mark in text for mark in _MARKUP_MARKS)


def html(item: ContentItem, context: CheckContext) -> Iterator[Problem]:
    """``[html-*]``: scripts, frames, styles, forms, head elements, other hosts, bad links.

    ``[too-complex]`` first: a text past Markdown's bounds is refused unrendered.
    """
    summary = item.fields.get("summary")
    if summary is not None and isinstance(summary.data, str):
        bound = too_complex(summary.data)
        if bound is not None:
            yield context.report(item, "summary", "too-complex", variant=bound, **LIMIT_WORDS)
        elif may_hold_markup(summary.data):
            for finding in findings(render(context, item.lang, summary.data)):
                yield _problem(item, context, "summary", summary.line, finding)
    # the bounds first, on every text: the build's reader refuses the same texts
    bound = too_complex(item.body)
    if bound is not None:
        line = item.body_line
        yield context.report(item, "text", "too-complex", line=line, variant=bound, **LIMIT_WORDS)
        return
    if not may_hold_markup(item.body):
        return
    after = 0
    for finding in findings(render(context, item.lang, item.body), skip=_is_body_picture_src):
        line = locate(item.body, item.body_line, finding, after)
        after = line - item.body_line
        yield _problem(item, context, "text", line, finding)


def _problem(
    item: ContentItem, context: CheckContext, field: str, line: int, finding: Finding
) -> Problem:
    return context.report(
        item,
        field,
        finding.code,
        line=line,
        variant=finding.variant,
        found=shown(finding),
        tag=f"<{finding.tag}>",
        suggestion=suggestion(finding),
    )
