"""The content check's shortcuts (issue 8) give the answers the long way gave."""

from __future__ import annotations

import sys

import pytest
from helpers import REPO

sys.path[:0] = [str(REPO), str(REPO / "plugins")]

from samspel.frontmatter import FrontMatterError, parse_mapping, split  # noqa: E402


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
