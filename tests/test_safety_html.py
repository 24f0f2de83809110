"""Content publishes content, and nothing else: the one HTML policy, checked and enforced.

Three layers, each on real files:
- the content check names every hostile HTML form, in the file's language, with
  the exact code, file and line, and a build with any of them stops before
  anything reaches ``output/``;
- the sanitizer: hostile content built by Pelican directly (no check in front, so
  only the reader's and the templates' cleaning stand between it and the pages)
  yields pages, feeds and search text with no script, handler, frame, form,
  style, head element or off-site load;
- the same pages in Chromium: no dialog, no script of the content runs, and no
  request leaves the site. A control page proves the detectors can fail.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from helpers import REPO, ROOT_OF, run_build, write_content
from pelican.plugins.samspel.content.html_policy import cleaner, findings
from test_check import BASE, found, run_check

HOSTILE = REPO / "tests" / "data" / "hostile-html" / "content"
ATOM = "{http://www.w3.org/2005/Atom}"
PAGE = {"sv": "content/sidor/sida.sv.md", "nb": "content/sidor/sida.nb.md"}


def page(lang: str, body: str, summary: str = "Om sidan.") -> dict[str, str]:
    """A page pair whose ``lang`` file has ``body`` from line 5 (after title and summary)."""
    files = {f"sidor/sida.{other}.md": "---\ntitle: Sida\n---\nText.\n" for other in PAGE}
    files[f"sidor/sida.{lang}.md"] = f"---\ntitle: Sida\nsummary: {summary}\n---\n{body}\n"
    return files


#: hostile body -> the problems it gives as (code, line of the body it starts on); one per form
HOSTILE_FORMS: dict[str, tuple[str, list[tuple[str, int]]]] = {
    "script": ("Text\n\n<script>alert(1)</script>", [("html-script", 7)]),
    "event handler": (
        '<details ontoggle="alert(1)"><summary>S</summary></details>',
        [("html-script", 5)],
    ),
    "inline svg with a script": ("<svg><script>alert(1)</script></svg>", [("html-script", 5)]),
    "javascript link": ("[Klicka](javascript:alert(1))", [("html-script", 5)]),
    "javascript link with an entity": (
        "Text\n\n[Klicka](jav&#x61;script:alert(1))",
        [("html-script", 7)],
    ),
    "javascript link in raw html with a tab entity": (
        '<a href="java&Tab;script:alert(1)">a</a>',
        [("html-script", 5)],
    ),
    "video embed": ('<iframe src="https://www.youtube.com/embed/x"></iframe>', [("html-embed", 5)]),
    "style block": (
        "<style>p{background:url(https://evil.example/x)}</style>",
        [("html-style", 5)],
    ),
    "style attribute": (
        '<p style="background:url(https://evil.example/x)">x</p>',
        [("html-style", 5)],
    ),
    "meta refresh": (
        '<meta http-equiv="refresh" content="0;url=https://evil.example">',
        [("html-head", 5)],
    ),
    "base href": ('<base href="https://evil.example/">', [("html-head", 5)]),
    "form with a password field": (
        '<form action="https://evil.example/">\n<input type="password" name="p">\n</form>',
        [("html-form", 5), ("html-form", 6)],
    ),
    "video from another host": (
        '<video src="https://evil.example/v.mp4"></video>',
        [("html-embed", 5)],
    ),
    "source srcset from another host": (
        '<picture><source srcset="https://evil.example/a.webp"></picture>',
        [("html-external", 5)],
    ),
    "attribute list with a handler": (
        '[Länk](https://www.interreg.eu/){: onclick="alert(1)" }',
        [("html-script", 5)],
    ),
    "http link": ("Se [sidan](http://www.interreg.eu/)", [("html-url", 5)]),
    "data link": ("[x](data:text/html,hej)", [("html-url", 5)]),
    "unknown element": ("<marquee>Hej</marquee>", [("html-tag", 5)]),
    "unknown attribute": (
        '<a href="https://www.interreg.eu/" target="_blank">x</a>',
        [("html-attribute", 5)],
    ),
}


@pytest.mark.parametrize("lang", ["sv", "nb"])
@pytest.mark.parametrize("form", HOSTILE_FORMS)
def test_each_hostile_form_is_named_with_its_code_file_and_line(
    tmp_path: Path, form: str, lang: str
) -> None:
    body, expected = HOSTILE_FORMS[form]
    problems = run_check(tmp_path, page(lang, body))
    assert found(problems) == [(code, PAGE[lang], line) for code, line in expected]
    for problem in problems:
        assert problem.severity == "error"
        assert problem.field == "text"


def test_messages_say_what_to_write_instead_in_the_files_language(tmp_path: Path) -> None:
    files = {
        **page("nb", "<script>alert(1)</script>\n\n[a](http://www.interreg.eu/a)"),
        "sidor/sida.sv.md": "---\ntitle: Sida\n---\n<iframe src='https://www.youtube.com/embed/x'></iframe>\n",
    }
    messages = {(str(p.path), p.code): p.message for p in run_check(tmp_path, files)}
    assert messages[(PAGE["sv"], "html-embed")].startswith("<iframe> bäddar in en film")
    assert "Länka till filmen i stället" in messages[(PAGE["sv"], "html-embed")]
    assert messages[(PAGE["nb"], "html-script")].startswith(
        "<script> er et skript, og skript kan ikke være en del av innholdet."
    )
    assert messages[(PAGE["nb"], "html-url")] == (
        'Lenken "http://www.interreg.eu/a" begynner med http://. Skriv adressen med https:// '
        "i stedet: https://www.interreg.eu/a."
    )


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_html_in_the_summary_is_named_on_the_summary_line(tmp_path: Path, lang: str) -> None:
    summary = '"Hej <img src=x onerror=alert(1)> och <b>fet</b>"'
    problems = run_check(tmp_path, page(lang, "Text.", summary=summary))
    assert found(problems) == [("html-script", PAGE[lang], 3)]
    assert problems[0].field == "summary"


def test_what_markdown_makes_passes_the_policy(tmp_path: Path) -> None:
    body = (
        "## Rubrik\n\nText med *kursiv*, **fet**, `kod`, [länk](https://www.interreg.eu/), "
        "[e-post](mailto:info@example.org), [telefon](tel:+4663000000), [ankare](#rubrik) "
        "och en fotnot[^1].\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- en\n- två\n\n"
        "> Citat\n\n```\n<script>kod som text</script>\n```\n\nTerm\n:   Förklaring\n\n"
        "*[EU]: Europeiska unionen\n\n[^1]: Fotnoten.\n"
    )
    assert run_check(tmp_path, page("sv", body)) == []


def test_the_sanitizer_removes_what_the_check_names() -> None:
    """Every body of HOSTILE_FORMS, rendered and cleaned, has nothing left to name."""
    import markdown
    from pelican.plugins.samspel.content.html_policy import markdown_options

    clean = cleaner(("http://localhost:8000",))
    for body, _expected in HOSTILE_FORMS.values():
        html = markdown.Markdown(**markdown_options("sv")).convert(body)
        assert findings(html), body  # the form is really there before cleaning
        assert findings(clean(html)) == [], body


def test_own_site_urls_are_kept_and_other_hosts_are_not() -> None:
    clean = cleaner(("http://localhost:8000", "http://localhost:8001"))
    own = (
        '<a href="http://localhost:8001/kalender/">nb</a>'
        '<img src="http://localhost:8000/bilder/a.webp"'
        ' srcset="http://localhost:8000/bilder/b.webp 2x" alt="a">'
    )
    other = '<img src="/\\evil.example/x.png" alt="b"><a href="//evil.example/">c</a>'
    assert clean(own + other) == own + '<img alt="b"><a>c</a>'


def test_a_build_with_hostile_html_stops_and_keeps_the_last_output(tmp_path: Path) -> None:
    output = tmp_path / "output"
    good = run_build(output, content=write_content(tmp_path / "good", BASE))
    assert good.returncode == 0, good.log
    before = {path: path.read_bytes() for path in output.rglob("*") if path.is_file()}
    listing = sorted(output.rglob("*"))

    bad = run_build(output, content=HOSTILE)
    assert bad.returncode == 1
    assert "Traceback" not in bad.log
    assert "content/sidor/om-projektet.sv.md:3: error: summary: <script> är ett skript" in bad.log
    assert "content/sidor/om-projektet.nb.md:7: error: text: <script> er et skript" in bad.log
    assert sorted(output.rglob("*")) == listing
    assert {path: path.read_bytes() for path in output.rglob("*") if path.is_file()} == before


# --- the sanitizer alone: hostile content built by Pelican, with no check in front ---

UNCHECKED_SETTINGS = '''"""Hostile content, built by Pelican: only the sanitizer in front."""
from pelicanconf import *  # noqa: F403
from pelicanconf import norwegian_site

SITE_URLS = {urls!r}
SITEURL = SITE_URLS["sv"]
FEED_DOMAIN = SITEURL
SAMSPEL_SITES = {{lang: {{"url": url}} for lang, url in SITE_URLS.items()}}
PATH = {content!r}
OUTPUT_PATH = {out!r} + "/se"
CACHE_PATH = {cache!r} + "/se"
PAGE_CACHE = {{"path": {cache!r} + "/pages/se"}}
IMAGES = {{**IMAGES, "cache": {cache!r} + "/images"}}
LOAD_CONTENT_CACHE = False
I18N_SUBSITES = {{"nb": {{**norwegian_site(SITE_URLS["nb"]), "OUTPUT_PATH": {out!r} + "/no",
    "CACHE_PATH": {cache!r} + "/no", "PAGE_CACHE": {{"path": {cache!r} + "/pages/no"}}}}}}
'''


def build_unchecked(folder: Path, urls: dict[str, str]) -> Path:
    """Run Pelican (not tools.build, which would stop at the check) on the hostile content."""
    settings = folder / "unchecked.py"
    output, cache = folder / "output", folder / "cache"
    settings.write_text(
        UNCHECKED_SETTINGS.format(
            urls=urls, content=str(HOSTILE), out=str(output), cache=str(cache)
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764676800", "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "-s", str(settings)],
        cwd=folder, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (output / "se" / "om-projektet" / "index.html").is_file(), result.stdout + result.stderr
    assert (output / "no" / "om-projektet" / "index.html").is_file(), result.stdout + result.stderr
    return output


#: our own scripts: the search page's, from the site itself; JSON-LD is data, never run
OWN_SCRIPT = re.compile(r"^(?:/|http://127\.0\.0\.1:\d+/)(?:pagefind|theme/js)/")
URL_ATTRIBUTES = ("href", "src", "srcset", "action", "data", "formaction", "poster", "background")


def refused_markup(html: str, own_hosts: set[str]) -> list[str]:
    """Everything in a page that content must never put there."""
    soup = BeautifulSoup(html, "html.parser")
    bad = []
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if name.startswith("on") or name == "style":
                bad.append(f"<{tag.name} {name}>")
            values = value if isinstance(value, list) else [str(value)]
            if name in URL_ATTRIBUTES:
                for url in " ".join(values).replace(",", " ").split():
                    scheme = urlparse(url).scheme.lower()
                    host = urlparse(url).netloc
                    if scheme in ("javascript", "data", "vbscript") or (
                        name != "href" and host and host not in own_hosts
                    ):
                        bad.append(f"<{tag.name} {name}={url}>")
        is_data = tag.get("type") == "application/ld+json"
        if tag.name == "script" and not is_data and not OWN_SCRIPT.match(tag.get("src", "")):
            bad.append("<script>")
        # (the theme's own SVG, the EU emblem and the chart, is fine: a script or a
        # handler inside one is caught above and below)
        if tag.name in ("iframe", "object", "embed", "style", "form", "input", "base", "math"):
            bad.append(f"<{tag.name}>")
        if tag.name == "meta" and tag.get("http-equiv"):
            bad.append("<meta http-equiv>")
        if tag.name == "link" and urlparse(tag.get("href", "")).netloc not in own_hosts | {""}:
            bad.append(f"<link {tag.get('href')}>")
    return bad


@pytest.fixture(scope="module")
def unchecked(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    from tools.browser import free_port

    urls = {lang: f"http://127.0.0.1:{free_port()}" for lang in ("sv", "nb")}
    return build_unchecked(tmp_path_factory.mktemp("unchecked"), urls), urls


def test_the_sanitizer_leaves_no_hostile_markup_in_pages_or_feeds(unchecked) -> None:
    output, urls = unchecked
    own_hosts = {urlparse(url).netloc for url in urls.values()}
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert refused_markup(html, own_hosts) == [], path
    # the text around the hostile markup is still there: the sanitizer removes, never rewrites
    about = (output / "se" / "om-projektet" / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://www.interreg.eu/">vanlig länk</a>' in about
    assert "Markdown i HTML" in about and "Sammanfattning" in about
    feeds = sorted(output.rglob("*.atom.xml"))
    assert feeds
    texts = [
        node.text or ""
        for feed in feeds
        for node in ElementTree.parse(feed).iter()
        if node.tag in (f"{ATOM}content", f"{ATOM}summary")
    ]
    assert any("vanlig länk" in text for text in texts)  # the entries carry the bodies
    for text in texts:
        assert refused_markup(text, own_hosts) == [], text


def test_the_checks_own_detector_sees_hostile_markup() -> None:
    """The assertion above can fail: the same detector on unsanitized markup finds it."""
    raw = (HOSTILE / "sidor" / "om-projektet.sv.md").read_text(encoding="utf-8")
    found_markup = refused_markup(raw, {"127.0.0.1:8000"})
    for expected in ("<script>", "<iframe>", "<style>", "<form>", "<base>", "<meta http-equiv>"):
        assert expected in found_markup
    assert any(item.startswith("<details ontoggle") for item in found_markup)


# --- the same pages in Chromium ---

#: what a visitor's pointer and keyboard would set off on every element
POKE = """() => document.querySelectorAll("body *").forEach(element => {
  for (const type of ["mouseover", "mouseenter", "click", "focus", "toggle"]) {
    if (type === "click" && element.closest("a")) continue;  // stay on the page
    element.dispatchEvent(new Event(type, {bubbles: true}));
  }
})"""
DETECT = "() => ({pwned: window.__pwned === undefined ? null : String(window.__pwned)})"


def visit(browser, url: str, own_hosts: set[str]) -> dict:
    """Load ``url``, scroll and hover over it; what it asked the browser to do."""
    page = browser.new_page()
    seen: dict = {"dialogs": [], "requests": [], "errors": []}
    page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
    page.on(
        "request",
        lambda request: (
            seen["requests"].append(request.url)
            if urlparse(request.url).netloc not in own_hosts and not request.url.startswith("data:")
            else None
        ),
    )
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.goto(url, wait_until="load")
    page.evaluate(POKE)
    page.wait_for_timeout(200)
    seen.update(page.evaluate(DETECT))
    page.close()
    return seen


@pytest.fixture(scope="module")
def browser_on_unchecked(unchecked):
    from playwright.sync_api import sync_playwright

    from tools.browser import chromium_missing_message, launch, serve

    problem = chromium_missing_message()
    if problem:
        pytest.fail(problem + " (or run `make test-tools` as root)")
    output, urls = unchecked
    roots = {lang: output / folder for lang, folder in ROOT_OF.items()}
    # a control page with the attack unsanitized: proves that the detectors can see one
    (roots["sv"] / "kontroll.html").write_text(
        "<!doctype html><title>k</title><script>window.__pwned='control';alert('control')"
        "</script><img src='https://evil.example/control.png' alt=''>",
        encoding="utf-8",
    )
    servers = [serve(roots[lang], urlparse(url).port) for lang, url in urls.items()]
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium, output, urls
        chromium.close()
    for server in servers:
        server.shutdown()
        server.server_close()


def test_the_detectors_see_an_unsanitized_page(browser_on_unchecked) -> None:
    browser, _output, urls = browser_on_unchecked
    own_hosts = {urlparse(url).netloc for url in urls.values()}
    seen = visit(browser, urls["sv"] + "/kontroll.html", own_hosts)
    assert seen["dialogs"] == ["control"]
    assert seen["pwned"] == "control"
    assert seen["requests"] == ["https://evil.example/control.png"]


def test_hostile_pages_run_nothing_and_load_nothing_from_another_host(browser_on_unchecked) -> None:
    browser, output, urls = browser_on_unchecked
    own_hosts = {urlparse(url).netloc for url in urls.values()}
    visited = 0
    for lang, url in urls.items():
        root = output / ROOT_OF[lang]
        for path in sorted(root.rglob("index.html")):
            folder = path.parent.relative_to(root).as_posix()
            address = f"{url}/" if folder == "." else f"{url}/{folder}/"
            seen = visit(browser, address, own_hosts)
            assert seen["dialogs"] == [], address
            assert seen["pwned"] is None, address
            assert seen["requests"] == [], address
            visited += 1
    assert visited >= 10


def test_no_template_prints_content_with_safe() -> None:
    """Content HTML reaches a page only through ``content_html``, which cleans it."""
    templates = sorted((REPO / "theme" / "templates").rglob("*.html"))
    assert templates
    for template in templates:
        text = template.read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", ""), template
    uses = sum("|content_html" in t.read_text(encoding="utf-8") for t in templates)
    assert uses >= 5  # the body of each kind of item, and the home page's summary


def test_only_texts_with_a_markup_mark_need_rendering() -> None:
    """The check renders a text only when it may hold markup: sound for every hostile form."""
    import markdown
    from pelican.plugins.samspel.check.html import may_hold_markup
    from pelican.plugins.samspel.content.html_policy import markdown_options

    for body, _expected in HOSTILE_FORMS.values():
        assert may_hold_markup(body), body
    plain = (
        "# Rubrik\n\nText med *kursiv*, **fet**, `kod` & mer, https://www.interreg.eu/ och "
        "javascript:alert(1) som text.\n\n- en\n- två\n\n1. ett\n\n> Citat\n\n    kod\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\nTerm\n:   Förklaring\n\n***\n\n&lt;script&gt;\n"
    )
    assert not may_hold_markup(plain)
    assert findings(markdown.Markdown(**markdown_options("sv")).convert(plain)) == []
