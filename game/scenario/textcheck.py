"""Checks on text to read (format 2): placeholders at their place in the file, and texts given per role."""

from __future__ import annotations

from game.engine.text import problems
from game.i18n import _

from .conditions import Expressions, locate
from .located import Item, Sink
from .names import Names


def placeholders(item: Item, sub: tuple, text: str | dict | None, exprs: Expressions, sink: Sink) -> None:
    """Every unknown or malformed placeholder in a text (or in each role's text), located in the file."""
    if isinstance(text, dict):
        for role, each in text.items():
            placeholders(item, sub + (role,), each, exprs, sink)
        return
    if not text:
        return
    for offset, message in problems(text, exprs.meters):
        locate(sink, item, sub, text, offset, message)


def check_texts(item: Item, sub: tuple, text: str | dict, readers: list[str], reading: str, names: Names,
                sink: Sink) -> None:
    """A text given as {role: text} has an entry for every role in `readers` and for no other role."""
    if not isinstance(text, dict):
        return
    for role in text:
        if names.check(item, sub + (role,), "roles", role, at="key") and role not in readers:
            sink.error(item, sub + (role,), _("role '{role}' cannot {reading}, so this text is never read").format(
                role=role, reading=_(reading)),
                       at="key")
    missing = [r for r in readers if r not in text]
    if missing:
        listed = ", ".join(f"'{r}'" for r in missing)
        sink.error(item, sub, _("text has no entry for role {listed}; with a text per role, every role that may"
                                " {reading} needs one").format(listed=listed, reading=_(reading)), at="key")
