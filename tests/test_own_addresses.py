"""Norwegian pages at Norwegian addresses (``address``), and the file name's address leads there.

Read on the repository's own content (built once for the session, ``local_build``): every
Norwegian file with an ``address`` is published there, its file name's address on the
Norwegian site is a redirect page to it, the sitemap lists only the new address, and the
language switch and the hreflang links of both sites name each other's real address.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import LOCAL_URLS, REPO, Build

SITE = LOCAL_URLS
SECTION_PAGES = {"sidor"}  # pages live at the top of the site, the other kinds below their folder


def own_addresses() -> list[tuple[str, str, str]]:
    """(section, file name's slug, address) of every Norwegian file with an ``address``."""
    found = []
    for path in sorted((REPO / "content").glob("*/*.nb.md")):
        match = re.search(r"^address:\s*(\S+)\s*$", path.read_text(encoding="utf-8"), re.M)
        if match:
            found.append((path.parent.name, path.name.removesuffix(".nb.md"), match[1]))
    return found


def path_of(section: str, slug: str) -> str:
    return f"{slug}/" if section in SECTION_PAGES else f"{section}/{slug}/"


def soup_at(build: Build, lang: str, path: str) -> BeautifulSoup:
    return BeautifulSoup((build.root(lang) / path / "index.html").read_text("utf-8"), "html.parser")


ADDRESSES = own_addresses()


def test_the_repository_names_its_norwegian_pages_in_norwegian() -> None:
    """The pages read as Norwegian by their address too (at least the four site pages)."""
    slugs = {address for _section, _slug, address in ADDRESSES}
    assert {"om-prosjektet", "tilgjengelighet", "personvern", "partnere-og-finansiorer"} <= slugs


@pytest.mark.parametrize(("section", "slug", "address"), ADDRESSES)
def test_the_page_is_at_its_address_and_the_old_address_leads_there(
    local_build: Build, section: str, slug: str, address: str
) -> None:
    new, old = path_of(section, address), path_of(section, slug)
    page = soup_at(local_build, "nb", new)
    assert page.html["lang"] == "nb"
    assert page.find("link", rel="canonical")["href"] == f"{SITE['nb']}/{new}"
    redirect = soup_at(local_build, "nb", old)
    assert redirect.html["lang"] == "nb"
    refresh = redirect.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert refresh == f"0; url={SITE['nb']}/{new}"
    assert redirect.find("link", rel="canonical")["href"] == f"{SITE['nb']}/{new}"
    assert redirect.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert redirect.body.a["href"] == f"{SITE['nb']}/{new}"
    assert "Siden er flyttet" in redirect.body.get_text()
    # the Swedish site keeps the file name's address and is not redirected
    assert soup_at(local_build, "sv", old).find("meta", attrs={"http-equiv": "refresh"}) is None


@pytest.mark.parametrize(("section", "slug", "address"), ADDRESSES)
def test_both_sites_link_each_other_by_the_real_address(
    local_build: Build, section: str, slug: str, address: str
) -> None:
    new, old = path_of(section, address), path_of(section, slug)
    swedish, norwegian = soup_at(local_build, "sv", old), soup_at(local_build, "nb", new)
    assert swedish.find("link", hreflang="nb")["href"] == f"{SITE['nb']}/{new}"
    assert norwegian.find("link", hreflang="sv")["href"] == f"{SITE['sv']}/{old}"
    switches = [a["href"] for a in swedish.select("header a[hreflang='nb']")]
    assert switches == [f"{SITE['nb']}/{new}"], switches


def test_the_sitemap_lists_no_former_address(local_build: Build) -> None:
    sitemap = (local_build.root("nb") / "sitemap.xml").read_text("utf-8")
    locations = set(re.findall(r"<loc>([^<]*)</loc>", sitemap))
    for section, slug, address in ADDRESSES:
        assert f"{SITE['nb']}/{path_of(section, address)}" in locations
        assert f"{SITE['nb']}/{path_of(section, slug)}" not in locations


def test_no_link_on_the_norwegian_site_goes_through_a_redirect(local_build: Build) -> None:
    """Menus, footers, cards and the calendar link the new addresses themselves."""
    old = {f"{SITE['nb']}/{path_of(section, slug)}" for section, slug, _ in ADDRESSES}
    root: Path = local_build.root("nb")
    for page in root.rglob("*.html"):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        if soup.find("meta", attrs={"http-equiv": "refresh"}):
            continue
        links = {a["href"] for a in soup.find_all("a", href=True)}
        assert not links & old, f"{page.relative_to(root)}: {sorted(links & old)}"
