"""The Pagefind search index: main content only, in cached shards, or no build at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import (
    Build,
    indexed_pages,
    run_build,
    search_bundles,
    write_content,
    write_settings,
)
from pelican.plugins.samspel.search import index as search_index
from site_fixture import COMPLETE_SITE

EPOCH = 1_780_000_000  # 2026-05-28
#: small shards, so that the small fixture site is indexed in several
SMALL_SHARDS = 'SEARCH = {"pages_per_shard": 3}'


def all_indexed_pages(root: Path) -> dict[str, str]:
    """URL -> text over every bundle of a site; a page in two bundles fails."""
    pages: dict[str, str] = {}
    for bundle in search_bundles(root):
        found = indexed_pages(bundle)
        assert not found.keys() & pages.keys(), f"indexed twice: {found.keys() & pages.keys()}"
        pages.update(found)
    return pages


def pages_to_index(root: Path) -> set[str]:
    """The URL of every HTML page with ``data-pagefind-body``, as Pagefind writes it."""
    return {
        "/" + path.removesuffix("index.html")
        for path in search_index.indexable_pages(root)
        if not path.startswith("pagefind/")
    }


def entries(cache: Path, site: str) -> dict[str, int]:
    """The finished search cache entries of a site, with the inode of their entry file."""
    folder = cache / "search" / site
    return {
        entry.name: (entry / "pagefind-entry.json").stat().st_ino
        for entry in folder.iterdir()
        if not entry.name.startswith(".")
    }


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_each_site_indexes_its_main_content_only(local_build: Build, lang: str) -> None:
    root = local_build.root(lang)
    assert search_bundles(root) == [root / "pagefind"], "a small site has one bundle"
    entry = json.loads((root / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == [lang]
    pages = all_indexed_pages(root)
    about = {"sv": "/om-projektet/", "nb": "/om-prosjektet/"}[lang]  # nb: its own address
    assert about in pages and "/aktiviteter/" in pages
    assert "/sok/" not in pages and "/404.html" not in pages
    header_and_footer = {"sv": "Medfinansieras av", "nb": "Medfinansiert av"}[lang]
    assert not any(header_and_footer in text for text in pages.values())
    assert any("Hilmarfestivalen" in text for text in pages.values())


@pytest.fixture(scope="module")
def sharded(tmp_path_factory) -> tuple[Build, Path, Path]:
    """The complete fixture site with small shards: (build, content, cache)."""
    folder = tmp_path_factory.mktemp("sharded")
    content = write_content(folder / "content", COMPLETE_SITE)
    settings = write_settings(folder / "conf.py", SMALL_SHARDS)
    cache = folder / "cache"
    build = run_build(folder / "output", content, settings, EPOCH, cache=cache)
    assert build.returncode == 0, build.log
    return build, content, cache


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_several_shards_together_index_every_page_once(sharded, lang: str) -> None:
    build, _, _ = sharded
    root = build.root(lang)
    primary, *others = search_bundles(root)
    assert len(others) >= 2
    assert sorted(primary.glob("shard-*")) == sorted(others), "a bundle not in shards.json"
    assert (primary / "pagefind-ui.js").is_file() and (primary / "pagefind-ui.css").is_file()
    for bundle in others:
        names = {p.relative_to(bundle).parts[0] for p in bundle.rglob("*") if p.is_file()}
        assert {"pagefind-entry.json", "index", "fragment"} <= names
        assert not [name for name in names if name.endswith((".js", ".css", ".pagefind"))]
        assert list(json.loads((bundle / "pagefind-entry.json").read_text())["languages"]) == [lang]
    expected = pages_to_index(root)
    assert len(expected) > 10
    assert set(all_indexed_pages(root)) == expected
    counts = [
        json.loads((b / "pagefind-entry.json").read_text())["languages"][lang]["page_count"]
        for b in search_bundles(root)
    ]
    assert sum(counts) == len(expected)


def test_a_changed_page_reindexes_only_its_shard_and_matches_a_cold_build(
    sharded, tmp_path: Path
) -> None:
    _, content, cache = sharded
    settings = write_settings(tmp_path / "conf.py", SMALL_SHARDS)
    before = {site: entries(cache, site) for site in ("se", "no")}
    warm_output = tmp_path / "warm"
    warm = run_build(warm_output, content, settings, EPOCH, cache=cache)
    assert warm.returncode == 0, warm.log
    assert {site: entries(cache, site) for site in ("se", "no")} == before, "nothing changed"

    # One Norwegian page's text changes: only the shard holding it is indexed again.
    page = COMPLETE_SITE["sidor/kontakt.nb.md"] + "\nNy åpningstid: kl. 9–15.\n"
    write_content(content, {"sidor/kontakt.nb.md": page})
    warm = run_build(warm_output, content, settings, EPOCH, cache=cache)
    assert warm.returncode == 0, warm.log
    assert entries(cache, "se") == before["se"]  # the same entries, not written again
    after = entries(cache, "no")
    new, gone = after.keys() - before["no"].keys(), before["no"].keys() - after.keys()
    assert len(new) == 1 and len(gone) == 1, (new, gone)
    assert {k: v for k, v in after.items() if k not in new} == {
        k: v for k, v in before["no"].items() if k not in gone
    }
    (changed,) = new
    assert "/kontakt/" in indexed_pages(cache / "search" / "no" / changed)
    # what the site serves is the cache entry itself (hardlinks), old and new alike
    served = {p.stat().st_ino for p in (warm_output / "no" / "pagefind").rglob("*-entry.json")}
    assert served == set(after.values())

    cold = run_build(tmp_path / "cold", content, settings, EPOCH, cache=tmp_path / "empty")
    assert cold.returncode == 0, cold.log
    warm_files, cold_files = tree(warm_output), tree(tmp_path / "cold")
    assert warm_files.keys() == cold_files.keys()
    assert [name for name in warm_files if warm_files[name] != cold_files[name]] == []
    assert "Ny åpningstid" in all_indexed_pages(warm_output / "no")["/kontakt/"]


def test_a_failed_index_fails_the_build_and_keeps_the_last_output(
    sharded, tmp_path: Path, monkeypatch
) -> None:
    """Pagefind finding no page (PAGEFIND_GLOB) fails the build, also with every shard cached."""
    _, content, cache = sharded
    settings = write_settings(tmp_path / "conf.py", SMALL_SHARDS)
    good = run_build(tmp_path / "output", content, settings, EPOCH, cache=cache)
    assert good.returncode == 0, good.log
    output_before, cache_before = tree(tmp_path / "output"), tree(cache / "search")
    monkeypatch.setenv("PAGEFIND_GLOB", "**/*.no-such-file")  # Pagefind finds no page
    failed = run_build(tmp_path / "output", content, settings, EPOCH, cache=cache)
    assert failed.returncode == 1
    log = " ".join(failed.log.split())  # the log wraps long lines
    assert "output/ lämnades som det var" in log and "Pagefind could not index" in log
    assert tree(tmp_path / "output") == output_before
    assert tree(cache / "search") == cache_before, "a failed shard reached the cache"


def test_a_wrong_search_setting_stops_the_build_before_pelican(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", COMPLETE_SITE)
    settings = write_settings(tmp_path / "conf.py", 'SEARCH = {"pages_per_shard": 0}')
    build = run_build(tmp_path / "output", content, settings)
    assert build.returncode == 1
    assert "samspel: SEARCH['pages_per_shard'] must be a whole number >= 1, not 0" in build.log
    assert "Processed" not in build.log  # Pelican never ran
    assert not (tmp_path / "output" / "se").exists()


def test_shards_are_stable_and_a_changed_page_changes_one_key() -> None:
    pages = {f"aktiviteter/a-{n}/index.html": f"{n:064x}" for n in range(1000)}
    assert search_index.shard_count(25, 100) == 1
    assert search_index.shard_count(1217, 100) == 12
    assert search_index.shard_count(1217, 100, max_shards=8) == 8
    assert search_index.shard_count(3, 1, max_shards=8) == 3
    shards = search_index.plan(pages, 100, ["pagefind 1.5.2"])
    assert shards[0].primary and not any(shard.primary for shard in shards[1:])
    assert shards[0].folder == "pagefind" and shards[1].folder.startswith("pagefind/shard-")
    assert sorted(page for shard in shards for page in shard.pages) == sorted(pages)
    changed = search_index.plan({**pages, "aktiviteter/a-7/index.html": "0" * 64}, 100, [])
    unchanged = search_index.plan(pages, 100, [])
    assert len({s.key for s in changed} ^ {s.key for s in unchanged}) == 2
    other_pagefind = search_index.plan(pages, 100, ["pagefind 1.6.0"])
    assert not {s.key for s in other_pagefind} & {s.key for s in shards}


def test_the_first_non_empty_shard_is_the_primary_bundle() -> None:
    """Few pages in many small shards can leave shard 0 empty: the next one has the UI."""
    paths = (f"sidor/s-{n}/index.html" for n in range(100))
    pages = {path: "0" * 64 for path in paths if search_index.shard_of(path, 2) == 1}
    pages = dict(list(pages.items())[:2])
    (shard,) = search_index.plan(pages, 1, [])
    assert (shard.number, shard.count, shard.primary, shard.folder) == (1, 2, True, "pagefind")


@pytest.mark.parametrize(
    ("html", "indexed"),
    [
        (b'<main id="main" tabindex="-1" data-pagefind-body>x</main>', True),
        (b"<main\ndata-pagefind-body='' >x</main>", True),
        (b"<p>data-pagefind-body</p>", False),
        (b"<p>&lt;main data-pagefind-body&gt;</p>", False),
        (b"<main data-pagefind-body-x>", False),
    ],
)
def test_pages_are_chosen_by_the_attribute_not_the_text(html: bytes, indexed: bool) -> None:
    assert search_index.has_body_attribute(html) is indexed
