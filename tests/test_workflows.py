"""The GitHub Actions workflows: valid against GitHub's schema, locked down, in the right order.

Validation uses the copy of SchemaStore's ``github-workflows.json`` that
check-jsonschema ships (``--builtin-schema vendor.github-workflows``), so it
needs no network.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import REPO

WORKFLOWS = REPO / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def validate(*files: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema"]
    command += ["vendor.github-workflows", *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def commands(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


ALL = sorted(path.name for path in WORKFLOWS.glob("*.y*ml"))


def test_there_are_the_two_workflows() -> None:
    assert {"publish.yml", "pull-request.yml"} <= set(ALL)


@pytest.mark.parametrize("name", ALL)
def test_workflow_validates_against_the_github_schema(name: str) -> None:
    result = validate(WORKFLOWS / name)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_rejects_an_invalid_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    steps:\n      - run: make\n")
    result = validate(broken)
    assert result.returncode != 0
    assert "runs-on" in result.stdout + result.stderr


@pytest.mark.parametrize("name", ALL)
def test_workflow_is_locked_down(name: str) -> None:
    workflow = load(name)
    assert workflow["permissions"] in ({}, {"contents": "read"})
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    for step in steps(workflow):
        if "uses" not in step:
            continue
        assert PINNED.match(step["uses"]), f"{step['uses']} is not pinned to a commit"
        line = next(line for line in text.splitlines() if step["uses"] in line)
        assert re.search(r"# v\d+\.\d+\.\d+$", line), f"no version comment: {line}"
        if step["uses"].startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
    for job in workflow["jobs"].values():
        assert "permissions" not in job or job["permissions"] in ({}, {"contents": "read"})


def test_pull_request_checks_tests_builds_and_previews() -> None:
    workflow = load("pull-request.yml")
    assert "pull_request" in workflow["on"]
    assert "pull_request_target" not in workflow["on"]
    assert "secrets." not in (WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8")
    (job,) = workflow["jobs"].values()
    run = commands(job)
    lines = [line.strip() for line in run.splitlines()]
    assert lines.index("make check") < lines.index("make test") < lines.index("make publish")
    assert "SOURCE_DATE_EPOCH" in run
    assert "tools.changed_pages" in run and "GITHUB_STEP_SUMMARY" in run
    (upload,) = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload")]
    assert upload["with"]["name"] == "preview-pr-${{ github.event.pull_request.number }}"
    assert upload["with"]["path"].split() == ["output/se", "output/no"]


def test_publish_deploys_only_after_a_successful_build() -> None:
    workflow = load("publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["on"]["schedule"], "no nightly run"
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "if" not in deploy, "the deploy job must not run when the build failed"
    run = commands(build)
    lines = [line.strip() for line in run.splitlines()]
    assert lines.index("make check") < lines.index("make test") < lines.index("make publish")
    assert "SOURCE_DATE_EPOCH" in run
    assert all("continue-on-error" not in step for step in build["steps"])
    assert "make deploy" in commands(deploy)
    assert "secrets." not in yaml.safe_dump(build)
    deploy_env = next(s["env"] for s in deploy["steps"] if "make deploy" in s.get("run", ""))
    assert set(deploy_env) == {"DEPLOY_SE", "DEPLOY_NO"}
