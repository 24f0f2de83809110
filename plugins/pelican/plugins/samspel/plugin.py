"""What the plugin does at ``initialized`` and which generators it adds.

Every receiver is a module-level function; all per-site state lives in the
Pelican instance's settings and generator context, because i18n_subsites runs
the plugin once per language in the same process.
"""

from __future__ import annotations

from pathlib import Path

from .calendar.generator import CalendarGenerator
from .content.files import refuse_links, with_skip_patterns
from .content.html_policy import content_html_filter
from .pictures.pages import JINJA_GLOBALS as PICTURE_GLOBALS
from .pictures.pages import PictureGenerator
from .progress.generator import ProgressGenerator
from .settings import read_once
from .sites.generator import JINJA_GLOBALS, SiteGenerator
from .speed.page_cache import PageCacheGenerator
from .templates.formatting import JINJA_FILTERS


def configure(pelican) -> None:
    """Refuse content with a link, skip what the check skips, read the plugin's settings.

    Runs at ``initialized``, before Pelican reads a single file, in every site's
    Pelican (``samspel build`` refuses links before Pelican starts; this guards a
    direct ``pelican`` run). The skip rule of content/files.py goes into
    IGNORE_FILES beside the site's own patterns (its other language), so that
    a file the check skips is never published either. Every namespaced setting
    is validated here, once (settings.py: :func:`~.settings.read_once`), and
    "today" fixed; what runs later reads the result.
    """
    refuse_links(Path(pelican.settings["PATH"]))
    pelican.settings["IGNORE_FILES"] = with_skip_patterns(pelican.settings["IGNORE_FILES"])
    config = read_once(pelican.settings)
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    filters.update(JINJA_FILTERS)
    # the only way content HTML reaches a page: cleaned by the one HTML policy
    filters["content_html"] = content_html_filter(tuple(site.url for site in config.sites.values()))
    pelican.settings.setdefault("JINJA_GLOBALS", {}).update(JINJA_GLOBALS)
    pelican.settings["JINJA_GLOBALS"].update(PICTURE_GLOBALS)


def get_generators(pelican) -> list[type]:
    # the page cache last: its keys read the context the others put together
    return [
        SiteGenerator,
        CalendarGenerator,
        ProgressGenerator,
        PictureGenerator,
        PageCacheGenerator,
    ]
