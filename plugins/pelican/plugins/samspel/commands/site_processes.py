"""Build the main site and each i18n_subsites sub-site in its own process, side by side.

pelican-i18n-subsites builds the sub-sites one after the other inside the main
site's run (at its ``get_writer`` signal). Our sites never share content (each
reads only its own language; links between them come from the content index),
so the same sites can be built at once on separate cores. ``I18N_SUBSITES`` in
the settings stays the declaration of the sites. A sub-site's settings are
derived as pelican-i18n-subsites documents it: the main settings, updated with
the sub-site's overrides and its language, through ``configure_settings``. Each
process then runs Pelican on one site's settings without ``I18N_SUBSITES``, so
that i18n_subsites, loaded as usual, sees a site with no sub-site to build: it
installs that site's gettext catalogue and filters its content as in a single
run (only its ``lang_siteurls`` / ``relpath_to_site`` then name one site; the
theme uses neither: links between the sites come from ``SAMSPEL_SITES``).

Processes are forked, so each starts with the settings already read and its own
copy of the plugins' module-level state; a failure in one never leaks into a
later build.
"""

from __future__ import annotations

import gc
import importlib
import logging
import multiprocessing
import os
import posixpath
import signal
import subprocess
import sys
from collections.abc import Callable
from multiprocessing.connection import wait
from multiprocessing.synchronize import Event
from pathlib import Path

from jinja2 import TemplateError

from ..settings import KEY as SETTINGS_KEY
from ..speed import reader_cache

log = logging.getLogger("samspel.build")

#: allocations between young-generation collections in a site's process (Python's default: 700)
GC_THRESHOLD = 100_000
#: what a site's build can fail with: a fatal Pelican warning (RuntimeError), a wrong
#: setting or content value (ValueError: SettingsError, the reader's), a file or
#: Pagefind that cannot be read or run (OSError, SubprocessError), a template error.
#: Anything else is a bug: it ends the site's process with its traceback (the build
#: fails all the same), rather than one line that hides where it happened.
SITE_ERRORS = (RuntimeError, ValueError, OSError, subprocess.SubprocessError, TemplateError)


def subsite_overrides(main: dict, lang: str, overrides: dict) -> dict:
    """A sub-site's overrides with the defaults i18n_subsites documents for those it omits.

    ``SITEURL``, ``OUTPUT_PATH`` and ``CACHE_PATH`` default to the main site's plus
    ``/<lang>``; ``DEFAULT_LANG`` is the sub-site's language.
    """
    main_siteurl = main["SITEURL"] or "/"
    return {
        "SITEURL": posixpath.join(main_siteurl, lang),
        "OUTPUT_PATH": os.path.join(main["OUTPUT_PATH"], lang),
        "CACHE_PATH": os.path.join(main["CACHE_PATH"], lang),
        **overrides,
        "DEFAULT_LANG": lang,
    }


def site_settings(main: dict) -> dict[str, dict]:
    """``{lang: settings}`` of the main site and every sub-site, each one site on its own.

    A sub-site's are the main settings updated with its overrides (i18n_subsites'
    documented derivation), through ``configure_settings``; none keeps
    ``I18N_SUBSITES``, so that no process builds another's site.
    """
    from pelican.settings import configure_settings

    sites = {main["DEFAULT_LANG"]: {**main, "I18N_SUBSITES": {}}}
    for lang, overrides in main.get("I18N_SUBSITES", {}).items():
        derived = {**main, **subsite_overrides(main, lang, overrides), "I18N_SUBSITES": {}}
        sites[lang] = configure_settings(derived)
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

    settings = site_settings(main)[lang]
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
            # with the site's settings as the plugin validated them at ``initialized``
            after_site(
                Path(settings["OUTPUT_PATH"]), {**site, SETTINGS_KEY: settings[SETTINGS_KEY]}
            )
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
    except SITE_ERRORS as error:  # a fatal Pelican warning arrives as a RuntimeError
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

    for name in main.get("PLUGINS") or []:  # Pelican imports them by these names too
        if isinstance(name, str):
            importlib.import_module(name)
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
