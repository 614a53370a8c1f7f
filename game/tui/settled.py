"""What settled a game, in the reader's words: the meters an ending's condition read, or the outcome that ended it.

The engine finds it (game.engine.explain); this module words it for the ending screen, the story log,
the move that ended the game and the debrief, hiding the meters a reader may not see.
"""

from __future__ import annotations

from collections.abc import Mapping

from game.engine import Scenario, State
from game.engine.explain import Ended, Term, ended_by_state, how_it_ended
from game.i18n import N_, _, format_number

from .record import Record
from .views import meter_name, quotable, role_name, shown

# A meter's bound as the reader is told it: "45 or less". The turn's: "from turn 30".
BOUNDS = {"<=": N_("{n} or less"), "<": N_("below {n}"), ">=": N_("{n} or more"), ">": N_("above {n}"),
          "==": N_("exactly {n}"), "!=": N_("not {n}")}
TURNS = {"<=": N_("up to turn {n}"), "<": N_("before turn {n}"), ">=": N_("from turn {n}"), ">": N_("after turn {n}"),
         "==": N_("on turn {n}"), "!=": N_("not on turn {n}")}
SEPARATOR = " · "


def number(x: float) -> str:
    return format_number(int(x)) if float(x).is_integer() else format_number(x)


def term_text(scenario: Scenario, term: Term, reader: str | None = None, names: Mapping[str, str] | None = None) -> str:
    """One term that held: "Street mobilisation 62 (50 or more)", "from turn 30", a flag's description, or
    a term reading a meter `reader` may not see as "a meter you cannot see"."""
    if term.kind == "meter":
        meter = scenario.meters[scenario.meter_index(term.meter)]
        if not meter.visible_to(reader):
            return _("a meter you cannot see")
        return f"{meter_name(meter, names)} {number(term.value)} ({_(BOUNDS[term.op]).format(n=number(term.bound))})"
    if term.kind == "turn":
        return _(TURNS[term.op]).format(n=number(term.bound))
    if term.kind == "flag":
        said = next((f.description for f in scenario.flags if f.id == term.flag and f.description), "") or term.flag
        said = said.rstrip().removesuffix(".")  # a description is a sentence; here it is one term of several
        return said if term.is_set else _("not true: {flag}").format(flag=said)
    if any(not scenario.meters[scenario.meter_index(m)].visible_to(reader) for m in term.reads):
        return _("a meter you cannot see")
    return term.text


def terms_text(scenario: Scenario, terms: tuple[Term, ...], reader: str | None = None,
               names: Mapping[str, str] | None = None) -> str:
    """The terms that held, one after another ("A 31 (45 or less) · B 62 (50 or more) · from turn 30"), each
    said once: the turn's last, since the meters are what a player can still move."""
    said: list[str] = []
    for term in sorted(terms, key=lambda t: t.kind == "turn"):
        text = term_text(scenario, term, reader, names)
        if text not in said:
            said.append(text)
    return SEPARATOR.join(said)


def ended(record: Record) -> Ended | None:
    """What ended a finished game: found from the decision that ended it, else from its last state."""
    for step in reversed(record.steps):
        if step.ending is not None:
            return how_it_ended(step.before, step.turn)
    return ended_by_state(record.state)


def settled_text(state: State, end: Ended | None, reader: str | None = None,
                 names: Mapping[str, str] | None = None) -> str:
    """A sentence saying what settled the game, for `reader` (None: every meter shown); "" when unknown.
    `state` is the game's last state (its text is filled in as of then); `names`: the meters as the panel beside
    names them (views.Names), where there is one."""
    if end is None:
        return ""
    sc = state.scenario
    if end.how == "condition":
        return _("What settled it: {terms}.").format(terms=terms_text(sc, end.terms, reader, names))
    if end.how == "calendar":
        return _("What settled it: time ran out; turn {turn} was the last.").format(turn=end.turn)
    card = sc.card(end.card)
    option = card.options[end.option]
    # The outcome in quotes, not brackets: a label may hold brackets of its own ('(as in 2019)').
    label = quotable(shown(option.outcomes[end.outcome].label, state, reader))
    title = quotable(shown(card.title, state, reader))
    if not end.role:
        said = (_("What settled it: the world's event “{card}”, its outcome “{outcome}”, ends the game.") if label
                else _("What settled it: the world's event “{card}” ends the game."))
        return said.format(card=title, outcome=label)
    chosen = quotable(shown(option.label, state, reader))
    if not sc.two_sided or end.role == reader:
        said = (_("What settled it: you chose “{option}” on “{card}”, and its outcome “{outcome}” ends the game.")
                if label else
                _("What settled it: you chose “{option}” on “{card}”, and its outcome ends the game."))
    else:
        said = (_("What settled it: {role} chose “{option}” on “{card}”, and its outcome “{outcome}” ends the game.")
                if label else
                _("What settled it: {role} chose “{option}” on “{card}”, and its outcome ends the game."))
    return said.format(role=role_name(sc, end.role), option=chosen, card=title, outcome=label)


def end_data(scenario: Scenario, end: Ended | None) -> dict | None:
    """What settled the game, as the JSON debrief records it (every meter: the debrief is the teacher's)."""
    if end is None:
        return None
    data: dict = {"how": end.how}
    if end.how == "condition":
        data["terms"] = [_term_data(scenario, t) for t in end.terms]
    elif end.how == "effect":
        data.update(card=end.card, option=end.option, outcome=end.outcome, role=end.role)
    return data


def _term_data(scenario: Scenario, term: Term) -> dict:
    said = term_text(scenario, term)
    if term.kind in ("meter", "turn"):
        data = {"kind": term.kind, "op": term.op, "bound": term.bound, "value": term.value, "text": said}
        return {"meter": term.meter, **data} if term.kind == "meter" else data
    if term.kind == "flag":
        return {"kind": "flag", "flag": term.flag, "set": term.is_set, "text": said}
    return {"kind": "other", "text": said}
