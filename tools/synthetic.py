"""Synthetic content in the content contract's format, for the benchmark.

``write_site(root, n)`` writes N activities per language (``.sv.md`` and
``.nb.md``), companies in ``data/companies.yaml``, news, initiatives and the
pages every template links to, with bodies of a few paragraphs, headings and
lists, so that Markdown and the templates do realistic work. The same ``n``
and seed always give the same files. ``write_plain_copy`` turns the Swedish
files into Pelican's own ``Key: value`` Markdown for the plain-Pelican baseline.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from pelican.plugins.samspel.content import contract
from pelican.plugins.samspel.content.contract import ACTIVITY_TYPES, LANGUAGES, PROJECT_START
from pelican.plugins.samspel.content.frontmatter import read_text, split

PAGES = ("om-projektet", "kontakt", "partner-och-finansiarer", "integritet", "tillganglighet")
_SV = "kultur företag nätverk utveckling residens seminarium projekt region samarbete gräns"
_SV += " musik konst berättande hantverk scen festival kompetens affärsutveckling deltagare"
_NB = "kultur bedrift nettverk utvikling residens seminar prosjekt region samarbeid grense"
_NB += " musikk kunst fortelling håndverk scene festival kompetanse forretningsutvikling deltaker"
WORDS = {"sv": _SV.split(" "), "nb": _NB.split(" ")}
HEADINGS = {"sv": ("Bakgrund", "Program", "Anmälan"), "nb": ("Bakgrunn", "Program", "Påmelding")}
PLACES = (("Östersund", "SE"), ("Åre", "SE"), ("Steinkjer", "NO"), ("Trondheim", "NO"))


def sentence(rng: random.Random, lang: str) -> str:
    words = [rng.choice(WORDS[lang]) for _ in range(rng.randint(8, 16))]
    return " ".join(words).capitalize() + "."


def body(rng: random.Random, lang: str) -> str:
    """Three to five paragraphs, a heading or two and a list: what communicators write."""
    parts = []
    for index in range(rng.randint(3, 5)):
        if index in (1, 3):
            parts.append(f"## {HEADINGS[lang][index % 3]}")
        parts.append(" ".join(sentence(rng, lang) for _ in range(rng.randint(3, 6))))
        if index == 2:
            parts.append("\n".join(f"- {sentence(rng, lang)}" for _ in range(3)))
    return "\n\n".join(parts) + "\n"


def front(fields: dict[str, str]) -> str:
    lines = [f"{key}: {value}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_site(root: Path, n: int, seed: int = 63) -> Path:
    """Write N activities per language and the rest of a site into ``root``."""
    rng = random.Random(seed)
    companies = [f"foretag-{i:03d}" for i in range(100)]
    lines = []
    for i, company in enumerate(companies):
        country = "SE" if i % 2 == 0 else '"NO"'
        lines += [
            f"- id: {company}",
            f"  name: Kulturföretag {i}",
            f"  country: {country}",
            "  region: Jämtland Härjedalen" if i % 2 == 0 else "  region: Trøndelag",
            "  sector: Musik",
            f"  public: {'true' if i % 3 else 'false'}",
        ]
    write(root / contract.DATA_SECTION / contract.COMPANIES_FILE, "\n".join(lines) + "\n")
    initiatives = [f"initiativ-{i}" for i in range(max(4, n // 100))]
    for slug in initiatives:
        for lang in LANGUAGES:
            fields = {"title": f"Initiativ {slug}", "summary": sentence(rng, lang)}
            write(
                root / contract.INITIATIVES / f"{slug}.{lang}.md", front(fields) + body(rng, lang)
            )
    for slug in PAGES:
        for lang in LANGUAGES:
            fields = {"title": slug.replace("-", " ").capitalize(), "summary": sentence(rng, lang)}
            write(root / contract.PAGES / f"{slug}.{lang}.md", front(fields) + body(rng, lang))
    first = date.fromisoformat(PROJECT_START)
    for i in range(max(10, n // 10)):
        day = first + timedelta(days=i % 1000)
        for lang in LANGUAGES:
            fields = {
                "title": f"Nyhet {i}",
                "date": day.isoformat(),
                "summary": sentence(rng, lang),
            }
            write(root / contract.NEWS / f"nyhet-{i}.{lang}.md", front(fields) + body(rng, lang))
    for i in range(n):
        place, country = PLACES[i % len(PLACES)]
        day = first + timedelta(days=i % 1090)
        start = day.isoformat() if i % 3 else f"{day.isoformat()} 18:00"
        shared = {
            "type": ACTIVITY_TYPES[i % len(ACTIVITY_TYPES)],
            "start": f'"{start}"',
            "place": place,
            "country": f'"{country}"',
            "companies": "[" + ", ".join(rng.sample(companies, 3)) + "]",
            "initiative": initiatives[i % len(initiatives)],
        }
        if i % 17 == 0:
            shared["status"] = "cancelled"
        for lang in LANGUAGES:
            fields = {"title": f"Aktivitet {i}", **shared, "summary": sentence(rng, lang)}
            write(
                root / contract.ACTIVITIES / f"aktivitet-{i}.{lang}.md",
                front(fields) + body(rng, lang),
            )
    return root


def write_plain_copy(content: Path, target: Path, lang: str = "sv") -> Path:
    """The ``lang`` files as Pelican's own Markdown (``Title: ...``), for plain Pelican."""
    for path in sorted(content.glob(f"*/*.{lang}.md")):
        head = split(read_text(path))
        fields = {key: value.data for key, value in head.fields.items()}
        slug = path.name.split(".")[0]
        day = fields.get("date") or str(fields.get("start") or PROJECT_START)
        meta = [
            f"Title: {fields['title']}",
            f"Date: {day}",
            f"Slug: {slug}",
            f"Lang: {lang}",
            f"Summary: {fields.get('summary', '')}",
        ]
        if path.parent.name != contract.PAGES:
            meta.append(f"Category: {path.parent.name}")
        folder = "pages" if path.parent.name == contract.PAGES else path.parent.name
        write(target / folder / f"{slug}.md", "\n".join(meta) + "\n\n" + head.body)
    return target
