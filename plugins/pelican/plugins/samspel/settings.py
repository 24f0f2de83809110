"""The plugin's settings: read once, from settings files that build on one another.

:func:`inherit` is how a settings file extends another (publishconf.py extends
pelicanconf.py; the tests' settings files extend it too) without putting a folder
on the module search path: the other file is run by path and its public names returned.

:func:`read_once` validates every namespaced setting of the plugin (``SAMSPEL_SITES``,
``SAMSPEL_PROJECT``, ``PROGRESS``, ``CALENDAR``, ``IMAGES``, ``SEARCH``, ``PAGE_CACHE``)
into one frozen :class:`SamspelSettings`, at Pelican's ``initialized`` (and, for the
build command, once before Pelican starts). It is kept in the site's settings under
:data:`KEY`; generators, the reader and the search index read it with
:func:`samspel_settings` and never validate again. A wrong value raises
:class:`SettingsError`, whose message starts with ``samspel: ``.

"Today" is fixed in it too (:attr:`SamspelSettings.now`, from :func:`today.build_moment`),
once per build: i18n_subsites derives a sub-site's settings from the main site's, so the
sub-site inherits the main site's object and keeps its moment.
"""

from __future__ import annotations

import re
import runpy
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .content.contract import LANGUAGES, PICTURES, PROJECT_END, PROJECT_START, SLUG_PATTERN
from .progress.phases import ProjectPeriod
from .sites.table import SITES
from .today import build_moment

#: where the validated settings are kept in each site's Pelican settings
KEY = "SAMSPEL"
#: every setting :func:`read_once` reads: a sub-site whose values differ is read anew
NAMESPACED = (
    "SAMSPEL_SITES",
    "SAMSPEL_PROJECT",
    "PROGRESS",
    "CALENDAR",
    "IMAGES",
    "SEARCH",
    "PAGE_CACHE",
)

DEFAULT_SITES: dict[str, dict[str, str]] = {
    site.lang: {"url": site.local_url, "locale": site.locale} for site in SITES
}
#: the funding period of Samspel 63 (Interreg Sverige–Norge), when the settings omit it
DEFAULT_PROJECT: dict[str, str] = {"start": PROJECT_START, "end": PROJECT_END}
DEFAULT_PROGRESS: dict[str, object] = {
    "target": 100,  # companies the project sets out to strengthen
    "path": "resultat/",  # the progress page, the same path on both sites
}
#: ``CALENDAR`` setting defaults; paths are relative to the site root and the same on both sites
DEFAULT_CALENDAR: dict = {
    "page": "kalender/",
    "month_page": "kalender/{month}/",  # {month} is 2024-03
    "type_page": "kalender/typ/{type}/",
    "feed": "kalender.ics",
    "type_feed": "kalender/typ/{type}.ics",
    "activity_feed": "{url}{slug}.ics",  # next to the activity page
    "uid_domain": "samspel63",  # UID = <slug>@<uid_domain>, the same on both sites
    "prodid": "-//Samspel 63//Samspel 63 calendar 1.0//{LANG}",
    "home_count": 3,
    # past activities listed on the calendar and type pages (latest first); older ones
    # stay on the month pages, so a list page keeps within the page budget for years
    "past_count": 12,
}
_PLACEHOLDERS = {
    "month_page": "{month}",
    "type_page": "{type}",
    "type_feed": "{type}",
    "activity_feed": "{slug}",
}
DEFAULT_IMAGES: dict = {
    "widths": [240, 480, 960, 1600],
    "webp_quality": 72,
    "jpeg_quality": 78,
    "share_size": [1200, 630],
    "min_width": 640,
    #: the pictures of one page together weigh at most this at ``budget_viewport`` CSS px
    "page_budget_kb": 300,
    "budget_viewport": 360,
    "cache": None,  # None: an ``images`` folder beside CACHE_PATH
    "output_dir": PICTURES,
}
#: ``SEARCH`` setting defaults. 100 pages index in about 0.1 s; each bundle costs a
#: visitor's first search three requests more, hence the cap (see README, Speed).
DEFAULT_SEARCH: dict = {"pages_per_shard": 100, "max_shards": 8}
#: ``PAGE_CACHE["path"]``: where a site's rendered pages are kept; empty: no cache
DEFAULT_PAGE_CACHE = {"path": ""}


class SettingsError(ValueError):
    """A namespaced setting of the plugin has a value it cannot use ("samspel: …")."""


def inherit(settings_file: str | Path) -> dict[str, Any]:
    """The public names of ``settings_file`` (what ``from pelicanconf import *`` gave).

    Use it as ``globals().update(inherit(".../pelicanconf.py"))`` at the top of a
    settings file, then override what differs.
    """
    names = runpy.run_path(str(settings_file))
    return {name: value for name, value in names.items() if not name.startswith("_")}


# --- the typed settings


@dataclass(frozen=True)
class SiteSettings:
    """One site of ``SAMSPEL_SITES``: its URL (no trailing slash) and its Babel locale."""

    url: str
    locale: str


@dataclass(frozen=True)
class ProgressSettings:
    """PROGRESS merged over the defaults, with the project period from SAMSPEL_PROJECT."""

    target: int
    path: str
    start: date
    end: date

    @property
    def period(self) -> ProjectPeriod:
        return ProjectPeriod(self.start, self.end)


@dataclass(frozen=True)
class CalendarSettings:
    """CALENDAR merged over :data:`DEFAULT_CALENDAR` (see there what each path is)."""

    page: str
    month_page: str
    type_page: str
    feed: str
    type_feed: str
    activity_feed: str
    uid_domain: str
    prodid: str
    home_count: int
    past_count: int


@dataclass(frozen=True)
class ImagesSettings:
    """IMAGES merged over :data:`DEFAULT_IMAGES`; ``widths`` sorted, without repeats."""

    widths: tuple[int, ...]
    webp_quality: int
    jpeg_quality: int
    share_size: tuple[int, int]
    min_width: int
    page_budget_kb: int
    budget_viewport: int
    cache: str | None
    output_dir: str


@dataclass(frozen=True)
class SearchSettings:
    """SEARCH merged over :data:`DEFAULT_SEARCH`."""

    pages_per_shard: int
    max_shards: int


@dataclass(frozen=True)
class PageCacheSettings:
    """PAGE_CACHE: the folder of the site's page cache; empty when there is none."""

    path: str


@dataclass(frozen=True)
class SamspelSettings:
    """Every namespaced setting of one site, validated, and the build's moment."""

    sites: Mapping[str, SiteSettings]
    project: ProjectPeriod
    progress: ProgressSettings
    calendar: CalendarSettings
    images: ImagesSettings
    search: SearchSettings
    page_cache: PageCacheSettings
    #: the moment the build stands at (aware, Europe/Stockholm): one per build
    now: datetime
    #: the raw values read, so a sub-site with the same ones reuses this object
    given: tuple = field(default=(), repr=False, compare=False)


# --- reading and checking each setting


def _given(settings: Mapping[str, object], name: str) -> dict:
    """The setting ``name`` as a dict ({} when unset); SettingsError when it is no dict."""
    value = settings.get(name)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise SettingsError(f"samspel: {name} must be a dict, not {value!r}")
    return dict(value)


def _whole(value: object, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


def read_sites(settings: Mapping[str, object]) -> dict[str, SiteSettings]:
    """``SAMSPEL_SITES`` merged over the defaults: every language needs an absolute URL."""
    merged = {lang: dict(values) for lang, values in DEFAULT_SITES.items()}
    for lang, values in _given(settings, "SAMSPEL_SITES").items():
        merged.setdefault(lang, {}).update(values)
    for lang in LANGUAGES:
        url = merged.get(lang, {}).get("url", "")
        if not url.startswith(("http://", "https://")) or url.endswith("/"):
            raise SettingsError(
                f"samspel: SAMSPEL_SITES[{lang!r}]['url'] must be an absolute http(s) URL "
                f"without a trailing slash, not {url!r}"
            )
    return {
        lang: SiteSettings(values.get("url", ""), values.get("locale", ""))
        for lang, values in merged.items()
    }


def _day(text: object, name: str) -> date:
    try:
        return date.fromisoformat(str(text))
    except ValueError as error:
        raise SettingsError(
            f"samspel: SAMSPEL_PROJECT[{name!r}] must be a date like 2023-04-01, not {text!r}"
        ) from error


def project_period(settings: Mapping[str, object]) -> ProjectPeriod:
    """``SAMSPEL_PROJECT`` of a settings mapping, merged over :data:`DEFAULT_PROJECT`, checked.

    Also what ``samspel check`` reads from a settings file, without Pelican.
    """
    given = settings.get("SAMSPEL_PROJECT") or {}
    if not isinstance(given, Mapping) or set(given) - set(DEFAULT_PROJECT):
        raise SettingsError(
            f"samspel: SAMSPEL_PROJECT must be a dict with the keys 'start' and 'end', "
            f"not {given!r}"
        )
    merged = {**DEFAULT_PROJECT, **given}
    start, end = _day(merged["start"], "start"), _day(merged["end"], "end")
    if end < start:
        raise SettingsError("samspel: SAMSPEL_PROJECT['end'] is before its 'start'")
    return ProjectPeriod(start, end)


#: the period the content check uses when it is not told the settings' period
DEFAULT_PERIOD = project_period({})


def read_progress(settings: Mapping[str, object]) -> ProgressSettings:
    """``PROGRESS`` merged over :data:`DEFAULT_PROGRESS`; the period from ``SAMSPEL_PROJECT``.

    ``SAMSPEL_PROJECT`` is the one place the settings name the period (the reader
    dates initiatives from its start too).
    """
    merged = {**DEFAULT_PROGRESS, **_given(settings, "PROGRESS")}
    unknown = sorted(set(merged) - set(DEFAULT_PROGRESS))
    if unknown:
        raise SettingsError(f"samspel: PROGRESS has unknown keys {unknown}")
    target = merged["target"]
    if not isinstance(target, int) or not _whole(target, 1):
        raise SettingsError(
            f"samspel: PROGRESS['target'] must be a whole number above 0, not {target!r}"
        )
    path = merged["path"]
    segments = str(path).removesuffix("/").split("/")
    if (
        not isinstance(path, str)
        or not path.endswith("/")
        or not all(SLUG_PATTERN.match(segment) for segment in segments)
    ):
        raise SettingsError(
            f"samspel: PROGRESS['path'] must be a relative folder path like 'resultat/' "
            f"(lowercase words and hyphens, ending in '/'), not {path!r}"
        )
    period = project_period(settings)
    return ProgressSettings(target, path, period.start, period.end)


def read_calendar(settings: Mapping[str, object]) -> CalendarSettings:
    """``CALENDAR`` merged over :data:`DEFAULT_CALENDAR`: paths, placeholders, counts."""
    given = _given(settings, "CALENDAR")
    unknown = sorted(set(given) - set(DEFAULT_CALENDAR))
    if unknown:
        raise SettingsError(
            f"samspel: CALENDAR has unknown keys {unknown}; known: {sorted(DEFAULT_CALENDAR)}"
        )
    merged = {**DEFAULT_CALENDAR, **given}
    for key in ("page", "month_page", "type_page"):
        value = merged[key]
        if not isinstance(value, str) or value.startswith("/") or not value.endswith("/"):
            raise SettingsError(
                f"samspel: CALENDAR[{key!r}] must be a path like 'kalender/' "
                f"(no leading '/', a trailing '/'), not {value!r}"
            )
    for key in ("feed", "type_feed", "activity_feed"):
        value = merged[key]
        if not isinstance(value, str) or value.startswith("/") or not value.endswith(".ics"):
            raise SettingsError(
                f"samspel: CALENDAR[{key!r}] must be a path ending in '.ics' "
                f"without a leading '/', not {value!r}"
            )
    for key, placeholder in _PLACEHOLDERS.items():
        if placeholder not in merged[key]:
            raise SettingsError(
                f"samspel: CALENDAR[{key!r}] must contain {placeholder}, not {merged[key]!r}"
            )
    if not re.fullmatch(r"[a-z0-9]+(?:[.-][a-z0-9]+)*", str(merged["uid_domain"])):
        raise SettingsError(
            f"samspel: CALENDAR['uid_domain'] must be a domain-like name such as "
            f"'samspel63', not {merged['uid_domain']!r}"
        )
    if not isinstance(merged["prodid"], str) or not merged["prodid"].startswith("-//"):
        raise SettingsError(
            f"samspel: CALENDAR['prodid'] must look like '-//Owner//Product//LANG', "
            f"not {merged['prodid']!r}"
        )
    for key in ("home_count", "past_count"):
        if not _whole(merged[key], 0):
            raise SettingsError(
                f"samspel: CALENDAR[{key!r}] must be a whole number >= 0, not {merged[key]!r}"
            )
    return CalendarSettings(**merged)


def read_images(settings: Mapping[str, object]) -> ImagesSettings:
    """``IMAGES`` merged over :data:`DEFAULT_IMAGES`: widths, qualities, sizes."""
    merged = {**DEFAULT_IMAGES, **_given(settings, "IMAGES")}
    unknown = sorted(set(merged) - set(DEFAULT_IMAGES))
    if unknown:
        raise SettingsError(f"samspel: IMAGES has unknown keys {unknown}")
    widths = merged["widths"]
    if not widths or not all(isinstance(width, int) and width > 0 for width in widths):
        raise SettingsError(f"samspel: IMAGES['widths'] must be positive integers: {widths}")
    merged["widths"] = tuple(sorted(set(widths)))
    for key in ("webp_quality", "jpeg_quality"):
        if not isinstance(merged[key], int) or not 1 <= merged[key] <= 100:
            raise SettingsError(f"samspel: IMAGES[{key!r}] must be 1–100: {merged[key]!r}")
    for key in ("min_width", "page_budget_kb", "budget_viewport"):
        if not isinstance(merged[key], int) or merged[key] <= 0:
            raise SettingsError(f"samspel: IMAGES[{key!r}] must be a positive integer")
    size = merged["share_size"]
    if len(size) != 2 or not all(isinstance(side, int) and side > 0 for side in size):
        raise SettingsError(f"samspel: IMAGES['share_size'] must be [width, height]: {size}")
    merged["share_size"] = (size[0], size[1])
    return ImagesSettings(**merged)


def read_search(settings: Mapping[str, object]) -> SearchSettings:
    """``SEARCH`` merged over :data:`DEFAULT_SEARCH`: whole numbers from 1."""
    given = _given(settings, "SEARCH")
    unknown = sorted(set(given) - set(DEFAULT_SEARCH))
    if unknown:
        raise SettingsError(
            f"samspel: SEARCH has unknown keys {unknown}; known: {sorted(DEFAULT_SEARCH)}"
        )
    merged = {**DEFAULT_SEARCH, **given}
    for name, size in merged.items():
        if not _whole(size, 1):
            raise SettingsError(
                f"samspel: SEARCH[{name!r}] must be a whole number >= 1, not {size!r}"
            )
    return SearchSettings(**merged)


def read_page_cache(settings: Mapping[str, object]) -> PageCacheSettings:
    """``PAGE_CACHE``: a dict with a string ``path`` (empty: no page cache)."""
    given = settings.get("PAGE_CACHE") or {}
    if not isinstance(given, Mapping) or set(given) - set(DEFAULT_PAGE_CACHE):
        raise SettingsError(
            f"samspel: PAGE_CACHE must be a dict with the key 'path', not {given!r}"
        )
    merged = {**DEFAULT_PAGE_CACHE, **given}
    if not isinstance(merged["path"], str):
        raise SettingsError(
            f"samspel: PAGE_CACHE['path'] must be a folder name, not {merged['path']!r}"
        )
    return PageCacheSettings(merged["path"])


# --- once per site, "today" once per build


def read_settings(settings: Mapping[str, object], now: datetime) -> SamspelSettings:
    """Every namespaced setting of ``settings``, validated, with the build's moment ``now``."""
    return SamspelSettings(
        sites=read_sites(settings),
        project=project_period(settings),
        progress=read_progress(settings),
        calendar=read_calendar(settings),
        images=read_images(settings),
        search=read_search(settings),
        page_cache=read_page_cache(settings),
        now=now,
        given=_raw(settings),
    )


def _raw(settings: Mapping[str, object]) -> tuple:
    return tuple((name, settings.get(name)) for name in NAMESPACED)


def read_once(settings: MutableMapping[str, Any]) -> SamspelSettings:
    """The site's :class:`SamspelSettings`, validated now unless it already was; kept at KEY.

    Settings that already hold an object read from the same values (the main site,
    validated by the build command before Pelican) keep it. A sub-site's settings are
    the main site's with its overrides (i18n_subsites' documented derivation), so they
    hold the main site's object: when an override changes a namespaced setting (its
    own PAGE_CACHE) they are read anew, but keep its moment, so both sites have one
    "today". Without an object, the moment is read here (:func:`today.build_moment`).
    """
    previous = settings.get(KEY)
    if isinstance(previous, SamspelSettings):
        if previous.given == _raw(settings):
            return previous
        now = previous.now
    else:
        now = build_moment()
    config = read_settings(settings, now)
    settings[KEY] = config
    return config


def samspel_settings(settings: Mapping[str, object]) -> SamspelSettings:
    """The site's validated settings, as :func:`read_once` kept them at ``initialized``."""
    config = settings.get(KEY)
    if not isinstance(config, SamspelSettings):
        raise SettingsError(
            f"samspel: the settings have no {KEY}: is pelican.plugins.samspel in PLUGINS?"
        )
    return config
