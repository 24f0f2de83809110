"""Which files under content/ are content: one rule for the content check and the build.

The check (``make check``) and Pelican must agree on which files are content, or
a file the check never read is published. So both take the rule from here:

- A name matching :data:`SKIP_PATTERNS` (dot-files such as ``.DS_Store`` or
  ``.gomd.sv.md``, editor backups and lock files) is never content, nor is
  anything in a folder with such a name. The check skips it and the plugin adds
  the same patterns to Pelican's ``IGNORE_FILES`` (:func:`with_skip_patterns`).
- A symbolic link is never content, wherever it is, whatever its name: a link
  leads anywhere (a file outside the repository, ``/proc/self/environ``), and
  Pelican's file walk would read and publish what it leads to. :func:`walk`
  only looks at links (``lstat``), never follows one, and lists every link so
  that the check reports it and the build refuses to start.

A pull request is written by anyone, so everything here assumes hostile content.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath

from ..check.messages import FILE_FIELD, make_problem
from ..check.problems import Problem
from .contract import DATA_SECTION, PICTURES

#: names that are never content (fnmatch patterns, as Pelican's IGNORE_FILES matches them):
#: dot-files and dot-folders, Emacs lock files, and backups of Emacs, Vim and others
SKIP_PATTERNS: tuple[str, ...] = (".*", ".#*", "*~", "#*#", "*.swp")
#: the same patterns as one expression, because the check tests thousands of names
_SKIPPED = re.compile("|".join(fnmatch.translate(pattern) for pattern in SKIP_PATTERNS))
#: what Pelican's Markdown reader would read (``MarkdownReader.file_extensions``), in any case:
#: the check names each such file, though only ``.md`` (read by our reader) is published
MARKDOWN_SUFFIXES: tuple[str, ...] = (".md", ".markdown", ".mkd", ".mdown")
#: folders under content/ that hold no Markdown content files (pictures, data)
NOT_CONTENT: tuple[str, ...] = (PICTURES, DATA_SECTION)


def is_skipped(name: str) -> bool:
    """True for a file or folder name that is never content (``.env``, ``kafe.sv.md~``)."""
    return _SKIPPED.match(name) is not None


def is_markdown(name: str) -> bool:
    """True when the name ends with one of :data:`MARKDOWN_SUFFIXES`, in any case."""
    dot = name.rfind(".")
    return 0 < dot < len(name) - 1 and name[dot:].lower() in MARKDOWN_SUFFIXES


def with_skip_patterns(ignore_files: Iterable[str]) -> list[str]:
    """Pelican's ``IGNORE_FILES`` with :data:`SKIP_PATTERNS` added (each once).

    The site's own patterns (``*.nb.md`` for the Swedish site) stay first; the
    plugin runs once per site, so adding twice must not grow the list.
    """
    patterns = list(ignore_files)
    return patterns + [pattern for pattern in SKIP_PATTERNS if pattern not in patterns]


@dataclass(frozen=True)
class ContentTree:
    """What one walk of the content folder found, each list sorted by path."""

    root: Path
    #: Markdown files outside bilder/ and data/ (the check reads each one)
    markdown: list[Path]
    #: every file in bilder/ and its folders, of any kind (only pictures may be there)
    library: list[Path]
    #: every symbolic link, at any depth, skipped name or not (none may exist)
    links: list[Path]
    #: Markdown files in bilder/ or data/: never published, so the check names each one
    #: (a text put there by mistake would otherwise vanish from the site without a word)
    misplaced: list[Path] = field(default_factory=list)

    @cached_property
    def _link_texts(self) -> frozenset[str]:
        return frozenset(os.fspath(link) for link in self.links)

    def through_link(self, path: Path) -> bool:
        """True when ``path`` is a link, lies in a linked folder, or the root is a link.

        Decided from the walk's list and the text of the path alone (``..`` taken
        as written, which is right up to the first link), so that nothing is
        opened, not even to ask.
        """
        links = self._link_texts
        if not links:
            return False
        root = os.fspath(self.root)
        if root in links:
            return True
        text = os.path.abspath(os.fspath(path))
        while text.startswith(root + os.sep):
            if text in links:
                return True
            text = os.path.dirname(text)
        return False


def content_folder(path: Path) -> Path:
    """``path`` made absolute with every folder above it resolved, but not ``path`` itself.

    Resolved once, so that every path the walk builds from it is the real one
    without asking the file system again; not the last step, so that a content
    folder that is itself a link is seen as one.
    """
    absolute = Path(os.path.abspath(path))
    return absolute.parent.resolve() / absolute.name if absolute.name else absolute


def walk(content_root: Path, *, links_only: bool = False) -> ContentTree:
    """Every file under ``content_root`` that matters, without following a single link.

    ``content_root`` is best given as :func:`content_folder` answers it. With
    ``links_only`` only the links are listed (a tenth of the time: the build
    asks before each site starts, the check lists everything).

    Uses ``os.scandir`` (one system call per folder; a directory entry already
    says whether it is a link, a folder or a file). A folder it may not read is
    skipped, as Pelican skips it. Skipped folders are walked for links too: a
    picture may be named by any path, so no link may hide anywhere.
    """
    markdown: list[tuple[str, ...]] = []
    library: list[tuple[str, ...]] = []
    links: list[tuple[str, ...]] = []
    misplaced: list[tuple[str, ...]] = []

    def visit(folder: str, parts: tuple[str, ...], skipped: bool) -> None:
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except (PermissionError, NotADirectoryError, FileNotFoundError):
            return
        for entry in listed:
            name = entry.name
            here = (*parts, name)
            if entry.is_symlink():
                links.append(here)
                continue
            if links_only:
                if entry.is_dir(follow_symlinks=False):
                    visit(entry.path, here, skipped)
                continue
            hidden = skipped or is_skipped(name)
            if entry.is_dir(follow_symlinks=False):
                visit(entry.path, here, hidden)
            elif hidden or not entry.is_file(follow_symlinks=False):
                continue
            elif parts and parts[0] in NOT_CONTENT and is_markdown(name):
                misplaced.append(here)
            elif parts and parts[0] == PICTURES:
                library.append(here)
            elif not (parts and parts[0] in NOT_CONTENT) and is_markdown(name):
                markdown.append(here)

    root = os.fspath(content_root)
    if os.path.islink(root):  # the content folder itself replaced by a link
        return ContentTree(content_root, [], [], [content_root])
    visit(root, (), False)

    def paths(found: list[tuple[str, ...]]) -> list[Path]:
        return [content_root.joinpath(*parts) for parts in sorted(found)]

    return ContentTree(
        content_root, paths(markdown), paths(library), paths(links), paths(misplaced)
    )


def symbolic_links(content_root: Path) -> list[Path]:
    """Every symbolic link under ``content_root`` (or the folder itself, if it is one)."""
    return walk(content_folder(content_root), links_only=True).links


def link_problems(links: Iterable[Path], shown: Callable[[Path], PurePosixPath]) -> list[Problem]:
    """A ``symlink`` error for each link, named by ``shown(link)``: the link, never its target.

    In the file's language: Norwegian for a link named ``….nb.md``, else Swedish.
    """
    problems = []
    for link in links:
        suffixes = link.name.split(".")
        lang = suffixes[-2] if len(suffixes) > 2 else "sv"
        problems.append(make_problem(shown(link), 1, FILE_FIELD, "symlink", lang))
    return problems


class SymbolicLinkError(SystemExit):
    """The content folder holds a symbolic link: nothing may be built from it.

    A SystemExit, so that Pelican stops with this one line: its ``main`` logs
    any Exception with a traceback, which no communicator should have to read.
    """


def refuse_links(content_root: Path) -> None:
    """Stop with :class:`SymbolicLinkError` (one line, ``samspel:``) when content has a link.

    For a direct ``pelican`` run: tools/build.py refuses before Pelican starts,
    but Pelican run by hand would otherwise read what a link leads to.
    """
    links = symbolic_links(content_root)
    if links:
        base = content_folder(content_root).parent
        problems = link_problems(links, lambda link: PurePosixPath(link.relative_to(base)))
        raise SymbolicLinkError("samspel: " + " | ".join(p.format() for p in problems))
