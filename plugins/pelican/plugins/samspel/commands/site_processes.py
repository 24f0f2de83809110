"""Build the main site and each i18n_subsites sub-site in its own process, side by side.

pelican-i18n-subsites builds the sub-sites one after the other inside the main
site's run (at its ``get_writer`` signal). Our sites never share content (each
reads only its own language; links between them come from the content index),
so the same sites can be built at once on separate cores. ``I18N_SUBSITES`` in
the settings stays the declaration of the sites, and each process runs Pelican
with the plugin loaded and primed by the plugin's own ``initialize_dbs``: it
knows every site (``lang_siteurls``, ``main_siteurl``, ``relpath_to_site``),
filters and interlinks content and installs the gettext catalogue exactly as in
a single run. Only its queue of sub-sites still to build is emptied, because
the other processes build them. A sub-site's settings are derived as the
plugin derives them: the main settings, updated with the sub-site's overrides,
through ``configure_settings``.

Processes are forked, so each starts with the settings already read and its own
copy of the plugin's module-level state; a failure in one never leaks into a
later build.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from multiprocessing.connection import wait
from multiprocessing.synchronize import Event
from pathlib import Path

from ..speed import reader_cache

log = logging.getLogger("samspel.build")

#: allocations between young-generation collections in a site's process (Python's default: 700)
GC_THRESHOLD = 100_000


def _i18n_subsites():
    from pelican.plugins.i18n_subsites import i18n_subsites

    return i18n_subsites


def site_settings(main: dict) -> dict[str, dict]:
    """``{lang: settings}`` for the main site and every sub-site, as i18n_subsites derives them.

    Primes i18n_subsites' databases in this process as a side effect (call it
    in the process that then builds one of the sites).
    """
    from pelican.settings import configure_settings

    plugin = _i18n_subsites()
    plugin.initialize_dbs(main)
    sites = {main["DEFAULT_LANG"]: main}
    for lang, overrides in plugin._SUBSITE_QUEUE.items():
        sites[lang] = configure_settings({**main, **overrides})
    return sites


def languages(main: dict) -> list[str]:
    """The languages of the sites, main site first."""
    return [main["DEFAULT_LANG"], *main.get("I18N_SUBSITES", {})]


def build_one_site(
    main: dict,
    lang: str,
    after_site: Callable[[Path, dict], None] | None = None,
    go_ahead: Event | None = None,
) -> None:
    """Run Pelican for the site of ``lang`` only (in a child process).

    ``after_site`` then runs on the site's output folder and settings in the same
    process (e.g. a search index), so that it overlaps with the other site's build. The
    site's caches are committed only once ``go_ahead`` is set (the content check
    passed); a SIGTERM before that removes the private copy.
    """
    from pelican import Pelican

    plugin = _i18n_subsites()
    settings = site_settings(main)[lang]
    plugin.subscribe_filter_to_signals(main)
    plugin._SUBSITE_QUEUE.clear()  # the other processes build the other sites
    site = dict(settings)  # as configured: checkout points CACHE_PATH at a private copy
    # a SIGTERM while the private copy is made arrives once it is known, in the try below
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    shared = reader_cache.checkout(settings)
    try:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
        if shared is not None:
            reader_cache.cache_templates(settings)
        Pelican(settings).run()
        if after_site is not None:
            after_site(Path(settings["OUTPUT_PATH"]), site)
        if go_ahead is not None:
            go_ahead.wait()
    except BaseException:
        if shared is not None:
            reader_cache.discard(Path(settings["CACHE_PATH"]))
        raise
    if shared is not None:
        reader_cache.commit(Path(settings["CACHE_PATH"]), shared)


def _stop(signum: int, frame) -> None:
    """SIGTERM (a sibling site failed): unwind, so the private cache copy is removed."""
    raise SystemExit(1)


def _child(
    main: dict,
    lang: str,
    after_site: Callable[[Path, dict], None] | None,
    log_file: Path | None,
    go_ahead: Event,
) -> None:
    signal.signal(signal.SIGTERM, _stop)
    if log_file is not None:  # what Pelican prints goes to the file, for the parent to show
        descriptor = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(descriptor, 1)
        os.dup2(descriptor, 2)
        os.close(descriptor)
    # A build allocates hundreds of thousands of short-lived objects and little cyclic
    # garbage: collecting less often saves about a tenth of the CPU (memory: see bench).
    gc.set_threshold(GC_THRESHOLD, 50, 100)
    try:
        build_one_site(main, lang, after_site, go_ahead)
    except Exception as error:  # a fatal Pelican warning arrives as an exception
        log.error("site %s failed: %s", lang, error)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(1)


def preload(main: dict) -> None:
    """Import Pelican, the plugins and Markdown's extensions here, once, before forking.

    Each site's process then starts with them in memory (shared until written)
    instead of importing them itself: about a quarter of a second of CPU per site.
    """
    import markdown
    from pelican import Pelican  # noqa: F401
    from pelican.plugins._utils import load_plugins

    load_plugins(main)
    from ..content.html_policy import markdown_options

    markdown.Markdown(**markdown_options(main["DEFAULT_LANG"]))


def build_sites(
    main: dict,
    while_waiting: Callable[[], bool | None] | None = None,
    after_site: Callable[[Path, dict], None] | None = None,
    log_folder: Path | None = None,
) -> bool:
    """Build every site at once, one process each; True when all of them succeeded.

    ``while_waiting`` runs in this process while the sites are built; when it
    returns False (e.g. a content check found an error) the sites are stopped and
    the build fails. ``after_site`` runs in each site's process on its output folder and
    settings once Pelican has written it (an exception there fails the site). When one site fails,
    the others are stopped: the build fails as a whole anyway. With
    ``log_folder``, each site's output goes to ``<log_folder>/<lang>.log``
    instead of the terminal (see :func:`site_logs`).
    """
    context = multiprocessing.get_context("fork")
    preload(main)
    gc.freeze()  # what is imported already is shared with the children, not scanned by them
    go_ahead = context.Event()
    processes = {
        lang: context.Process(
            target=_child,
            args=(
                main,
                lang,
                after_site,
                log_folder / f"{lang}.log" if log_folder else None,
                go_ahead,
            ),
            name=f"pelican-{lang}",
        )
        for lang in languages(main)
    }
    for process in processes.values():
        process.start()
    gc.set_threshold(GC_THRESHOLD, 50, 100)  # while_waiting (the content check) allocates too
    running = {process.sentinel: process for process in processes.values()}
    ok = True
    if while_waiting is not None and while_waiting() is False:
        ok = False
        for process in running.values():
            process.terminate()
    else:
        go_ahead.set()  # the sites may keep their caches
    while running:
        for sentinel in wait(list(running)):
            process = running.pop(sentinel)
            process.join()
            if process.exitcode != 0:
                ok = False
                for other in running.values():
                    other.terminate()
    return ok


def site_logs(log_folder: Path) -> str:
    """What the sites' processes printed, site by site in a fixed order."""
    return "".join(
        path.read_text("utf-8", errors="replace") for path in sorted(log_folder.glob("*.log"))
    )
