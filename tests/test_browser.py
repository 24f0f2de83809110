"""Both sites in a real browser (Debian's Chromium via Playwright), with axe-core.

The sites are built with the repository's content for two free local ports and
served by the project's own server. One page of every type (grouped by the
first folder of its path and its depth, so page types that other features add
are picked up by themselves) is checked in both languages at 360 and 1280 px:
zero axe violations for WCAG 2.0/2.1 A and AA, nothing loaded from another
host, a screenshot in ``test-artifacts/screenshots/``. The search index is
built in small shards, so that the search works across merged bundles.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import pytest
from helpers import REPO, indexed_pages, is_redirect, search_bundles

from tools.browser import WIDTHS, chromium_missing_message, launch, served_sites

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SHOTS = REPO / "test-artifacts" / "screenshots"
EU_TEXT = {
    "sv": "Medfinansieras av Europeiska unionen",
    "nb": "Medfinansiert av Den europeiske union",
}
SEARCH_PLACEHOLDER = {"sv": "Sök", "nb": "Søk"}
#: several search bundles even for the repository's few dozen pages per site
SMALL_SHARDS = 'SEARCH = {"pages_per_shard": 5}\n'
WORD = re.compile(r"[^\W\d_]{8,}")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    problem = chromium_missing_message()
    if problem:
        pytest.fail(problem + " (or run `make test-tools` as root)")
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(REPO)} is missing: run `make test-tools`")
    with served_sites(tmp_path_factory.mktemp("browser"), SMALL_SHARDS) as served:
        yield served


@pytest.fixture(scope="module")
def browser(sites):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def page_types(root: Path) -> list[str]:
    """One URL path per kind of page: the first file for each (top folder, depth)."""
    chosen: dict[tuple[str, int], str] = {}
    for file in sorted(root.rglob("*.html")):
        relative = file.relative_to(root)
        if relative.parts[0] == "pagefind" or is_redirect(file):
            continue
        path = relative.as_posix().removesuffix("index.html")
        key = (relative.parts[0] if len(relative.parts) > 1 else path, len(relative.parts))
        chosen.setdefault(key, path)
    return sorted(chosen.values())


def own_host(url: str, sites) -> bool:
    if url.startswith(("data:", "blob:", "about:")):
        return True
    return urlparse(url).netloc in {urlparse(base).netloc for base in sites.urls.values()}


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        f"{violation['id']}: {violation['help']} at {[n['target'] for n in violation['nodes']]}"
        for violation in result["violations"]
    ]


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_every_page_type_has_no_axe_violations(sites, browser, lang: str) -> None:
    paths = page_types(sites.root(lang))
    assert {"", "404.html", "sok/", "aktiviteter/", "nyheter/"} <= set(paths)
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems: dict[str, list[str]] = {}
    for width, height in WIDTHS.values():
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request, seen=requested: seen.append(request.url))
        for path in paths:
            page.goto(f"{sites.urls[lang]}/{path}")
            if path == "sok/":  # check the search box too, once Pagefind has drawn it
                page.locator(".pagefind-ui__search-input").wait_for()
            found = axe_violations(page)
            if page.evaluate("document.documentElement.scrollWidth") > width:
                found.append(f"wider than the {width} px window: scrolls sideways")
            if found:
                problems[f"{width}px /{path}"] = found
            name = re.sub(r"[^a-z0-9]+", "-", path.removesuffix("/")).strip("-") or "home"
            page.screenshot(path=str(SHOTS / f"{lang}-{name}-{width}.png"), full_page=True)
        assert [url for url in requested if not own_host(url, sites)] == []
        assert context.cookies() == []
        context.close()
    assert not problems, problems


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_no_page_type_scrolls_sideways_at_320_px(sites, browser, lang: str) -> None:
    page = browser.new_page(viewport={"width": 320, "height": 640})
    too_wide = []
    for path in page_types(sites.root(lang)):
        page.goto(f"{sites.urls[lang]}/{path}")
        if page.evaluate("document.documentElement.scrollWidth") > 320:
            too_wide.append(path)
    page.close()
    assert too_wide == []


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_first_tab_is_the_skip_link_and_enter_moves_focus_to_main(sites, browser, lang) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    for path in ("", "aktiviteter/"):
        page.goto(f"{sites.urls[lang]}/{path}")
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.className")
        assert focused == "skip-link"
        box = page.locator(".skip-link").bounding_box()
        assert box is not None and box["y"] >= 0, "the focused skip link is not on screen"
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "focus is not visible"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
        page.keyboard.press("Tab")
        inside = page.evaluate("document.getElementById('main').contains(document.activeElement)")
        assert inside, "the next Tab after the skip link does not continue in the main content"
    page.close()


@pytest.mark.parametrize("lang", ["sv", "nb"])
@pytest.mark.parametrize("viewport", [(360, 640), (1280, 720)])
def test_eu_emblem_and_statement_are_visible_without_scrolling(sites, browser, lang, viewport):
    width, height = viewport
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{sites.urls[lang]}/")
    funding = page.locator(".site-header .eu-funding")
    assert funding.inner_text().strip() == EU_TEXT[lang]
    emblem = funding.locator("svg.eu-emblem")
    assert emblem.locator("use").count() == 12
    assert emblem.locator("rect").get_attribute("fill") == "#039"
    for locator in (funding, emblem):
        box = locator.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
    emblem_box = emblem.bounding_box()
    assert emblem_box["width"] / emblem_box["height"] == pytest.approx(1.5, rel=0.02)
    other_logos = page.locator("header img, header svg:not(.eu-emblem), .site-name__mark")
    for index in range(other_logos.count()):
        other = other_logos.nth(index).bounding_box()
        assert other["height"] <= emblem_box["height"] and other["width"] <= emblem_box["width"]
    page.close()


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_search_finds_pages_in_the_site_language_and_stores_nothing(sites, browser, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{sites.urls[lang]}/sok/")
    search_input = page.locator(".pagefind-ui__search-input")
    search_input.wait_for()
    assert search_input.get_attribute("placeholder") == SEARCH_PLACEHOLDER[lang]
    assert page.locator("#search-help").is_hidden()
    search_input.fill("Hilmarfestivalen")
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for()
    hrefs = [results.nth(i).evaluate("link => link.href") for i in range(results.count())]
    assert hrefs and all(href.startswith(sites.urls[lang] + "/") for href in hrefs), hrefs
    paths = {urlparse(href).path for href in hrefs}
    assert not paths & {"/sok/", "/404.html"}, paths
    assert axe_violations(page) == []
    stored = page.evaluate("[document.cookie, localStorage.length, sessionStorage.length]")
    assert stored == ["", 0, 0]
    assert context.cookies() == []
    context.close()


def rare_word_of_a_merged_bundle(root: Path) -> tuple[str, str]:
    """A word of only one indexed page, that page being in a bundle other than the primary."""
    primary, *others = search_bundles(root)
    pages = {bundle: indexed_pages(bundle) for bundle in (primary, *others)}
    seen: Counter[str] = Counter()
    for found in pages.values():
        for text in found.values():
            seen.update(set(WORD.findall(text.lower())))
    for bundle in others:
        for url, text in sorted(pages[bundle].items()):
            for word in sorted(set(WORD.findall(text.lower()))):
                if seen[word] == 1:
                    return word, url
    raise AssertionError("no word of only one page in a merged bundle")


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_search_finds_a_page_of_a_merged_bundle(sites, browser, lang) -> None:
    """Pagefind UI merges every bundle of shards.json: a page of a shard is found."""
    root = sites.root(lang)
    bundles = search_bundles(root)
    assert len(bundles) >= 3
    word, url = rare_word_of_a_merged_bundle(root)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    responses: list[tuple[str, int]] = []
    page.on("response", lambda response: responses.append((response.url, response.status)))
    page.goto(f"{sites.urls[lang]}/sok/")
    page.locator(".pagefind-ui__search-input").fill(word)
    page.wait_for_function(
        """url => [...document.querySelectorAll(".pagefind-ui__result-link")]
            .some(link => new URL(link.href).pathname === url)""",
        arg=url,
    )
    assert [address for address, status in responses if status >= 400] == []
    entries = {
        urlparse(address).path.removesuffix("pagefind-entry.json")
        for address, _ in responses
        if urlparse(address).path.endswith("/pagefind-entry.json")
    }
    assert entries == {"/" + bundle.relative_to(root).as_posix() + "/" for bundle in bundles}
    assert not [a for a, _ in responses if re.search(r"/shard-\d+/.*\.(js|css|pagefind)$", a)]
    context.close()


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_without_javascript_the_search_page_leads_to_the_lists(sites, browser, lang) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{sites.urls[lang]}/sok/")
    help_box = page.locator("#search-help")
    assert help_box.is_visible()
    links = [a.get_attribute("href") for a in help_box.locator("a").all()]
    assert f"{sites.urls[lang]}/aktiviteter/" in links and f"{sites.urls[lang]}/nyheter/" in links
    for href in links:
        assert page.request.get(href).ok, href
    context.close()


def readme_policy() -> str:
    """The Content-Security-Policy of README's nginx example (what the servers send)."""
    readme = (REPO / "docs" / "operations.md").read_text(encoding="utf-8")
    match = re.search(r'add_header Content-Security-Policy "([^"]+)"', readme)
    assert match, "README has no nginx Content-Security-Policy"
    return match.group(1)


def test_pages_work_under_the_readme_content_security_policy(sites, browser) -> None:
    """Served with README's CSP, nothing is refused and the search still finds pages."""
    policy = readme_policy()
    context = browser.new_context(viewport={"width": 1280, "height": 800})

    def with_policy(route) -> None:
        response = route.fetch()
        route.fulfill(
            response=response,
            headers={**response.headers, "content-security-policy": policy},
        )

    context.route("**/*", with_policy)
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    root = sites.root("sv")
    with_picture = next(
        file
        for file in sorted(root.glob("aktiviteter/*/index.html"))
        if "<picture" in file.read_text()
    )
    for path in (
        "",
        "kalender/",
        "resultat/",
        with_picture.parent.relative_to(root).as_posix() + "/",
    ):
        page.goto(f"{sites.urls['sv']}/{path}")
        page.wait_for_load_state("load")
    page.goto(f"{sites.urls['sv']}/sok/")
    page.locator(".pagefind-ui__search-input").fill("Ovasjon")
    page.locator(".pagefind-ui__result-link").first.wait_for()
    assert refused == []
    context.close()
