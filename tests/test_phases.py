"""The project's phases and the date of its figures (issue 15, items 5 and 6).

The fixture (tests/data/phases/content) is committed to a temporary Git
repository with fixed commit dates, and both sites are built from it at three
fixed days: before the project's start, while it runs and after its end. The
three builds run one after the other with one cache, and every activity in the
project period is past on both the running and the ended day: so only the phase
tells the page cache that a page the running build kept must be rendered again
once the project has ended (the archive notice is on every page, item pages
included).

The fixture has one scheduled workshop (two companies, 14 March 2024), a
tentative study trip and a postponed residency (February and March 2024; one
company, never counted),
and a festival on 10 February 2027, after the project's end (warned, never
counted, and never booked to March 2026).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from helpers import REPO, Build, run_build, write_settings
from icalendar import Calendar
from pelican.plugins.samspel.check.runner import check_content
from pelican.plugins.samspel.progress.chart import chart_for
from pelican.plugins.samspel.progress.generator import facts_changed_on
from pelican.plugins.samspel.progress.phases import ProjectPeriod, project_phase

STOCKHOLM = ZoneInfo("Europe/Stockholm")
FIXTURE = REPO / "tests" / "data" / "phases" / "content"
START, END = date(2023, 4, 1), date(2026, 3, 31)  # SAMSPEL_PROJECT in pelicanconf.py
#: the build's day in each phase
DAYS = {"before": date(2023, 1, 15), "running": date(2024, 3, 20), "ended": date(2026, 12, 2)}
#: the one commit that wrote the counted files; a later one changes only a news item
DATA_COMMIT = "2024-02-10T10:00:00+01:00"
NEWS_COMMIT = "2024-02-20T10:00:00+01:00"
LANGS = ("sv", "nb")

NOTICE = {
    "sv": "Projektet Samspel 63 avslutades den 31 mars 2026. Webbplatsen finns kvar som arkiv "
    "över vad projektet gjorde.",
    "nb": "Prosjektet Samspel 63 ble avsluttet 31. mars 2026. Nettstedet er bevart som et arkiv "
    "over hva prosjektet gjorde.",
}
LEAD = {
    "sv": {
        "before": "Samspel 63 ska stärka kulturella och kreativa företag i Jämtland Härjedalen "
        "och Trøndelag.",
        "running": "Samspel 63 stärker kulturella och kreativa företag i Jämtland Härjedalen och "
        "Trøndelag.",
        "ended": "Samspel 63 stärkte kulturella och kreativa företag i Jämtland Härjedalen och "
        "Trøndelag från april 2023 till mars 2026.",
    },
    "nb": {
        "before": "Samspel 63 skal styrke kulturelle og kreative bedrifter i Jämtland Härjedalen "
        "og Trøndelag.",
        "running": "Samspel 63 styrker kulturelle og kreative bedrifter i Jämtland Härjedalen og "
        "Trøndelag.",
        "ended": "Samspel 63 styrket kulturelle og kreative bedrifter i Jämtland Härjedalen og "
        "Trøndelag fra april 2023 til mars 2026.",
    },
}
RESULTS_TITLE = {
    "sv": {"ended": "Vad projektet uppnådde", "other": "Så långt har projektet kommit"},
    "nb": {"ended": "Hva prosjektet oppnådde", "other": "Så langt har prosjektet kommet"},
}
PERIOD = {
    "sv": {
        "before": "Projektet kommer att pågå från 1 april 2023 till 31 mars 2026.",
        "running": "Projektet pågår från 1 april 2023 till 31 mars 2026.",
        "ended": "Projektet pågick från 1 april 2023 till 31 mars 2026.",
    },
    "nb": {
        "before": "Prosjektet skal vare fra 1. april 2023 til 31. mars 2026.",
        "running": "Prosjektet varer fra 1. april 2023 til 31. mars 2026.",
        "ended": "Prosjektet varte fra 1. april 2023 til 31. mars 2026.",
    },
}
COUNT = {
    "sv": {
        "ended": "{n} av 100 kulturföretag stärktes",
        "other": "{n} av 100 kulturföretag har stärkts",
    },
    "nb": {
        "ended": "{n} av 100 kulturbedrifter ble styrket",
        "other": "{n} av 100 kulturbedrifter er styrket",
    },
}
#: present and future words the results page must not use once the project has ended
NOT_AFTER_THE_END = {
    "sv": ["ska stärka", "ännu", "pågår", "Så långt", "Det är"],
    "nb": ["skal styrke", "ennå", "varer", "Så langt", "Det er"],
}
UPCOMING = {"sv": "Kommande aktiviteter", "nb": "Kommende aktiviteter"}
ARCHIVE_HEADING = {"sv": "Projektet är avslutat", "nb": "Prosjektet er avsluttet"}
ARCHIVE_MESSAGE = {
    "sv": "Samspel 63 avslutades den 31 mars 2026. Alla projektets aktiviteter finns kvar i "
    "kalendern.",
    "nb": "Samspel 63 ble avsluttet 31. mars 2026. Alle prosjektets aktiviteter er bevart i "
    "kalenderen.",
}
DATA_DAY = {"sv": "10 februari 2024", "nb": "10. februar 2024"}
LONG_DAY = {
    "sv": {"before": "15 januari 2023", "running": "20 mars 2024", "ended": "2 december 2026"},
    "nb": {"before": "15. januar 2023", "running": "20. mars 2024", "ended": "2. desember 2026"},
}
AFTER_THE_END = "aktiviteter/efter-projektet"


def git(repo: Path, *args: str, when: str | None = None) -> None:
    """Run Git in ``repo`` with no user or system configuration, committing at ``when``."""
    env = {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


def commit_all(repo: Path, message: str, when: str) -> None:
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--message", message, when=when)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """The fixture in a Git repository: the counted files at DATA_COMMIT, a news edit later."""
    repo = tmp_path_factory.mktemp("phases-repo")
    git(repo, "init", "--quiet")
    shutil.copytree(FIXTURE, repo / "content")
    commit_all(repo, "The fixture", DATA_COMMIT)
    news = repo / "content" / "nyheter" / "delrapport.sv.md"
    news.write_text(news.read_text(encoding="utf-8") + "\nEn rad till.\n", encoding="utf-8")
    commit_all(repo, "A news item, which the count does not read", NEWS_COMMIT)
    return repo


@pytest.fixture(scope="module")
def builds(repo: Path, tmp_path_factory) -> dict[str, Build]:
    """Both sites at noon in Sweden on each day of DAYS, in that order, with one cache."""
    folder = tmp_path_factory.mktemp("phase-builds")
    built = {}
    for phase, day in DAYS.items():
        noon = datetime(day.year, day.month, day.day, 12, tzinfo=STOCKHOLM)
        build = run_build(
            folder / phase,
            content=repo / "content",
            source_date_epoch=int(noon.timestamp()),
            cache=folder / "cache",
        )
        assert build.returncode == 0, build.log
        built[phase] = build
    return built


def progress_json(build: Build, lang: str) -> dict:
    return json.loads((build.root(lang) / "data" / "progress.json").read_text(encoding="utf-8"))


def text_of(soup: BeautifulSoup) -> str:
    return " ".join(soup.get_text(" ").split())


def main_text(build: Build, lang: str, path: str) -> str:
    return text_of(build.soup(lang, path).find("main"))


def named_companies(build: Build, lang: str) -> set[str]:
    section = build.soup(lang, "resultat/").find(id="companies-heading").parent
    return {cell.get_text(strip=True) for cell in section.select("tbody th[scope=row]")}


def test_the_phase_follows_the_project_period() -> None:
    assert project_phase(date(2023, 3, 31), START, END) == "before"
    assert project_phase(START, START, END) == "running"
    assert project_phase(END, START, END) == "running"  # the last day still belongs to it
    assert project_phase(date(2026, 4, 1), START, END) == "ended"
    assert ProjectPeriod(START, END).phase(date(2026, 12, 2)) == "ended"


@pytest.mark.parametrize("lang", LANGS)
def test_the_archive_notice_is_on_every_page_once_the_project_has_ended(
    builds: dict[str, Build], lang: str
) -> None:
    for phase, build in builds.items():
        files = build.html_files(lang)
        assert len(files) > 10 and any("aktiviteter/verkstad" in str(file) for file in files)
        for file in files:
            soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
            notices = soup.select(".archive-notice")
            if phase != "ended":
                assert notices == [], f"{phase}: {file}"
                assert NOTICE[lang] not in text_of(soup), f"{phase}: {file}"
                continue
            assert len(notices) == 1, file
            (notice,) = notices
            assert text_of(notice) == NOTICE[lang], file
            # in the banner landmark, above the main content, read in order (no live region)
            assert notice.find_parent("header", class_="site-header") is not None, file
            assert notice.find_parent("main") is None, file
            assert notice.sourceline < soup.find("main").sourceline, file
            assert not notice.find_all(attrs={"role": True}) and not notice.get("aria-live")


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_speaks_in_the_tense_of_the_phase(
    builds: dict[str, Build], lang: str
) -> None:
    for phase, build in builds.items():
        home = build.soup(lang, "")
        assert text_of(home.select_one(".hero .lead")) == LEAD[lang][phase], phase
        assert home.find("meta", attrs={"name": "description"})["content"] == LEAD[lang][phase]
        results = home.select_one("section.progress a")
        title = RESULTS_TITLE[lang]["ended" if phase == "ended" else "other"]
        assert text_of(results) == title, phase
    for other in ("before", "running"):
        assert LEAD[lang]["ended"] not in text_of(builds[other].soup(lang, ""))


@pytest.mark.parametrize("lang", LANGS)
def test_the_results_page_speaks_in_the_tense_of_the_phase(
    builds: dict[str, Build], lang: str
) -> None:
    counts = {"before": 0, "running": 2, "ended": 2}
    for phase, build in builds.items():
        page = build.soup(lang, "resultat/")
        tense = "ended" if phase == "ended" else "other"
        assert text_of(page.find("h1")) == RESULTS_TITLE[lang][tense], phase
        assert RESULTS_TITLE[lang][tense] in page.title.get_text()
        text = main_text(build, lang, "resultat/")
        assert PERIOD[lang][phase] in text, phase
        count = COUNT[lang][tense].format(n=counts[phase])
        assert text_of(page.find(id="goal-progress-text")) == count, phase
    ended = main_text(builds["ended"], lang, "resultat/")
    for word in NOT_AFTER_THE_END[lang]:
        assert word not in ended, word
    assert PERIOD[lang]["running"] not in main_text(builds["ended"], lang, "resultat/")


@pytest.mark.parametrize("lang", LANGS)
def test_upcoming_activities_give_way_to_the_archive_message(
    builds: dict[str, Build], lang: str
) -> None:
    for phase, build in builds.items():
        calendar_pages = sorted((build.root(lang) / "kalender").rglob("index.html"))
        assert len(calendar_pages) > 3  # the calendar, its months and its types
        for path, heading_id in [("kalender/", "upcoming-heading"), ("", "activities-heading")]:
            heading = text_of(build.soup(lang, path).find(id=heading_id))
            if phase == "ended":
                assert heading == ARCHIVE_HEADING[lang], path
                assert ARCHIVE_MESSAGE[lang] in main_text(build, lang, path), path
            else:
                assert heading == UPCOMING[lang], (phase, path)
                assert ARCHIVE_MESSAGE[lang] not in main_text(build, lang, path)
        if phase == "ended":
            for file in [build.root(lang) / "index.html", *calendar_pages]:
                assert UPCOMING[lang] not in file.read_text(encoding="utf-8"), file


@pytest.mark.parametrize("lang", LANGS)
def test_the_figures_are_dated_by_the_data_commit_not_by_the_build(
    builds: dict[str, Build], lang: str
) -> None:
    for phase, build in builds.items():
        figures = progress_json(build, lang)
        # the commit that last changed a counted file, not the later news commit
        assert figures["as_of"] == "2024-02-10" != DAYS[phase].isoformat(), phase
        meta = text_of(build.soup(lang, "resultat/").select_one("main p.meta"))
        assert DATA_DAY[lang] in meta and LONG_DAY[lang][phase] not in meta, meta
        if phase == "ended":
            assert ("31 mars 2026" if lang == "sv" else "31. mars 2026") in meta


@pytest.mark.parametrize("lang", LANGS)
def test_only_scheduled_activities_within_the_period_count(
    builds: dict[str, Build], lang: str
) -> None:
    ended = progress_json(builds["ended"], lang)
    assert ended["count"] == progress_json(builds["running"], lang)["count"] == 2
    assert progress_json(builds["before"], lang)["count"] == 0
    # tentative (study trip), postponed (residency), after the end (festival): none count
    assert {kind: ended["by_type"][kind] for kind in ("study-trip", "residency", "festival")} == {
        "study-trip": 0,
        "residency": 0,
        "festival": 0,
    }
    assert named_companies(builds["ended"], lang) == {"Alfa Keramik", "Berg Lyd"}
    # the festival is on the site all the same
    assert (builds["ended"].root(lang) / AFTER_THE_END / "index.html").is_file()


def test_the_chart_books_each_company_to_its_own_month(builds: dict[str, Build]) -> None:
    before = progress_json(builds["before"], "sv")["by_month"]
    assert before == [{"month": "2023-04", "new": 0, "total": 0}]
    running = progress_json(builds["running"], "sv")["by_month"]
    assert running[-1] == {"month": "2024-03", "new": 2, "total": 2}
    months = progress_json(builds["ended"], "sv")["by_month"]
    assert months[0]["month"] == "2023-04" and len(months) == 36
    # once counted under March 2026, the February 2027 festival is in no month now
    assert months[-1] == {"month": "2026-03", "new": 0, "total": 2}
    assert [m["month"] for m in months if m["new"]] == ["2024-03"]
    for lang in LANGS:
        svg = builds["ended"].soup(lang, "resultat/").select_one("svg[role=img]")
        points = [(c["data-month"], int(c["data-total"])) for c in svg.select("circle")]
        assert points == [(m["month"], m["total"]) for m in months]


def test_the_chart_refuses_a_month_outside_the_period() -> None:
    class Figures:
        first_day, new, total = date(2027, 2, 1), 1, 1

    with pytest.raises(ValueError, match="2027-02"):
        chart_for(START, END, [Figures()], 100)


def test_an_activity_after_the_end_is_a_warning_in_both_languages() -> None:
    problems = check_content(FIXTURE, REPO)
    folder = "tests/data/phases/content/aktiviteter"
    assert [(p.code, str(p.path), p.line, p.severity) for p in problems] == [
        ("after-project", f"{folder}/efter-projektet.nb.md", 4, "warning"),
        ("after-project", f"{folder}/efter-projektet.sv.md", 4, "warning"),
        # the tentative study trip's time is long over: the reminder to say what became of it
        ("tentative-over", f"{folder}/studieresa.nb.md", 9, "warning"),
        ("tentative-over", f"{folder}/studieresa.sv.md", 9, "warning"),
    ]
    assert problems[0].message.startswith('Aktiviteten begynner "2027-02-10", etter prosjektets')
    assert problems[1].message.startswith('Aktiviteten börjar "2027-02-10", efter projektets')
    assert "telles ikke i resultatene" in problems[0].message
    assert "räknas inte i resultaten" in problems[1].message


def cli_check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican.plugins.samspel.commands.check",
            "--content",
            str(FIXTURE),
            *args,
        ],
        cwd=REPO,
        env={key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_make_check_reads_the_project_period_from_the_settings(tmp_path: Path) -> None:
    warned = cli_check()
    assert warned.returncode == 0, warned.stdout + warned.stderr
    assert warned.stdout.count("[after-project]") == 2
    assert "Traceback" not in warned.stdout + warned.stderr
    longer = write_settings(
        tmp_path / "settings.py", 'SAMSPEL_PROJECT = {"start": "2023-04-01", "end": "2027-12-31"}'
    )
    quiet = cli_check("--settings", str(longer))
    assert quiet.returncode == 0 and "[after-project]" not in quiet.stdout, quiet.stdout
    broken = write_settings(tmp_path / "broken.py", 'SAMSPEL_PROJECT = {"end": "mars 2026"}')
    refused = cli_check("--settings", str(broken))
    assert refused.returncode == 2 and "SAMSPEL_PROJECT['end']" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_the_figures_date_is_the_newest_commit_that_changed_a_counted_file(
    tmp_path: Path,
) -> None:
    repo = tmp_path / "repo"
    content = repo / "content"
    shutil.copytree(FIXTURE, content)
    git(repo, "init", "--quiet")
    commit_all(repo, "The fixture", DATA_COMMIT)
    assert facts_changed_on(content, START) == date(2024, 2, 10)
    (content / "nyheter" / "delrapport.nb.md").write_text("---\ntitle: Ny\n---\nT\n")
    commit_all(repo, "News only", NEWS_COMMIT)
    assert facts_changed_on(content, START) == date(2024, 2, 10)
    (content / "aktiviteter" / "residens.sv.md").unlink()
    (content / "aktiviteter" / "residens.nb.md").unlink()
    commit_all(repo, "An activity deleted", "2024-03-05T23:30:00+01:00")
    assert facts_changed_on(content, START) == date(2024, 3, 5)  # Swedish day, not UTC's
    companies = content / "data" / "companies.yaml"
    companies.write_text(companies.read_text(encoding="utf-8") + "# checked\n")
    commit_all(repo, "Companies", "2024-04-01T09:00:00+02:00")
    assert facts_changed_on(content, START) == date(2024, 4, 1)
    (content / "aktiviteter" / "bild.png").write_bytes(b"not read by the count")
    commit_all(repo, "A picture beside the activities", "2024-05-01T09:00:00+02:00")
    assert facts_changed_on(content, START) == date(2024, 4, 1)


def test_outside_git_the_figures_date_is_the_newest_file_time(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    old = datetime(2024, 1, 10, 12, tzinfo=STOCKHOLM).timestamp()
    newest = datetime(2024, 2, 3, 12, tzinfo=STOCKHOLM).timestamp()
    for file in content.rglob("*"):
        os.utime(file, (old, old))
    os.utime(content / "aktiviteter" / "verkstad.nb.md", (newest, newest))
    later = datetime(2024, 6, 1, 12, tzinfo=STOCKHOLM).timestamp()
    os.utime(content / "sidor" / "om-projektet.sv.md", (later, later))  # not read by the count
    assert facts_changed_on(content, START) == date(2024, 2, 3)
    assert facts_changed_on(tmp_path / "empty", START) == START


def test_dtstamp_in_git_is_the_last_commit_of_the_file(builds: dict[str, Build]) -> None:
    """DTSTAMP and LAST-MODIFIED of an activity are when its file was last committed.

    (The repository's own activities are known to the month only, so none is in a feed:
    the fixture's Git repository, with its fixed commit dates, stands in for it.)
    """
    expected = datetime.fromisoformat(DATA_COMMIT)
    for lang in ("sv", "nb"):
        feed = builds["running"].root(lang) / "kalender.ics"
        events = Calendar.from_ical(feed.read_bytes()).walk("VEVENT")
        assert len(events) >= 3, f"{lang}: {len(events)} events"
        for event in events:
            assert event.decoded("DTSTAMP") == expected, event["UID"]
            assert event.decoded("LAST-MODIFIED") == expected, event["UID"]
