"""The two previews of a pull request: deployed under its own prefix, and offline from a folder.

A small complete bilingual site (tests/site_fixture.py, with a picture in front
matter and one in the text, and content links that are root-relative or name
the published domain) is built twice with the publish settings: as a deployed
preview for two local servers that serve it only under ``/pr-7/``, and as an
offline preview opened with ``file://``. Every page of both sites is crawled in
Debian's Chromium (as tests/test_browser.py launches it): no request and no link
leaves the preview, the stylesheet applies, every picture loads, the language
switch lands in the other site's preview, and no script fails. Plain-HTML
tests check ``noindex`` and that no sitemap lists a preview, and the address
validation's bilingual errors.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from helpers import PUBLISH_SETTINGS, PUBLISH_URLS, REPO, ROOT_OF, write_content
from pelican.plugins.samspel.commands.preview import (
    AddressMover,
    PreviewAddressError,
    preview_address,
    preview_addresses,
)
from pelican.plugins.samspel.commands.serve import SiteHandler
from PIL import Image
from site_fixture import COMPLETE_SITE

from tools.browser import chromium_missing_message, free_port, launch

EPOCH = 1_764_676_800
PREFIX = "/pr-7/"
PUBLISHED = PUBLISH_URLS
ALT = {"sv": "En scen i skymningen.", "nb": "En scene i skumringen."}
NOINDEX = {"name": "robots", "content": "noindex"}
SEARCH_OFFLINE = {"sv": "Sökningen behöver en webbserver", "nb": "Søket trenger en webserver"}


def picture_content(root: Path) -> Path:
    """The complete site, its activity with a picture, its page with links a preview must move."""
    files = dict(COMPLETE_SITE)
    for lang in ROOT_OF:
        name = f"aktiviteter/seminarium.{lang}.md"
        head, body = files[name].split("\n---\n", 1)
        picture = f'image: bilder/scen.jpg\nimage_alt: "{ALT[lang]}"\n'
        files[name] = f"{head}\n{picture}---\n{body}\n![{ALT[lang]}](bilder/karta.png)\n"
    files["sidor/om-projektet.sv.md"] += (
        "\nSe [kontakt på webbplatsen](https://samspel63.se/kontakt/) och "
        "[på norska](https://samspel63.no/kontakt/).\n"
    )
    write_content(root, files)
    (root / "bilder").mkdir(exist_ok=True)
    Image.linear_gradient("L").resize((800, 500)).convert("RGB").save(root / "bilder/scen.jpg")
    Image.new("RGB", (600, 400), (30, 90, 160)).save(root / "bilder/karta.png")
    return root


def run_preview_build(output: Path, content: Path, *options: str) -> subprocess.CompletedProcess:
    """``samspel build`` with the publish settings and preview ``options``, as make does."""
    command = [
        sys.executable,
        "-m",
        "pelican.plugins.samspel.commands.build",
        "--settings",
        str(PUBLISH_SETTINGS),
    ]
    command += ["--output", str(output), "--content", str(content)]
    command += ["--cache", str(output.parent / "build-cache"), *options]
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(EPOCH), COLUMNS="250")
    env["SAMSPEL_IMAGE_CACHE"] = str(output.parent / "image-cache")
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=False)


class PrefixHandler(SiteHandler):
    """The project's handler, serving the root only under ``PREFIX`` (like a preview host)."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / ".no-such-file")
        return super().translate_path("/" + path[len(PREFIX) :])

    def log_message(self, format: str, *args) -> None:
        pass


@dataclass
class Deployed:
    output: Path
    urls: dict[str, str]  # lang -> preview address, with its final slash


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    return picture_content(tmp_path_factory.mktemp("preview-content") / "content")


@pytest.fixture(scope="module")
def deployed(tmp_path_factory, content) -> Iterator[Deployed]:
    """The deployed preview, served by two local servers, each only under ``/pr-7/``."""
    ports = {lang: free_port() for lang in ROOT_OF}
    urls = {lang: f"http://127.0.0.1:{port}{PREFIX}" for lang, port in ports.items()}
    output = tmp_path_factory.mktemp("deployed") / "output"
    result = run_preview_build(
        output, content, "--preview-se", urls["sv"], "--preview-no", urls["nb"]
    )
    assert result.returncode == 0, result.stdout + result.stderr
    servers = []
    for lang, port in ports.items():
        handler = functools.partial(PrefixHandler, directory=str(output / ROOT_OF[lang]))
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    try:
        yield Deployed(output, urls)
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


@pytest.fixture(scope="module")
def offline(tmp_path_factory, content) -> Path:
    output = tmp_path_factory.mktemp("offline") / "output"
    result = run_preview_build(output, content, "--offline")
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="module")
def browser():
    problem = chromium_missing_message()
    if problem:
        pytest.fail(problem + " (or run `make test-tools` as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


# --- the crawl, the same for both forms


@dataclass
class Crawl:
    pages: dict[str, str]  # url -> <html lang>
    problems: list[str]


PICTURES = """async () => {
  const images = [...document.images];
  for (const image of images) image.loading = "eager";
  window.scrollTo(0, document.body.scrollHeight);
  await Promise.all(images.map((image) => image.complete ? null : new Promise((done) => {
    image.addEventListener("load", done); image.addEventListener("error", done);
  })));
  return images.map((image) => [image.currentSrc || image.src, image.naturalWidth]);
}"""
LINKS = """() => [...document.querySelectorAll("a[href], link[href]")].map(
  (element) => [element.tagName, element.getAttribute("href"), element.href])"""


def inside(url: str, prefixes: tuple[str, ...]) -> bool:
    """Whether ``url`` stays in the preview (a calendar's webcal:// link is its http(s) one)."""
    if url.startswith("webcal://"):
        url = "http://" + url.removeprefix("webcal://")
    if url.startswith(("data:", "about:", "blob:", "mailto:", "tel:")):
        return True
    return url.startswith(prefixes)


def crawl(browser, start: dict[str, str], prefixes: tuple[str, ...]) -> Crawl:
    """Visit every page reachable from both sites' home pages, following links inside.

    External links in content (``https://example.org``) are allowed as links that are
    not followed; a request, whatever it is, must stay inside.
    """
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "request",
        lambda request: problems.extend(
            [] if inside(request.url, prefixes) else [f"request out of the preview: {request.url}"]
        ),
    )
    # a request cut off by the next navigation (the favicon, say) is not a broken link
    page.on(
        "requestfailed",
        lambda request: problems.extend(
            [] if request.failure == "net::ERR_ABORTED" else [f"failed: {request.url}"]
        ),
    )
    page.on(
        "response",
        lambda response: problems.extend(
            [f"{response.status}: {response.url}"] if response.status >= 400 else []
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: problems.extend(
            [f"console {message.type}: {message.text}"] if message.type == "error" else []
        ),
    )
    queue = list(start.values())
    pages: dict[str, str] = {}
    while queue:
        url = queue.pop(0).split("#", 1)[0]
        if url in pages:
            continue
        page.goto(url)
        lang = page.evaluate("document.documentElement.lang")
        pages[url] = lang
        if page.evaluate("getComputedStyle(document.body).display") != "flex":
            problems.append(f"no stylesheet on {url}")
        for source, width in page.evaluate(PICTURES):
            if not width:
                problems.append(f"picture not loaded on {url}: {source}")
        for tag, raw, absolute in page.evaluate(LINKS):
            if raw.startswith("#"):
                continue
            if urlsplit(absolute).scheme in {"http", "https", "file"} and not inside(
                absolute, prefixes
            ):
                if tag == "LINK" or not absolute.startswith("https://"):
                    problems.append(f"{tag} out of the preview on {url}: {raw}")
                elif absolute.startswith(tuple(PUBLISHED.values())):
                    problems.append(f"link to the published site on {url}: {raw}")
                continue
            target = absolute.split("#", 1)[0]
            if tag == "A" and inside(target, prefixes) and is_page(target):
                queue.append(target)
    context.close()
    return Crawl(pages, problems)


def is_page(url: str) -> bool:
    path = urlsplit(url).path
    return path.endswith(("/", ".html")) and "/pagefind/" not in path


def switch_target(browser, url: str) -> tuple[str, str]:
    """Follow the language switch of the page at ``url``: (where it lands, its <html lang>)."""
    page = browser.new_page()
    page.goto(url)
    page.click("a.language-switch")
    page.wait_for_load_state()
    landed = (page.url, page.evaluate("document.documentElement.lang"))
    page.close()
    return landed


def test_the_deployed_preview_stays_under_its_prefix_in_chromium(deployed, browser) -> None:
    prefixes = tuple(deployed.urls.values())
    result = crawl(browser, deployed.urls, prefixes)
    assert result.problems == []
    for lang, url in deployed.urls.items():
        on_site = [page for page in result.pages if page.startswith(url)]
        assert f"{url}aktiviteter/seminarium/" in on_site
        assert f"{url}kontakt/" in on_site and len(on_site) >= 10
        assert {result.pages[page] for page in on_site} == {lang}


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_the_deployed_language_switch_lands_in_the_other_preview(deployed, browser, lang) -> None:
    other = "nb" if lang == "sv" else "sv"
    page = f"{deployed.urls[lang]}aktiviteter/seminarium/"
    assert switch_target(browser, page) == (f"{deployed.urls[other]}aktiviteter/seminarium/", other)


def test_the_deployed_search_finds_pages_inside_the_preview(deployed, browser) -> None:
    page = browser.new_page()
    page.goto(deployed.urls["sv"] + "sok/")
    page.fill(".pagefind-ui__search-input", "Seminarium")
    link = page.wait_for_selector(".pagefind-ui__result-link")
    assert link.get_attribute("href").startswith(PREFIX)
    page.close()


def file_urls(output: Path) -> dict[str, str]:
    return {lang: (output / folder / "index.html").as_uri() for lang, folder in ROOT_OF.items()}


def test_the_offline_preview_works_from_the_folder_in_chromium(offline, browser) -> None:
    result = crawl(browser, file_urls(offline), (offline.as_uri() + "/",))
    assert result.problems == []
    for lang, folder in ROOT_OF.items():
        on_site = [page for page in result.pages if page.startswith((offline / folder).as_uri())]
        assert (offline / folder / "aktiviteter/seminarium/index.html").as_uri() in on_site
        assert all(page.endswith(".html") for page in on_site)
        assert len(on_site) >= 10 and {result.pages[page] for page in on_site} == {lang}


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_the_offline_language_switch_is_a_relative_path_to_the_other_root(offline, browser, lang):
    other = "nb" if lang == "sv" else "sv"
    page = offline / ROOT_OF[lang] / "aktiviteter/seminarium/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    expected = f"../../../{ROOT_OF[other]}/aktiviteter/seminarium/index.html"
    assert soup.select_one("a.language-switch")["href"] == expected
    target = (offline / ROOT_OF[other] / "aktiviteter/seminarium/index.html").as_uri()
    assert switch_target(browser, page.as_uri()) == (target, other)


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_the_offline_search_page_says_it_needs_a_web_server(offline, browser, lang) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text))
    page.goto((offline / ROOT_OF[lang] / "sok" / "index.html").as_uri())
    assert SEARCH_OFFLINE[lang] in page.inner_text("#search-help")
    assert page.is_visible("#search-help")
    assert page.evaluate("document.scripts.length") == 0
    assert errors == []
    page.close()


# --- plain HTML: noindex, no sitemap, no published address left


def roots(output: Path) -> list[Path]:
    return [output / folder for folder in ROOT_OF.values()]


def pages_of(output: Path) -> list[Path]:
    return [
        path
        for root in roots(output)
        for path in sorted(root.rglob("*.html"))
        if "pagefind" not in path.relative_to(root).parts
    ]


@pytest.mark.parametrize("form", ["deployed", "offline"])
def test_every_preview_page_is_noindex_and_no_sitemap_is_written(form, request) -> None:
    built = request.getfixturevalue(form)
    output = built.output if form == "deployed" else built
    pages = pages_of(output)
    assert len(pages) >= 20
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.find("meta", attrs=NOINDEX) is not None, path
        assert "sitemap.xml" not in {a["href"].rsplit("/", 1)[-1] for a in soup.find_all("a")}
    for root in roots(output):
        assert not (root / "sitemap.xml").exists()
        assert not list(root.rglob("sitemap*.xml"))


def test_no_published_page_is_noindex_and_no_sitemap_lists_a_preview(publish_build) -> None:
    for lang in ROOT_OF:
        for path in publish_build.html_files(lang):
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            assert soup.find("meta", attrs={"name": "robots"}) is None, path
        sitemap = (publish_build.root(lang) / "sitemap.xml").read_text(encoding="utf-8")
        locations = re.findall(r"<loc>([^<]*)</loc>", sitemap)
        assert locations and all(loc.startswith(PUBLISHED[lang] + "/") for loc in locations)
        assert "preview" not in sitemap and "pr-" not in sitemap


def test_the_deployed_preview_names_no_published_address(deployed) -> None:
    for root in roots(deployed.output):
        for path in sorted(root.rglob("*")):
            if path.suffix in {".html", ".xml", ".ics", ".json"} and "pagefind" not in path.parts:
                text = path.read_text(encoding="utf-8")
                assert "https://samspel63.se" not in text and "https://samspel63.no" not in text


# --- addresses: checked, with a bilingual message and no traceback


@pytest.mark.parametrize(
    "value",
    [
        "",
        "preview.samspel63.se/pr-12/",
        "http://preview.samspel63.se/pr-12/",
        "https://preview.samspel63.se/pr-12",
        "https://preview.samspel63.se/pr-12/?x=1",
        "https://user:secret@preview.samspel63.se/pr-12/",
        "https://preview.samspel63.se/pr-12/../",
        " https://preview.samspel63.se/pr-12/",
    ],
)
def test_a_wrong_preview_address_is_refused_in_both_languages(value: str) -> None:
    with pytest.raises(PreviewAddressError) as raised:
        preview_address("sv", value)
    message = str(raised.value)
    assert "PREVIEW_SE" in message
    assert "Skriv en https-adress som slutar med /" in message
    assert "Skriv en https-adresse som slutter med /" in message
    assert "https://preview.samspel63.se/pr-12/" in message


def test_https_and_loopback_http_addresses_are_accepted() -> None:
    assert preview_address("nb", "https://preview.samspel63.no/pr-12/") == (
        "https://preview.samspel63.no/pr-12"
    )
    assert preview_address("sv", "http://127.0.0.1:8123/pr-7/") == "http://127.0.0.1:8123/pr-7"
    with pytest.raises(PreviewAddressError, match="PREVIEW_SE och / og PREVIEW_NO"):
        preview_addresses({"sv": "https://p.example/pr-1/", "nb": "https://p.example/pr-1/"})


def test_the_build_refuses_a_wrong_address_without_a_traceback(tmp_path, content) -> None:
    output = tmp_path / "output"
    (output / "se").mkdir(parents=True)
    (output / "se" / "index.html").write_text("the last good build", encoding="utf-8")
    result = run_preview_build(
        output, content, "--preview-se", "http://preview.samspel63.se/pr-3/", "--preview-no", ""
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert "PREVIEW_SE='http://preview.samspel63.se/pr-3/' är ingen förhandsvisningsadress" in (
        result.stderr
    )
    assert "er ingen adresse for forhåndsvisning" in result.stderr
    assert [p.name for p in output.rglob("*")] == ["se", "index.html"]
    assert (output / "se" / "index.html").read_text(encoding="utf-8") == "the last good build"


# --- the address mover on its own


@pytest.fixture
def mover(tmp_path) -> AddressMover:
    for folder in ("se/aktiviteter/x", "no/aktiviteter/x", "se/kontakt"):
        (tmp_path / folder).mkdir(parents=True)
    return AddressMover(tmp_path, PUBLISHED, PUBLISHED, offline=True)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/kontakt/#adress", "../../kontakt/index.html#adress"),
        ("/kontakt", "../../kontakt/index.html"),
        ("https://samspel63.se/", "../../index.html"),
        ("https://samspel63.se", "../../index.html"),
        ("https://samspel63.no/aktiviteter/x/", "../../../no/aktiviteter/x/index.html"),
        ("https://samspel63.se/kalender.ics", "../../kalender.ics"),
        ("webcal://samspel63.se/kalender.ics", "../../kalender.ics"),
        ("https://samspel63.sex/a/", "https://samspel63.sex/a/"),
        ("https://example.org/a", "https://example.org/a"),
        ("//example.org/a", "//example.org/a"),
    ],
)
def test_offline_addresses_become_paths_inside_the_folder(mover, url, expected) -> None:
    folder = PurePosixPath("se/aktiviteter/x")
    assert mover.move(url, "sv", folder, relative_allowed=True) == expected


def test_a_deployed_preview_below_a_published_site_is_not_moved_twice(tmp_path) -> None:
    final = {"sv": "https://samspel63.se/preview/pr-1", "nb": "https://samspel63.no/preview/pr-1"}
    mover = AddressMover(tmp_path, PUBLISHED, final, offline=False)
    folder = PurePosixPath("se")
    assert mover.move(final["sv"] + "/x/", "sv", folder, True) == final["sv"] + "/x/"
    assert mover.move("https://samspel63.no/x/", "sv", folder, True) == final["nb"] + "/x/"
    assert mover.move("/x/", "nb", folder, True) == final["nb"] + "/x/"
    assert mover.move("/x/", "nb", folder, relative_allowed=False) == "/x/"
    page = '<img srcset="/a-240.webp 240w, /a-480.webp 480w" content="/not-a-link">'
    assert mover.rewrite(page, "sv", folder) == (
        f'<img srcset="{final["sv"]}/a-240.webp 240w, {final["sv"]}/a-480.webp 480w"'
        ' content="/not-a-link">'
    )


def test_a_link_outside_both_sites_is_left_alone_by_the_crawl_rule() -> None:
    prefixes = ("http://127.0.0.1:1/pr-7/",)
    assert inside("webcal://127.0.0.1:1/pr-7/kalender.ics", prefixes)
    assert not inside("http://127.0.0.1:1/kontakt/", prefixes)


# --- deploy, remove, and the pull request's comment


def test_a_preview_deploys_and_removing_it_deletes_only_pr_folders(deployed, tmp_path) -> None:
    from pelican.plugins.samspel.commands.deploy import main as deploy_main

    targets = {"DEPLOY_SE": tmp_path / "se" / "pr-7", "DEPLOY_NO": tmp_path / "no" / "pr-7"}
    env = {name: str(path) for name, path in targets.items()}
    urls = ["--preview-se", deployed.urls["sv"], "--preview-no", deployed.urls["nb"]]
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        assert deploy_main(["deploy", "--output", str(deployed.output), *urls]) == 0
        for path in targets.values():
            assert (path / "current" / "index.html").is_file()
        assert deploy_main(["remove"]) == 0
        assert not any(path.exists() for path in targets.values())
        production = tmp_path / "samspel63.se"
        (production / "current").mkdir(parents=True)
        patch.setenv("DEPLOY_SE", str(production))
        patch.setenv("DEPLOY_NO", str(tmp_path / "no" / "pr-8"))
        (tmp_path / "no" / "pr-8").mkdir(parents=True)
        assert deploy_main(["remove"]) == 1
        assert (production / "current").is_dir() and (tmp_path / "no" / "pr-8").is_dir()


def test_a_preview_with_a_broken_link_is_not_deployed(deployed, tmp_path, capsys) -> None:
    from pelican.plugins.samspel.commands.deploy import main as deploy_main

    output = tmp_path / "output"
    shutil.copytree(deployed.output, output)
    page = output / "se" / "kontakt" / "index.html"
    text = page.read_text(encoding="utf-8").replace(
        deployed.urls["sv"] + "kontakt/", deployed.urls["sv"] + "no-such-page/", 1
    )
    page.unlink()  # a hard link into the page cache: never written through
    page.write_text(text, encoding="utf-8")
    urls = ["--preview-se", deployed.urls["sv"], "--preview-no", deployed.urls["nb"]]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DEPLOY_SE", str(tmp_path / "t" / "pr-7"))
        patch.setenv("DEPLOY_NO", str(tmp_path / "u" / "pr-7"))
        assert deploy_main(["deploy", "--output", str(output), *urls]) == 1
    assert "the link check failed. Nothing was deployed." in capsys.readouterr().err
    assert not (tmp_path / "t").exists()


def test_the_comment_links_every_changed_page_on_both_sites_in_the_preview(deployed, tmp_path):
    from tools.changed_pages import MARKER, comment

    base = tmp_path / "base"
    shutil.copytree(deployed.output, base)
    (base / "se" / "kontakt" / "index.html").unlink()
    nb_page = base / "no" / "aktiviteter" / "seminarium" / "index.html"
    nb_text = nb_page.read_text(encoding="utf-8")
    nb_page.unlink()
    nb_page.write_text(nb_text.replace("Seminar", "Seminaret"), encoding="utf-8")
    (base / "se" / "gammal").mkdir()
    (base / "se" / "gammal" / "index.html").write_text("<p>", encoding="utf-8")
    urls = {lang: url.removesuffix("/") for lang, url in deployed.urls.items()}
    body = comment(base, deployed.output, urls)
    assert body.startswith(MARKER + "\n")
    assert f"- {deployed.urls['sv']}kontakt/\n" in body
    assert f"- {deployed.urls['nb']}aktiviteter/seminarium/\n" in body
    assert "`gammal/`" in body
    links = [line for line in body.splitlines() if line.startswith("- ")]
    assert len(links) == 2, links


class FakeGitHub:
    """The issue-comments API of one pull request, in memory."""

    def __init__(self, comments: list[dict]) -> None:
        self.comments = comments
        self.calls: list[tuple[str, str]] = []

    def __call__(self, method: str, path: str, body: dict | None) -> object:
        self.calls.append((method, path))
        if method == "GET":
            page = int(path.rsplit("page=", 1)[1])
            return self.comments[(page - 1) * 100 : page * 100]
        if method == "POST":
            self.comments.append({"id": 999, "user": {"login": "github-actions[bot]"}, **body})
            return {}
        number = int(path.rsplit("/", 1)[1])
        next(item for item in self.comments if item["id"] == number).update(body)
        return {}


def test_the_preview_comment_is_written_once_and_then_updated() -> None:
    from tools.changed_pages import MARKER
    from tools.pr_comment import upsert

    others = [{"id": n, "user": {"login": "kim"}, "body": f"comment {n}"} for n in range(150)]
    others.append({"id": 500, "user": {"login": "kim"}, "body": MARKER + " not the bot's"})
    api = FakeGitHub(others)
    assert upsert(api, "o/r", 7, MARKER + "\nfirst") == "created"
    assert upsert(api, "o/r", 7, MARKER + "\nsecond") == "updated"
    ours = [item for item in api.comments if item["body"].startswith(MARKER)]
    assert [item["body"] for item in ours] == [MARKER + " not the bot's", MARKER + "\nsecond"]
    assert ("PATCH", "/repos/o/r/issues/comments/999") in api.calls


def test_a_redirect_page_leads_on_inside_the_offline_preview(mover) -> None:
    """A former address (theme/templates/redirect.html) refreshes to the page in the folder."""
    page = '<meta http-equiv="refresh" content="0; url=https://samspel63.no/aktiviteter/x/">'
    assert mover.rewrite(page, "nb", PurePosixPath("no/aktiviteter/y")) == (
        '<meta http-equiv="refresh" content="0; url=../x/index.html">'
    )
