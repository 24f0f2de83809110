"""The content check: every mistake in content/ named at once, before anything is built.

``check_content`` reads every file under the content folder, reports the files
that cannot be read at all, and runs the rules on the rest. Rules are plain
functions listed in two lists, so a new rule (an image check, say) is one
function and one entry in ``ITEM_RULES`` at the end of ``check_rules.py``.

An item rule is ``(item, context) -> Iterable[Problem]`` and sees one content
file; a collection rule is ``(items, context) -> Iterable[Problem]`` and sees all
of them (duplicate names, the two language versions of one item). A rule that
crashes is reported as a ``check-failed`` problem, so one bug never hides the
other problems behind a traceback.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from markdown import Markdown

from ..content.companies import companies_path
from ..content.contract import INITIATIVES, LANGUAGES, SECTIONS
from ..content.files import ContentTree, content_folder, link_problems, walk
from ..content.frontmatter import FrontMatterError, read_limited, split
from ..content.index import ContentItem
from ..pictures.images import IMAGE_SUFFIXES, ImageError, ImageInfo
from ..progress.phases import ProjectPeriod
from ..settings import DEFAULT_PERIOD
from ..today import build_moment
from .companies import check_companies
from .file_rules import ITEM_RULES
from .folders import not_content_folder_problems
from .history import Change, ChangeHistory
from .messages import FILE_FIELD, frontmatter_problem, make_problem
from .pair_rules import COLLECTION_RULES, WARNING_ONLY_RULES
from .problems import Problem

log = logging.getLogger(__name__)

__all__ = ["COLLECTION_RULES", "ITEM_RULES", "CheckContext", "check_content", "has_errors"]

#: what a rule can run into on content it did not foresee (a value of an odd type, a
#: missing key, a file that went away, a library's own RuntimeError): reported as
#: ``check-failed`` on that file, and the other rules still run. Anything else (an
#: ImportError, a NameError, MemoryError) is a broken check: it stops with its traceback.
RULE_ERRORS = (ValueError, TypeError, LookupError, AttributeError, ArithmeticError, OSError,
               RuntimeError)  # fmt: skip


@dataclass
class CheckContext:
    """What rules need beyond the one file they look at."""

    content_root: Path
    repo_root: Path
    #: the project period of the settings (SAMSPEL_PROJECT): activities outside it are not counted
    project: ProjectPeriod = DEFAULT_PERIOD
    company_ids: set[str] = field(default_factory=set)
    #: slugs of every initiative file, parsed or not (so one broken file does not cascade)
    initiatives: set[str] = field(default_factory=set)
    #: (section, slug, lang) of every well-named content file, parsed or not
    files: set[tuple[str, str, str]] = field(default_factory=set)
    #: what each picture file turned out to be (decoded once, though both languages use it)
    pictures: dict[Path, ImageInfo | ImageError] = field(default_factory=dict, repr=False)
    #: the content contract's Markdown per language, built once per check (check_html.py)
    converters: dict[str, Markdown] = field(default_factory=dict, repr=False)
    #: the build's moment (SOURCE_DATE_EPOCH or the clock): what "over" is measured against
    now: datetime = field(default_factory=build_moment)
    #: what :meth:`relative` answered, for this check only
    _shown: dict[Path, PurePosixPath] = field(default_factory=dict, init=False, repr=False)
    #: when each file last changed, asked of Git only when a message needs it
    _history: ChangeHistory | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        # resolved once, here: the paths shown are then made from the walk's own paths as
        # text, so a symbolic link is named by itself, never by where it leads
        repo, content = self.repo_root.resolve(), content_folder(self.content_root)
        self._bases = (os.fspath(repo), os.fspath(content.parent))

    def relative(self, path: Path) -> PurePosixPath:
        """A path as the communicator sees it: relative to the repository, links not followed."""
        shown = self._shown.get(path)
        if shown is None:
            shown = self._shown[path] = self._relative_text(os.path.abspath(path))
        return shown

    def _relative_text(self, absolute: str) -> PurePosixPath:
        """Relative to the repository, else to the content folder's parent, else absolute."""
        for base in self._bases:
            if absolute == base:
                return PurePosixPath(".")
            prefix = base if base.endswith("/") else base + "/"
            if absolute.startswith(prefix):
                return PurePosixPath(absolute[len(prefix) :])
        return PurePosixPath(absolute)

    def change(self, path: Path) -> Change:
        """When ``path`` last changed (Git, else the file's time): which of a pair is newer."""
        if self._history is None:
            self._history = ChangeHistory(self.content_root)
        return self._history.change(path)

    def content_path(self, section: str, slug: str, lang: str) -> PurePosixPath:
        return self.relative(self.content_root / section / f"{slug}.{lang}.md")

    def report(
        self,
        item: ContentItem,
        field_name: str,
        code: str,
        line: int | None = None,
        variant: str | None = None,
        **params: object,
    ) -> Problem:
        """A problem in ``item``, at ``line`` or the field's line (1 when the field is missing)."""
        if line is None:
            value = item.fields.get(field_name)
            line = value.line if value is not None else 1
        return make_problem(
            self.relative(item.path), line, field_name, code, item.lang, variant, **params
        )


def file_name_parts(name: str) -> tuple[str, str | None]:
    """``("slug", "sv")`` from ``slug.sv.md``; the language is None without a suffix."""
    if "/" in name or name == ".":
        stem = PurePosixPath(name).stem
    else:  # what PurePosixPath(name).stem answers, without building a path for every file
        dot = name.rfind(".")
        stem = name[:dot] if 0 < dot < len(name) - 1 else name
    slug, dot, lang = stem.rpartition(".")
    return (slug, lang) if dot else (stem, None)


def read_item(path: Path, context: CheckContext) -> tuple[ContentItem | None, list[Problem]]:
    """Read one content file; return the item, or None and why it cannot be checked further."""
    folder_text, name = os.path.split(os.fspath(path))
    section = os.path.basename(folder_text)
    slug, lang = file_name_parts(name)
    message_lang = lang if lang in LANGUAGES else "sv"

    def file_problem(code: str, at: int = 1, **params: object) -> list[Problem]:
        return [make_problem(context.relative(path), at, FILE_FIELD, code, message_lang, **params)]

    # one folder below content/: the folder's parent is the content folder (no Path needed)
    if os.path.dirname(folder_text) != os.fspath(context.content_root) or section not in SECTIONS:
        folder = path.parent.relative_to(context.content_root)
        if len(folder.parts) != 1 or section not in SECTIONS:
            return None, file_problem("unknown-section", value=f"content/{folder.as_posix()}")
    if lang not in LANGUAGES or path.suffix != ".md":
        suggestion = f"{slug}.sv.md / {slug}.nb.md"
        return None, file_problem("unknown-language", value=path.name, suggestion=suggestion)
    context.files.add((section, slug, lang))
    if section == INITIATIVES:
        context.initiatives.add(slug)
    try:
        data = read_limited(path)  # at most one byte past the limit, however large the file
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, file_problem("not-utf8", line, row=line)
    except FrontMatterError as error:  # too large to read
        return None, [frontmatter_problem(context.relative(path), error, message_lang)]
    if not text.strip("\ufeff \t\r\n"):
        return None, file_problem("empty-file")
    try:
        head = split(text)
    except FrontMatterError as error:
        return None, [frontmatter_problem(context.relative(path), error, lang)]
    return ContentItem(section, slug, lang, path, head.fields, head.body, head.body_line), []


def _guarded(rule: Callable, subject, context: CheckContext, path: Path) -> list[Problem]:
    """Run one rule; a crash becomes a ``check-failed`` problem instead of a traceback."""
    try:
        return list(rule(subject, context))
    except RULE_ERRORS as error:
        log.debug("content check rule %s failed", getattr(rule, "__name__", rule), exc_info=True)
        lang = getattr(subject, "lang", "sv")
        detail = f"{getattr(rule, '__name__', rule)}: {type(error).__name__}: {error}"
        return [
            make_problem(context.relative(path), 1, FILE_FIELD, "check-failed", lang, detail=detail)
        ]


def content_files(content_root: Path) -> list[Path]:
    """Every Markdown file under content/, except in the picture and data folders.

    The walk and its skip rule are content_files.py's, shared with the build: no
    symbolic link, no dot-file, no editor backup.
    """
    return walk(content_folder(content_root)).markdown


class _PictureMemo(dict):
    """``CheckContext.pictures`` that never lets the picture rule open a path through a link.

    The picture rule opens every picture an item names, and asks this memo
    first (``path not in seen``). A path through a symbolic link is answered
    here as a missing picture, before anything could open it; the link itself
    is reported as ``symlink``.
    """

    def __init__(self, tree: ContentTree) -> None:
        super().__init__()
        self._tree = tree

    def __contains__(self, path: object) -> bool:
        if super().__contains__(path):
            return True
        if isinstance(path, Path) and self._tree.through_link(path):
            self[path] = ImageError("image-missing", "symlink")
            return True
        return False


def _library_problems(tree: ContentTree, context: CheckContext) -> list[Problem]:
    """``not-a-picture`` for each file in bilder/ that the picture pipeline does not read.

    Pictures are published only as re-encoded derivatives, so nothing else has
    a use there; an SVG, an HTML or a script file would be a page on our domain.
    """
    return [
        make_problem(context.relative(path), 1, FILE_FIELD, "not-a-picture", "sv", value=path.name)
        for path in tree.library
        if not path.name.lower().endswith(IMAGE_SUFFIXES)
    ]  # a Markdown file there is in tree.misplaced: wrong-folder names the folder it fits


def check_content(
    content_root: Path,
    repo_root: Path,
    project: ProjectPeriod = DEFAULT_PERIOD,
    warnings: bool = True,
) -> list[Problem]:
    """Every problem in every file under ``content_root``, sorted by file and line.

    ``project`` is the settings' project period (``make check`` and the build pass
    it; the default is the period pelicanconf.py names). With ``warnings=False``
    (the build) the rules that can only warn are not run; every error still is.
    """
    content_root = content_folder(content_root)
    tree = walk(content_root)
    context = CheckContext(content_root, repo_root, project)
    context.pictures = _PictureMemo(tree)
    problems = link_problems(tree.links, context.relative)
    problems += _library_problems(tree, context)
    problems += not_content_folder_problems(tree.misplaced, context)
    companies = companies_path(content_root)
    if not tree.through_link(companies) and companies.is_file():
        ids, company_problems = check_companies(companies, context.relative(companies))
        context.company_ids = ids
        problems += company_problems
    items: list[ContentItem] = []
    for path in tree.markdown:
        try:
            item, file_problems = read_item(path, context)
        except (OSError, ValueError) as error:  # an unreadable file, a permission error …
            detail = f"{type(error).__name__}: {error}"
            relative = context.relative(path)
            file_problems = [
                make_problem(relative, 1, FILE_FIELD, "check-failed", "sv", detail=detail)
            ]
            item = None
        problems += file_problems
        if item is not None:
            items.append(item)
    for item in items:
        for rule in ITEM_RULES:
            problems += _guarded(rule, item, context, item.path)
    for rule in COLLECTION_RULES:
        if warnings or rule not in WARNING_ONLY_RULES:
            problems += _guarded(rule, items, context, content_root)
    return sorted(problems)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(problem.severity == "error" for problem in problems)
