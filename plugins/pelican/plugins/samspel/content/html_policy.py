"""The one HTML policy for everything content turns into HTML.

A pull request, also one from a fork, may only publish content: text, headings,
lists, tables, links and the site's own pictures. It may never publish a script,
an event handler, a style, a frame, a form, a ``<meta>``/``<base>``/``<link>``,
inline SVG or MathML, or anything loaded from another host. The policy below is
that promise as data, and it is enforced twice:

- the content check (:func:`findings`, run by ``check_rules.html``) names every
  element, attribute and URL outside it, with the file's line and what to write
  instead, so that nothing is silently dropped;
- the build (:func:`clean`, with the allowlist sanitizer nh3, the binding of
  Rust's ammonia) removes whatever still slips past, in the reader right after
  Markdown (so feeds and the search index see clean HTML too) and again in the
  templates' ``content_html`` filter, the only way content HTML reaches a page.

Both judge a URL the way a browser reads it: entities decoded, tabs and line
breaks inside it removed, backslashes as slashes. The Markdown dialect of the
content contract lives here too, so the check renders exactly what the site does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3
from markupsafe import Markup

#: Python-Markdown extensions of the content contract ("extra" without its
#: English-speaking defaults), each named so the policy can list what they emit
MARKDOWN_EXTENSIONS: tuple[str, ...] = (
    "abbr",
    "attr_list",
    "def_list",
    "fenced_code",
    "footnotes",
    "md_in_html",
    "tables",
)
#: the footnote back link's tooltip, in the file's language (Markdown's is English)
BACKLINK_TITLES: dict[str, str] = {
    "sv": "Tillbaka till fotnot %d i texten",
    "nb": "Tilbake til fotnote %d i teksten",
}


def markdown_options(lang: str) -> dict:
    """Keyword arguments of ``markdown.Markdown`` for a file in ``lang``.

    Tables align with ``align`` instead of a ``style`` attribute, which the policy
    (and the site's Content-Security-Policy) refuses.
    """
    return {
        "extensions": list(MARKDOWN_EXTENSIONS),
        "extension_configs": {
            "tables": {"use_align_attribute": True},
            "footnotes": {"BACKLINK_TITLE": BACKLINK_TITLES.get(lang, BACKLINK_TITLES["sv"])},
        },
        "output_format": "html5",
    }


#: Python-Markdown takes quadratic time on many unclosed ``[`` or raw ``<tag``, and
#: recurses once per nesting level of lists and quotes: past these bounds a text is
#: refused, read in well under a second, instead of rendered (real pages stay far below)
MARKDOWN_LIMITS: dict[str, int] = {"brackets": 1000, "angles": 2000, "depth": 20, "indent": 64}
_NESTING = re.compile(r"^[ \t]*((?:(?:[-*+>]|\d{1,9}[.)])[ \t]+)+)")
_MARKER = re.compile(r"[-*+>]|\d{1,9}[.)]")


def too_complex(text: str) -> str | None:
    """Which bound of :data:`MARKDOWN_LIMITS` ``text`` exceeds, or None when it may be rendered."""
    if text.count("[") > MARKDOWN_LIMITS["brackets"]:
        return "brackets"
    if text.count("<") > MARKDOWN_LIMITS["angles"]:
        return "angles"
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" \t"))
        if indent > MARKDOWN_LIMITS["indent"]:
            return "depth"
        match = _NESTING.match(line)
        if match and len(_MARKER.findall(match.group(1))) > MARKDOWN_LIMITS["depth"]:
            return "depth"
    return None


#: elements content may contain: what the Markdown above produces, a few inline
#: words a communicator may write as HTML, and the picture markup of pictures.py
ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del",
        "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2",
        "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
        "picture", "pre", "q", "s", "samp", "small", "source", "span", "strong", "sub",
        "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
        "u", "ul", "var", "wbr",
    }
)  # fmt: skip
#: attributes per element; ``*`` applies to every element (ids for footnotes,
#: classes for code languages and footnotes, ``lang`` for a quote in another language)
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"id", "class", "title", "lang"}),
    "a": frozenset({"href"}),
    "img": frozenset({"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"}),
    "source": frozenset({"srcset", "sizes", "type", "media"}),
    "th": frozenset({"align", "colspan", "rowspan", "scope"}),
    "td": frozenset({"align", "colspan", "rowspan"}),
    "ol": frozenset({"start", "reversed"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
}
#: attributes holding one URL, and those holding a list of them (``srcset``)
URL_ATTRIBUTES: frozenset[str] = frozenset({"href", "src", "cite"})
SRCSET_ATTRIBUTES: frozenset[str] = frozenset({"srcset"})
#: attributes that load something (never from another host), as opposed to links
LOADING_ATTRIBUTES: frozenset[str] = frozenset({"src", "srcset"})
#: schemes a link may have; a picture may have none (it is on the site itself)
LINK_SCHEMES: frozenset[str] = frozenset({"https", "mailto", "tel"})
#: elements removed with everything inside them: what is inside is no text a visitor reads
DROPPED_WITH_CONTENT: frozenset[str] = frozenset(
    {
        "script", "style", "template", "iframe", "object", "embed", "svg", "math",
        "noscript", "noembed", "noframes", "xmp", "textarea", "select", "title", "head",
    }
)  # fmt: skip

#: what kind of fault each refused element is: the message code the check gives
TAG_CODES: dict[str, str] = {
    **dict.fromkeys(("script", "noscript", "svg", "math", "template"), "html-script"),
    **dict.fromkeys(
        ("iframe", "frame", "frameset", "object", "embed", "video", "audio", "track", "applet"),
        "html-embed",
    ),
    "style": "html-style",
    **dict.fromkeys(
        ("form", "input", "button", "select", "textarea", "option", "label", "fieldset"),
        "html-form",
    ),
    **dict.fromkeys(("meta", "base", "link", "head", "html", "body", "title"), "html-head"),
}

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
#: what a browser drops from a URL before reading it: tabs and line breaks anywhere
_URL_INVISIBLE = re.compile(r"[\t\n\r]")


def browser_url(value: str) -> str:
    """A URL as a browser reads it (entities already decoded by the parser).

    Leading and trailing spaces and control characters go, tabs and line breaks
    inside go (``java\\tscript:`` is ``javascript:``), and a backslash counts as a
    slash (``/\\\\evil.example`` is another host).
    """
    text = _URL_INVISIBLE.sub("", value).strip("".join(map(chr, range(0x21))))
    return text.replace("\\", "/")


def url_scheme(url: str) -> str | None:
    """The scheme of a :func:`browser_url`, lowercase; None for a relative URL."""
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


@dataclass(frozen=True)
class Finding:
    """One thing outside the policy: a message code and what was found."""

    code: str
    variant: str | None
    tag: str
    attribute: str | None
    value: str | None
    #: the raw start tag, and the raw attribute value, as written (to find the line)
    raw_tag: str
    raw_value: str | None


def url_finding(attribute: str, value: str, own_sites: tuple[str, ...]) -> tuple[str, str] | None:
    """``(code, variant)`` for a URL outside the policy, or None when it is fine.

    A link may go anywhere on ``https:``, or be ``mailto:``, ``tel:``, relative, or
    on one of ``own_sites`` (local builds serve them on ``http://localhost``). What a
    page loads (``src``, ``srcset``) must be on the site itself.
    """
    url = browser_url(value)
    if any(url.startswith(site.rstrip("/") + "/") for site in own_sites):
        return None
    scheme = url_scheme(url)
    loads = attribute in LOADING_ATTRIBUTES
    if scheme in ("javascript", "vbscript", "livescript"):
        return "html-script", "url"
    if url.startswith("//") or (loads and scheme is not None):
        return ("html-external", None) if loads else ("html-url", "other-host")
    if scheme is None or scheme in LINK_SCHEMES:
        return None
    return "html-url", ("http" if scheme == "http" else None)


def srcset_urls(value: str) -> list[str]:
    """The URLs of a ``srcset`` (each candidate is a URL and an optional width or density)."""
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


def attribute_finding(
    tag: str, attribute: str, value: str, own_sites: tuple[str, ...]
) -> tuple[str, str | None] | None:
    """``(code, variant)`` for an attribute outside the policy, or None when it is allowed."""
    if attribute.startswith("on"):
        return "html-script", "event"
    if attribute == "style":
        return "html-style", "attribute"
    allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, frozenset())
    if attribute not in allowed:
        return "html-attribute", None
    if attribute in URL_ATTRIBUTES:
        return url_finding(attribute, value, own_sites)
    if attribute in SRCSET_ATTRIBUTES:
        for url in srcset_urls(value):
            found = url_finding(attribute, url, own_sites)
            if found is not None:
                return found
    return None


class _Walker(HTMLParser):
    """Collects the findings of one HTML fragment, in document order."""

    def __init__(self, own_sites: tuple[str, ...], skip: Callable[[str, str], bool]) -> None:
        super().__init__(convert_charrefs=True)
        self.own_sites = own_sites
        self.skip = skip
        self.found: list[Finding] = []
        #: how deep inside an element dropped with its content (its inside is not judged)
        self.dropped = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropped:
            self.dropped += tag in DROPPED_WITH_CONTENT
            return
        raw_tag = self.get_starttag_text() or f"<{tag}"
        if tag not in ALLOWED_TAGS:
            code = TAG_CODES.get(tag, "html-tag")
            self.found.append(Finding(code, None, tag, None, None, raw_tag, None))
            self.dropped += tag in DROPPED_WITH_CONTENT
            return
        for attribute, value in attrs:
            if self.skip(tag, attribute):
                continue
            verdict = attribute_finding(tag, attribute, value or "", self.own_sites)
            if verdict is not None:
                code, variant = verdict
                raw_value = _raw_value(raw_tag, attribute)
                self.found.append(Finding(code, variant, tag, attribute, value, raw_tag, raw_value))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """``<x/>`` opens nothing: judge it without entering it."""
        dropped = self.dropped
        self.handle_starttag(tag, attrs)
        self.dropped = dropped

    def handle_endtag(self, tag: str) -> None:
        if self.dropped and tag in DROPPED_WITH_CONTENT:
            self.dropped -= 1


def _raw_value(raw_tag: str, attribute: str) -> str | None:
    """The attribute's value as written in the raw start tag (entities not decoded)."""
    pattern = rf"""\b{re.escape(attribute)}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"""
    match = re.search(pattern, raw_tag, re.IGNORECASE)
    if not match:
        return None
    return next(group for group in match.groups() if group is not None)


def findings(
    html: str,
    own_sites: tuple[str, ...] = (),
    skip: Callable[[str, str], bool] = lambda tag, attribute: False,
) -> list[Finding]:
    """Everything in ``html`` outside the policy. ``skip(tag, attribute)`` leaves one out
    (the picture rule already judges a body picture's ``src``)."""
    walker = _Walker(own_sites, skip)
    walker.feed(html)
    walker.close()
    return walker.found


def locate(source: str, first_line: int, finding: Finding, after: int = 0) -> int:
    """The line of ``source`` (which starts at file line ``first_line``) a finding came from.

    Raw HTML reaches the rendered page as written, so its start tag is found as
    is; a tag Markdown made (a link) is found by its URL; else by ``<tag``. The
    search starts at line offset ``after`` (the previous finding's), then from the top.
    """
    lines = source.split("\n")
    needles = [finding.raw_tag, finding.raw_value or "", f"<{finding.tag}"]
    for needle in (needle.lower() for needle in needles if needle):
        for start in (after, 0):
            for offset in range(start, len(lines)):
                if needle in lines[offset].lower():
                    return first_line + offset
    return first_line


def _keep_attribute(own_sites: tuple[str, ...]) -> Callable[[str, str, str], str | None]:
    """nh3's attribute filter: drop every URL the policy refuses (after ammonia's own checks)."""

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if attribute_finding(tag, attribute, value, own_sites) is None:
            return value
        return None

    return keep


def cleaner(own_sites: tuple[str, ...]) -> Callable[[str], str]:
    """The build's sanitizer for one site: ``html -> html`` within the policy.

    nh3 keeps only the allowed elements and attributes, removes comments and
    the contents of scripts, styles, frames and inline SVG, and calls back for
    each attribute so that a URL is judged exactly as the check judges it.
    """
    attributes = {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()}
    options = {
        "tags": set(ALLOWED_TAGS),
        "clean_content_tags": set(DROPPED_WITH_CONTENT),
        "attributes": attributes,
        "attribute_filter": _keep_attribute(own_sites),
        "strip_comments": True,
        "link_rel": None,
        "url_schemes": set(LINK_SCHEMES) | {"http"},  # http only on own_sites (the filter)
    }

    def clean(html: str) -> str:
        return nh3.clean(html, **options)

    return clean


def content_html_filter(own_sites: tuple[str, ...]) -> Callable[[str | None], Markup]:
    """The templates' ``content_html`` filter: content HTML, cleaned, as Markup.

    Templates print a body or a rendered summary only through this filter,
    never with ``|safe``, so that what reaches a page is always within the policy.
    """
    clean = cleaner(own_sites)

    def content_html(html: str | None) -> Markup:
        return Markup(clean(html or ""))

    return content_html
