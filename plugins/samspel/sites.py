"""The two sites: their URLs, the links between them, robots.txt and sitemap.xml.

pelican-i18n-subsites computes a translation's URL from URL *paths* only, which
breaks between two domains (it yields ``./slug/``). Both sites use the same URL
patterns, so the counterpart of a page is the same path on the other site's URL,
provided the other language version exists: the content index says whether.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from xml.sax.saxutils import escape

from jinja2 import pass_context
from pelican.generators import Generator

from .content_index import ContentIndex
from .contract import LANGUAGES

log = logging.getLogger(__name__)

DEFAULT_SITES: dict[str, dict[str, str]] = {
    "sv": {"url": "http://localhost:8000", "locale": "sv_SE"},
    "nb": {"url": "http://localhost:8001", "locale": "nb_NO"},
}


class SitesSettingError(ValueError):
    """SAMSPEL_SITES is incomplete."""


def sites_setting(settings: dict) -> dict[str, dict[str, str]]:
    """``SAMSPEL_SITES`` merged over the defaults, checked once."""
    merged = {lang: dict(values) for lang, values in DEFAULT_SITES.items()}
    for lang, values in settings.get("SAMSPEL_SITES", {}).items():
        merged.setdefault(lang, {}).update(values)
    for lang in LANGUAGES:
        url = merged.get(lang, {}).get("url", "")
        if not url.startswith(("http://", "https://")) or url.endswith("/"):
            raise SitesSettingError(
                f"samspel: SAMSPEL_SITES[{lang!r}]['url'] must be an absolute http(s) URL "
                f"without a trailing slash, not {url!r}"
            )
    return merged


def other_language(lang: str) -> str:
    return next(other for other in LANGUAGES if other != lang)


@pass_context
def counterpart(context, content) -> str | None:
    """The path of ``content`` on the other site, or None if it has no translation there."""
    index: ContentIndex = context["content_index"]
    section = Path(content.source_path).parent.name
    if index.get(section, content.slug, other_language(content.lang)) is None:
        return None
    return content.url


JINJA_GLOBALS = {"counterpart": counterpart}


class SiteGenerator(Generator):
    """Puts what every template needs about the two sites into the context."""

    def generate_context(self) -> None:
        sites = sites_setting(self.settings)
        lang = self.settings["DEFAULT_LANG"]
        other = other_language(lang)
        self.context["content_index"] = ContentIndex.scan(
            Path(self.settings["PATH"]), self.settings
        )
        self.context["sites"] = sites
        self.context["site_lang"] = lang
        self.context["other_lang"] = other
        self.context["other_siteurl"] = sites[other]["url"]
        self.context["og_locale"] = sites[lang]["locale"]
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
        """Nothing here: robots.txt and sitemap.xml need every page written (see finalized)."""


def _html_files(output: Path) -> list[str]:
    """Every ``.html`` file under ``output``, as a relative POSIX path (os.walk: thousands)."""
    found = []
    for folder, _subfolders, names in os.walk(output):
        relative = os.path.relpath(folder, output)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        found += [prefix + name for name in names if name.endswith(".html")]
    return found


def write_robots_and_sitemap(pelican) -> None:
    """After a site is written, list its HTML pages in sitemap.xml and point robots.txt at it.

    Walking the output folder catches the pages of every generator, ours and
    other plugins' alike. The build writes into a fresh folder, so nothing stale
    is listed; the order is sorted, so the file is reproducible.
    """
    output = Path(pelican.settings["OUTPUT_PATH"])
    siteurl = pelican.settings["SITEURL"]
    locations = []
    for relative in sorted(_html_files(output), key=lambda path: path.split("/")):
        if relative == "404.html" or relative.startswith(("theme/", "drafts/")):
            continue
        path = relative.removesuffix("index.html")
        locations.append(f"  <url><loc>{escape(f'{siteurl}/{path}')}</loc></url>")
    (output / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(locations)
        + "\n</urlset>\n",
        encoding="utf-8",
    )
    (output / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {siteurl}/sitemap.xml\n", encoding="utf-8"
    )
