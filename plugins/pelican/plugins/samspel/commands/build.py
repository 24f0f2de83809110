"""Build both sites: check the content, compile the catalogues, run Pelican, index, swap in.

The two sites are built at once, one Pelican process each
(tools/site_processes.py), with Pelican's reader cache kept under ``cache/``
(tools/reader_cache.py), never in the output; each site's process also writes
that site's Pagefind search index, in shards of which only those whose pages
changed are indexed again (tools/search_index.py, cached under ``cache/search/``).
Meanwhile this process runs the content check
(``make check``); on any error its problems are printed, the sites are stopped,
and nothing they printed is shown. Content with a symbolic link is refused
before Pelican starts (Pelican's file walk would read what the link leads to),
with the check's errors, and output/ is not touched.

"Today" is fixed once for the whole build: ``SOURCE_DATE_EPOCH`` when set,
otherwise the moment the build starts (settings.py: ``read_once``, before the sites'
processes start, which inherit it), so both sites agree even across midnight.

Pelican writes into a fresh staging folder beside the output; only when both
sites were built without a single warning, and their search indexes were
written, does the staging replace
``output/se`` and ``output/no``. A failed build therefore leaves the last good
output exactly as it was, and never publishes half a site.

Usage: samspel build [--settings pelicanconf.py] [--output output] [--cache cache]
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from ..search import index as search_index
from ..settings import read_once
from ..sites.table import FOLDERS, MAIN
from .preview import (
    DEPLOYED,
    OFFLINE,
    VARIABLES,
    Preview,
    PreviewAddressError,
    preview_addresses,
)
from .project import project_root
from .site_processes import build_sites, site_logs

ROOT = project_root()

TRANSLATIONS = ROOT / "theme" / "translations"
#: site language -> folder of its publish root under the output folder (the table of sites)
ROOTS = FOLDERS

#: the last line of a failed build, in both languages (the communicator may read either)
KEPT = "build: output/ lämnades som det var / output/ ble ikke endret"
CHECK_FIRST = KEPT + "; kör / kjør make check"


def say(*lines: str) -> None:
    """Print a build's own message to stderr, never through logging.

    Pelican's logging is fatal on warnings in this process (run_pelican), so a
    message logged after a failure would itself raise, with a traceback.
    """
    print(*lines, sep="\n", file=sys.stderr)


def compile_catalogues(translations: Path = TRANSLATIONS) -> list[Path]:
    """Compile every ``<lang>/LC_MESSAGES/messages.po`` into its ``.mo``.

    Only rewrites a ``.mo`` whose content changed, so that repeated builds do not
    touch the tree.
    """
    written = []
    for po_path in sorted(translations.glob("*/LC_MESSAGES/messages.po")):
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parts[-3])
        mo_path = po_path.with_suffix(".mo")
        with tempfile.TemporaryFile() as buffer:
            write_mo(buffer, catalog, use_fuzzy=False)
            buffer.seek(0)
            data = buffer.read()
        if not mo_path.exists() or mo_path.read_bytes() != data:
            mo_path.write_bytes(data)
        written.append(mo_path)
    return written


def pelican_settings(
    settings_file: Path,
    staging: Path,
    content: Path | None = None,
    cache: Path | None = None,
    preview: Preview | None = None,
) -> dict:
    """Read the settings and point both sites' output into the staging folder.

    With ``cache``, each site's reader cache goes to ``cache/<root>`` instead of
    the settings' ``CACHE_PATH``. With ``preview``, the settings become that
    preview's (tools/preview.py): the same settings, other addresses.
    """
    from pelican.settings import read_settings

    override = {"OUTPUT_PATH": str(staging / MAIN.folder)}
    if content is not None:
        override["PATH"] = str(content)
    if cache is not None:
        override["CACHE_PATH"] = str(cache / MAIN.folder)
        override["PAGE_CACHE"] = {"path": str(cache / "pages" / MAIN.folder)}
    settings = read_settings(str(settings_file), override=override)
    for lang, overrides in settings.get("I18N_SUBSITES", {}).items():
        overrides["OUTPUT_PATH"] = str(staging / ROOTS[lang])
        if cache is not None:
            overrides["CACHE_PATH"] = str(cache / ROOTS[lang])
            overrides["PAGE_CACHE"] = {"path": str(cache / "pages" / ROOTS[lang])}
    if preview is not None:
        preview.configure(settings)
    return settings


class InvalidContent(Exception):
    """The content check found an error (its problems are printed already)."""


class _CheckWhileBuilding:
    """Runs in this process while the sites are built: checks the content, empties the trash."""

    def __init__(self, trash: Path, check: Callable[[], bool]) -> None:
        self.trash = trash
        self.check = check
        self.valid: bool | None = None

    def __call__(self) -> bool:
        self.valid = self.check()  # first: the sites wait for it before committing caches
        empty_trash(self.trash)
        return self.valid


def run_pelican(settings: dict, check: Callable[[], bool] = lambda: True) -> None:
    """Build the main site and its sub-site at once, with every warning fatal.

    While the sites are built, this process runs ``check`` (the content check)
    and deletes any output root an earlier build retired and left behind. What
    the sites print is held back until the check has passed: a communicator's
    mistake is reported by the check alone, in their words, never also by
    Pelican. Raises :class:`InvalidContent` when the check fails.
    """
    from pelican.log import init as init_logging

    init_logging(level=logging.WARNING, fatal="warnings")
    # every namespaced setting checked, and "today" fixed, once, before Pelican: a wrong
    # value stops the build here; each site's ``initialized`` keeps what is read here
    read_once(settings)
    logs = Path(tempfile.mkdtemp(prefix=".logs-", dir=Path(settings["OUTPUT_PATH"]).parent))
    meanwhile = _CheckWhileBuilding(trash_folder(settings), check)
    built = build_sites(settings, while_waiting=meanwhile, after_site=index_search, log_folder=logs)
    if meanwhile.valid is False:
        raise InvalidContent
    sys.stderr.write(site_logs(logs))
    if not built:
        raise RuntimeError("Pelican stopped on an error or a warning (see above)")


def index_search(root: Path, settings: dict) -> None:
    """Write the site's Pagefind search index under ``root/pagefind/`` (tools/search_index.py).

    Runs in the site's process on the staged root, after Pelican and before the
    swap-in, so that a failed index fails the build and never reaches ``output/``.
    Pagefind reads ``<html lang>`` for its stemming and indexes only ``data-pagefind-body``.
    """
    search_index.index_site(root, settings)


def trash_folder(settings: dict) -> Path:
    """Where retired output roots wait to be deleted: beside the caches, never in output/."""
    return Path(settings["CACHE_PATH"]).parent / ".retired"


def empty_trash(trash: Path) -> None:
    for entry in sorted(trash.iterdir()) if trash.is_dir() else []:
        shutil.rmtree(entry, ignore_errors=True)


def empty_trash_later(trash: Path) -> None:
    """Delete the retired roots in a detached, low-priority process; the build is done.

    Deleting some 10,000 files and links made a warm build at 1,000 activities per
    language wait about a tenth longer (the disk's journal is shared with the sites
    being written), and nobody needs to wait for it. Whatever it leaves (say, the
    machine stops) the next build deletes while it builds (see run_pelican).
    """
    entries = [str(entry) for entry in sorted(trash.iterdir())] if trash.is_dir() else []
    if entries:
        # nice(1), not preexec_fn=os.nice: preexec_fn is unsafe in a process with threads
        subprocess.Popen(
            ["nice", "-n", "19", "rm", "-rf", "--", *entries],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )


def swap_in(staging: Path, output: Path, trash: Path | None = None) -> None:
    """Replace output/se and output/no by the staged roots, one rename each.

    The old roots are moved to ``trash`` and deleted once the build is done, in
    the background (see empty_trash_later), or deleted now when there is no
    trash on the same file system.
    """
    output.mkdir(parents=True, exist_ok=True)
    retired = Path(tempfile.mkdtemp(prefix=".retired-", dir=output))
    for folder in ROOTS.values():
        current = output / folder
        if current.exists():
            current.rename(retired / folder)
        (staging / folder).rename(current)
    if trash is not None:
        try:
            trash.mkdir(parents=True, exist_ok=True)
            retired.rename(trash / retired.name)
            return
        except OSError:  # another file system: delete it now
            pass
    shutil.rmtree(retired)


def content_root_of(settings_file: Path, content: Path | None) -> Path:
    """The content folder: ``content``, else the settings' PATH."""
    from pelican.settings import read_settings

    return content if content is not None else Path(read_settings(str(settings_file))["PATH"])


def content_is_valid(content_root: Path, project: object | None = None) -> bool:
    """Run the content check; print its errors and return False when there is one.

    ``project`` is the settings' project period (``commands.check.project_of``); None for
    the check's default (the period pelicanconf.py names).
    """
    from .check import check_content, print_problems, summary

    found = (
        check_content(content_root, ROOT, warnings=False)
        if project is None
        else check_content(content_root, ROOT, project, warnings=False)
    )
    errors = [p for p in found if p.severity == "error"]
    if errors:
        print_problems(errors, stream=sys.stderr)
        say(summary(errors), CHECK_FIRST)
    return not errors


def refuse_links(content_root: Path) -> bool:
    """True (after printing the check's errors) when content/ holds a symbolic link.

    Checked before Pelican starts, not beside it as the rest of the check is:
    Pelican's file walk follows links, so it would read what a link leads to
    (a file outside the repository, ``/proc/self/environ``) while the check ran.
    """
    from .check import has_links

    if not has_links(content_root):
        return False
    if content_is_valid(content_root):  # cannot be: a link is an error of the check
        say("build: content/ har en symbolisk länk / har en symbolsk lenke", CHECK_FIRST)
    return True


def build(
    settings_file: Path,
    output: Path,
    content: Path | None = None,
    cache: Path | None = None,
    preview: Preview | None = None,
) -> int:
    """Build both sites into ``output``; return a process exit code.

    A ``preview`` is finished (its links moved into the preview) on the staged
    roots, before they replace the output: a preview is swapped in whole, too.
    """
    content_root = content_root_of(settings_file, content)
    if refuse_links(content_root):
        return 1
    output.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=output))
    try:
        compile_catalogues()  # in the try: a broken catalogue ends in words too, not a traceback
        settings = pelican_settings(settings_file, staging, content, cache, preview)
        from .check import project_of  # imported late, as in content_is_valid

        project = project_of(settings)
        run_pelican(settings, partial(content_is_valid, content_root, project))
        missing = [folder for folder in ROOTS.values() if not (staging / folder).is_dir()]
        if missing:
            say(f"build: ingen utdata för / ingen utdata for {', '.join(missing)}", KEPT)
            return 1
        if preview is not None:
            preview.finish(staging, settings)
        swap_in(staging, output, trash_folder(settings))
        empty_trash_later(trash_folder(settings))
    except InvalidContent:
        return 1
    except Exception as error:  # Pelican raises on the first fatal warning
        say(f"build: för utvecklare / for utviklere: {type(error).__name__}: {error}", KEPT)
        return 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    parser.add_argument("--output", type=Path, default=ROOT / "output")
    parser.add_argument("--content", type=Path, help="content folder (default: the settings' PATH)")
    parser.add_argument(
        "--cache", type=Path, help="cache folder (default: the settings' CACHE_PATH)"
    )
    parser.add_argument("--compile-only", action="store_true", help="only compile catalogues")
    for lang, variable in VARIABLES.items():
        parser.add_argument(
            f"--{variable.lower().replace('_', '-')}",
            dest=f"preview_{lang}",
            metavar="URL",
            help=f"build a preview: the {lang} site's preview address (https://…/)",
        )
    parser.add_argument(
        "--offline", action="store_true", help="build a preview that works from a folder"
    )
    args = parser.parse_args(argv)
    if args.compile_only:
        compile_catalogues()
        return 0
    try:
        preview = preview_of(args)
    except PreviewAddressError as error:
        say(str(error), KEPT)
        return 2
    # absolute, not resolved: a content folder that is itself a link must be seen as one
    content = Path(os.path.abspath(args.content)) if args.content else None
    cache = args.cache.resolve() if args.cache else None
    return build(args.settings.resolve(), args.output.resolve(), content, cache, preview)


def preview_of(args: argparse.Namespace) -> Preview | None:
    """The preview the options ask for: offline, deployed (both addresses given), or none.

    One address without the other is an error, not a half preview: a language
    switch would lead out of it.
    """
    given = {lang: getattr(args, f"preview_{lang}") for lang in VARIABLES}
    if args.offline:
        return Preview(OFFLINE)
    if all(value is None for value in given.values()):
        return None
    return Preview(DEPLOYED, preview_addresses({k: v or "" for k, v in given.items()}))


if __name__ == "__main__":
    sys.exit(main())
