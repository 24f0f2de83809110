"""Split a content file into YAML front matter and Markdown body.

Every scalar is read as text (YAML's BaseLoader semantics), so YAML 1.1's
implicit types cannot silently change what a communicator wrote: ``NO`` stays
the country Norway instead of ``False``, ``18:00`` stays a time instead of the
sexagesimal integer 1080, and dates are parsed by :mod:`contract` instead of
PyYAML. Each value keeps the line it was written on, for error messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

DELIMITER = "---"


@dataclass(frozen=True)
class Value:
    """One front-matter value and the (1-based) line it starts on."""

    data: str | list | dict | None
    line: int


@dataclass
class FrontMatter:
    """The parsed head of a content file."""

    fields: dict[str, Value] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1


class FrontMatterError(Exception):
    """The file cannot be split or its YAML does not parse.

    ``code`` names the rule (used by the content check), ``line`` is 1-based.
    """

    def __init__(self, code: str, line: int, detail: str = "") -> None:
        super().__init__(f"{code} at line {line}: {detail}")
        self.code = code
        self.line = line
        self.detail = detail


def _plain(node: yaml.Node) -> str | list | dict | None:
    """Turn a composed YAML node into text, lists and dicts only."""
    if isinstance(node, yaml.ScalarNode):
        plain = node.style in (None, "")  # the pure-Python and the libyaml composer
        if node.tag == "tag:yaml.org,2002:null" or (plain and node.value in ("", "~")):
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {_plain(key): _plain(value) for key, value in node.value}
    return None


#: libyaml's composer is ten times faster; the pure-Python one words the errors we report
_FAST_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def compose(text: str, first_line: int = 1) -> yaml.Node | None:
    """Compose YAML text, raising FrontMatterError with the file's line on failure.

    Well-formed YAML goes through libyaml when PyYAML has it (thousands of files
    per build); a file that fails is composed again by the pure-Python composer,
    so the error a communicator reads is the same with or without libyaml.
    """
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        pass
    try:
        return yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        raise FrontMatterError("yaml-syntax", line, str(error.problem or error)) from error


def parse_mapping(text: str, first_line: int = 1) -> dict[str, Value]:
    """Parse a YAML mapping into ``{key: Value}`` with file line numbers."""
    node = compose(text, first_line)
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise FrontMatterError("yaml-not-mapping", first_line + node.start_mark.line)
    fields: dict[str, Value] = {}
    for key_node, value_node in node.value:
        key = str(_plain(key_node))
        if key in fields:
            raise FrontMatterError("duplicate-key", first_line + key_node.start_mark.line, key)
        fields[key] = Value(_plain(value_node), first_line + key_node.start_mark.line)
    return fields


def split(text: str) -> FrontMatter:
    """Split ``---``-delimited front matter from the body and parse it."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != DELIMITER:
        raise FrontMatterError("no-front-matter", 1)
    for index in range(1, len(lines)):
        if lines[index].strip() == DELIMITER:
            head = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return FrontMatter(parse_mapping(head, first_line=2), body, body_line=index + 2)
    raise FrontMatterError("unclosed-front-matter", 1)


def read_text(path: Path) -> str:
    """Read a content file as UTF-8; a UnicodeDecodeError means a non-UTF-8 file."""
    return path.read_bytes().decode("utf-8")
