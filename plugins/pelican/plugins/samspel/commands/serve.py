"""Serve both sites' roots under the output folder at once, on two ports, like the two domains.

The folders and ports come from the table of sites (sites/table.py).

With ``--rebuild COMMAND`` the folders content/, theme/ and plugins/ are
watched and COMMAND is run after each change (``make devserver``); a failed
rebuild keeps serving the last good output.
"""

from __future__ import annotations

import argparse
import functools
import shlex
import subprocess
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..sites.table import SITES
from .project import project_root

ROOT = project_root()

WATCHED = ("content", "theme", "plugins", "pelicanconf.py")


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files with the content types the sites need, and their own 404 page."""

    extensions_map = {  # noqa: RUF012 (the attribute http.server declares)
        **SimpleHTTPRequestHandler.extensions_map,
        ".ics": "text/calendar; charset=utf-8",
        ".xml": "application/xml",
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
    }

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def serve(root: Path, host: str, port: int) -> ThreadingHTTPServer:
    handler = functools.partial(SiteHandler, directory=str(root))
    server = ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def snapshot() -> dict[Path, float]:
    """Modification times of every watched file."""
    times = {}
    for name in WATCHED:
        target = ROOT / name
        paths = [target] if target.is_file() else target.rglob("*")
        times.update({path: path.stat().st_mtime for path in paths if path.is_file()})
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "output")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--rebuild", help="command to run after a change")
    args = parser.parse_args(argv)
    for site in SITES:
        root = args.output / site.folder
        serve(root.resolve(), args.host, site.port)
        print(f"Serving {root} at {site.local_url}/")
    print("Stop with Ctrl+C.")
    seen = snapshot()
    try:
        while True:
            time.sleep(1)
            if args.rebuild and (current := snapshot()) != seen:
                seen = current
                subprocess.run(shlex.split(args.rebuild), cwd=ROOT, check=False)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
