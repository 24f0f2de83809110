"""The content check's shortcuts (issue 8) give the answers the long way gave."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest
from helpers import write_content
from pelican.plugins.samspel.check import pictures as image_check
from pelican.plugins.samspel.check.runner import check_content, content_files
from pelican.plugins.samspel.content.files import SKIP_PATTERNS
from pelican.plugins.samspel.content.frontmatter import FrontMatterError, parse_mapping, split
from pelican.plugins.samspel.pictures.images import ImageInfo, inspect
from pelican.readers import MarkdownReader
from PIL import Image

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
    # the Norwegian page in Norwegian, line for line ([same-as-pair] otherwise)
    nb_body = "Tekst.\n\n![Et ødelagt bilde.](bilder/trasig.jpg)\n![Samme.](bilder/trasig.jpg)\n"
    (tmp_path / "content" / "sidor" / "om.nb.md").write_text(head + nb_body, encoding="utf-8")
    problems = check_content(tmp_path / "content", tmp_path)
    assert [(str(p.path), p.line, p.code) for p in problems] == [
        (f"content/sidor/om.{lang}.md", line, code)
        for lang in ("nb", "sv")
        for line, code in ((3, "image-too-small"), (8, "image-unreadable"), (9, "image-unreadable"))
    ]
    assert sorted(path.name for path in decoded) == ["liten.jpg", "trasig.jpg"]


def test_content_files_are_the_markdown_files_rglob_found(tmp_path: Path) -> None:
    """The fast walk lists what rglob, Pelican's skip patterns and its Markdown suffixes list."""
    content = write_content(
        tmp_path / "content",
        {
            name: "---\ntitle: T\n---\nT\n"
            for name in (
                "aktiviteter/a.sv.md",
                "aktiviteter/B.NB.MD",
                "aktiviteter/notes.markdown",
                "aktiviteter/c.sv.mkd",
                "aktiviteter/d.nb.Mdown",
                "aktiviteter/.#a.sv.md",
                "aktiviteter/a.sv.md~",
                "aktiviteter/#a.sv.md#",
                "aktiviteter/.a.sv.md.swp",
                "aktiviteter/2025/c.sv.md",
                "aktiviteter/gammalt~/e.sv.md",
                "bilder/x.md",
                "data/y.md",
                ".git/z.md",
                "om.md",
                "sidor/text.txt",
                "sidor/a-b.sv.md",
                "sidor/a.sv.md",
            )
        },
    )
    (content / "lank").symlink_to(content / "aktiviteter")  # a linked folder is not walked
    (content / "sidor" / "loop.sv.md").symlink_to("loop.sv.md")  # nor a link to itself
    (content / "sidor" / "fil.sv.md").symlink_to(content / "aktiviteter" / "a.sv.md")  # nor this
    expected = sorted(
        path
        for path in content.rglob("*")
        if path.is_file()
        and not path.is_symlink()
        and path.relative_to(content).parts[0] not in ("bilder", "data")
        and not any(
            fnmatch.fnmatch(part, pattern)
            for part in path.relative_to(content).parts
            for pattern in SKIP_PATTERNS
        )
        and path.suffix.lower()[1:] in MarkdownReader.file_extensions
    )
    assert content_files(content) == expected
    assert [path.relative_to(content).as_posix() for path in expected] == [
        "aktiviteter/2025/c.sv.md",
        "aktiviteter/B.NB.MD",
        "aktiviteter/a.sv.md",
        "aktiviteter/c.sv.mkd",
        "aktiviteter/d.nb.Mdown",
        "aktiviteter/notes.markdown",
        "om.md",
        "sidor/a-b.sv.md",
        "sidor/a.sv.md",
    ]


def test_a_linked_file_is_named_by_its_own_path_and_never_read(tmp_path: Path) -> None:
    """Issue 13: a link to a file outside content/ was named by (and read at) its target."""
    target = write_content(tmp_path / "annat", {"om.sv.md": "---\ntitle: Om\ntitel: x\n---\nT\n"})
    content = write_content(tmp_path / "content", {"sidor/om.nb.md": "---\ntitle: Om\n---\nT\n"})
    (content / "sidor" / "om.sv.md").symlink_to(target / "om.sv.md")
    problems = check_content(content, tmp_path)
    assert [(str(p.path), p.line, p.code) for p in problems] == [
        ("content/sidor/om.nb.md", 1, "missing-translation"),
        ("content/sidor/om.sv.md", 1, "symlink"),
    ]


def test_pictures_in_the_text_are_found_in_any_case_and_only_there(tmp_path: Path) -> None:
    body = (
        "Text <b>fet</b>, ![ och <imgx>.\n"
        "<IMG SRC='https://example.org/a.jpg' ALT='En scen'>\n"
        "Rad <\u0131mg src=\"https://example.org/b.jpg\" alt='En annan scen'>\n"
        "![](https://example.org/c.jpg)\n"
    )
    write_content(
        tmp_path / "content",
        {f"sidor/om.{lang}.md": "---\ntitle: Om\n---\n" + body for lang in LANGS},
    )
    problems = check_content(tmp_path / "content", tmp_path)
    assert [(p.path.name, p.line, p.code) for p in problems if p.code.startswith("image-")] == [
        (f"om.{lang}.md", line, code)
        for lang in ("nb", "sv")
        for line, code in (
            (5, "image-external"),
            (6, "image-external"),
            (7, "image-alt-missing"),
            (7, "image-external"),
        )
    ]
    # the one HTML policy names the unknown element; a picture's src stays the picture rule's
    assert [(p.path.name, p.line, p.code) for p in problems if p.code.startswith("html-")] == [
        (f"om.{lang}.md", 4, "html-tag") for lang in ("nb", "sv")
    ]
