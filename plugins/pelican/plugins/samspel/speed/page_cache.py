"""Render a page only when something it shows has changed.

A warm build after one edit re-rendered every page of the site: most of its
time. Every page Pelican's writer renders is now keyed by everything its output
can depend on, and a page whose key is in the page cache is hard-linked from
there instead of rendered. Every key holds:

- the build's code and rules: Python and library versions, the plugin's source,
  every setting (except the per-build output and cache folders), the theme
  folder (templates, stylesheets, compiled catalogues), and the content's files
  other than Markdown (pictures, companies.yaml);
- what any page may show of the whole site: the front matter of every content
  file in both languages (titles, dates, URLs, summaries, pictures, which
  translations exist), whether each activity is upcoming, ongoing or past, and
  the project's phase (every page carries the archive notice once it has ended);
- the template and the file name.

A page of one item (activity, initiative, news, page) adds its own file, body
included. Any other page (lists, calendar months, home, results) adds the
build's day and the day the counted facts last changed instead, since the
counter and "today" in a month are by day, and the results page gives that date.
No page shows another file's body (list pages show front-matter summaries),
so a body edit re-renders one page, a front-matter edit every page; feeds,
which do carry bodies, are written on every build. tests/test_speed.py builds
warm after edits of each kind and compares with a cold build byte for byte.

An entry is a hard link to a finished page, put in place with a rename, so it
is never half written; a paginated list is one entry of several files. A
successful build removes the entries it did not use. Pelican writes each page
to a new file in an empty staging folder, so a link shared with the cache is
never written through; nobody may edit a file of ``output/`` in place either.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sys
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pelican import signals
from pelican.generators import Generator
from pelican.utils import sanitised_join
from pelican.writers import Writer

from ..settings import KEY as SETTINGS_KEY
from ..settings import samspel_settings

log = logging.getLogger(__name__)
#: the plugin's own code (the installed package): a change to it renders every page again
PLUGIN_CODE = Path(__file__).resolve().parent.parent

CONTEXT_KEY = "page_cache"
#: settings that change between builds of the same content and never reach a page; the
#: validated settings (SETTINGS_KEY) are made of the others, which are hashed, and the
#: build's moment, which reaches a page only through the day and the states hashed below
VOLATILE_SETTINGS = frozenset(
    {"OUTPUT_PATH", "CACHE_PATH", "I18N_SUBSITES", "PAGE_CACHE", SETTINGS_KEY}
)
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")
_PACKAGES = (
    "pelican",
    "pelican-i18n-subsites",
    "markdown",
    "pyyaml",
    "jinja2",
    "markupsafe",
    "babel",
    "icalendar",
    "pillow",
    "tzdata",
)
#: suffix of the list of files of a paginated entry
_LIST = ".files"


def _hash_files(digest, root: Path, paths) -> None:
    for path in sorted(paths):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())


def code_and_settings(settings: dict, packages: Iterable[str]):
    """A digest of the Python and ``packages`` versions, the plugin code and the settings.

    A setting's object addresses (a bytecode cache's, say) are left out of its repr.
    Shared with Pelican's reader cache (tools/reader_cache.py), which depends on less.
    """
    digest = hashlib.sha256(sys.version.encode())
    for package in packages:
        try:
            digest.update(f"{package}={version(package)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{package}=-\n".encode())
    _hash_files(digest, PLUGIN_CODE, PLUGIN_CODE.rglob("*.py"))
    for key in sorted(settings):
        if key.isupper() and key not in VOLATILE_SETTINGS:
            digest.update(f"{key}={_ADDRESS.sub('', repr(settings[key]))}\n".encode())
    return digest


def code_and_rules(settings: dict):
    """A digest of what every page depends on besides the content's front matter."""
    digest = code_and_settings(settings, _PACKAGES)
    theme = Path(settings["THEME"])
    _hash_files(digest, theme, theme.rglob("*"))
    content = Path(settings["PATH"])
    _hash_files(digest, content, (p for p in content.rglob("*") if p.suffix != ".md"))
    return digest


def whole_site(digest, context: dict) -> None:
    """Add what a page may show of other items: front matter, and the activities' states."""
    for item in context["content_index"]:
        fields = sorted((name, value.data) for name, value in item.fields.items())
        digest.update(repr((item.section, item.slug, item.lang, fields)).encode())
    calendar = context.get("calendar")
    if calendar is not None:
        states = [(article.slug, calendar.state(article)) for article in calendar.activities]
        digest.update(repr(states).encode())
    digest.update(repr(context.get("project_phase")).encode())


class PageCache:
    """One site's page cache for one build: keys, hits, and the entries to keep."""

    def __init__(self, folder: Path, site, day: str) -> None:
        self.folder = folder
        self.site = site
        self.day = day.encode()
        self.used: set[str] = set()
        self.folders: set[str] = set()  # made in the output already: no mkdir per page
        self.hits = 0
        self.misses = 0

    def key(self, template: str, name: str, source_path: str | None) -> str:
        digest = self.site.copy()
        digest.update(f"\0{template}\0{name}\0".encode())
        digest.update(Path(source_path).read_bytes() if source_path else self.day)
        key = digest.hexdigest()
        self.used.add(key)
        return key

    def restore(self, key: str, output: str, name: str) -> list[str]:
        """Link the cached page(s) into ``output``; the paths, or [] when not cached."""
        entry = self.folder / key
        linked: list[str] = []
        try:
            if entry.is_file():
                sources = {entry: sanitised_join(output, name)}
            else:
                names = (self.folder / (key + _LIST)).read_text("utf-8").splitlines()
                sources = {
                    self.folder / f"{key}.{number}": sanitised_join(output, each)
                    for number, each in enumerate(names)
                }
            for source, path in sources.items():
                folder = os.path.dirname(path)
                if folder not in self.folders:
                    os.makedirs(folder, exist_ok=True)
                    self.folders.add(folder)
                os.link(source, path)
                linked.append(path)
        except (FileNotFoundError, FileExistsError):
            # not cached, pruned by a build beside this one, or a name written twice
            # (which Pelican's own writer then reports)
            for path in linked:  # Pelican must write a new file, not through a link
                os.unlink(path)
            self.misses += 1
            return []
        self.hits += 1
        return linked

    def store(self, key: str, output: str, paths: list[str]) -> None:
        """Keep the pages just written under their key (renamed into place, never half there)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if len(paths) == 1:
            self._link(paths[0], key)
            return
        for number, path in enumerate(paths):
            self._link(path, f"{key}.{number}")
        names = "".join(os.path.relpath(path, output) + "\n" for path in paths)
        temporary = self.folder / f".{key}{_LIST}.{os.getpid()}"
        temporary.write_text(names, "utf-8")
        os.replace(temporary, self.folder / (key + _LIST))

    def _link(self, path: str, entry: str) -> None:
        temporary = self.folder / f".{entry}.{os.getpid()}"
        temporary.unlink(missing_ok=True)
        os.link(path, temporary)
        os.replace(temporary, self.folder / entry)

    def prune(self) -> None:
        """Remove the entries this build did not use (pages deleted or changed)."""
        if not self.folder.is_dir():
            return
        for entry in os.scandir(self.folder):
            if entry.name.partition(".")[0] not in self.used and not entry.name.startswith("."):
                os.unlink(entry.path)


class CachingWriter(Writer):
    """Pelican's writer, taking pages from the page cache when their key is there."""

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):  # fmt: skip
        cache: PageCache | None = context.get(CONTEXT_KEY)
        arguments = (name, template, context, relative_urls, paginated, template_name,
                     override_output, url)  # fmt: skip
        if cache is None or not name or override_output or relative_urls:
            return super().write_file(*arguments, **kwargs)
        item = kwargs.get("article") or kwargs.get("page")
        key = cache.key(template.name, name, getattr(item, "source_path", None))
        restored = cache.restore(key, self.output_path, name)
        if restored:
            # Pelican's own record of what it wrote (no public way to add to it): a later
            # write of the same path then stops the build instead of writing through the
            # hard link into the cache
            self._written_files.update(restored)
            if signals.content_written.receivers:  # as Pelican's writer would say it
                local = {**context, "output_file": name, "localsiteurl": None, **kwargs}
                for path in restored:
                    signals.content_written.send(path, context=local)
            return None
        written: list[str] = []  # Pelican's content_written names every file it writes

        def note(path: str, **_context) -> None:
            written.append(path)

        with signals.content_written.connected_to(note):
            super().write_file(*arguments, **kwargs)
        cache.store(key, self.output_path, written)
        return None


def get_writer(pelican) -> type[Writer] | None:
    """The caching writer when ``PAGE_CACHE["path"]`` is set (``get_writer``)."""
    return CachingWriter if samspel_settings(pelican.settings).page_cache.path else None


class PageCacheGenerator(Generator):
    """Starts the site's page cache once the context is complete; prunes it at the end.

    Listed after the generators whose context the keys read (the content index,
    the calendar), so its ``generate_context`` runs after theirs, and its
    ``generate_output`` after the articles and pages were written.
    """

    def generate_context(self) -> None:
        config = samspel_settings(self.settings)
        folder = config.page_cache.path
        if not folder or "content_index" not in self.context:
            return
        site = code_and_rules(self.settings)
        whole_site(site, self.context)
        progress = self.context.get("progress")
        facts = progress.as_of.isoformat() if progress is not None else ""
        day = f"{config.now.date().isoformat()} {facts}"
        self.context[CONTEXT_KEY] = PageCache(Path(folder), site, day)

    def generate_output(self, writer) -> None:
        cache: PageCache | None = self.context.get(CONTEXT_KEY)
        if cache is None:
            return
        cache.prune()
        log.info("samspel: %d pages from the page cache, %d rendered", cache.hits, cache.misses)
