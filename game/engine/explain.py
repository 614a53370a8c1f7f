"""Why a game ended, or would end: the terms of an ending's condition that held, or the outcome whose `end` did it.

The screens word these; the engine only finds them. `held` walks a condition's parsed tree (see expr.py)
and returns the terms that held: every part of an `and`, the first branch of an `or` that held. A
meter or the turn compared with a number, and a flag set or not, are terms a reader can be told in
words; anything else (two meters compared, arithmetic) is kept as its source text.

`how_it_ended` reads one decision's turn (the state before it and the events `resolve` returned) and
says what ended the game: an outcome's `end` effect (the card, option and outcome), an ending's
condition (the terms that held), or the calendar. `outcome_ends` says the same, ahead of the roll, for
each outcome of an option on the table: whether it ends the game itself, brings about a condition, or
whether the game ends after this move whatever happens (a condition that already holds, the calendar).
"""

from __future__ import annotations

from dataclasses import dataclass

from .closures import compile_tree
from .core import apply, outcome_moves, table  # noqa: F401  (outcome_moves lives in core.py; still found here)
from .expr import Expr, names, render
from .state import EndingReached, FlagChanged, MeterChanged, OutcomeRolled, State, Turn

FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


@dataclass(frozen=True, slots=True)
class Term:
    """One part of a condition that held.

    kind "meter": `meter` (its id) had `value`, and `value op bound` held; kind "turn": the same for the
    turn; kind "flag": `flag` is set (`is_set`) or not; kind "other": a term with no words of its own,
    as its source text `text`, with the meters it reads (`reads`), so that a screen can hide one."""

    kind: str
    op: str = ""
    bound: float = 0
    value: int = 0
    meter: str = ""
    flag: str = ""
    is_set: bool = True
    text: str = ""
    reads: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Ended:
    """What ended a game. `how`: "effect" (the outcome `outcome` of option `option` of `card`, chosen by
    `role`, "" for a world event, called for the ending), "condition" (the ending's condition held: its
    `terms`), or "calendar" (the last turn was played)."""

    ending: str
    how: str
    turn: int
    terms: tuple[Term, ...] = ()
    card: str = ""
    option: int = 0
    outcome: int = 0
    role: str = ""


@dataclass(frozen=True, slots=True)
class OutcomeEnd:
    """How an outcome on the table would end the game if it happened now. `how`: "effect" (its own `end`),
    "condition" (its changes make an ending's condition hold), "already" (an ending's condition holds
    before the move, so the game ends after it whatever the result) or "calendar" (the last move of the
    last turn)."""

    ending: str
    how: str


def held(condition: Expr, meters, flags, turn: int) -> tuple[Term, ...]:
    """The terms of `condition` that held for these values; () when it does not hold."""
    if not condition(meters, flags, turn):
        return ()
    return tuple(_held(condition.tree, meters, flags, turn)) or (_other(condition.tree, condition.text),)


def _holds(node: tuple, meters, flags, turn: int) -> bool:
    return bool(compile_tree(node)(meters, flags, turn))


def _held(node: tuple, meters, flags, turn: int) -> list[Term]:
    kind = node[0]
    if kind == "and":
        return [term for part in node[1] for term in _held(part, meters, flags, turn)]
    if kind == "or":
        first = next((p for p in node[1] if _holds(p, meters, flags, turn)), None)
        return [] if first is None else _held(first, meters, flags, turn)
    if kind == "num":
        return []  # a constant true says nothing about the game
    if kind == "flag":
        return [Term("flag", flag=node[1])]
    if kind == "not" and node[1][0] == "flag":
        return [Term("flag", flag=node[1][1], is_set=False)]
    if kind == "cmp":
        op, left, right = node[1], node[2], node[3]
        if left[0] == "num" and right[0] in ("meter", "turn"):
            op, left, right = FLIPPED[op], right, left
        if right[0] == "num" and left[0] == "meter":
            return [Term("meter", op, right[1], meters[left[1]], meter=left[2])]
        if right[0] == "num" and left[0] == "turn":
            return [Term("turn", op, right[1], turn)]
    return [_other(node, render(node))]


def _other(node: tuple, text: str) -> Term:
    return Term("other", text=text, reads=tuple(sorted(names(node)[0])))


def how_it_ended(before: State, turn: Turn) -> Ended | None:
    """What ended the game in this decision's turn (`before` the state it was made in, `turn` what
    `resolve` returned); None when it did not end the game."""
    reached = next((e for e in turn.events if isinstance(e, EndingReached)), None)
    if reached is None:
        return None
    sc = before.scenario
    tb = table(sc, before.roles)
    meters, flags = list(before.meters), set(before.flags)
    last = None  # the last outcome rolled before the ending, with the meters and flags it found
    index = {m.id: i for i, m in enumerate(sc.meters)}
    for e in turn.events:
        if isinstance(e, EndingReached):
            break
        if isinstance(e, OutcomeRolled):
            last = (e, tuple(meters), frozenset(flags))
        elif isinstance(e, MeterChanged):
            meters[index[e.meter]] = e.after
        elif isinstance(e, FlagChanged):
            (flags.add if e.value else flags.discard)(e.flag)
    if last is not None:
        rolled, m0, f0 = last
        effects = tb.plays[sc.card_index(rolled.card)][rolled.option][3][rolled.outcome]
        if apply(effects, rolled.turn, list(m0), set(f0), [], None) == reached.ending:
            return Ended(reached.ending, "effect", reached.turn, card=rolled.card, option=rolled.option,
                         outcome=rolled.outcome, role=rolled.role)
    return ended_by_state(turn.state)


def ended_by_state(state: State) -> Ended | None:
    """What ended a finished game, read from its last state alone: the ending's condition if it holds
    there, else the calendar if the ending is its timeout; None otherwise (an `end` effect, which the
    state does not remember: `how_it_ended` finds it)."""
    if state.ending is None:
        return None
    ending = state.scenario.ending(state.ending)
    if ending.condition is not None:
        terms = held(ending.condition, state.meters, state.flags, state.turn)
        if terms:
            return Ended(ending.id, "condition", state.turn, terms)
    if ending.id == state.scenario.calendar.timeout_ending:
        return Ended(ending.id, "calendar", state.turn)
    return None


def outcome_ends(state: State, option: int) -> tuple[OutcomeEnd | None, ...]:
    """For each outcome of option `option` (its index on the card on the table): how it would end the game
    if it happened now, else None. The same endings `rules.options` gives, each with how it comes."""
    tb = table(state.scenario, state.roles)
    m, f, t = state.meters, state.flags, state.turn
    last = tb.slot_of[state.role] == len(tb.slots) - 1
    already = tb.check_end(m, f, t)
    found: list[OutcomeEnd | None] = []
    for effects in tb.plays[state.card][option][3]:
        meters, flags = list(m), set(f)
        called = apply(effects, t, meters, flags, [], None)
        if called is not None:
            found.append(OutcomeEnd(called, "effect"))
            continue
        ending = tb.check_end(meters, flags, t)
        if ending is not None:
            found.append(OutcomeEnd(ending, "already" if ending == already else "condition"))
        elif last and t >= tb.max_turns:
            found.append(OutcomeEnd(tb.timeout, "calendar"))
        else:
            found.append(None)
    return tuple(found)
