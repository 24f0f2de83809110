"""Pelican settings for publishing: the real domains, otherwise as pelicanconf.py."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F403
from pelicanconf import norwegian_site

SITE_URLS = {"sv": "https://samspel63.se", "nb": "https://samspel63.no"}
SITEURL = SITE_URLS["sv"]
FEED_DOMAIN = SITEURL
SAMSPEL_SITES = {lang: {"url": url} for lang, url in SITE_URLS.items()}
I18N_SUBSITES = {"nb": norwegian_site(SITE_URLS["nb"])}
