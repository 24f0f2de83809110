"""Pelican's reader cache, kept safe: fingerprinted, private per build, committed atomically.

Jinja's compiled templates (keyed by their source) are kept in the same folder.

Pelican's reader cache (``CACHE_CONTENT``/``LOAD_CONTENT_CACHE`` with the
``reader`` layer) stores what the reader returned for each file, keyed by path
and a stamp of the file (``CHECK_MODIFIED_METHOD``: we hash the content, so an
edit within the file system's clock tick is still seen). It does not know when
our reader's code, a library or a setting changed, and it rewrites its file in
place. So each site's cache lives in ``<CACHE_PATH>/<fingerprint>/``, where the
fingerprint covers the plugin code, the versions of Pelican, Markdown and PyYAML
and the site's settings; a site's build reads a private copy and, only when
that site was built without an error or warning, moves the files it wrote into
place with ``os.replace``. A failed or concurrent build can therefore never
leave a half-written or stale cache behind, and output with the cache is
byte-identical to output without (tests/test_speed.py).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from .page_cache import code_and_settings

#: what the reader's output depends on besides the files, the plugin code and the settings
READER_PACKAGES = ("pelican", "markdown", "pyyaml", "pelican-i18n-subsites")
#: fingerprints kept per site, most recently used first
KEEP = 3


def fingerprint(settings: dict) -> str:
    """What the cached reader output depends on, besides the files themselves."""
    return code_and_settings(settings, READER_PACKAGES).hexdigest()[:16]


def checkout(settings: dict) -> Path | None:
    """Point ``settings['CACHE_PATH']`` at a private copy of this site's cache.

    Returns the folder to commit later, or None when caching is off.
    """
    if not settings.get("CACHE_CONTENT"):
        return None
    home = Path(settings["CACHE_PATH"])
    shared = home / fingerprint(settings)
    home.mkdir(parents=True, exist_ok=True)
    private = Path(tempfile.mkdtemp(prefix=".build-", dir=home))
    if shared.is_dir():
        for path in shared.iterdir():
            shutil.copy2(path, private / path.name)
    settings["CACHE_PATH"] = str(private)
    return shared


def cache_templates(settings: dict) -> None:
    """Keep Jinja's compiled templates beside the reader cache (keyed by their source)."""
    from jinja2 import FileSystemBytecodeCache

    environment = dict(settings.get("JINJA_ENVIRONMENT", {}))
    environment["bytecode_cache"] = FileSystemBytecodeCache(settings["CACHE_PATH"])
    settings["JINJA_ENVIRONMENT"] = environment


def commit(private: Path, shared: Path) -> None:
    """Move the caches a successful build wrote into place; drop other fingerprints."""
    shared.mkdir(exist_ok=True)
    for path in private.iterdir():
        path.replace(shared / path.name)
    discard(private)
    shared.touch()
    kept = sorted(
        (other for other in shared.parent.iterdir() if not other.name.startswith(".")),
        key=lambda other: other.stat().st_mtime,
        reverse=True,
    )
    for other in kept[KEEP:]:  # e.g. local and publish settings alternate: keep both
        shutil.rmtree(other, ignore_errors=True)
    for crashed in shared.parent.glob(".build-*"):
        if time.time() - crashed.stat().st_mtime > 3600:  # no build takes an hour
            shutil.rmtree(crashed, ignore_errors=True)


def discard(private: Path) -> None:
    shutil.rmtree(private, ignore_errors=True)
