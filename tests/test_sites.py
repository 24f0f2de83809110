"""Two sites from one repository: roots, languages, links between the domains."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse
from xml.etree import ElementTree

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from helpers import LOCAL_URLS, PUBLISH_URLS, REPO, Build, run_build, write_content

OTHER = {"sv": "nb", "nb": "sv"}
TRANSLATIONS = REPO / "theme" / "translations"


def page_path(build: Build, lang: str, file: Path) -> str:
    """The URL path of an output file: ``aktiviteter/x/`` for ``aktiviteter/x/index.html``."""
    relative = file.relative_to(build.root(lang)).as_posix()
    return relative.removesuffix("index.html")


def resolve(build: Build, urls: dict[str, str], href: str) -> tuple[str, Path] | None:
    """Which site and file an absolute URL of either site points at (None if external)."""
    for lang, base in urls.items():
        if href == base or href.startswith(base + "/"):
            path = urlparse(href).path.lstrip("/")
            target = build.root(lang) / path
            if path == "" or path.endswith("/"):
                target = target / "index.html"
            return lang, target
    return None


def soup_of(file: Path) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def test_the_table_of_sites_names_both_sites_once() -> None:
    """The one place the sites' facts are written (the rest of the tests read it)."""
    from pelican.plugins.samspel.content.contract import LANGUAGES
    from pelican.plugins.samspel.sites.table import MAIN, SITES, SUBSITES

    rows = [(s.lang, s.domain, s.folder, s.port, s.locale, s.name) for s in SITES]
    assert rows == [
        ("sv", "samspel63.se", "se", 8000, "sv_SE", "samspel63.se"),
        ("nb", "samspel63.no", "no", 8001, "nb_NO", "samspel63.no"),
    ]
    assert LOCAL_URLS == {"sv": "http://localhost:8000", "nb": "http://localhost:8001"}
    assert PUBLISH_URLS == {"sv": "https://samspel63.se", "nb": "https://samspel63.no"}
    assert [s.deploy_variable for s in SITES] == ["DEPLOY_SE", "DEPLOY_NO"]
    assert [s.preview_variable for s in SITES] == ["PREVIEW_SE", "PREVIEW_NO"]
    assert MAIN.lang == "sv" and list(SUBSITES) == ["nb"] and LANGUAGES == ("sv", "nb")


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_each_root_is_complete(local_build: Build, lang: str) -> None:
    root = local_build.root(lang)
    for name in ("index.html", "404.html", "sitemap.xml", "robots.txt", "theme/css/site.css"):
        assert (root / name).is_file(), f"{root.name}/{name} is missing"
    assert (root / "feeds" / "nyheter.atom.xml").is_file()
    assert f"Sitemap: {LOCAL_URLS[lang]}/sitemap.xml" in (root / "robots.txt").read_text()
    sitemap = ElementTree.parse(root / "sitemap.xml").getroot()
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = [loc.text for loc in sitemap.iter(f"{namespace}loc")]
    assert f"{LOCAL_URLS[lang]}/" in locations
    assert all(loc.startswith(LOCAL_URLS[lang] + "/") for loc in locations)


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_every_page_has_the_site_language(local_build: Build, lang: str) -> None:
    pages = local_build.html_files(lang)
    assert len(pages) > 20
    for file in pages:
        html = soup_of(file).find("html")
        assert html is not None and html.get("lang") == lang, file


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_switcher_and_hreflang_lead_to_the_same_page_and_back(
    local_build: Build, lang: str
) -> None:
    other = OTHER[lang]
    translated = 0
    for file in local_build.html_files(lang):
        soup = soup_of(file)
        switch = soup.select_one("a.language-switch")
        assert switch is not None, f"{file} has no language switcher"
        assert switch["hreflang"] == other and switch["lang"] == other
        target = resolve(local_build, LOCAL_URLS, switch["href"])
        assert target is not None and target[0] == other, switch["href"]
        assert target[1].is_file(), f"{file}: switcher leads to missing {switch['href']}"
        alternates = {link["hreflang"]: link["href"] for link in soup.select("link[hreflang]")}
        if not alternates:
            continue
        translated += 1
        canonical = soup.select_one("link[rel=canonical]")["href"]
        assert (
            alternates[lang]
            == canonical
            == f"{LOCAL_URLS[lang]}/{page_path(local_build, lang, file)}"
        )
        assert alternates[other] == switch["href"]
        back = soup_of(target[1])
        back_alternates = {link["hreflang"]: link["href"] for link in back.select("link[hreflang]")}
        assert back_alternates.get(lang) == canonical, f"{switch['href']} does not link back"
        assert back.select_one("a.language-switch")["href"] == canonical
    assert translated > 20


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_no_site_loads_assets_or_feeds_from_the_other(publish_build: Build, lang: str) -> None:
    foreign = PUBLISH_URLS[OTHER[lang]]
    for file in publish_build.html_files(lang):
        soup = soup_of(file)
        for tag in soup.select("link[rel=stylesheet], link[type], script[src], img, source"):
            for attribute in ("href", "src", "srcset"):
                value = tag.get(attribute, "")
                assert foreign not in value, f"{file}: {tag}"
        for link in soup.select("a[href]"):
            if link["href"].endswith((".xml", ".ics", ".css")):
                assert not link["href"].startswith(foreign), f"{file}: {link}"
    for feed in (publish_build.root(lang) / "feeds").glob("*.xml"):
        assert foreign not in feed.read_text(encoding="utf-8"), feed


def test_publish_build_has_no_localhost_url(publish_build: Build) -> None:
    for lang in ("sv", "nb"):
        for file in publish_build.root(lang).rglob("*"):
            if file.is_file() and file.suffix in {".html", ".xml", ".txt", ".css", ".ics", ".json"}:
                assert "localhost" not in file.read_text(encoding="utf-8"), file


def test_publish_build_uses_the_real_domains(publish_build: Build) -> None:
    home_sv = publish_build.soup("sv", "")
    assert home_sv.select_one("link[rel=canonical]")["href"] == "https://samspel63.se/"
    assert home_sv.select_one("a.language-switch")["href"] == "https://samspel63.no/"


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_catalogue_translates_every_message(lang: str) -> None:
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        template = {message.id for message in read_po(handle) if message.id}
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalogue = read_po(handle)
    # a plural message's string is a tuple: every form must be translated
    translated = {m.id for m in catalogue if m.id and m.string and all(m.string) and not m.fuzzy}
    assert template, "messages.pot is empty"
    assert template <= translated, f"untranslated in {lang}: {sorted(template - translated)}"


def test_templates_have_no_string_missing_from_the_catalogue_template() -> None:
    """messages.pot is current: re-extracting the templates gives the same msgids."""
    from babel.messages.extract import extract_from_dir

    method_map = [("**.html", "jinja2")]
    options = {"**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True"}}
    extracted = {
        message[2] if isinstance(message[2], str) else message[2][0]
        for message in extract_from_dir(REPO / "theme" / "templates", method_map, options)
    }
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        # a plural message's id is (singular, plural): extraction above gives the singular
        template = {
            message.id[0] if isinstance(message.id, tuple) else message.id
            for message in read_po(handle)
            if message.id
        }
    assert extracted == template, "run `make translations-update` and translate the new strings"


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_no_english_theme_string_reaches_a_visitor(local_build: Build, lang: str) -> None:
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        english = [m.id for m in read_po(handle) if m.id and m.string != m.id and len(m.id) > 4]
    for file in local_build.html_files(lang):
        text = soup_of(file).get_text(" ")
        for message in english:
            if "%(" not in message:
                pattern = rf"(?<!\w){re.escape(message)}(?!\w)"
                assert not re.search(pattern, text), f"English {message!r} on {file}"


def test_untranslated_item_stays_on_its_own_site(tmp_path: Path) -> None:
    """A Swedish-only activity is published on .se only; its switcher leads to the .no home."""
    content = write_content(
        tmp_path / "content",
        {
            "aktiviteter/bara-svenska.sv.md": (
                "---\ntitle: Bara på svenska\ntype: seminar\nstart: 2025-03-14\n"
                "place: Östersund\ncountry: SE\nsummary: Ett seminarium.\n---\nText.\n"
            ),
            "sidor/om-projektet.sv.md": "---\ntitle: Om projektet\n---\nText.\n",
            "sidor/om-projektet.nb.md": "---\ntitle: Om prosjektet\n---\nTekst.\n",
        },
    )
    build = run_build(tmp_path / "output", content=content)
    assert build.returncode == 0, build.log
    assert (build.root("sv") / "aktiviteter" / "bara-svenska" / "index.html").is_file()
    assert not (build.root("nb") / "aktiviteter" / "bara-svenska").exists()
    soup = build.soup("sv", "aktiviteter/bara-svenska/")
    assert soup.select_one("a.language-switch")["href"] == "http://localhost:8001/"
    assert soup.select("link[hreflang]") == []
    assert "Bara på svenska" not in (build.root("nb") / "index.html").read_text(encoding="utf-8")


def test_a_pelican_warning_fails_the_build_and_keeps_the_last_output(tmp_path: Path) -> None:
    page = "---\ntitle: Om projektet\n---\nText.\n"
    content = write_content(tmp_path / "content", {"sidor/om-projektet.sv.md": page})
    good = run_build(tmp_path / "output", content=content)
    assert good.returncode == 0, good.log
    before = {p: p.read_bytes() for p in (tmp_path / "output").rglob("*") if p.is_file()}
    # An image without alt text makes Pelican warn; warnings are fatal.
    write_content(content, {"sidor/om-projektet.sv.md": page + "\n![](bild.png)\n"})
    bad = run_build(tmp_path / "output", content=content)
    assert bad.returncode != 0
    assert "alt" in bad.log.lower()
    after = {p: p.read_bytes() for p in (tmp_path / "output").rglob("*") if p.is_file()}
    assert after == before


def test_markup_in_front_matter_is_shown_as_text_never_run(tmp_path: Path) -> None:
    """Titles and places are text: a `<script>` in them is escaped everywhere.

    (A summary is Markdown, so a `<script>` there is a check error instead, and the
    build's sanitizer removes it: tests/test_safety_html.py. Its text still escapes.)
    """
    evil = '<script>alert(1)</script> & "mer"'
    activity = (
        f"---\ntitle: 'Kväll {evil}'\ntype: seminar\nstart: 2025-03-14\n"
        f"place: 'Jamtli {evil}'\ncountry: SE\nsummary: 'Kort & \"mer\" 1 < 2'\n---\nText.\n"
    )
    content = write_content(
        tmp_path / "content",
        {
            "aktiviteter/kvall.sv.md": activity,
            "sidor/om-projektet.sv.md": "---\ntitle: Om projektet\n---\nText.\n",
        },
    )
    build = run_build(tmp_path / "output", content=content)
    assert build.returncode == 0, build.log
    pages = build.html_files("sv")
    assert len(pages) > 5
    for file in pages:
        html = file.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, file
    page = build.soup("sv", "aktiviteter/kvall/")
    assert page.find("h1").get_text() == f"Kväll {evil}"
    assert f"Jamtli {evil}" in page.get_text()
    assert page.find("meta", attrs={"name": "description"})["content"] == 'Kort & "mer" 1 < 2'
