"""Shared builds: the repository's own content, once with local and once with publish settings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import PUBLISH_SETTINGS, Build, run_build, write_content
from site_fixture import COMPLETE_SITE


@pytest.fixture(scope="session")
def local_build(tmp_path_factory) -> Build:
    build = run_build(tmp_path_factory.mktemp("local") / "output")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def publish_build(tmp_path_factory) -> Build:
    build = run_build(tmp_path_factory.mktemp("publish") / "output", settings=PUBLISH_SETTINGS)
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def complete_site(tmp_path_factory) -> Build:
    """The small complete bilingual site of ``site_fixture.py``, built once."""
    folder = tmp_path_factory.mktemp("complete-site")
    content = write_content(folder / "content", COMPLETE_SITE)
    build = run_build(folder / "output", content=content)
    assert build.returncode == 0, build.log
    return build


@pytest.fixture
def output(complete_site: Build, tmp_path: Path) -> Path:
    """A copy of the complete site's output that a test may break or deploy."""
    copy = tmp_path / "output"
    shutil.copytree(complete_site.output, copy)
    return copy
