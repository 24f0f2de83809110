"""Signal wiring of the Samspel 63 plugin.

Every receiver is a module-level function; all per-site state lives in the
Pelican instance's settings and generator context, because i18n_subsites runs
the plugin once per language in the same process.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from .calendar import CalendarGenerator
from .content_files import refuse_links, with_skip_patterns
from .formatting import JINJA_FILTERS
from .gettext_shortcut import use_gettext_shortcut
from .html_policy import content_html_filter
from .images import images_setting
from .page_cache import PageCacheGenerator, get_writer, page_cache_setting
from .pictures import JINJA_GLOBALS as PICTURE_GLOBALS
from .pictures import PictureGenerator, attach_pictures, drop_originals
from .progress import ProgressGenerator
from .reader import YamlMarkdownReader
from .sites import JINJA_GLOBALS, SiteGenerator, sites_setting, write_robots_and_sitemap

log = logging.getLogger(__name__)


def add_reader(readers) -> None:
    """Only our reader reads content: ``.md`` files with YAML front matter.

    Pelican's own readers would read what the content check never reads: its
    plain Markdown reader takes ``.markdown``, ``.mkd`` and ``.mdown`` (without
    our front matter rules), and its HTML reader ``.htm``. Every reader but ours
    and the one for static files is switched off, whatever READERS says.
    """
    for extension in list(readers.reader_classes):
        if extension != "static":
            readers.reader_classes[extension] = None
    readers.reader_classes["md"] = YamlMarkdownReader


def configure(pelican) -> None:
    """Refuse content with a link, skip what the check skips, check the plugin's settings.

    Runs at ``initialized``, before Pelican reads a single file, in every site's
    Pelican (tools/build.py refuses links before Pelican starts; this guards a
    direct ``pelican`` run). The skip rule of content_files.py goes into
    IGNORE_FILES beside the site's own patterns (its other language), so that
    a file the check skips is never published either.
    """
    refuse_links(Path(pelican.settings["PATH"]))
    pelican.settings["IGNORE_FILES"] = with_skip_patterns(pelican.settings["IGNORE_FILES"])
    sites = sites_setting(pelican.settings)
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    filters.update(JINJA_FILTERS)
    # the only way content HTML reaches a page: cleaned by the one HTML policy
    filters["content_html"] = content_html_filter(tuple(site["url"] for site in sites.values()))
    pelican.settings.setdefault("JINJA_GLOBALS", {}).update(JINJA_GLOBALS)
    images_setting(pelican.settings)
    page_cache_setting(pelican.settings)
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


def register() -> None:
    signals.initialized.connect(configure)
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
    signals.content_object_init.connect(attach_pictures)
    signals.static_generator_finalized.connect(drop_originals)
    signals.finalized.connect(write_robots_and_sitemap)
    signals.generator_init.connect(use_gettext_shortcut)
