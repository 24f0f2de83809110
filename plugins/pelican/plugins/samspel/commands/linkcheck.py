"""The link gate: every link in both publish roots must lead to a file that exists.

Checks each ``href``, ``src`` and ``srcset`` (on ``<a>``, ``<link>``, ``<img>``,
``<source>``, ``<script>`` … any element) and the ``og:url``/``og:image`` of
every HTML page in ``output/se`` and ``output/no``, plus the links in the
feeds and sitemaps. A link is internal when it is relative, root-relative, or
an absolute URL of either site (the two URLs come from the settings file, so the
same check works for a local build on localhost:8000/8001 and a publish build on
samspel63.se/.no). Internal links are resolved against the files written: a path
ending in ``/`` means its ``index.html``, and a ``#fragment`` must be an ``id``
(or ``<a name>``) in the target page. External links are counted and, with
``-v``, listed; they are never fetched.

Usage: samspel linkcheck --settings publishconf.py --output output [-v]
"""

from __future__ import annotations

import argparse
import runpy
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

from ..sites.table import FOLDERS
from .project import project_root

ROOT = project_root()

#: site language -> folder of its publish root under the output folder (the table of sites)
ROOTS = FOLDERS
URL_ATTRIBUTES = ("href", "src")
OPEN_GRAPH_LINKS = {"og:url", "og:image"}
NOT_CHECKED_SCHEMES = {"mailto", "tel", "data", "sms", "geo"}


class LinkcheckError(ValueError):
    """The settings or the output folder do not allow a check."""


@dataclass
class Page:
    """What one parsed file contains: the links on it and the ids it defines."""

    links: list[tuple[int, str]] = field(default_factory=list)  # (line, url)
    ids: set[str] = field(default_factory=set)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        line = self.getpos()[0]
        for name in URL_ATTRIBUTES:
            if name in values:
                self.page.links.append((line, values[name].strip()))
        if "srcset" in values:
            for candidate in values["srcset"].split(","):
                if candidate.strip():
                    self.page.links.append((line, candidate.split()[0]))
        if tag == "meta" and values.get("property") in OPEN_GRAPH_LINKS:
            self.page.links.append((line, values.get("content", "").strip()))
        if values.get("id"):
            self.page.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.page.ids.add(values["name"])

    handle_startendtag = handle_starttag


def parse_html(path: Path) -> Page:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


def parse_xml(path: Path) -> Page:
    """Links of a feed (Atom ``<link href>``) or sitemap (``<loc>``)."""
    page = Page()
    for element in ElementTree.parse(path).iter():
        name = element.tag.rsplit("}", 1)[-1]
        if name == "link" and element.get("href"):
            page.links.append((0, element.get("href", "").strip()))
        elif name == "loc" and element.text:
            page.links.append((0, element.text.strip()))
    return page


@dataclass(frozen=True)
class Broken:
    page: str  # e.g. "se/aktiviteter/x/index.html"
    line: int
    url: str
    reason: str

    def format(self) -> str:
        where = f"{self.page}:{self.line}" if self.line else self.page
        return f"{where}: {self.url} ({self.reason})"


@dataclass
class Report:
    pages: int = 0
    links: int = 0
    broken: list[Broken] = field(default_factory=list)
    external: list[tuple[str, str]] = field(default_factory=list)  # (page, url)


def site_urls(settings_file: Path) -> dict[str, str]:
    """``{lang: site URL}`` from the settings file's ``SAMSPEL_SITES`` (or ``SITE_URLS``)."""
    settings = runpy.run_path(str(settings_file))
    sites = settings.get("SAMSPEL_SITES")
    urls = {lang: values["url"] for lang, values in sites.items()} if sites else {}
    urls = urls or dict(settings.get("SITE_URLS", {}))
    missing = set(ROOTS) - set(urls)
    if missing:
        raise LinkcheckError(f"samspel: {settings_file} names no URL for {sorted(missing)}")
    return {lang: urls[lang].rstrip("/") for lang in ROOTS}


class LinkChecker:
    """Checks the two roots under ``output`` against the two site URLs."""

    def __init__(self, output: Path, urls: dict[str, str]) -> None:
        self.output = output
        self.urls = urls
        self.roots = {lang: output / folder for lang, folder in ROOTS.items()}
        self._parsed: dict[Path, Page] = {}

    def page(self, path: Path) -> Page:
        if path not in self._parsed:
            self._parsed[path] = parse_html(path) if path.suffix == ".html" else parse_xml(path)
        return self._parsed[path]

    def files(self) -> Iterator[tuple[str, Path]]:
        for lang, root in self.roots.items():
            for path in sorted(root.rglob("*")):
                if path.suffix in {".html", ".xml"} and path.is_file():
                    yield lang, path

    def check(self) -> Report:
        for lang, root in self.roots.items():
            if not (root / "index.html").is_file():
                raise LinkcheckError(f"samspel: {root} has no index.html; build first")
            self.check_built_for(lang)
        report = Report()
        for lang, path in self.files():
            report.pages += 1
            relative = path.relative_to(self.output).as_posix()
            for line, url in self.page(path).links:
                report.links += 1
                reason = self.problem(lang, path, url)
                if reason == "external":
                    report.external.append((relative, url))
                elif reason:
                    report.broken.append(Broken(relative, line, url, reason))
        return report

    def check_built_for(self, lang: str) -> None:
        """Refuse a root built with other settings (a local build checked as publish)."""
        sitemap = self.roots[lang] / "sitemap.xml"
        if not sitemap.is_file():
            return
        locations = [url for _, url in self.page(sitemap).links]
        if locations and not locations[0].startswith(self.urls[lang] + "/"):
            raise LinkcheckError(
                f"samspel: {self.roots[lang]} was built for {locations[0]}, not for "
                f"{self.urls[lang]}: check it with the settings it was built with"
            )

    def page_url(self, lang: str, path: Path) -> str:
        relative = path.relative_to(self.roots[lang]).as_posix()
        return f"{self.urls[lang]}/{relative.removesuffix('index.html')}"

    def locate(self, url: str) -> tuple[str, str] | None:
        """``(lang, path inside that root)`` when ``url`` belongs to one of the two sites."""
        for lang, base in self.urls.items():
            if url == base or url.startswith(base + "/"):
                return lang, urlsplit(url).path[len(urlsplit(base).path) :]
        return None

    def problem(self, lang: str, page: Path, url: str) -> str | None:
        """Why ``url`` on ``page`` is broken, ``"external"``, or None when it is fine."""
        if not url:
            return "empty link"
        scheme = urlsplit(url).scheme.lower()
        if scheme in NOT_CHECKED_SCHEMES:
            return None
        if scheme == "webcal":
            url = self.webcal_to_http(url)
        if page.name == "404.html" and not (urlsplit(url).scheme or url.startswith(("/", "#"))):
            return "relative link on the 404 page, which is served at any path"
        absolute = urljoin(self.page_url(lang, page), url)
        if urlsplit(absolute).scheme not in {"http", "https"}:
            return f"unsupported scheme {scheme!r}"
        located = self.locate(absolute.split("#", 1)[0].split("?", 1)[0])
        if located is None:
            return "external"
        target_lang, path = located
        target = self.target_file(target_lang, path)
        if target is None:
            return f"no such file in {ROOTS[target_lang]}/"
        fragment = unquote(urlsplit(absolute).fragment)
        if fragment and target.suffix == ".html" and fragment not in self.page(target).ids:
            return f"no id {fragment!r} in {target.relative_to(self.output).as_posix()}"
        return None

    def webcal_to_http(self, url: str) -> str:
        """A ``webcal://`` subscription link is the http(s) URL of the same feed."""
        rest = url[len("webcal") :]
        for scheme in ("https", "http"):
            if self.locate(scheme + rest) is not None:
                return scheme + rest
        return "https" + rest

    def target_file(self, lang: str, path: str) -> Path | None:
        """The file a URL path of one site serves, or None."""
        root = self.roots[lang]
        parts = PurePosixPath(unquote(path or "/")).parts
        if ".." in parts:
            return None
        target = root.joinpath(*[part for part in parts if part != "/"])
        if path == "" or path.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None


def run(
    settings_file: Path,
    output: Path,
    verbose: bool = False,
    out=sys.stdout,
    urls: dict[str, str] | None = None,
) -> int:
    """Check, print the report, and return a process exit code (1 when a link is broken).

    ``urls`` replaces the settings' site URLs: a preview is checked against its own
    addresses, so that a link out of it (to the published sites) counts as external
    and a link into it must exist.
    """
    try:
        report = LinkChecker(output, urls or site_urls(settings_file)).check()
    except LinkcheckError as error:
        print(error, file=out)
        return 2
    for broken in report.broken:
        print(f"BROKEN {broken.format()}", file=out)
    if verbose:
        for page, url in report.external:
            print(f"external {page}: {url}", file=out)
    distinct = len({url for _, url in report.external})
    print(
        f"linkcheck: {report.pages} files, {report.links} links, "
        f"{len(report.broken)} broken, {len(report.external)} external links "
        f"({distinct} distinct, not fetched)",
        file=out,
    )
    return 1 if report.broken else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", type=Path, default=ROOT / "publishconf.py")
    parser.add_argument("--output", type=Path, default=ROOT / "output")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every external link")
    from .preview import (
        PreviewAddressError,
        add_preview_options,
        given_addresses,
        preview_addresses,
    )

    add_preview_options(parser, "check a preview built for this address")
    args = parser.parse_args(argv)
    urls = None
    given = given_addresses(args)
    if given is not None:
        try:
            urls = preview_addresses(given)
        except PreviewAddressError as error:
            print(error, file=sys.stderr)
            return 2
    return run(args.settings.resolve(), args.output.resolve(), args.verbose, urls=urls)


if __name__ == "__main__":
    sys.exit(main())
