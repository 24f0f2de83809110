"""The table of the two sites, declared once: language, domain, output folder, local port, name.

Everything that needs one of these facts reads it here: the settings files
(pelicanconf.py, publishconf.py), the plugin, the commands (build, serve,
linkcheck, deploy), the development scripts and the tests. Like Hugo's
``languages`` table, one row per site; the first row is the main site
(Pelican's), the others are i18n_subsites sub-sites. Pure data: no Pelican.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Site:
    """One of the two sites."""

    lang: str  #: the content language (``content/<section>/<slug>.<lang>.md``)
    domain: str  #: the published domain, without scheme
    folder: str  #: its publish root under the output folder (and its cache folder)
    port: int  #: where ``samspel serve`` serves it on this machine
    locale: str  #: Babel's locale for dates and numbers
    name: str  #: what the site is called (the domain)
    language_name: str  #: the language, named in itself (the pull request summary's headings)

    @property
    def local_url(self) -> str:
        """The site's URL on this machine (``make html``, ``samspel serve``)."""
        return f"http://localhost:{self.port}"

    @property
    def public_url(self) -> str:
        """The site's published URL (``make publish``)."""
        return f"https://{self.domain}"

    @property
    def deploy_variable(self) -> str:
        """The environment variable naming its deploy target (``DEPLOY_SE``)."""
        return f"DEPLOY_{self.folder.upper()}"

    @property
    def preview_variable(self) -> str:
        """The make variable (and ``--preview-se`` option) naming its preview address."""
        return f"PREVIEW_{self.folder.upper()}"


SITES: tuple[Site, ...] = (
    Site("sv", "samspel63.se", "se", 8000, "sv_SE", "samspel63.se", "svenska"),
    Site("nb", "samspel63.no", "no", 8001, "nb_NO", "samspel63.no", "norsk"),
)
#: the main site: Pelican's own settings; the others are i18n_subsites sub-sites
MAIN = SITES[0]
#: site language -> its publish root's folder under the output folder
FOLDERS: dict[str, str] = {site.lang: site.folder for site in SITES}


def site_urls(public: bool) -> dict[str, str]:
    """``{lang: URL}`` of every site, the published ones or those on this machine."""
    return {site.lang: site.public_url if public else site.local_url for site in SITES}


def by_lang(lang: str) -> Site:
    """The site of ``lang``; KeyError for a language no site has."""
    for site in SITES:
        if site.lang == lang:
            return site
    raise KeyError(lang)


#: the sub-sites by language (i18n_subsites' I18N_SUBSITES keys)
SUBSITES: dict[str, Site] = {site.lang: site for site in SITES[1:]}
