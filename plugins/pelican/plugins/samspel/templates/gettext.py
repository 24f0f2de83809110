"""A one-call ``_()`` for templates, with the catalogue i18n_subsites installs.

Jinja's i18n extension turns ``{{ _("Home") }}`` into three nested template calls
(``_`` resolves ``gettext``, which calls the catalogue), and our pages make about
forty of them each: a tenth of the rendering time of a build. i18n_subsites
still chooses and installs each site's catalogue; once it has, ``_`` is pointed
straight at that catalogue with the same new-style semantics (the result is
marked safe when autoescaping and always %-formatted with the keyword
arguments), so every page is byte for byte what it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from jinja2 import pass_eval_context
from markupsafe import Markup

log = logging.getLogger(__name__)


def shortcut(lookup: Callable[[str], str]) -> Callable[..., str]:
    """New-style ``_`` over one catalogue's ``gettext``.

    A string without variables gives the same result every time; it is kept (per
    catalogue and autoescape mode, for this environment's life) because a page
    asks for the same few dozen of them.
    """
    known: dict[tuple[str, bool], str] = {}

    @pass_eval_context
    def gettext_shortcut(eval_ctx, string: str, **variables) -> str:
        if not variables:
            result = known.get((string, eval_ctx.autoescape))
            if result is not None:
                return result
        text = lookup(string)
        if eval_ctx.autoescape:
            text = Markup(text)
        result = text % variables
        if not variables:
            known[(string, eval_ctx.autoescape)] = result
        return result

    return gettext_shortcut


def install_with_shortcut(environment, install, translations, newstyle=None) -> None:
    """Install the catalogue as Jinja does, then give ``_`` the short path."""
    install(translations, newstyle)
    if environment.newstyle_gettext:
        environment.globals["_"] = shortcut(translations.gettext)


def use_gettext_shortcut(generator) -> None:
    """On every generator whose templates have the i18n extension (``generator_init``)."""
    environment = getattr(generator, "env", None)
    install = getattr(environment, "install_gettext_translations", None)
    if install is not None:
        environment.install_gettext_translations = partial(
            install_with_shortcut, environment, install
        )
