"""Where the project is: the folder the commands run in, as for ``pelican`` and ``mkdocs``.

The commands are installed (``samspel build``), so their own file says nothing about
the project they build: the settings files, ``content/``, ``theme/`` and ``output/``
are found in the working directory, which the Makefile and CI set to the repository.
"""

from __future__ import annotations

from pathlib import Path


def project_root() -> Path:
    """The project folder: the working directory (the Makefile runs every command there)."""
    return Path.cwd()
