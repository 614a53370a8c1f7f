"""Whole games in one call, for simulations: the rules `resolve` follows, without states or events.

`play` runs a game from its start and `play_on` continues one from a `State`, asking a chooser for
each decision. A chooser is called as ``choose(card, available, meters, flags, turn, rng)``: the
index of the card on the table, the indices of its available options, the meters (a sequence in
the scenario's order), the flags that are set, the turn, and the `rng` the caller passed. It returns
one of `available`. It must not change what it is given. Given the same chooser decisions, a game
here is the game `start`/`resolve` play, move for move: tests/engine/test_fast.py proves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .core import advance, apply, outcome_chances, pick, table
from .model import Scenario
from .rng import DRAW, OUTCOME, key, unit_at
from .rules import IllegalMove, check_role
from .state import State

Choose = Callable[[int, tuple, Any, Any, int, Any], int]


@dataclass(frozen=True, slots=True)
class Played:
    """A finished game: how it ended, and each turn played as (turn, card, option, outcome, meters after)."""

    scenario: Scenario
    role: str
    seed: int
    turn: int
    ending: str
    meters: tuple[int, ...]
    flags: frozenset[str]
    seen: tuple[int, ...]
    queue: tuple[tuple[int, int], ...]
    choices: tuple[int, ...]
    steps: tuple[tuple[int, int, int, int, tuple[int, ...]], ...]

    @property
    def result(self) -> str:
        return self.scenario.ending(self.ending).result_for(self.role)

    def state(self) -> State:
        """The final state, as `resolve` would have returned it."""
        return State(self.scenario, self.role, self.seed, self.turn, self.meters, self.flags, -1, self.seen,
                     self.queue, self.choices, self.ending)


def play(scenario: Scenario, role: str, seed: int, choose: Choose, rng: Any = None) -> Played:
    """Play a whole game from its start: the same game as `start(scenario, role, seed)` then `resolve`."""
    check_role(scenario, role)
    tb = table(scenario, role)
    meters = list(tb.start_meters)
    flags: set = set()
    seen = [0] * len(scenario.cards)
    queue: list = []
    t, idx, ending = advance(tb, key(seed, DRAW), 1, meters, flags, seen, queue, None, None, check=False)
    return _run(scenario, role, seed, choose, rng, t, idx, ending, meters, flags, seen, queue, [])


def play_on(state: State, choose: Choose, rng: Any = None, seed: int | None = None) -> Played:
    """Continue a game from `state`. With `seed`, every draw and roll from this turn on uses that seed
    instead of the game's, so that many continuations of one position can differ by chance."""
    tb = table(state.scenario, state.role)
    ending = state.ending
    return _run(state.scenario, state.role, state.seed if seed is None else seed, choose, rng, state.turn,
                state.card if ending is None else -1, ending, list(state.meters), set(state.flags),
                list(state.seen), list(state.queue), list(state.choices), tb)


def _run(scenario, role, seed, choose, rng, t, idx, ending, meters, flags, seen, queue, choices, tb=None) -> Played:
    tb = tb or table(scenario, role)
    plays, always = tb.plays, tb.always
    draws, rolls = key(seed, DRAW), key(seed, OUTCOME)
    steps = []
    while idx >= 0:
        opts = plays[idx]
        avail = always[idx]
        if avail is None:
            avail = tuple(k for k, o in enumerate(opts) if o[0] is None or o[0](meters, flags, t))
        c = choose(idx, avail, meters, flags, t, rng)
        if c not in avail:
            raise IllegalMove(f"option {c} of '{tb.cards[idx].id}' is not available (available: {list(avail)})")
        _cond, fixed, option, effects = opts[c]
        k = pick(fixed if fixed is not None else outcome_chances(option, meters, flags, t), unit_at(rolls, t))
        choices.append(c)
        ending = apply(tb, effects[k], t, meters, flags, queue, None)
        steps.append((t, idx, c, k, tuple(meters)))
        t, idx, ending = advance(tb, draws, t, meters, flags, seen, queue, ending, None)
    return Played(scenario, role, seed, t, ending, tuple(meters), frozenset(flags), tuple(seen), tuple(queue),
                  tuple(choices), tuple(steps))
