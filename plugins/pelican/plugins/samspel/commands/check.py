"""``make check``: every problem in content/, in Swedish or Norwegian, before anything is built.

Prints one line per problem (``path:line: error: field: message [code]``) and,
on GitHub Actions, the same problem as an annotation on the pull request's diff.
Exits 1 when there is an error; warnings alone (a missing translation, an
unknown field) exit 0.

The project period (``SAMSPEL_PROJECT``, for the warnings about activities
outside it) comes from the settings file, pelicanconf.py unless told otherwise.

Usage: samspel check [--content content] [--settings pelicanconf.py]
"""

from __future__ import annotations

import argparse
import os
import runpy
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TextIO

from ..check.problems import Problem
from ..check.runner import check_content, has_errors
from ..content.files import symbolic_links
from ..progress.phases import ProjectPeriod
from ..settings import SettingsError, project_period
from .project import project_root

ROOT = project_root()


def project_of(settings: Mapping[str, object]) -> ProjectPeriod:
    """The project period of Pelican settings (a dict, or a settings file's names)."""
    return project_period(settings)


def project_of_file(settings_file: Path) -> ProjectPeriod:
    """The project period a settings file names, without loading Pelican (it is slow to import).

    The file is plain Python (pelicanconf.py, or publishconf.py importing it).
    """
    return project_of(runpy.run_path(str(settings_file)))


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def summary(problems: Iterable[Problem]) -> str:
    """One line, in Swedish and Norwegian, counting errors and warnings."""
    problems = list(problems)
    errors = sum(1 for problem in problems if problem.severity == "error")
    warnings = len(problems) - errors
    if not problems:
        return "make check: innehållet är i ordning / innholdet er i orden"
    swedish = f"{errors} fel och {_plural(warnings, 'varning', 'varningar')}"
    norwegian = f"{errors} feil og {_plural(warnings, 'advarsel', 'advarsler')}"
    return f"make check: {swedish} / {norwegian}"


def print_problems(
    problems: Iterable[Problem], stream: TextIO = sys.stdout, github: bool | None = None
) -> None:
    """Each problem as a line, plus a GitHub annotation when running on GitHub Actions."""
    if github is None:
        github = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem.format(), file=stream)
        if github:
            print(problem.github_annotation(), file=stream)


def has_links(content_root: Path) -> bool:
    """True when the content folder holds a symbolic link (or is one); nothing is opened.

    The build asks this before it starts Pelican, whose file walk follows links.
    """
    return bool(symbolic_links(content_root))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    args = parser.parse_args(argv)
    if not args.content.is_dir():
        print(f"make check: {args.content} finns inte / finnes ikke", file=sys.stderr)
        return 2
    try:
        project = project_of_file(args.settings)
    except SettingsError as error:
        print(f"make check: {args.settings}: {error}", file=sys.stderr)
        return 2
    problems = check_content(args.content, ROOT, project)
    print_problems(problems)
    print(summary(problems))
    return 1 if has_errors(problems) else 0


if __name__ == "__main__":
    sys.exit(main())
