"""Samspel 63's Pelican plugin: content contract, the two sites, calendars, progress.

Loaded by name (``PLUGINS = ["pelican.plugins.samspel", ...]``) from the installed
package. Only :func:`register` is here, and it imports the receivers when Pelican
calls it: ``samspel check`` imports ``pelican.plugins.samspel.check`` and so this
file, and must not pay for Pelican's generators or Pillow.
"""

from __future__ import annotations


def register() -> None:
    """Connect every receiver of the plugin to its Pelican signal."""
    from pelican import signals

    from .pictures.pages import attach_pictures, drop_originals
    from .plugin import configure, get_generators
    from .reader import add_reader
    from .sites.generator import write_robots_and_sitemap
    from .speed.page_cache import get_writer
    from .templates.gettext import use_gettext_shortcut

    signals.initialized.connect(configure)
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
    signals.content_object_init.connect(attach_pictures)
    signals.static_generator_finalized.connect(drop_originals)
    signals.finalized.connect(write_robots_and_sitemap)
    signals.generator_init.connect(use_gettext_shortcut)
