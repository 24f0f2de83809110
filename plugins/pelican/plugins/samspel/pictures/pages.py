"""Pictures on the pages: the main picture, pictures in the text, sharing images.

When Pelican creates an article or page, ``attach_pictures`` turns its
``image`` into a :class:`Picture` (derivatives from the cache, URLs on this
site) and replaces every ``<img>`` of a local file in the body by the same
responsive ``<picture>`` markup. Which derivative files a site uses is
collected in the site's generator context; :class:`PictureGenerator` copies
exactly those into ``<output>/bilder/`` and records how many pictures were
encoded. No file of content/ (camera originals included) is copied as it is.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from markupsafe import Markup, escape
from pelican.contents import Article, Page
from pelican.generators import Generator

from ..settings import samspel_settings
from .images import (
    DerivativeCache,
    Derivatives,
    ImageError,
    Rendition,
    resolve,
)

log = logging.getLogger(__name__)

CONTEXT_KEY = "samspel_pictures"
#: the slot a picture fills in the text column: full width up to the 60rem column
CONTENT_SIZES = "(min-width: 62rem) 58rem, calc(100vw - 2rem)"
#: a list thumbnail (see .card__picture in site.css)
THUMB_SIZES = "7rem"


@dataclass(frozen=True)
class Picture:
    """A published picture: its renditions on this site, alt text and credit."""

    alt: str
    credit: str
    siteurl: str
    folder: str
    derivatives: Derivatives

    def url(self, rendition: Rendition) -> str:
        return f"{self.siteurl}/{self.folder}/{rendition.name}"

    def srcset(self, renditions: tuple[Rendition, ...]) -> str:
        return ", ".join(f"{self.url(item)} {item.width}w" for item in renditions)

    @property
    def fallback(self) -> Rendition:
        """The JPEG an old browser loads: the one nearest 960 px wide."""
        return min(self.derivatives.jpeg, key=lambda item: abs(item.width - 960))

    @property
    def smallest(self) -> Rendition:
        return self.derivatives.webp[0]

    def weight(self, slot: float) -> int:
        """Bytes a browser loads for a ``slot`` px wide place: the first WebP that fills it."""
        for rendition in self.derivatives.webp:
            if rendition.width >= slot:
                return rendition.size
        return self.derivatives.webp[-1].size

    @property
    def share(self) -> Rendition:
        return self.derivatives.share

    @property
    def share_url(self) -> str:
        return self.url(self.derivatives.share)


def picture_html(picture: Picture, sizes: str = CONTENT_SIZES, lazy: bool = True) -> Markup:
    """``<picture>`` with a WebP ``srcset``, a JPEG fallback, width, height and alt text."""
    fallback = picture.fallback
    loading = ' loading="lazy"' if lazy else ""
    return Markup(
        "<picture>"
        f'<source type="image/webp" srcset="{escape(picture.srcset(picture.derivatives.webp))}"'
        f' sizes="{escape(sizes)}">'
        f'<img src="{escape(picture.url(fallback))}"'
        f' srcset="{escape(picture.srcset(picture.derivatives.jpeg))}" sizes="{escape(sizes)}"'
        f' width="{fallback.width}" height="{fallback.height}" alt="{escape(picture.alt)}"'
        f'{loading} decoding="async">'
        "</picture>"
    )


JINJA_GLOBALS = {"picture_html": picture_html, "THUMB_SIZES": THUMB_SIZES}


class _Registry:
    """One site's pictures: the cache and the derivative files its pages use."""

    def __init__(self, settings: dict) -> None:
        options = samspel_settings(settings).images
        folder = options.cache or str(Path(settings["CACHE_PATH"]).parent / "images")
        self.cache = DerivativeCache(Path(folder), options)
        self.folder = options.output_dir
        self.siteurl = settings["SITEURL"]
        self.content_root = Path(settings["PATH"])
        self.files: dict[str, Path] = {}
        self.budget = options.page_budget_kb * 1024
        #: the text column at the budget's viewport (CONTENT_SIZES: 100vw - 2rem)
        self.slot = options.budget_viewport - 32

    def picture(self, source: Path, alt: str, credit: str = "") -> Picture:
        derivatives = self.cache.derivatives(source)
        for rendition in derivatives.all():
            self.files[rendition.name] = self.cache.path_of(derivatives, rendition)
        return Picture(alt, credit, self.siteurl, self.folder, derivatives)


def registry(context: dict, settings: dict) -> _Registry:
    if CONTEXT_KEY not in context:
        context[CONTEXT_KEY] = _Registry(settings)
    return context[CONTEXT_KEY]


def drop_originals(generator) -> None:
    """Receiver of ``static_generator_finalized``: never copy a file of content/ as it is.

    Pictures are published only as re-encoded derivatives (no camera original
    with its EXIF), and nothing else in content/ is for visitors: an SVG with a
    script, an ``.html`` or a ``.js`` file, or a file a ``{static}`` link names,
    copied to our domain, would be a page or a script of ours. So every static
    file Pelican found in content/ is dropped; the theme's own files are copied
    from THEME_STATIC_PATHS, not from this list, and stay.
    """
    generator.staticfiles[:] = []
    generator.context["staticfiles"] = generator.staticfiles


def attach_pictures(content) -> None:
    """Receiver of ``content_object_init``: the main picture and the body's pictures."""
    if not isinstance(content, (Article, Page)) or content._context is None:
        return
    pictures = registry(content._context, content.settings)
    source = Path(content.source_path).relative_to(pictures.content_root.parent)
    value = getattr(content, "image", None)
    if value:
        alt = str(getattr(content, "image_alt", "") or "").strip()
        credit = str(getattr(content, "image_credit", "") or "").strip()
        try:
            path = resolve(str(value), Path(content.source_path), pictures.content_root)
            if path is None or not alt:
                log.error("%s: image needs a file in the repository and image_alt", source)
            else:
                content.picture = pictures.picture(path, alt, credit)
        except ImageError as error:
            log.error("%s: image %r: %s", source, str(value), error)
    body = _BodyPictures(pictures, Path(content.source_path), source)
    if "<img" in (content._content or ""):
        content._content = body.rewrite(content._content)
    check_budget(content, pictures, [getattr(content, "picture", None), *body.used])


def check_budget(content, pictures: _Registry, used: list[Picture | None]) -> None:
    """Warn (which stops the build) when a page's pictures are heavier than the budget."""
    weight = sum(picture.weight(pictures.slot) for picture in used if picture is not None)
    if weight > pictures.budget:
        log.warning(
            "%s: the pictures of this page weigh %d KB on a %d px wide screen, more than "
            "the budget of %d KB: use fewer pictures in the text",
            Path(content.source_path).relative_to(pictures.content_root.parent),
            weight // 1024,
            pictures.slot + 32,
            pictures.budget // 1024,
        )


class _ImgTag(HTMLParser):
    """The attributes of one ``<img>`` tag."""

    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}
        self.feed(tag)
        self.close()

    def handle_starttag(self, tag: str, attrs) -> None:
        self.attrs = {name: value or "" for name, value in attrs}

    handle_startendtag = handle_starttag


class _BodyPictures:
    """Replaces each ``<img>`` of a local picture in rendered Markdown by ``<picture>``."""

    def __init__(self, pictures: _Registry, source: Path, name: Path) -> None:
        self.pictures = pictures
        self.source = source
        self.name = name  # for messages: relative to the repository
        self.used: list[Picture] = []

    def rewrite(self, html: str) -> str:
        out, position = [], 0
        while (start := html.find("<img", position)) != -1:
            end = html.find(">", start)
            if end == -1:
                break
            out.append(html[position:start])
            tag = html[start : end + 1]
            out.append(self.replace(tag))
            position = end + 1
        out.append(html[position:])
        return "".join(out)

    def replace(self, tag: str) -> str:
        attrs = _ImgTag(tag).attrs
        alt = attrs.get("alt", "").strip()
        if not alt:
            log.error("%s: a picture in the text has no alt text: %s", self.name, tag)
            return tag
        try:
            path = resolve(unquote(attrs.get("src", "")), self.source, self.pictures.content_root)
            if path is None:
                log.error("%s: a picture from another site: %s", self.name, tag)
                return tag
            picture = self.pictures.picture(path, alt)
            self.used.append(picture)
            return str(picture_html(picture))
        except ImageError as error:
            log.error("%s: picture %r in the text: %s", self.name, attrs.get("src"), error)
            return tag


class PictureGenerator(Generator):
    """Copies the derivatives this site's pages use into ``<output>/<output_dir>/``."""

    def generate_context(self) -> None:
        registry(self.context, self.settings)

    def generate_output(self, writer) -> None:
        pictures = registry(self.context, self.settings)
        target = Path(self.output_path) / pictures.folder
        for name, cached in sorted(pictures.files.items()):
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, target / name)
        pictures.cache.write_stats(self.settings["DEFAULT_LANG"])
        log.info(
            "images: %d encoded, %d from cache, %d files published",
            pictures.cache.encoded,
            pictures.cache.reused,
            len(pictures.files),
        )
