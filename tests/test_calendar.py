"""The calendar: pages in each site's language, iCalendar feeds, JSON-LD, upcoming vs past.

Builds a small fixture site (written below) at fixed SOURCE_DATE_EPOCHs and reads
the feeds with the ``icalendar`` library and, as a second opinion, with Mozilla's
ical.js (see ``icaljs_events``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from helpers import LOCAL_URLS, REPO, Build, copy_fixture, run_build
from icalendar import Calendar, Event

LANGS = ("sv", "nb")
SITE = LOCAL_URLS
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def epoch(*args: int) -> int:
    return int(datetime(*args, tzinfo=STOCKHOLM).timestamp())


#: 9 April 2025, 12:00: the residency is under way, the workshop is ahead
DURING_RESIDENCY = epoch(2025, 4, 9, 12)
#: 21 May 2025: the (cancelled) workshop of 20 May is over
AFTER_WORKSHOP = epoch(2025, 5, 21, 0)
#: long after everything
LONG_AFTER = epoch(2026, 11, 1, 12)


#: the fixture site (tests/data/calendar/content): a seminar, a night walk across the
#: change to summer time, a residency in Norway under an initiative, a cancelled
#: workshop whose title has characters that HTML and iCalendar escape, and a festival
#: in Swedish only whose long title (FESTIVAL_TITLE) is folded in the feeds
FIXTURE = "calendar"
#: long enough to be folded in the file's names, with characters that TEXT escapes
FESTIVAL_TITLE = "Fjällfestival i Åre – musik, dans och berättande; tre dagar i fjällen"
SLUGS = {
    "sv": {"var-seminarium", "nattvandring", "berattarresidens", "verkstad", "bara-festival"},
    "nb": {"var-seminarium", "nattvandring", "berattarresidens", "verkstad"},
}


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    return copy_fixture(FIXTURE, tmp_path_factory.mktemp("calendar") / "content")


def built(tmp_path_factory, content: Path, when: int, name: str) -> Build:
    build = run_build(tmp_path_factory.mktemp(name) / "output", content, source_date_epoch=when)
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="module")
def during(tmp_path_factory, content) -> Build:
    return built(tmp_path_factory, content, DURING_RESIDENCY, "during")


@pytest.fixture(scope="module")
def after(tmp_path_factory, content) -> Build:
    return built(tmp_path_factory, content, AFTER_WORKSHOP, "after")


def feed(build: Build, lang: str, path: str = "kalender.ics") -> Calendar:
    return Calendar.from_ical((build.root(lang) / path).read_bytes())


def events(build: Build, lang: str, path: str = "kalender.ics") -> dict[str, Event]:
    found = feed(build, lang, path).walk("VEVENT")
    uids = [str(event["UID"]) for event in found]
    assert len(uids) == len(set(uids)), f"an event appears twice in {lang}/{path}"
    return {uid.removesuffix("@samspel63"): event for uid, event in zip(uids, found, strict=True)}


def instant(event: Event, name: str) -> datetime:
    return event.decoded(name).astimezone(UTC)


# --- the feeds


@pytest.mark.parametrize("lang", LANGS)
def test_feed_lists_every_activity_once_with_a_uid_from_the_slug(during: Build, lang) -> None:
    found = events(during, lang)
    assert set(found) == SLUGS[lang]
    assert all(str(e["UID"]) == f"{slug}@samspel63" for slug, e in found.items())
    calendar = feed(during, lang)
    assert str(calendar["PRODID"]).startswith("-//Samspel 63//")
    assert str(calendar["X-WR-CALNAME"]) == "Samspel 63 – kalender"


def test_the_same_activity_has_the_same_uid_and_times_on_both_sites(during: Build) -> None:
    sv, nb = events(during, "sv"), events(during, "nb")
    for slug in SLUGS["nb"]:
        assert sv[slug]["UID"] == nb[slug]["UID"]
        assert sv[slug].decoded("DTSTART") == nb[slug].decoded("DTSTART")
        assert sv[slug].decoded("DTEND") == nb[slug].decoded("DTEND")


def test_summary_description_location_and_category_are_in_the_site_language(
    during: Build,
) -> None:
    sv, nb = events(during, "sv"), events(during, "nb")
    assert str(sv["var-seminarium"]["SUMMARY"]) == "Vårseminarium"
    assert str(nb["var-seminarium"]["SUMMARY"]) == "Vårseminar"
    assert str(sv["var-seminarium"]["CATEGORIES"].cats[0]) == "Seminarium"
    assert str(nb["var-seminarium"]["CATEGORIES"].cats[0]) == "Seminar"
    assert str(nb["verkstad"]["CATEGORIES"].cats[0]) == "Verksted"
    assert str(sv["berattarresidens"]["LOCATION"]) == "Steinkjer, Norge"
    assert str(sv["var-seminarium"]["LOCATION"]) == "Östersund, Sverige"
    for lang, found in (("sv", sv), ("nb", nb)):
        url = f"{SITE[lang]}/aktiviteter/var-seminarium/"
        assert str(found["var-seminarium"]["URL"]) == url
        description = str(found["var-seminarium"]["DESCRIPTION"])
        assert url in description
    assert "Ett seminarium om samarbete." in str(sv["var-seminarium"]["DESCRIPTION"])
    assert "Et seminar om samarbeid." in str(nb["var-seminarium"]["DESCRIPTION"])


@pytest.mark.parametrize("lang", LANGS)
def test_timed_events_are_the_right_utc_instants_across_summer_time(during, lang) -> None:
    found = events(during, lang)
    seminar, night, workshop = found["var-seminarium"], found["nattvandring"], found["verkstad"]
    assert instant(seminar, "DTSTART") == datetime(2025, 3, 14, 17, 0, tzinfo=UTC)
    assert instant(seminar, "DTEND") == datetime(2025, 3, 14, 20, 0, tzinfo=UTC)
    # 30 March 2024 22:00 CET to 31 March 03:30 CEST (the clocks went forward at 02:00)
    assert instant(night, "DTSTART") == datetime(2024, 3, 30, 21, 0, tzinfo=UTC)
    assert instant(night, "DTEND") == datetime(2024, 3, 31, 1, 30, tzinfo=UTC)
    assert instant(workshop, "DTSTART") == datetime(2025, 5, 20, 7, 0, tzinfo=UTC)
    assert seminar["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert night["DTSTART"].params["TZID"] == "Europe/Oslo"


@pytest.mark.parametrize("lang", LANGS)
def test_every_tzid_has_a_vtimezone_with_rrules(during: Build, lang: str) -> None:
    calendar = feed(during, lang)
    zones = {str(zone["TZID"]): zone for zone in calendar.walk("VTIMEZONE")}
    assert sorted(zones) == ["Europe/Oslo", "Europe/Stockholm"]
    for zone in zones.values():
        for observance in zone.subcomponents:
            assert "RRULE" in observance and "RDATE" not in observance
    text = (during.root(lang) / "kalender.ics").read_bytes()
    assert text.index(b"BEGIN:VTIMEZONE") < text.index(b"BEGIN:VEVENT")


@pytest.mark.parametrize("lang", LANGS)
def test_all_day_events_are_dates_with_an_exclusive_end(during: Build, lang: str) -> None:
    residency = events(during, lang)["berattarresidens"]
    assert residency["DTSTART"].params.get("VALUE") == "DATE"
    assert residency.decoded("DTSTART") == date(2025, 4, 7)
    assert residency.decoded("DTEND") == date(2025, 4, 12)  # the last day is 11 April


@pytest.mark.parametrize("lang", LANGS)
def test_cancelled_activities_stay_in_the_feed_marked_cancelled(during: Build, lang) -> None:
    found = events(during, lang)
    assert str(found["verkstad"]["STATUS"]) == "CANCELLED"
    assert {str(e["STATUS"]) for slug, e in found.items() if slug != "verkstad"} == {"CONFIRMED"}


@pytest.mark.parametrize("lang", LANGS)
def test_each_activity_file_holds_exactly_its_event_from_the_feed(during, lang) -> None:
    found = events(during, lang)
    for slug, event in found.items():
        page = during.soup(lang, f"aktiviteter/{slug}/")
        link = page.select_one("a[download][type='text/calendar']")["href"]
        assert link.startswith(SITE[lang] + "/")
        single = events(during, lang, link.removeprefix(SITE[lang] + "/"))
        assert list(single) == [slug]
        assert single[slug].to_ical() == event.to_ical()
        head = page.select_one("head link[rel=alternate][type='text/calendar'][href$='.ics']")
        assert head is not None


@pytest.mark.parametrize("lang", LANGS)
def test_a_type_feed_holds_the_activities_of_that_type(during: Build, lang: str) -> None:
    assert set(events(during, lang, "kalender/typ/workshop.ics")) == {"verkstad"}
    assert set(events(during, lang, "kalender/typ/residency.ics")) == {"berattarresidens"}
    name = str(feed(during, lang, "kalender/typ/seminar.ics")["X-WR-CALNAME"])
    assert name == {"sv": "Samspel 63 – Seminarium", "nb": "Samspel 63 – Seminar"}[lang]


def test_an_activity_file_is_named_after_the_activity(during: Build) -> None:
    """Its NAME and X-WR-CALNAME are the title, even where icalendar folds those lines."""
    data = (during.root("sv") / "aktiviteter/bara-festival/bara-festival.ics").read_bytes()
    calendar = Calendar.from_ical(data)
    assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"]) == FESTIVAL_TITLE
    assert b"\r\n " in data.split(b"BEGIN:VEVENT")[0]


def ics_files(build: Build, lang: str) -> dict[Path, bytes]:
    root = build.root(lang)
    return {path.relative_to(root): path.read_bytes() for path in root.rglob("*.ics")}


def test_two_builds_at_the_same_moment_write_identical_ics(tmp_path_factory, content, during):
    again = built(tmp_path_factory, content, DURING_RESIDENCY, "again")
    for lang in LANGS:
        first = {
            p.relative_to(during.root(lang)): p.read_bytes()
            for p in during.root(lang).rglob("*.ics")
        }
        second = {
            p.relative_to(again.root(lang)): p.read_bytes() for p in again.root(lang).rglob("*.ics")
        }
        assert len(first) == len(SLUGS[lang]) + 1 + len(
            list((during.root(lang) / "kalender" / "typ").glob("*.ics"))
        )
        assert first == second


# --- structured data


@pytest.mark.parametrize("lang", LANGS)
def test_json_ld_of_each_activity_agrees_with_the_feed(during: Build, lang: str) -> None:
    for slug, event in events(during, lang).items():
        page = during.soup(lang, f"aktiviteter/{slug}/")
        scripts = page.select("script[type='application/ld+json']")
        assert len(scripts) == 1
        data = json.loads(scripts[0].string)
        assert data["@type"] == "Event"
        assert data["name"] == str(event["SUMMARY"])
        assert data["url"] == str(event["URL"])
        assert data["inLanguage"] == lang
        assert data["organizer"]["name"] == "Samspel 63"
        assert data["location"]["@type"] == "Place"
        assert data["location"]["name"] in str(event["LOCATION"])
        assert data["location"]["address"]["addressCountry"] in {"SE", "NO"}
        cancelled = str(event["STATUS"]) == "CANCELLED"
        assert data["eventStatus"].endswith("EventCancelled" if cancelled else "EventScheduled")
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        if isinstance(start, datetime):
            assert datetime.fromisoformat(data["startDate"]) == start
            assert datetime.fromisoformat(data["endDate"]) == end
            assert data["startDate"][-6] in "+-"  # carries its UTC offset
        else:
            assert date.fromisoformat(data["startDate"]) == start
            assert date.fromisoformat(data["endDate"]) + timedelta(days=1) == end


def test_a_title_cannot_break_out_of_the_json_ld_script(during: Build) -> None:
    html = (during.root("sv") / "aktiviteter" / "verkstad" / "index.html").read_text()
    head = html[: html.index("</head>")]
    script = head[head.index('<script type="application/ld+json">') :]
    assert script.count("</script") == 1 and script.count("<script") == 1
    soup = BeautifulSoup(html, "html.parser")
    data = json.loads(soup.select_one("script[type='application/ld+json']").string)
    assert data["name"] == "Verkstad </script><script>alert(1)</script> & mer"


# --- pages


def section_slugs(build: Build, lang: str, path: str, heading_id: str) -> list[str]:
    section = build.soup(lang, path).find(id=heading_id).find_parent("section")
    return [a["href"].rstrip("/").rsplit("/", 1)[1] for a in section.select(".card__title a")]


@pytest.mark.parametrize("lang", LANGS)
def test_calendar_page_shows_upcoming_with_ongoing_then_past(during: Build, lang: str) -> None:
    upcoming = section_slugs(during, lang, "kalender/", "upcoming-heading")
    past = section_slugs(during, lang, "kalender/", "past-heading")
    expected = ["berattarresidens", "verkstad"] + (["bara-festival"] if lang == "sv" else [])
    assert upcoming == expected
    assert past == ["var-seminarium", "nattvandring"]
    page = during.soup(lang, "kalender/")
    ongoing = page.select_one("[data-state=ongoing]")
    assert ongoing.select_one(".badge--ongoing").get_text(strip=True) == "Pågår"
    cancelled = page.select_one(".card--cancelled")
    assert (
        cancelled.select_one(".badge--cancelled").get_text(strip=True)
        == {
            "sv": "Inställd",
            "nb": "Avlyst",
        }[lang]
    )


@pytest.mark.parametrize("lang", LANGS)
def test_an_activity_moves_from_upcoming_to_past_when_the_date_passes(during, after, lang):
    assert "verkstad" in section_slugs(during, lang, "kalender/", "upcoming-heading")
    assert "verkstad" not in section_slugs(during, lang, "kalender/", "past-heading")
    assert "verkstad" in section_slugs(after, lang, "kalender/", "past-heading")
    assert "verkstad" not in section_slugs(after, lang, "kalender/", "upcoming-heading")
    assert "verkstad" in section_slugs(during, lang, "kalender/typ/workshop/", "upcoming-heading")
    assert "verkstad" in section_slugs(after, lang, "kalender/typ/workshop/", "past-heading")


def test_list_pages_show_the_latest_past_and_leave_older_ones_to_the_months(
    tmp_path_factory, content
) -> None:
    """With CALENDAR["past_count"] = 1 only the latest past activity is listed."""
    folder = tmp_path_factory.mktemp("past-count")
    settings = folder / "conf.py"
    settings.write_text(
        "from pelican.plugins.samspel.settings import inherit\n"
        f"globals().update(inherit({str(REPO / 'pelicanconf.py')!r}))\n"
        "CALENDAR = {'past_count': 1}\n",
        encoding="utf-8",
    )
    build = run_build(folder / "output", content, settings, DURING_RESIDENCY)
    assert build.returncode == 0, build.log
    for lang in LANGS:
        assert section_slugs(build, lang, "kalender/", "past-heading") == ["var-seminarium"]
        page = build.soup(lang, "kalender/")
        older = page.find(id="past-heading").find_parent("section").select_one(".more a")
        assert older["href"].endswith("/kalender/#months-heading")
        assert page.find(id="months-heading") is not None
        # the older activity is still on its month page
        months = [
            urlsplit(a["href"]).path.lstrip("/")
            for a in page.select("[aria-labelledby=months-heading] a")
        ]
        assert any("nattvandring" in str(build.soup(lang, path)) for path in months)


@pytest.mark.parametrize("lang", LANGS)
def test_pages_link_the_feed_and_offer_a_webcal_subscription(during: Build, lang: str) -> None:
    page = during.soup(lang, "kalender/")
    alternate = page.select_one("head link[rel=alternate][type='text/calendar']")
    assert alternate["href"] == f"{SITE[lang]}/kalender.ics"
    webcal = page.select_one("a.subscribe__webcal")["href"]
    assert webcal == SITE[lang].replace("http://", "webcal://") + "/kalender.ics"
    nav = [a["href"] for a in page.select("nav.site-nav a")]
    assert f"{SITE[lang]}/kalender/" in nav


EXPECTED_DAYS = {
    "kalender/2025-03/": {"var-seminarium": ["2025-03-14"]},
    "kalender/2024-03/": {"nattvandring": ["2024-03-30", "2024-03-31"]},
    "kalender/2025-04/": {"berattarresidens": [f"2025-04-{d:02d}" for d in range(7, 12)]},
    "kalender/2025-05/": {"verkstad": ["2025-05-20"]},
}


@pytest.mark.parametrize("lang", LANGS)
def test_month_grid_lists_each_activity_on_every_day_it_spans(during, lang) -> None:
    for path, expected in EXPECTED_DAYS.items():
        page = during.soup(lang, path)
        table = page.select_one("table.month-grid")
        assert table.caption is not None and table.caption.get_text(strip=True)
        assert len(table.select("thead th[scope=col]")) == 8
        assert len(table.select("tbody th[scope=row]")) == len(table.select("tbody tr"))
        for slug, days in expected.items():
            cells = [
                cell.select_one("time")["datetime"]
                for cell in table.select("td")
                if cell.select_one(f"a[href$='/aktiviteter/{slug}/']")
            ]
            assert cells == days, (lang, path, slug)
            listed = page.select(f".month-list a[href$='/aktiviteter/{slug}/']")
            assert len(listed) == 1
    cancelled = during.soup(lang, "kalender/2025-05/").select_one("table.month-grid td a strong")
    assert cancelled.get_text(strip=True).rstrip(":") in {"Inställd", "Avlyst"}


def test_month_and_type_pages_link_to_the_other_site_only_where_it_has_them(during) -> None:
    assert (during.root("sv") / "kalender" / "2025-06" / "index.html").is_file()
    assert not (during.root("nb") / "kalender" / "2025-06").exists()
    assert not (during.root("nb") / "kalender" / "typ" / "festival").exists()
    for path in ("kalender/2025-06/", "kalender/typ/festival/"):
        page = during.soup("sv", path)
        assert page.select_one("a.language-switch")["href"] == f"{SITE['nb']}/"
        assert page.select("link[hreflang]") == []
    for path in ("kalender/", "kalender/2025-04/", "kalender/typ/residency/"):
        for lang, other in (("sv", "nb"), ("nb", "sv")):
            switch = during.soup(lang, path).select_one("a.language-switch")["href"]
            assert switch == f"{SITE[other]}/{path}"


@pytest.mark.parametrize("lang", LANGS)
def test_activity_page_formats_the_time_and_offers_registration_only_ahead(during, lang):
    seminar = during.soup(lang, "aktiviteter/var-seminarium/").select_one(".facts").get_text()
    day = {"sv": "14 mars 2025", "nb": "14. mars 2025"}[lang]
    assert f"{day} kl. 18.00–21.00" in seminar
    residency = during.soup(lang, "aktiviteter/berattarresidens/")
    assert residency.select_one("a[href='https://example.org/anmalan']") is None  # under way
    assert residency.select_one(".activity-actions .badge--ongoing") is not None
    if lang == "sv":
        festival = during.soup("sv", "aktiviteter/bara-festival/")
        assert festival.select_one("a[href='https://example.org/festival']") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_initiative_page_lists_its_activities(during: Build, lang: str) -> None:
    page = during.soup(lang, "initiativ/berattarnatverket/")
    section = page.find(id="initiative-activities-heading").find_parent("section")
    links = [a["href"] for a in section.select(".card__title a")]
    assert links == [f"{SITE[lang]}/aktiviteter/berattarresidens/"]


@pytest.mark.parametrize("lang", LANGS)
def test_home_shows_the_next_three_or_says_there_are_none(tmp_path_factory, content, lang):
    early = built(tmp_path_factory, content, epoch(2025, 1, 1, 12), f"early-{lang}")
    cards = early.soup(lang, "").find(id="activities-heading").find_parent("section")
    slugs = [a["href"].rstrip("/").rsplit("/", 1)[1] for a in cards.select(".card__title a")]
    assert slugs == ["var-seminarium", "berattarresidens", "verkstad"]
    late = built(tmp_path_factory, content, LONG_AFTER, f"late-{lang}")
    section = late.soup(lang, "").find(id="activities-heading").find_parent("section")
    assert section.select(".card") == []
    text = section.get_text(" ", strip=True)
    # LONG_AFTER is after the project's end: the archive message says so (test_phases.py)
    after = {"sv": "Alla projektets aktiviteter finns kvar", "nb": "Alle prosjektets aktiviteter"}
    assert after[lang] in text
    assert section.select_one(f"a[href='{SITE[lang]}/kalender/']") is not None


# --- a second parser: Mozilla's ical.js, as in Thunderbird

ICALJS_VERSION = "2.2.1"
NODE_CACHE = Path(os.environ.get("SAMSPEL_NODE_CACHE", REPO / ".cache" / "node"))


@pytest.fixture(scope="session")
def icaljs() -> Path:
    """ical.js installed from the npm registry into a cache folder (once)."""
    module = NODE_CACHE / "node_modules" / "ical.js"
    package = module / "package.json"
    if not package.is_file() or json.loads(package.read_text())["version"] != ICALJS_VERSION:
        npm = shutil.which("npm")
        assert npm, "npm (Node.js) is needed to check the feeds with ical.js"
        NODE_CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                npm,
                "install",
                "--no-audit",
                "--no-fund",
                "--no-save",
                "--prefix",
                str(NODE_CACHE),
                f"ical.js@{ICALJS_VERSION}",
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        )
    return module / "dist" / "ical.js"


def icaljs_events(icaljs: Path, files: list[Path]) -> dict[str, list[dict]]:
    node = shutil.which("node")
    assert node, "node is needed to check the feeds with ical.js"
    script = REPO / "tests" / "icaljs" / "events.mjs"
    result = subprocess.run(
        [node, str(script), str(icaljs), *map(str, files)],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return json.loads(result.stdout)


def test_ical_js_reads_the_same_instants_from_our_vtimezones(during: Build, icaljs) -> None:
    files = [during.root(lang) / "kalender.ics" for lang in LANGS]
    read = icaljs_events(icaljs, files)
    for lang, file in zip(LANGS, files, strict=True):
        ours = events(during, lang)
        theirs = {e["uid"].removesuffix("@samspel63"): e for e in read[str(file)]}
        assert set(theirs) == set(ours)
        for slug, event in ours.items():
            other = theirs[slug]
            assert other["summary"] == str(event["SUMMARY"])
            assert other["status"] == str(event["STATUS"])
            for key, name in (("start", "DTSTART"), ("end", "DTEND")):
                value = event.decoded(name)
                if isinstance(value, datetime):
                    assert other["tzid"] in {"Europe/Stockholm", "Europe/Oslo"}
                    expected = value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
                else:
                    expected = value.isoformat()
                assert other[key] == expected, (lang, slug, key)


# --- the setting


# --- dates of change come from the content, not the clock


def test_dtstamp_outside_git_is_the_build_day(during: Build) -> None:
    """The fixture is not in Git: DTSTAMP falls back to the SOURCE_DATE_EPOCH day."""
    build_day = datetime(2025, 4, 9, tzinfo=STOCKHOLM).astimezone(UTC)
    for lang in LANGS:
        for event in events(during, lang).values():
            assert event.decoded("DTSTAMP") == build_day
            assert event.decoded("LAST-MODIFIED") == build_day


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_on_the_calendar_pages_leads_to_a_file(during: Build, lang: str) -> None:
    pages = [during.root(lang) / "index.html", *(during.root(lang) / "kalender").rglob("*.html")]
    pages += (during.root(lang) / "aktiviteter").rglob("*.html")
    assert len(pages) >= 15
    for file in pages:
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        # what the calendar adds; the header and footer belong to the site (test_sites)
        for tag in soup.select("main a[href], head link[type='text/calendar']"):
            href = tag["href"].replace("webcal://", "http://")
            for site_lang, base in SITE.items():
                if href.startswith(base + "/"):
                    path = href.removeprefix(base + "/")
                    target = during.root(site_lang) / path
                    if path == "" or path.endswith("/"):
                        target = target / "index.html"
                    assert target.is_file(), f"{file}: dead link {tag['href']}"


@pytest.mark.parametrize("lang", LANGS)
def test_feed_files_are_exactly_what_icalendar_writes_for_them(during: Build, lang) -> None:
    """ical.py joins components serialised once; the result must be icalendar's own output."""
    for path in (during.root(lang) / "kalender.ics", *during.root(lang).rglob("*/*.ics")):
        data = path.read_bytes()
        assert Calendar.from_ical(data).to_ical() == data, path
