"""``[wrong-language]`` and ``[same-as-pair]``: each site's text is in that site's language.

A Norwegian file left in Swedish (or copied unchanged from the Swedish one) passes
every other rule and publishes Swedish on samspel63.no. Word lists cannot tell
Swedish, Bokmål and Nynorsk apart reliably (they share most words), so the
language is judged by lingua (``lingua-language-detector``: offline n-gram models,
no network, no model download), built only from the languages that matter here:
Swedish, Bokmål, Nynorsk, and English, because English on either site is just as
much a page the visitor cannot read, and without it an English text would be
forced into one of the three others.

What is judged is prose only. Names are the same in both languages and would pull
a Norwegian text towards Swedish ("Jämtland Härjedalen", "Östersund") or the
reverse ("Trøndelag fylkeskommune"), so before judging, the names the content
itself knows (companies, regions, initiative titles, places) are removed, and so
are words with a capital letter inside a sentence, addresses, and Markdown syntax.
A text is judged only when enough words are left and one language leads the
file's own by a clear margin: the check warns, it never guesses.

The detector is built lazily by :class:`Judge`, at most once per check run (the
collection rule makes one), so a content folder without prose to judge never
loads the models, and no state outlives the check.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from ..content.companies import companies_path, read_companies
from ..content.contract import INITIATIVES
from ..content.frontmatter import FrontMatterError
from ..content.index import ContentItem
from ..sites.generator import other_language
from .file_rules import text_of
from .messages import FILE_FIELD, quoted
from .problems import Problem

if TYPE_CHECKING:
    from pathlib import Path

    from .runner import CheckContext

#: the languages the detector knows, as the check names them (``nn``: Nynorsk, which is
#: Norwegian but not the Bokmål the Norwegian site is written in)
DETECTED: dict[Language, str] = {
    Language.SWEDISH: "sv",
    Language.BOKMAL: "nb",
    Language.NYNORSK: "nn",
    Language.ENGLISH: "en",
}

#: the prose fields judged; the others are names, dates, codes or addresses
FIELDS: tuple[str, ...] = ("title", "summary")
BODY_FIELD = "text"

#: fewer words than this after the names are removed say too little to judge, and how far
#: another language must lead the file's own (lingua's confidences add up to 1). Measured
#: on content/: with 3 words and 0.5, 182 titles, summaries and paragraphs are judged, with
#: no false warning (the closest: "Studieresa i samband med …" reads Norwegian by 0.23),
#: and 176 of the 182 are caught when judged as if in the other language's file; with 2
#: words a real title comes within 0.18 of a warning ("Studieresor våren 2024")
MIN_WORDS = 3
MIN_GAP = 0.5
#: Nynorsk in a Bokmål file. lingua alone cannot be trusted with it: on content/ it reads
#: real Bokmål paragraphs of 16 to 40 words as Nynorsk with confidence 0.98 to 1.0 ("Samspel
#: 63 hadde som formål å styrke …"). So a text is called Nynorsk only when lingua leads
#: Nynorsk over Bokmål by NYNORSK_GAP *and* the text has NYNORSK_FORMS words that exist in
#: Nynorsk only (in neither Bokmål nor Swedish): lingua decides, the forms confirm
NYNORSK_MIN_WORDS = 8
NYNORSK_GAP = 0.5
NYNORSK_FORMS = 2
NYNORSK_ONLY: frozenset[str] = frozenset(
    {
        "ikkje", "eg", "ein", "eit", "frå", "kva", "korleis", "kvifor", "kven", "berre",
        "mykje", "noko", "nokon", "nokre", "vere", "dei", "meir", "heile", "òg", "sjølv",
        "fekk", "gjekk", "kjem", "verksemd", "verksemder", "saman", "difor",
    }
)  # fmt: skip
#: two identical texts shorter than this are words both languages share ("Kontakt")
SAME_MIN_WORDS = 3
#: the project's own name, in texts of both languages
PROJECT_NAMES: tuple[str, ...] = ("Samspel 63",)
#: words that make a name of the name before them ("Trøndelag fylkeskommune", "Region
#: Jämtland Härjedalen"): removed with it, since they are in the name's language
NAME_WORDS: frozenset[str] = frozenset(
    {"kommun", "kommune", "fylkeskommune", "fylke", "län", "region", "regionen", "ab", "as"}
)

#: at most this many words of one text are judged, and of one body: a hundred words say the
#: language as well as a book, and lingua's time grows steeply past them (on content/, 300
#: words a text took 0.85 s, 100 words 0.09 s, with the same readings)
MAX_WORDS = 100
MAX_BODY_WORDS = 3000
#: and what of a body is read at all: its beginning, each line's beginning (a hostile file of
#: 500 000 characters on one line costs no more than a page)
MAX_BODY_CHARS = 60_000
MAX_LINE_CHARS = 5_000
#: of one text (a paragraph, a title): far more than MAX_WORDS words and the names among them
MAX_TEXT_CHARS = 20_000

# Every pattern below runs in linear time on any input (a character class that stops at the
# next opening character, no nested quantifiers): content is hostile, a 500 000-character
# line of "<" or "[" must not take minutes.
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_TAG = re.compile(r"<[^<>]*>")
_IMAGE_OR_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
#: what is left of a link's address when it has parentheses of its own ("(alert(1))")
_DESTINATION = re.compile(r"\]\(\S*")
_REFERENCE = re.compile(r"^ {0,3}\[[^\[\]]+\]:")
_CODE = re.compile(r"`[^`]*`")
_MARKUP = re.compile(r"^ {0,3}(?:#{1,6}\s|>\s?|[-*+]\s|\d{1,9}[.)]\s)|[*_~|\\]")
_DOMAIN = re.compile(r"[^\W_]\.(?:se|no|nu|com|org|net|eu|io|info)(?:[/?#]|$)", re.I)
_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")
_TOKEN = re.compile(r"[^\W_]+(?:[-'\u2019.:,][^\W_]+)*|[.!?:;]")
_SENTENCE_END = frozenset(".!?:;")
#: a known name that begins here: what ``prose_words`` skips (see :func:`name_index`)
NameIndex = dict[str, list[tuple[str, ...]]]


@dataclass(frozen=True)
class Reading:
    """How one text reads: lingua's confidence per language, and how many words it judged.

    ``groups`` puts Bokmål and Nynorsk together as Norwegian (``nb``): they compete
    with Swedish and English first, so a Norwegian text that lingua splits between
    the two still counts as Norwegian.
    """

    lang: str
    words: int
    scores: dict[str, float]
    #: how many of the words are Nynorsk-only forms (``NYNORSK_ONLY``)
    nynorsk_forms: int = 0

    @property
    def groups(self) -> dict[str, float]:
        scores = self.scores
        return {"sv": scores["sv"], "nb": scores["nb"] + scores["nn"], "en": scores["en"]}

    def margin(self) -> float:
        """How far the file's own language leads the best other one (negative: it trails)."""
        groups = self.groups
        return groups[self.lang] - max(v for k, v in groups.items() if k != self.lang)

    def wrong(self) -> str | None:
        """The language the text clearly is in instead of the file's, or None.

        Norwegian is called Nynorsk only by :meth:`nynorsk`, in a Swedish file as in
        a Bokmål one: lingua reads many Bokmål sentences as Nynorsk.
        """
        groups = self.groups
        if -self.margin() >= MIN_GAP:
            looks = max((k for k in groups if k != self.lang), key=groups.__getitem__)
            return "nn" if looks == "nb" and self.nynorsk() else looks
        if self.lang == "nb" and self.nynorsk():
            return "nn"
        return None

    def nynorsk(self) -> bool:
        """True when the text is Nynorsk by lingua's lead and by its own words."""
        lead = self.scores["nn"] - self.scores["nb"]
        return (
            self.words >= NYNORSK_MIN_WORDS
            and lead >= NYNORSK_GAP
            and self.nynorsk_forms >= NYNORSK_FORMS
        )


@dataclass
class Judge:
    """Tells the language of prose, for one check run; the models load on the first text.

    The models take about a second and 135 MB to load, so they load only when a
    text long enough to judge comes up. ``readings`` keeps every text judged, so
    the measurement of the repository's own content (tests/test_language.py) can
    see how close each call was.
    """

    names: NameIndex = field(default_factory=dict)
    readings: list[Reading] = field(default_factory=list, repr=False)
    _detector: LanguageDetector | None = field(default=None, init=False, repr=False)

    def _scores(self, prose: str) -> dict[str, float]:
        """lingua's confidence per language for ``prose`` (all four, adding up to 1)."""
        if self._detector is None:
            self._detector = LanguageDetectorBuilder.from_languages(*DETECTED).build()
        values = self._detector.compute_language_confidence_values(prose)
        return {DETECTED[value.language]: value.value for value in values}

    def read(self, text: str, lang: str) -> Reading | None:
        """How ``text`` in a ``lang`` file reads, or None when it says too little to judge."""
        return self.read_words(prose_words(text, self.names), lang)

    def read_words(self, words: list[str], lang: str) -> Reading | None:
        """How prose ``words`` (from :func:`prose_words`) read; None when too few."""
        if counted(words) < MIN_WORDS:
            return None
        forms = sum(1 for word in words if word.casefold() in NYNORSK_ONLY)
        reading = Reading(lang, counted(words), self._scores(" ".join(words)), forms)
        self.readings.append(reading)
        return reading

    def wrong(self, text: str, lang: str) -> str | None:
        """The language ``text`` clearly is in, when that is not the ``lang`` file's."""
        reading = self.read(text, lang)
        return None if reading is None else reading.wrong()

    def clearly(self, text: str, lang: str) -> bool:
        """True when ``text`` reads as ``lang`` by the margin a warning would need."""
        reading = self.read(text, lang)
        return reading is not None and reading.margin() >= MIN_GAP


def is_address(word: str) -> bool:
    """True for a web or e-mail address ("https://…", "www.…", "info@…", "jamtli.se/…")."""
    return "://" in word or "@" in word or word.startswith("www.") or bool(_DOMAIN.search(word))


def without_addresses(line: str) -> str:
    """``line`` without its web and e-mail addresses: they are in no language."""
    return " ".join(word for word in line.split() if not is_address(word))


def markdown_prose(body: str) -> list[str]:
    """The text a reader sees in a Markdown body, one entry per line of the file.

    No code, tags, addresses or syntax; a line inside a code block is empty. One
    entry per line keeps each paragraph at its own line in the file.
    """
    lines: list[str] = []
    fence: str | None = None
    for whole in body[:MAX_BODY_CHARS].split("\n"):
        line = whole[:MAX_LINE_CHARS]
        opening = _FENCE.match(line)
        if fence is not None or opening:
            if opening and (fence is None or opening.group(1) == fence):
                fence = opening.group(1) if fence is None else None
            lines.append("")
            continue
        if _REFERENCE.match(line):
            lines.append("")
            continue
        line = _TAG.sub(" ", line)
        line = _IMAGE_OR_LINK.sub(lambda match: " " + match.group(1) + " ", line)
        line = _DESTINATION.sub(" ", line)
        line = _CODE.sub(" ", line)
        lines.append(_MARKUP.sub(" ", without_addresses(line)))
    return lines


def name_index(names: Iterable[str]) -> NameIndex:
    """Each name's words, under its first word, longest first: "Region Jämtland …" first."""
    index: NameIndex = {}
    for name in names:
        words = tuple(token for token in _TOKEN.findall(name) if token not in _SENTENCE_END)
        if words and (len(words) > 1 or len(words[0]) > 1):
            index.setdefault(words[0], []).append(words)
    for candidates in index.values():
        candidates.sort(key=len, reverse=True)
    return index


def _name_at(tokens: list[str], at: int, names: NameIndex) -> int:
    """How many tokens from ``at`` on are a known name (0: none)."""
    for words in names.get(tokens[at], ()):
        if tuple(tokens[at : at + len(words)]) == words:
            return len(words)
    return 0


def prose_words(text: str, names: NameIndex | None = None) -> list[str]:
    """The words of ``text`` that say its language: no names, numbers or addresses.

    A word with a capital letter is a name unless it begins a sentence (a title
    is one sentence). Known names are skipped whole, wherever they stand, since
    they also begin sentences ("Östersund är …"); a word that makes a name of the
    one before it ("Trøndelag fylkeskommune") goes with that name.
    """
    tokens = _TOKEN.findall(without_addresses(text[:MAX_TEXT_CHARS]))
    names = names or {}
    words: list[str] = []
    starts, after_name = True, False
    at = 0
    while at < len(tokens) and len(words) < MAX_WORDS:
        token = tokens[at]
        if token in _SENTENCE_END:
            starts, after_name, at = True, False, at + 1
            continue
        known = _name_at(tokens, at, names)
        if known:
            starts, after_name, at = False, True, at + known
            continue
        at += 1
        capital = token[:1].isupper()
        if _WORD.fullmatch(token) is None or (capital and not starts) or token.isupper():
            starts, after_name = False, True
            continue
        if not (after_name and token.casefold() in NAME_WORDS):
            words.append(token)
        starts, after_name = False, capital
    return words


def counted(words: list[str]) -> int:
    """How many of ``words`` count towards MIN_WORDS: one letter ("i", "å", "x") says little."""
    return sum(1 for word in words if len(word) > 1)


@dataclass(frozen=True)
class Paragraph:
    """One block of a body between empty lines, and the file line it starts on."""

    line: int
    text: str


def paragraphs(item: ContentItem) -> list[Paragraph]:
    """The body's paragraphs as prose, each at its first line in the file."""
    found: list[Paragraph] = []
    lines: list[str] = []
    start = 0
    for offset, line in enumerate([*markdown_prose(item.body), ""]):
        if line.strip():
            if not lines:
                start = offset
            lines.append(line.strip())
        elif lines:
            found.append(Paragraph(item.body_line + start, " ".join(lines)))
            lines = []
    return found


def content_names(items: list[ContentItem], context: CheckContext) -> NameIndex:
    """Every name the content knows, as :func:`prose_words` skips them.

    Companies' names and regions from companies.yaml, initiatives' titles, and the
    parts of each activity's place and host ("Jamtli, Östersund").
    """
    names: set[str] = set(PROJECT_NAMES)
    for item in items:
        if item.section == INITIATIVES:
            names.add(text_of(item, "title") or "")
        for name in ("place", "host"):
            names.update(re.split(r"[,;/()–]", text_of(item, name) or ""))
    names.update(_company_names(context))
    return name_index(names)


def _company_names(context: CheckContext) -> set[str]:
    """The names and regions in companies.yaml; none when it is missing, linked or broken.

    A link is never followed: the real path of the file must be the path itself
    (the companies check reports the link, a broken file, or one too large).
    """
    path: Path = companies_path(context.content_root)
    expected = str(companies_path(context.content_root.resolve()))
    if os.path.realpath(path) != expected or not path.is_file():
        return set()
    try:
        entries = read_companies(path)
    except (FrontMatterError, UnicodeDecodeError, OSError):
        return set()
    names: set[str] = set()
    for _line, fields in entries:
        for key in ("name", "region"):
            value = (fields or {}).get(key)
            if value is not None and isinstance(value.data, str):
                names.add(value.data)
    return names


def _snippet(text: str, words: int = 8) -> str:
    """The first few words of a text, quoted, to point at it in a message."""
    parts = text.split(maxsplit=words)
    return quoted(" ".join(parts[:words]) + (" …" if len(parts) > words else ""))


def _texts(item: ContentItem) -> dict[str, str | None]:
    """The judged texts of a file: title, summary and the whole body."""
    texts: dict[str, str | None] = {name: text_of(item, name) for name in FIELDS}
    texts[BODY_FIELD] = item.body.strip() or None
    return texts


def _same_fields(item: ContentItem, other: ContentItem, names: NameIndex) -> list[str]:
    """The fields whose text is one text in both files, long enough not to be a shared word.

    "Kontakt" and "Forskning" are the same word in both languages: a text must have
    SAME_MIN_WORDS words besides names to count as copied.
    """
    mine, theirs = _texts(item), _texts(other)
    same = []
    for name, text in mine.items():
        their_text = theirs[name]
        if text is None or their_text is None or text.split() != their_text.split():
            continue
        prose = " ".join(markdown_prose(text)) if name == BODY_FIELD else text
        if counted(prose_words(prose, names)) >= SAME_MIN_WORDS:
            same.append(name)
    return same


def _line_of(item: ContentItem, name: str) -> int:
    if name == BODY_FIELD:
        return next((paragraph.line for paragraph in paragraphs(item)), item.body_line)
    value = item.fields.get(name)
    return value.line if value is not None else 1


def language_rules(items: list[ContentItem], context: CheckContext) -> Iterable[Problem]:
    """``[same-as-pair]`` and ``[wrong-language]`` (warnings), with one judge for the run."""
    return language_problems(items, context, Judge(content_names(items, context)))


def language_problems(
    items: list[ContentItem], context: CheckContext, judge: Judge
) -> Iterator[Problem]:
    """What :func:`language_rules` finds, with a given ``judge`` (a test reads its readings).

    A text copied unchanged into the other file is a ``same-as-pair`` warning, in
    the file whose language it does not clearly read as (in both when it cannot be
    told), and is not warned about again as ``wrong-language``.
    """
    by_key = {(item.section, item.slug, item.lang): item for item in items}
    for item in items:
        other = by_key.get((item.section, item.slug, other_language(item.lang)))
        same = _same_fields(item, other, judge.names) if other is not None else []
        if other is not None and same:
            yield from _same_problems(item, other, same, judge, context)
        for name in FIELDS:
            text = text_of(item, name)
            looks = None if name in same or text is None else judge.wrong(text, item.lang)
            if looks is not None:
                yield _wrong(item, name, _line_of(item, name), text or "", looks, context)
        if BODY_FIELD not in same:
            yield from _body_problems(item, judge, context)


def _body_problems(item: ContentItem, judge: Judge, context: CheckContext) -> Iterator[Problem]:
    """At most one ``wrong-language`` for the body: its first paragraph in the wrong language.

    Paragraphs are judged one by one (one paragraph left untranslated is the usual
    case), up to MAX_BODY_WORDS words; a body of short blocks only, a list say, is
    judged whole.
    """
    blocks = [(block, prose_words(block.text, judge.names)) for block in paragraphs(item)]
    judged = [(block, words) for block, words in blocks if counted(words) >= MIN_WORDS]
    if not judged and blocks:
        whole = [word for _block, words in blocks for word in words][:MAX_WORDS]
        judged = [(blocks[0][0], whole)]
    seen = 0
    for block, words in judged:
        seen += len(words)
        if seen > MAX_BODY_WORDS:
            return
        reading = judge.read_words(words, item.lang)
        looks = None if reading is None else reading.wrong()
        if looks is not None:
            yield _wrong(item, BODY_FIELD, block.line, block.text, looks, context)
            return


def _wrong(
    item: ContentItem, name: str, line: int, text: str, looks: str, context: CheckContext
) -> Problem:
    """The ``wrong-language`` warning at ``line``: what the text looks like, and its start."""
    return context.report(
        item,
        name,
        "wrong-language",
        line=line,
        variant=name if name in FIELDS else None,
        value=_snippet(text),
        language=LANGUAGE_NAMES[looks][item.lang],
    )


def _same_problems(
    item: ContentItem, other: ContentItem, same: list[str], judge: Judge, context: CheckContext
) -> Iterator[Problem]:
    """``[same-as-pair]`` for each copied text of ``item`` that does not read as its language.

    A whole file copied (every text the same) is one warning on the file, not three.
    """
    texts = _texts(item)
    here = [
        name
        for name in same
        if not judge.clearly(" ".join(markdown_prose(texts[name] or "")), item.lang)
    ]
    if not here:
        return
    other_path = context.relative(other.path)
    theirs = _texts(other)
    if all((text or "").split() == (theirs[name] or "").split() for name, text in texts.items()):
        yield context.report(
            item, FILE_FIELD, "same-as-pair", line=1, variant="file", other_path=other_path
        )
        return
    for name in here:
        yield context.report(
            item,
            name,
            "same-as-pair",
            line=_line_of(item, name),
            value=_snippet(texts[name] or ""),
            other_path=other_path,
        )


#: what a language is called in a message, per message language
LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "sv": {"sv": "svenska", "nb": "svensk"},
    "nb": {"sv": "norska", "nb": "bokmål"},
    "nn": {"sv": "norska (nynorska)", "nb": "nynorsk"},
    "en": {"sv": "engelska", "nb": "engelsk"},
}
