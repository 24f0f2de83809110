"""Pictures as files: where an image lives, whether it is usable, and its derivatives.

A communicator points ``image:`` (or a Markdown ``![alt](file)``) at a camera
original. Visitors never receive that original: every published picture is a
derivative encoded here with Pillow, in several widths (WebP plus a JPEG
fallback) and a 1200x630 crop for sharing, with all metadata (EXIF, GPS, XMP)
left out. Derivatives are cached outside ``output/`` under a key made of the
source bytes and the settings, so an unchanged picture is encoded once; Pillow
encodes the same pixels with the same parameters to the same bytes, so builds
stay byte-reproducible.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import tempfile
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image, ImageOps

from ..content.contract import PICTURES
from ..settings import ImagesSettings

log = logging.getLogger(__name__)

#: Pillow format name -> what communicators call it
ALLOWED_FORMATS: dict[str, str] = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "AVIF": "AVIF"}
#: folder under content/ for pictures shared by several items (``image: bilder/x.jpg``)
LIBRARY = PICTURES
#: file names an ``image``/``![]()`` value may end with, checked case-insensitively
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".avif")


class ImageError(Exception):
    """A picture cannot be published. ``code``: image-missing, image-format, image-unreadable."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


def resolve(value: str, markdown_file: Path, content_root: Path) -> Path | None:
    """The file an ``image`` value or a body image's ``src`` means; None for a web address.

    Raises ImageError for a path that leads out of the content folder.

    ``bilder/x.jpg`` (or ``/bilder/x.jpg``, ``{static}/bilder/x.jpg``) is in
    ``content/bilder/``; anything else is relative to the Markdown file.
    """
    text = str(value).strip()
    if re.match(r"^[a-z][a-z0-9+.-]*:", text, re.IGNORECASE) or text.startswith("//"):
        return None
    for prefix in ("{static}", "{attach}", "{filename}"):
        if text.startswith(prefix):
            text = text.removeprefix(prefix)
            if text.startswith("/"):
                return content_root / text.lstrip("/")
    if text.startswith("/") or text.startswith(LIBRARY + "/"):
        return _inside(content_root / text.lstrip("/"), content_root)
    return _inside(markdown_file.parent / text, content_root)


def _inside(path: Path, content_root: Path) -> Path:
    """``path``, or ImageError when ``../`` leads out of the content folder."""
    if not path.resolve().is_relative_to(content_root.resolve()):
        raise ImageError("image-missing", f"{path} is outside {content_root}")
    return path


@dataclass(frozen=True)
class ImageInfo:
    """What a usable source picture is: format and upright size."""

    format: str
    width: int
    height: int


def open_upright(path: Path) -> tuple[Image.Image, str]:
    """Open and decode a source picture, turned as its EXIF orientation says; and its format.

    Raises ImageError when the file is missing, not an allowed format, broken, or
    has more pixels than Pillow's ``MAX_IMAGE_PIXELS`` (``image-too-many-pixels``,
    its pixel count as the detail). Pillow only *warns* up to twice that limit
    and would then decode it, gigabytes for a small file: the warning is made an
    error here, so nothing is printed and nothing that large is decoded.
    """
    if not path.is_file():
        raise ImageError("image-missing", str(path))
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(path)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            pixels = re.search(r"\((\d+) pixels\)", str(error))
            detail = pixels[1] if pixels else str(2 * (Image.MAX_IMAGE_PIXELS or 0))
            raise ImageError("image-too-many-pixels", detail) from error
        except (OSError, ValueError) as error:
            raise ImageError("image-unreadable", str(error)) from error
        if image.format not in ALLOWED_FORMATS:
            raise ImageError("image-format", str(image.format))
        try:
            image.load()
            return ImageOps.exif_transpose(image), image.format
        except (OSError, ValueError, SyntaxError) as error:
            raise ImageError("image-unreadable", str(error)) from error


def inspect(path: Path) -> ImageInfo:
    """Format and upright size of a source picture (decodes it fully, to catch broken files)."""
    image, fmt = open_upright(path)
    return ImageInfo(fmt, image.width, image.height)


@dataclass(frozen=True)
class Rendition:
    """One published file of a picture: its name in the output folder and its size."""

    name: str
    width: int
    height: int
    mime: str
    size: int


@dataclass(frozen=True)
class Derivatives:
    """Every rendition of one source picture, as cached."""

    key: str
    width: int
    height: int
    webp: tuple[Rendition, ...]
    jpeg: tuple[Rendition, ...]
    share: Rendition

    def all(self) -> tuple[Rendition, ...]:
        return (*self.webp, *self.jpeg, self.share)


def _target_widths(source_width: int, widths: Sequence[int]) -> list[int]:
    """The configured widths up to the source's (never upscale); at least one width."""
    chosen = [width for width in widths if width < source_width]
    if source_width <= widths[-1]:
        chosen.append(source_width)
    else:
        chosen.append(widths[-1])
    return sorted(set(chosen))


def _flatten(image: Image.Image) -> Image.Image:
    """RGB for JPEG: transparency onto white, palettes and greys expanded."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        canvas = Image.new("RGB", rgba.size, (255, 255, 255))
        canvas.paste(rgba, mask=rgba.getchannel("A"))
        return canvas
    return image.convert("RGB")


def _for_webp(image: Image.Image) -> Image.Image:
    has_alpha = image.mode in ("RGBA", "LA") or "transparency" in image.info
    return image.convert("RGBA" if has_alpha else "RGB")


def _slug(stem: str) -> str:
    ascii_stem = stem.lower().encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_stem).strip("-") or "bild"


class DerivativeCache:
    """Encodes pictures into ``IMAGES['cache']`` once and counts what it encoded."""

    def __init__(self, folder: Path, options: ImagesSettings) -> None:
        self.folder = folder
        self.options = options
        self.encoded = 0
        self.reused = 0

    def key(self, data: bytes) -> str:
        """Source bytes + every setting that changes the output + Pillow's version."""
        recipe: dict[str, object] = {
            "widths": list(self.options.widths),
            "webp_quality": self.options.webp_quality,
            "jpeg_quality": self.options.jpeg_quality,
            "share_size": list(self.options.share_size),
        }
        recipe["pillow"] = PIL.__version__
        digest = hashlib.sha256(data)
        digest.update(json.dumps(recipe, sort_keys=True).encode())
        return digest.hexdigest()[:20]

    def derivatives(self, source: Path) -> Derivatives:
        """The renditions of ``source``, from the cache or freshly encoded.

        A missing file (or a folder: a picture whose ``src`` the sanitizer removed)
        is an ImageError like any other unusable picture, never an OSError.
        """
        if not source.is_file():
            raise ImageError("image-missing", str(source))
        data = source.read_bytes()
        key = self.key(data)
        entry = self.folder / key
        manifest = entry / "manifest.json"
        self.folder.mkdir(parents=True, exist_ok=True)
        # Both sites are built at once, in two processes: the first to take the lock
        # encodes, the other then finds the manifest and reuses what it wrote.
        with (self.folder / f".{key}.lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if manifest.is_file():
                self.reused += 1
                return _from_manifest(json.loads(manifest.read_text(encoding="utf-8")))
            derivatives = self._encode(source, key, entry)
            self.encoded += 1
            return derivatives

    def path_of(self, derivatives: Derivatives, rendition: Rendition) -> Path:
        return self.folder / derivatives.key / rendition.name

    def _encode(self, source: Path, key: str, entry: Path) -> Derivatives:
        image, _ = open_upright(source)
        icc = image.info.get("icc_profile")
        entry.mkdir(parents=True, exist_ok=True)
        base = f"{_slug(source.stem)}-{key[:10]}"
        webp, jpeg = [], []
        for width in _target_widths(image.width, self.options.widths):
            height = max(1, round(image.height * width / image.width))
            scaled = image.resize((width, height), Image.Resampling.LANCZOS)
            webp.append(self._save(entry, f"{base}-{width}.webp", _for_webp(scaled), "WEBP", icc))
            jpeg.append(self._save(entry, f"{base}-{width}.jpg", _flatten(scaled), "JPEG", icc))
        crop = ImageOps.fit(
            image, _share_size(image, self.options.share_size), Image.Resampling.LANCZOS
        )
        share = self._save(entry, f"{base}-share.jpg", _flatten(crop), "JPEG", icc)
        derivatives = Derivatives(key, image.width, image.height, tuple(webp), tuple(jpeg), share)
        _write_atomic(entry / "manifest.json", json.dumps(_to_manifest(derivatives)).encode())
        return derivatives

    def _save(
        self, entry: Path, name: str, image: Image.Image, fmt: str, icc: bytes | None
    ) -> Rendition:
        """Encode without any metadata but the colour profile (no EXIF, GPS or XMP)."""
        image.info = {}
        options: dict = {"icc_profile": icc} if icc else {}
        if fmt == "WEBP":
            options.update(quality=self.options.webp_quality, method=4)
            mime = "image/webp"
        else:
            options.update(quality=self.options.jpeg_quality, optimize=True, progressive=True)
            mime = "image/jpeg"
        with tempfile.SpooledTemporaryFile() as buffer:
            image.save(buffer, fmt, **options)
            buffer.seek(0)
            data = buffer.read()
        _write_atomic(entry / name, data)
        return Rendition(name, image.width, image.height, mime, len(data))

    def write_stats(self, name: str) -> None:
        """``<cache>/stats-<name>.json``: how many pictures this run encoded and reused."""
        self.folder.mkdir(parents=True, exist_ok=True)
        stats = {"encoded": self.encoded, "reused": self.reused}
        _write_atomic(self.folder / f"stats-{name}.json", json.dumps(stats).encode())


def _share_size(image: Image.Image, share_size: Sequence[int]) -> tuple[int, int]:
    """The sharing crop: ``share_size``, smaller (same shape) if the source is smaller."""
    width, height = share_size
    scale = min(1.0, image.width / width, image.height / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file and rename, so a reader never sees half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, path)


def _to_manifest(derivatives: Derivatives) -> dict:
    def rendition(item: Rendition) -> list:
        return [item.name, item.width, item.height, item.mime, item.size]

    return {
        "key": derivatives.key,
        "width": derivatives.width,
        "height": derivatives.height,
        "webp": [rendition(item) for item in derivatives.webp],
        "jpeg": [rendition(item) for item in derivatives.jpeg],
        "share": rendition(derivatives.share),
    }


def _from_manifest(data: dict) -> Derivatives:
    return Derivatives(
        data["key"],
        data["width"],
        data["height"],
        tuple(Rendition(*item) for item in data["webp"]),
        tuple(Rendition(*item) for item in data["jpeg"]),
        Rendition(*data["share"]),
    )
