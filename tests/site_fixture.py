"""A small but complete bilingual site: one item in every section, so every menu link exists."""

from __future__ import annotations

ACTIVITY = (
    "---\ntitle: {title}\ntype: seminar\nstart: 2025-03-14\nplace: Östersund\n"
    "country: SE\nsummary: {summary}\n---\n{body}\n"
)
INITIATIVE = "---\ntitle: {title}\nsummary: {summary}\n---\n{body}\n"
NEWS = "---\ntitle: {title}\ndate: 2025-01-10\nsummary: {summary}\n---\n{body}\n"
PAGE = "---\ntitle: {title}\n---\n{body}\n"

COMPLETE_SITE: dict[str, str] = {
    "aktiviteter/seminarium.sv.md": ACTIVITY.format(
        title="Seminarium", summary="Ett seminarium.", body="Text."
    ),
    "aktiviteter/seminarium.nb.md": ACTIVITY.format(
        title="Seminar", summary="Et seminar.", body="Tekst."
    ),
    "initiativ/natverk.sv.md": INITIATIVE.format(
        title="Nätverk", summary="Ett nätverk.", body="Text."
    ),
    "initiativ/natverk.nb.md": INITIATIVE.format(
        title="Nettverk", summary="Et nettverk.", body="Tekst."
    ),
    "nyheter/rapport.sv.md": NEWS.format(title="Rapport", summary="En rapport.", body="Text."),
    "nyheter/rapport.nb.md": NEWS.format(title="Rapport", summary="En rapport.", body="Tekst."),
    "sidor/om-projektet.sv.md": PAGE.format(
        title="Om projektet",
        body="Se [kontakt](/kontakt/#adress) och [en källa](https://example.org/a).",
    ),
    "sidor/om-projektet.nb.md": PAGE.format(title="Om prosjektet", body="Se [kontakt](/kontakt/)."),
    "sidor/kontakt.sv.md": PAGE.format(title="Kontakt", body="## Adress {: #adress }\n\nGatan 1."),
    "sidor/kontakt.nb.md": PAGE.format(title="Kontakt", body="Tekst."),
}
