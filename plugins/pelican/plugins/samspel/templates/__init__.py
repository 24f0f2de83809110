"""Jinja filters and the gettext shortcut the theme's templates use."""
