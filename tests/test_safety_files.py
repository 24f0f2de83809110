"""Issue 13, files: no link, no dot-file, no backup and no non-picture ever reaches a site.

A hostile pull request published an SVG with a script and an ``.html`` file from
``content/bilder/``, the build's environment (a link to ``/proc/self/environ``)
and a file outside the repository (a link), and a dot-file the check skipped.
These tests hold the check and the build to one rule (plugins/samspel/content_files.py).
"""

from __future__ import annotations

import fnmatch
import gzip
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

import pytest
from helpers import REPO, Build, run_build, write_content, write_settings
from pelican.plugins.samspel.check import pictures as image_check
from pelican.plugins.samspel.check.problems import Problem
from pelican.plugins.samspel.check.runner import CheckContext, check_content
from pelican.plugins.samspel.content.files import SKIP_PATTERNS, is_skipped
from PIL import Image
from site_fixture import ACTIVITY, COMPLETE_SITE

LANGS = ("sv", "nb")
#: what a link's target holds; never in a message, a log or a site
SECRET = "zqxhemlighet"
#: a value of the build's environment that /proc/self/environ would show
ENV_SECRET = "zqxmiljohemlighet"
SVG = f'<svg xmlns="http://www.w3.org/2000/svg"><script>alert("{SECRET}")</script></svg>'
HTML = f"<html><head><title>{SECRET}</title></head><body><script>{SECRET}</script></body></html>"


def found(problems: list[Problem]) -> list[tuple[str, str, int]]:
    return [(problem.code, str(problem.path), problem.line) for problem in problems]


def site(tmp_path: Path, extra: dict[str, str] | None = None) -> Path:
    """The complete bilingual site of site_fixture.py, with ``extra`` files, in tmp_path/content."""
    return write_content(tmp_path / "content", {**COMPLETE_SITE, **(extra or {})})


def picture(path: Path, size: tuple[int, int] = (800, 600)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (200, 80, 60)).save(path, "JPEG")
    return path


def outside(tmp_path: Path) -> Path:
    """A folder outside the content folder (and outside the repository) with secrets in it."""
    folder = tmp_path / "utanfor"
    write_content(folder, {"hemlig.sv.md": f"---\ntitle: {SECRET}\n---\n{SECRET}\n"})
    write_content(folder, {"companies.yaml": f"- id: {SECRET}\n"})
    picture(folder / "privat.jpg")
    return folder


def test_the_fixture_site_is_clean(tmp_path: Path) -> None:
    assert check_content(site(tmp_path), tmp_path) == []


# --- content/bilder/ holds pictures only


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("affisch.svg", SVG),
        ("AFFISCH.SVG", SVG),
        ("2025/affisch.svg", SVG),
        ("sida.html", HTML),
        ("skript.js", f"alert('{SECRET}')"),
        ("lasmig.txt", SECRET),
        ("program.pdf", "%PDF-1.4"),
        ("animation.gif", "GIF89a"),
        ("scen.jpg.html", HTML),
    ],
)
def test_a_file_in_bilder_that_is_no_picture_is_an_error(
    tmp_path: Path, name: str, data: str
) -> None:
    content = site(tmp_path, {f"bilder/{name}": data})
    problems = check_content(content, tmp_path)
    assert found(problems) == [("not-a-picture", f"content/bilder/{name}", 1)]
    (problem,) = problems
    assert problem.severity == "error"
    assert problem.message.startswith(f"Filen {PurePosixPath(name).name} är ingen bild")
    assert "content/bilder/konsert.jpg" in problem.message  # what to do instead
    assert SECRET not in problem.message


def test_pictures_of_every_format_the_pipeline_reads_are_fine_in_bilder(tmp_path: Path) -> None:
    content = site(tmp_path)
    for name, fmt in (
        ("a.jpg", "JPEG"),
        ("b.JPEG", "JPEG"),
        ("c.png", "PNG"),
        ("d.webp", "WEBP"),
        ("2025/e.avif", "AVIF"),
    ):
        (content / "bilder" / name).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (700, 500), "red").save(content / "bilder" / name, fmt)
    assert check_content(content, tmp_path) == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_fake_jpg_that_is_really_html_cannot_be_used(tmp_path: Path, lang: str) -> None:
    """A picture suffix is not enough: the picture rule decodes it (image-unreadable)."""
    head = COMPLETE_SITE[f"aktiviteter/seminarium.{lang}.md"].replace(
        "---\n", "---\nimage: bilder/falsk.jpg\nimage_alt: En scen i kvällsljus.\n", 1
    )
    content = site(tmp_path, {f"aktiviteter/seminarium.{lang}.md": head, "bilder/falsk.jpg": HTML})
    problems = check_content(content, tmp_path)
    assert found(problems) == [("image-unreadable", f"content/aktiviteter/seminarium.{lang}.md", 2)]
    assert problems[0].message.startswith("”bilder/falsk.jpg”" if lang == "sv" else "«bilder/")


# --- symbolic links: reported by their own path, never read


#: name -> (the link, relative to content/; its target, ``{outside}`` for outside()'s folder);
#: both languages where the link has one
LINK_CASES: dict[str, tuple[str, str]] = {
    **{
        f"{kind} {lang}": (link.format(lang=lang), target.format(lang=lang, outside="{outside}"))
        for lang in LANGS
        for kind, link, target in (
            (
                "file outside the repository",
                "aktiviteter/extra.{lang}.md",
                "{outside}/hemlig.sv.md",
            ),
            ("/proc/self/environ", "aktiviteter/extra.{lang}.md", "/proc/self/environ"),
            ("dangling", "nyheter/extra.{lang}.md", "finns-inte.md"),
            ("another content file", "aktiviteter/kopia.{lang}.md", "seminarium.{lang}.md"),
        )
    },
    "folder": ("aktiviteter/mer", "{outside}"),
    "picture in bilder": ("bilder/lankad.jpg", "{outside}/privat.jpg"),
    "environ in bilder": ("bilder/miljo.jpg", "/proc/self/environ"),
    "folder in bilder": ("bilder/privat", "{outside}"),
    "companies in data": ("data/companies.yaml", "{outside}/companies.yaml"),
    "a dot-named link": ("sidor/.env", "/proc/self/environ"),
    "a link named like a backup": ("sidor/kontakt.sv.md~", "{outside}/hemlig.sv.md"),
}


def add_link(tmp_path: Path, content: Path, case: str) -> str:
    """Make the link of ``case`` under ``content``; return its path as the check shows it."""
    link, target = LINK_CASES[case]
    (content / link).parent.mkdir(parents=True, exist_ok=True)
    (content / link).symlink_to(target.format(outside=outside(tmp_path)))
    return f"content/{link}"


@pytest.mark.parametrize("case", LINK_CASES)
def test_a_symbolic_link_is_an_error_named_by_its_own_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    monkeypatch.setenv("SAMSPEL_TEST_SECRET", ENV_SECRET)
    content = site(tmp_path)
    shown = add_link(tmp_path, content, case)
    problems = check_content(content, tmp_path)
    assert found(problems) == [("symlink", shown, 1)]
    (problem,) = problems
    norwegian = shown.endswith(".nb.md")
    assert problem.message.startswith("Dette er en symbolsk lenke" if norwegian else "Detta är en")
    target = os.readlink(tmp_path / shown)
    for text in (problem.format(), problem.github_annotation()):
        assert SECRET not in text and ENV_SECRET not in text
        assert target not in text and "utanfor" not in text


def test_the_content_folder_itself_as_a_link_is_refused(tmp_path: Path) -> None:
    real = site(tmp_path / "riktig")
    (tmp_path / "content").symlink_to(real)
    assert found(check_content(tmp_path / "content", tmp_path)) == [("symlink", "content", 1)]


def test_a_picture_through_a_link_is_never_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check does not decode what a link leads to, even to a real picture in content/."""
    opened: list[Path] = []

    def recording_inspect(path: Path):
        opened.append(path)
        return real_inspect(path)

    real_inspect = image_check.inspect
    monkeypatch.setattr(image_check, "inspect", recording_inspect)
    files = {}
    for lang in LANGS:
        head = "---\nimage: bilder/scen.jpg\nimage_alt: En scen i kvällsljus.\n"
        body = "\n![En karta.](bilder/mapp/karta.jpg)\n\n![En annan scen.](bilder/ok.jpg)\n"
        text = COMPLETE_SITE[f"aktiviteter/seminarium.{lang}.md"].replace("---\n", head, 1)
        files[f"aktiviteter/seminarium.{lang}.md"] = text + body
    content = site(tmp_path, files)
    picture(content / "sidor" / "scen.jpg")
    picture(content / "sidor" / "karta.jpg")
    picture(content / "bilder" / "ok.jpg")
    (content / "bilder" / "scen.jpg").symlink_to("../sidor/scen.jpg")
    (content / "bilder" / "mapp").symlink_to("../sidor")
    problems = check_content(content, tmp_path)
    assert found(problems) == [
        *(
            ("image-missing", f"content/aktiviteter/seminarium.{lang}.md", line)
            for lang in ("nb", "sv")
            for line in (2, 13)
        ),
        ("symlink", "content/bilder/mapp", 1),
        ("symlink", "content/bilder/scen.jpg", 1),
    ]
    assert opened == [content / "bilder" / "ok.jpg"]  # the one real picture, once


def test_companies_yaml_through_a_linked_data_folder_is_not_read(tmp_path: Path) -> None:
    content = site(tmp_path)
    folder = outside(tmp_path)
    (content / "data").symlink_to(folder)
    assert found(check_content(content, tmp_path)) == [("symlink", "content/data", 1)]


def test_relative_names_a_link_by_itself_without_resolving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shown path is the walk's path as text: a link is never resolved, and it is cheap."""
    content = site(tmp_path)
    (content / "sidor" / "x.sv.md").symlink_to("/etc/hostname")
    context = CheckContext(content, tmp_path)
    assert context.relative(content / "sidor" / "x.sv.md") == PurePosixPath("content/sidor/x.sv.md")

    calls: list[Path] = []
    real_resolve = Path.resolve

    def counting_resolve(self: Path, strict: bool = False) -> Path:
        calls.append(self)
        return real_resolve(self, strict)

    monkeypatch.setattr(Path, "resolve", counting_resolve)

    def resolves_for(count: int) -> int:
        files = {
            f"nyheter/n{number}.{lang}.md": "---\ntitle: N\ndate: 2025-01-01\nsummary: S.\n---\nT\n"
            for number in range(count)
            for lang in LANGS
        }
        folder = tmp_path / f"n{count}"
        many = site(folder, files)
        calls.clear()
        assert check_content(many, folder) == []
        return len(calls)

    assert resolves_for(2) == resolves_for(40) <= 4


# --- dot-files and backups: skipped by the check, never published


SKIPPED = {
    "aktiviteter/.gomd.sv.md": ACTIVITY.format(title="Dold", summary="S.", body="T."),
    "aktiviteter/.gomd.nb.md": "---\ntitle: [trasig\n---\n",
    "aktiviteter/kafe.sv.md~": "---\ntitle: [trasig\n---\n",
    "aktiviteter/#kafe.nb.md#": "---\ntitle: [trasig\n---\n",
    "aktiviteter/.kafe.nb.md.swp": "binärt",
    "aktiviteter/.#kafe.sv.md": "lås",
    ".hemlig/x.sv.md": "---\ntitle: [trasig\n---\n",
    "bilder/.DS_Store": "binärt",
    "bilder/affisch.svg~": SVG,
    "bilder/#affisch.svg#": SVG,
    "bilder/.affisch.svg": SVG,
}


def test_dot_files_and_backups_are_skipped_by_the_check(tmp_path: Path) -> None:
    assert check_content(site(tmp_path, SKIPPED), tmp_path) == []


@pytest.mark.parametrize("lang", LANGS)
def test_pelican_skips_every_file_the_check_skips_on_each_site(lang: str) -> None:
    """The plugin puts the check's skip rule into IGNORE_FILES, beside the site's own."""
    from pelican.plugins.samspel.plugin import configure
    from pelican.settings import configure_settings, read_settings

    settings = read_settings(str(REPO / "pelicanconf.py"))
    if lang == "nb":
        settings = configure_settings({**settings, **settings["I18N_SUBSITES"]["nb"]})
    configure(SimpleNamespace(settings=settings))
    configure(SimpleNamespace(settings=settings))  # i18n_subsites runs the plugin again
    ignores = settings["IGNORE_FILES"]
    other = "*.nb.md" if lang == "sv" else "*.sv.md"
    assert ignores[: ignores.index(other) + 1] == ["__pycache__", other]
    assert sorted(ignores) == sorted({"__pycache__", other, *SKIP_PATTERNS})
    for relative in SKIPPED:  # Pelican matches each name of the path, folders too
        parts = PurePosixPath(relative).parts
        assert any(fnmatch.fnmatch(part, pattern) for part in parts for pattern in ignores)
        assert any(is_skipped(part) for part in parts)


def test_only_our_reader_reads_content() -> None:
    """Pelican's plain Markdown reader (.markdown, .mkd, .mdown) and HTML reader (.htm) are off."""
    from pelican.plugins.samspel.reader import YamlMarkdownReader, add_reader
    from pelican.readers import BaseReader, Readers
    from pelican.settings import read_settings

    readers = Readers(read_settings(str(REPO / "pelicanconf.py")))
    assert {"mkd", "mdown", "markdown", "htm"} <= set(readers.reader_classes)  # Pelican's
    add_reader(readers)
    enabled = {ext: cls for ext, cls in readers.reader_classes.items() if cls is not None}
    assert enabled == {"md": YamlMarkdownReader, "static": BaseReader}


# --- the build


def files_of(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` as bytes, gzip files (search bundles) unzipped."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            found[path.relative_to(root).as_posix()] = (
                gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
            )
    return found


def snapshot(output: Path) -> tuple[list[Path], dict[Path, bytes]]:
    return sorted(output.rglob("*")), {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}


VISIBLE = "zqxsynlig"
HIDDEN = "zqxgomd"
#: an activity still to come on DURING (a day of the project period): the home page lists those
COMING = ACTIVITY.replace("start: 2025-03-14", "start: 2026-03-14")
DURING = 1768478400  # 2026-01-15, noon UTC


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> tuple[Path, Build]:
    """A site built with a dot-file activity, backups, and files that are no content."""
    base = tmp_path_factory.mktemp("files")
    extra = {
        f"aktiviteter/synlig.{lang}.md": COMING.format(
            title=f"Synlig {VISIBLE}", summary=f"{VISIBLE} syns.", body=f"{VISIBLE} text."
        )
        for lang in LANGS
    }
    for lang in LANGS:
        hidden = COMING.format(title=f"Dold {HIDDEN}", summary=f"{HIDDEN}.", body=f"{HIDDEN}.")
        extra[f"aktiviteter/.gomd.{lang}.md"] = hidden
        extra[f"aktiviteter/x.{lang}.md~"] = hidden.replace("Dold", "Backup")
        extra[f"aktiviteter/#y.{lang}.md#"] = hidden.replace("Dold", "Lås")
        extra[f"aktiviteter/z.{lang}.htm"] = HTML.replace(SECRET, HIDDEN)
        extra[f"nyheter/.dold.{lang}.md"] = (
            f"---\ntitle: Dold {HIDDEN}\ndate: 2025-01-10\nsummary: {HIDDEN}.\n---\n{HIDDEN}\n"
        )
    # a file that a {static} link names is still never copied as it is
    extra["aktiviteter/anteckningar.txt"] = HIDDEN
    extra["aktiviteter/seminarium.sv.md"] = COMPLETE_SITE["aktiviteter/seminarium.sv.md"].replace(
        "Text.", "Se [anteckningar]({static}/aktiviteter/anteckningar.txt)."
    )
    extra["bilder/.affisch.svg"] = SVG.replace(SECRET, HIDDEN)
    extra["bilder/affisch.svg~"] = SVG.replace(SECRET, HIDDEN)
    extra["bilder/falsk.jpg"] = HTML.replace(SECRET, HIDDEN)  # a picture's name, never used
    content = site(base, extra)
    original = picture(content / "bilder" / "scen.jpg")
    for lang in LANGS:
        item = content / "aktiviteter" / f"synlig.{lang}.md"
        item.write_text(
            item.read_text("utf-8").replace(
                "---\n", "---\nimage: bilder/scen.jpg\nimage_alt: En röd yta.\n", 1
            ),
            "utf-8",
        )
    assert check_content(content, base) == []
    build = run_build(base / "output", content=content, source_date_epoch=DURING)
    assert build.returncode == 0, build.log
    assert original.is_file()
    return content, build


@pytest.mark.parametrize("lang", LANGS)
def test_skipped_files_and_non_content_never_reach_a_site(published, lang: str) -> None:
    content, build = published
    root = build.root(lang)
    files = files_of(root)
    # the scan sees what a visitor sees: the visible activity in each place
    places = ("index.html", "aktiviteter/index.html", "kalender/index.html", "kalender.ics")
    for place in (*places, "feeds/aktiviteter.atom.xml"):
        assert VISIBLE.encode() in files[place], place
    assert b"/aktiviteter/synlig/" in files["sitemap.xml"]
    assert any(VISIBLE.encode() in data for name, data in files.items() if "fragment" in name)
    for name, data in files.items():  # "gomd": in a title, and in a slug made of it or the name
        assert b"gomd" not in data.lower(), name
        assert SECRET.encode() not in data, name
    published_names = {PurePosixPath(name).name for name in files}
    for name in ("anteckningar.txt", "affisch.svg", ".affisch.svg", "falsk.jpg", "scen.jpg"):
        assert name not in published_names
    assert "theme/images/favicon.svg" in files  # the theme's own files stay
    for name in files:  # the rest is what the build writes: pages, feeds, derivatives …
        if name.startswith(("theme/", "pagefind/")):
            continue
        assert not name.endswith((".htm", ".svg", ".js")), name
        assert not name.endswith(".txt") or name == "robots.txt", name
        if name.endswith(".html"):
            assert PurePosixPath(name).name in ("index.html", "404.html"), name
    originals = {path.read_bytes() for path in (content / "bilder").iterdir() if path.is_file()}
    assert not originals & set(files.values())  # only re-encoded derivatives of scen.jpg
    assert any(name.startswith("bilder/scen-") for name in files)


@pytest.mark.parametrize("case", LINK_CASES)
def test_a_build_with_a_link_never_starts_pelican_and_keeps_the_output(
    published, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    monkeypatch.setenv("SAMSPEL_TEST_SECRET", ENV_SECRET)  # what /proc/self/environ would show
    good_content, good = published
    content = tmp_path / "content"
    shutil.copytree(good_content, content, symlinks=True)
    shown = add_link(tmp_path, content, case)
    output = tmp_path / "output"
    shutil.copytree(good.output, output)
    before = snapshot(output)
    cache = tmp_path / "cache"

    bad = run_build(output, content=content, cache=cache)
    assert bad.returncode == 1
    assert f"{shown}:1: error: fil: " in bad.log and "[symlink]" in bad.log, bad.log
    assert "build: output/ lämnades som det var / output/ ble ikke endret" in bad.log
    assert "Traceback" not in bad.log
    assert SECRET not in bad.log and ENV_SECRET not in bad.log
    assert "utanfor" not in bad.log
    assert snapshot(output) == before
    assert not cache.exists()  # Pelican never started: not even its cache was made


def refused_build(published, tmp_path: Path, change: Callable[[Path], None]) -> Build:
    """A build of the published site's content after ``change``; output/ must stay as it was."""
    good_content, good = published
    content = tmp_path / "content"
    shutil.copytree(good_content, content, symlinks=True)
    change(content)
    output = tmp_path / "output"
    shutil.copytree(good.output, output)
    before = snapshot(output)
    bad = run_build(output, content=content, cache=tmp_path / "cache")
    assert bad.returncode == 1
    assert "build: output/ lämnades som det var / output/ ble ikke endret" in bad.log
    assert "Traceback" not in bad.log
    assert snapshot(output) == before
    return bad


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("affisch.svg", SVG),
        ("sida.html", HTML),
        ("skript.js", f"alert('{SECRET}')"),
        ("a.txt", SECRET),
    ],
)
def test_a_build_with_a_file_in_bilder_that_is_no_picture_stops(
    published, tmp_path: Path, name: str, data: str
) -> None:
    bad = refused_build(
        published, tmp_path, lambda content: (content / "bilder" / name).write_text(data)
    )
    assert f"content/bilder/{name}:1: error: fil: Filen {name} är ingen bild" in bad.log, bad.log
    assert "[not-a-picture]" in bad.log and SECRET not in bad.log


@pytest.mark.parametrize("lang", LANGS)
def test_a_build_using_a_fake_jpg_stops(published, tmp_path: Path, lang: str) -> None:
    """bilder/falsk.jpg is HTML: unused it is never published, used it stops the build."""

    def use_it(content: Path) -> None:
        item = content / "aktiviteter" / f"synlig.{lang}.md"
        item.write_text(item.read_text("utf-8").replace("bilder/scen.jpg", "bilder/falsk.jpg"))

    bad = refused_build(published, tmp_path, use_it)
    assert f"content/aktiviteter/synlig.{lang}.md:2: error: image: " in bad.log, bad.log
    assert "[image-unreadable]" in bad.log and HIDDEN not in bad.log


def test_a_build_whose_content_folder_is_a_link_is_refused(published, tmp_path: Path) -> None:
    good_content, good = published
    (tmp_path / "content").symlink_to(good_content)
    output = tmp_path / "output"
    shutil.copytree(good.output, output)
    before = snapshot(output)
    bad = run_build(output, content=tmp_path / "content", cache=tmp_path / "cache")
    assert bad.returncode == 1
    assert "content:1: error: fil: " in bad.log and "[symlink]" in bad.log, bad.log
    assert "Traceback" not in bad.log
    assert snapshot(output) == before
    assert not (tmp_path / "cache").exists()


@pytest.mark.parametrize("lang", LANGS)
def test_a_direct_pelican_run_refuses_content_with_a_link(tmp_path: Path, lang: str) -> None:
    """Without tools/build.py the plugin refuses at ``initialized``: one ``samspel:`` line."""
    content = site(tmp_path)
    (content / "aktiviteter" / f"extra.{lang}.md").symlink_to("/proc/self/environ")
    out, cache = tmp_path / "out", tmp_path / "cache"
    settings = write_settings(
        tmp_path / "settings.py",
        f"PATH = {str(content)!r}\n"
        f"OUTPUT_PATH = {str(out / 'se')!r}\n"
        f"CACHE_PATH = {str(cache / 'se')!r}\n"
        f"PAGE_CACHE = {{'path': {str(cache / 'pages' / 'se')!r}}}\n"
        f"IMAGES = {{**IMAGES, 'cache': {str(cache / 'images')!r}}}\n"
        "I18N_SUBSITES = {'nb': {**norwegian_site(SITE_URLS['nb']), "
        f"'OUTPUT_PATH': {str(out / 'no')!r}, 'CACHE_PATH': {str(cache / 'no')!r}, "
        f"'PAGE_CACHE': {{'path': {str(cache / 'pages' / 'no')!r}}}}}}}\n",
    )
    env = {**os.environ, "SAMSPEL_TEST_SECRET": ENV_SECRET, "COLUMNS": "250"}
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "-s", str(settings)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert result.returncode == 1
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"samspel: content/aktiviteter/extra.{lang}.md:1: error: fil: ")
    assert lines[0].endswith("[symlink]")
    assert "Traceback" not in lines[0] and ENV_SECRET not in lines[0]
    assert not out.exists()
