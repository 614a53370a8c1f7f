"""Placeholders in a format-2 scenario's text: the date, the turn, the reader's role and meters' values.

    {date}          the turn's date, as the game shows dates ("4 Feb 2019")
    {turn}          the turn number
    {role}          the name of the role reading the text
    {meter.ID}      the meter's current value (a meter hidden from the reader shows as "?")
    {{  }}          a literal brace

Nothing else: a placeholder names one of these, never an expression, so filling one in evaluates
nothing. `problems` finds every unknown or malformed one (the loader reports them at their place in
the file); `fill` puts the values in for one reader. Format-1 text has no placeholders: it is shown
as written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Collection

from game.i18n import _

if TYPE_CHECKING:
    from .state import State

NAMES = ("date", "turn", "role", "meter.ID")
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def problems(text: str, meters: Collection[str]) -> list[tuple[int, str]]:
    """Every placeholder problem in `text`, as (offset of the brace, message)."""
    found = []
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        name = match.group(1)
        if name is None:
            found.append((match.start(), _("a lone '{brace}': write '{brace}{brace}' for a brace, or a placeholder"
                                           " such as {{date}} ({known})").format(brace=token, known=_known())))
            continue
        name = name.strip()
        if name in ("date", "turn", "role"):
            continue
        if name.startswith("meter."):
            meter = name[len("meter."):]
            if meter in meters:
                continue
            hint = _near(meter, list(meters))
            found.append((match.start(), _("unknown meter '{meter}' in placeholder {{{name}}}").format(
                meter=meter, name=name) + (_("; did you mean {{meter.{hint}}}?").format(hint=hint) if hint else "")))
            continue
        hint = _near(name, ["date", "turn", "role"] + [f"meter.{m}" for m in meters])
        found.append((match.start(), _("unknown placeholder {{{name}}}").format(name=name)
                      + (_("; did you mean {{{hint}}}?").format(hint=hint) if hint else f" ({_known()})")))
    return found


def _near(name: str, candidates: list[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return found[0] if found else None


def _known() -> str:
    return _("placeholders: {names}; '{{{{' and '}}}}' for braces").format(names=", ".join("{" + n + "}" for n in NAMES))


def has_placeholders(text: str) -> bool:
    return "{" in text or "}" in text


def fill(text: str, state: "State", reader: str | None, date: str) -> str:
    """`text` with its placeholders filled in for `reader` (a role id, or None for anyone), with the date
    already formatted by the caller. Text with no braces comes back unchanged."""
    if not has_placeholders(text):
        return text
    sc = state.scenario
    index = {m.id: i for i, m in enumerate(sc.meters)}

    def value(match: re.Match) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = (match.group(1) or "").strip()
        if name == "date":
            return date
        if name == "turn":
            return str(state.turn)
        if name == "role":
            return sc.role(reader).name if reader else ""
        if name.startswith("meter.") and name[6:] in index:
            meter = sc.meters[index[name[6:]]]
            return str(state.meters[index[meter.id]]) if meter.visible_to(reader) else "?"
        return token  # the loader refuses unknown placeholders; a hand-built scenario shows them as written

    return _TOKEN.sub(value, text)
