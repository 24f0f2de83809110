"""Previews of both sites: deployed under a pull request's own address, or offline in a folder.

A communicator must see a change on both sites before it is merged. Two forms:

- **deployed** (``make preview PREVIEW_SE=… PREVIEW_NO=…``): both sites built for a
  preview address each, e.g. ``https://preview.samspel63.se/pr-12/``. The settings
  are the publish settings with the two site URLs swapped for the preview's (the
  site table ``SAMSPEL_SITES`` is the one source of both), so every link the
  templates write, the language switch included, already points into the preview.
- **offline** (``make preview-offline``): both sites built with the publish
  settings, then every link to either site turned into a relative file path
  (``…/index.html``, ``../no/…`` for the other site), so the unpacked folder works
  from ``file://``. The search cannot (a browser does not ``fetch`` from
  ``file://``): the search page says so in its own language and loads no script.

What the templates do not write, content does: a Markdown link may be
root-relative (``/kontakt/``) or name a published domain (``https://samspel63.se/…``).
Both would leave a preview, so after Pelican, and before the staged roots replace
the output, every HTML page and feed is rewritten (``finish``): root-relative and
published addresses go to the preview's. Pagefind's files are never touched
(hard links into its cache, and they hold paths only).

A preview is marked ``SAMSPEL_PREVIEW`` in the settings: every page then carries
``<meta name="robots" content="noindex">`` and no ``sitemap.xml`` is written (see
``plugins/samspel/sites.py`` for why not a ``Disallow``).
"""

from __future__ import annotations

import argparse
import os
import posixpath
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..sites.table import FOLDERS as ROOTS
from ..sites.table import SITES

#: the settings key that marks a preview build (read by templates and sites.py)
SETTING = "SAMSPEL_PREVIEW"
DEPLOYED = "deployed"
OFFLINE = "offline"
#: site language -> the make variable (and option) naming its preview address
VARIABLES = {site.lang: site.preview_variable for site in SITES}
#: plain http is allowed only here: a test serves a preview on this machine
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
#: site language -> an address its preview could be published at, for the error messages
EXAMPLES = {site.lang: f"https://preview.{site.domain}/pr-12/" for site in SITES}
#: attributes that hold an address in our HTML (and, escaped, in a feed's content)
_URL_ATTRIBUTE = re.compile(
    r"(?P<lead>\b(?P<attribute>href|src|srcset|content|data-bundle)=(?P<quote>\"|&quot;))"
    r"(?P<value>.*?)(?P=quote)"
)
#: attributes whose root-relative value is an address (``content`` also holds plain text)
_RELATIVE_ALLOWED = frozenset({"href", "src", "srcset", "data-bundle"})
_SKIPPED_FOLDERS = frozenset({"pagefind"})
#: the ``content`` of a redirect page's refresh (theme/templates/redirect.html)
_REFRESH = re.compile(r"^(?P<delay>\d+;\s*url=)(?P<url>\S+)$")


class PreviewAddressError(ValueError):
    """A preview address is not one a preview can be published at (message in sv and nb)."""


def preview_address(lang: str, value: str) -> str:
    """The preview address of one site, without its final slash, or a bilingual error.

    https only (a preview is opened by people outside this machine), except on the
    loopback interface, where the tests serve one; the path must end in ``/`` so
    that nobody wonders whether ``/pr-12`` is a folder or a page.
    """
    variable, example = VARIABLES[lang], EXAMPLES[lang]
    parts = urlsplit(value.strip()) if value and value.strip() == value else None
    secure = parts is not None and (
        parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK)
    )
    if (
        parts is None
        or not secure
        or not parts.hostname
        or parts.username
        or parts.password
        or parts.query
        or parts.fragment
        or not parts.path.endswith("/")
        or any(part in {".", ".."} for part in parts.path.split("/"))
    ):
        raise PreviewAddressError(
            f"preview: {variable}={value!r} är ingen förhandsvisningsadress. Skriv en "
            f"https-adress som slutar med /, till exempel {variable}={example}\n"
            f"preview: {variable}={value!r} er ingen adresse for forhåndsvisning. Skriv en "
            f"https-adresse som slutter med /, for eksempel {variable}={example}"
        )
    return value.removesuffix("/")


def add_preview_options(parser: argparse.ArgumentParser, first_help: str) -> None:
    """``--preview-se URL --preview-no URL``: one option per row of the table of sites.

    Each is named after its make variable (``PREVIEW_SE``) and read back by
    :func:`given_addresses`; ``first_help`` says what the first is for.
    """
    for number, site in enumerate(SITES):
        parser.add_argument(
            f"--{site.preview_variable.lower().replace('_', '-')}",
            dest=f"preview_{site.lang}",
            metavar="URL",
            help=first_help if number == 0 else "… and this one (make preview)",
        )


def given_addresses(args: argparse.Namespace) -> dict[str, str | None] | None:
    """The preview addresses the options of :func:`add_preview_options` gave; None for none."""
    given = {site.lang: getattr(args, f"preview_{site.lang}") for site in SITES}
    return None if all(value is None for value in given.values()) else given


def preview_addresses(values: dict[str, str | None]) -> dict[str, str]:
    """Both sites' preview addresses, checked; the two must differ (two sites, two places)."""
    urls = {lang: preview_address(lang, values.get(lang) or "") for lang in ROOTS}
    if len(set(urls.values())) != len(urls):
        names = " och / og ".join(VARIABLES.values())
        raise PreviewAddressError(
            f"preview: {names} är samma adress. Ge varje webbplats sin egen, till exempel "
            f"{EXAMPLES['sv']} och {EXAMPLES['nb']}\n"
            f"preview: {names} er samme adresse. Gi hvert nettsted sin egen, for eksempel "
            f"{EXAMPLES['sv']} og {EXAMPLES['nb']}"
        )
    return urls


@dataclass(frozen=True)
class Preview:
    """Which preview to build: ``mode`` and, when deployed, the two preview addresses."""

    mode: str
    urls: dict[str, str] = field(default_factory=dict)

    def configure(self, settings: dict) -> None:
        """Turn the (publish) settings read by Pelican into this preview's.

        The published addresses are kept in ``SAMSPEL_PREVIEW`` so that ``finish`` can
        bring content's links to them into the preview.
        """
        sites = settings["SAMSPEL_SITES"]
        published = {lang: sites[lang]["url"].rstrip("/") for lang in ROOTS}
        settings[SETTING] = {"mode": self.mode, "published": published}
        if self.mode != DEPLOYED:
            return
        settings["SAMSPEL_SITES"] = {
            lang: {**values, "url": self.urls[lang]} for lang, values in sites.items()
        }
        main_lang = settings["DEFAULT_LANG"]
        settings["SITEURL"] = settings["FEED_DOMAIN"] = self.urls[main_lang]
        for lang, overrides in settings.get("I18N_SUBSITES", {}).items():
            overrides["SITEURL"] = overrides["FEED_DOMAIN"] = self.urls[lang]

    def finish(self, staging: Path, settings: dict) -> None:
        """Rewrite the staged pages and feeds so that no link leaves the preview."""
        published = settings[SETTING]["published"]
        final = self.urls if self.mode == DEPLOYED else published
        mover = AddressMover(staging, published, final, offline=self.mode == OFFLINE)
        for lang, folder in ROOTS.items():
            for path in site_files(staging / folder):
                mover.rewrite_file(path, lang)


def site_files(root: Path) -> list[Path]:
    """The HTML pages and XML feeds of one root, outside Pagefind's folder."""
    found = []
    for folder, subfolders, names in os.walk(root):
        if Path(folder) == root:
            subfolders[:] = [name for name in subfolders if name not in _SKIPPED_FOLDERS]
        found += [Path(folder, name) for name in names if name.endswith((".html", ".xml"))]
    return sorted(found)


@dataclass
class AddressMover:
    """Moves the addresses of one build into the preview (see the module's docstring)."""

    output: Path
    published: dict[str, str]
    final: dict[str, str]
    offline: bool

    def bases(self) -> list[tuple[str, str]]:
        """``(base, lang)`` to match, longest first: a preview may lie below a published site."""
        pairs = {(url, lang) for lang, url in self.final.items()}
        pairs |= {(url, lang) for lang, url in self.published.items()}
        return sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0] not in self.final.values()))

    def move(self, url: str, lang: str, folder: PurePosixPath, relative_allowed: bool) -> str:
        """Where ``url`` (on a page of ``lang`` in ``folder``) points inside the preview."""
        if relative_allowed and url.startswith("/") and not url.startswith("//"):
            url = self.final[lang] + url
        webcal = url.startswith("webcal://")
        probe = "https://" + url.removeprefix("webcal://") if webcal else url
        for base, target_lang in self.bases():
            rest = probe[len(base) :]
            if probe.startswith(base) and (rest == "" or rest[0] in "/?#"):
                if self.offline:
                    return self.relative(folder, target_lang, rest)
                moved = self.final[target_lang] + rest
                return "webcal://" + moved.split("://", 1)[1] if webcal else moved
        return url

    def relative(self, folder: PurePosixPath, lang: str, rest: str) -> str:
        """A path from ``folder`` to ``rest`` on site ``lang``; a folder gets its index.html."""
        cut = min((rest.find(mark) for mark in "?#" if mark in rest), default=len(rest))
        path, tail = rest[:cut], rest[cut:]
        target = PurePosixPath(ROOTS[lang], *[part for part in path.split("/") if part])
        if not path or path.endswith("/") or (self.output / unquote(str(target))).is_dir():
            target = target / "index.html"
        return posixpath.relpath(str(target), str(folder)) + tail

    def rewrite(self, text: str, lang: str, folder: PurePosixPath) -> str:
        """Every address attribute of ``text`` moved; everything else left as it is."""

        def replace(match: re.Match) -> str:
            allowed = match["attribute"] in _RELATIVE_ALLOWED
            if match["attribute"] == "srcset":
                candidates = [part.strip().split(" ", 1) for part in match["value"].split(",")]
                value = ", ".join(
                    " ".join([self.move(parts[0], lang, folder, allowed), *parts[1:]])
                    for parts in candidates
                    if parts[0]
                )
            elif refresh := _REFRESH.match(match["value"]):
                # a redirect page's <meta http-equiv="refresh" content="0; url=…">
                value = refresh["delay"] + self.move(refresh["url"], lang, folder, True)
            else:
                value = self.move(match["value"], lang, folder, allowed)
            return f"{match['lead']}{value}{match['quote']}"

        return _URL_ATTRIBUTE.sub(replace, text)

    def rewrite_file(self, path: Path, lang: str) -> None:
        """Rewrite one file through a new file: a page may be a hard link into the page cache."""
        text = path.read_text(encoding="utf-8")
        folder = PurePosixPath(path.parent.relative_to(self.output).as_posix())
        changed = self.rewrite(text, lang, folder)
        if changed == text:
            return
        handle, temporary = tempfile.mkstemp(prefix=".preview-", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(changed)
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
