"""``samspel``: the one command behind the Makefile's targets.

``samspel build``, ``serve``, ``check``, ``status``, ``new``, ``linkcheck``,
``deploy`` and ``rollback``, each a module of this package with its own
``main(argv)`` (MkDocs' layout). A command's module is imported only when it
runs, so that ``samspel check`` never imports Pelican's generators.
"""

from __future__ import annotations

import sys
from importlib import import_module

#: command -> (module of this package, arguments put before the user's, what it does)
COMMANDS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "build": ("build", (), "check the content and build both sites into output/"),
    "serve": ("serve", (), "serve both sites on their local ports (and rebuild on a change)"),
    "check": ("check", (), "name every mistake in content/, in Swedish or Norwegian"),
    "status": ("status", (), "translations missing or stale, tentative activities now past"),
    "new": ("new", (), "start a new item in both languages"),
    "linkcheck": ("linkcheck", (), "check every link in both built sites"),
    "deploy": ("deploy", ("deploy",), "publish both sites as new releases"),
    "rollback": ("deploy", ("rollback",), "switch both sites back to their previous release"),
    "remove-preview": ("deploy", ("remove",), "remove a pull request's preview of both sites"),
}


def usage() -> str:
    """The list of commands, for ``samspel`` without one or with ``--help``."""
    lines = ["usage: samspel COMMAND [options]   (samspel COMMAND --help for its options)", ""]
    lines += [f"  {name:<10} {about}" for name, (_, _, about) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the command named first in ``argv``; return its exit code."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help"):
        print(usage())
        return 0 if args else 2
    if args[0] not in COMMANDS:
        print(f"samspel: no command {args[0]!r}\n\n{usage()}", file=sys.stderr)
        return 2
    module, before, _ = COMMANDS[args[0]]
    command = import_module(f"{__package__}.{module}")
    return command.main([*before, *args[1:]]) or 0


if __name__ == "__main__":
    sys.exit(main())
