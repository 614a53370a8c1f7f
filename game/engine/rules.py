"""The rules: one door into the engine. `start`, `options`, `resolve`; nothing here prints or sleeps.

In a format-1 scenario a game is played by one role, named to `start`. In a format-2 scenario every
role acts each turn in the scenario's order: `start` takes no role (None), and `options` and `resolve`
act for `state.role`, the role whose card is on the table.
"""

from __future__ import annotations

from game.i18n import _

from .core import Game, advance, apply, outcome_chances, pick, reached, table
from .model import Scenario
from .rng import OUTCOME, unit
from .state import OptionChosen, OptionView, OutcomeRolled, State, Turn

__all__ = ["IllegalMove", "opening", "options", "outcome_chances", "resolve", "start"]


class IllegalMove(ValueError):
    """A choice the rules do not allow: no such option, an unavailable one, or a finished game."""


def check_role(scenario: Scenario, role: str | None) -> None:
    """A format-1 game needs one of the scenario's roles; a format-2 game takes none (every role acts)."""
    if scenario.two_sided:
        if role:
            raise IllegalMove(f"scenario '{scenario.id}' is two-sided: every role acts, so a game starts with"
                              f" no role (the seats say who plays which)")
        return
    if role not in {r.id for r in scenario.roles}:
        known = ", ".join(r.id for r in scenario.roles)
        raise IllegalMove(f"no role '{role}' in scenario '{scenario.id}' (roles: {known})")


def game_table(scenario: Scenario, role: str | None):
    check_role(scenario, role)
    return table(scenario, scenario.acting(role))


def start(scenario: Scenario, role: str | None, seed: int) -> State:
    """A new game: start values, turn 1, and the first card drawn (after the world's first events)."""
    return opening(scenario, role, seed).state


def opening(scenario: Scenario, role: str | None, seed: int) -> Turn:
    """A new game as a Turn: its first state, and what happened on the way to the first decision (in a
    two-sided game, the world's events of turn 1; then the first card drawn)."""
    tb = game_table(scenario, role)
    meters = list(tb.start_meters)
    flags: set = set()
    seen = [0] * (tb.ncards * (len(tb.slots) + (tb.world is not None)))
    queue: list = []
    events: list = []
    t, s, idx, ending = advance(tb, Game(tb, seed), 1, 0, meters, flags, seen, queue, None, events, check=False)
    return Turn(State(scenario, tb.slots[s], seed, t, tuple(meters), frozenset(flags), idx, tuple(seen), tuple(queue),
                      (), ending), tuple(events))


def options(state: State) -> tuple[OptionView, ...]:
    """The options of the card on the table that the role to move may take, with availability, odds,
    outcome labels, and the ending each outcome would bring about now."""
    card = state.current_card
    if card is None:
        return ()
    tb = table(state.scenario, state.roles)
    deck = tb.decks[tb.slot_of[state.role]]
    m, f, t = state.meters, state.flags, state.turn
    last = tb.slot_of[state.role] == len(tb.slots) - 1
    views = []
    for i in deck.allowed[state.card]:
        opt = card.options[i]
        ok = opt.condition is None or bool(opt.condition.fn(m, f, t))
        reason = "" if ok else (opt.unavailable or _("needs {condition}").format(condition=opt.condition.text))
        chances = outcome_chances(opt, m, f, t)
        effects = tb.plays[state.card][i][3]
        ends = tuple(_ending_of(tb, eff, m, f, t, last) for eff in effects)
        views.append(OptionView(i, opt.label, ok, reason, chances, opt.historical,
                                tuple(out.label for out in opt.outcomes), ends))
    return tuple(views)


def _ending_of(tb, effects: tuple, meters, flags, t: int, last: bool) -> str | None:
    """The ending an outcome would bring about if it happened now, else None."""
    m, f = list(meters), set(flags)
    return apply(effects, t, m, f, [], None) or tb.check_end(m, f, t) or (
        tb.timeout if last and t >= tb.max_turns else None)


def resolve(state: State, choice: int) -> Turn:
    """Play option `choice` (its index on the card) for the role to move: roll, apply, check endings,
    then draw for the next role (or the next turn, after the world's events)."""
    card = state.current_card
    if card is None:
        raise IllegalMove("the game is over")
    if not 0 <= choice < len(card.options):
        raise IllegalMove(f"'{card.id}' has options 0 to {len(card.options) - 1}, not {choice}")
    tb = table(state.scenario, state.roles)
    s = tb.slot_of[state.role]
    if choice not in tb.decks[s].allowed[state.card]:
        raise IllegalMove(f"option {choice} of '{card.id}' is not open to role '{state.role}'")
    opt = card.options[choice]
    m, f, t = state.meters, state.flags, state.turn
    if opt.condition is not None and not opt.condition.fn(m, f, t):
        raise IllegalMove(f"option {choice} of '{card.id}' is not available: {opt.unavailable or opt.condition.text}")
    role = state.role if tb.world is not None else ""
    _cond, fixed, _opt, effects = tb.plays[state.card][choice]
    events: list = [OptionChosen(t, card.id, choice, opt.label, role)]
    chances = fixed if fixed is not None else outcome_chances(opt, m, f, t)
    roll = unit(state.seed, t, OUTCOME, s)
    k = pick(chances, roll)
    out = opt.outcomes[k]
    events.append(OutcomeRolled(t, card.id, choice, k, chances[k], roll, out.text, role, out.label,
                                reached(tb, t, state.seen)))

    meters = list(m)
    flags = set(f)
    queue = list(state.queue)
    seen = list(state.seen)
    ending = apply(effects[k], t, meters, flags, queue, events)
    t, s, idx, ending = advance(tb, Game(tb, state.seed), t, s, meters, flags, seen, queue, ending, events)
    return Turn(State(state.scenario, tb.slots[s], state.seed, t, tuple(meters), frozenset(flags), idx, tuple(seen),
                      tuple(queue), state.choices + (choice,), ending), tuple(events))

