"""Speed without a different site: cached and parallel builds give exactly the cold output.

Timing goals live in ``make bench`` (tools/bench.py), never here.
"""

from __future__ import annotations

import base64
import gettext
import re
from functools import partial
from pathlib import Path
from types import SimpleNamespace

from helpers import activity, run_build, write_content, write_settings
from jinja2 import Environment
from pelican.plugins.samspel.speed import reader_cache
from pelican.plugins.samspel.templates.gettext import shortcut, use_gettext_shortcut
from PIL import Image

EPOCH = 1_735_689_600  # 2025-01-01
#: a 1x1 PNG, so that a {static} link has a file to resolve to
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


#: the seminar every activity of FILES is, under its own title
SEMINAR = {
    "title": None,
    "type": "seminar",
    "start": "2025-03-14 18:00",
    "place": "Östersund",
    "country": "SE",
    "summary": "Ett *seminarium*.",
    "initiative": "natverket",
}
#: its text: a link to a page and a picture, so that both kinds of reference are read
BODY = (
    "Text med [en länk]({filename}/sidor/om-projektet.sv.md).\n\n"
    "![Bild från förra året]({static}/bilder/bild.png)\n"
)


def seminar(title: str, extra: str = "") -> str:
    """The seminar under ``title``, ``extra`` after its text."""
    return activity(SEMINAR, BODY + extra, title=title)


FILES = {
    "aktiviteter/seminarium.sv.md": seminar("Seminarium"),
    "aktiviteter/seminarium.nb.md": seminar("Seminar").replace(".sv.md", ".nb.md"),
    "aktiviteter/verkstad.sv.md": seminar("Verkstad"),
    "initiativ/natverket.sv.md": "---\ntitle: Nätverket\nsummary: Ett nätverk.\n---\nText.\n",
    "initiativ/natverket.nb.md": "---\ntitle: Nettverket\nsummary: Et nettverk.\n---\nTekst.\n",
    "nyheter/nyhet.sv.md": "---\ntitle: Nyhet\ndate: 2025-01-02\nsummary: Kort.\n---\nText.\n",
    "sidor/om-projektet.sv.md": "---\ntitle: Om projektet\n---\nText.\n",
    "sidor/om-projektet.nb.md": "---\ntitle: Om prosjektet\n---\nTekst.\n",
}


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` and its bytes, except old output being deleted meanwhile."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and ".retired" not in p.relative_to(root).parts
    }


def make_content(root: Path) -> Path:
    content = write_content(root, FILES)
    (content / "bilder").mkdir()
    (content / "bilder" / "bild.png").write_bytes(PIXEL)
    return content


def search_entries(cache: Path) -> set[str]:
    return {p.relative_to(cache).as_posix() for p in cache.glob("search/*/[!.]*")}


def test_warm_build_after_a_change_is_byte_identical_to_a_cold_build(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content")
    cache = tmp_path / "cache"
    # small search shards, so that the warm build takes some from the cache and indexes others
    settings = write_settings(tmp_path / "conf.py", 'SEARCH = {"pages_per_shard": 2}')
    build = partial(run_build, content=content, settings=settings, source_date_epoch=EPOCH)
    first = build(tmp_path / "warm", cache=cache)
    assert first.returncode == 0, first.log
    for root in ("se", "no"):
        assert list(cache.glob(f"{root}/*/ArticlesGenerator-Readers")), f"no {root} cache"
    first_shards = search_entries(cache)
    # A communicator edits one file and adds another; the next build uses the cache.
    edited = seminar("Seminarium (ny tid)", "\nNy tid: 19.00.\n")
    write_content(content, {"aktiviteter/seminarium.sv.md": edited})
    write_content(
        content,
        {"nyheter/ny.sv.md": "---\ntitle: Ny\ndate: 2025-01-03\nsummary: Kort.\n---\nText.\n"},
    )
    warm = build(tmp_path / "warm", cache=cache)
    assert warm.returncode == 0, warm.log
    warm_shards = search_entries(cache)
    assert warm_shards & first_shards, "no search shard came from the cache"
    assert warm_shards - first_shards, "no search shard was indexed again"
    cold = build(tmp_path / "cold", cache=tmp_path / "empty")
    assert cold.returncode == 0, cold.log
    warm_files, cold_files = tree(tmp_path / "warm"), tree(tmp_path / "cold")
    assert warm_files.keys() == cold_files.keys()
    assert [name for name in warm_files if warm_files[name] != cold_files[name]] == []
    page = warm_files["se/aktiviteter/seminarium/index.html"].decode()
    assert "Ny tid: 19.00." in page
    # {static} and {filename} resolved although the reader's output came from the cache
    assert re.search(r'src="http://localhost:8000/bilder/bild[^"]*"', page)
    assert 'href="http://localhost:8000/om-projektet/"' in page
    assert "{static}" not in page and "{filename}" not in page
    assert "Ny" in warm_files["se/nyheter/index.html"].decode()


def test_a_failed_site_keeps_output_and_commits_no_cache(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content")
    cache = tmp_path / "cache"
    good = run_build(tmp_path / "output", content=content, cache=cache)
    assert good.returncode == 0, good.log
    output_before, cache_before = tree(tmp_path / "output"), tree(cache)
    # An image without alt text makes Pelican warn, and warnings are fatal.
    write_content(content, {"aktiviteter/verkstad.nb.md": seminar("Verksted") + "\n![](x.png)\n"})
    bad = run_build(tmp_path / "output", content=content, cache=cache)
    assert bad.returncode != 0
    assert tree(tmp_path / "output") == output_before
    # The nb site failed: its cache is as it was (the sv site may keep what it read).
    cache_after = tree(cache)
    assert {k: v for k, v in cache_after.items() if k.startswith("no/")} == {
        k: v for k, v in cache_before.items() if k.startswith("no/")
    }


def test_the_cache_fingerprint_changes_with_what_the_reader_depends_on() -> None:
    settings = {"PATH": "/content", "MARKDOWN": {"extensions": []}, "OUTPUT_PATH": "/a"}
    same = reader_cache.fingerprint({**settings, "OUTPUT_PATH": "/b", "CACHE_PATH": "/c"})
    assert reader_cache.fingerprint(settings) == same
    assert reader_cache.fingerprint({**settings, "PATH": "/other"}) != same
    assert reader_cache.fingerprint({**settings, "MARKDOWN": {"extensions": ["toc"]}}) != same


def test_the_gettext_shortcut_renders_what_jinja_renders() -> None:
    class Catalogue(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return {"Home": "Hem & start", "Page %(n)s of 100%%": "Sida %(n)s av 100%%"}.get(
                message, message
            )

    source = '{{ _("Home") }}|{{ _("Page %(n)s of 100%%", n=3) }}|{{ _("<b>") }}'
    for autoescape in (False, True):
        plain = Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)
        plain.install_gettext_translations(Catalogue(), newstyle=True)
        fast = Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)
        use_gettext_shortcut(SimpleNamespace(env=fast))
        fast.install_gettext_translations(Catalogue(), newstyle=True)
        assert fast.globals["_"].__name__ == shortcut(str).__name__
        expected = plain.from_string(source).render()
        assert fast.from_string(source).render() == expected
        assert "Sida 3 av 100%" in expected


def inode(root: Path, path: str) -> int:
    return (root / path).stat().st_ino


def test_the_page_cache_renders_only_what_an_edit_changed(tmp_path: Path) -> None:
    """Each kind of edit, built warm, gives exactly the cold build; untouched pages are linked."""
    content = make_content(tmp_path / "content")
    cache, warm_output = tmp_path / "cache", tmp_path / "warm"
    epoch = EPOCH
    first = run_build(warm_output, content=content, source_date_epoch=epoch, cache=cache)
    assert first.returncode == 0, first.log
    assert list((cache / "pages" / "se").iterdir()), "no page was kept in the page cache"
    untouched = "se/om-projektet/index.html"
    before = inode(warm_output, untouched)

    def warm_equals_cold(step: str) -> dict[str, bytes]:
        warm = run_build(warm_output, content=content, source_date_epoch=epoch, cache=cache)
        assert warm.returncode == 0, warm.log
        cold_output = tmp_path / f"cold-{step}"
        cold = run_build(
            cold_output, content=content, source_date_epoch=epoch, cache=tmp_path / f"c-{step}"
        )
        assert cold.returncode == 0, cold.log
        warm_files, cold_files = tree(warm_output), tree(cold_output)
        assert warm_files.keys() == cold_files.keys(), step
        assert [name for name in warm_files if warm_files[name] != cold_files[name]] == [], step
        return warm_files

    # 1. A body edit: that page is rendered anew, an unrelated page comes from the cache.
    edited = "aktiviteter/verkstad.sv.md"
    write_content(content, {edited: seminar("Verkstad", "\nMed fika.\n")})
    files = warm_equals_cold("body")
    assert "Med fika." in files["se/aktiviteter/verkstad/index.html"].decode()
    assert inode(warm_output, untouched) == before
    # 2. A title: every list and the initiative's page show it.
    write_content(content, {edited: seminar("Verkstaden", "\nMed fika.\n")})
    files = warm_equals_cold("title")
    assert "Verkstaden" in files["se/initiativ/natverket/index.html"].decode()
    assert inode(warm_output, untouched) != before  # front matter is in every page's key
    # 3. Time passes: the activities are past now, on their pages and in the lists.
    epoch = EPOCH + 365 * 24 * 3600
    warm_equals_cold("today")
    # 4. A picture is replaced under the same name, 5. a file is deleted.
    Image.new("RGB", (2, 1), (200, 30, 30)).save(content / "bilder" / "bild.png")
    warm_equals_cold("picture")
    (content / "aktiviteter" / "seminarium.nb.md").unlink()
    files = warm_equals_cold("deleted")
    assert "no/aktiviteter/seminarium/index.html" not in files
