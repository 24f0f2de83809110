"""The plugin's namespaced settings: validated once into one frozen object, "today" fixed once.

The checks of each setting moved here from the feature tests (calendar, images,
progress, search), each assertion kept: they now go through the one reader
(``settings.read_*``), raise the one error type and start with the one prefix.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from helpers import REPO
from pelican.plugins.samspel import settings as samspel
from pelican.plugins.samspel.settings import (
    DEFAULT_SEARCH,
    KEY,
    SamspelSettings,
    SettingsError,
    read_calendar,
    read_images,
    read_once,
    read_progress,
    read_search,
    samspel_settings,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_calendar_setting_merges_defaults_and_rejects_mistakes() -> None:
    merged = read_calendar({"CALENDAR": {"home_count": 5}})
    assert merged.home_count == 5 and merged.feed == "kalender.ics"
    for wrong in (
        {"fed": "x.ics"},
        {"feed": "/kalender.ics"},
        {"page": "kalender"},
        {"month_page": "kalender/"},
        {"uid_domain": "Samspel 63"},
        {"home_count": -1},
        {"past_count": "12"},
    ):
        with pytest.raises(SettingsError, match=r"^samspel: "):
            read_calendar({"CALENDAR": wrong})


def test_the_images_setting_is_checked() -> None:
    assert read_images({}).widths == (240, 480, 960, 1600)
    assert read_images({"IMAGES": {"widths": [800, 400]}}).widths == (400, 800)
    for wrong in ({"width": [1]}, {"widths": []}, {"webp_quality": 0}, {"share_size": [1]}):
        with pytest.raises(SettingsError, match=r"^samspel: IMAGES"):
            read_images({"IMAGES": wrong})


@pytest.mark.parametrize(
    "settings",
    [
        {"PROGRESS": {"target": 0}},
        {"PROGRESS": {"target": "100"}},
        {"PROGRESS": {"path": "/resultat"}},
        {"PROGRESS": {"goal": 100}},
        {"SAMSPEL_PROJECT": {"start": "2026-04-01", "end": "2023-03-31"}},
        {"SAMSPEL_PROJECT": {"start": "april 2023"}},
    ],
)
def test_bad_settings_are_refused_with_a_samspel_message(settings: dict) -> None:
    with pytest.raises(SettingsError, match=r"^samspel: "):
        read_progress(settings)
    assert read_progress({}).target == 100


@pytest.mark.parametrize(
    "given",
    [[100], {"pages_per_shard": 0}, {"pages_per_shard": "100"}, {"pages_per_shard": True}],
)
def test_bad_search_settings_are_refused(given) -> None:
    with pytest.raises(SettingsError, match=r"^samspel: SEARCH"):
        read_search({"SEARCH": given})


def test_unknown_search_keys_are_refused_and_defaults_fill_in() -> None:
    with pytest.raises(SettingsError, match=r"^samspel: .*unknown keys"):
        read_search({"SEARCH": {"shards": 4}})
    assert dataclasses.asdict(read_search({})) == DEFAULT_SEARCH


# --- once per site, frozen


def _pelicanconf() -> dict:
    from pelican.settings import read_settings

    return read_settings(str(REPO / "pelicanconf.py"))


def test_the_settings_are_read_once_into_a_frozen_object(monkeypatch) -> None:
    """``initialized`` keeps the object; a second read of the same settings reuses it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796212800")
    settings = _pelicanconf()
    first = read_once(settings)
    assert settings[KEY] is first and samspel_settings(settings) is first
    assert read_once(settings) is first  # i18n_subsites runs the plugin again: no new read
    assert first.sites["nb"].url == "http://localhost:8001" and first.sites["sv"].locale == "sv_SE"
    assert first.search.pages_per_shard == 100 and first.progress.path == "resultat/"
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.now = datetime.now(STOCKHOLM)  # type: ignore[misc]


def test_a_sub_site_is_read_for_its_overrides_but_keeps_the_builds_moment(monkeypatch) -> None:
    """A sub-site is the main site plus overrides: its own PAGE_CACHE, but one "today"."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796212800")
    main = _pelicanconf()
    config = read_once(main)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796299200")  # a day later: must not be read again
    subsite = {**main, **main["I18N_SUBSITES"]["nb"], "DEFAULT_LANG": "nb"}
    nb = read_once(subsite)
    assert nb is not config and nb.now == config.now
    assert nb.page_cache.path != config.page_cache.path
    assert config.now == datetime.fromtimestamp(1796212800, STOCKHOLM)


def test_today_is_read_at_initialized_from_source_date_epoch(monkeypatch) -> None:
    from pelican.plugins.samspel.plugin import configure

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764676800")
    settings = _pelicanconf()
    configure(SimpleNamespace(settings=settings))
    assert samspel_settings(settings).now == datetime.fromtimestamp(1764676800, STOCKHOLM)


def test_a_wrong_setting_stops_initialized_with_the_one_error() -> None:
    from pelican.plugins.samspel.plugin import configure

    settings = {**_pelicanconf(), "CALENDAR": {"home_count": -1}}
    with pytest.raises(SettingsError, match=r"^samspel: CALENDAR\['home_count'\]"):
        configure(SimpleNamespace(settings=settings))


def test_reading_the_object_without_initialized_says_why() -> None:
    with pytest.raises(SettingsError, match=r"^samspel: the settings have no SAMSPEL"):
        samspel_settings({})


def test_every_namespaced_setting_is_in_the_object() -> None:
    fields = {field.name for field in dataclasses.fields(SamspelSettings)}
    assert len(samspel.NAMESPACED) == len(fields - {"now", "given"})
