"""Which pages a pull request changes: compare two builds and write a Markdown summary.

CI builds the pull request and its base branch with the same settings and the
same SOURCE_DATE_EPOCH, so a page differs only when the change touched it. The
summary goes to the job summary ($GITHUB_STEP_SUMMARY): per site, the pages
added, changed and removed, as links to where they will be published, plus a
count of other files (feeds, sitemap, CSS) that changed.

With ``--comment`` and a preview's two addresses it writes instead the pull
request's one preview comment (tools/pr_comment.py posts or updates it): a link
to every added or changed page on both sites, in the preview, behind a hidden
marker by which the next push finds the same comment again.

Usage: python -m tools.changed_pages --base base-output --head output [--settings publishconf.py]
       [--comment --preview-se URL --preview-no URL]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pelican.plugins.samspel.commands.linkcheck import ROOTS, site_urls
from pelican.plugins.samspel.commands.preview import (
    PreviewAddressError,
    add_preview_options,
    given_addresses,
    preview_addresses,
)
from pelican.plugins.samspel.sites.table import SITES

ROOT = Path(__file__).resolve().parent.parent
#: site language -> its heading in the summary (the table of sites)
SITE_NAMES = {site.lang: f"{site.name} ({site.language_name})" for site in SITES}
#: the hidden first line of the preview comment, by which it is found again on each push
MARKER = "<!-- samspel63-preview -->"
#: at most this many links per site in the comment (GitHub allows 65,536 characters)
COMMENT_LINKS = 200


@dataclass
class Changes:
    """Differences between the base and the head build of one site."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    other_files: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.other_files)


def files(root: Path) -> dict[str, Path]:
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}


def page_path(name: str) -> str:
    """``aktiviteter/x/index.html`` -> ``aktiviteter/x/``; ``404.html`` stays."""
    return name.removesuffix("index.html")


def compare(base: Path, head: Path) -> Changes:
    """Compare one site's root in two builds."""
    before, after = files(base), files(head)
    changes = Changes()
    for name in sorted(before.keys() | after.keys()):
        if name in before and name in after:
            if before[name].read_bytes() == after[name].read_bytes():
                continue
            kind = changes.changed
        else:
            kind = changes.added if name in after else changes.removed
        if name.endswith(".html"):
            kind.append(page_path(name))
        else:
            changes.other_files.append(name)
    return changes


def summary(base: Path, head: Path, urls: dict[str, str]) -> str:
    """The Markdown summary for both sites."""
    lines = ["## Ändrade sidor / Endrede sider", ""]
    if not base.is_dir():
        lines += [
            "Basgrenen kunde inte byggas, så alla sidor listas som nya. / "
            "Basgrenen kunne ikke bygges, så alle sider vises som nye.",
            "",
        ]
    for lang, folder in ROOTS.items():
        changes = compare(base / folder, head / folder)
        lines.append(f"### {SITE_NAMES[lang]}")
        lines.append("")
        if not changes:
            lines += ["Inga ändringar. / Ingen endringer.", ""]
            continue
        for label, pages in (
            ("Nya / Nye", changes.added),
            ("Ändrade / Endret", changes.changed),
            ("Borttagna / Fjernet", changes.removed),
        ):
            if pages:
                lines.append(f"**{label}** ({len(pages)})")
                lines.append("")
                lines += [f"- [{folder}/{page}]({urls[lang]}/{page})" for page in pages]
                lines.append("")
        if changes.other_files:
            shown = ", ".join(f"`{name}`" for name in changes.other_files[:10])
            more = len(changes.other_files) - 10
            lines.append(
                f"Andra filer / Andre filer ({len(changes.other_files)}): {shown}"
                + (f" … (+{more})" if more > 0 else "")
            )
            lines.append("")
    return "\n".join(lines)


def comment(base: Path, head: Path, urls: dict[str, str]) -> str:
    """The pull request's preview comment: every added or changed page, in the preview.

    ``urls`` are the preview's addresses (without a final slash). A communicator
    opens their page from here, so the links go to the pages themselves, both sites.
    """
    lines = [
        MARKER,
        "## Förhandsvisning / Forhåndsvisning",
        "",
        "Så här ser ändringen ut på de två webbplatserna innan den slås ihop. Sidan "
        "uppdateras vid varje push. / Slik ser endringen ut på de to nettstedene før "
        "den slås sammen. Siden oppdateres ved hver push.",
        "",
    ]
    for lang, folder in ROOTS.items():
        changes = compare(base / folder, head / folder)
        pages = changes.added + changes.changed
        lines += [f"### {SITE_NAMES[lang]}", "", f"Startsida / Forside: {urls[lang]}/", ""]
        if not pages:
            lines += ["Inga ändrade sidor. / Ingen endrede sider.", ""]
        lines += [f"- {urls[lang]}/{page}" for page in pages[:COMMENT_LINKS]]
        if len(pages) > COMMENT_LINKS:
            lines.append(f"- … (+{len(pages) - COMMENT_LINKS})")
        if changes.removed:
            removed = ", ".join(f"`{page}`" for page in changes.removed[:20])
            lines.append(f"\nBorttagna / Fjernet ({len(changes.removed)}): {removed}")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="output folder of the base build")
    parser.add_argument("--head", type=Path, required=True, help="output folder of this build")
    parser.add_argument("--settings", type=Path, default=ROOT / "publishconf.py")
    parser.add_argument("--comment", action="store_true", help="the preview comment instead")
    add_preview_options(parser, "the preview's address (--comment)")
    args = parser.parse_args(argv)
    if args.comment:
        try:
            urls = preview_addresses(given_addresses(args) or {})
        except PreviewAddressError as error:
            print(error, file=sys.stderr)
            return 2
        print(comment(args.base, args.head, urls))
        return 0
    print(summary(args.base, args.head, site_urls(args.settings.resolve())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
