"""The sites as the project's record (issue 15): what they say about their source, search
engines' view of the two domains, feed authors, and accessibility statements that hold up.

Most tests read the repository's own content, built once (``local_build``): that content
is what visitors read. The behaviour that content cannot show (a page with no counterpart,
a statement with a feedback address, a wrong address) is built from fixture content.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from helpers import LOCAL_URLS, REPO, Build, fixture_files, run_build, write_content
from pelican.plugins.samspel.check.runner import check_content
from pelican.plugins.samspel.content.contract import ADDRESS_FIELD, address_of
from pelican.plugins.samspel.content.index import ContentIndex
from pelican.plugins.samspel.sites.generator import own_address

LANGS = ("sv", "nb")
OTHER = {"sv": "nb", "nb": "sv"}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"
SOURCE_LABEL = {"sv": "Källa", "nb": "Kilde"}

#: remarks about the source document that 16 of the 41 pages of each site made on the
#: public page, in the text and even inside ``place``; the source is named by
#: ``source`` instead, and what the report does not say the page does not say either
SOURCE_REMARKS: dict[str, tuple[str, ...]] = {
    "sv": (
        "delrapporten anger inte",
        "anges inte i delrapporten",
        "delrapporten anger bara",
        "delrapporten beskriver inte",
        "beskriver inte heller",
        "enligt projektets första delrapport",
        "enligt delrapporten",
        "ungefärlig",
        "exakt datum",
        "exakt plats",
        "datumen här täcker",
    ),
    "nb": (
        "delrapporten oppgir ikke",
        "ikke oppgitt i delrapporten",
        "er ikke oppgitt",
        "delrapporten sier bare",
        "delrapporten beskriver ikke",
        "beskriver heller ikke",
        "ifølge prosjektets første delrapport",
        "ifølge delrapporten",
        "omtrentlig",
        "nøyaktig dato",
        "nøyaktig sted",
        "datoene her dekker",
    ),
}
#: the promise of the old content that no longer holds: plans told in the future tense
FUTURE_PLANS: dict[str, tuple[str, ...]] = {
    "sv": ("ska erbjuda", "kommer att erbjuda", "kommer projektet", "ännu"),
    "nb": ("skal tilby", "kommer prosjektet", "ennå", "foreløpig"),
}
#: the pages that tell nothing from the interim report, so they name no source
WITHOUT_SOURCE = {("sidor", "integritet"), ("sidor", "tillganglighet")}


def soup_of(file: Path) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def page_file(build: Build, lang: str, path: str) -> Path:
    """The output file of a URL path (``aktiviteter/x/`` -> ``…/aktiviteter/x/index.html``)."""
    target = build.root(lang) / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def index() -> ContentIndex:
    return ContentIndex.scan(REPO / "content")


def sitemap(build: Build, lang: str) -> dict[str, dict[str, str]]:
    """``{loc: {hreflang: href}}`` of a site's sitemap.xml, checked against the sitemap rules.

    sitemaps.org's schema: ``urlset`` holds only ``url`` elements; each ``url`` starts
    with exactly one ``loc`` (12 to 2048 characters) and may end with elements of
    other namespaces, which for language versions are XHTML ``link`` elements with
    ``rel="alternate"``, ``hreflang`` and ``href`` (what Google reads).
    """
    root = ElementTree.parse(build.root(lang) / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    entries: dict[str, dict[str, str]] = {}
    for url in root:
        assert url.tag == f"{SITEMAP}url"
        children = list(url)
        assert children and children[0].tag == f"{SITEMAP}loc", ElementTree.tostring(url)
        location = children[0].text or ""
        assert 12 <= len(location) <= 2048
        assert location.startswith(LOCAL_URLS[lang] + "/"), location
        alternates = {}
        for link in children[1:]:
            assert link.tag == f"{XHTML}link", ElementTree.tostring(url)
            assert set(link.attrib) == {"rel", "hreflang", "href"}
            assert link.get("rel") == "alternate"
            alternates[link.get("hreflang")] = link.get("href")
        assert location not in entries, f"{location} is listed twice"
        entries[location] = alternates
    return entries


# --- no remarks about the source document, and the source named once instead


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_comments_on_the_source_document(local_build: Build, lang: str) -> None:
    pages = local_build.html_files(lang)
    assert len(pages) > 30
    feeds = sorted((local_build.root(lang) / "feeds").glob("*.xml"))
    assert feeds
    texts = {file: soup_of(file).get_text(" ") for file in pages}
    texts.update({feed: " ".join(ElementTree.parse(feed).getroot().itertext()) for feed in feeds})
    for file, text in texts.items():
        for remark in SOURCE_REMARKS[lang]:
            assert remark not in text.casefold(), f"{file}: {remark!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_plan_is_told_as_if_it_were_still_ahead(lang: str) -> None:
    """The texts and summaries were written in 2023; the project ended in March 2026."""
    items = index().in_language(lang)
    assert len(items) == 21
    for item in items:
        path = item.path
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        text = f"{item.get('summary', '')} {body}".casefold()
        for words in FUTURE_PLANS[lang]:
            assert not re.search(rf"(?<!\w){words}(?!\w)", text), f"{path}: {words!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_from_the_report_shows_its_source_once(local_build: Build, lang: str) -> None:
    shown = 0
    for item in index().in_language(lang):
        slug = own_address(item.fields.get(ADDRESS_FIELD), item.slug)
        soup = soup_of(page_file(local_build, lang, address_of(item.section, slug)))
        main = soup.select_one("main")
        lines = main.select(".source")
        label = f"{SOURCE_LABEL[lang]}:"
        if (item.section, item.slug) in WITHOUT_SOURCE:
            assert item.get("source") is None and lines == [], item.path
            assert label not in main.get_text(" "), item.path
            continue
        source = item.get("source")
        assert source, f"{item.path} draws on the report but names no source"
        assert [line.get_text(" ", strip=True) for line in lines] == [f"{label} {source}"]
        assert main.get_text(" ").count(label) == 1, item.path
        assert lines[0].find_parent("article") is not None, "inside the item, near its end"
        shown += 1
    assert shown == 19


# --- search engines: hreflang alternates in both sitemaps, an author on every feed entry


@pytest.mark.parametrize("lang", LANGS)
def test_sitemap_alternates_are_the_pages_own_and_lead_back(local_build: Build, lang: str) -> None:
    other = OTHER[lang]
    here, there = sitemap(local_build, lang), sitemap(local_build, other)
    assert len(here) > 30
    paired = 0
    for location, alternates in here.items():
        path = location.removeprefix(LOCAL_URLS[lang] + "/")
        head = soup_of(page_file(local_build, lang, path))
        declared = {link["hreflang"]: link["href"] for link in head.select("link[hreflang]")}
        assert alternates == declared, location
        if not alternates:
            continue
        paired += 1
        assert alternates[lang] == location
        assert alternates[other].startswith(LOCAL_URLS[other] + "/")
        assert there[alternates[other]] == alternates, f"{alternates[other]} does not lead back"
    assert paired == len(here), "every page of the repository's content exists in both languages"


def test_sitemap_namespaces_are_declared_on_the_urlset(local_build: Build) -> None:
    for lang in LANGS:
        head = (local_build.root(lang) / "sitemap.xml").read_text(encoding="utf-8")[:300]
        assert head.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset ')
        assert 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"' in head
        assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in head


@pytest.mark.parametrize("lang", LANGS)
def test_every_feed_entry_names_the_project_as_its_author(local_build: Build, lang: str) -> None:
    feeds = sorted((local_build.root(lang) / "feeds").glob("*.atom.xml"))
    assert {feed.name for feed in feeds} >= {"aktiviteter.atom.xml", "nyheter.atom.xml"}
    for feed in feeds:
        entries = ElementTree.parse(feed).getroot().findall(f"{ATOM}entry")
        assert entries, feed
        for entry in entries:
            names = [name.text for name in entry.findall(f"{ATOM}author/{ATOM}name")]
            assert names == ["Samspel 63"], f"{feed}: {names}"


# --- accessibility statements that hold up


#: where each site publishes its statement: the repository's Norwegian one at its own
#: address, a fixture's at its file name's
STATEMENT_PATHS = {"sv": ("tillganglighet/",), "nb": ("tilgjengelighet/", "tillganglighet/")}


def statement(build: Build, lang: str) -> BeautifulSoup:
    files = [page_file(build, lang, path) for path in STATEMENT_PATHS[lang]]
    return soup_of(next(file for file in files if file.is_file())).select_one("main")


def section_text(main: BeautifulSoup, heading: str) -> str:
    """The text under the h2 ``heading``, up to the next h2."""
    start = main.find("h2", string=heading)
    assert start is not None, f"no section {heading!r}"
    parts = []
    for element in start.find_next_siblings():
        if element.name == "h2":
            break
        parts.append(element.get_text(" ", strip=True))
    return " ".join(parts)


def test_the_swedish_statement_carries_what_digg_requires(local_build: Build) -> None:
    main = statement(local_build, "sv")
    text = main.get_text(" ", strip=True)
    assert "Region Jämtland Härjedalen som svensk projektägare, står bakom" in text  # the actor
    assert "webbplatsen samspel63.se" in text  # the service
    assert re.search(r"Webbplatsen är (helt|delvis|inte) förenlig med lagen", text)
    listed = main.find("h2", string="Innehåll som inte är tillgängligt").find_next("ul")
    assert [item.strong.get_text() for item in listed.find_all("li")] == [
        "Sökfunktionen kräver JavaScript."
    ]
    assert "Skälet är" in listed.get_text()  # with its reason
    assert re.search(r"Den senaste bedömningen gjordes den \d{1,2} [a-z]+ \d{4}\.", text)
    assert re.search(r"Redogörelsen uppdaterades senast den \d{1,2} [a-z]+ \d{4}\.", text)
    method = section_text(main, "Hur vi testat webbplatsen")
    assert "självskattning" in method and "axe-core" in method
    feedback = section_text(main, "Rapportera brister i webbplatsens tillgänglighet")
    assert "Region Jämtland Härjedalen eller Stiftinga Hilmar Alexandersen" in feedback
    assert main.select('a[href="https://www.digg.se/tdosanmalan"]')


def test_the_norwegian_statement_carries_what_uutilsynet_describes(local_build: Build) -> None:
    main = statement(local_build, "nb")
    text = main.get_text(" ", strip=True)
    assert "Stiftinga Hilmar Alexandersen som norsk prosjekteier, står bak" in text
    assert "nettstedet samspel63.no" in text
    assert re.search(r"Nettstedet oppfyller kravene (helt|delvis|ikke)", text)
    count = re.search(r"Vi kjenner til (\d+) avvik", text)
    breaches = main.find("h2", string="Avvik fra kravene").find_next_siblings()
    headings = []
    for element in breaches:
        if element.name == "h2":
            break
        if element.name == "h3":
            headings.append(element.get_text())
            details = element.find_next("ul").get_text(" ", strip=True)
            assert "Hva det betyr for deg:" in details and "Begrunnelse:" in details
    assert count is not None and int(count[1]) == len(headings) == 1
    assert "egenvurdering" in section_text(main, "Slik har vi testet nettstedet")
    feedback = section_text(main, "Tilbakemelding")
    assert "Stiftinga Hilmar Alexandersen eller Region Jämtland Härjedalen" in feedback
    complaint = main.find("a", string="Diskrimineringsnemnda")
    assert complaint is not None
    assert complaint["href"] == "https://www.diskrimineringsnemnda.no/"
    assert "klage til Diskrimineringsnemnda" in text


@pytest.mark.parametrize(
    ("lang", "denials"),
    [
        ("sv", ("inte till några brister", "inga kända brister", "inte till några delar")),
        ("nb", ("ikke til noen avvik", "ingen kjente avvik", "ikke til noen brudd")),
    ],
)
def test_no_statement_denies_the_shortcoming_it_lists(
    local_build: Build, lang: str, denials: tuple[str, ...]
) -> None:
    text = statement(local_build, lang).get_text(" ", strip=True)
    assert "JavaScript" in text
    for denial in denials:
        assert denial not in text


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_feedback_address_the_statement_invents_none(
    local_build: Build, lang: str
) -> None:
    main = statement(local_build, lang)
    assert not main.select('a[href^="mailto:"]') and not main.select(".feedback-email")
    assert "@" not in main.get_text()
    problems = [
        (problem.code, str(problem.path), problem.line, problem.severity)
        for problem in check_content(REPO / "content", REPO)
        if problem.code == "feedback-missing"
    ]
    assert problems == [
        ("feedback-missing", "content/sidor/tillganglighet.nb.md", 1, "warning"),
        ("feedback-missing", "content/sidor/tillganglighet.sv.md", 1, "warning"),
    ]


# --- the two things a second accessibility engine flagged on every page


@pytest.mark.parametrize("lang", LANGS)
def test_the_skip_link_sits_in_the_banner(local_build: Build, lang: str) -> None:
    for file in local_build.html_files(lang):
        soup = soup_of(file)
        skip = soup.select("a.skip-link")
        assert len(skip) == 1, file
        banner = skip[0].find_parent("header")
        assert banner is not None and "site-header" in banner["class"], file
        assert banner.find_parent(["article", "aside", "main", "nav", "section"]) is None


def _slugs_by_address(lang: str) -> dict[str, str]:
    """The local URL of every item with an ``address`` -> its file name's slug."""
    base = LOCAL_URLS[lang]
    found = {}
    for item in index().in_language(lang):
        slug = own_address(item.fields.get(ADDRESS_FIELD), item.slug)
        found[f"{base}/{address_of(item.section, slug)}"] = item.slug
    return found


SLUG_OF = {lang: _slugs_by_address(lang) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_every_card_is_named_by_its_heading(local_build: Build, lang: str) -> None:
    cards = 0
    for file in local_build.html_files(lang):
        soup = soup_of(file)
        ids = [element["id"] for element in soup.select("[id]")]
        assert len(ids) == len(set(ids)), f"{file}: an id twice"
        for card in soup.select("article.card"):
            heading = card.find(id=card.get("aria-labelledby"))
            assert heading is not None and heading.name in ("h2", "h3"), f"{file}: {card}"
            link = heading.find("a")
            assert heading.get_text(strip=True) == link.get_text(strip=True)
            # named by the item's file name, which both sites share, even where the
            # Norwegian page has an address of its own
            slug = SLUG_OF[lang].get(link["href"], link["href"].rstrip("/").rsplit("/", 1)[-1])
            assert re.fullmatch(rf"card-(activity|news|initiative)-{slug}", heading["id"])
            cards += 1
    assert cards > 20


# --- the wording fixes


@pytest.mark.parametrize(
    ("lang", "wrong"),
    [
        ("sv", ("Trøndelags fylkeskommune", "Sverige-Norge")),
        ("nb", ("Trøndelags fylkeskommune", "Sverige-Norge", "initiativer", "er gått")),
    ],
)
def test_the_names_are_written_one_way(local_build: Build, lang: str, wrong: tuple) -> None:
    for file in local_build.html_files(lang):
        text = soup_of(file).get_text(" ")
        for words in wrong:
            assert words not in text, f"{file}: {words!r}"


def test_the_norwegian_catalogue_says_aktivitetstype_and_initiativ() -> None:
    path = REPO / "theme" / "translations" / "nb" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        strings = {message.id: message.string for message in read_po(handle) if message.id}
    assert strings["By type of activity"] == "Per aktivitetstype"
    assert strings["%(percent)s %% of the project period has passed"].endswith("har gått")
    for text in strings.values():
        assert "initiativer" not in text and "type aktivitet" not in text, text


# --- what the repository's content cannot show, built from fixture content

#: tests/data/record/content: an activity in Swedish only whose title HTML escapes, a
#: seminar pair with a source, and accessibility statements with feedback addresses
FIXTURE = fixture_files("record")


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory) -> Build:
    folder = tmp_path_factory.mktemp("record")
    build = run_build(folder / "output", content=write_content(folder / "content", FIXTURE))
    assert build.returncode == 0, build.log
    return build


def test_a_page_without_counterpart_has_no_alternates(fixture_build: Build) -> None:
    only = f"{LOCAL_URLS['sv']}/aktiviteter/bara-svenska/"
    both = {lang: f"{LOCAL_URLS[lang]}/aktiviteter/seminarium/" for lang in LANGS}
    swedish, norwegian = sitemap(fixture_build, "sv"), sitemap(fixture_build, "nb")
    assert swedish[only] == {}
    assert not any("bara-svenska" in location for location in norwegian)
    assert swedish[both["sv"]] == norwegian[both["nb"]] == both
    card = soup_of(page_file(fixture_build, "sv", "aktiviteter/")).select_one(
        "article.card[aria-labelledby='card-activity-bara-svenska']"
    )
    assert card is not None and "Kväll & <möte>" in card.get_text()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "sv",
            "E-post för synpunkter på webbplatsens tillgänglighet: tillganglighet@example.se",
        ),
        (
            "nb",
            "E-post for tilbakemeldinger om nettstedets tilgjengelighet: "
            "tilgjengelighet@example.no",
        ),
    ],
)
def test_the_feedback_address_of_the_content_is_shown_at_the_top(
    fixture_build: Build, lang: str, text: str
) -> None:
    main = statement(fixture_build, lang)
    line = main.select_one("article > .feedback-email")
    assert line is not None and line.get_text(" ", strip=True) == text
    address = text.rsplit(" ", 1)[1]
    assert [link["href"] for link in main.select('a[href^="mailto:"]')] == [f"mailto:{address}"]
    assert line.find_previous_sibling("h1") is not None
    source = soup_of(page_file(fixture_build, lang, "aktiviteter/seminarium/")).select(".source")
    assert [item.get_text() for item in source] == [
        f"{SOURCE_LABEL[lang]}: Delrapport 2, mars 2025"
    ]


def test_a_feedback_address_that_is_none_stops_the_build(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", FIXTURE)
    output = tmp_path / "output"
    good = run_build(output, content=content)
    assert good.returncode == 0, good.log
    before = {path: path.read_bytes() for path in output.rglob("*") if path.is_file()}
    broken = {
        "sidor/tillganglighet.sv.md": FIXTURE["sidor/tillganglighet.sv.md"].replace(
            "tillganglighet@example.se", "mailto:tillganglighet@example.se"
        ),
        "sidor/tillganglighet.nb.md": FIXTURE["sidor/tillganglighet.nb.md"].replace(
            "tilgjengelighet@example.no", "tilgjengelighet at example.no"
        ),
    }
    write_content(content, broken)
    bad = run_build(output, content=content)
    assert bad.returncode == 1
    for lang in LANGS:
        assert f"content/sidor/tillganglighet.{lang}.md:3: error: feedback_email: " in bad.log
    assert bad.log.count("[bad-feedback-email]") == 2
    assert "Traceback" not in bad.log
    assert {path: path.read_bytes() for path in output.rglob("*") if path.is_file()} == before
