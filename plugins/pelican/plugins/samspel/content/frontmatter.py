"""Split a content file into YAML front matter and Markdown body.

Every scalar is read as text (YAML's BaseLoader semantics), so YAML 1.1's
implicit types cannot silently change what a communicator wrote: ``NO`` stays
the country Norway instead of ``False``, ``18:00`` stays a time instead of the
sexagesimal integer 1080, and dates are parsed by :mod:`contract` instead of
PyYAML. Each value keeps the line it was written on, for error messages.

Content comes from pull requests, also from forks, so it is read as hostile:
the values are built in one pass over PyYAML's *events*, never from composed
nodes, so a shared node (an anchor used by aliases, the "billion laughs") is
refused before it can be expanded; anchors, aliases, merge keys and tags have
no use in the content contract and are refused with a message. Nesting is
capped, and files are read at most one byte past their size limit, so reading
any one file stays small and fast whatever it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DELIMITER = "---"
#: a line that is only ``---`` (``str.strip()``'s whitespace around it allowed: ``\s`` is
#: exactly what ``str.isspace`` calls whitespace), ending the front matter
_CLOSING = re.compile(r"^[^\S\n]*---[^\S\n]*$", re.MULTILINE)
#: libyaml's loader when PyYAML was built with it (about ten times faster), same semantics
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

#: the largest content Markdown file, in bytes (a long article is a tenth of this)
FILE_LIMIT = 512 * 1024
#: the largest front matter (the fields between the ``---`` lines), in bytes
FRONT_MATTER_LIMIT = 64 * 1024
#: the largest data file (``content/data/companies.yaml``), in bytes
DATA_LIMIT = 1024 * 1024
#: the deepest nesting of lists and mappings (the contract needs two levels)
MAX_DEPTH = 20

#: spaces that look like a space but that YAML does not read as one
NO_BREAK_SPACES = "\u00a0\u202f\u2007"
#: typographic quotation marks a word processor puts where ``"`` was typed: ” “ „ « » and
#: the single ones (left and right single, single low-9, single angle quotation marks)
CURLY_QUOTES = "\u201d\u201c\u201e\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a"
#: ``key:`` at the start of a line (a list dash allowed), with any no-break space around it
_KEY_START = re.compile(
    rf"^[ \t{NO_BREAK_SPACES}]*(?:-[ {NO_BREAK_SPACES}]+)?[A-Za-z_][A-Za-z0-9_-]*"
    rf"[ {NO_BREAK_SPACES}]*:[ \t{NO_BREAK_SPACES}]*"
)
#: a line that opens a block scalar (``summary: >`` or ``summary: |-``): its text lines follow
_BLOCK_SCALAR = re.compile(r":[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$")


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
    ``variant`` picks a more precise message (``yaml-syntax/colon``), ``field``
    the field the problem is shown at (else the whole file), and ``params`` are
    words the message needs (the size limit). ``detail`` is for developers only
    (PyYAML's English text): it is never shown to a communicator.
    """

    def __init__(
        self,
        code: str,
        line: int,
        detail: str = "",
        *,
        variant: str | None = None,
        field: str | None = None,
        params: dict[str, object] | None = None,
    ) -> None:
        super().__init__(f"{code} at line {line}: {detail}")
        self.code = code
        self.line = line
        self.detail = detail
        self.variant = variant
        self.field = field
        self.params = params or {}


def size_in_words(limit: int) -> str:
    """``512 KB`` or ``1 MB``: a size as a communicator's file manager shows it."""
    if limit % (1024 * 1024) == 0:
        return f"{limit // (1024 * 1024)} MB"
    return f"{limit // 1024} KB"


def _too_large(limit: int, variant: str | None) -> FrontMatterError:
    detail = f"more than {limit} bytes"
    return FrontMatterError(
        "too-large", 1, detail, variant=variant, params={"limit": size_in_words(limit)}
    )


def _limit_of(path: Path) -> tuple[int, str | None]:
    """The size limit of a file and its message variant: data files may be larger."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return DATA_LIMIT, "data"
    return FILE_LIMIT, None


def read_limited(path: Path) -> bytes:
    """The file's bytes, reading at most one byte past its limit (never a huge file whole).

    Raises FrontMatterError (``too-large``) for a larger file.
    """
    limit, variant = _limit_of(path)
    with path.open("rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        raise _too_large(limit, variant)
    return data


def read_text(path: Path) -> str:
    """Read a content or data file as UTF-8, within its size limit.

    Raises FrontMatterError (``too-large``) for a file past its limit; a
    UnicodeDecodeError means a non-UTF-8 file.
    """
    return read_limited(path).decode("utf-8")


# -- YAML events to values ---------------------------------------------------------------

_NO_KEY = object()


@dataclass
class _Open:
    """A list or mapping whose end event has not come yet."""

    data: list | dict
    line: int  # the file line it starts on
    #: a mapping of fields: keys become text and values ``Value`` with their line
    fields: bool = False
    #: the start line of each entry (kept for the document's top list only)
    lines: list[int] | None = None
    key: object = _NO_KEY
    key_line: int = 0


@dataclass
class _Document:
    """What one pass over the events found."""

    data: object = None
    line: int = 0
    present: bool = False  # False for a text that holds no document at all
    lines: list[int] | None = None
    #: the first mistake in a value that parsed (a key twice, curly quotes): reported only
    #: when the YAML as a whole parses, so a syntax error is always named first
    problem: FrontMatterError | None = None


def _marked_line(error: yaml.MarkedYAMLError) -> int:
    """The 0-based line of the real fault.

    For an unclosed quote or bracket, or a line without its colon, PyYAML's
    problem mark is where it gave up (the next line or the end), and its
    context mark is where the faulty value starts: that is the line to fix.
    """
    context = error.context or ""
    starts_there = (
        "simple key" in context
        or "quoted scalar" in context
        or "flow sequence" in context
        or "flow mapping" in context
    )
    mark = error.context_mark if starts_there and error.context_mark else None
    mark = mark or error.problem_mark or error.context_mark
    return mark.line if mark else 0


#: (words in PyYAML's or libyaml's problem, message variant), first match wins
_PROBLEM_VARIANTS = (
    ("violates indentation", "tab"),
    ("'\\t'", "tab"),
    ("mapping values are not allowed", "colon"),
    ("could not find expected ':'", "missing-colon"),
    ("unknown escape character", "escape"),
    ("cannot start any token", "special"),
    ("undefined tag handle", "special"),
    ("mapping keys are not allowed", "special"),
    ("expected ',' or", "bracket"),
    ("did not find expected key", "indent"),
    ("expected <block end>", "indent"),
    ("entries are not allowed", "indent"),
    ("expected <block mapping end>", "indent"),
    ("expected '-' indicator", "indent"),
    ("comment or", "block"),  # ``summary: >x``: after | or > only a comment or a line break
    ("chomping or indentation", "block"),
    ("document indicator", "separator"),
    ("document separator", "separator"),
    ("document start", "separator"),
    ("hexdecimal number", "escape"),
    ("escape sequence", "escape"),
    ("node content", "special"),
    ("expected alphabetic or numeric", "special"),
    ("found unexpected ':'", "colon"),
)
#: ``key:`` at the start of a line, for the field a syntax error is shown at
_FAULT_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:")


def _key_on(lines: list[str], line: int) -> str | None:
    """The field named at the start of the fault's line (``title`` in ``title: Kafé: våren``).

    A syntax error is then shown at that field, as every other problem of a
    field is, instead of at the whole file.
    """
    text = lines[line] if 0 <= line < len(lines) else ""
    match = _FAULT_KEY.match(text)
    return match.group(1) if match else None


def _variant(error: yaml.MarkedYAMLError, lines: list[str], line: int) -> str | None:
    """Which yaml-syntax message fits: from the fault's line first, else PyYAML's words."""
    text = lines[line] if 0 <= line < len(lines) else ""
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    if "\t" in indent:
        return "tab"
    problem, context = error.problem or "", error.context or ""
    if "quoted scalar" in context and "end of stream" in problem:
        return "unclosed-quote"
    if "anchor" in context or "alias" in context:
        return "special"
    variant = next((name for words, name in _PROBLEM_VARIANTS if words in problem), None)
    mark = error.problem_mark
    column = mark.column if mark is not None and mark.line == line else -1
    if variant == "colon" and indent and column == text.find(":"):
        return "indent"  # ``  type: x`` under a field: a field indented by mistake
    if variant == "indent" and column > len(indent) and re.match(r"[^:]+:[ \t]+[\"']", text):
        return "after-quote"  # ``title: "Kafé" i Östersund``
    return variant


def _syntax_error(error: yaml.YAMLError, text: str, first_line: int) -> FrontMatterError:
    """FrontMatterError for PyYAML's error, at the fault's line, with a message variant."""
    lines = text.split("\n")
    if isinstance(error, yaml.MarkedYAMLError) and "nesting depth" in (error.problem or ""):
        return _too_deep(first_line + _marked_line(error))  # libyaml's own, far deeper, limit
    if isinstance(error, yaml.MarkedYAMLError):
        line = _marked_line(error)
        variant = _variant(error, lines, line)
        detail = str(error.problem or error)
    elif isinstance(error, yaml.reader.ReaderError):  # a control character YAML does not allow
        line = text[: error.position].count("\n")
        variant, detail = "control", str(error.reason)
    else:
        line, variant, detail = 0, None, str(error)
    field = _key_on(lines, line)
    return FrontMatterError("yaml-syntax", first_line + line, detail, variant=variant, field=field)


def _refuse(event: yaml.NodeEvent, line: int, depth: int) -> None:
    """Anchors, aliases, tags and deep nesting: refused before any value is built."""
    if isinstance(event, yaml.AliasEvent):
        raise FrontMatterError("yaml-reference", line, "alias", variant="alias")
    if event.anchor is not None:
        raise FrontMatterError("yaml-reference", line, "anchor")
    if event.tag is not None:
        raise FrontMatterError("yaml-tag", line, str(event.tag))
    if depth > MAX_DEPTH and isinstance(event, yaml.CollectionStartEvent):
        raise _too_deep(line)


def _too_deep(line: int) -> FrontMatterError:
    return FrontMatterError(
        "yaml-too-deep", line, f"deeper than {MAX_DEPTH}", params={"limit": MAX_DEPTH}
    )


def _in_value_place(stack: list[_Open]) -> bool:
    """True unless the next finished value is a mapping's key (or the document itself)."""
    if not stack:
        return True
    parent = stack[-1]
    return parent.key is not _NO_KEY or isinstance(parent.data, list)


def _field_of(stack: list[_Open]) -> str | None:
    """The field whose value is being read (a problem inside it is shown at that field)."""
    for frame in reversed(stack):
        if frame.fields and frame.key is not _NO_KEY:
            return str(frame.key)
    return None


def _add(document: _Document, stack: list[_Open], data: object, line: int) -> None:
    """Put a finished value (``line``: its file line) where it belongs, or make it the document."""
    if not stack:
        document.data, document.line, document.present = data, line, True
        return
    parent = stack[-1]
    if isinstance(parent.data, list):
        parent.data.append(data)
        if parent.lines is not None:
            parent.lines.append(line)
        return
    if parent.key is _NO_KEY:
        parent.key, parent.key_line = data, line
        return
    key, key_line = parent.key, parent.key_line
    parent.key = _NO_KEY
    if not parent.fields:
        # as a composed node turned into a dict would be, but a list as a key is its text
        parent.data[key if key is None or isinstance(key, str) else str(key)] = data
        return
    name = str(key)
    if name in parent.data:
        if document.problem is None:
            document.problem = FrontMatterError("duplicate-key", key_line, name, field=name)
        return
    parent.data[name] = Value(data, key_line)


def _holds_fields(stack: list[_Open], list_of_fields: bool) -> bool:
    """Whether a mapping starting now is one whose keys are fields (see :func:`_load`)."""
    if list_of_fields:
        return len(stack) == 1 and stack[0].lines is not None
    return not stack


def _load(text: str, first_line: int, list_of_fields: bool) -> _Document:
    """One pass over the events: text, lists and dicts only, with file lines.

    The mappings that hold fields (the document itself, or each entry of the
    document's list when ``list_of_fields``) become ``{key: Value}``, every
    other mapping a plain dict. An explicit stack, no recursion: deep nesting
    cannot overflow, and is refused past MAX_DEPTH anyway. The loop asks the
    parser for each event itself and compares event types by identity: it
    runs for every value of every file, and costs about what composing did.
    """
    document = _Document()
    stack: list[_Open] = []
    documents = 0
    try:
        parser = _LOADER(text)  # the pure-Python reader refuses a control character here
    except yaml.YAMLError as error:
        raise _syntax_error(error, text, first_line) from error
    try:
        while (event := parser.get_event()) is not None:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                line = first_line + event.start_mark.line
                if event.anchor is not None or event.tag is not None:
                    _refuse(event, line, len(stack))
                _scalar_into(document, stack, event, line)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                finished = stack.pop()
                _add(document, stack, finished.data, finished.line)
                if not stack:
                    document.lines = finished.lines
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                line = first_line + event.start_mark.line
                _refuse(event, line, len(stack) + 1)
                is_list = kind is yaml.SequenceStartEvent
                lines = [] if is_list and not stack and list_of_fields else None
                fields = not is_list and _holds_fields(stack, list_of_fields)
                stack.append(_Open([] if is_list else {}, line, fields, lines))
            elif kind is yaml.AliasEvent:
                _refuse(event, first_line + event.start_mark.line, len(stack))
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:  # ``...`` or ``---`` and then more YAML
                    line = first_line + event.start_mark.line
                    raise FrontMatterError("yaml-syntax", line, "more than one document")
    except yaml.YAMLError as error:
        raise _syntax_error(error, text, first_line) from error
    finally:
        parser.dispose()
    return document


def _scalar_into(
    document: _Document, stack: list[_Open], event: yaml.ScalarEvent, line: int
) -> None:
    """Add one scalar; a merge key is refused, curly quotes around a value noted."""
    value = event.value
    plain = event.style in (None, "")  # the pure-Python and the libyaml parser differ
    if plain and value:
        if value[0] in CURLY_QUOTES and _in_value_place(stack):
            if document.problem is None and _curly_quoted(value):
                field = _field_of(stack)
                document.problem = FrontMatterError("curly-quotes", line, value, field=field)
        elif value == "<<" and not _in_value_place(stack):
            raise FrontMatterError("yaml-reference", line, "merge key", variant="merge")
    _add(document, stack, None if plain and value in ("", "~") else value, line)


def _curly_quoted(value: str) -> bool:
    """``”Berättarkafé”`` without straight quotes around it: the marks would show on the page."""
    return len(value) >= 2 and value[0] in CURLY_QUOTES and value[-1] in CURLY_QUOTES


def _no_break_space(text: str, first_line: int) -> None:
    """A no-break space at a field's name or colon, found before YAML misreads the line.

    ``title:`` and a U+00A0 (pasted from a word processor) is no field to YAML: it
    either fails on a later line or silently makes a wrong value. Lines of a
    block scalar (the text under ``summary: >``) are text and left alone.
    """
    if not any(space in text for space in NO_BREAK_SPACES):
        return  # the usual case
    block_indent = -1  # the indentation of the line that opened a block scalar
    for index, line in enumerate(text.split("\n")):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent >= 0 and (indent > block_indent or not line.strip()):
            continue
        block_indent = indent if _BLOCK_SCALAR.search(line) else -1
        match = _KEY_START.match(line)
        if match and any(space in match.group() for space in NO_BREAK_SPACES):
            raise FrontMatterError("no-break-space", first_line + index, "no-break space")


def _document(text: str, first_line: int, list_of_fields: bool) -> _Document:
    _no_break_space(text, first_line)
    return _load(text, first_line, list_of_fields)


def parse_mapping(text: str, first_line: int = 1) -> dict[str, Value]:
    """Parse a YAML mapping into ``{key: Value}`` with file line numbers."""
    document = _document(text, first_line, list_of_fields=False)
    if not document.present:
        return {}
    if not isinstance(document.data, dict):
        raise FrontMatterError("yaml-not-mapping", document.line)
    if document.problem is not None:
        raise document.problem
    return document.data


def parse_mapping_list(text: str) -> list[tuple[int, dict[str, Value] | None]]:
    """Parse a YAML list of mappings (a data file such as companies.yaml).

    Returns ``(line, fields)`` per entry; ``fields`` is None for an entry that is
    not a mapping. Raises FrontMatterError (``yaml-not-list``) when the whole
    document is not a list.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    document = _document(text, 1, list_of_fields=True)
    if not document.present:
        return []
    if not isinstance(document.data, list):
        raise FrontMatterError("yaml-not-list", document.line)
    if document.problem is not None:
        raise document.problem
    lines = document.lines or []
    return [
        (line, entry if isinstance(entry, dict) else None)
        for line, entry in zip(lines, document.data, strict=True)
    ]


def split(text: str) -> FrontMatter:
    """Split ``---``-delimited front matter from the body and parse it.

    Finds the closing ``---`` line with one regular-expression search (a file
    of half a million empty lines costs milliseconds, not a Python loop per
    line), and slices the body off once. A head larger than FRONT_MATTER_LIMIT
    is refused before YAML sees it.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    end = text.find("\n")
    if (text if end < 0 else text[:end]).strip() != DELIMITER:
        raise FrontMatterError("no-front-matter", 1)
    closing = _CLOSING.search(text, end + 1) if end >= 0 else None
    if closing is None:
        raise FrontMatterError("unclosed-front-matter", 1)
    head = text[end + 1 : max(end + 1, closing.start() - 1)]
    if len(head) * 4 > FRONT_MATTER_LIMIT and len(head.encode()) > FRONT_MATTER_LIMIT:
        raise _too_large(FRONT_MATTER_LIMIT, "front-matter")
    after = text.find("\n", closing.start())
    body = "" if after < 0 else text[after + 1 :]
    body_line = text.count("\n", 0, closing.start()) + 2
    return FrontMatter(parse_mapping(head, first_line=2), body, body_line=body_line)
