"""Pelican settings for local builds of both sites.

samspel63.se (Swedish, the main site) and samspel63.no (Norwegian Bokmål, an
i18n_subsites sub-site) are built in one run into two separate roots. Local
builds use http://localhost:8000 and http://localhost:8001 so that every link
between the two domains works on one machine; publishconf.py swaps in the real
domains. Every path is absolute so the result does not depend on the working
directory (see ../shared/docs/pelican-two-domains.md for why each setting is here).
"""

import os
from pathlib import Path

from pelican.plugins.samspel.content.contract import (
    ACTIVITIES,
    INITIATIVES,
    NEWS,
    PAGES,
    PICTURES,
    PROJECT_END,
    PROJECT_START,
    PROJECT_TIMEZONE,
)
from pelican.plugins.samspel.sites.table import MAIN, SUBSITES, site_urls

ROOT = Path(__file__).resolve().parent

SITENAME = "Samspel 63"
PATH = str(ROOT / "content")
OUTPUT_PATH = str(ROOT / "output" / MAIN.folder)
CACHE_PATH = str(ROOT / "cache" / MAIN.folder)
THEME = str(ROOT / "theme")
TIMEZONE = PROJECT_TIMEZONE
DEFAULT_LANG = MAIN.lang
LOCALE = ("C.UTF-8", "C")  # never the OS's sv_SE/nb_NO: Babel formats what visitors read

SITE_URLS = site_urls(public=False)  # the table of sites: plugins/.../samspel/sites/table.py
SITEURL = SITE_URLS[MAIN.lang]
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False

# both installed packages (pyproject.toml), loaded by name: no PLUGIN_PATHS
PLUGINS = ["pelican.plugins.i18n_subsites", "pelican.plugins.samspel"]
SAMSPEL_SITES = {lang: {"url": url} for lang, url in SITE_URLS.items()}
SAMSPEL_PROJECT = {"start": PROJECT_START, "end": PROJECT_END}  # the contract's period
PROGRESS = {"target": 100, "path": "resultat/"}  # the counter; period from SAMSPEL_PROJECT
# Pictures: derivative widths (never upscaled), WebP/JPEG quality, and the cache of
# encoded derivatives kept between builds (SAMSPEL_IMAGE_CACHE moves it, e.g. for tests).
IMAGES = {
    "widths": [240, 480, 960, 1600],
    "cache": os.environ.get("SAMSPEL_IMAGE_CACHE") or str(ROOT / "cache" / "images"),
}

# Search: Pagefind indexes the pages in shards of about this many pages, so that a build
# re-indexes only the shards whose pages changed (tools/search_index.py); at most
# max_shards, since each one adds requests to a visitor's first search.
SEARCH = {"pages_per_shard": 100, "max_shards": 8}

# --- content: content/<section>/<slug>.<lang>.md, each site reads its own language
ARTICLE_PATHS = [ACTIVITIES, INITIATIVES, NEWS]  # the sections: the contract's folders
PAGE_PATHS = [PAGES]
STATIC_PATHS = [PICTURES]
READERS = {"rst": None, "html": None}
# each site skips the other language's files; the plugin adds the content check's skip rule
# (dot-files, editor backups: samspel/content/files.py), so both skip the same files
IGNORE_FILES = ["__pycache__", "*.nb.md"]
USE_FOLDER_AS_CATEGORY = True
FILENAME_METADATA = r"(?P<slug>[^.]+)\.(?P<lang>[a-z]+)"
WITH_FUTURE_DATES = True
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
ARTICLE_LANG_URL = ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_SAVE_AS
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "404", "search"]
SEARCH_SAVE_AS = "sok/index.html"  # same path on both sites; Pagefind indexes after Pelican
INDEX_SAVE_AS = "index.html"
DEFAULT_PAGINATION = 20
# Only section lists are paginated: the home page shows the latest few items of each kind,
# so its pages 2, 3 … (/sida/N/) were copies of it, each looping over every article.
PAGINATED_TEMPLATES = {"category": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/sida/{number}/", "{base_name}/sida/{number}/index.html"),
)
ARTICLE_ORDER_BY = "reversed-date"
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False

# --- feeds: one Atom feed per language and section, never both languages mixed
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
CATEGORY_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = None
FEED_MAX_ITEMS = 50
# Every feed entry names its author, the project (Pelican gives each article AUTHOR when its
# file names none): an Atom entry must have one, and an empty <name/> says nothing. No author
# pages are written (AUTHOR_SAVE_AS).
AUTHOR = SITENAME

# --- theme and translations (msgids are English; sv and nb catalogues both apply)
THEME_STATIC_DIR = "theme"
THEME_STATIC_PATHS = [str(ROOT / "theme" / "static")]
CSS_FILE = "site.css"
# autoescape: a title, place or summary can never inject markup; rendered Markdown
# is marked |safe where a template shows it.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
    # each build is a new process: no need to stat every template on each use
    "auto_reload": False,
}
I18N_TEMPLATES_LANG = "en"
I18N_GETTEXT_LOCALEDIR = str(ROOT / "theme" / "translations")
I18N_GETTEXT_DOMAIN = "messages"
I18N_UNTRANSLATED_ARTICLES = "remove"
I18N_UNTRANSLATED_PAGES = "remove"

# --- speed: Pelican's reader cache (what the reader returned per file, re-read when the
# file's hash changes); tools/reader_cache.py fingerprints it and commits it atomically.
# Never the "generator" layer: it leaves {static} links unresolved on the next build.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "sha256"
GZIP_CACHE = False
# Rendered activity, initiative, news and content pages, keyed by everything they show
# (samspel/speed/page_cache.py): a warm build renders only the pages an edit changed.
PAGE_CACHE = {"path": str(ROOT / "cache" / "pages" / MAIN.folder)}


def subsite(lang: str, siteurl: str) -> dict:
    """Overrides for a sub-site: its own domain, root, feeds, static files."""
    folder = SUBSITES[lang].folder
    return {
        "SITEURL": siteurl,
        "FEED_DOMAIN": siteurl,
        "OUTPUT_PATH": str(ROOT / "output" / folder),
        "CACHE_PATH": str(ROOT / "cache" / folder),
        "PAGE_CACHE": {"path": str(ROOT / "cache" / "pages" / folder)},
        "STATIC_PATHS": STATIC_PATHS,
        "THEME_STATIC_DIR": THEME_STATIC_DIR,
        "THEME_STATIC_PATHS": THEME_STATIC_PATHS,
        "IGNORE_FILES": ["__pycache__", f"*.{MAIN.lang}.md"],
    }


def norwegian_site(siteurl: str) -> dict:
    """Overrides for the nb sub-site (the name the tests' settings files use)."""
    return subsite("nb", siteurl)


I18N_SUBSITES = {lang: subsite(lang, SITE_URLS[lang]) for lang in SUBSITES}
