"""Addresses: every item gets one of its own, never one the site writes itself; safe links.

The list of the site's own names (``contract.site_names``) is checked against a real
build in both directions, so a new folder in the output cannot be forgotten; a page
named like one of them is refused by the check, in the file's language, before
Pelican could stop with a traceback. Registration links are https or mailto, and a
company's website is https.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import LOCAL_SETTINGS, PUBLISH_SETTINGS, REPO, Build, run_build, write_content
from pelican.plugins.samspel.check.problems import Problem
from pelican.plugins.samspel.check.runner import check_content
from pelican.plugins.samspel.content.contract import (
    EDITOR_FOLDER,
    PAGINATION_FOLDER,
    SEARCH_BUNDLE,
    SECTIONS,
    SITE_SETTINGS,
    address_of,
    site_names,
)
from pelican.plugins.samspel.search import index as search_index
from pelican.plugins.samspel.settings import DEFAULT_CALENDAR, DEFAULT_IMAGES, DEFAULT_PROGRESS
from site_fixture import COMPLETE_SITE

EPOCH = 1_700_000_000  # November 2023: the fixture's activities are all ahead
PAGE = "---\ntitle: {title}\n---\nText.\n"
LONG = "a" * 249  # the longest name a file system takes with ".sv.md" after it
MAILTO = "mailto:anmalan@example.org?subject=Seminarium"
ACTIVITY = (
    "---\ntitle: {title}\ntype: seminar\nstart: 2025-03-14\nplace: Östersund\n"
    "country: SE\nsummary: S\nregistration: {registration}\n---\nText.\n"
)
PICTURE_ALT = {
    "sv": "En ring av tomma stolar kring ett litet bord med böcker i varmt lampljus.",
    "nb": "En ring av tomme stoler rundt et lite bord med bøker i varmt lampelys.",
}


def _with_picture(text: str, lang: str) -> str:
    """The item's front matter with the main picture from the shared library."""
    extra = f'image: bilder/stolar.jpg\nimage_alt: "{PICTURE_ALT[lang]}"\n'
    return text.replace("---\n", "---\n" + extra, 1)


#: the complete site, plus every kind of output the site writes (a picture, an
#: activity with a registration by e-mail) and the names that the build must handle:
#: a page named with digits only, a news item with the longest name possible
ADDRESS_SITE: dict[str, str] = {
    **COMPLETE_SITE,
    "initiativ/natverk.sv.md": _with_picture(COMPLETE_SITE["initiativ/natverk.sv.md"], "sv"),
    "initiativ/natverk.nb.md": _with_picture(COMPLETE_SITE["initiativ/natverk.nb.md"], "nb"),
    "aktiviteter/anmalan.sv.md": ACTIVITY.format(title="Anmälan", registration=MAILTO),
    "aktiviteter/anmalan.nb.md": ACTIVITY.format(title="Påmelding", registration=MAILTO),
    "aktiviteter/123.sv.md": ACTIVITY.format(title="Siffror", registration="https://example.org"),
    "aktiviteter/123.nb.md": ACTIVITY.format(title="Tall", registration="https://example.org"),
    "sidor/2024.sv.md": PAGE.format(title="År 2024"),
    "sidor/2024.nb.md": PAGE.format(title="År 2024"),
    f"nyheter/{LONG}.sv.md": "---\ntitle: Lång\ndate: 2025-01-10\nsummary: S\n---\nText.\n",
    f"nyheter/{LONG}.nb.md": "---\ntitle: Lang\ndate: 2025-01-10\nsummary: S\n---\nTekst.\n",
}


def write_site(folder: Path, files: dict[str, str]) -> Path:
    """A content folder with ``files`` and the picture they show."""
    content = write_content(folder, files)
    (content / "bilder").mkdir(exist_ok=True)
    shutil.copy(
        REPO / "content" / "bilder" / "berattarkvall.jpg", content / "bilder" / "stolar.jpg"
    )
    return content


@pytest.fixture(scope="module")
def address_site(tmp_path_factory) -> Build:
    folder = tmp_path_factory.mktemp("address-site")
    content = write_site(folder / "content", ADDRESS_SITE)
    build = run_build(folder / "output", content=content, source_date_epoch=EPOCH)
    assert build.returncode == 0, build.log
    return build


def items_of(files: dict[str, str]) -> list[tuple[str, str, str]]:
    """(section, slug, lang) of every content file in a fixture."""
    found = []
    for relative in files:
        section, name = relative.split("/")
        if section in SECTIONS:
            slug, lang, _md = name.rsplit(".", 2)
            found.append((section, slug, lang))
    return found


# --- the list of the site's own names never falls behind what the site writes


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_every_top_level_entry_is_the_sites_own_or_an_items_address(
    address_site: Build, lang: str
) -> None:
    root = address_site.root(lang)
    items = [item for item in items_of(ADDRESS_SITE) if item[2] == lang]
    item_tops = {address_of(section, slug).split("/")[0] for section, slug, _lang in items}
    entries = {entry.name for entry in root.iterdir()}
    # both ways: nothing unlisted appears, and nothing is listed that the site never writes
    assert entries == (set(site_names()) - {EDITOR_FOLDER}) | item_tops
    for section, kind in SECTIONS.items():
        if kind == "page":
            continue
        slugs = {slug for item_section, slug, _lang in items if item_section == section}
        inside = {entry.name for entry in (root / section).iterdir()}
        assert inside - {PAGINATION_FOLDER} == slugs | {"index.html"}, section


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_every_items_computed_address_is_where_the_build_wrote_it(
    address_site: Build, lang: str
) -> None:
    items = [item for item in items_of(ADDRESS_SITE) if item[2] == lang]
    assert len(items) == len(ADDRESS_SITE) // 2
    for section, slug, _lang in items:
        page = address_site.root(lang) / address_of(section, slug) / "index.html"
        assert page.is_file(), page


@pytest.mark.parametrize("settings_file", [LOCAL_SETTINGS, PUBLISH_SETTINGS])
def test_the_settings_write_where_the_contract_says(settings_file: Path) -> None:
    from pelican.settings import read_settings

    settings = read_settings(str(settings_file))
    pelican_defaults = {"404_SAVE_AS": "404.html"}
    for name, value in SITE_SETTINGS.items():
        assert settings.get(name, pelican_defaults.get(name)) == value, name
    for name in ("ARTICLE", "PAGE"):
        assert settings[f"{name}_LANG_URL"] == settings[f"{name}_URL"]
        assert settings[f"{name}_LANG_SAVE_AS"] == settings[f"{name}_SAVE_AS"]
    assert settings["DIRECT_TEMPLATES"] == ["index", "404", "search"]
    assert [pattern for _n, _url, pattern in settings["PAGINATION_PATTERNS"]][1].startswith(
        f"{{base_name}}/{PAGINATION_FOLDER}/"
    )
    # the generators' paths come from their defaults: the settings must not move them
    assert settings["PROGRESS"]["path"] == DEFAULT_PROGRESS["path"]
    assert settings.get("CALENDAR", DEFAULT_CALENDAR) == DEFAULT_CALENDAR
    assert settings["IMAGES"].get("output_dir", DEFAULT_IMAGES["output_dir"]) == "bilder"
    assert settings["STATIC_PATHS"] == ["bilder"]
    assert search_index.BUNDLE == SEARCH_BUNDLE


# --- the check refuses every one of them, in the file's language


def run_check(tmp_path: Path, files: dict[str, str]) -> list[Problem]:
    content = write_site(tmp_path / "content", {**COMPLETE_SITE, **files})
    return check_content(content, tmp_path)


def reserved_page_names() -> list[str]:
    """Every name a page may not have: the site's own names without their file endings."""
    return sorted({name.split(".")[0] for name in site_names()})


@pytest.mark.parametrize("name", reserved_page_names())
def test_a_page_named_like_the_sites_own_is_refused_with_a_free_name(
    tmp_path: Path, name: str
) -> None:
    pair = {f"sidor/{name}.{lang}.md": PAGE.format(title="T") for lang in ("sv", "nb")}
    problems = run_check(tmp_path, pair)
    assert [(p.code, str(p.path), p.line, p.severity) for p in problems] == [
        ("address-taken", f"content/sidor/{name}.nb.md", 1, "error"),
        ("address-taken", f"content/sidor/{name}.sv.md", 1, "error"),
    ]
    nb, sv = (problem.message for problem in problems)
    assert sv.startswith(f"Filen skulle publiceras på adressen /{name}/, men den krockar med ")
    assert nb.startswith(f"Filen ville blitt publisert på adressen /{name}/, men den kolliderer ")
    assert sv.endswith(f"till exempel till om-{name}.sv.md.")
    assert nb.endswith(f"for eksempel om-{name}.nb.md.")
    # the suggestion is free: renamed as suggested, both files pass
    renamed = {f"sidor/om-{name}.{lang}.md": PAGE.format(title="T") for lang in ("sv", "nb")}
    assert run_check(tmp_path / "renamed", renamed) == []


@pytest.mark.parametrize(
    ("name", "sv", "nb"),
    [
        ("kalender", "webbplatsens kalender", "nettstedets kalender"),
        ("resultat", "webbplatsens resultatsida", "nettstedets resultatside"),
        ("sok", "webbplatsens sökning", "nettstedets søk"),
        ("pagefind", "webbplatsens sökning", "nettstedets søk"),
        (
            "theme",
            "webbplatsens utseende, dess stilmallar och skript",
            "nettstedets utseende, stilark og skript",
        ),
        (
            "aktiviteter",
            "webbplatsens lista över alla aktiviteter",
            "nettstedets liste over alle aktiviteter",
        ),
        (
            "404",
            "sidan som visas när en adress inte finns (404.html)",
            "siden som vises når en adresse ikke finnes (404.html)",
        ),
        (
            "sitemap",
            "webbplatsens fil för sökmotorer (sitemap.xml)",
            "nettstedets fil for søkemotorer (sitemap.xml)",
        ),
        (
            "admin",
            "webbplatsens kommande redigeringsverktyg",
            "nettstedets kommende redigeringsverktøy",
        ),
    ],
)
def test_the_message_names_what_of_the_site_is_there(
    tmp_path: Path, name: str, sv: str, nb: str
) -> None:
    pair = {f"sidor/{name}.{lang}.md": PAGE.format(title="T") for lang in ("sv", "nb")}
    messages = {str(p.path): p.message for p in run_check(tmp_path, pair)}
    assert f", men den krockar med {sv}. Byt namn" in messages[f"content/sidor/{name}.sv.md"]
    assert f", men den kolliderer med {nb}. Gi filen" in messages[f"content/sidor/{name}.nb.md"]


@pytest.mark.parametrize("section", [s for s, kind in SECTIONS.items() if kind != "page"])
def test_an_item_named_like_the_lists_next_pages_is_refused(tmp_path: Path, section: str) -> None:
    text = {
        "aktiviteter": ACTIVITY.format(title="T", registration="https://example.org"),
        "initiativ": "---\ntitle: T\nsummary: S\n---\nText.\n",
        "nyheter": "---\ntitle: T\ndate: 2025-01-10\nsummary: S\n---\nText.\n",
    }[section]
    pair = {f"{section}/{PAGINATION_FOLDER}.{lang}.md": text for lang in ("sv", "nb")}
    problems = run_check(tmp_path, pair)
    assert [(p.code, str(p.path), p.line) for p in problems] == [
        ("address-taken", f"content/{section}/sida.nb.md", 1),
        ("address-taken", f"content/{section}/sida.sv.md", 1),
    ]
    nb, sv = (problem.message for problem in problems)
    assert f"/{section}/sida/" in sv and f"alla {section}" in sv and "sida-2.sv.md" in sv
    assert f"/{section}/sida/" in nb and f"alle {section}" in nb and "sida-2.nb.md" in nb


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_two_files_at_one_address_are_one_problem_naming_both(tmp_path: Path, lang: str) -> None:
    page = f"sidor/Kontakt.{lang}.md"
    problems = run_check(tmp_path, {page: PAGE.format(title="Kontakt")})
    taken = [p for p in problems if p.code == "address-taken"]
    assert [(str(p.path), p.line) for p in taken] == [(f"content/{page}", 1)]
    other = f"content/sidor/kontakt.{lang}.md"
    expected = {
        "sv": f"Filen skulle publiceras på adressen /Kontakt/, men där publiceras redan {other}.",
        "nb": f"Filen ville blitt publisert på adressen /Kontakt/, men der publiseres allerede "
        f"{other}.",
    }[lang]
    assert taken[0].message.startswith(expected)
    assert taken[0].message.endswith(f"om-kontakt.{lang}.md.")


def test_the_repositorys_own_content_takes_no_address_of_the_site() -> None:
    problems = check_content(REPO / "content", REPO)
    assert [p for p in problems if p.code == "address-taken"] == []


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_contributing_lists_every_name_a_page_may_not_have(lang: str) -> None:
    contributing = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    half = contributing.split("\n## Norsk\n")[1 if lang == "nb" else 0]
    rule = half[half.index("`index`, `404`") :].split("\n-", 1)[0]
    for name in reserved_page_names():
        assert f"`{name}`" in rule, name
    assert f"`{PAGINATION_FOLDER}`" in rule


# --- a reserved address stops the build with the check's words only


def test_a_page_named_like_the_calendar_stops_the_build_before_pelican(
    address_site: Build, tmp_path: Path
) -> None:
    output = tmp_path / "output"
    shutil.copytree(address_site.output, output)
    before = {path: path.read_bytes() for path in output.rglob("*") if path.is_file()}
    listing = sorted(output.rglob("*"))
    pages = {f"sidor/kalender.{lang}.md": PAGE.format(title="Kalender") for lang in ("sv", "nb")}
    content = write_site(tmp_path / "content", {**ADDRESS_SITE, **pages})

    bad = run_build(output, content=content, source_date_epoch=EPOCH)

    assert bad.returncode == 1
    assert "Traceback" not in bad.log and "Error" not in bad.log
    errors = [line for line in bad.log.splitlines() if ": error: " in line]
    assert errors == [
        "content/sidor/kalender.nb.md:1: error: fil: Filen ville blitt publisert på adressen "
        "/kalender/, men den kolliderer med nettstedets kalender. Gi filen nytt navn (og den "
        "svenske versjonen, hvis den finnes), for eksempel om-kalender.nb.md. [address-taken]",
        "content/sidor/kalender.sv.md:1: error: fil: Filen skulle publiceras på adressen "
        "/kalender/, men den krockar med webbplatsens kalender. Byt namn på filen (och på den "
        "norska versionen, om den finns), till exempel till om-kalender.sv.md. [address-taken]",
    ]
    assert sorted(output.rglob("*")) == listing
    assert {path: path.read_bytes() for path in output.rglob("*") if path.is_file()} == before


# --- links: https, or mailto for a registration


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_a_registration_by_e_mail_is_a_mailto_button_in_the_sites_words(
    address_site: Build, lang: str
) -> None:
    page = address_site.soup(lang, "aktiviteter/anmalan/")
    button = page.select_one(".activity-actions a.button")
    assert button["href"] == MAILTO
    assert button.get_text(strip=True) == {"sv": "Anmäl dig", "nb": "Meld deg på"}[lang]


@pytest.mark.parametrize(
    "value",
    [
        "https://example.org/anmalan",
        "mailto:anmalan@example.org",
        "mailto:anmalan@företag.se?subject=Anmälan",
    ],
)
def test_https_and_mailto_registrations_pass(tmp_path: Path, value: str) -> None:
    pair = {
        f"aktiviteter/seminarium.{lang}.md": ACTIVITY.format(title="T", registration=value)
        for lang in ("sv", "nb")
    }
    assert run_check(tmp_path, pair) == []


@pytest.mark.parametrize(
    "value",
    [
        "http://example.org/anmalan",
        "www.example.org",
        "javascript:alert(1)",
        "mailto:",
        "mailto:anmalan",
        "mailto:a@b@example.org",
        "mailto:anmalan@example.org, annan@example.org",
        "https://",
        "ftp://example.org/anmalan",
    ],
)
def test_other_registrations_are_refused(tmp_path: Path, value: str) -> None:
    pair = {
        f"aktiviteter/seminarium.{lang}.md": ACTIVITY.format(title="T", registration=f'"{value}"')
        for lang in ("sv", "nb")
    }
    problems = run_check(tmp_path, pair)
    assert [(p.code, str(p.path), p.line) for p in problems] == [
        ("bad-registration", "content/aktiviteter/seminarium.nb.md", 8),
        ("bad-registration", "content/aktiviteter/seminarium.sv.md", 8),
    ]


def test_an_http_registration_is_told_the_https_address(tmp_path: Path) -> None:
    value = "http://example.org/anmalan"
    pair = {
        f"aktiviteter/seminarium.{lang}.md": ACTIVITY.format(title="T", registration=value)
        for lang in ("sv", "nb")
    }
    nb, sv = (problem.message for problem in run_check(tmp_path, pair))
    assert sv == (
        '"http://example.org/anmalan" börjar med http://, som inte är krypterat. Skriv adressen '
        "med https:// i stället: https://example.org/anmalan"
    )
    assert nb == (
        '"http://example.org/anmalan" begynner med http://, som ikke er kryptert. Skriv adressen '
        "med https:// i stedet: https://example.org/anmalan"
    )


COMPANIES = """\
- id: kulturforetaget-ab
  name: Kulturföretaget AB
  country: SE
  region: Jämtland Härjedalen
  sector: Musik
  public: true
  website: {website}
"""


@pytest.mark.parametrize(
    ("website", "expected"),
    [
        ("https://kulturforetaget.se", None),
        (
            "http://kulturforetaget.se",
            '"http://kulturforetaget.se" börjar med http://, som inte är krypterat. Skriv '
            "adressen med https:// i stället: https://kulturforetaget.se",
        ),
        (
            "kulturforetaget.se",
            '"kulturforetaget.se" är ingen webbadress. Skriv hela adressen till företagets '
            "webbplats, som börjar med https://, till exempel https://kulturforetaget.se, eller "
            "ta bort raden.",
        ),
        (
            "mailto:info@kulturforetaget.se",
            '"mailto:info@kulturforetaget.se" är ingen webbadress. Skriv hela adressen till '
            "företagets webbplats, som börjar med https://, till exempel "
            "https://kulturforetaget.se, eller ta bort raden.",
        ),
    ],
)
def test_a_company_website_is_https(tmp_path: Path, website: str, expected: str | None) -> None:
    """The companies file is shared by both sites and written in Swedish: Swedish messages."""
    files = {"data/companies.yaml": COMPANIES.format(website=website)}
    problems = [p for p in run_check(tmp_path, files) if p.path.name == "companies.yaml"]
    wanted = [] if expected is None else [("bad-website", "website", 7, expected)]
    assert [(p.code, p.field, p.line, p.message) for p in problems] == wanted
