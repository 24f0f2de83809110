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
#: libyaml's loader when PyYAML was built with it (about ten times faster), same semantics
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


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
        plain = node.style in (None, "")  # the pure-Python and the libyaml composer differ
        if node.tag == "tag:yaml.org,2002:null" or (plain and node.value in ("", "~")):
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {_plain(key): _plain(value) for key, value in node.value}
    return None


def compose(text: str, first_line: int = 1) -> yaml.Node | None:
    """Compose YAML text, raising FrontMatterError with the file's line on failure."""
    try:
        return yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        raise FrontMatterError("yaml-syntax", line, str(error.problem or error)) from error
    except yaml.reader.ReaderError as error:  # a control character YAML does not allow
        line = first_line + text[: error.position].count("\n")
        raise FrontMatterError("yaml-syntax", line, str(error.reason)) from error
    except (yaml.YAMLError, RecursionError) as error:
        raise FrontMatterError("yaml-syntax", first_line, str(error)) from error


def parse_mapping(text: str, first_line: int = 1) -> dict[str, Value]:
    """Parse a YAML mapping into ``{key: Value}`` with file line numbers."""
    node = compose(text, first_line)
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise FrontMatterError("yaml-not-mapping", first_line + node.start_mark.line)
    return _fields(node, first_line)


def _fields(node: yaml.MappingNode, first_line: int) -> dict[str, Value]:
    """``{key: Value}`` of a mapping node; a key written twice is an error."""
    fields: dict[str, Value] = {}
    for key_node, value_node in node.value:
        key = str(_plain(key_node))
        if key in fields:
            raise FrontMatterError("duplicate-key", first_line + key_node.start_mark.line, key)
        try:
            data = _plain(value_node)
        except RecursionError as error:  # an alias that contains itself: &x [*x]
            line = first_line + key_node.start_mark.line
            raise FrontMatterError("yaml-syntax", line, "a value refers to itself") from error
        fields[key] = Value(data, first_line + key_node.start_mark.line)
    return fields


def parse_mapping_list(text: str) -> list[tuple[int, dict[str, Value] | None]]:
    """Parse a YAML list of mappings (a data file such as companies.yaml).

    Returns ``(line, fields)`` per entry; ``fields`` is None for an entry that is
    not a mapping. Raises FrontMatterError (``yaml-not-list``) when the whole
    document is not a list.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    node = compose(text)
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise FrontMatterError("yaml-not-list", 1 + node.start_mark.line)
    entries: list[tuple[int, dict[str, Value] | None]] = []
    for entry in node.value:
        line = 1 + entry.start_mark.line
        fields = _fields(entry, 1) if isinstance(entry, yaml.MappingNode) else None
        entries.append((line, fields))
    return entries


def split(text: str) -> FrontMatter:
    """Split ``---``-delimited front matter from the body and parse it.

    Walks the lines of the head only: the body, most of the file, is sliced off
    once instead of being split into lines and joined again.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    end = text.find("\n")
    if (text if end < 0 else text[:end]).strip() != DELIMITER:
        raise FrontMatterError("no-front-matter", 1)
    head_start = index = 0
    while end >= 0:
        start, index = end + 1, index + 1
        if index == 1:
            head_start = start
        end = text.find("\n", start)
        if (text[start:] if end < 0 else text[start:end]).strip() == DELIMITER:
            head = text[head_start : start - 1]
            body = "" if end < 0 else text[end + 1 :]
            return FrontMatter(parse_mapping(head, first_line=2), body, body_line=index + 2)
    raise FrontMatterError("unclosed-front-matter", 1)


def read_text(path: Path) -> str:
    """Read a content file as UTF-8; a UnicodeDecodeError means a non-UTF-8 file."""
    return path.read_bytes().decode("utf-8")
