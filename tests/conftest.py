"""Shared builds: the repository's own content, once with local and once with publish settings."""

from __future__ import annotations

import pytest
from helpers import PUBLISH_SETTINGS, Build, run_build


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
