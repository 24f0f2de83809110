"""True on the day it is read: dates at the precision written, states, place and country.

Builds the fixture site of ``tests/data/precision/content`` (nine activities in both
languages: a month, a spring, a year, a two-country day, a postponed evening, a
six-week span, a day without place, a tentative day and a cancelled one) at three
fixed SOURCE_DATE_EPOCHs, before the project, during it and after its end, and reads
both sites' HTML, the ``.ics`` files (with ``icalendar`` and Mozilla's ical.js) and
the JSON-LD.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers import LOCAL_URLS, REPO, Build, run_build
from icalendar import Calendar, Event
from pelican.plugins.samspel.check.runner import check_content
from test_calendar import icaljs, icaljs_events  # noqa: F401 (icaljs is a fixture)
from test_html_validity import run_vnu

LANGS = ("sv", "nb")
SITE = LOCAL_URLS
STOCKHOLM = ZoneInfo("Europe/Stockholm")
CONTENT = REPO / "tests" / "data" / "precision" / "content"


def epoch(*args: int) -> int:
    return int(datetime(*args, tzinfo=STOCKHOLM).timestamp())


#: before the project (2023-04-01 – 2026-03-31), during it (the spring meetings are on,
#: the tentative workshop of 25 March is ahead) and after its end
BEFORE, DURING, AFTER = epoch(2023, 1, 15, 12), epoch(2024, 3, 20, 12), epoch(2026, 12, 2, 12)

#: activities dated to the day (the only ones in .ics files) and the others
EXACT = {"gransmote", "berattarkvall", "utvecklingsprogrammet", "sommarkafe", "verkstad"}
EXACT |= {"seminarium"}
INEXACT = {"hilmarfestivalen-2023", "natverkstraffar-var-2024", "residens-2025"}

HELD = {"sv": "Aktiviteten har ägt rum", "nb": "Aktiviteten har funnet sted"}
TO_BE_ANNOUNCED = {"sv": "Plats meddelas senare", "nb": "Sted kommer senere"}
SPRING = {"sv": "mars–maj 2024", "nb": "mars–mai 2024"}
PLANNED_FOR = {"sv": "Planerades till", "nb": "Var planlagt til"}


def built(tmp_path_factory, when: int, name: str) -> Build:
    build = run_build(tmp_path_factory.mktemp(name) / "output", CONTENT, source_date_epoch=when)
    assert build.returncode == 0, build.log
    assert "Traceback" not in build.log
    return build


@pytest.fixture(scope="module")
def before(tmp_path_factory) -> Build:
    return built(tmp_path_factory, BEFORE, "before")


@pytest.fixture(scope="module")
def during(tmp_path_factory) -> Build:
    return built(tmp_path_factory, DURING, "during")


@pytest.fixture(scope="module")
def after(tmp_path_factory) -> Build:
    return built(tmp_path_factory, AFTER, "after")


def text(build: Build, lang: str, path: str, selector: str = "main") -> str:
    """The visible text of part of a page, with its white space collapsed."""
    node = build.soup(lang, path).select_one(selector)
    assert node is not None, (lang, path, selector)
    return " ".join(node.get_text(" ", strip=True).split())


def fact(build: Build, lang: str, slug: str, index: int) -> str:
    """The ``index``-th fact (0 type, 1 when, 2 where) of an activity page."""
    facts = build.soup(lang, f"aktiviteter/{slug}/").select(".facts dd")
    return " ".join(facts[index].get_text(" ", strip=True).split())


def events(build: Build, lang: str, path: str = "kalender.ics") -> dict[str, Event]:
    calendar = Calendar.from_ical((build.root(lang) / path).read_bytes())
    return {str(e["UID"]).removesuffix("@samspel63"): e for e in calendar.walk("VEVENT")}


def card(build: Build, lang: str, path: str, heading_id: str, slug: str):
    """The card of ``slug`` in the section headed ``heading_id`` of a list page, or None."""
    section = build.soup(lang, path).find(id=heading_id).find_parent("section")
    link = section.select_one(f".card__title a[href$='/aktiviteter/{slug}/']")
    return link.find_parent("article") if link else None


def jsonld(build: Build, lang: str, slug: str) -> dict:
    page = build.soup(lang, f"aktiviteter/{slug}/")
    (script,) = page.select("script[type='application/ld+json']")
    return json.loads(script.string)


# --- 1. date precision


@pytest.mark.parametrize("lang", LANGS)
def test_a_month_or_a_year_is_shown_without_a_day(during: Build, lang: str) -> None:
    expected = {
        "hilmarfestivalen-2023": ("september 2023", "2023-09"),
        "natverkstraffar-var-2024": (SPRING[lang], "2024-03"),
        "residens-2025": ("2025", "2025"),
    }
    for slug, (shown, machine) in expected.items():
        assert fact(during, lang, slug, 1) == shown, slug
        page = during.soup(lang, f"aktiviteter/{slug}/")
        assert page.select_one(".facts time")["datetime"] == machine
    upcoming = card(during, lang, "kalender/", "upcoming-heading", "residens-2025")
    assert upcoming.select_one("time").get_text(strip=True) == "2025"
    # the days the old contract had to invent appear nowhere on either site
    day = r"\." if lang == "nb" else ""
    invented = re.compile(
        rf"(?<!\d)(?:1{day} september 2023|30{day} september 2023|1{day} mars 2024|"
        rf"31{day} ma[ji] 2024|1{day} januar[i]? 2025|31{day} [dD]e[cs]ember 2025)"
    )
    for file in during.html_files(lang):
        assert not invented.findall(file.read_text(encoding="utf-8")), file


@pytest.mark.parametrize("lang", LANGS)
def test_only_activities_dated_to_the_day_are_in_the_ics(during: Build, icaljs, lang) -> None:  # noqa: F811
    assert set(events(during, lang)) == EXACT
    assert events(during, lang, "kalender/typ/network-meeting.ics") == {}
    assert events(during, lang, "kalender/typ/study-trip.ics") == {}
    assert set(events(during, lang, "kalender/typ/workshop.ics")) == {"verkstad", "berattarkvall"}
    for slug in INEXACT:
        folder = during.root(lang) / "aktiviteter" / slug
        assert list(folder.glob("*.ics")) == [], slug
        page = during.soup(lang, f"aktiviteter/{slug}/")
        assert page.select("a[type='text/calendar'][download]") == []
        assert page.select(f"head link[type='text/calendar'][href$='/{slug}.ics']") == []
    for slug in EXACT:
        assert (during.root(lang) / "aktiviteter" / slug / f"{slug}.ics").is_file()
    feeds = [during.root(lang) / name for name in ("kalender.ics", "kalender/typ/seminar.ics")]
    read = icaljs_events(icaljs, feeds)
    assert {e["uid"].removesuffix("@samspel63") for e in read[str(feeds[0])]} == EXACT
    assert {e["uid"] for e in read[str(feeds[1])]} == {
        "gransmote@samspel63",
        "seminarium@samspel63",
    }


@pytest.mark.parametrize("lang", LANGS)
def test_the_feed_status_is_true_to_the_state(during: Build, icaljs, lang) -> None:  # noqa: F811
    expected = {
        "verkstad": "TENTATIVE",
        "berattarkvall": "CANCELLED",  # postponed: not at this time, no new one yet
        "seminarium": "CANCELLED",
        "gransmote": "CONFIRMED",
        "utvecklingsprogrammet": "CONFIRMED",
        "sommarkafe": "CONFIRMED",
    }
    found = events(during, lang)
    assert {slug: str(event["STATUS"]) for slug, event in found.items()} == expected
    postponed = {"sv": "Aktiviteten är uppskjuten.", "nb": "Aktiviteten er utsatt."}[lang]
    assert str(found["berattarkvall"]["DESCRIPTION"]).startswith(postponed)
    tentative = {"sv": "Preliminär:", "nb": "Foreløpig:"}[lang]
    assert str(found["verkstad"]["DESCRIPTION"]).startswith(tentative)
    feed = during.root(lang) / "kalender.ics"
    read = icaljs_events(icaljs, [feed])[str(feed)]
    assert {e["uid"].removesuffix("@samspel63"): e["status"] for e in read} == expected


# --- 4. JSON-LD


@pytest.mark.parametrize("lang", LANGS)
def test_json_ld_carries_the_written_precision_and_a_true_status(during, lang) -> None:
    expected = {
        "hilmarfestivalen-2023": ("2023-09", "2023-09", "EventScheduled"),
        "natverkstraffar-var-2024": ("2024-03", "2024-05", None),  # tentative: no status
        "residens-2025": ("2025", "2025", "EventScheduled"),
        "verkstad": ("2024-03-25", "2024-03-25", None),
        "seminarium": ("2024-04-02", "2024-04-02", "EventCancelled"),
        "berattarkvall": ("2024-05-14T18:00+02:00", "2024-05-14T21:00+02:00", "EventPostponed"),
        "utvecklingsprogrammet": ("2023-10-23", "2023-11-30", "EventScheduled"),
    }
    for slug, (start, end, status) in expected.items():
        data = jsonld(during, lang, slug)
        assert (data["startDate"], data["endDate"]) == (start, end), slug
        assert data.get("eventStatus") == (status and f"https://schema.org/{status}"), slug
        assert data["organizer"] == {
            "@type": "Organization",
            "name": "Samspel 63",
            "url": f"{SITE[lang]}/",
        }
    assert (
        jsonld(during, lang, "berattarkvall")["previousStartDate"] == expected["berattarkvall"][0]
    )
    assert "previousStartDate" not in jsonld(during, lang, "seminarium")


# --- 2. states


@pytest.mark.parametrize("lang", LANGS)
def test_a_tentative_activity_past_its_period_is_never_labelled_as_held(after, lang) -> None:
    for slug, when in (
        ("natverkstraffar-var-2024", SPRING[lang]),
        ("verkstad", {"sv": "25 mars 2024", "nb": "25. mars 2024"}[lang]),
    ):
        page = text(after, lang, f"aktiviteter/{slug}/")
        assert HELD[lang] not in page, slug
        assert fact(after, lang, slug, 1) == f"{PLANNED_FOR[lang]} {when}"
        past = card(after, lang, "kalender/", "past-heading", slug)
        assert f"{PLANNED_FOR[lang]} {when}" in " ".join(past.get_text(" ", strip=True).split())
        assert (
            past.select_one(".badge--tentative").get_text(strip=True)
            == {
                "sv": "Preliminär",
                "nb": "Foreløpig",
            }[lang]
        )
    # what happened as written still says so
    assert HELD[lang] in text(after, lang, "aktiviteter/hilmarfestivalen-2023/")
    assert PLANNED_FOR[lang] not in text(after, lang, "aktiviteter/hilmarfestivalen-2023/")


@pytest.mark.parametrize("lang", LANGS)
def test_a_tentative_activity_under_way_is_not_said_to_be_on(during, before, lang) -> None:
    page = during.soup(lang, "aktiviteter/natverkstraffar-var-2024/")
    assert page.select(".badge--ongoing") == []
    assert fact(during, lang, "natverkstraffar-var-2024", 1) == SPRING[lang]
    notice = {"sv": "Preliminär: datum eller detaljer", "nb": "Foreløpig: dato eller detaljer"}
    assert notice[lang] in text(during, lang, "aktiviteter/natverkstraffar-var-2024/")
    # ahead of it, it is upcoming and tentative, not yet "planned for"
    ahead = card(before, lang, "kalender/", "upcoming-heading", "natverkstraffar-var-2024")
    assert PLANNED_FOR[lang] not in ahead.get_text(" ", strip=True)
    assert ahead.select_one(".badge--tentative") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_a_postponed_activity_reads_as_postponed(during: Build, lang: str) -> None:
    upcoming = card(during, lang, "kalender/", "upcoming-heading", "berattarkvall")
    badge = upcoming.select_one(".badge--postponed").get_text(strip=True)
    assert badge == {"sv": "Uppskjuten", "nb": "Utsatt"}[lang]
    page = during.soup(lang, "aktiviteter/berattarkvall/")
    notice = page.select_one(".notice--postponed").get_text(" ", strip=True)
    assert (
        notice
        == {
            "sv": "Aktiviteten är uppskjuten. Inget nytt datum är bestämt.",
            "nb": "Aktiviteten er utsatt. Ingen ny dato er bestemt.",
        }[lang]
    )
    day = {"sv": "14 maj 2024", "nb": "14. mai 2024"}[lang]
    assert fact(during, lang, "berattarkvall", 1) == f"{PLANNED_FOR[lang]} {day} kl. 18.00–21.00"
    assert page.select_one("a[href='https://example.org/anmalan']") is None  # no sign-up
    assert HELD[lang] not in page.get_text()


# --- 3. place and country


@pytest.mark.parametrize("lang", LANGS)
def test_to_be_announced_only_on_upcoming_activities(before, during, after, lang) -> None:
    country = "Sverige"  # the same word in both languages
    assert fact(during, lang, "sommarkafe", 2) == f"{TO_BE_ANNOUNCED[lang]}, {country}"
    upcoming = card(during, lang, "kalender/", "upcoming-heading", "sommarkafe")
    assert TO_BE_ANNOUNCED[lang] in upcoming.get_text()
    assert TO_BE_ANNOUNCED[lang] in fact(before, lang, "natverkstraffar-var-2024", 2)
    # once past, a missing place is simply not shown: only the country
    assert fact(after, lang, "sommarkafe", 2) == country
    assert fact(after, lang, "natverkstraffar-var-2024", 2) == country
    for file in after.html_files(lang):
        assert TO_BE_ANNOUNCED[lang] not in file.read_text(encoding="utf-8"), file
    assert str(events(after, lang)["sommarkafe"]["LOCATION"]) == country


@pytest.mark.parametrize("lang", LANGS)
def test_a_two_country_activity(during: Build, icaljs, lang: str) -> None:  # noqa: F811
    both = {"sv": "Sverige och Norge", "nb": "Sverige og Norge"}[lang]
    place = {"sv": "Storlien och Meråker", "nb": "Storlien og Meråker"}[lang]
    assert fact(during, lang, "gransmote", 2) == f"{place}, {both}"
    event = events(during, lang)["gransmote"]
    assert str(event["LOCATION"]) == f"{place}, {both}"
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2024, 4, 10, 8, tzinfo=UTC)
    data = jsonld(during, lang, "gransmote")
    assert data["location"]["address"] == [
        {"@type": "PostalAddress", "addressCountry": "SE"},
        {"@type": "PostalAddress", "addressCountry": "NO"},
    ]
    feed = during.root(lang) / "aktiviteter" / "gransmote" / "gransmote.ics"
    (read,) = icaljs_events(icaljs, [feed])[str(feed)]
    assert (read["tzid"], read["start"]) == ("Europe/Stockholm", "2024-04-10T08:00:00.000Z")


def test_the_fixture_passes_the_check_though_nb_lists_the_countries_the_other_way() -> None:
    """[SE, NO] in the .sv.md and [NO, SE] in the .nb.md state one fact."""
    problems = check_content(CONTENT, REPO)
    assert [p for p in problems if p.severity == "error"] == []


# --- the month grid


@pytest.mark.parametrize("lang", LANGS)
def test_a_span_of_many_days_is_one_entry_in_the_month_grid(after: Build, lang) -> None:
    until = {"sv": "till 30 nov.", "nb": "til 30. nov."}[lang]
    for month, first_day in (("2023-10", "2023-10-23"), ("2023-11", "2023-11-01")):
        page = after.soup(lang, f"kalender/{month}/")
        cells = [
            cell
            for cell in page.select("table.month-grid td")
            if cell.select_one("a[href$='/aktiviteter/utvecklingsprogrammet/']")
        ]
        assert [cell.select_one("time")["datetime"] for cell in cells] == [first_day]
        assert until in " ".join(cells[0].get_text(" ", strip=True).split())
        assert len(page.select(".month-list a[href$='/aktiviteter/utvecklingsprogrammet/']")) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_a_month_is_listed_under_its_month_and_a_year_on_no_month(after, lang) -> None:
    heading = {"sv": "Under månaden", "nb": "I løpet av måneden"}[lang]
    for month, slug in (
        ("2023-09", "hilmarfestivalen-2023"),
        ("2024-03", "natverkstraffar-var-2024"),
        ("2024-04", "natverkstraffar-var-2024"),
        ("2024-05", "natverkstraffar-var-2024"),
    ):
        page = after.soup(lang, f"kalender/{month}/")
        assert page.select(f"table.month-grid a[href$='/aktiviteter/{slug}/']") == []
        during = page.select_one(".month-during")
        assert during.select_one("h2").get_text(strip=True) == heading
        assert during.select_one(f"a[href$='/aktiviteter/{slug}/']") is not None
    assert after.soup(lang, "kalender/2024-04/").select_one(".month-during time")["datetime"] == (
        "2024-03"
    )
    assert not list((after.root(lang) / "kalender").glob("2025-*"))
    months = [a["href"] for a in after.soup(lang, "kalender/").select("#months-heading ~ ul a")]
    assert months and not [href for href in months if "2025-" in href]
    assert card(after, lang, "kalender/", "past-heading", "residens-2025") is not None


# --- reminders: the check and make status


def cli(*args: str, when: int) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    env["SOURCE_DATE_EPOCH"] = str(when)
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, env=env, capture_output=True, text=True
    )


def test_the_check_warns_about_each_tentative_activity_past_its_period() -> None:
    result = cli("pelican.plugins.samspel.commands.check", "--content", str(CONTENT), when=AFTER)
    assert result.returncode == 0, result.stdout  # a warning: the sites are still built
    warned = sorted(line for line in result.stdout.splitlines() if "[tentative-over]" in line)
    folder = "tests/data/precision/content/aktiviteter"
    assert [line.split(": status: ")[0] for line in warned] == [
        f"{folder}/natverkstraffar-var-2024.nb.md:7: warning",
        f"{folder}/natverkstraffar-var-2024.sv.md:7: warning",
        f"{folder}/verkstad.nb.md:7: warning",
        f"{folder}/verkstad.sv.md:7: warning",
    ]
    assert '"Var planlagt til mars–mai 2024"' in warned[0]
    assert '"Planerades till mars–maj 2024"' in warned[1]
    assert "Traceback" not in result.stdout + result.stderr
    ahead = cli("pelican.plugins.samspel.commands.check", "--content", str(CONTENT), when=DURING)
    assert "[tentative-over]" not in ahead.stdout


def test_make_status_names_each_tentative_activity_past_its_period() -> None:
    result = cli("pelican.plugins.samspel.commands.status", "--content", str(CONTENT), when=AFTER)
    assert result.returncode == 0, result.stderr
    report = result.stdout.split("Preliminära aktiviteter vars tid har gått")[1]
    assert report.startswith(": 2\n")  # the Swedish block; the Norwegian one is its own
    assert (
        "  content/aktiviteter/natverkstraffar-var-2024.sv.md, "
        "content/aktiviteter/natverkstraffar-var-2024.nb.md (2024-03 – 2024-05)\n"
    ) in report
    assert "content/aktiviteter/verkstad.nb.md (2024-03-25)\n" in report
    ahead = cli("pelican.plugins.samspel.commands.status", "--content", str(CONTENT), when=DURING)
    assert "der tiden er over: 0\n" in ahead.stdout


def test_the_retired_planned_stops_the_build_and_keeps_the_last_output(
    after: Build, tmp_path: Path
) -> None:
    """Today's ``status: planned`` in both files: each is told what to write instead."""
    output = tmp_path / "output"
    shutil.copytree(after.output, output)
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    for lang in LANGS:
        broken = content / "aktiviteter" / f"natverkstraffar-var-2024.{lang}.md"
        broken.write_text(
            broken.read_text(encoding="utf-8").replace("status: tentative", "status: planned"),
            encoding="utf-8",
        )
    before_files = {path: path.read_bytes() for path in output.rglob("*") if path.is_file()}
    listing = sorted(output.rglob("*"))
    bad = run_build(output, content, source_date_epoch=AFTER)
    assert bad.returncode == 1
    errors = [line for line in bad.log.splitlines() if ": error: " in line]
    assert len(errors) == 2, bad.log
    for lang, reported in zip(("nb", "sv"), errors, strict=True):
        at = f"content/aktiviteter/natverkstraffar-var-2024.{lang}.md:7: error: status: "
        assert at in reported and reported.endswith("[unknown-status]")
        assert "status: scheduled" in reported and "status: tentative" in reported
        assert {"sv": "finns inte längre", "nb": "finnes ikke lenger"}[lang] in reported
    assert "Traceback" not in bad.log
    assert sorted(output.rglob("*")) == listing
    assert {p: p.read_bytes() for p in output.rglob("*") if p.is_file()} == before_files


def test_every_page_of_the_fixture_is_valid_html(during: Build, after: Build) -> None:
    """``<time datetime="2023-09">`` and ``"2025"`` are valid HTML, as is each new block."""
    files = [str(f) for build in (during, after) for lang in LANGS for f in build.html_files(lang)]
    errors = [m for m in run_vnu(files) if m.get("type") in ("error", "non-document-error")]
    assert not errors, errors


@pytest.mark.parametrize("lang", LANGS)
def test_a_news_item_dated_to_the_month_shows_no_day(after: Build, lang: str) -> None:
    """``date: 2023-12``: the page and the news list say the month, and <time> says 2023-12."""
    month = {"sv": "december 2023", "nb": "desember 2023"}[lang]
    for path in ("nyheter/delrapport/index.html", "nyheter/index.html"):
        page = (after.root(lang) / path).read_text(encoding="utf-8")
        times = re.findall(r'<time datetime="([^"]*)">([^<]*)</time>', page)
        assert ("2023-12", month) in times, f"{lang}/{path}: {times}"
        assert not re.search(r"\b1\.? (december|desember) 2023", page), f"{lang}/{path}"
