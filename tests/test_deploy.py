"""Deploy: new release folders, one atomic switch of `current`, rollback, pruning, refusal."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from helpers import DEPLOY_TARGETS, LOCAL_SETTINGS, PUBLISH_SETTINGS, REPO
from pelican.plugins.samspel.commands import deploy

SITES = DEPLOY_TARGETS


def files_of(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def run_deploy(
    output: Path,
    targets: dict[str, Path | str],
    *args: str,
    settings: Path = LOCAL_SETTINGS,
    **env: str,
):
    environment = {**os.environ, **{name: str(target) for name, target in targets.items()}, **env}
    command = [
        sys.executable,
        "-m",
        "pelican.plugins.samspel.commands.deploy",
        *args,
        "--output",
        str(output),
    ]
    command += ["--settings", str(settings)]
    return subprocess.run(
        command, cwd=REPO, env=environment, capture_output=True, text=True, check=False
    )


def current_release(target: Path) -> str:
    link = target / "current"
    assert link.is_symlink()
    return Path(os.readlink(link)).name


class Watcher(threading.Thread):
    """A reader resolving `current` in a loop: each time, the release it finds must be complete."""

    def __init__(self, target: Path, expected: set[str]) -> None:
        super().__init__(daemon=True)
        self.target, self.expected = target, expected
        self.stop = threading.Event()
        self.seen: set[str] = set()
        self.looks = 0
        self.failures: list[str] = []

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                try:  # one readlink: what a web server following the link would get
                    resolved = self.target / os.readlink(self.target / "current")
                except FileNotFoundError:
                    if self.looks:  # once there, `current` must never be missing
                        self.failures.append("current is missing")
                    continue  # before the first deploy there is no current at all
                self.looks += 1
                if resolved.parent != self.target / "releases" or resolved.name.startswith("."):
                    self.failures.append(f"current -> {resolved}")
                elif files_of(resolved) != self.expected:
                    self.failures.append(f"incomplete release {resolved.name}")
                else:
                    self.seen.add(resolved.name)
            except OSError as error:
                self.failures.append(repr(error))


def test_deploy_twice_switches_atomically_then_rolls_back(output: Path, tmp_path: Path) -> None:
    targets = {name: tmp_path / f"www-{folder}" for name, folder in SITES.items()}
    watchers = [Watcher(targets[name], files_of(output / folder)) for name, folder in SITES.items()]
    for watcher in watchers:
        watcher.start()
    try:
        first = run_deploy(output, targets)
        assert first.returncode == 0, first.stderr
        second = run_deploy(output, targets)
        assert second.returncode == 0, second.stderr
    finally:
        for watcher in watchers:
            watcher.stop.set()
            watcher.join()
    for name, watcher in zip(SITES, watchers, strict=True):
        assert watcher.failures == []
        assert watcher.looks > 0
        releases = sorted(p.name for p in (targets[name] / "releases").iterdir())
        assert len(releases) == 2, releases  # no .incoming-* left behind
        assert current_release(targets[name]) == releases[1]
        assert watcher.seen <= set(releases)
        assert files_of(targets[name] / "current") == files_of(output / SITES[name])
    assert current_release(targets["DEPLOY_SE"]) == current_release(targets["DEPLOY_NO"])

    back = run_deploy(output, targets, "rollback")
    assert back.returncode == 0, back.stderr
    for target in targets.values():
        assert current_release(target) == sorted(os.listdir(target / "releases"))[0]
    again = run_deploy(output, targets, "rollback")
    assert again.returncode == 1
    assert "no release before" in again.stderr
    for target in targets.values():  # a refused rollback changes nothing
        assert current_release(target) == sorted(os.listdir(target / "releases"))[0]


@pytest.mark.parametrize("damage", ["missing page", "missing root", "broken link"])
def test_a_failed_build_leaves_current_untouched(output: Path, tmp_path: Path, damage: str) -> None:
    targets = {name: tmp_path / f"www-{folder}" for name, folder in SITES.items()}
    assert run_deploy(output, targets).returncode == 0
    before = {name: current_release(target) for name, target in targets.items()}
    if damage == "missing page":
        (output / "no" / "index.html").unlink()
    elif damage == "missing root":
        shutil.rmtree(output / "se")
    else:
        page = output / "se" / "nyheter" / "rapport" / "index.html"
        page.write_text(
            page.read_text(encoding="utf-8").replace("</main>", '<a href="/borta/">x</a></main>'),
            encoding="utf-8",
        )
    result = run_deploy(output, targets)
    assert result.returncode == 1
    assert "Nothing was deployed" in result.stderr
    for name, target in targets.items():
        assert current_release(target) == before[name]
        assert os.listdir(target / "releases") == [before[name]]


def test_a_local_build_is_never_deployed_as_the_real_sites(output: Path, tmp_path: Path) -> None:
    targets = {name: tmp_path / f"www-{folder}" for name, folder in SITES.items()}
    result = run_deploy(output, targets, settings=PUBLISH_SETTINGS)
    assert result.returncode == 1
    assert "was built for http://localhost:8000/" in result.stdout
    assert not any(target.exists() for target in targets.values())


def test_missing_targets_are_refused(output: Path) -> None:
    result = run_deploy(output, {}, DEPLOY_SE="", DEPLOY_NO="")
    assert result.returncode == 1
    assert "DEPLOY_SE and DEPLOY_NO" in result.stderr


def test_only_the_last_ten_releases_are_kept(output: Path, tmp_path: Path) -> None:
    targets = {
        folder: deploy.LocalTarget(str(tmp_path / f"www-{folder}")) for folder in SITES.values()
    }
    names = [f"r{number:02d}" for number in range(1, 13)]
    for name in names:
        deploy.deploy(output, LOCAL_SETTINGS, targets, name)
    for target in targets.values():
        assert target.releases() == names[2:]
        assert target.current() == "r12"


def test_release_names_sort_in_deploy_order() -> None:
    from datetime import UTC, datetime

    early = deploy.release_name(datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC), "abc")
    late = deploy.release_name(datetime(2026, 1, 2, 3, 4, 5, 7, tzinfo=UTC), "000")
    assert early == "20260102T030405.000006Z-abc"
    assert early < late


def test_remote_target_over_ssh_and_rsync(output: Path, tmp_path: Path) -> None:
    """`user@host:/path` goes through ssh and rsync; a stand-in ssh runs the commands here."""
    if shutil.which("rsync") is None:
        pytest.fail("rsync is not installed: run `make test-tools` (apt-get install rsync)")
    fake_ssh = tmp_path / "fake-ssh"
    log = tmp_path / "ssh.log"
    fake_ssh.write_text(  # rsync calls `ssh -l deploy web.example rsync --server ...`
        "#!/bin/sh\n"
        'while [ "$1" = -l ]; do echo "user $2" >> "$LOG"; shift 2; done\n'
        'echo "host $1" >> "$LOG"\nshift\nexec sh -c "$*"\n'
    )
    fake_ssh.chmod(0o755)
    targets = {
        name: f"deploy@web.example:{tmp_path}/remote-{folder}" for name, folder in SITES.items()
    }
    for _ in range(2):
        result = run_deploy(output, targets, DEPLOY_SSH=str(fake_ssh), LOG=str(log))
        assert result.returncode == 0, result.stderr
    assert set(log.read_text().splitlines()) == {
        "host deploy@web.example",
        "host web.example",
        "user deploy",
    }
    for folder in SITES.values():
        remote = tmp_path / f"remote-{folder}"
        releases = sorted(os.listdir(remote / "releases"))
        assert len(releases) == 2
        assert current_release(remote) == releases[1]
        assert files_of(remote / "current") == files_of(output / folder)
        # unchanged files are hard links to the previous release, not second copies
        assert (remote / "releases" / releases[1] / "index.html").stat().st_nlink == 2
    result = run_deploy(output, targets, "rollback", DEPLOY_SSH=str(fake_ssh), LOG=str(log))
    assert result.returncode == 0, result.stderr
    for folder in SITES.values():
        remote = tmp_path / f"remote-{folder}"
        assert current_release(remote) == sorted(os.listdir(remote / "releases"))[0]
