"""Pelican settings for publishing: the real domains, otherwise as pelicanconf.py.

pelicanconf.py is read with runpy (it is a file beside this one, not an importable
module): ``samspel build`` is an installed command and runs from anywhere.
"""

import runpy
from pathlib import Path

from pelican.plugins.samspel.sites.table import MAIN, site_urls

_LOCAL = runpy.run_path(str(Path(__file__).resolve().with_name("pelicanconf.py")))
globals().update({name: value for name, value in _LOCAL.items() if not name.startswith("_")})
subsite = _LOCAL["subsite"]

SITE_URLS = site_urls(public=True)
SITEURL = SITE_URLS[MAIN.lang]
FEED_DOMAIN = SITEURL
SAMSPEL_SITES = {lang: {"url": url} for lang, url in SITE_URLS.items()}
I18N_SUBSITES = {lang: subsite(lang, SITE_URLS[lang]) for lang in _LOCAL["I18N_SUBSITES"]}
