"""Hostile front matter and data files (issue 13): bounded reading, refused YAML, clear messages.

Content comes from pull requests, also from forks. Reading any one file must
stay within about a second and 100 MB whatever it holds (an alias bomb, deep
nesting, a huge file, a line of half a megabyte), the YAML features the content
contract has no use for are refused, and the common mistakes are named on
their own line with the fix, in the file's language, never in PyYAML's English.
"""

from __future__ import annotations

import json
import string
import struct
import subprocess
import sys
import warnings
import zlib
from pathlib import Path

import pytest
import yaml
from helpers import REPO, run_build, write_content
from pelican.plugins.samspel.check.messages import MESSAGES
from pelican.plugins.samspel.check.problems import Problem
from pelican.plugins.samspel.check.runner import check_content
from pelican.plugins.samspel.content import frontmatter
from pelican.plugins.samspel.content.frontmatter import (
    DATA_LIMIT,
    FILE_LIMIT,
    FRONT_MATTER_LIMIT,
    MAX_DEPTH,
    FrontMatterError,
    parse_mapping,
    parse_mapping_list,
    split,
)
from pelican.plugins.samspel.reader import YamlMarkdownReader

LANGS = ("sv", "nb")
PAGE = {
    "sv": "---\ntitle: Om oss\nsummary: Vad Samspel 63 är.\n---\nText.\n",
    "nb": "---\ntitle: Om oss\nsummary: Hva Samspel 63 er.\n---\nTekst.\n",
}
#: English words of PyYAML's and libyaml's messages that must never reach a communicator
ENGLISH = ("YAML:", "mapping", "expected", "found", "scanning", "token", "context", "allowed")


def page_path(lang: str) -> str:
    return f"content/sidor/om.{lang}.md"


def check_pages(tmp_path: Path, texts: dict[str, str | bytes]) -> list[Problem]:
    """Check a content folder with ``sidor/om.<lang>.md`` for each given language."""
    content = tmp_path / "content"
    for lang, text in texts.items():
        path = content / "sidor" / f"om.{lang}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return check_content(content, tmp_path)


def errors(problems: list[Problem]) -> list[tuple[str, str, int]]:
    """(code, path, line) of the errors (the missing-translation warning left out)."""
    return [(p.code, str(p.path), p.line) for p in problems if p.severity == "error"]


def page(head: str, lang: str) -> str:
    """A page whose front matter is the title line and then ``head`` (so ``head`` is line 3)."""
    return f"---\ntitle: {'Om' if lang == 'sv' else 'Om oss'}\n{head}\n---\nText.\n"


# -- reading any file stays fast and small ----------------------------------------------

ALIAS_BOMB = "\n".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(
            f"{chr(ord('a') + i)}: &{chr(ord('a') + i)} ["
            + ",".join([f"*{chr(ord('a') + i - 1)}"] * 9)
            + "]"
            for i in range(1, 9)
        ),
    ]
)

#: hostile file -> (Python that writes ``path``, the error it is named by: (code, line) or None)
HOSTILE: dict[str, tuple[str, tuple[str, int] | None]] = {
    # nine levels of nine aliases: 387 million strings once expanded, from 600 bytes
    "alias bomb": (
        f"path.write_text('---\\ntitle: T\\n' + {ALIAS_BOMB!r} + '\\n---\\nT\\n')",
        ("yaml-reference", 3),
    ),
    "deep flow nesting": (
        "path.write_text('---\\nx: ' + '[' * 30_000 + ']' * 30_000 + '\\n---\\n')",
        ("yaml-too-deep", 2),
    ),
    "deep block nesting": (
        "path.write_text('---\\n' + ''.join(' ' * i + 'a:\\n' for i in range(0, 400, 2))"
        " + '---\\n')",
        ("yaml-too-deep", 2 + MAX_DEPTH),
    ),
    # a sparse file of 2 GB: only what is read costs memory
    "huge file": (
        "handle = path.open('wb'); handle.write(b'---\\ntitle: T\\n---\\n');"
        " handle.truncate(2 * 1024 ** 3); handle.close()",
        ("too-large", 1),
    ),
    "half a million empty lines": (
        "path.write_text('---\\n' + '\\n' * 500_000)",
        ("unclosed-front-matter", 1),
    ),
    "long line in the text": ("path.write_text('---\\ntitle: T\\n---\\n' + 'x' * 500_000)", None),
    "long value": ("path.write_text('---\\ntitle: ' + 'x' * 60_000 + '\\n---\\nT\\n')", None),
    "long line of picture openings": (
        "path.write_text('---\\ntitle: T\\n---\\n' + '![' * 250_000)",
        ("too-complex", 4),
    ),
    "long line of half pictures": (
        "path.write_text('---\\ntitle: T\\n---\\n' + '![a](' * 100_000)",
        ("too-complex", 4),
    ),
    "long line of img tags": (
        "path.write_text('---\\ntitle: T\\n---\\n' + '<img src=' * 50_000)",
        ("too-complex", 4),
    ),
    # Python-Markdown is quadratic on raw tags and recurses per nesting level: refused unread
    "many raw tags": (
        "path.write_text('---\\ntitle: T\\n---\\n' + '<a ' * 20_000)",
        ("too-complex", 4),
    ),
    "nested list bomb": (
        "path.write_text('---\\ntitle: T\\n---\\n' + '- ' * 5_000 + 'x')",
        ("too-complex", 4),
    ),
    "deeply indented lines": (
        "path.write_text('---\\ntitle: T\\n---\\n'"
        " + ''.join(' ' * i + '- x\\n' for i in range(0, 400, 2)))",
        ("too-complex", 4),
    ),
    "many flow entries": (
        "path.write_text('---\\ntitle: T\\nx: [' + 'a,' * 30_000 + ']\\n---\\nT\\n')",
        None,
    ),
}

#: run in a fresh interpreter: write the file in both languages, then check, index and read it
MEASURE = """
import json, resource, sys, time
from pathlib import Path
from pelican.plugins.samspel.check.runner import check_content
from pelican.plugins.samspel.content.index import ContentIndex
from pelican.plugins.samspel.content.frontmatter import FrontMatterError, read_text, split
root = Path({root!r})
content = root / "content"
(content / "sidor").mkdir(parents=True)
for lang in ("sv", "nb"):
    path = content / "sidor" / f"om.{{lang}}.md"
    {write}
# a bomb must fail fast rather than take the machine: cap the address space
with open("/proc/self/status") as status:
    size = next(int(line.split()[1]) for line in status if line.startswith("VmSize:")) * 1024
limit = size + 400 * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
problems = check_content(content, root)
ContentIndex.scan(content)
for lang in ("sv", "nb"):
    try:
        split(read_text(content / "sidor" / f"om.{{lang}}.md"))
    except (FrontMatterError, UnicodeDecodeError):
        pass
seconds = time.perf_counter() - start
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
errors = [[p.code, str(p.path), p.line] for p in problems if p.severity == "error"]
print(json.dumps({{"seconds": seconds, "grown": grown, "errors": errors,
                  "codes": sorted({{p.code for p in problems}})}}))
"""


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_file_is_read_within_a_second_and_100_mb(tmp_path: Path, kind: str) -> None:
    """The check, the content index and the reader's split, in a fresh process, on both files."""
    write, named = HOSTILE[kind]
    script = MEASURE.format(root=str(tmp_path), write=write)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    measured = json.loads(result.stdout)
    assert measured["seconds"] < 1.0, measured
    assert measured["grown"] < 100 * 1024 * 1024, measured
    assert "check-failed" not in measured["codes"]
    expected = (
        [] if named is None else [[named[0], page_path(lang), named[1]] for lang in ("nb", "sv")]
    )
    assert measured["errors"] == expected


# -- anchors, aliases, merge keys and tags are refused ----------------------------------


@pytest.mark.parametrize(
    ("head", "code", "start"),
    [
        ("place: &Co på scen", "yaml-reference", {"sv": "Värdet börjar med &", "nb": "Verdien"}),
        ("place: *nytt", "yaml-reference", {"sv": "Värdet börjar med *", "nb": "Verdien"}),
        ("extra: &bas [a]", "yaml-reference", {"sv": "Värdet börjar med &", "nb": "Verdien"}),
        ("<<: {place: Jamtli}", "yaml-reference", {"sv": "<<: hämtar fält", "nb": "<<: henter"}),
        ("place: !!str Jamtli", "yaml-tag", {"sv": "Värdet börjar med !", "nb": "Verdien"}),
        ("place: !Viktigt möte", "yaml-tag", {"sv": "Värdet börjar med !", "nb": "Verdien"}),
        ("place: ! Jamtli", "yaml-tag", {"sv": "Värdet börjar med !", "nb": "Verdien"}),
    ],
)
def test_yaml_references_and_tags_are_refused(
    tmp_path: Path, head: str, code: str, start: dict[str, str]
) -> None:
    problems = check_pages(tmp_path, {lang: page(head, lang) for lang in LANGS})
    assert errors(problems) == [(code, page_path("nb"), 3), (code, page_path("sv"), 3)]
    for problem in problems:
        lang = "nb" if str(problem.path).endswith(".nb.md") else "sv"
        assert problem.message.startswith(start[lang]), problem.message


def test_the_quoted_forms_the_messages_suggest_pass(tmp_path: Path) -> None:
    head = 'place: "&Co på scen"\nsummary: "*Nytt* program"\nhost: "!Viktigt: ny tid"'
    assert errors(check_pages(tmp_path, {lang: page(head, lang) for lang in LANGS})) == []


def test_companies_yaml_refuses_references_too(tmp_path: Path) -> None:
    content = write_content(
        tmp_path / "content",
        {
            "data/companies.yaml": (
                "- id: a\n  name: &namn A AB\n  country: SE\n  region: R\n  sector: S\n"
                "  public: true\n- id: b\n  name: *namn\n"
            ),
        },
    )
    problems = check_content(content, tmp_path)
    assert [(p.code, str(p.path), p.line) for p in problems] == [
        ("yaml-reference", "content/data/companies.yaml", 2)
    ]
    assert problems[0].message.startswith("Värdet börjar med &")


# -- the values are what they were before (one pass over the events) --------------------


def composed(text: str, first_line: int = 2) -> dict:
    """What ``yaml.compose`` made of a front matter before the event reader (the old way)."""

    def plain(node: yaml.Node):
        if isinstance(node, yaml.ScalarNode):
            is_plain = node.style in (None, "")
            return None if is_plain and node.value in ("", "~") else node.value
        if isinstance(node, yaml.SequenceNode):
            return [plain(item) for item in node.value]
        return {plain(key): plain(value) for key, value in node.value}

    node = yaml.compose(text, Loader=yaml.BaseLoader)
    return {
        str(plain(key)): (plain(value), first_line + key.start_mark.line)
        for key, value in node.value
    }


SAMPLES = [
    "title: Kafé\ncountry: NO\nstart: 2025-03-14 18:00\nend: 18:00",
    'title: ""\nsummary: ~\nplace:\nhost: "~"\nimage_alt: \'\'',
    "companies: [a, b, ~, '']\nextra: {a: 1, b: [x, {c: d}]}",
    "summary: >\n  Lång text\n  på två rader.\n\nhost: |\n  Rad ett\n  Rad två\n",
    "companies:\n  - a\n  -\n  - c\n# en kommentar\ntitle: 'x' # och en till",
    "title: 'It''s'\nplace: \"Jamtli\\tÖstersund\"\n? komplex\n: nyckel",
    "\n\ntitle: K\n\n\nplace: P\n",
    "a: {b: {c: d}, ~: w}",
]


@pytest.mark.parametrize("loader", [yaml.BaseLoader, getattr(yaml, "CBaseLoader", None)])
@pytest.mark.parametrize("text", SAMPLES)
def test_values_and_lines_are_what_yaml_compose_gave(
    monkeypatch: pytest.MonkeyPatch, text: str, loader
) -> None:
    if loader is None:
        pytest.skip("PyYAML without libyaml")
    monkeypatch.setattr(frontmatter, "_LOADER", loader)
    fields = parse_mapping(text, first_line=2)
    assert {key: (value.data, value.line) for key, value in fields.items()} == composed(text)


def test_a_list_as_a_key_inside_a_value_is_its_text_not_a_crash() -> None:
    """``yaml.compose`` and a dict of its nodes failed on this (a list cannot be a dict key)."""
    fields = parse_mapping("extra: {[x, y]: z}", first_line=2)
    assert fields["extra"].data == {"['x', 'y']": "z"}


def test_the_repository_content_reads_as_yaml_compose_read_it() -> None:
    for path in sorted((REPO / "content").glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        head = text.split("\n---\n", 1)[0].removeprefix("---\n")
        fields = split(text).fields
        assert {key: (value.data, value.line) for key, value in fields.items()} == composed(head)


def test_companies_yaml_entries_keep_their_lines() -> None:
    text = "# Företag\n- id: a\n  name: A\n- b\n-\n  id: c\n- [d]\n"
    entries = parse_mapping_list("\ufeff" + text.replace("\n", "\r\n"))
    assert [
        (line, fields and {k: (v.data, v.line) for k, v in fields.items()})
        for line, fields in entries
    ] == [
        (2, {"id": ("a", 2), "name": ("A", 3)}),
        (4, None),
        (6, {"id": ("c", 6)}),
        (7, None),
    ]


def test_a_key_written_twice_is_named_after_a_syntax_error_elsewhere() -> None:
    """The document is read to its end first, as before: a syntax error is named first."""
    with pytest.raises(FrontMatterError) as error:
        parse_mapping("title: a\ntitle: b\nplace: Kafé: våren\n", first_line=2)
    assert (error.value.code, error.value.line) == ("yaml-syntax", 4)
    with pytest.raises(FrontMatterError) as error:
        parse_mapping("title: a\nplace: b\ntitle: c\n", first_line=2)
    assert (error.value.code, error.value.line, error.value.field) == ("duplicate-key", 4, "title")


# -- nesting and size limits --------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_nesting_up_to_the_limit_is_read_and_one_more_is_refused(tmp_path: Path, lang: str) -> None:
    deepest = "extra: " + "[" * (MAX_DEPTH - 1) + "a" + "]" * (MAX_DEPTH - 1)
    assert errors(check_pages(tmp_path / "ok", {lang: page(deepest, lang)})) == []
    deeper = "extra: " + "[" * MAX_DEPTH + "a" + "]" * MAX_DEPTH
    problems = check_pages(tmp_path / "deep", {lang: page(deeper, lang)})
    assert errors(problems) == [("yaml-too-deep", page_path(lang), 3)]
    assert str(MAX_DEPTH) in problems[0].message


@pytest.mark.parametrize("lang", LANGS)
def test_a_file_at_the_limit_is_read_and_one_byte_more_is_refused(
    tmp_path: Path, lang: str
) -> None:
    text = PAGE[lang].encode()
    at_limit = text + b"x" * (FILE_LIMIT - len(text))
    assert errors(check_pages(tmp_path / "ok", {lang: at_limit})) == []
    problems = check_pages(tmp_path / "large", {lang: at_limit + b"x"})
    assert errors(problems) == [("too-large", page_path(lang), 1)]
    words = {"sv": "Filen är större än 512 KB", "nb": "Filen er større enn 512 KB"}
    assert problems[0].message.startswith(words[lang]), problems[0].message


@pytest.mark.parametrize("lang", LANGS)
def test_front_matter_past_its_limit_is_refused_before_yaml_reads_it(
    tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[str] = []
    monkeypatch.setattr(frontmatter, "_load", lambda text, *args: parsed.append(text))
    value = "å" * (FRONT_MATTER_LIMIT // 2)  # two bytes each: few characters, too many bytes
    problems = check_pages(tmp_path, {lang: page(f"summary: {value}", lang)})
    assert errors(problems) == [("too-large", page_path(lang), 1)]
    assert "64 KB" in problems[0].message
    assert parsed == []


def test_companies_yaml_past_its_limit_is_refused(tmp_path: Path) -> None:
    entry = "- id: a\n  name: A\n  country: SE\n  region: R\n  sector: S\n  public: true\n"
    padding = "# " + "x" * 998 + "\n"
    text = entry + padding * (DATA_LIMIT // len(padding) + 1)
    content = write_content(tmp_path / "content", {"data/companies.yaml": text})
    problems = check_content(content, tmp_path)
    assert [(p.code, str(p.path), p.line) for p in problems] == [
        ("too-large", "content/data/companies.yaml", 1)
    ]
    assert problems[0].message.startswith("Filen är större än 1 MB")


def test_only_one_byte_past_the_limit_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "om.sv.md"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    sizes: list[int] = []
    opened = Path.open

    def spying_open(self: Path, *args, **kwargs):
        handle = opened(self, *args, **kwargs)
        read = handle.read

        class Spy:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                handle.close()

            def read(self, size: int = -1) -> bytes:
                sizes.append(size)
                return read(size)

        return Spy()

    monkeypatch.setattr(Path, "open", spying_open)
    with pytest.raises(FrontMatterError) as error:
        frontmatter.read_text(path)
    assert error.value.code == "too-large"
    assert sizes == [FILE_LIMIT + 1]


# -- messages that point at the real fault ---------------------------------------------


@pytest.mark.parametrize(
    ("head", "line", "sv", "nb"),
    [
        ("summary: x\n\tplace: y", 4, "Raden har en tabb", "Linjen har en tabulator"),
        ("companies:\n\t- a", 4, "Raden har en tabb", "Linjen har en tabulator"),
        ("\tplace: y", 3, "Raden har en tabb", "Linjen har en tabulator"),
        ("place: Kafé: våren", 3, "Raden har ett kolon mitt", "Linjen har et kolon midt"),
        ("place: P\n  host: x", 4, "Raden börjar på fel ställe", "Linjen begynner på feil sted"),
        ("place: P\n- x", 4, "Raden börjar på fel ställe", "Linjen begynner på feil sted"),
        ("place Jamtli\nhost: x", 3, "Raden är inte skriven som", "Linjen er ikke skrevet som"),
        ('place:"Jamtli"\nhost: x', 3, "Raden är inte skriven som", "Linjen er ikke skrevet som"),
        ('place: "Jamtli\nhost: x', 3, "Citattecknet före värdet", "Anførselstegnet foran"),
        ('place: "Kafé" i Östersund', 3, "Värdet börjar med citattecken", "Verdien begynner med"),
        ("place: @samspel63", 3, "Värdet börjar med ett tecken", "Verdien begynner med et tegn"),
        ("place: `kod`", 3, "Värdet börjar med ett tecken", "Verdien begynner med et tegn"),
        ("place: & Co", 3, "Värdet börjar med ett tecken", "Verdien begynner med et tegn"),
        ('place: "C:\\mapp"', 3, "Värdet inom dubbla citattecken", "Verdien i doble"),
        ("companies: [a, b\nhost: x", 3, "Listan som börjar med [", "Listen som begynner med ["),
        ("companies: {a: b\nhost: x", 3, "Listan som börjar med [", "Listen som begynner med ["),
        ("place: \x07", 3, "Raden innehåller ett osynligt", "Linjen inneholder et usynlig"),
        ("place: x\n...\nhost: y", 5, "Här står en rad med bara ---", "Her står en linje med bare"),
    ],
)
@pytest.mark.parametrize("loader", [yaml.BaseLoader, getattr(yaml, "CBaseLoader", None)])
def test_yaml_syntax_errors_are_described_in_the_files_language_at_their_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loader, head: str, line: int, sv: str, nb: str
) -> None:
    if loader is None:
        pytest.skip("PyYAML without libyaml")
    monkeypatch.setattr(frontmatter, "_LOADER", loader)
    problems = check_pages(tmp_path, {lang: page(head, lang) for lang in LANGS})
    assert errors(problems) == [("yaml-syntax", page_path(lang), line) for lang in ("nb", "sv")]
    nb_problem, sv_problem = problems
    assert sv_problem.message.startswith(sv), sv_problem.message
    assert nb_problem.message.startswith(nb), nb_problem.message
    for problem in problems:
        assert not any(word in problem.message for word in ENGLISH), problem.message


def test_no_yaml_message_has_english_or_a_detail_placeholder() -> None:
    for key, texts in MESSAGES.items():
        if key.startswith(("yaml-", "too-large", "no-break-space", "curly-quotes", "key-case")):
            for text in texts.values():
                assert "{detail}" not in text and "YAML:" not in text, (key, text)
                list(string.Formatter().parse(text))  # a stray { or } would fail to format


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2007"])
@pytest.mark.parametrize(
    "head",
    ["place:{s}Jamtli", "place: {s}Jamtli", "place{s}: Jamtli", "{s}place: Jamtli", "host:{s}"],
)
def test_a_no_break_space_at_a_key_is_named_on_its_line(
    tmp_path: Path, space: str, head: str
) -> None:
    text = head.format(s=space) + "\nhost2: x"
    problems = check_pages(tmp_path, {lang: page(text, lang) for lang in LANGS})
    assert errors(problems) == [("no-break-space", page_path(lang), 3) for lang in ("nb", "sv")]
    assert problems[0].message.startswith("Linjen har et hardt mellomrom")
    assert problems[1].message.startswith("Raden har ett hårt mellanslag")


def test_a_no_break_space_inside_a_value_or_a_block_text_is_fine(tmp_path: Path) -> None:
    head = "place: Jamtli,\u00a0Östersund\nsummary: >\n  Tid:\u00a018.00\n  och mer."
    assert errors(check_pages(tmp_path, {lang: page(head, lang) for lang in LANGS})) == []


@pytest.mark.parametrize(
    "value",
    ["”Berättarkafé”", "“Berättarkafé”", "„Berättarkafé“", "«Fortellerkveld»", "\u2018Kafé\u2019"],
)
def test_curly_quotes_around_a_value_are_named(tmp_path: Path, value: str) -> None:
    problems = check_pages(tmp_path, {lang: page(f"place: {value}", lang) for lang in LANGS})
    assert errors(problems) == [("curly-quotes", page_path(lang), 3) for lang in ("nb", "sv")]
    nb_problem, sv_problem = problems
    assert (nb_problem.field, sv_problem.field) == ("place", "place")
    assert 'Bruk rette anførselstegn: title: "Fortellerkveld"' in nb_problem.message
    assert 'title: "«Fortellerkveld»"' in nb_problem.message
    assert 'Använd raka citattecken: title: "Berättarkafé"' in sv_problem.message


def test_curly_quotes_inside_straight_quotes_or_a_list_entry(tmp_path: Path) -> None:
    fine = {
        "nb": '---\ntitle: "«Fortellerkveld»"\nplace: «Kafé» i Steinkjer\n---\nTekst.\n',
        "sv": "---\ntitle: '”Berättarkafé”'\nplace: Kafé ”Sagor”\n---\nText.\n",
    }
    assert errors(check_pages(tmp_path / "fine", fine)) == []
    listed = {lang: page("companies: [a, ”b”]", lang) for lang in LANGS}
    problems = check_pages(tmp_path / "listed", listed)
    assert [(p.code, p.line, p.field) for p in problems] == [("curly-quotes", 3, "companies")] * 2


@pytest.mark.parametrize("lang", LANGS)
def test_a_known_key_with_a_capital_letter_is_an_error(tmp_path: Path, lang: str) -> None:
    text = f"---\nTitle: {'Om' if lang == 'sv' else 'Om oss'}\nSUMMARY: S\n---\nText.\n"
    problems = check_pages(tmp_path, {lang: text})
    assert [(p.code, p.line, p.field, p.severity) for p in problems] == [
        ("missing-translation", 1, "fil", "warning"),
        ("missing-field", 1, "title", "error"),
        ("key-case", 2, "Title", "error"),
        ("key-case", 3, "SUMMARY", "error"),
    ]
    words = {
        "sv": "Fältnamnet Title har stor bokstav, men fältnamn skrivs med små bokstäver, annars "
        "läses fältet inte. Skriv title i stället, till exempel title: Berättarkafé i Östersund",
        "nb": "Feltnavnet Title har stor bokstav, men feltnavn skrives med små bokstaver, ellers "
        "leses ikke feltet. Skriv title i stedet, for eksempel title: Fortellerkafé i Steinkjer",
    }
    assert problems[2].message == words[lang]


def test_a_company_key_with_a_capital_letter_is_an_error(tmp_path: Path) -> None:
    text = "- id: a\n  name: A\n  country: SE\n  region: R\n  Sector: S\n  public: true\n"
    content = write_content(tmp_path / "content", {"data/companies.yaml": text})
    problems = check_content(content, tmp_path)
    assert [(p.code, p.line, p.field) for p in problems] == [
        ("missing-field", 1, "sector"),
        ("key-case", 5, "Sector"),
    ]
    assert problems[1].message == (
        "Fältnamnet Sector har stor bokstav, men fältnamn skrivs med små bokstäver, annars "
        "läses fältet inte. Skriv sector i stället, till exempel sector: Musik"
    )


# -- the reader says the same as the check ---------------------------------------------


@pytest.mark.parametrize(
    ("lang", "data", "start"),
    [
        (
            "sv",
            "---\ntitle: Kafé: våren\n---\nT\n".encode(),
            "content/sidor/om.sv.md:2: error: title: Raden",
        ),
        ("nb", b"---\ntitle: &a x\n---\nT\n", "content/sidor/om.nb.md:2: error: fil: Verdien"),
        (
            "nb",
            b"---\ntitle: T\n---\n" + b"x" * FILE_LIMIT,
            "content/sidor/om.nb.md:1: error: fil: Filen er større enn 512 KB",
        ),
        (
            "sv",
            "---\ntitle: Kafé\n---\n".encode("latin-1"),
            "content/sidor/om.sv.md:2: error: fil: Filen",
        ),
    ],
)
def test_the_reader_reports_a_file_it_cannot_read_in_the_checks_words(
    tmp_path: Path, lang: str, data: bytes, start: str
) -> None:
    content = tmp_path / "content"
    path = content / "sidor" / f"om.{lang}.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    reader = YamlMarkdownReader({"PATH": str(content), "MARKDOWN": {}})
    with pytest.raises(ValueError) as error:
        reader.read(str(path))
    assert str(error.value).startswith(start), str(error.value)
    assert not any(word in str(error.value) for word in ENGLISH), str(error.value)


PAGE_FILES = {
    "sidor/om.sv.md": PAGE["sv"],
    "sidor/om.nb.md": PAGE["nb"],
    "sidor/kontakt.sv.md": "---\ntitle: Kontakt\n---\nText.\n",
    "sidor/kontakt.nb.md": "---\ntitle: Kontakt\n---\nTekst.\n",
}


def test_hostile_front_matter_stops_the_build_and_keeps_the_last_output(tmp_path: Path) -> None:
    good = write_content(tmp_path / "good" / "content", PAGE_FILES)
    output = tmp_path / "output"
    first = run_build(output, content=good)
    assert first.returncode == 0, first.log
    before = {path: path.read_bytes() for path in output.rglob("*") if path.is_file()}

    bad = write_content(
        tmp_path / "bad" / "content",
        {
            **PAGE_FILES,
            "sidor/om.sv.md": "---\ntitle: Om\n" + ALIAS_BOMB + "\n---\nText.\n",
            "sidor/om.nb.md": "---\ntitle:\u00a0Om oss\nsummary: S\n---\nTekst.\n",
            "sidor/kontakt.sv.md": "---\ntitle: ”Kontakt”\n---\nText.\n",
            "sidor/kontakt.nb.md": "---\ntitle: Kontakt\n---\n" + "Tekst. " * 80_000,
        },
    )
    second = run_build(output, content=bad)
    assert second.returncode == 1
    for line in (
        "content/sidor/om.sv.md:3: error: fil: Värdet börjar med &",
        "content/sidor/om.nb.md:2: error: fil: Linjen har et hardt mellomrom",
        "content/sidor/kontakt.sv.md:2: error: title: Värdet står inom typografiska",
        "content/sidor/kontakt.nb.md:1: error: fil: Filen er større enn 512 KB",
    ):
        assert line in second.log, second.log
    assert "Traceback" not in second.log
    assert {path: path.read_bytes() for path in output.rglob("*") if path.is_file()} == before


# -- a picture too large to decode --------------------------------------------------------


def png_header(path: Path, width: int, height: int) -> Path:
    """A PNG that claims ``width`` x ``height`` pixels in a few bytes (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    data += chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("width", "height", "megapixels"),
    [(10_000, 10_000, 100), (20_000, 10_000, 200)],
    ids=["warned-by-pillow", "refused-by-pillow"],
)
def test_a_picture_with_too_many_pixels_names_its_size_and_the_largest(
    tmp_path: Path, width: int, height: int, megapixels: int
) -> None:
    png_header(tmp_path / "content" / "bilder" / "stor.png", width, height)
    head = "image: bilder/stor.png\nimage_alt: En mycket stor bild."
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        problems = check_pages(tmp_path, {lang: page(head, lang) for lang in LANGS})
    assert not caught, [str(warning.message) for warning in caught]
    assert errors(problems) == [
        ("image-too-many-pixels", page_path(lang), 3) for lang in ("nb", "sv")
    ]
    nb_problem, sv_problem = problems
    assert sv_problem.message.startswith(
        f"”bilder/stor.png” är {megapixels} megapixlar; största tillåtna är 89 megapixlar. "
        "Förminska bilden"
    ), sv_problem.message
    assert nb_problem.message.startswith(
        f"«bilder/stor.png» er {megapixels} megapiksler; største tillatte er 89 megapiksler."
    ), nb_problem.message


def test_make_check_prints_no_pillow_warning(tmp_path: Path) -> None:
    png_header(tmp_path / "content" / "bilder" / "stor.png", 10_000, 10_000)
    files = {
        f"sidor/om.{lang}.md": page("image: bilder/stor.png\nimage_alt: En stor bild.", lang)
        for lang in LANGS
    }
    content = write_content(tmp_path / "content", files)
    result = subprocess.run(
        [
            sys.executable,
            "-W",
            "default",
            "-m",
            "pelican.plugins.samspel.commands.check",
            "--content",
            str(content),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.count("[image-too-many-pixels]") == 2, result.stdout
    assert "DecompressionBomb" not in result.stdout + result.stderr
    assert result.stderr == ""
