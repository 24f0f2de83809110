"""The companies on an activity page (issue 16, item 6).

An activity page lists the companies it names in ``companies`` that agreed to
be named (``public: true`` in content/data/companies.yaml, the rule of the
results page): name, sector in the page's language, and a link to the
website, then how many more take part without being named, with the right
singular or plural in both languages. A ``public: false`` company's name and id
are in no file of either site. One fixture site, built once, both languages.
"""

from __future__ import annotations

import gzip

import pytest
from helpers import Build, copy_fixture, run_build

HIDDEN_NAME = "Tyst Gran Produktion"
HIDDEN_ID = "tyst-gran"
SECOND_HIDDEN_NAME = "Dold Dans"
SECOND_HIDDEN_ID = "dold-dans"

#: The fixture site (tests/data/activity-companies/content): companies.yaml with two
#: ``public: false`` companies (HIDDEN_*) and one whose sector has no translation, and
#: a workshop per slug of ACTIVITIES in both languages, listing:
#: - verkstad: one named (with a website), one not: "and 1 more" in the singular;
#: - seminarium: one named (no website), two not, one listed twice: "and 2 more";
#: - natverk: none named: "1 company that is not named";
#: - residens: none named: "2 companies that are not named";
#: - ljusverkstad: a sector the page has no translation for: shown as written;
#: - utan-foretag: none at all: no section;
#: and installd (CANCELLED), a cancelled one that names a public and a hidden company.
FIXTURE = "activity-companies"
ACTIVITIES = ("verkstad", "seminarium", "natverk", "residens", "ljusverkstad", "utan-foretag")
CANCELLED = ("installd",)

HEADING = {"sv": "Deltagande företag", "nb": "Deltakende bedrifter"}
#: slug -> the list items of its companies section, per language
EXPECTED = {
    "sv": {
        "verkstad": ["Alfa Keramik (Konsthantverk)", "och 1 företag till som inte namnges"],
        "seminarium": ["Björk Ljud (Musik)", "och 2 företag till som inte namnges"],
        "natverk": ["1 företag som inte namnges"],
        "residens": ["2 företag som inte namnges"],
        "ljusverkstad": ["Alfa Keramik (Konsthantverk)", "Egen Bransch AB (Ljuskonst)"],
    },
    "nb": {
        "verkstad": ["Alfa Keramik (Kunsthåndverk)", "og 1 bedrift til som ikke navngis"],
        "seminarium": ["Björk Ljud (Musikk)", "og 2 bedrifter til som ikke navngis"],
        "natverk": ["1 bedrift som ikke navngis"],
        "residens": ["2 bedrifter som ikke navngis"],
        "ljusverkstad": ["Alfa Keramik (Kunsthåndverk)", "Egen Bransch AB (Ljuskonst)"],
    },
}
LANGS = ("sv", "nb")
GZIP = b"\x1f\x8b"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Build:
    folder = tmp_path_factory.mktemp("activity-companies")
    content = copy_fixture(FIXTURE, folder / "content")
    build = run_build(folder / "output", content=content)
    assert build.returncode == 0, build.log
    assert "Traceback" not in build.log
    return build


def section(build: Build, lang: str, slug: str):
    return build.soup(lang, f"aktiviteter/{slug}/").select_one("section.companies")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", sorted(EXPECTED["sv"]))
def test_the_named_companies_and_how_many_more(site: Build, lang: str, slug: str) -> None:
    found = section(site, lang, slug)
    assert found is not None, slug
    assert found.select_one("h2").get_text(strip=True) == HEADING[lang]
    assert found["aria-labelledby"] == found.select_one("h2")["id"]
    items = [" ".join(item.get_text().split()) for item in found.select("li")]
    assert items == EXPECTED[lang][slug]


@pytest.mark.parametrize("lang", LANGS)
def test_a_named_company_links_to_its_website_only_if_it_has_one(site: Build, lang: str) -> None:
    links = {a.get_text(): a["href"] for a in section(site, lang, "verkstad").select("a")}
    assert links == {"Alfa Keramik": "https://alfa.example.org/"}
    assert section(site, lang, "seminarium").select("a") == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", ["utan-foretag", "installd"])
def test_no_section_without_companies_or_when_cancelled(site: Build, lang: str, slug: str) -> None:
    page = site.soup(lang, f"aktiviteter/{slug}/")
    assert page.select_one("h1") is not None
    assert section(site, lang, slug) is None
    assert HEADING[lang] not in page.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_sectors_on_the_results_page_are_in_its_language_too(site: Build, lang: str) -> None:
    """The same rule and the same words as the activity pages: one naming rule."""
    rows = site.soup(lang, "resultat/").select("#companies-heading ~ table tbody tr")
    shown = {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in rows}
    assert shown == {
        "Alfa Keramik": {"sv": "Konsthantverk", "nb": "Kunsthåndverk"}[lang],
        "Björk Ljud": {"sv": "Musik", "nb": "Musikk"}[lang],
        "Egen Bransch AB": "Ljuskonst",
    }


def test_no_file_of_either_site_names_a_company_that_is_not_public(site: Build) -> None:
    secrets = [
        secret.lower().encode()
        for secret in (HIDDEN_NAME, HIDDEN_ID, SECOND_HIDDEN_NAME, SECOND_HIDDEN_ID)
    ]
    files = [file for lang in LANGS for file in site.root(lang).rglob("*") if file.is_file()]
    pages = {file.parent.name for file in files if file.name == "index.html"}
    assert set(ACTIVITIES) | set(CANCELLED) <= pages  # every activity page was written
    for file in files:
        data = file.read_bytes()
        if data.startswith(GZIP):  # the search index: read what it holds, not its zip
            data = gzip.decompress(data)
        data = data.lower()
        for secret in secrets:
            assert secret not in data, f"{file} contains {secret!r}"
