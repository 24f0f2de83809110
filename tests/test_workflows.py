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
    for job_id, job in workflow["jobs"].items():
        allowed = [{}, {"contents": "read"}]
        if (name, job_id) in COMMENTING_JOBS:
            allowed.append(COMMENTING_PERMISSIONS)
        assert "permissions" not in job or job["permissions"] in allowed, job_id


#: the only jobs that may write anything: the preview comment on the pull request
COMMENTING_JOBS = {("pull-request.yml", "preview"), ("pull-request.yml", "remove-preview")}
COMMENTING_PERMISSIONS = {"contents": "read", "pull-requests": "write"}
OWN_BRANCH = "github.event.pull_request.head.repo.full_name == github.repository"


def test_pull_request_checks_tests_builds_and_previews() -> None:
    workflow = load("pull-request.yml")
    assert "pull_request" in workflow["on"]
    assert "pull_request_target" not in workflow["on"]
    assert "closed" in workflow["on"]["pull_request"]["types"]
    job = workflow["jobs"]["check"]
    assert job["if"] == "${{ github.event.action != 'closed' }}"
    assert "secrets." not in yaml.safe_dump(job), "the check job runs a fork's code: no secret"
    assert "permissions" not in job
    run = commands(job)
    lines = [line.strip() for line in run.splitlines()]
    assert lines.index("make check") < lines.index("make test") < lines.index("make publish")
    assert lines.index("make publish") < lines.index("make preview-offline")
    assert "SOURCE_DATE_EPOCH" in run
    assert "tools.changed_pages" in run and "GITHUB_STEP_SUMMARY" in run
    uploads = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload")]
    offline, deployed = uploads
    # the artefact every pull request gets, forks included: the offline preview
    assert offline["with"]["name"] == "preview-pr-${{ github.event.pull_request.number }}"
    assert offline["with"]["path"].split() == ["output/offline/se", "output/offline/no"]
    assert "OWN_BRANCH" not in offline["if"]
    assert deployed["with"]["path"] == "output/preview"
    (build,) = [s for s in job["steps"] if "make preview PREVIEW_SE=" in s.get("run", "")]
    assert "env.OWN_BRANCH == 'true'" in build["if"]
    assert job["env"]["OWN_BRANCH"] == "${{ " + OWN_BRANCH + " }}"
    assert set(build["env"]) == {"PREVIEW_URL_SE", "PREVIEW_URL_NO"}
    assert all(value.startswith("${{ vars.") for value in build["env"].values())


def test_the_preview_is_deployed_and_commented_only_for_branches_of_this_repository() -> None:
    workflow = load("pull-request.yml")
    job = workflow["jobs"]["preview"]
    assert job["needs"] == "check"
    assert job["if"] == "${{ github.event.action != 'closed' && " + OWN_BRANCH + " }}"
    assert job["permissions"] == COMMENTING_PERMISSIONS
    assert job["environment"]["name"] == "preview"
    run = commands(job)
    assert "samspel deploy --output output/preview" in run
    assert "--preview-se" in run and "--preview-no" in run
    assert "python -m tools.pr_comment --body output/preview/comment.md" in run
    (deploy,) = [s for s in job["steps"] if "samspel deploy" in s.get("run", "")]
    assert set(deploy["env"]) == {
        "PREVIEW_DEPLOY_SE",
        "PREVIEW_DEPLOY_NO",
        "PREVIEW_SE",
        "PREVIEW_NO",
    }
    (comment,) = [s for s in job["steps"] if "tools.pr_comment" in s.get("run", "")]
    assert comment["env"] == {"GITHUB_TOKEN": "${{ github.token }}"}
    assert all(not step.get("uses", "").startswith("actions/upload") for step in job["steps"])


def test_closing_the_pull_request_removes_its_preview() -> None:
    workflow = load("pull-request.yml")
    job = workflow["jobs"]["remove-preview"]
    assert job["if"] == "${{ github.event.action == 'closed' && " + OWN_BRANCH + " }}"
    assert "needs" not in job
    assert job["permissions"] == COMMENTING_PERMISSIONS
    assert job["environment"]["name"] == "preview"
    run = commands(job)
    assert "samspel remove-preview" in run and "/pr-$PR_NUMBER" in run
    assert "tools.pr_comment" in run
    assert set(workflow["jobs"]) == {"check", "preview", "remove-preview"}


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
