"""The Jinja environment the classroom's HTML pages are drawn with: autoescaped, speaking the game's language."""

from __future__ import annotations

from pathlib import Path

import jinja2

from game import i18n

TEMPLATES = Path(__file__).resolve().parent / "templates"


def pages(folder: Path = TEMPLATES) -> jinja2.Environment:
    """Templates mark their words as {{ _("...") }} or {% trans %}...{% endtrans %}; they are looked up in the
    `crisis` catalog (make messages extracts them) when a page is drawn, so in the language of that moment."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True, extensions=["jinja2.ext.i18n"])
    env.install_gettext_callables(i18n._, i18n.ngettext, newstyle=True)
    env.globals["lang"] = i18n.language
    env.filters["percent"] = i18n.format_percent
    return env
