"""The web server examples in README: their Content-Security-Policy allows what the pages load.

Every built page of both sites is checked against the policy that README's nginx and
Apache examples send: each stylesheet, image, script and frame must come from a
source the policy allows, and nothing inline may need 'unsafe-inline'. A JSON-LD
``<script type="application/ld+json">`` is a data block, never executed, so
``script-src`` does not apply to it.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from helpers import PUBLISH_URLS, REPO, Build

README = (REPO / "docs" / "operations.md").read_text(encoding="utf-8")
SITE_URLS = PUBLISH_URLS
JAVASCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript"}
#: element -> (attributes holding a URL it loads, CSP directive)
LOADS = {
    "img": (("src", "srcset"), "img-src"),
    "source": (("src", "srcset"), "img-src"),
    "script": (("src",), "script-src"),
    "iframe": (("src",), "frame-src"),
    "embed": (("src",), "object-src"),
    "object": (("data",), "object-src"),
    "audio": (("src",), "media-src"),
    "video": (("src", "poster"), "media-src"),
    "form": (("action",), "form-action"),
}


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def policies() -> list[str]:
    found = []
    for language in ("nginx", "apache"):
        for block in code_blocks(language):
            found += re.findall(r'Content-Security-Policy "([^"]+)"', block)
    return found


def parse(policy: str) -> dict[str, list[str]]:
    directives = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


POLICY = parse(policies()[0])


def sources_for(directive: str) -> list[str]:
    fallback = directive if directive in ("form-action", "frame-ancestors") else "default-src"
    return POLICY.get(directive, POLICY.get(fallback, []))


def allowed(directive: str, url: str, page_origin: str) -> bool:
    sources = sources_for(directive)
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    return ("'self'" in sources and origin == page_origin) or any(
        source == origin or source == f"{parts.scheme}:" for source in sources
    )


def test_nginx_and_apache_send_the_same_policy_and_headers() -> None:
    found = policies()
    assert len(found) == 2 and found[0] == found[1], found
    assert POLICY["default-src"] == ["'none'"]
    for directive in ("script-src", "style-src"):
        assert not {"'unsafe-inline'", "'unsafe-eval'"} & set(POLICY[directive])
    for language in ("nginx", "apache"):
        text = "\n".join(code_blocks(language))
        assert "text/calendar" in text and ".ics" in text
        assert re.search(r'X-Content-Type-Options "nosniff"', text)
        assert re.search(r"Referrer-Policy \"[a-z-]+\"", text)
        assert "Cache-Control" in text
        assert "/current" in text


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_every_page_loads_only_what_the_policy_allows(publish_build: Build, lang: str) -> None:
    origin = SITE_URLS[lang]
    root = publish_build.root(lang)
    for file in publish_build.html_files(lang):
        page_url = f"{origin}/{file.relative_to(root).as_posix().removesuffix('index.html')}"
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        where = file.relative_to(root)
        assert soup.find("style") is None, f"{where}: inline <style> needs 'unsafe-inline'"
        for tag in soup.find_all(True):
            inline = [name for name in tag.attrs if name == "style" or name.startswith("on")]
            assert not inline, f"{where}: {tag.name} has inline {inline}"
        for link in soup.select("link[rel~=stylesheet]"):
            url = urljoin(page_url, link["href"])
            assert allowed("style-src", url, origin), f"{where}: stylesheet {url}"
        for name, (attributes, directive) in LOADS.items():
            for tag in soup.find_all(name):
                if name == "script" and not tag.get("src"):
                    kind = tag.get("type", "").split(";")[0].strip().lower()
                    assert kind not in JAVASCRIPT_TYPES, f"{where}: inline script"
                    continue  # a data block (JSON-LD): not executed, not governed by CSP
                for attribute in attributes:
                    for candidate in tag.get(attribute, "").split(","):
                        if candidate.strip():
                            url = urljoin(page_url, candidate.split()[0])
                            assert allowed(directive, url, origin), f"{where}: {name} {url}"


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_stylesheets_load_nothing_from_elsewhere(publish_build: Build, lang: str) -> None:
    origin = SITE_URLS[lang]
    for css in publish_build.root(lang).rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "@import" not in text, css
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
            if url.startswith("data:"):
                assert "data:" in sources_for("img-src") + sources_for("font-src"), css
                continue
            absolute = urljoin(f"{origin}/theme/css/", url)
            assert allowed("img-src", absolute, origin) or allowed("font-src", absolute, origin), (
                f"{css}: {url}"
            )


def test_policy_check_catches_a_foreign_stylesheet() -> None:
    """The checks above can fail: a stylesheet from another domain is not allowed."""
    origin = SITE_URLS["sv"]
    assert allowed("style-src", f"{origin}/theme/css/site.css", origin)
    assert not allowed("style-src", "https://fonts.googleapis.com/css", origin)
    assert not allowed("script-src", "https://samspel63.no/x.js", origin)
