"""The rules: one door into the engine. `start`, `options`, `resolve`; nothing here prints or sleeps."""

from __future__ import annotations

from .core import advance, apply, outcome_chances, pick, table
from .model import Scenario
from .rng import DRAW, OUTCOME, key, unit
from .state import OptionChosen, OptionView, OutcomeRolled, State, Turn

__all__ = ["IllegalMove", "options", "outcome_chances", "resolve", "start"]


class IllegalMove(ValueError):
    """A choice the rules do not allow: no such option, an unavailable one, or a finished game."""


def check_role(scenario: Scenario, role: str) -> None:
    if role not in {r.id for r in scenario.roles}:
        known = ", ".join(r.id for r in scenario.roles)
        raise IllegalMove(f"no role '{role}' in scenario '{scenario.id}' (roles: {known})")


def start(scenario: Scenario, role: str, seed: int) -> State:
    """A new game: start values, turn 1, and the first card drawn."""
    check_role(scenario, role)
    tb = table(scenario, role)
    meters = tb.start_meters
    flags: frozenset = frozenset()
    seen = [0] * len(scenario.cards)
    queue: list = []
    t, idx, ending = advance(tb, key(seed, DRAW), 1, meters, flags, seen, queue, None, [], check=False)
    return State(scenario, role, seed, t, meters, flags, idx, tuple(seen), tuple(queue), (), ending)


def options(state: State) -> tuple[OptionView, ...]:
    """The options of the card on the table, with availability and odds as they stand now."""
    card = state.current_card
    if card is None:
        return ()
    m, f, t = state.meters, state.flags, state.turn
    views = []
    for i, opt in enumerate(card.options):
        ok = opt.condition is None or bool(opt.condition.fn(m, f, t))
        reason = "" if ok else (opt.unavailable or f"needs {opt.condition.text}")
        views.append(OptionView(i, opt.label, ok, reason, outcome_chances(opt, m, f, t), opt.historical))
    return tuple(views)


def resolve(state: State, choice: int) -> Turn:
    """Play option `choice` of the card on the table: roll, apply, check endings, draw the next card."""
    card = state.current_card
    if card is None:
        raise IllegalMove("the game is over")
    if not 0 <= choice < len(card.options):
        raise IllegalMove(f"'{card.id}' has options 0 to {len(card.options) - 1}, not {choice}")
    opt = card.options[choice]
    m, f, t = state.meters, state.flags, state.turn
    if opt.condition is not None and not opt.condition.fn(m, f, t):
        raise IllegalMove(f"option {choice} of '{card.id}' is not available: {opt.unavailable or opt.condition.text}")
    tb = table(state.scenario, state.role)
    _cond, fixed, _opt, effects = tb.plays[state.card][choice]
    events: list = [OptionChosen(t, card.id, choice, opt.label)]
    chances = fixed if fixed is not None else outcome_chances(opt, m, f, t)
    roll = unit(state.seed, t, OUTCOME)
    k = pick(chances, roll)
    events.append(OutcomeRolled(t, card.id, choice, k, chances[k], roll, opt.outcomes[k].text))

    meters = list(m)
    flags = set(f)
    queue = list(state.queue)
    seen = list(state.seen)
    ending = apply(tb, effects[k], t, meters, flags, queue, events)
    mt, ft = tuple(meters), frozenset(flags)
    t, idx, ending = advance(tb, key(state.seed, DRAW), t, mt, ft, seen, queue, ending, events)
    choices = state.choices + (choice,)
    return Turn(State(state.scenario, state.role, state.seed, t, mt, ft, idx, tuple(seen), tuple(queue), choices,
                      ending), tuple(events))
