"""Light and private: every page fits one round trip, nothing is loaded from elsewhere.

The budget: a page's HTML plus the site's one CSS file, gzip-compressed, within
14 KB (what a server sends in its first round trip). Loaded resources (``src``,
``srcset``, ``<link href>``, CSS ``url()``/``@import``, JavaScript imports and
fetches) must come from the site's own host; plain links (``<a href>``) to other
websites are fine, they load nothing until a visitor follows them. And a
company with ``public: false`` in content/data/companies.yaml is named in no
file of either site, the activity pages that list it included.
"""

from __future__ import annotations

import gzip
import re
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from helpers import LOCAL_URLS, PUBLISH_URLS, REPO, Build
from pelican.plugins.samspel.progress.generator import load_companies

BUDGET = 14 * 1024
#: the two sites' own addresses, per build: only these may serve what a page loads
SITES = {
    "local_build": {lang: f"{url}/" for lang, url in LOCAL_URLS.items()},
    "publish_build": {lang: f"{url}/" for lang, url in PUBLISH_URLS.items()},
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
JS_LOAD = re.compile(
    r"""(?:\bimport\s*\(|\bfrom\s|\bfetch\s*\(|importScripts\s*\(|\bimport\s)\s*['"`]"""
    r"""((?:https?:)?//[^'"`]+)"""
)


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def loaded_urls_in_html(html: str) -> list[str]:
    """Every URL the browser would load for this page on its own (not links)."""
    soup = BeautifulSoup(html, "html.parser")
    urls = []
    for tag in soup.find_all(True):
        for attribute in ("src", "poster", "data"):
            if tag.get(attribute) and tag.name != "a":
                urls.append(tag[attribute])
        for attribute in ("srcset", "imagesrcset"):
            if tag.get(attribute):
                urls += [part.split()[0] for part in tag[attribute].split(",") if part.strip()]
        if tag.name == "link" and tag.get("href"):
            rel = set(tag.get("rel") or [])
            if rel & {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest"}:
                urls.append(tag["href"])
        if tag.name in ("image", "use") and (tag.get("href") or tag.get("xlink:href")):
            urls.append(tag.get("href") or tag.get("xlink:href"))
        if tag.get("style"):
            urls += loaded_urls_in_css(tag["style"])
        if tag.name == "style":
            urls += loaded_urls_in_css(tag.get_text())
        if tag.name == "script" and not tag.get("src"):
            urls += JS_LOAD.findall(tag.get_text())
    return urls


def loaded_urls_in_css(css: str) -> list[str]:
    return [first or second for first, second in CSS_URL.findall(css)]


def foreign(urls: list[str], base: str, own: set[str] | None = None) -> list[str]:
    """The URLs (resolved against ``base``) whose host is not one of the sites' own."""
    own = own or {urlparse(url).netloc for url in SITES["local_build"].values()}
    found = []
    for url in urls:
        if url.startswith(("data:", "#", "blob:")):
            continue
        host = urlparse(urljoin(base, url)).netloc
        if host and host not in own:
            found.append(url)
    return found


def test_the_check_finds_loads_from_elsewhere() -> None:
    html = """<html><head><link rel="stylesheet" href="https://cdn.example/x.css">
    <link rel="alternate" href="https://samspel63.no/"></head><body>
    <img src="//tracker.example/p.gif" srcset="/a.png 1x, https://img.example/b.png 2x">
    <a href="https://www.digg.se/">DIGG</a><div style="background:url(https://f.example/i.png)">
    <script>import("https://cdn.example/m.js")</script></div></body></html>"""
    found = foreign(loaded_urls_in_html(html), "http://localhost:8000/")
    assert sorted(found) == sorted(
        [
            "https://cdn.example/x.css",
            "//tracker.example/p.gif",
            "https://img.example/b.png",
            "https://f.example/i.png",
            "https://cdn.example/m.js",
        ]
    )
    own_css = loaded_urls_in_css("a{background:url('/x.png')}")
    assert foreign(own_css, "http://localhost:8000/") == []


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_every_page_with_its_css_fits_in_14_kb_gzip(local_build: Build, lang: str) -> None:
    root = local_build.root(lang)
    css = gzip_size((root / "theme" / "css" / "site.css").read_bytes())
    sizes = {}
    for file in local_build.html_files(lang):
        if file.is_relative_to(root / "pagefind"):
            continue
        sizes[file.relative_to(root).as_posix()] = gzip_size(file.read_bytes()) + css
    assert len(sizes) > 20
    too_big = {path: size for path, size in sizes.items() if size > BUDGET}
    assert not too_big, f"over {BUDGET} bytes gzip (HTML + CSS): {too_big}"


@pytest.mark.parametrize("build_name", SITES)
@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_no_output_file_loads_anything_from_another_host(request, build_name, lang) -> None:
    build: Build = request.getfixturevalue(build_name)
    root = build.root(lang)
    base = SITES[build_name][lang]
    own = {urlparse(url).netloc for url in SITES[build_name].values()}
    checked = 0
    problems: dict[str, list[str]] = {}
    for file in sorted(root.rglob("*")):
        suffix = file.suffix
        if suffix == ".html":
            urls = loaded_urls_in_html(file.read_text(encoding="utf-8"))
        elif suffix == ".css":
            urls = loaded_urls_in_css(file.read_text(encoding="utf-8"))
        elif suffix == ".js":
            urls = JS_LOAD.findall(file.read_text(encoding="utf-8"))
        else:
            continue
        checked += 1
        bad = foreign(urls, base, own)
        if bad:
            problems[file.relative_to(root).as_posix()] = bad
    assert checked > 20
    assert not problems, f"loads from other hosts: {problems}"


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_search_bundle_is_loaded_on_the_search_page_only(local_build: Build, lang: str) -> None:
    root = local_build.root(lang)
    assert (root / "pagefind" / "pagefind-ui.js").is_file()
    for file in local_build.html_files(lang):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        # JSON-LD blocks are data, not scripts: only count what loads or runs code
        scripts = [
            script.get("src", "")
            for script in soup("script")
            if script.get("type", "") != "application/ld+json"
        ]
        if file == root / "sok" / "index.html":
            assert any(src.endswith("/pagefind/pagefind-ui.js") for src in scripts)
        else:
            assert scripts == [], f"{file} loads {scripts}"


#: the activity of the repository's content that lists its ``public: false`` companies
#: (the Norwegian page has its own address)
ANONYMOUS_ACTIVITY = {
    "sv": "aktiviteter/utvecklingsprogrammet-ovasjon/",
    "nb": "aktiviteter/utviklingsprogrammet-ovasjon/",
}
UNNAMED = {"sv": "5 företag som inte namnges", "nb": "5 bedrifter som ikke navngis"}


@pytest.mark.parametrize("build_name", SITES)
def test_no_file_of_either_site_names_a_company_that_is_not_public(request, build_name) -> None:
    """The repository's own companies: the private ones are counted on their activity page only.

    Search fragments are gzip: read what they hold, so a name cannot hide in the index.
    """
    build: Build = request.getfixturevalue(build_name)
    companies = load_companies(REPO / "content" / "data" / "companies.yaml")
    secrets = {
        text.lower().encode()
        for company in companies.values()
        if not company.public
        for text in (company.id, company.name)
    }
    assert secrets
    for lang, unnamed in UNNAMED.items():
        items = build.soup(lang, ANONYMOUS_ACTIVITY[lang]).select("section.companies li")
        assert [" ".join(item.get_text().split()) for item in items] == [unnamed]
        files = [file for file in build.root(lang).rglob("*") if file.is_file()]
        assert len(files) > 20
        for file in files:
            data = file.read_bytes()
            if data.startswith(b"\x1f\x8b"):
                data = gzip.decompress(data)
            found = [secret for secret in secrets if secret in data.lower()]
            assert found == [], f"{file.relative_to(build.output)} names {found}"
