"""Every HTML file of both sites passes the Nu Html Checker (vnu.jar) without errors.

All files go to one Java process (starting the JVM is the slow part). vnu.jar
comes from npm (``make test-tools``, pinned by package-lock.json) and runs on
the machine's Java; when either is missing the test fails and says what to run.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from helpers import REPO, Build

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run_vnu(files: list[str]) -> list[dict]:
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail(f"needs Java and {VNU.relative_to(REPO)}: run `make test-tools`")
    command = [java, "-jar", str(VNU), "--errors-only", "--format", "json", *files]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    return report["messages"]


def test_the_checker_reports_errors(tmp_path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><html lang=sv><title>x</title><p><div></p></html>")
    messages = run_vnu([str(broken)])
    assert any(message["type"] == "error" for message in messages)


def test_every_html_file_of_both_sites_is_valid(local_build: Build) -> None:
    files = [str(file) for lang in ("sv", "nb") for file in local_build.html_files(lang)]
    assert len(files) > 40
    messages = run_vnu(files)
    errors = [
        f"{message.get('url', '?').rsplit('/output/', 1)[-1]}:{message.get('lastLine', '?')}: "
        f"{message.get('message')}"
        for message in messages
        if message.get("type") in ("error", "non-document-error")
    ]
    assert not errors, "\n".join(errors)
