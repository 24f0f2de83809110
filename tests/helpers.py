"""Build real sites for the tests and read what they wrote.

Every build runs ``python -m pelican.plugins.samspel.commands.build`` (``samspel
build``) in a subprocess, exactly as ``make html`` does, because
pelican-i18n-subsites keeps module-level state that must not leak from one build
into the next.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from bs4 import BeautifulSoup
from pelican.plugins.samspel.sites.table import FOLDERS, SITES, site_urls

REPO = Path(__file__).resolve().parent.parent
LOCAL_SETTINGS = REPO / "pelicanconf.py"
PUBLISH_SETTINGS = REPO / "publishconf.py"
#: what the tests read of the table of sites (test_sites.py pins the table's values once)
#: site language -> its publish root under the output folder
ROOT_OF = FOLDERS
#: site language -> its URL in a local build (pelicanconf.py) and in a publish build
LOCAL_URLS = site_urls(public=False)
PUBLISH_URLS = site_urls(public=True)
#: site language -> Babel's locale (og:locale)
LOCALES = {site.lang: site.locale for site in SITES}
#: deploy variable -> the publish root it deploys (DEPLOY_SE -> se)
DEPLOY_TARGETS = {site.deploy_variable: site.folder for site in SITES}
#: fixture sites as real files: tests/data/<name>/content
DATA = REPO / "tests" / "data"
#: what every Pagefind fragment file starts with, once unzipped
FRAGMENT_HEADER = b"pagefind_dcd"


def is_redirect(html_file: Path) -> bool:
    """Whether the page only sends the visitor on (theme/templates/redirect.html)."""
    head = html_file.read_text(encoding="utf-8").split("</head>", 1)[0]
    return 'http-equiv="refresh"' in head


@dataclass
class Build:
    """The outcome of one build: exit code, log, and the two roots."""

    returncode: int
    log: str
    output: Path

    def root(self, lang: str) -> Path:
        return self.output / ROOT_OF[lang]

    def html_files(self, lang: str) -> list[Path]:
        """Every page a visitor reads: redirect pages (a former address, which only leads
        on; tests/test_own_addresses.py reads them) are left out."""
        return [file for file in sorted(self.root(lang).rglob("*.html")) if not is_redirect(file)]

    def soup(self, lang: str, path: str) -> BeautifulSoup:
        """Parse the page at ``path`` (a URL path like ``aktiviteter/x/``) of one site."""
        target = self.root(lang) / path
        if path == "" or path.endswith("/"):
            target = target / "index.html"
        return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")


def run_build(
    output: Path,
    content: Path | None = None,
    settings: Path = LOCAL_SETTINGS,
    source_date_epoch: int | None = None,
    cache: Path | None = None,
    image_cache: Path | None = None,
) -> Build:
    """Run the project's build into ``output`` and return what happened.

    Pelican's caches go to ``cache`` (default: ``build-cache`` beside ``output``) and
    encoded pictures to ``image_cache`` (default: ``image-cache`` beside it): never to
    the repository's own cache.
    """
    command = [
        sys.executable,
        "-m",
        "pelican.plugins.samspel.commands.build",
        "--settings",
        str(settings),
    ]
    command += ["--output", str(output)]
    if content is not None:
        command += ["--content", str(content)]
    # Pelican's caches beside the output, never in the repository's own cache/
    command += ["--cache", str(cache or output.parent / "build-cache")]
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    env["COLUMNS"] = "250"  # rich wraps log lines at the terminal width: keep each on one line
    env["SAMSPEL_IMAGE_CACHE"] = str(image_cache or output.parent / "image-cache")
    if source_date_epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(source_date_epoch)
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    return Build(result.returncode, result.stdout + result.stderr, output)


def activity(fields: Mapping[str, object], body: str = "Text.\n", **changes: object) -> str:
    """A content file (an activity, or any item): YAML front matter between ``---``, then ``body``.

    The one writer of fixture front matter: ``fields`` in their order with ``changes``
    laid over them (a changed field keeps its place, a new key goes last, None leaves
    a field out), each as ``key: value``, written as given (quote a value in it).
    """
    merged = {**fields, **changes}
    head = "".join(f"{key}: {value}\n" for key, value in merged.items() if value is not None)
    return f"---\n{head}---\n{body}"


def write_content(root: Path, files: dict[str, str]) -> Path:
    """Write a small content folder: ``{"aktiviteter/x.sv.md": "---\\n..."}``."""
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def fixture_files(name: str) -> MappingProxyType[str, str]:
    """The files of the fixture site ``tests/data/<name>/content``, by path, read-only.

    For a test that lays its own changes over the fixture (``{**files, path: text}``).
    """
    content = DATA / name / "content"
    return MappingProxyType(
        {
            path.relative_to(content).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(content.rglob("*"))
            if path.is_file()
        }
    )


def copy_fixture(name: str, destination: Path) -> Path:
    """``tests/data/<name>/content`` copied to ``destination``, which it returns.

    A copy outside the repository's Git, each file written now (``copyfile``, not
    ``copy2``): what a build reads from history (``history.last_change``, DTSTAMP)
    is then what it reads in a fresh folder, as when the tests wrote the files.
    """
    shutil.copytree(DATA / name / "content", destination, copy_function=shutil.copyfile)
    return destination


def write_settings(path: Path, extra: str) -> Path:
    """A settings file: the repository's local settings with ``extra`` lines after them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"from pelican.plugins.samspel.settings import inherit\n"
        f"globals().update(inherit({str(REPO / 'pelicanconf.py')!r}))\n{extra}\n",
        encoding="utf-8",
    )
    return path


def search_bundles(root: Path) -> list[Path]:
    """The site's Pagefind bundles: the primary one, then those listed in its shards.json."""
    primary = root / "pagefind"
    listed = json.loads((primary / "shards.json").read_text(encoding="utf-8"))["bundles"]
    return [primary, *(primary / name for name in listed)]


def indexed_pages(bundle: Path) -> dict[str, str]:
    """URL -> indexed text, read from one bundle's (gzip, JSON) fragment files."""
    pages = {}
    for fragment in sorted((bundle / "fragment").iterdir()):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(FRAGMENT_HEADER)
        record = json.loads(data[len(FRAGMENT_HEADER) :])
        pages[record["url"]] = record["content"]
    return pages
