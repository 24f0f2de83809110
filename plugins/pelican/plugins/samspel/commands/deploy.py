"""Publish both sites as new releases and switch to them atomically; roll back in one command.

Each target (``DEPLOY_SE`` for output/se, ``DEPLOY_NO`` for output/no) is an
rsync destination: a local folder or ``user@host:/path``. A target holds::

    releases/20261129T120000.123456Z-4d426ca/   one complete copy of a site each
    current -> releases/20261129T120000.123456Z-4d426ca

The web server serves ``current``. A deploy first checks the build (both roots
complete, no broken link), then copies each root into ``releases/.incoming-<name>``
and renames it to ``releases/<name>`` only once the copy is complete, then points
``current`` at the new release of both sites: a new symlink beside ``current``,
renamed over it (one ``rename(2)``, so a reader sees the old release or the new
one, never none and never a half-copied one). The last 10 releases are kept
(and always the one ``current`` names). Remote targets get the same steps over
``ssh`` (command in ``DEPLOY_SSH``, default ``ssh``), copied with ``rsync``.

A pull request's preview (``make preview``, tools/preview.py) is deployed the same
way with ``--preview-se URL --preview-no URL``: its links are checked against
those addresses, and it has no sitemap.xml or robots.txt. Each target is then
the pull request's own folder, ``…/pr-<number>``; ``remove`` deletes both when
the pull request is closed, and refuses any folder not named so.

Usage: samspel deploy|rollback|remove-preview [--output output] [--settings publishconf.py]
       [--preview-se URL --preview-no URL]
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from ..sites.table import SITES
from . import linkcheck
from .preview import PreviewAddressError, add_preview_options, given_addresses, preview_addresses
from .project import project_root

ROOT = project_root()

#: environment variable -> publish root under the output folder (the table of sites)
TARGETS = {site.deploy_variable: site.folder for site in SITES}
#: what a complete root holds, whatever the content
REQUIRED_FILES = ("index.html", "404.html", "sitemap.xml", "robots.txt", "theme/css/site.css")
#: a preview has no sitemap.xml and no robots.txt (plugins/samspel/sites.py says why)
PREVIEW_REQUIRED_FILES = ("index.html", "404.html", "theme/css/site.css")
#: the only folders ``remove`` deletes: one pull request's preview
PREVIEW_FOLDER = re.compile(r"^pr-[0-9]+$")
KEEP = 10
INCOMING = ".incoming-"
REMOTE = re.compile(r"^(?P<host>[^/:]+):(?P<path>.+)$")


class DeployError(RuntimeError):
    """The deploy cannot go ahead; nothing visible was changed."""


def release_name(now: datetime | None = None, commit: str | None = None) -> str:
    """A name that sorts in deploy order: UTC time to the microsecond, then the commit."""
    moment = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S.%fZ")
    return f"{moment}-{commit}" if commit else moment


def head_commit() -> str | None:
    """The short commit being deployed (``GITHUB_SHA`` in CI), if any."""
    if os.environ.get("GITHUB_SHA"):
        return os.environ["GITHUB_SHA"][:12]
    result = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short=12", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() or None


def is_release(name: str) -> bool:
    return bool(name) and not name.startswith(".")


class LocalTarget:
    """A target folder on this machine."""

    def __init__(self, path: str) -> None:
        self.path = Path(path).resolve()
        self.label = str(self.path)

    def releases(self) -> list[str]:
        folder = self.path / "releases"
        if not folder.is_dir():
            return []
        return sorted(path.name for path in folder.iterdir() if is_release(path.name))

    def current(self) -> str | None:
        link = self.path / "current"
        return Path(os.readlink(link)).name if link.is_symlink() else None

    def upload(self, source: Path, name: str) -> None:
        releases = self.path / "releases"
        releases.mkdir(parents=True, exist_ok=True)
        incoming = releases / (INCOMING + name)
        shutil.rmtree(incoming, ignore_errors=True)
        shutil.copytree(source, incoming, symlinks=False)
        incoming.rename(releases / name)

    def switch(self, name: str) -> None:
        temporary = self.path / f".current-{name}"
        temporary.unlink(missing_ok=True)
        temporary.symlink_to(Path("releases") / name)
        os.replace(temporary, self.path / "current")

    def remove(self, name: str) -> None:
        shutil.rmtree(self.path / "releases" / name)

    def clean_incoming(self) -> None:
        folder = self.path / "releases"
        for stale in folder.glob(INCOMING + "*") if folder.is_dir() else []:
            shutil.rmtree(stale)

    def name(self) -> str:
        return self.path.name

    def delete(self) -> None:
        """Remove the whole target: every release and ``current`` (a closed preview)."""
        if self.path.exists():
            shutil.rmtree(self.path)


class RemoteTarget:
    """A target ``user@host:/path``: shell commands over ssh, files over rsync."""

    def __init__(self, host: str, path: str) -> None:
        self.host = host
        self.path = path.rstrip("/") or "/"
        self.label = f"{host}:{self.path}"
        self.ssh = shlex.split(os.environ.get("DEPLOY_SSH", "ssh"))

    def shell(self, script: str) -> str:
        result = subprocess.run(
            [*self.ssh, self.host, script], capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise DeployError(f"samspel: on {self.label}: {script!r} failed: {result.stderr}")
        return result.stdout

    def quoted(self, *parts: str) -> str:
        return shlex.quote("/".join((self.path, *parts)))

    def releases(self) -> list[str]:
        folder = self.quoted("releases")
        listing = self.shell(f"mkdir -p {folder} && ls -1A {folder}")
        return sorted(name for name in listing.split("\n") if is_release(name))

    def current(self) -> str | None:
        link = self.shell(f"readlink {self.quoted('current')} || true").strip()
        return link.rsplit("/", 1)[-1] or None

    def upload(self, source: Path, name: str) -> None:
        incoming = INCOMING + name
        previous = self.releases()
        command = ["rsync", "-rlpt", "--delete", "--checksum", "-e", shlex.join(self.ssh)]
        if previous:  # unchanged files become hard links to the last release: fast and small
            command.append(f"--link-dest=../{previous[-1]}")
        command += [f"{source}/", f"{self.host}:{self.path}/releases/{incoming}/"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise DeployError(f"samspel: rsync to {self.label} failed: {result.stderr}")
        self.shell(f"mv {self.quoted('releases', incoming)} {self.quoted('releases', name)}")

    def switch(self, name: str) -> None:
        temporary = self.quoted(f".current-{name}")
        self.shell(
            f"rm -f {temporary} && ln -s {shlex.quote('releases/' + name)} {temporary}"
            f" && mv -T {temporary} {self.quoted('current')}"
        )

    def remove(self, name: str) -> None:
        self.shell(f"rm -rf {self.quoted('releases', name)}")

    def clean_incoming(self) -> None:
        self.shell(f"rm -rf {self.quoted('releases')}/{INCOMING}*")

    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    def delete(self) -> None:
        """Remove the whole target: every release and ``current`` (a closed preview)."""
        self.shell(f"rm -rf {shlex.quote(self.path)}")


Target = LocalTarget | RemoteTarget


def target_for(destination: str) -> Target:
    match = REMOTE.match(destination)
    if match and "/" not in match["host"]:
        return RemoteTarget(match["host"], match["path"])
    return LocalTarget(destination)


def targets_from(environ: dict[str, str]) -> dict[str, Target]:
    """``{root folder: target}`` from DEPLOY_SE and DEPLOY_NO; both are required."""
    missing = [variable for variable in TARGETS if not environ.get(variable)]
    if missing:
        raise DeployError(f"samspel: set {' and '.join(missing)} (a folder or user@host:/path)")
    return {folder: target_for(environ[variable]) for variable, folder in TARGETS.items()}


def check_build(output: Path, settings: Path, preview: dict[str, str] | None = None) -> None:
    """Refuse an incomplete build or one with a broken link.

    ``preview``: the preview addresses the build was made for (its links are checked
    against them, and it has no sitemap to require).
    """
    required = PREVIEW_REQUIRED_FILES if preview else REQUIRED_FILES
    for folder in TARGETS.values():
        missing = [name for name in required if not (output / folder / name).is_file()]
        if missing:
            raise DeployError(
                f"samspel: {output / folder} is incomplete (missing {', '.join(missing)}); "
                "run `make publish` first. Nothing was deployed."
            )
    if linkcheck.run(settings, output, urls=preview) != 0:
        raise DeployError("samspel: the link check failed. Nothing was deployed.")


def prune(target: Target, keep: int = KEEP) -> list[str]:
    """Remove all but the newest ``keep`` releases, never the current one."""
    current = target.current()
    releases = target.releases()
    doomed = [name for name in releases[: max(len(releases) - keep, 0)] if name != current]
    for name in doomed:
        target.remove(name)
    return doomed


def deploy(
    output: Path,
    settings: Path,
    targets: dict[str, Target],
    name: str,
    preview: dict[str, str] | None = None,
) -> None:
    """Check, upload both roots, then switch both ``current`` links, then prune."""
    check_build(output, settings, preview)
    for folder, target in targets.items():
        target.clean_incoming()
        if name in target.releases():
            raise DeployError(f"samspel: release {name} already exists on {target.label}")
        target.upload(output / folder, name)
        print(f"deploy: uploaded {folder}/ to {target.label}/releases/{name}")
    for target in targets.values():
        target.switch(name)
        print(f"deploy: {target.label}/current -> releases/{name}")
    for target in targets.values():
        for removed in prune(target):
            print(f"deploy: removed old release {target.label}/releases/{removed}")


def rollback(targets: dict[str, Target]) -> None:
    """Point each ``current`` at the release before the one it names now."""
    plan = {}
    for target in targets.values():
        releases, current = target.releases(), target.current()
        if current is None:
            raise DeployError(f"samspel: {target.label} has no current release to roll back")
        older = [name for name in releases if name < current]
        if not older:
            raise DeployError(f"samspel: {target.label} has no release before {current}")
        plan[target.label] = (target, older[-1])
    for target, name in plan.values():
        target.switch(name)
        print(f"rollback: {target.label}/current -> releases/{name}")


def remove_previews(targets: dict[str, Target]) -> None:
    """Delete both targets of a closed pull request's preview; only folders named ``pr-<n>``.

    The check comes first for both, so that a wrong variable (the production
    target, say) deletes nothing at all.
    """
    for target in targets.values():
        if not PREVIEW_FOLDER.match(target.name()):
            raise DeployError(
                f"samspel: {target.label} is not a preview folder (pr-<number>); nothing removed"
            )
    for target in targets.values():
        target.delete()
        print(f"remove: deleted the preview {target.label}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "action", nargs="?", choices=["deploy", "rollback", "remove"], default="deploy"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "output")
    parser.add_argument("--settings", type=Path, default=ROOT / "publishconf.py")
    parser.add_argument("--release", help="release name (default: UTC time and commit)")
    add_preview_options(parser, "deploy a preview built for this address")
    args = parser.parse_args(argv)
    try:
        preview = None
        given = given_addresses(args)
        if given is not None:
            preview = preview_addresses(given)
        targets = targets_from(dict(os.environ))
        if args.action == "rollback":
            rollback(targets)
        elif args.action == "remove":
            remove_previews(targets)
        else:
            name = args.release or release_name(commit=head_commit())
            deploy(args.output.resolve(), args.settings.resolve(), targets, name, preview)
    except (DeployError, PreviewAddressError, OSError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
