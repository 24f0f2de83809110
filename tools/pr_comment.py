"""Write the pull request's one preview comment: create it once, then update it on each push.

A new comment per push would bury the conversation, so the comment starts with a
hidden marker (``tools.changed_pages.MARKER``) and the next run edits the comment
that carries it. Only comments written by the workflow's own account
(``github-actions[bot]``) are considered, so nobody can make the workflow edit
their comment by pasting the marker. Standard library only: the preview job has
no virtual environment.

Usage: python -m tools.pr_comment --body comment.md
       (GITHUB_TOKEN, GITHUB_REPOSITORY, PR_NUMBER from the environment; GITHUB_API_URL optional)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.error import HTTPError, URLError

from tools.changed_pages import MARKER

BOT = "github-actions[bot]"
#: (method, path, JSON body or None) -> decoded JSON answer
Api = Callable[[str, str, dict | None], object]


def github_api(token: str, base: str = "https://api.github.com") -> Api:
    """A minimal GitHub REST client with the workflow's token."""

    def call(method: str, path: str, body: dict | None = None) -> object:
        request = urllib.request.Request(
            base.rstrip("/") + path,
            data=None if body is None else json.dumps(body).encode("utf-8"),
            method=method,
            headers={
                "Authorization": f"Bearer {token}",
                "Accept": "application/vnd.github+json",
                "X-GitHub-Api-Version": "2022-11-28",
                "Content-Type": "application/json",
            },
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")

    return call


def find_comment(api: Api, repository: str, number: int) -> int | None:
    """The id of the workflow's earlier preview comment on the pull request, if any."""
    page = 1
    while True:
        path = f"/repos/{repository}/issues/{number}/comments?per_page=100&page={page}"
        comments = api("GET", path, None)
        if not isinstance(comments, list):
            return None
        for item in comments:
            author = (item.get("user") or {}).get("login")
            if author == BOT and (item.get("body") or "").startswith(MARKER):
                return int(item["id"])
        if len(comments) < 100:
            return None
        page += 1


def upsert(api: Api, repository: str, number: int, body: str) -> str:
    """Update the preview comment, or create it; returns ``"updated"`` or ``"created"``."""
    if not body.startswith(MARKER):
        body = f"{MARKER}\n{body}"
    existing = find_comment(api, repository, number)
    if existing is None:
        api("POST", f"/repos/{repository}/issues/{number}/comments", {"body": body})
        return "created"
    api("PATCH", f"/repos/{repository}/issues/comments/{existing}", {"body": body})
    return "updated"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--body", type=Path, required=True, help="Markdown file of the comment")
    args = parser.parse_args(argv)
    missing = [
        name
        for name in ("GITHUB_TOKEN", "GITHUB_REPOSITORY", "PR_NUMBER")
        if not os.environ.get(name)
    ]
    if missing:
        print(f"pr_comment: set {', '.join(missing)}", file=sys.stderr)
        return 2
    api = github_api(
        os.environ["GITHUB_TOKEN"], os.environ.get("GITHUB_API_URL", "https://api.github.com")
    )
    try:
        done = upsert(
            api,
            os.environ["GITHUB_REPOSITORY"],
            int(os.environ["PR_NUMBER"]),
            args.body.read_text(encoding="utf-8"),
        )
    except (HTTPError, URLError, OSError, ValueError) as error:
        print(f"pr_comment: the comment could not be written: {error}", file=sys.stderr)
        return 1
    print(f"pr_comment: {done} the preview comment")
    return 0


if __name__ == "__main__":
    sys.exit(main())
