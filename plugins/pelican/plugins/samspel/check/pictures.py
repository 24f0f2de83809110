"""Content-check rules for pictures: described, present, decodable and large enough.

``image_problems`` is a rule of the content check: given one content file it
returns every picture problem in it, with the file's line, in the file's
language (Swedish for ``.sv.md``, Norwegian for ``.nb.md``). It covers the main
picture (``image``, ``image_alt``, ``image_credit``) and the pictures written in
the Markdown body (``![alt](file)`` and raw ``<img>``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from PIL import Image

from ..content.frontmatter import FrontMatterError, read_text, split
from ..content.index import ContentItem
from ..pictures.images import ImageError, ImageInfo, inspect, resolve
from ..settings import DEFAULT_IMAGES
from .problems import Problem

log = logging.getLogger(__name__)

#: ``![alt](src "title")`` in Markdown. Neither the alt text nor the file runs on past the
#: next ``![``: a line of thousands of ``![`` then costs one short try each, not a scan to
#: the end of the line each (seconds of work per line of a hostile file)
MARKDOWN_IMAGE = re.compile(
    r'!\[(?P<alt>(?:(?!!\[)[^\]])*)\]\(\s*<?(?P<src>(?:(?!!\[)[^)\s>])+)>?(?:\s+"[^"]*")?\s*\)'
)
#: ``<img …>``, never running on past the next ``<img`` (as above)
HTML_IMAGE = re.compile(r"<img\b(?:(?!<img\b)[^>])*>", re.IGNORECASE)
#: what every match of MARKDOWN_IMAGE or HTML_IMAGE contains: a body without it has no picture
MAYBE_PICTURE = re.compile(r"!\[|<img", re.IGNORECASE)
HTML_ALT = re.compile(r"""\balt\s*=\s*(?:"(?P<q>[^"]*)"|'(?P<s>[^']*)'|(?P<u>[^\s>]+))""", re.I)
HTML_SRC = re.compile(r"""\bsrc\s*=\s*(?:"(?P<q>[^"]*)"|'(?P<s>[^']*)'|(?P<u>[^\s>]+))""", re.I)
#: what a camera or an export names a file; an alt text like this describes nothing
FILE_NAME = re.compile(
    r"^(?:\S+\.(?:jpe?g|png|webp|avif|gif|heic|tiff?|bmp)|(?:img|dsc|dscn|dscf|pxl|p)[_-]?\d+\S*)$",
    re.IGNORECASE,
)

MESSAGES: dict[str, dict[str, str]] = {
    "sv": {
        "image-alt-missing": (
            "bilden saknar alt-text. Skriv med några ord vad bilden visar, t.ex. {example}"
        ),
        "image-alt-filename": (
            "alt-texten ”{alt}” är bara ett filnamn. Beskriv i stället med ord vad bilden "
            "visar, t.ex. {example}"
        ),
        "image-missing": (
            "bildfilen ”{value}” finns inte. Kontrollera stavningen; lägg bilden bredvid "
            "Markdown-filen eller i content/bilder/ och skriv då bilder/<filnamn>"
        ),
        "image-format": (
            "”{value}” är en {format}-fil. Spara bilden som JPEG, PNG, WebP eller AVIF"
        ),
        "image-unreadable": (
            "”{value}” går inte att läsa som en bild (filen är trasig eller inte en bild). "
            "Exportera bilden på nytt som JPEG eller PNG"
        ),
        "image-too-small": (
            "bilden är bara {width} px bred och blir suddig. En huvudbild behöver vara minst "
            "{min_width} px bred: använd originalet från kameran (stora bilder förminskas "
            "automatiskt)"
        ),
        "image-too-many-pixels": (
            "”{value}” är {megapixels} megapixlar; största tillåtna är {max_megapixels} "
            "megapixlar. Förminska bilden (till exempel till 6000 px bred) och spara den "
            "igen som JPEG"
        ),
        "image-external": (
            "”{value}” är en bild på en annan webbplats; den hämtas inte till våra sidor "
            "(inga anrop till andra webbplatser). Spara bilden i content/bilder/ och skriv "
            "bilder/<filnamn>"
        ),
        "image-alt-without-image": (
            "{name} är ifyllt men image saknas. Lägg till image: <fil> eller ta bort {name}"
        ),
    },
    "nb": {
        "image-alt-missing": (
            "bildet mangler alt-tekst. Skriv med noen ord hva bildet viser, f.eks. {example}"
        ),
        "image-alt-filename": (
            "alt-teksten «{alt}» er bare et filnavn. Beskriv heller med ord hva bildet viser, "
            "f.eks. {example}"
        ),
        "image-missing": (
            "bildefilen «{value}» finnes ikke. Kontroller stavingen; legg bildet ved siden av "
            "Markdown-filen eller i content/bilder/ og skriv da bilder/<filnavn>"
        ),
        "image-format": "«{value}» er en {format}-fil. Lagre bildet som JPEG, PNG, WebP eller AVIF",
        "image-unreadable": (
            "«{value}» kan ikke leses som et bilde (filen er skadet eller ikke et bilde). "
            "Eksporter bildet på nytt som JPEG eller PNG"
        ),
        "image-too-small": (
            "bildet er bare {width} px bredt og blir uskarpt. Et hovedbilde må være minst "
            "{min_width} px bredt: bruk originalen fra kameraet (store bilder blir forminsket "
            "automatisk)"
        ),
        "image-too-many-pixels": (
            "«{value}» er {megapixels} megapiksler; største tillatte er {max_megapixels} "
            "megapiksler. Forminsk bildet (for eksempel til 6000 px bredt) og lagre det "
            "på nytt som JPEG"
        ),
        "image-external": (
            "«{value}» er et bilde på et annet nettsted; det hentes ikke til sidene våre "
            "(ingen kall til andre nettsteder). Lagre bildet i content/bilder/ og skriv "
            "bilder/<filnavn>"
        ),
        "image-alt-without-image": (
            "{name} er fylt ut, men image mangler. Legg til image: <fil> eller fjern {name}"
        ),
    },
}
EXAMPLES = {
    "sv": "image_alt: Tre musiker stämmer sina instrument i en ateljé med stora fönster.",
    "nb": "image_alt: Tre musikere stemmer instrumentene sine i et atelier med store vinduer.",
}
BODY_EXAMPLES = {
    "sv": "![Tre musiker stämmer sina instrument](bilder/ateljen.jpg)",
    "nb": "![Tre musikere stemmer instrumentene sine](bilder/atelieret.jpg)",
}


def megapixels(pixels: str) -> dict[str, str]:
    """A picture's pixel count and Pillow's largest, in whole megapixels, for the message."""
    largest = Image.MAX_IMAGE_PIXELS or 0
    count = int(pixels) if pixels.isdigit() else 2 * largest
    return {
        "megapixels": str(max(1, round(count / 1_000_000))),
        "max_megapixels": str(largest // 1_000_000),
    }


def is_file_name(alt: str, source: str = "") -> bool:
    """True when an alt text is a file name (``IMG_2041.jpg``) or the picture's own name."""
    text = alt.strip()
    stem = PurePosixPath(source.strip()).stem if source else ""
    return bool(FILE_NAME.match(text)) or (bool(stem) and text.lower() == stem.lower())


def image_problems(
    item: ContentItem,
    content_root: Path,
    repo_root: Path,
    min_width: int | None = None,
    *,
    read_body: bool = True,
    seen: dict[Path, ImageInfo | ImageError] | None = None,
) -> list[Problem]:
    """Every picture problem of one content file (main picture and body pictures).

    ``read_body=False`` when ``item`` already holds its body (the content check's
    items do): the file is then not read and parsed a second time. Items of a
    ContentIndex hold front matter only, so by default the body is read here.
    ``seen`` keeps what each picture file turned out to be during one check, so a
    picture both language versions use is decoded once.
    """
    rule = _Rule(item, repo_root, content_root, seen)
    rule.main_picture(min_width or DEFAULT_IMAGES["min_width"])
    rule.body_pictures(read_body)
    return rule.problems


class _Rule:
    """Collects the problems of one file, in its language."""

    def __init__(
        self,
        item: ContentItem,
        repo_root: Path,
        content_root: Path,
        seen: dict[Path, ImageInfo | ImageError] | None = None,
    ) -> None:
        self.item = item
        self.seen = seen
        self.repo_root = repo_root
        self.content_root = content_root
        self.lang = item.lang if item.lang in MESSAGES else "sv"
        self.problems: list[Problem] = []

    @cached_property
    def path(self) -> PurePosixPath:
        """The file as problems name it; resolved only for a file with a problem (few are)."""
        try:
            return PurePosixPath(self.item.path.resolve().relative_to(self.repo_root.resolve()))
        except ValueError:
            return PurePosixPath(self.item.path.as_posix())

    def add(self, line: int, field: str, code: str, severity: str = "error", **words) -> None:
        message = MESSAGES[self.lang][code].format(**words).rstrip(".") + "."
        self.problems.append(Problem(self.path, line, field, code, message, severity))

    def main_picture(self, min_width: int) -> None:
        image = self.item.fields.get("image")
        value = str(self.item.get("image", "")).strip()
        if not value:
            for field in ("image_alt", "image_credit"):
                extra = self.item.fields.get(field)
                if extra is not None and extra.data not in (None, ""):
                    self.add(extra.line, field, "image-alt-without-image", "warning", name=field)
            return
        alt_value = self.item.fields.get("image_alt")
        alt = str(self.item.get("image_alt", "")).strip()
        if not alt:
            line = alt_value.line if alt_value is not None else image.line
            self.add(line, "image_alt", "image-alt-missing", example=EXAMPLES[self.lang])
        elif is_file_name(alt, value):
            self.add(
                alt_value.line,
                "image_alt",
                "image-alt-filename",
                alt=alt,
                example=EXAMPLES[self.lang],
            )
        info = self.usable(image.line, "image", value)
        if info is not None and info.width < min_width:
            self.add(image.line, "image", "image-too-small", width=info.width, min_width=min_width)

    def body_pictures(self, read_body: bool) -> None:
        body, body_line = self.item.body, self.item.body_line
        if read_body:
            try:
                head = split(read_text(self.item.path))
            except (FrontMatterError, UnicodeDecodeError):
                return  # the content check's own rules report an unreadable file
            body, body_line = head.body, head.body_line
        if "![" not in body and ("<" not in body or not MAYBE_PICTURE.search(body)):
            return  # most texts have no picture: skip the line-by-line search
        for offset, text in enumerate(body.split("\n")):
            line = body_line + offset
            for match in MARKDOWN_IMAGE.finditer(text):
                self.body_picture(line, match["alt"], match["src"])
            for tag in HTML_IMAGE.finditer(text):
                alt = HTML_ALT.search(tag.group())
                src = HTML_SRC.search(tag.group())
                alt_text = next((g for g in alt.groups() if g is not None), "") if alt else ""
                src_text = next((g for g in src.groups() if g is not None), "") if src else ""
                self.body_picture(line, alt_text, src_text)

    def body_picture(self, line: int, alt: str, src: str) -> None:
        if not alt.strip():
            self.add(line, "body", "image-alt-missing", example=BODY_EXAMPLES[self.lang])
        elif is_file_name(alt, src):
            self.add(
                line,
                "body",
                "image-alt-filename",
                alt=alt.strip(),
                example=BODY_EXAMPLES[self.lang],
            )
        if src:
            self.usable(line, "body", src)

    def usable(self, line: int, field: str, value: str) -> ImageInfo | None:
        """The picture's ImageInfo, or None after reporting why it cannot be published."""
        try:
            path = resolve(unquote(value), self.item.path, self.content_root)
            if path is None:
                self.add(line, field, "image-external", value=value)
                return None
            return self.inspect(path)
        except ImageError as error:
            words = {"value": value, "format": error.detail or "?"}
            if error.code == "image-too-many-pixels":
                words.update(megapixels(error.detail))
            self.add(line, field, error.code, **words)
            return None

    def inspect(self, path: Path) -> ImageInfo:
        """``images.inspect``, once per picture file when the check keeps ``seen``."""
        if self.seen is None:
            return inspect(path)
        if path not in self.seen:
            try:
                self.seen[path] = inspect(path)
            except ImageError as error:
                self.seen[path] = error
        found = self.seen[path]
        if isinstance(found, ImageError):
            raise ImageError(found.code, found.detail)
        return found


def problems_in(content_root: Path, repo_root: Path, items) -> Iterator[Problem]:
    """The picture problems of many items, in order (for a check that runs all rules)."""
    for item in items:
        yield from image_problems(item, content_root, repo_root)
