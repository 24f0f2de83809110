"""The page frame on every page: EU emblem and statement, landmarks, headings, dates."""

from __future__ import annotations

import itertools
import math
import re

import pytest
from bs4 import BeautifulSoup
from helpers import Build

EU_TEXT = {
    "sv": "Medfinansieras av Europeiska unionen",
    "nb": "Medfinansiert av Den europeiske union",
}
FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])"


def soups(build: Build, lang: str):
    for file in build.html_files(lang):
        yield file, BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_every_page_has_the_eu_emblem_and_statement_in_its_header(local_build, lang) -> None:
    for file, soup in soups(local_build, lang):
        funding = soup.select_one("header.site-header .eu-funding")
        assert funding is not None, file
        assert funding.get_text(" ", strip=True) == EU_TEXT[lang], file
        assert funding.select_one("svg.eu-emblem") is not None, file


def test_the_emblem_follows_the_eu_geometry(local_build) -> None:
    soup = BeautifulSoup((local_build.root("sv") / "index.html").read_text(), "html.parser")
    svg = soup.select_one("svg.eu-emblem")
    _, _, width, height = (float(value) for value in svg["viewbox"].split())
    assert width / height == pytest.approx(1.5)
    rect = svg.find("rect")
    assert rect["fill"].lower() in ("#039", "#003399")
    assert float(rect["width"]) == width and float(rect["height"]) == height
    star = svg.find("path")
    assert star["fill"].lower() in ("#fd0", "#ffdd00")
    numbers = [float(n) for n in re.findall(r"-?\d*\.?\d+", star["d"])]
    assert max(abs(n) for n in numbers) == pytest.approx(height / 18, abs=0.01)
    assert numbers[:2] == [0, -height / 18], "the star points straight up"
    uses = svg.find_all("use")
    assert len(uses) == 12
    centre = (width / 2, height / 2)
    angles = set()
    for use in uses:
        x, y = float(use["x"]), float(use["y"])
        assert math.dist((x, y), centre) == pytest.approx(height / 3, abs=0.01)
        angles.add(round(math.degrees(math.atan2(y - centre[1], x - centre[0]))) % 360)
    assert angles == {(270 + 30 * hour) % 360 for hour in range(12)}, "like the hours of a clock"


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_every_page_has_landmarks_one_h1_and_the_skip_link_first(local_build, lang) -> None:
    for file, soup in soups(local_build, lang):
        first = soup.select_one(FOCUSABLE)
        assert first is not None and "skip-link" in first.get("class", []), file
        assert first["href"] == "#main" and soup.select_one("main#main") is not None, file
        for landmark in ("header", "nav[aria-label]", "main", "footer"):
            assert len(soup.select(landmark)) >= 1, f"{file}: no {landmark}"
        assert len(soup.find_all("main")) == 1, file
        assert len(soup.find_all("h1")) == 1, file
        levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
        assert levels[0] == 1, file
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert not jumps, f"{file}: heading levels skip {jumps}"


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_dates_are_machine_readable(local_build, lang) -> None:
    count = 0
    for file, soup in soups(local_build, lang):
        for time in soup.find_all("time"):
            # a valid date, date-time or month string (HTML: "2024-03" is a month)
            valid = r"\d{4}-\d{2}(-\d{2}(T[\d:+.-]+)?)?"
            assert re.fullmatch(valid, time.get("datetime", "")), file
            count += 1
    assert count > 10


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_the_current_section_is_marked_in_the_menu(local_build, lang) -> None:
    soup = BeautifulSoup(
        (local_build.root(lang) / "aktiviteter" / "index.html").read_text(), "html.parser"
    )
    current = soup.select("nav.site-nav [aria-current]")
    assert [a["href"].rsplit("/", 2)[-2] for a in current] == ["aktiviteter"]
    assert current[0]["aria-current"] == "page"
