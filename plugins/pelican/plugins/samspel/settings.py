"""The plugin's settings: read once, from settings files that build on one another.

:func:`inherit` is how a settings file extends another (publishconf.py extends
pelicanconf.py; the tests' settings files extend it too) without putting a folder
on the module search path: the other file is run by path and its public names returned.
"""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any


def inherit(settings_file: str | Path) -> dict[str, Any]:
    """The public names of ``settings_file`` (what ``from pelicanconf import *`` gave).

    Use it as ``globals().update(inherit(".../pelicanconf.py"))`` at the top of a
    settings file, then override what differs.
    """
    names = runpy.run_path(str(settings_file))
    return {name: value for name, value in names.items() if not name.startswith("_")}
