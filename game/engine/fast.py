"""Whole games in one call, for simulations: the rules `resolve` follows, without states or events.

`play` runs a game from its start and `play_on` continues one from a `State`, asking a chooser for
each decision. A chooser is called as ``choose(card, available, meters, flags, turn, rng)``: the
index of the card on the table, the indices of its available options (those the role may take whose
condition holds), the meters (a sequence in the scenario's order), the flags that are set, the turn,
and the `rng` the caller passed. It returns one of `available`. It must not change what it is given.
In a two-sided (format 2) game `choose` is one chooser per acting role, in turn order (a single
function serves every role). Given the same chooser decisions, a game here is the game
`start`/`resolve` play, move for move: tests/engine/test_fast.py proves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from .core import Game, advance, apply, outcome_chances, pick
from .model import Scenario
from .rng import unit_at
from .rules import IllegalMove, game_table
from .state import State

Choose = Callable[[int, tuple, Any, Any, int, Any], int]


@dataclass(frozen=True, slots=True)
class Played:
    """A finished game: how it ended, and each decision as (turn, card, option, outcome, meters after, slot)."""

    scenario: Scenario
    role: str  # the role played (format 1), or the last role to move (format 2)
    seed: int
    turn: int
    ending: str
    meters: tuple[int, ...]
    flags: frozenset[str]
    seen: tuple[int, ...]
    queue: tuple[tuple[int, int], ...]
    choices: tuple[int, ...]
    steps: tuple[tuple[int, int, int, int, tuple[int, ...], int], ...]

    @property
    def result(self) -> str:
        return self.scenario.ending(self.ending).result_for(self.role)

    def result_for(self, role: str) -> str:
        return self.scenario.ending(self.ending).result_for(role)

    def state(self) -> State:
        """The final state, as `resolve` would have returned it."""
        return State(self.scenario, self.role, self.seed, self.turn, self.meters, self.flags, -1, self.seen,
                     self.queue, self.choices, self.ending)


def _choosers(tb, choose: Choose | Sequence[Choose]) -> tuple:
    if callable(choose):
        return (choose,) * len(tb.slots)
    choosers = tuple(choose)
    if len(choosers) != len(tb.slots):
        raise ValueError(f"{len(choosers)} choosers for {len(tb.slots)} acting roles")
    return choosers


def play(scenario: Scenario, role: str | None, seed: int, choose: Choose | Sequence[Choose], rng: Any = None) -> Played:
    """Play a whole game from its start: the same game as `start(scenario, role, seed)` then `resolve`."""
    tb = game_table(scenario, role)
    meters = list(tb.start_meters)
    flags: set = set()
    seen = [0] * (tb.ncards * (len(tb.slots) + (tb.world is not None)))
    queue: list = []
    game = Game(tb, seed)
    t, s, idx, ending = advance(tb, game, 1, 0, meters, flags, seen, queue, None, None, check=False)
    return _run(tb, seed, _choosers(tb, choose), rng, game, t, s, idx, ending, meters, flags, seen, queue, [])


def play_on(state: State, choose: Choose | Sequence[Choose], rng: Any = None, seed: int | None = None) -> Played:
    """Continue a game from `state`. With `seed`, every draw and roll from this turn on uses that seed
    instead of the game's, so that many continuations of one position can differ by chance."""
    sc = state.scenario
    tb = game_table(sc, None if sc.two_sided else state.role)
    ending = state.ending
    seed = state.seed if seed is None else seed
    return _run(tb, seed, _choosers(tb, choose), rng, Game(tb, seed), state.turn,
                tb.slot_of[state.role], state.card if ending is None else -1, ending, list(state.meters),
                set(state.flags), list(state.seen), list(state.queue), list(state.choices))


def _run(tb, seed, choosers, rng, game, t, s, idx, ending, meters, flags, seen, queue, choices) -> Played:
    plays = tb.plays
    decks = tb.decks
    steps = []
    while idx >= 0:
        opts = plays[idx]
        deck = decks[s]
        avail = deck.always[idx]
        if avail is None:
            avail = tuple(k for k in deck.allowed[idx] if opts[k][0] is None or opts[k][0](meters, flags, t))
        c = choosers[s](idx, avail, meters, flags, t, rng)
        if c not in avail:
            raise IllegalMove(f"option {c} of '{tb.cards[idx].id}' is not available (available: {list(avail)})")
        _cond, fixed, option, effects = opts[c]
        k = pick(fixed if fixed is not None else outcome_chances(option, meters, flags, t), unit_at(game.rolls[s], t))
        choices.append(c)
        ending = apply(effects[k], t, meters, flags, queue, None)
        steps.append((t, idx, c, k, tuple(meters), s))
        t, s, idx, ending = advance(tb, game, t, s, meters, flags, seen, queue, ending, None)
    return Played(tb.scenario, tb.slots[s], seed, t, ending, tuple(meters), frozenset(flags), tuple(seen),
                  tuple(queue), tuple(choices), tuple(steps))
