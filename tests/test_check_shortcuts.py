"""The content check's shortcuts (issue 8) give the answers the long way gave."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from helpers import REPO, write_content
from PIL import Image

sys.path[:0] = [str(REPO), str(REPO / "plugins")]

from samspel import image_check  # noqa: E402
from samspel.check import check_content  # noqa: E402
from samspel.frontmatter import FrontMatterError, parse_mapping, split  # noqa: E402
from samspel.images import ImageInfo, inspect  # noqa: E402

LANGS = ("sv", "nb")


def split_by_lines(text: str) -> tuple[str, str, int]:
    """The head, body and body line as split() found them before it sliced the body off."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines[0].strip() != "---":
        raise FrontMatterError("no-front-matter", 1)
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise FrontMatterError("unclosed-front-matter", 1)


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: K\n---\nText.\n",
        "---\ntitle: K\n---",
        "---\n---\n",
        "---\n---",
        "---\n---\n\n\nText\n---\nmore",
        " --- \ntitle: K\n\t---\u2028\nText",
        "\ufeff---\r\ntitle: K\r\n---\r\nA\rB\r\n",
        "---\ntitle: K\n  --- x\n  ----\n---\nText",
        "---\u2028\ntitle: K\n---\x85\nText",
    ],
)
def test_split_finds_the_same_head_body_and_line(text: str) -> None:
    head, body, body_line = split_by_lines(text)
    parsed = split(text)
    assert (parsed.body, parsed.body_line) == (body, body_line)
    assert parsed.fields == parse_mapping(head, first_line=2)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "no-front-matter"),
        ("title: K\n---\n", "no-front-matter"),
        ("---", "unclosed-front-matter"),
        ("---\ntitle: K\nText\n", "unclosed-front-matter"),
        ("---\ntitle: K\n-- -\n", "unclosed-front-matter"),
    ],
)
def test_split_reports_the_same_errors(text: str, code: str) -> None:
    with pytest.raises(FrontMatterError) as error:
        split(text)
    assert (error.value.code, error.value.line) == (code, 1)


def test_a_picture_both_languages_use_is_decoded_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    decoded: list[Path] = []

    def counting_inspect(path: Path) -> ImageInfo:
        decoded.append(path)
        return inspect(path)

    monkeypatch.setattr(image_check, "inspect", counting_inspect)
    folder = tmp_path / "content" / "bilder"
    folder.mkdir(parents=True)
    Image.new("RGB", (500, 400), "red").save(folder / "liten.jpg", "JPEG")
    (folder / "trasig.jpg").write_bytes(b"no picture")
    head = "---\ntitle: T\nimage: bilder/liten.jpg\nimage_alt: En röd yta.\n---\n"
    body = "Text.\n\n![En trasig bild.](bilder/trasig.jpg)\n"
    write_content(
        tmp_path / "content",
        {f"sidor/om.{lang}.md": head + body + "![Samma.](bilder/trasig.jpg)\n" for lang in LANGS},
    )
    problems = check_content(tmp_path / "content", tmp_path)
    assert [(str(p.path), p.line, p.code) for p in problems] == [
        (f"content/sidor/om.{lang}.md", line, code)
        for lang in ("nb", "sv")
        for line, code in ((3, "image-too-small"), (8, "image-unreadable"), (9, "image-unreadable"))
    ]
    assert sorted(path.name for path in decoded) == ["liten.jpg", "trasig.jpg"]
