"""The Pagefind search index: built into each root, main content only, or no build at all."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import pytest
from helpers import REPO, Build

FRAGMENT_HEADER = b"pagefind_dcd"


def indexed_pages(root) -> dict[str, str]:
    """URL -> indexed text, read from Pagefind's (gzip, JSON) fragment files."""
    pages = {}
    for fragment in sorted((root / "pagefind" / "fragment").iterdir()):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(FRAGMENT_HEADER)
        record = json.loads(data[len(FRAGMENT_HEADER) :])
        pages[record["url"]] = record["content"]
    return pages


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_each_site_indexes_its_main_content_only(local_build: Build, lang: str) -> None:
    root = local_build.root(lang)
    entry = json.loads((root / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == [lang]
    pages = indexed_pages(root)
    assert "/om-projektet/" in pages and "/aktiviteter/" in pages
    assert "/sok/" not in pages and "/404.html" not in pages
    header_and_footer = {"sv": "Medfinansieras av", "nb": "Medfinansiert av"}[lang]
    assert not any(header_and_footer in text for text in pages.values())
    assert any("Hilmarfestivalen" in text for text in pages.values())


def test_a_failed_index_fails_the_build_and_keeps_the_last_output(tmp_path) -> None:
    output = tmp_path / "output"
    (output / "se").mkdir(parents=True)
    (output / "se" / "last-good.txt").write_text("kept")
    env = dict(os.environ, PAGEFIND_GLOB="**/*.no-such-file")  # Pagefind finds no page
    command = [sys.executable, "-m", "tools.build", "--output", str(output)]
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    log = " ".join((result.stdout + result.stderr).split())  # the log wraps long lines
    assert "build failed" in log and "Pagefind" in log
    assert (output / "se" / "last-good.txt").read_text() == "kept"
    assert not (output / "no").exists()
