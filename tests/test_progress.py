"""The progress counter: the same count on both sites, computed by the rule from the content.

The rule: a company counts once it is listed in ``companies`` of at least one
scheduled activity that starts within the project period, on or before today. The
tests compute the expected set of companies straight from the fixture's front
matter and compare it with what the two sites show and write. The phases (and the
figures after the project's end, and their date from Git) are in test_phases.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime
from pathlib import Path
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import pytest
import yaml
from helpers import REPO, Build, copy_fixture, fixture_files, run_build, write_content
from pelican.plugins.samspel.progress.generator import (
    load_companies,
)

SVG = "{http://www.w3.org/2000/svg}"
PROGRESS_PATH = "resultat/"
HIDDEN_NAME = "Tyst Gran Produktion"
HIDDEN_ID = "tyst-gran"

#: the fixture site (tests/data/progress/content): five companies, NO unquoted (YAML 1.1
#: would read false), HIDDEN_ID public: false; a seminar in both languages naming a
#: public and the hidden company, a timed workshop in Swedish only (alfa-keramik's
#: second), a cancelled study trip (ceder-ljud never counts) and a residency from
#: 2025-09-01 (dalen-dans counts from that day)
FIXTURE = "progress"

PROJECT = (date(2023, 4, 1), date(2026, 3, 31))  # SAMSPEL_PROJECT in pelicanconf.py
BEFORE_FUTURE = datetime(2025, 1, 15, 12, tzinfo=UTC)
FUTURE_STARTED = datetime(2025, 9, 1, 6, tzinfo=UTC)  # 08.00 in Sweden, the start day


def front_matter(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8").split("---\n")[1], Loader=yaml.BaseLoader)


def expected_companies(content: Path, today: date) -> set[str]:
    """The rule, applied straight to the front matter (either language file of a slug)."""
    facts: dict[str, dict] = {}
    for path in sorted((content / "aktiviteter").glob("*.md")):
        facts.setdefault(path.name.split(".")[0], front_matter(path))
    strengthened: set[str] = set()
    for head in facts.values():
        written = head["start"]  # a year, a month, a day or a day with a time
        start = date.fromisoformat(
            {4: f"{written}-01-01", 7: f"{written}-01"}.get(len(written), written[:10])
        )
        counted = PROJECT[0] <= start <= min(today, PROJECT[1])
        if counted and head.get("status", "scheduled") == "scheduled":
            strengthened |= set(head.get("companies", []))
    return strengthened


def listings(content: Path) -> list[str]:
    """Every company mention in every activity slug, duplicates kept."""
    facts = {
        path.name.split(".")[0]: front_matter(path)
        for path in sorted((content / "aktiviteter").glob("*.md"))
    }
    return [company for head in facts.values() for company in head.get("companies", [])]


def progress_json(build: Build, lang: str) -> dict:
    return json.loads((build.root(lang) / "data" / "progress.json").read_text(encoding="utf-8"))


def svg_of(build: Build, lang: str) -> ElementTree.Element:
    html = (build.root(lang) / PROGRESS_PATH / "index.html").read_text(encoding="utf-8")
    # the chart is the SVG with role="img" (the header's EU emblem is decorative)
    match = re.search(r'<svg\b[^>]*role="img".*?</svg>', html, re.DOTALL)
    assert match, "the progress page has no inline SVG chart"
    return ElementTree.fromstring(match.group(0))


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    return copy_fixture(FIXTURE, tmp_path_factory.mktemp("progress") / "content")


@pytest.fixture(scope="module")
def early(content: Path, tmp_path_factory) -> Build:
    output = tmp_path_factory.mktemp("early") / "output"
    build = run_build(output, content, source_date_epoch=int(BEFORE_FUTURE.timestamp()))
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="module")
def late(content: Path, tmp_path_factory) -> Build:
    output = tmp_path_factory.mktemp("late") / "output"
    build = run_build(output, content, source_date_epoch=int(FUTURE_STARTED.timestamp()))
    assert build.returncode == 0, build.log
    return build


WORDING = {
    "sv": "{n} av {target} kulturföretag har stärkts",
    "nb": "{n} av {target} kulturbedrifter er styrket",
}


@pytest.mark.parametrize("lang", ["sv", "nb"])
@pytest.mark.parametrize("moment", ["early", "late"])
def test_home_progress_shows_the_count_by_the_rule(
    request, content: Path, lang: str, moment: str
) -> None:
    build: Build = request.getfixturevalue(moment)
    today = (BEFORE_FUTURE if moment == "early" else FUTURE_STARTED).date()
    expected = len(expected_companies(content, today))
    for path in ("", PROGRESS_PATH):
        soup = build.soup(lang, path)
        bar = soup.select_one("progress[max='100']")
        assert bar is not None, f"no <progress> on /{path}"
        assert int(bar["value"]) == expected
        label = soup.find(id=bar["aria-labelledby"])
        assert label is not None, "the <progress> has no accessible name"
        assert label.get_text(" ", strip=True) == WORDING[lang].format(n=expected, target=100)
    assert progress_json(build, lang)["count"] == expected


def test_a_company_in_two_activities_counts_once(early: Build, content: Path) -> None:
    mentions = listings(content)
    assert mentions.count("alfa-keramik") == 2
    counted = expected_companies(content, BEFORE_FUTURE.date())
    started = [company for company in mentions if company in counted]
    figures = progress_json(early, "sv")
    assert figures["count"] == len(counted) == len(started) - 1
    # alfa-keramik took part in a seminar and a workshop: counted under both types, once in all
    assert figures["by_type"]["seminar"] == 2 and figures["by_type"]["workshop"] == 2
    assert sum(figures["by_country"].values()) == figures["count"]


def named_companies(build: Build, lang: str) -> set[str]:
    soup = build.soup(lang, PROGRESS_PATH)
    section = soup.find(id="companies-heading").parent
    return {cell.get_text(strip=True) for cell in section.select("tbody th[scope=row]")}


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_future_counts_once_started_and_cancelled_never(
    early: Build, late: Build, content: Path, lang: str
) -> None:
    assert "dalen-dans" not in expected_companies(content, BEFORE_FUTURE.date())
    assert "dalen-dans" in expected_companies(content, FUTURE_STARTED.date())
    assert named_companies(early, lang) == {"Alfa Keramik", "Eik Forlag"}
    assert named_companies(late, lang) == {"Alfa Keramik", "Eik Forlag", "Dalen Dans"}
    assert progress_json(late, lang)["count"] == progress_json(early, lang)["count"] + 1
    for build in (early, late):
        assert "Ceder Ljud" not in named_companies(build, lang)
        assert progress_json(build, lang)["by_type"]["study-trip"] == 0


def newest_change(content: Path) -> str:
    """The day (in Sweden) the files the count reads were written: the fixture is not in Git."""
    files = [*(content / "aktiviteter").glob("*.md"), content / "data" / "companies.yaml"]
    newest = max(file.stat().st_mtime for file in files)
    return datetime.fromtimestamp(newest, ZoneInfo("Europe/Stockholm")).date().isoformat()


@pytest.mark.parametrize("moment", ["early", "late"])
def test_progress_json_is_the_same_on_both_sites_and_adds_up(
    request, content: Path, moment: str
) -> None:
    build: Build = request.getfixturevalue(moment)
    raw = {
        lang: (build.root(lang) / "data" / "progress.json").read_bytes() for lang in ("sv", "nb")
    }
    assert raw["sv"] == raw["nb"]
    figures = json.loads(raw["sv"])
    assert (
        raw["sv"].decode()
        == json.dumps(figures, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    )
    today = BEFORE_FUTURE if moment == "early" else FUTURE_STARTED
    # the data's date (outside Git: the files' modification time), never the build's day
    assert figures["as_of"] == newest_change(content) != today.date().isoformat()
    count = figures["count"]
    assert figures["target"] == 100
    assert sum(figures["by_country"].values()) == count
    assert figures["by_country"] == {
        "NO": figures["by_country"]["NO"],
        "SE": figures["by_country"]["SE"],
    }
    assert sum(figures["by_region"].values()) == count
    assert all(0 <= n <= count for n in figures["by_type"].values())
    assert sum(figures["by_type"].values()) >= count
    months = figures["by_month"]
    assert months[0]["month"] == "2023-04" and months[-1]["month"] == today.strftime("%Y-%m")
    assert sum(month["new"] for month in months) == count == months[-1]["total"]
    running = 0
    for month in months:
        running += month["new"]
        assert month["total"] == running
    for lang in ("sv", "nb"):
        rows = list(
            csv.DictReader(io.StringIO((build.root(lang) / "data" / "progress.csv").read_text()))
        )
        assert [(r["month"], int(r["new"]), int(r["total"])) for r in rows] == [
            (m["month"], m["new"], m["total"]) for m in months
        ]


@pytest.mark.parametrize("moment", ["early", "late"])
def test_no_output_file_names_a_company_that_is_not_public(request, moment: str) -> None:
    build: Build = request.getfixturevalue(moment)
    secrets = [HIDDEN_NAME.lower().encode(), HIDDEN_ID.encode()]
    files = [
        file for lang in ("sv", "nb") for file in build.root(lang).rglob("*") if file.is_file()
    ]
    assert any(file.name == "progress.json" for file in files)
    for file in files:
        data = file.read_bytes().lower()
        for secret in secrets:
            assert secret not in data, f"{file} contains {secret!r}"
    # ... and yet the company is counted: it is the only company from Trøndelag before September
    assert progress_json(build, "sv")["by_region"].get("Trøndelag", 0) >= 1


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_chart_is_well_formed_svg_with_the_figures_of_progress_json(late: Build, lang: str) -> None:
    svg = svg_of(late, lang)
    assert svg.tag == f"{SVG}svg" and svg.get("role") == "img"
    for label_id in svg.get("aria-labelledby").split():
        label = next(el for el in svg.iter() if el.get("id") == label_id)
        assert label.tag in (f"{SVG}title", f"{SVG}desc") and label.text.strip()
    months = progress_json(late, lang)["by_month"]
    points = [c for c in svg.iter(f"{SVG}circle") if c.get("data-month")]
    assert [(c.get("data-month"), int(c.get("data-total"))) for c in points] == [
        (m["month"], m["total"]) for m in months
    ]
    polyline = svg.find(f"{SVG}polyline").get("points").split()
    heights = [float(pair.split(",")[1]) for pair in polyline]
    assert len(heights) == len(months)
    for (height_a, month_a), (height_b, month_b) in zip(
        zip(heights, months, strict=True), zip(heights[1:], months[1:], strict=True), strict=False
    ):
        # SVG y grows downwards: more companies, higher on the chart
        assert (height_b < height_a) == (month_b["total"] > month_a["total"])
    table = late.soup(lang, PROGRESS_PATH).select_one("table.progress-months")
    assert table.caption is not None and table.select("th[scope=col]")
    totals = [int(row.select("td")[-1].get_text(strip=True)) for row in table.select("tbody tr")]
    assert totals == [m["total"] for m in months]


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_progress_page_is_linked_and_has_its_counterpart(early: Build, lang: str) -> None:
    other = {"sv": "nb", "nb": "sv"}[lang]
    soup = early.soup(lang, PROGRESS_PATH)
    switch = soup.select_one("a.language-switch")["href"]
    assert switch.endswith(f"/{PROGRESS_PATH}")
    assert (early.root(other) / PROGRESS_PATH / "index.html").is_file()
    home = early.soup(lang, "")
    assert any(a["href"].endswith(f"/{PROGRESS_PATH}") for a in home.select("nav a"))


def test_repository_count_follows_the_rule(local_build: Build) -> None:
    """The repository's own content: the Ovasjon programme's anonymous companies."""
    today = datetime.now(ZoneInfo("Europe/Stockholm")).date()  # the build's day, near enough
    expected = expected_companies(REPO / "content", today)
    for lang in ("sv", "nb"):
        assert progress_json(local_build, lang)["count"] == len(expected)
        assert int(local_build.soup(lang, "").select_one("progress")["value"]) == len(expected)
    companies = yaml.load(
        (REPO / "content/data/companies.yaml").read_text(), Loader=yaml.BaseLoader
    )
    hidden = [c for c in companies if c["public"] != "true" and c["id"] in expected]
    assert len(named_companies(local_build, "sv")) == len(expected) - len(hidden)


def test_companies_file_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "companies.yaml"
    path.write_text(fixture_files(FIXTURE)["data/companies.yaml"], encoding="utf-8")
    companies = load_companies(path)
    assert companies[HIDDEN_ID].country == "NO" and not companies[HIDDEN_ID].public
    assert companies["alfa-keramik"].public


def test_numbers_are_formatted_per_language(content: Path, tmp_path: Path) -> None:
    """A target of 1500 reads "1 500" (Babel's group separator), the attribute stays 1500."""
    settings = tmp_path / "settings.py"
    settings.write_text(
        "from pelican.plugins.samspel.settings import inherit\n"
        f"globals().update(inherit({str(REPO / 'pelicanconf.py')!r}))\n"
        ""
        'PROGRESS = {"target": 1500, "path": "resultat/"}\n',
        encoding="utf-8",
    )
    build = run_build(tmp_path / "output", content, settings=settings)
    assert build.returncode == 0, build.log
    for lang in ("sv", "nb"):
        soup = build.soup(lang, "")
        bar = soup.select_one("progress")
        assert bar["max"] == "1500"
        label = soup.find(id=bar["aria-labelledby"]).get_text()
        assert "av 1\u00a0500 " in label
        assert progress_json(build, lang)["target"] == 1500


def test_an_unknown_company_id_stops_the_build(tmp_path: Path) -> None:
    """A typo in `companies` would silently lower the count: the build refuses instead."""
    files = dict(fixture_files(FIXTURE))
    for lang in ("sv", "nb"):
        seminar = f"aktiviteter/seminarium.{lang}.md"
        files[seminar] = files[seminar].replace("alfa-keramik", "alfa-keramic")
    build = run_build(tmp_path / "output", write_content(tmp_path / "content", files))
    assert build.returncode != 0
    # The content check names the file, the line and the unknown id before Pelican runs.
    assert "seminarium.sv.md" in build.log and "alfa-keramic" in build.log
    assert "[unknown-company]" in build.log
    assert not (tmp_path / "output" / "se").exists()


def test_the_month_after_wraps_december_to_january() -> None:
    """The one month helper (content/contract.py) that the calendar and the counter share."""
    from pelican.plugins.samspel.content.contract import next_month

    assert next_month(date(2023, 12, 31)) == date(2024, 1, 1)
    assert next_month(date(2024, 1, 31)) == date(2024, 2, 1)
    assert next_month(date(2024, 2, 1)) == date(2024, 3, 1)
