"""Look at the built sites in a real browser: Debian's Chromium driven by Playwright.

Used by the browser tests and by ``make screenshots``. Both sites are built with
their cross-site links on two free local ports (so every link between the
domains works), served by the project's own server, and opened in Chromium
from ``/usr/bin/chromium``: Playwright's own browser download is never used.

Usage: python -m tools.browser screenshots --out docs/screenshots
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

from pelican.plugins.samspel.commands.serve import SiteHandler
from pelican.plugins.samspel.sites.table import FOLDERS, SITES

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = "apt-get update && apt-get install -y chromium"
WIDTHS = {"narrow": (360, 780), "wide": (1280, 800)}
ROOTS = FOLDERS  # site language -> publish root (the table of sites)

SETTINGS_TEMPLATE = '''"""Local settings for the browser: both sites on free ports."""
from pelican.plugins.samspel.settings import inherit
from pelican.plugins.samspel.sites.table import MAIN, SUBSITES

globals().update(inherit({root!r} + "/pelicanconf.py"))

SITE_URLS = {urls!r}
SITEURL = SITE_URLS[MAIN.lang]
FEED_DOMAIN = SITEURL
SAMSPEL_SITES = {{lang: {{"url": url}} for lang, url in SITE_URLS.items()}}
I18N_SUBSITES = {{lang: subsite(lang, SITE_URLS[lang]) for lang in SUBSITES}}
'''


def chromium_missing_message() -> str | None:
    """None when Chromium is there, else what to run (never a silent skip)."""
    if CHROMIUM.is_file():
        return None
    return f"Chromium is missing at {CHROMIUM}; install it with: {INSTALL_HINT}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class LocalSites:
    """Both built sites, served on two local ports."""

    output: Path
    urls: dict[str, str]

    def root(self, lang: str) -> Path:
        return self.output / ROOTS[lang]


def write_settings(folder: Path, urls: dict[str, str], extra: str = "") -> Path:
    settings = folder / "browserconf.py"
    text = SETTINGS_TEMPLATE.format(root=str(ROOT), urls=urls) + extra
    settings.write_text(text, encoding="utf-8")
    return settings


def build_for_ports(folder: Path, ports: dict[str, int], extra: str = "") -> LocalSites:
    """Build both sites (as ``make html`` does) with links to 127.0.0.1 on ``ports``.

    ``extra`` settings lines come last (e.g. small search shards for the tests).
    """
    urls = {lang: f"http://127.0.0.1:{port}" for lang, port in ports.items()}
    settings = write_settings(folder, urls, extra)
    output = folder / "output"
    command = [
        sys.executable,
        "-m",
        "pelican.plugins.samspel.commands.build",
        "--settings",
        str(settings),
    ]
    command += ["--output", str(output)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"build failed:\n{result.stdout}{result.stderr}")
    return LocalSites(output, urls)


@contextlib.contextmanager
def served_sites(folder: Path, extra: str = "") -> Iterator[LocalSites]:
    """Build both sites for two free ports and serve them while the block runs."""
    ports = {site.lang: free_port() for site in SITES}
    sites = build_for_ports(folder, ports, extra)
    servers = [serve(sites.root(lang), port) for lang, port in ports.items()]
    try:
        yield sites
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


class QuietHandler(SiteHandler):
    """The project's handler without a log line per request (the browser makes many)."""

    def log_message(self, format: str, *args) -> None:
        pass


def serve(root: Path, port: int) -> ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def launch(playwright):
    """Debian's Chromium, headless, with nothing phoning home."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def screenshots(out: Path) -> list[Path]:
    """The home page of each site at 360 and 1280 px wide, first screen only (small PNGs)."""
    from playwright.sync_api import sync_playwright

    problem = chromium_missing_message()
    if problem:
        raise SystemExit(problem)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with (
        tempfile.TemporaryDirectory() as folder,
        served_sites(Path(folder)) as sites,
        sync_playwright() as playwright,
    ):
        browser = launch(playwright)
        for lang, url in sites.urls.items():
            for width, height in WIDTHS.values():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(url + "/")
                target = out / f"home-{ROOTS[lang]}-{width}.png"
                page.screenshot(path=str(target))
                page.close()
                written.append(target)
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["screenshots"])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    for path in screenshots(args.out.resolve()):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
