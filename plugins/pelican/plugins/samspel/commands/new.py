"""``make new TYPE=activity SLUG=berattarkafe-2025``: start a new item in both languages.

Writes ``content/<section>/<slug>.sv.md`` and ``.nb.md`` with every field of the
kind present and explained in a comment. Values to fill in start with ``FYLL I``
(a placeholder the content check reports until it is replaced), optional fields
are left empty, and nothing existing is ever overwritten.

Usage: python -m tools.new --type activity --slug berattarkafe-2025 [--content content]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content.contract import (
    DEFAULT_STATUS,
    LANGUAGES,
    PLACEHOLDER,
    SECTIONS,
    SLUG_PATTERN,
    known_fields,
)
from .project import project_root

ROOT = project_root()

#: kind -> folder under content/
FOLDERS = {kind: section for section, kind in SECTIONS.items()}
SAME = {"sv": " Samma i båda språkfilerna.", "nb": " Samme i begge språkfilene."}

#: field -> language -> (comment, value as written in the file)
FIELD_TEMPLATES: dict[str, dict[str, tuple[str, str]]] = {
    "title": {
        "sv": ("Rubriken, som den visas på sidan och i listor.", f'"{PLACEHOLDER}: rubrik"'),
        "nb": ("Tittelen, slik den vises på siden og i lister.", f'"{PLACEHOLDER}: tittel"'),
    },
    "type": {
        "sv": (
            "Typ av aktivitet, en av: study-trip (studieresa), residency (residens),\n"
            "network-meeting (nätverksträff), programme (utvecklingsprogram), seminar,\n"
            "workshop, festival, other (annat)." + SAME["sv"],
            f'"{PLACEHOLDER}: typ"',
        ),
        "nb": (
            "Type aktivitet, en av: study-trip (studietur), residency (residens),\n"
            "network-meeting (nettverkstreff), programme (utviklingsprogram), seminar,\n"
            "workshop, festival, other (annet)." + SAME["nb"],
            f'"{PLACEHOLDER}: type"',
        ),
    },
    "start": {
        "sv": (
            "När det börjar, så exakt som du vet: en dag som 2025-03-14, dag och klockslag\n"
            "som 2025-03-14 18:00 (svensk eller norsk tid, enligt country), en månad som\n"
            "2025-03 eller ett år som 2025. Inga citattecken behövs." + SAME["sv"],
            f'"{PLACEHOLDER}: 2025-03-14"',
        ),
        "nb": (
            "Når det begynner, så nøyaktig som du vet: en dag som 2025-03-14, dag og\n"
            "klokkeslett som 2025-03-14 18:00 (svensk eller norsk tid, etter country), en\n"
            "måned som 2025-03 eller et år som 2025. Ingen anførselstegn trengs." + SAME["nb"],
            f'"{PLACEHOLDER}: 2025-03-14"',
        ),
    },
    "end": {
        "sv": (
            "Valfritt: när det slutar, skrivs som start men aldrig mer exakt än start\n"
            "(en månad till en månad: 2025-05). Lämna tomt för en enda dag, eller för en\n"
            "hel månad eller ett helt år i start." + SAME["sv"],
            "",
        ),
        "nb": (
            "Valgfritt: når det slutter, skrives som start, men aldri mer nøyaktig enn start\n"
            "(en måned til en måned: 2025-05). La stå tomt for én dag, eller for en hel\n"
            "måned eller et helt år i start." + SAME["nb"],
            "",
        ),
    },
    "place": {
        "sv": (
            "Var aktiviteten äger rum, till exempel: Jamtli, Östersund. Ta bort raden\n"
            'om platsen inte är bestämd: då visas "Plats meddelas senare".',
            f'"{PLACEHOLDER}: plats"',
        ),
        "nb": (
            "Hvor aktiviteten foregår, for eksempel: Tindved Kulturhage, Steinkjer. Fjern\n"
            'linjen hvis stedet ikke er bestemt: da vises "Sted kommer senere".',
            f'"{PLACEHOLDER}: sted"',
        ),
    },
    "country": {
        "sv": (
            "Landet där aktiviteten äger rum: SE (Sverige) eller NO (Norge), eller\n"
            "[SE, NO] för båda. Bestämmer tidszonen och räknas i statistiken." + SAME["sv"],
            f'"{PLACEHOLDER}: SE eller NO"',
        ),
        "nb": (
            "Landet der aktiviteten foregår: SE (Sverige) eller NO (Norge), eller\n"
            "[SE, NO] for begge. Bestemmer tidssonen og telles i statistikken." + SAME["nb"],
            f'"{PLACEHOLDER}: SE eller NO"',
        ),
    },
    "summary": {
        "sv": (
            "En eller två meningar som visas i listor och när sidan delas.",
            f'"{PLACEHOLDER}: sammanfattning"',
        ),
        "nb": (
            "En eller to setninger som vises i lister og når siden deles.",
            f'"{PLACEHOLDER}: sammendrag"',
        ),
    },
    "date": {
        "sv": ("Nyhetens datum, som 2025-03-14." + SAME["sv"], f'"{PLACEHOLDER}: 2025-03-14"'),
        "nb": ("Nyhetens dato, som 2025-03-14." + SAME["nb"], f'"{PLACEHOLDER}: 2025-03-14"'),
    },
    "initiative": {
        "sv": (
            "Valfritt: initiativet aktiviteten hör till, som filnamnet i content/initiativ/\n"
            "utan .sv.md (till exempel berattarnatverket). Lämna tomt annars." + SAME["sv"],
            "",
        ),
        "nb": (
            "Valgfritt: initiativet aktiviteten hører til, som filnavnet i content/initiativ/\n"
            "uten .nb.md (for eksempel berattarnatverket). La stå tomt ellers." + SAME["nb"],
            "",
        ),
    },
    "companies": {
        "sv": (
            "Valfritt: id för deltagande företag i content/data/companies.yaml,\n"
            "som [anon-se-01, anon-se-02]. Lämna tomt annars." + SAME["sv"],
            "",
        ),
        "nb": (
            "Valgfritt: id for deltakende bedrifter i content/data/companies.yaml,\n"
            "som [anon-se-01, anon-se-02]. La stå tomt ellers." + SAME["nb"],
            "",
        ),
    },
    "registration": {
        "sv": (
            "Valfritt: webbadressen till anmälan, som börjar med https://.\n"
            "Lämna tomt om det inte finns någon anmälan." + SAME["sv"],
            "",
        ),
        "nb": (
            "Valgfritt: nettadressen til påmeldingen, som begynner med https://.\n"
            "La stå tomt hvis det ikke er påmelding." + SAME["nb"],
            "",
        ),
    },
    "status": {
        "sv": (
            "scheduled (blir av som det står), tentative (preliminär: datum eller detaljer\n"
            "är inte bestämda), cancelled (inställd) eller postponed (uppskjuten, inget nytt\n"
            "datum än)." + SAME["sv"],
            DEFAULT_STATUS,
        ),
        "nb": (
            "scheduled (blir som det står), tentative (foreløpig: dato eller detaljer er\n"
            "ikke bestemt), cancelled (avlyst) eller postponed (utsatt, ingen ny dato\n"
            "ennå)." + SAME["nb"],
            DEFAULT_STATUS,
        ),
    },
    "address": {
        "sv": (
            "Valfritt: en egen adress på den här webbplatsen i stället för filnamnet,\n"
            "små bokstäver a–z, siffror och bindestreck. Lämna tomt annars.",
            "",
        ),
        "nb": (
            "Valgfritt: en egen adresse på dette nettstedet i stedet for filnavnet, for\n"
            "eksempel på norsk: små bokstaver a–z, tall og bindestrek. La stå tomt ellers.",
            "",
        ),
    },
    "host": {
        "sv": ("Valfritt: vem som arrangerar. Lämna tomt annars.", ""),
        "nb": ("Valgfritt: hvem som arrangerer. La stå tomt ellers.", ""),
    },
    "image": {
        "sv": (
            "Valfritt: en bild, filnamn bredvid den här filen eller bilder/<fil>\n"
            "(JPEG, PNG, WebP eller AVIF, minst 640 px bred). Lämna tomt annars.",
            "",
        ),
        "nb": (
            "Valgfritt: et bilde, filnavn ved siden av denne filen eller bilder/<fil>\n"
            "(JPEG, PNG, WebP eller AVIF, minst 640 px bredt). La stå tomt ellers.",
            "",
        ),
    },
    "image_alt": {
        "sv": ("Krävs med image: vad bilden visar, för den som inte ser den.", ""),
        "nb": ("Kreves med image: hva bildet viser, for den som ikke ser det.", ""),
    },
    "image_credit": {
        "sv": ('Valfritt: fotograf, visas under bilden. Citattecken vid kolon: "Foto: Namn".', ""),
        "nb": (
            'Valgfritt: fotograf, vises under bildet. Anførselstegn ved kolon: "Foto: Navn".',
            "",
        ),
    },
    "source": {
        "sv": (
            "Valfritt: var uppgifterna kommer ifrån, visas som Källa: … längst ned,\n"
            "till exempel: Delrapport 1, december 2023. Lämna tomt annars.",
            "",
        ),
        "nb": (
            "Valgfritt: hvor opplysningene kommer fra, vises som Kilde: … nederst,\n"
            "for eksempel: Delrapport 1, desember 2023. La stå tomt ellers.",
            "",
        ),
    },
    "feedback_email": {
        "sv": (
            "Bara i tillgänglighetsredogörelsen: e-postadressen som tar emot synpunkter\n"
            "på tillgängligheten, visas överst på sidan. Lämna tomt annars.",
            "",
        ),
        "nb": (
            "Bare i tilgjengelighetserklæringen: e-postadressen som tar imot\n"
            "tilbakemeldinger om tilgjengelighet, vises øverst på siden. La stå tomt ellers.",
            "",
        ),
    },
}
#: a page's summary is optional
PAGE_SUMMARY = {
    "sv": ("Valfritt: en mening om sidan (visas i sökmotorer). Lämna tomt annars.", ""),
    "nb": ("Valgfritt: én setning om siden (vises i søkemotorer). La stå tomt ellers.", ""),
}
#: the first words of a new file
KIND_NAMES = {
    "activity": {"sv": "Ny aktivitet", "nb": "Ny aktivitet"},
    "initiative": {"sv": "Nytt initiativ", "nb": "Nytt initiativ"},
    "news": {"sv": "Ny nyhet", "nb": "Ny nyhet"},
    "page": {"sv": "Ny sida", "nb": "Ny side"},
}
INTRO = {
    "sv": (
        "# {kind} på svenska. Ersätt varje värde som börjar med {marker} och kör\n"
        "# make check. Rader som börjar med # är kommentarer och syns inte på webbplatsen.\n"
        "# Alla fält förklaras i CONTRIBUTING.md."
    ),
    "nb": (
        "# {kind} på norsk. Erstatt hver verdi som begynner med {marker} og kjør\n"
        "# make check. Linjer som begynner med # er kommentarer og vises ikke på nettstedet.\n"
        "# Alle feltene forklares i CONTRIBUTING.md."
    ),
}
BODY = {
    "sv": (
        f"{PLACEHOLDER}: Skriv texten här. En tom rad börjar ett nytt stycke, och ## först på "
        "en rad gör den till en mellanrubrik."
    ),
    "nb": (
        f"{PLACEHOLDER}: Skriv teksten her. En tom linje begynner et nytt avsnitt, og ## først "
        "på en linje gjør den til en mellomtittel."
    ),
}


def render(kind: str, lang: str) -> str:
    """The text of a new file of ``kind`` in ``lang``."""
    lines = ["---", INTRO[lang].format(kind=KIND_NAMES[kind][lang], marker=PLACEHOLDER)]
    for name in known_fields(kind):
        comment, value = (
            PAGE_SUMMARY[lang]
            if (kind, name) == ("page", "summary")
            else (FIELD_TEMPLATES[name][lang])
        )
        lines.append("")
        lines.extend(f"# {line}" for line in comment.split("\n"))
        lines.append(f"{name}: {value}".rstrip())
    lines += ["---", BODY[lang], ""]
    return "\n".join(lines)


#: the last line of a failed ``make new``, in Swedish and Norwegian: what to type instead
EXAMPLE = (
    "make new: inget skrevs; skriv till exempel / ingenting ble skrevet; skriv for eksempel: "
    "make new TYPE=activity SLUG=berattarkafe-2025"
)


class NewItemError(ValueError):
    """The kind or name is wrong, or a file exists already (message in sv and nb)."""


def create(content_root: Path, kind: str, slug: str) -> list[Path]:
    """Write the sv and nb files of a new item; raise NewItemError instead of overwriting."""
    if kind not in FOLDERS:
        raise NewItemError(f"TYPE={kind!r}: skriv en av / skriv en av: {', '.join(FOLDERS)}")
    if not SLUG_PATTERN.match(slug):
        raise NewItemError(
            f"SLUG={slug!r}: bara små bokstäver a–z, siffror och bindestreck, som "
            "berattarkafe-2025 / bare små bokstaver a–z, tall og bindestrek"
        )
    paths = [content_root / FOLDERS[kind] / f"{slug}.{lang}.md" for lang in LANGUAGES]
    existing = [path for path in paths if path.exists()]
    if existing:
        names = ", ".join(str(path) for path in existing)
        raise NewItemError(
            f"finns redan, inget skrevs / finnes allerede, ingenting ble skrevet: {names}"
        )
    for path, lang in zip(paths, LANGUAGES, strict=True):
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as file:
            file.write(render(kind, lang))
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--type", default="", help=", ".join(FOLDERS))
    parser.add_argument("--slug", default="")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args(argv)
    try:
        paths = create(args.content, args.type, args.slug)
    except NewItemError as error:
        print(f"make new: {error}", file=sys.stderr)
        print(EXAMPLE, file=sys.stderr)  # the last line, in words, never a bare command
        return 1
    for path in paths:
        print(f"make new: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
