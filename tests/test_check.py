"""The content check: one broken case per rule, all problems in one run, a build that stops."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import REPO, activity, run_build, write_content, write_settings
from pelican.plugins.samspel.check import file_rules as check_rules
from pelican.plugins.samspel.check.messages import CODES, MESSAGES, WARNINGS
from pelican.plugins.samspel.check.problems import Problem
from pelican.plugins.samspel.check.runner import check_content, has_errors

SV = "content/aktiviteter/kafe.sv.md"
NB = "content/aktiviteter/kafe.nb.md"

COMPANIES = """\
# Företag
- id: kulturforetaget-ab
  name: Kulturföretaget AB
  country: SE
  region: Jämtland Härjedalen
  sector: Musik
  public: true
- id: kulturbedriften-as
  name: Kulturbedriften AS
  country: NO
  region: Trøndelag
  sector: Musikk
  public: false
"""

#: activity fields in file order: line 2 title, 3 type, 4 start, 5 end, 6 place, 7 country,
#: 8 summary, 9 initiative, 10 companies, 11 registration, 12 ---, 13 text
ACTIVITY = {
    "title": {"sv": "Berättarkafé", "nb": "Fortellerkafé"},
    "type": "workshop",
    "start": "2025-03-14 18:00",
    "end": "2025-03-14 21:00",
    "place": {"sv": "Jamtli, Östersund", "nb": "Jamtli, Östersund"},
    "country": "NO",
    "summary": {"sv": "En kväll om berättande.", "nb": "En kveld om fortelling."},
    "initiative": "berattarnatverket",
    "companies": "[kulturforetaget-ab, kulturbedriften-as]",
    "registration": "https://example.org/anmalan",
}


#: BASE's café activity, per language: ACTIVITY's fields with each language's values
KAFE = {
    lang: {
        key: (value[lang] if isinstance(value, dict) else value) for key, value in ACTIVITY.items()
    }
    for lang in ("sv", "nb")
}


def kafe(lang: str, **changes: str | None) -> str:
    """BASE's café activity in ``lang``: a change of None drops a field, a new key goes last."""
    return activity(KAFE[lang], f"Text på {lang}.\n", **changes)


def both(**changes: str | None) -> dict[str, str]:
    """The activity pair with the same change in both language files."""
    return {
        "aktiviteter/kafe.sv.md": kafe("sv", **changes),
        "aktiviteter/kafe.nb.md": kafe("nb", **changes),
    }


BASE = {
    "data/companies.yaml": COMPANIES,
    "initiativ/berattarnatverket.sv.md": "---\ntitle: Berättarnätverket\nsummary: S\n---\nT\n",
    "initiativ/berattarnatverket.nb.md": "---\ntitle: Fortellernettverket\nsummary: S\n---\nT\n",
    **both(),
}


@dataclass(frozen=True)
class Link:
    """A symbolic link to ``target`` in place of a file, in ``run_check``'s files."""

    target: str


#: the modification time of the first file ``run_check`` writes (2025-01-01 12:00 UTC)
FIRST_WRITTEN = 1_735_732_800


def run_check(tmp_path: Path, files: dict[str, str | bytes | Link | None]) -> list[Problem]:
    """Check BASE with ``files`` laid over it (None deletes a file, a Link makes a link).

    Each file is dated a minute after the one written before it (BASE's order, a
    changed file in its place): which file of a pair changed last decides where
    ``[translations-differ]`` is reported, and the clock's own granularity could tie.
    """
    content = tmp_path / "content"
    for index, (relative, text) in enumerate({**BASE, **files}.items()):
        if text is None:
            continue
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, Link):
            path.symlink_to(text.target)
            continue
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        moment = FIRST_WRITTEN + 60 * index
        os.utime(path, (moment, moment))
    return check_content(content, tmp_path)


def found(problems: list[Problem]) -> list[tuple[str, str, int]]:
    return [(problem.code, str(problem.path), problem.line) for problem in problems]


COMPANY_PATH = "content/data/companies.yaml"
NEWS = "content/nyheter/rapport.sv.md"

#: a paragraph in each language, long enough for the language check to judge
LANGUAGE_TEXTS = {
    "sv": "Kvällen handlar om hur kulturföretag kan berätta om sitt arbete och nå ut till fler.",
    "nb": "Kvelden handler om hvordan kulturbedrifter kan fortelle om arbeidet sitt og nå flere.",
}

#: name -> (files over BASE, exactly the problems expected as (code, path, line))
CASES: dict[str, tuple[dict, list[tuple[str, str, int]]]] = {
    "yaml that does not parse": (
        {"aktiviteter/kafe.sv.md": kafe("sv", title="Kafé: våren")},
        [("yaml-syntax", SV, 2)],
    ),
    "yaml with a tab": (
        {"aktiviteter/kafe.sv.md": kafe("sv", summary="x\n\tfoo: bar")},
        [("yaml-syntax", SV, 9)],
    ),
    "title missing": (
        {"aktiviteter/kafe.sv.md": kafe("sv", title=None)},
        [("missing-field", SV, 1)],
    ),
    "title empty": (
        {"aktiviteter/kafe.nb.md": kafe("nb", title='""')},
        [("missing-field", NB, 2)],
    ),
    "unknown type": (both(type="concert"), [("unknown-type", NB, 3), ("unknown-type", SV, 3)]),
    "unknown country": (
        both(country="DK"),
        [("unknown-country", NB, 7), ("unknown-country", SV, 7)],
    ),
    "unknown status": (
        both(status="inställd"),
        [("unknown-status", NB, 12), ("unknown-status", SV, 12)],
    ),
    "start in words": (both(start="14 mars"), [("bad-date", NB, 4), ("bad-date", SV, 4)]),
    "end is only a time": (both(end="18:00"), [("bad-date", NB, 5), ("bad-date", SV, 5)]),
    "start on a day that does not exist": (
        both(start="2024-02-30", end=None),
        [("bad-date", NB, 4), ("bad-date", SV, 4)],
    ),
    "news date as a year": (
        {
            "nyheter/rapport.sv.md": "---\ntitle: R\ndate: 2023\nsummary: S\n---\nT\n",
            "nyheter/rapport.nb.md": "---\ntitle: R\ndate: 2023\nsummary: S\n---\nT\n",
        },
        [
            ("bad-date", "content/nyheter/rapport.nb.md", 3),
            ("bad-date", "content/nyheter/rapport.sv.md", 3),
        ],
    ),
    "news date with a time": (
        {
            "nyheter/rapport.sv.md": "---\ntitle: R\ndate: 2024-03-14 18:00\nsummary: S\n---\nT\n",
            "nyheter/rapport.nb.md": "---\ntitle: R\ndate: 2024-03-14 18:00\nsummary: S\n---\nT\n",
        },
        [("bad-date", "content/nyheter/rapport.nb.md", 3), ("bad-date", NEWS, 3)],
    ),
    "end before start": (
        both(start="2025-03-14", end="2025-03-13"),
        [("end-before-start", NB, 5), ("end-before-start", SV, 5)],
    ),
    "unknown company": (
        both(companies="[kulturforetaget-ab, okant-ab]"),
        [("unknown-company", NB, 10), ("unknown-company", SV, 10)],
    ),
    "unknown initiative": (
        both(initiative="finns-inte"),
        [("unknown-initiative", NB, 9), ("unknown-initiative", SV, 9)],
    ),
    "javascript registration": (
        both(registration="javascript:alert(1)"),
        [("bad-registration", NB, 11), ("bad-registration", SV, 11)],
    ),
    "slug with capitals and å": (
        {
            "aktiviteter/kafe.sv.md": None,
            "aktiviteter/kafe.nb.md": None,
            "aktiviteter/Kafé-på-Jamtli.sv.md": kafe("sv"),
            "aktiviteter/Kafé-på-Jamtli.nb.md": kafe("nb"),
        },
        [
            ("bad-slug", "content/aktiviteter/Kafé-på-Jamtli.nb.md", 1),
            ("bad-slug", "content/aktiviteter/Kafé-på-Jamtli.sv.md", 1),
        ],
    ),
    "file saved as Latin-1": (
        {"aktiviteter/kafe.sv.md": kafe("sv").encode("latin-1")},
        [("not-utf8", SV, 2)],
    ),
    "unknown language suffix": (
        {"aktiviteter/kafe.sv.md": None, "aktiviteter/kafe.no.md": kafe("sv")},
        [("missing-translation", NB, 1), ("unknown-language", "content/aktiviteter/kafe.no.md", 1)],
    ),
    "file outside the sections": (
        {"aktiviteter/2025/kafe.sv.md": kafe("sv")},
        [("unknown-section", "content/aktiviteter/2025/kafe.sv.md", 1)],
    ),
    "same name in two sections": (
        {"nyheter/kafe.sv.md": "---\ntitle: K\ndate: 2025-01-01\nsummary: S\n---\nT\n"},
        [
            ("duplicate-slug", NB, 1),
            ("duplicate-slug", SV, 1),
            ("duplicate-slug", "content/nyheter/kafe.sv.md", 1),
            ("missing-translation", "content/nyheter/kafe.sv.md", 1),
        ],
    ),
    "page named like a section": (
        {
            "sidor/nyheter.sv.md": "---\ntitle: N\n---\nT\n",
            "sidor/nyheter.nb.md": "---\ntitle: N\n---\nT\n",
        },
        [
            ("address-taken", "content/sidor/nyheter.nb.md", 1),
            ("address-taken", "content/sidor/nyheter.sv.md", 1),
        ],
    ),
    "the languages disagree on the start": (
        {"aktiviteter/kafe.nb.md": kafe("nb", start="2025-03-13 18:00")},
        [("translations-differ", NB, 4)],
    ),
    "translation key": (
        {"aktiviteter/kafe.sv.md": kafe("sv", translation="true")},
        [("reserved-key", SV, 12)],
    ),
    "empty file": ({"aktiviteter/kafe.sv.md": ""}, [("empty-file", SV, 1)]),
    "no front matter": ({"aktiviteter/kafe.sv.md": "Bara text.\n"}, [("no-front-matter", SV, 1)]),
    "front matter never closed": (
        {"aktiviteter/kafe.sv.md": "---\ntitle: K\n\nText.\n"},
        [("unclosed-front-matter", SV, 1)],
    ),
    "front matter is a list": (
        {
            "sidor/om.sv.md": "---\n- title: Om\n---\nText.\n",
            "sidor/om.nb.md": "---\ntitle: Om\n---\nTekst.\n",
        },
        [("yaml-not-mapping", "content/sidor/om.sv.md", 2)],
    ),
    "a key written twice": (
        {"aktiviteter/kafe.sv.md": kafe("sv", place="Jamtli\nplace: Östersund")},
        [("duplicate-key", SV, 7)],
    ),
    "title as a list": (
        {"aktiviteter/kafe.sv.md": kafe("sv", title="[a, b]")},
        [("not-text", SV, 2)],
    ),
    "companies as a mapping": (
        both(companies="{a: b}"),
        [("not-list", NB, 10), ("not-list", SV, 10)],
    ),
    "placeholder left": (
        {"aktiviteter/kafe.sv.md": kafe("sv", place='"FYLL I: plats"')},
        [("placeholder", SV, 6)],
    ),
    "only front matter": (
        {"sidor/om.sv.md": "---\ntitle: Om\n---\n", "sidor/om.nb.md": "---\ntitle: Om\n---"},
        [("empty-body", "content/sidor/om.nb.md", 3), ("empty-body", "content/sidor/om.sv.md", 3)],
    ),
    "misspelt key": (
        {"aktiviteter/kafe.sv.md": kafe("sv", titel="K")},
        [("unknown-key", SV, 12)],
    ),
    "only in Swedish": ({"aktiviteter/kafe.nb.md": None}, [("missing-translation", SV, 1)]),
    "companies.yaml not a list": (
        {"data/companies.yaml": "id: a\nname: b\n", **both(companies=None)},
        [("yaml-not-list", COMPANY_PATH, 1)],
    ),
    "company entry not a mapping": (
        {"data/companies.yaml": COMPANIES + "- bara-ett-namn\n"},
        [("not-a-company", COMPANY_PATH, 14)],
    ),
    "duplicate company id": (
        {
            "data/companies.yaml": COMPANIES.replace("kulturbedriften-as", "kulturforetaget-ab"),
            **both(companies="[kulturforetaget-ab]"),
        },
        [("duplicate-company", COMPANY_PATH, 8)],
    ),
    "company missing a field": (
        {"data/companies.yaml": COMPANIES.replace("  sector: Musik\n", "")},
        [("missing-field", COMPANY_PATH, 2)],
    ),
    "company in Denmark": (
        {"data/companies.yaml": COMPANIES.replace("country: SE", "country: DK")},
        [("unknown-country", COMPANY_PATH, 4)],
    ),
    "company public yes": (
        {"data/companies.yaml": COMPANIES.replace("public: true", "public: yes")},
        [("bad-public", COMPANY_PATH, 7)],
    ),
    "company id with capitals": (
        {
            "data/companies.yaml": COMPANIES.replace("kulturbedriften-as", "Kulturbedriften AS"),
            **both(companies="[kulturforetaget-ab]"),
        },
        [("bad-slug", COMPANY_PATH, 8)],
    ),
    # the one HTML policy (tests/test_safety_html.py has every hostile form in both languages)
    "a script in the text": (
        {"aktiviteter/kafe.sv.md": kafe("sv").replace("Text på sv.", "<script>x</script>")},
        [("html-script", SV, 13)],
    ),
    "a video embed in the text": (
        {"aktiviteter/kafe.nb.md": kafe("nb").replace("Text på nb.", "<iframe></iframe>")},
        [("html-embed", NB, 13)],
    ),
    "a style attribute": (
        {"aktiviteter/kafe.sv.md": kafe("sv").replace("Text", '<b style="x">T</b>')},
        [("html-style", SV, 13)],
    ),
    "a form": (
        {"aktiviteter/kafe.sv.md": kafe("sv").replace("Text", "<form></form>")},
        [("html-form", SV, 13)],
    ),
    "a base element": (
        {"aktiviteter/kafe.sv.md": kafe("sv").replace("Text", "<base href='/'>")},
        [("html-head", SV, 13)],
    ),
    "an unknown element": (
        {"aktiviteter/kafe.sv.md": kafe("sv").replace("Text", "<font>T</font>")},
        [("html-tag", SV, 13)],
    ),
    "an unknown attribute": (
        {"aktiviteter/kafe.sv.md": kafe("sv").replace("Text", "<b data-x='1'>T</b>")},
        [("html-attribute", SV, 13)],
    ),
    "an http link in the summary": (
        both(summary='"Se [sidan](http://example.org)"'),
        [("html-url", NB, 8), ("html-url", SV, 8)],
    ),
    "a picture set from another host": (
        {
            "aktiviteter/kafe.sv.md": kafe("sv").replace(
                "Text", "<picture><source srcset='https://example.org/a.webp'></picture>"
            )
        },
        [("html-external", SV, 13)],
    ),
    "page named like the calendar": (
        {
            "sidor/kalender.sv.md": "---\ntitle: Kalender\n---\nT\n",
            "sidor/kalender.nb.md": "---\ntitle: Kalender\n---\nT\n",
        },
        [
            ("address-taken", "content/sidor/kalender.nb.md", 1),
            ("address-taken", "content/sidor/kalender.sv.md", 1),
        ],
    ),
    "activity named like the list's page 2": (
        {
            "aktiviteter/sida.sv.md": kafe("sv"),
            "aktiviteter/sida.nb.md": kafe("nb"),
        },
        [
            ("address-taken", "content/aktiviteter/sida.nb.md", 1),
            ("address-taken", "content/aktiviteter/sida.sv.md", 1),
        ],
    ),
    "two files at one address but for capitals": (
        {"aktiviteter/Kafe.sv.md": kafe("sv"), "aktiviteter/Kafe.nb.md": kafe("nb")},
        [
            ("address-taken", "content/aktiviteter/Kafe.nb.md", 1),
            ("bad-slug", "content/aktiviteter/Kafe.nb.md", 1),
            ("address-taken", "content/aktiviteter/Kafe.sv.md", 1),
            ("bad-slug", "content/aktiviteter/Kafe.sv.md", 1),
        ],
    ),
    "registration over http": (
        both(registration="http://example.org/anmalan"),
        [("bad-registration", NB, 11), ("bad-registration", SV, 11)],
    ),
    "company website over http": (
        {
            "data/companies.yaml": COMPANIES.replace(
                "  public: true\n", "  public: true\n  website: http://kulturforetaget.se\n"
            )
        },
        [("bad-website", COMPANY_PATH, 8)],
    ),
    "an SVG in bilder": (
        {
            "bilder/affisch.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        },
        [("not-a-picture", "content/bilder/affisch.svg", 1)],
    ),
    "a link to a file outside the repository": (
        {"aktiviteter/kafe.sv.md": Link("/proc/self/environ")},
        [("missing-translation", NB, 1), ("symlink", SV, 1)],
    ),
    "a link to another content file, in Norwegian": (
        {"aktiviteter/kopia.nb.md": Link("kafe.nb.md")},
        [("symlink", "content/aktiviteter/kopia.nb.md", 1)],
    ),
    "Markdown under Pelican's other suffix": (
        {"aktiviteter/kafe.sv.md": None, "aktiviteter/kafe.sv.mkd": kafe("sv")},
        [
            ("missing-translation", NB, 1),
            ("unknown-language", "content/aktiviteter/kafe.sv.mkd", 1),
        ],
    ),
    "an address with capitals and spaces": (
        {
            "sidor/om-projektet.sv.md": "---\ntitle: Om projektet\n---\nT\n",
            "sidor/om-projektet.nb.md": (
                "---\ntitle: Om prosjektet\naddress: Om Prosjektet\n---\nT\n"
            ),
        },
        [("bad-address", "content/sidor/om-projektet.nb.md", 3)],
    ),
    "an address that is the site's calendar": (
        {
            "sidor/om-projektet.sv.md": "---\ntitle: Om projektet\naddress: kalender\n---\nT\n",
            "sidor/om-projektet.nb.md": "---\ntitle: Om prosjektet\n---\nT\n",
        },
        [("address-taken", "content/sidor/om-projektet.sv.md", 3)],
    ),
    "an address field that takes a file name's address, the claimant sorted first": (
        {
            "sidor/kontakt.sv.md": "---\ntitle: Kontakt\n---\nT\n",
            "sidor/kontakt.nb.md": "---\ntitle: Kontakt\n---\nT\n",
            "sidor/adresser.sv.md": "---\ntitle: Adresser\naddress: kontakt\n---\nT\n",
            "sidor/adresser.nb.md": "---\ntitle: Adresser\n---\nT\n",
        },
        [("address-taken", "content/sidor/adresser.sv.md", 1)],
    ),
    "an address that another file has": (
        {
            "sidor/kontakt.sv.md": "---\ntitle: Kontakt\n---\nT\n",
            "sidor/kontakt.nb.md": "---\ntitle: Kontakt\n---\nT\n",
            "sidor/om-projektet.sv.md": "---\ntitle: Om projektet\n---\nT\n",
            "sidor/om-projektet.nb.md": "---\ntitle: Om prosjektet\naddress: kontakt\n---\nT\n",
        },
        [("address-taken", "content/sidor/om-projektet.nb.md", 1)],
    ),
    "accessibility statement without a feedback address": (
        {
            "sidor/tillganglighet.sv.md": "---\ntitle: Tillgänglighet\n---\nT\n",
            "sidor/tillganglighet.nb.md": "---\ntitle: Tilgjengelighet\nfeedback_email: \n---\nT\n",
        },
        [
            ("feedback-missing", "content/sidor/tillganglighet.nb.md", 3),
            ("feedback-missing", "content/sidor/tillganglighet.sv.md", 1),
        ],
    ),
    "feedback address that is no e-mail address": (
        {
            "sidor/tillganglighet.sv.md": (
                "---\ntitle: Tillgänglighet\nfeedback_email: mailto:a@example.se\n---\nT\n"
            ),
            "sidor/tillganglighet.nb.md": (
                "---\ntitle: Tilgjengelighet\nfeedback_email: a at example.no\n---\nT\n"
            ),
            "sidor/om.sv.md": "---\ntitle: Om\nfeedback_email: a@example\n---\nT\n",
            "sidor/om.nb.md": "---\ntitle: Om\nfeedback_email: a.b@example.no\n---\nT\n",
        },
        [
            ("bad-feedback-email", "content/sidor/om.sv.md", 3),
            ("bad-feedback-email", "content/sidor/tillganglighet.nb.md", 3),
            ("bad-feedback-email", "content/sidor/tillganglighet.sv.md", 3),
        ],
    ),
    "value starting with &": (
        {"aktiviteter/kafe.sv.md": kafe("sv", title="&Co på scen")},
        [("yaml-reference", SV, 2)],
    ),
    "value starting with *": (
        {"aktiviteter/kafe.nb.md": kafe("nb", summary="*nytt")},
        [("yaml-reference", NB, 8)],
    ),
    "a merge key": (
        {"aktiviteter/kafe.sv.md": kafe("sv", **{"<<": "{host: Samspel 63}"})},
        [("yaml-reference", SV, 12)],
    ),
    "a YAML tag": (
        {"aktiviteter/kafe.nb.md": kafe("nb", title="!!str Fortellerkafé")},
        [("yaml-tag", NB, 2)],
    ),
    "lists nested too deep": (
        {"aktiviteter/kafe.sv.md": kafe("sv", companies="[" * 21 + "a" + "]" * 21)},
        [("yaml-too-deep", SV, 10)],
    ),
    "a content file too large": (
        {"aktiviteter/kafe.nb.md": kafe("nb") + "Lang tekst. " * 50_000},
        [("too-large", NB, 1)],
    ),
    "a no-break space after the colon": (
        {"aktiviteter/kafe.sv.md": kafe("sv").replace("place: ", "place:\u00a0")},
        [("no-break-space", SV, 6)],
    ),
    "a value in curly quotes": (
        {"aktiviteter/kafe.sv.md": kafe("sv", title="”Berättarkafé”")},
        [("curly-quotes", SV, 2)],
    ),
    "a known key with a capital letter": (
        {"aktiviteter/kafe.nb.md": kafe("nb", Status="cancelled")},
        [("key-case", NB, 12)],
    ),
    "a text too nested for Markdown": (
        {"aktiviteter/kafe.sv.md": kafe("sv").replace("Text på sv.", "- " * 30 + "x")},
        [("too-complex", SV, 13)],
    ),
    "an activity after the project's last day": (
        both(start="2026-05-12", end=None),
        [("after-project", NB, 4), ("after-project", SV, 4)],
    ),
    "an activity before the project's first day": (
        both(start="2023-02-10", end=None),
        [("before-project", NB, 4), ("before-project", SV, 4)],
    ),
    # issue 15: precision, states, place and country
    "the retired status planned": (
        both(status="planned"),
        [("unknown-status", NB, 12), ("unknown-status", SV, 12)],
    ),
    "a month start with a day end": (
        both(start="2024-03", end="2024-05-14"),
        [("end-more-precise", NB, 5), ("end-more-precise", SV, 5)],
    ),
    "a month that does not exist": (
        both(start="2024-13", end=None),
        [("bad-date", NB, 4), ("bad-date", SV, 4)],
    ),
    "a tentative activity whose period is over": (
        both(start="2024-03", end="2024-05", status="tentative"),
        [("tentative-over", NB, 12), ("tentative-over", SV, 12)],
    ),
    "a country that is neither of the two": (
        both(country="[SE, DK]"),
        [("unknown-country", NB, 7), ("unknown-country", SV, 7)],
    ),
    "a country as a mapping": (
        both(country="{SE: NO}"),
        [("not-text", NB, 7), ("not-text", SV, 7)],
    ),
    "the languages disagree on the precision": (
        {
            "aktiviteter/kafe.sv.md": kafe("sv", start="2025-03-01", end=None),
            "aktiviteter/kafe.nb.md": kafe("nb", start="2025-03", end=None),
        },
        [("translations-differ", NB, 4)],
    ),
    # issue 16: the check and the build agree on what is content
    "an activity in the pages' folder": (
        {"sidor/kafe-2.sv.md": kafe("sv"), "sidor/kafe-2.nb.md": kafe("nb")},
        [
            ("wrong-folder", "content/sidor/kafe-2.nb.md", 1),
            ("wrong-folder", "content/sidor/kafe-2.sv.md", 1),
        ],
    ),
    "a Markdown file in the data folder": (
        {"data/kafe-2.nb.md": kafe("nb")},
        [("wrong-folder", "content/data/kafe-2.nb.md", 1)],
    ),
    "the Norwegian file renamed, the Swedish not": (
        {"aktiviteter/kafe.nb.md": None, "aktiviteter/kafe-2025.nb.md": kafe("nb")},
        [("pair-renamed", "content/aktiviteter/kafe-2025.nb.md", 1)],
    ),
    "a Swedish title in the Norwegian file": (
        {"aktiviteter/kafe.nb.md": kafe("nb", title="Berättarkväll för kulturföretag")},
        [("wrong-language", NB, 2)],
    ),
    "a Swedish summary in the Norwegian file": (
        {"aktiviteter/kafe.nb.md": kafe("nb", summary="En kväll om berättande för alla.")},
        [("wrong-language", NB, 8)],
    ),
    "a Norwegian text in the Swedish file": (
        {"aktiviteter/kafe.sv.md": kafe("sv").replace("Text på sv.", LANGUAGE_TEXTS["nb"])},
        [("wrong-language", SV, 13)],
    ),
    "a Norwegian file copied from the Swedish one": (
        {
            "aktiviteter/kafe.sv.md": kafe("sv").replace("Text på sv.", LANGUAGE_TEXTS["sv"]),
            "aktiviteter/kafe.nb.md": kafe("sv").replace("Text på sv.", LANGUAGE_TEXTS["sv"]),
        },
        [("same-as-pair", NB, 1)],
    ),
    "a Swedish text copied into the Norwegian file": (
        {
            "aktiviteter/kafe.sv.md": kafe("sv").replace("Text på sv.", LANGUAGE_TEXTS["sv"]),
            "aktiviteter/kafe.nb.md": kafe("nb").replace("Text på nb.", LANGUAGE_TEXTS["sv"]),
        },
        [("same-as-pair", NB, 13)],
    ),
}


def test_the_base_content_is_clean(tmp_path: Path) -> None:
    assert run_check(tmp_path, {}) == []


@pytest.mark.parametrize("case", CASES)
def test_each_broken_case_reports_its_rule_path_and_line(tmp_path: Path, case: str) -> None:
    files, expected = CASES[case]
    problems = run_check(tmp_path, files)
    assert found(problems) == expected, "\n".join(problem.format() for problem in problems)
    for problem in problems:
        assert problem.severity == ("warning" if problem.code in WARNINGS else "error")
        assert not re.search(r"\{[a-z_]+\}", problem.message), problem.message


def test_every_rule_has_a_broken_case_and_both_languages() -> None:
    covered = {code for _files, expected in CASES.values() for code, _path, _line in expected}
    assert set(CODES) - {"check-failed"} <= covered
    for key, texts in MESSAGES.items():
        assert set(texts) == {"sv", "nb"}, key


def test_messages_are_in_the_files_language(tmp_path: Path) -> None:
    problems = run_check(tmp_path, both(start='"14 mars"'))
    by_path = {str(problem.path): problem.message for problem in problems}
    assert by_path[SV] == (
        '"14 mars" är inget datum. Skriv ett år, en månad, en dag eller en dag med klockslag: '
        "2024, 2023-09, 2024-03-14 eller 2024-03-14 18:00. Skriv bara så exakt som du vet: en "
        "månad om dagen inte är bestämd."
    )
    assert by_path[NB].startswith('"14 mars" er ingen dato.')
    problems = run_check(tmp_path / "2", {"data/companies.yaml": COMPANIES.replace("SE", "DK")})
    assert problems[0].message.startswith('"DK" är inget land')


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("summary: x\n\tfoo: bar", "Raden har en tabb"),
        ("place: \x07", "Raden innehåller ett osynligt"),
    ],
)
def test_tabs_and_control_characters_are_named(tmp_path: Path, line: str, message: str) -> None:
    text = f"---\ntitle: K\n{line}\n---\nText.\n"
    (problem,) = run_check(tmp_path, {"aktiviteter/kafe.sv.md": text})
    assert (problem.code, problem.line) == ("yaml-syntax", 4 if "foo" in line else 3)
    assert problem.message.startswith(message), problem.message


def test_a_misspelt_key_names_the_closest_known_key(tmp_path: Path) -> None:
    (problem,) = run_check(tmp_path, {"aktiviteter/kafe.nb.md": kafe("nb", regstration="x")})
    assert problem.severity == "warning"
    assert "Mente du registration?" in problem.message


def test_unquoted_date_and_time_and_country_no_are_fine(tmp_path: Path) -> None:
    """YAML 1.1 would read these as a date, a sexagesimal number and false; we read text."""
    files = both(start="2025-03-14 18:00", end="2025-03-14T21.00", country="NO")
    files["aktiviteter/kafe.nb.md"] = kafe(
        "nb", start='"2025-03-14T18:00"', end='"2025-03-14 21:00"'
    )
    assert run_check(tmp_path, files) == []


@pytest.mark.parametrize(
    "text",
    [
        "\ufeff" + kafe("sv"),
        kafe("sv").replace("\n", "\r\n"),
        "\ufeff" + kafe("sv").replace("\n", "\r\n"),
    ],
    ids=["bom", "crlf", "bom-crlf"],
)
def test_bom_and_crlf_pass_cleanly(tmp_path: Path, text: str) -> None:
    files = {"aktiviteter/kafe.sv.md": text.encode("utf-8")}
    assert run_check(tmp_path, files) == []


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\n\n",
        b"\xff\xfe\x00-\x00-",
        b"---\n\x07: x\n---\n",
        b"---\n&a [*a]\n---\n",
        b"---\ntitle: &x [*x]\n---\n",
        b"---\n? [a, b]\n: c\n---\n",
        b"---\ntitle: !!python/object:os.system x\n---\n",
    ],
    ids=[
        "empty",
        "blank",
        "utf16",
        "control-char",
        "alias",
        "recursive-alias",
        "complex-key",
        "python-tag",
    ],
)
def test_odd_files_give_a_clear_problem_never_a_traceback(tmp_path: Path, data: bytes) -> None:
    problems = run_check(tmp_path, {"aktiviteter/kafe.sv.md": data})
    assert all(problem.code != "check-failed" for problem in problems)
    assert any(str(problem.path) == SV and problem.severity == "error" for problem in problems)


def test_a_crashing_rule_is_reported_and_the_others_still_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_rule(item, context):
        raise RuntimeError("boom")

    monkeypatch.setattr(check_rules, "ITEM_RULES", [*check_rules.ITEM_RULES, broken_rule])
    from pelican.plugins.samspel.check import runner as check

    monkeypatch.setattr(check, "ITEM_RULES", check_rules.ITEM_RULES)
    problems = run_check(tmp_path, both(type="concert"))
    codes = sorted({problem.code for problem in problems})
    assert codes == ["check-failed", "unknown-type"]
    assert "broken_rule: RuntimeError: boom" in problems[0].message


def test_the_repository_content_has_no_error() -> None:
    problems = check_content(REPO / "content", REPO)
    assert not has_errors(problems), "\n".join(problem.format() for problem in problems)


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def several_broken(tmp_path: Path) -> Path:
    files = {
        **BASE,
        "aktiviteter/kafe.sv.md": kafe("sv", start="14 mars"),
        "aktiviteter/kafe.nb.md": kafe("nb", start="14 mars", title='""'),
        "nyheter/rapport.sv.md": "",
        "sidor/om.sv.md": "---\ntitle: Om: oss\n---\nText.\n",
        "sidor/kontakt.sv.md": "---\ntitle: Kontakt\n---\nText.\n",
        "data/companies.yaml": COMPANIES.replace("public: false", "public: nej"),
    }
    return write_content(tmp_path / "content", files)


def test_make_check_reports_every_broken_file_in_one_run(tmp_path: Path) -> None:
    result = cli(
        "pelican.plugins.samspel.commands.check", "--content", str(several_broken(tmp_path))
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    expected = [
        "content/aktiviteter/kafe.nb.md:2: error: title: ",
        "content/aktiviteter/kafe.nb.md:4: error: start: ",
        "content/aktiviteter/kafe.sv.md:4: error: start: ",
        "content/data/companies.yaml:13: error: public: ",
        "content/nyheter/rapport.sv.md:1: error: fil: Filen är tom.",
        "content/sidor/om.sv.md:2: error: title: ",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, result.stdout)
    assert "Traceback" not in result.stdout + result.stderr
    assert lines[-1] == "make check: 6 fel och 1 varning / 6 feil og 1 advarsel"
    assert not [line for line in lines if line.startswith("::")]


def test_github_annotations_on_github_actions(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", {**BASE, **both(end="18:00")})
    (content / "aktiviteter" / "kafe.nb.md").unlink()
    result = cli(
        "pelican.plugins.samspel.commands.check",
        "--content",
        str(content),
        env={"GITHUB_ACTIONS": "true"},
    )
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations[1] == (
        f'::error file={SV},line=5::end: "18:00" är bara ett klockslag. Skriv dagen också: '
        "2024-03-14 18:00. [bad-date]"
    )
    assert annotations[0].startswith(f"::warning file={SV},line=1::fil: ")
    assert re.fullmatch(r"::warning file=\S+,line=1::.+\[missing-translation\]", annotations[0])


def test_warnings_alone_exit_zero(tmp_path: Path) -> None:
    content = write_content(
        tmp_path / "content", {**BASE, "aktiviteter/kafe.sv.md": kafe("sv", titel="x")}
    )
    result = cli("pelican.plugins.samspel.commands.check", "--content", str(content))
    assert result.returncode == 0, result.stdout
    assert "[unknown-key]" in result.stdout


def test_a_failed_check_stops_the_build_and_keeps_the_last_output(tmp_path: Path) -> None:
    content = write_content(
        tmp_path / "content",
        {
            **BASE,
            # a BOM with CRLF line endings, and a page with only front matter, build cleanly
            "aktiviteter/kafe.sv.md": "\ufeff" + kafe("sv").replace("\n", "\r\n"),
            "sidor/om.sv.md": "---\ntitle: Om\n---\n",
        },
    )
    output = tmp_path / "output"
    good = run_build(output, content=content)
    assert good.returncode == 0, good.log
    assert (output / "se" / "aktiviteter" / "kafe" / "index.html").is_file()
    before = {path: path.read_bytes() for path in output.rglob("*") if path.is_file()}
    listing = sorted(output.rglob("*"))

    bad = run_build(output, content=several_broken(tmp_path))
    assert bad.returncode == 1
    assert "content/aktiviteter/kafe.sv.md:4: error: start: " in bad.log
    assert "Traceback" not in bad.log
    assert sorted(output.rglob("*")) == listing
    assert {path: path.read_bytes() for path in output.rglob("*") if path.is_file()} == before


def test_a_build_that_fails_after_the_check_ends_in_words_not_a_traceback(tmp_path: Path) -> None:
    """A failure past the check (a wrong setting, say) ends in sv and nb, with no traceback."""
    settings = write_settings(tmp_path / "conf.py", 'SEARCH = {"pages_per_shard": "many"}')
    output = tmp_path / "output"
    build = run_build(output, content=write_content(tmp_path / "content", BASE), settings=settings)
    assert build.returncode == 1
    assert "Traceback" not in build.log
    assert build.log.rstrip().endswith(
        "build: output/ lämnades som det var / output/ ble ikke endret"
    )
    assert not (output / "se").exists()


CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
HALVES = dict(
    zip(("sv", "nb"), CONTRIBUTING.split("\n## Svenska\n")[1].split("\n## Norsk\n"), strict=True)
)


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_contributing_lists_every_rule_code_in_both_halves(lang: str) -> None:
    rows = re.findall(r"^\| `([a-z0-9-]+)`", HALVES[lang], flags=re.M)
    assert set(CODES) <= set(rows), set(CODES) - set(rows)


def test_the_complete_examples_in_contributing_pass_the_check(tmp_path: Path) -> None:
    examples = re.findall(r"^`(content/[^`]+)`:\n\n```[a-z]*\n(.*?)^```", CONTRIBUTING, re.M | re.S)
    paths = {path for path, _text in examples}
    assert len(paths) == 9  # four kinds in two languages, and companies.yaml
    for path, text in examples:
        write_content(tmp_path, {path: text})
    problems = check_content(tmp_path / "content", tmp_path)
    assert problems == [], "\n".join(problem.format() for problem in problems)


def test_make_check_refuses_a_missing_content_folder(tmp_path: Path) -> None:
    result = cli("pelican.plugins.samspel.commands.check", "--content", str(tmp_path / "nothing"))
    assert result.returncode == 2
    assert "finns inte" in result.stderr and "Traceback" not in result.stderr
