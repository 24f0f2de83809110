"""The two sites: their URLs, the links between them, robots.txt and sitemap.xml.

pelican-i18n-subsites computes a translation's URL from URL *paths* only, which
breaks between two domains (it yields ``./slug/``). Both sites use the same URL
patterns, so the counterpart of a page is the same path on the other site's URL,
provided the other language version exists: the content index says whether.
"""

from __future__ import annotations

import logging
import os
import re
from html import unescape
from pathlib import Path
from xml.sax.saxutils import escape

from jinja2 import pass_context
from pelican.generators import Generator

from ..content.contract import ADDRESS_FIELD, LANGUAGES, SECTION_FOLDERS, address_of
from ..content.index import ContentIndex
from ..settings import samspel_settings

log = logging.getLogger(__name__)


def other_language(lang: str) -> str:
    return next(other for other in LANGUAGES if other != lang)


@pass_context
def counterpart(context, content) -> str | None:
    """The path of ``content`` on the other site, or None if it has no translation there."""
    index: ContentIndex = context["content_index"]
    section = Path(content.source_path).parent.name
    other = index.get(section, content.slug, other_language(content.lang))
    if other is None:
        return None
    return address_of(section, own_address(other.fields.get(ADDRESS_FIELD), content.slug))


def own_address(field: object, slug: str) -> str:
    """The slug an item is published under: its ``address`` field when it has a usable one.

    A malformed value is the check's to name (``bad-address``); here it falls back to the
    file name, as the reader never publishes under it either.
    """
    data = getattr(field, "data", None)
    text = data.strip() if isinstance(data, str) else ""
    return text or slug


#: ``SECTION_FOLDERS.news`` is ``nyheter``: the templates name the sections as the contract does
JINJA_GLOBALS = {"counterpart": counterpart, "SECTION_FOLDERS": SECTION_FOLDERS}


class SiteGenerator(Generator):
    """Puts what every template needs about the two sites into the context."""

    def generate_context(self) -> None:
        sites = samspel_settings(self.settings).sites
        lang = self.settings["DEFAULT_LANG"]
        other = other_language(lang)
        self.context["content_index"] = ContentIndex.scan(
            Path(self.settings["PATH"]), self.settings
        )
        self.context["sites"] = sites
        self.context["site_lang"] = lang
        self.context["other_lang"] = other
        self.context["other_siteurl"] = sites[other].url
        self.context["og_locale"] = sites[lang].locale
        # sections with at least one item on this site: only these get links and feeds
        self.context["sections"] = sorted(
            category.slug for category, _articles in self.context.get("categories", [])
        )
        # Lookups instead of loops over every page and article in each template: every
        # page links to five pages (a URL is worked out anew on each access) and an
        # activity to its initiative.
        self.context["page_urls"] = {
            page.slug: page.url for page in reversed(self.context.get("pages", []))
        }
        self.context["initiatives_by_slug"] = {
            article.slug: article
            for article in reversed(self.context.get("articles", []))
            if article.metadata.get("kind") == "initiative"
        }

    def generate_output(self, writer) -> None:
        """A redirect page at the file name's address of every item with its own ``address``.

        ``om-projektet.nb.md`` with ``address: om-prosjektet`` is published at
        ``/om-prosjektet/``; ``/om-projektet/`` on that site leads there, so links and
        bookmarks made before the item got its address keep working, on any static host
        (no server rule needed). robots.txt and sitemap.xml come later (finalized), and
        leave these pages out.
        """
        template = self.get_template("redirect")
        items = [*self.context.get("articles", []), *self.context.get("pages", [])]
        for item in sorted(items, key=lambda item: item.url):
            former = getattr(item, "former_url", None)
            if former:
                writer.write_file(
                    f"{former}index.html", template, self.context, target=item, url=former
                )


def _html_files(output: Path) -> list[str]:
    """Every ``.html`` file under ``output``, as a relative POSIX path (os.walk: thousands)."""
    found = []
    for folder, _subfolders, names in os.walk(output):
        relative = os.path.relpath(folder, output)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        found += [prefix + name for name in names if name.endswith(".html")]
    return found


#: the sitemap's own namespace, and XHTML's for the language alternates Google reads in it
SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
#: what base.html writes in a page's head when the page exists on the other site too
_ALTERNATE = re.compile(
    r'<link rel="alternate" hreflang="(?P<lang>[a-z]+)" href="(?P<href>[^"]+)">'
)
#: the head of every page fits in this; a longer one is read to its end
_HEAD_BYTES = 16384


def page_alternates(html_file: Path) -> dict[str, str]:
    """``{lang: url}`` of the hreflang links in the page's ``<head>`` (none: no counterpart).

    The page's own head is the one place that decides whether it has a counterpart
    (``counterpart()`` asks the content index for items; the calendar and the lists
    know theirs), so the sitemap repeats exactly what the page says and the two never
    disagree. Only the head is read: content never reaches it, and it is short.
    """
    with html_file.open(encoding="utf-8") as handle:
        text = handle.read(_HEAD_BYTES)
        if "</head>" not in text:
            text += handle.read()
    head = text.split("</head>", 1)[0]
    return {match["lang"]: unescape(match["href"]) for match in _ALTERNATE.finditer(head)}


def is_redirect(html_file: Path) -> bool:
    """Whether the page only leads elsewhere (theme/templates/redirect.html)."""
    with html_file.open(encoding="utf-8") as handle:
        return 'http-equiv="refresh"' in handle.read(_HEAD_BYTES).split("</head>", 1)[0]


def _attribute(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def sitemap_entry(location: str, lang: str, alternates: dict[str, str]) -> str:
    """One ``<url>``: its ``<loc>``, then (sitemaps.org allows other namespaces only after
    ``loc``) an ``xhtml:link`` for every language version, this one included, as Google asks.
    """
    other = other_language(lang)
    if other not in alternates:
        return f"  <url><loc>{escape(location)}</loc></url>"
    links = "".join(
        f'<xhtml:link rel="alternate" hreflang="{code}" href="{_attribute(url)}"/>'
        for code, url in ((lang, location), (other, alternates[other]))
    )
    return f"  <url><loc>{escape(location)}</loc>{links}</url>"


def write_robots_and_sitemap(pelican) -> None:
    """After a site is written, list its HTML pages in sitemap.xml and point robots.txt at it.

    Walking the output folder catches the pages of every generator, ours and
    other plugins' alike. The build writes into a fresh folder, so nothing stale
    is listed; the order is sorted, so the file is reproducible. A page that
    exists on the other site too carries both language versions as alternates,
    each with its own domain.

    A preview (``SAMSPEL_PREVIEW``, tools/preview.py) gets neither file: no sitemap
    may list a preview, and a ``Disallow: /`` would not do instead. A preview lives
    below its host's root (``/pr-12/``), where no crawler reads a robots.txt, and
    a crawler kept out by one never sees the pages' ``noindex``, so a page it finds
    linked elsewhere may still be listed. ``noindex`` on every page is what works.
    """
    if pelican.settings.get("SAMSPEL_PREVIEW"):
        return
    output = Path(pelican.settings["OUTPUT_PATH"])
    siteurl = pelican.settings["SITEURL"]
    lang = pelican.settings["DEFAULT_LANG"]
    entries = []
    for relative in sorted(_html_files(output), key=lambda path: path.split("/")):
        if relative == "404.html" or relative.startswith(("theme/", "drafts/")):
            continue
        if is_redirect(output / relative):
            continue  # a former address: the page it leads to is listed
        location = f"{siteurl}/{relative.removesuffix('index.html')}"
        entries.append(sitemap_entry(location, lang, page_alternates(output / relative)))
    (output / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="{SITEMAP_NAMESPACE}" xmlns:xhtml="{XHTML_NAMESPACE}">\n'
        + "\n".join(entries)
        + "\n</urlset>\n",
        encoding="utf-8",
    )
    (output / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {siteurl}/sitemap.xml\n", encoding="utf-8"
    )
