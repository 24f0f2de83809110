"""Pictures: contract checks, stripped responsive derivatives, cache, sharing tags, budget."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from helpers import LOCAL_URLS, LOCALES, Build, activity, run_build, write_content
from pelican.plugins.samspel.check.pictures import image_problems
from pelican.plugins.samspel.content.index import ContentIndex
from PIL import ExifTags, Image

URLS = LOCAL_URLS
ALT = {
    "sv": "Fyra musiker på en upplyst scen framför en publik i skymningen.",
    "nb": "Fire musikere på en opplyst scene foran et publikum i skumringen.",
}
BODY_ALT = {"sv": "En karta över festivalområdet.", "nb": "Et kart over festivalområdet."}
EPOCH = 1_700_000_000
KB = 1024


def camera_jpeg(path: Path, size: tuple[int, int], orientation: int = 1) -> Path:
    """A camera-like JPEG: shapes, a maker, an orientation and a GPS position in EXIF."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.paste((200, 80, 60), (size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Testkamera"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (63.0, 10.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (14.0, 38.0, 0.0)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=90, exif=exif)
    assert Image.open(path).getexif().get_ifd(ExifTags.IFD.GPSInfo), "fixture has no GPS"
    return path


#: the concert of every picture fixture (title: "<title> <lang>", set by :func:`concert`)
CONCERT = {
    "title": None,
    "type": "festival",
    "start": "2025-08-01",
    "place": "Steinkjer",
    "country": '"NO"',
    "summary": "Sommarkonsert.",
}


def concert(lang: str, body: str = "Text.", title: str = "Konsert", **fields: str) -> str:
    """The concert in ``lang``, with ``fields`` (its picture) after CONCERT's."""
    return activity(CONCERT, f"{body}\n", title=f"{title} {lang}", **fields)


@pytest.fixture(scope="module")
def picture_site(tmp_path_factory) -> dict:
    """A site whose activity has a 4000 px camera JPEG (with GPS) and a picture in the text."""
    base = tmp_path_factory.mktemp("pictures")
    content = base / "content"
    source = camera_jpeg(content / "aktiviteter" / "scen.jpg", (4000, 2667))
    camera_jpeg(content / "bilder" / "karta.jpg", (1200, 800), orientation=6)
    files = {}
    for lang in ("sv", "nb"):
        picture = {"image": "scen.jpg", "image_alt": f'"{ALT[lang]}"'}
        body = f"Text.\n\n![{BODY_ALT[lang]}](bilder/karta.jpg)"
        files[f"aktiviteter/konsert.{lang}.md"] = concert(
            lang, body, **picture, image_credit='"Foto: Kim Test"'
        )
        files[f"aktiviteter/utan-bild.{lang}.md"] = concert(lang, title="Utan bild")
    write_content(content, files)
    cache = base / "cache"
    first = run_build(base / "first", content, source_date_epoch=EPOCH, image_cache=cache)
    assert first.returncode == 0, first.log
    stats_first = read_stats(cache)
    mtimes = {path: path.stat().st_mtime_ns for path in cache.rglob("*") if path.is_file()}
    second = run_build(base / "second", content, source_date_epoch=EPOCH, image_cache=cache)
    assert second.returncode == 0, second.log
    return {
        "content": content,
        "source": source,
        "cache": cache,
        "first": first,
        "second": second,
        "stats_first": stats_first,
        "stats_second": read_stats(cache),
        "mtimes": mtimes,
        "base": base,
    }


def read_stats(cache: Path) -> dict[str, dict]:
    return {lang: json.loads((cache / f"stats-{lang}.json").read_text()) for lang in ("sv", "nb")}


def local_file(build: Build, lang: str, url: str) -> Path:
    """The file an absolute URL of this site points at; fails for another domain."""
    assert url.startswith(URLS[lang] + "/"), f"{url} is not on {URLS[lang]}"
    return build.root(lang) / urlparse(url).path.lstrip("/")


def srcset(value: str) -> list[tuple[str, int]]:
    pairs = []
    for candidate in value.split(","):
        url, width = candidate.split()
        pairs.append((url, int(width.removesuffix("w"))))
    return pairs


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_published_pictures_are_resized_and_carry_no_metadata(picture_site) -> None:
    build: Build = picture_site["first"]
    original = picture_site["source"].read_bytes()
    for lang in ("sv", "nb"):
        published = sorted((build.root(lang) / "bilder").iterdir())
        assert len(published) >= 9
        for file in published:
            assert file.read_bytes() != original
            with Image.open(file) as image:
                assert image.width <= 1600, file
                assert not image.getexif(), f"{file} still has EXIF"
                assert "exif" not in image.info and "xmp" not in image.info
            assert b"Testkamera" not in file.read_bytes()
        # camera originals are never copied as static files
        names = {path.name for path in build.root(lang).rglob("*")}
        assert "scen.jpg" not in names and "karta.jpg" not in names


def test_exif_orientation_is_applied_before_stripping(picture_site) -> None:
    soup = picture_site["first"].soup("sv", "aktiviteter/konsert/")
    body_image = soup.select("article picture")[1].find("img")
    assert int(body_image["height"]) > int(body_image["width"])  # 1200x800 turned upright


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_picture_has_working_srcset_size_and_alt_in_its_language(picture_site, lang) -> None:
    build: Build = picture_site["first"]
    soup = build.soup(lang, "aktiviteter/konsert/")
    figure = soup.select_one("figure.main-picture")
    assert figure is not None
    source, img = figure.select_one("source"), figure.select_one("img")
    assert source["type"] == "image/webp" and source["sizes"] and img["sizes"]
    assert img["alt"] == ALT[lang]
    assert not img.has_attr("loading")  # the main picture is above the fold
    assert figure.figcaption.get_text(strip=True) == "Foto: Kim Test"
    for attribute, fmt in ((source["srcset"], "WEBP"), (img["srcset"], "JPEG")):
        candidates = srcset(attribute)
        assert [width for _, width in candidates] == [240, 480, 960, 1600]
        for url, width in candidates:
            with Image.open(local_file(build, lang, url)) as image:
                assert (image.format, image.width) == (fmt, width)
    with Image.open(local_file(build, lang, img["src"])) as fallback:
        assert (fallback.width, fallback.height) == (int(img["width"]), int(img["height"]))
        assert abs(fallback.width / fallback.height - 4000 / 2667) < 0.01
    body = soup.select("article picture")[1].find("img")
    assert body["alt"] == BODY_ALT[lang] and body["loading"] == "lazy"
    assert local_file(build, lang, body["src"]).is_file()


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_open_graph_tags_use_the_sites_domain_and_language(picture_site, lang) -> None:
    build: Build = picture_site["first"]
    other = "nb" if lang == "sv" else "sv"
    for path, expected_image in (("aktiviteter/konsert/", "share"), ("", "default")):
        soup = build.soup(lang, path)
        meta = {
            tag.get("property") or tag.get("name"): tag["content"]
            for tag in soup.select("meta[content]")
        }
        assert meta["og:locale"] == LOCALES[lang]
        assert meta["og:locale:alternate"] == LOCALES[other]
        assert meta["og:url"] == f"{URLS[lang]}/{path}"
        assert meta["twitter:card"] == "summary_large_image"
        assert meta["og:image"] == meta["twitter:image"]
        with Image.open(local_file(build, lang, meta["og:image"])) as image:
            assert (
                image.size
                == (1200, 630)
                == (
                    int(meta["og:image:width"]),
                    int(meta["og:image:height"]),
                )
            )
        if expected_image == "share":
            assert meta["og:type"] == "article" and meta["og:image:alt"] == ALT[lang]
            assert meta["og:title"].startswith(f"Konsert {lang}")
        else:
            assert meta["og:type"] == "website" and meta["og:image:alt"]


def test_list_cards_show_a_small_picture_only_where_there_is_one(picture_site) -> None:
    build: Build = picture_site["first"]
    soup = build.soup("sv", "aktiviteter/")
    cards = {card.find("a").get_text(): card for card in soup.select("article.card")}
    assert cards["Konsert sv"].select_one(".card__picture img")["loading"] == "lazy"
    assert cards["Konsert sv"].select_one("img")["alt"] == ALT["sv"]
    assert len(soup.select(".card__picture")) == 1
    webp = srcset(cards["Konsert sv"].select_one("source")["srcset"])
    assert all(local_file(build, "sv", url).is_file() for url, _ in webp)


def test_a_second_build_encodes_nothing_and_is_byte_identical(picture_site) -> None:
    first, second = picture_site["stats_first"], picture_site["stats_second"]
    # the main picture and the one in the text, encoded once between the two sites
    # (built at once: whichever site comes first encodes, the other reuses)
    assert first["sv"]["encoded"] + first["nb"]["encoded"] == 2
    assert first["sv"]["reused"] + first["nb"]["reused"] == 2
    assert second == {"sv": {"encoded": 0, "reused": 2}, "nb": {"encoded": 0, "reused": 2}}
    for path, mtime in picture_site["mtimes"].items():
        if not path.name.startswith("stats-"):
            assert path.stat().st_mtime_ns == mtime, f"{path} was written again"
    for lang in ("sv", "nb"):
        assert tree(picture_site["first"].root(lang)) == tree(picture_site["second"].root(lang))


def test_encoding_is_deterministic_with_an_empty_cache(picture_site) -> None:
    base = picture_site["base"]
    fresh = run_build(
        base / "fresh", picture_site["content"], source_date_epoch=EPOCH, image_cache=base / "c2"
    )
    assert fresh.returncode == 0, fresh.log
    stats = read_stats(base / "c2")
    assert stats["sv"]["encoded"] + stats["nb"]["encoded"] == 2
    for lang in ("sv", "nb"):
        assert tree(picture_site["first"].root(lang)) == tree(fresh.root(lang))


def test_a_picture_without_alt_text_stops_the_build(tmp_path: Path) -> None:
    content = tmp_path / "content"
    camera_jpeg(content / "aktiviteter" / "scen.jpg", (800, 600))
    write_content(content, {"aktiviteter/konsert.sv.md": concert("sv", image="scen.jpg")})
    build = run_build(tmp_path / "output", content)
    assert build.returncode != 0
    assert "image_alt" in build.log and "konsert.sv.md" in build.log


def test_a_page_heavier_than_the_budget_stops_the_build(tmp_path: Path) -> None:
    content = tmp_path / "content"
    rng = random.Random(9)
    body = []
    for number in range(6):  # noise does not compress: about 80 KB per 480 px WebP
        noise = Image.frombytes("RGB", (480, 320), rng.randbytes(480 * 320 * 3))
        noise.save(content / "bilder" / f"brus-{number}.png" if number else _mkdir(content))
        body.append(f"![Brus nummer {number}.](bilder/brus-{number}.png)")
    write_content(content, {"sidor/tung.sv.md": "---\ntitle: Tung\n---\n" + "\n\n".join(body)})
    build = run_build(tmp_path / "output", content)
    assert build.returncode != 0
    assert "budget of 300 KB" in build.log and "tung.sv.md" in build.log


def _mkdir(content: Path) -> Path:
    (content / "bilder").mkdir(parents=True)
    return content / "bilder" / "brus-0.png"


# --- the content check's rules -------------------------------------------------------------


def problems_of(tmp_path: Path, files: dict[str, str], images: dict[str, Path] | None = None):
    content = write_content(tmp_path / "content", files)
    found = []
    for item in ContentIndex.scan(content):
        found += image_problems(item, content, tmp_path)
    return found


def test_missing_alt_text_is_reported_with_file_and_line_in_the_files_language(
    tmp_path: Path,
) -> None:
    camera_jpeg(tmp_path / "content" / "aktiviteter" / "scen.jpg", (800, 600))
    files = {
        "aktiviteter/a.sv.md": concert("sv", image="scen.jpg"),
        "aktiviteter/a.nb.md": concert("nb", image="scen.jpg", image_alt="''"),
        "aktiviteter/b.sv.md": concert("sv", body="Text.\n\nMer.\n![](scen.jpg)"),
    }
    found = problems_of(tmp_path, files)
    assert {(str(p.path), p.line, p.field, p.code) for p in found} == {
        ("content/aktiviteter/a.sv.md", 8, "image_alt", "image-alt-missing"),
        ("content/aktiviteter/a.nb.md", 9, "image_alt", "image-alt-missing"),
        ("content/aktiviteter/b.sv.md", 12, "body", "image-alt-missing"),
    }
    by_file = {p.path: p for p in found}
    assert "saknar alt-text" in by_file[PurePosixPath("content/aktiviteter/a.sv.md")].message
    assert "mangler alt-tekst" in by_file[PurePosixPath("content/aktiviteter/a.nb.md")].message
    assert (
        by_file[PurePosixPath("content/aktiviteter/a.sv.md")]
        .format()
        .startswith("content/aktiviteter/a.sv.md:8: error: image_alt: ")
    )


def test_alt_text_that_is_a_file_name_is_reported(tmp_path: Path) -> None:
    camera_jpeg(tmp_path / "content" / "aktiviteter" / "scen.jpg", (800, 600))
    files = {
        "aktiviteter/a.sv.md": concert("sv", image="scen.jpg", image_alt="IMG_2041.JPG"),
        "aktiviteter/b.nb.md": concert("nb", body="![scen](scen.jpg)"),
        "aktiviteter/c.sv.md": concert("sv", image="scen.jpg", image_alt="Scen med publik"),
    }
    found = problems_of(tmp_path, files)
    assert [(p.path.name, p.line, p.code) for p in found] == [
        ("a.sv.md", 9, "image-alt-filename"),
        ("b.nb.md", 9, "image-alt-filename"),
    ]


def test_missing_wrong_broken_and_small_files_are_reported(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "bilder"
    folder.mkdir(parents=True)
    Image.new("RGB", (900, 600), "red").save(folder / "animation.gif", "GIF")
    (folder / "trasig.jpg").write_bytes(b"not a picture at all")
    camera_jpeg(folder / "liten.jpg", (500, 400))
    whole = folder / "avklippt.jpg"
    camera_jpeg(whole, (900, 600))
    whole.write_bytes(whole.read_bytes()[:2000])
    Image.new("RGB", (700, 500), "blue").save(folder / "ok.webp", "WEBP")
    Image.new("RGB", (700, 500), "green").save(folder / "ok.avif", "AVIF")
    Image.new("RGBA", (700, 500), (0, 0, 255, 80)).save(folder / "ok.png", "PNG")
    cases = {
        "saknas": ("bilder/finns-inte.jpg", "image-missing"),
        "gif": ("bilder/animation.gif", "image-format"),
        "trasig": ("bilder/trasig.jpg", "image-unreadable"),
        "avklippt": ("bilder/avklippt.jpg", "image-unreadable"),
        "liten": ("bilder/liten.jpg", "image-too-small"),
        "utanfor": ("../../hemlig.jpg", "image-missing"),
        "extern": ("https://example.org/bild.jpg", "image-external"),
        "ok": ("bilder/ok.webp", None),
        "avif": ("bilder/ok.avif", None),
        "png": ("bilder/ok.png", None),
    }
    files = {
        f"nyheter/{slug}.sv.md": (
            f"---\ntitle: {slug}\ndate: 2025-01-01\nsummary: S.\n"
            f"image: {image}\nimage_alt: En röd scen.\n---\nText.\n"
        )
        for slug, (image, _) in cases.items()
    }
    found = {p.path.stem.removesuffix(".sv"): p for p in problems_of(tmp_path, files)}
    for slug, (_, code) in cases.items():
        if code is None:
            assert slug not in found
            continue
        assert (found[slug].code, found[slug].line, found[slug].field) == (code, 5, "image")
        assert found[slug].severity == "error"
    assert "500 px" in found["liten"].message and "640 px" in found["liten"].message
    assert "GIF" in found["gif"].message
    assert found["saknas"].message.endswith("bilder/<filnamn>.")


def test_a_picture_from_another_site_in_the_text_is_reported(tmp_path: Path) -> None:
    body = "Text.\n<img src='https://example.org/x.jpg' alt='En scen'>"
    found = problems_of(tmp_path, {"sidor/om.nb.md": "---\ntitle: Om\n---\n" + body})
    assert [(p.code, p.line, p.field) for p in found] == [("image-external", 5, "body")]
    assert "annet nettsted" in found[0].message


def test_alt_text_without_a_picture_is_a_warning(tmp_path: Path) -> None:
    found = problems_of(tmp_path, {"sidor/om.nb.md": "---\ntitle: Om\nimage_alt: Et bilde\n---\n"})
    assert [(p.code, p.line, p.severity) for p in found] == [
        ("image-alt-without-image", 3, "warning")
    ]


# --- the repository's own content -------------------------------------------------------------


def picture_weight(build: Build, lang: str, soup: BeautifulSoup, viewport: int, dpr: int) -> int:
    """Bytes a browser of ``viewport`` CSS px loads for the page's <picture>s (WebP)."""
    total = 0
    for source in soup.select("picture source[type='image/webp']"):
        slot = slot_width(source["sizes"], viewport)
        candidates = sorted(srcset(source["srcset"]), key=lambda pair: pair[1])
        url = next((u for u, w in candidates if w >= slot * dpr), candidates[-1][0])
        total += local_file(build, lang, url).stat().st_size
    return total


def slot_width(sizes: str, viewport: int) -> float:
    """The width ``sizes`` gives at a viewport narrower than any of its media conditions."""
    last = sizes.split(",")[-1].strip()
    if match := re.fullmatch(r"calc\(100vw - ([\d.]+)rem\)", last):
        return viewport - float(match[1]) * 16
    if match := re.fullmatch(r"([\d.]+)rem", last):
        return float(match[1]) * 16
    raise AssertionError(f"unknown sizes {sizes!r}")


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_the_repositorys_pictures_are_described_and_within_the_budget(local_build, lang) -> None:
    pictures = 0
    for file in local_build.html_files(lang):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for img in soup.select("picture img"):
            assert img["alt"].strip() and img["width"] and img["height"], file
            pictures += 1
        weight = picture_weight(local_build, lang, soup, viewport=360, dpr=2)
        assert weight <= 300 * KB, f"{file}: {weight // KB} KB of pictures at 360 px"
    assert pictures >= 3
    figures = [
        page for page in local_build.html_files(lang) if "main-picture" in page.read_text("utf-8")
    ]
    assert len(figures) >= 3


@pytest.mark.parametrize(
    ("lang", "domain"), [("sv", "https://samspel63.se/"), ("nb", "https://samspel63.no/")]
)
def test_published_sharing_tags_point_to_the_real_domain(publish_build, lang, domain) -> None:
    path = {"sv": "seminarieprogram", "nb": "seminarprogram"}[lang]  # nb: its own address
    soup = publish_build.soup(lang, f"aktiviteter/{path}-hilmarfestivalen-2023/")
    meta = {
        tag.get("property") or tag.get("name"): tag["content"] for tag in soup("meta", content=True)
    }
    assert meta["og:url"].startswith(domain) and meta["og:image"].startswith(domain + "bilder/")
    image = publish_build.root(lang) / urlparse(meta["og:image"]).path.lstrip("/")
    assert image.is_file() and meta["og:locale"] == LOCALES[lang]


def test_the_repositorys_content_has_no_picture_problem() -> None:
    repo = Path(__file__).resolve().parent.parent
    content = repo / "content"
    found = [
        p.format()
        for item in ContentIndex.scan(content)
        for p in image_problems(item, content, repo)
    ]
    assert found == []
    illustrated = [item for item in ContentIndex.scan(content) if item.get("image")]
    assert len({item.get("image") for item in illustrated}) >= 3
    assert all(item.get("image_alt") and item.get("image_credit") for item in illustrated)
