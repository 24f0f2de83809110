"""``python -m pelican.plugins.samspel.commands``: the same as ``samspel``."""

import sys

from .cli import main

sys.exit(main())
