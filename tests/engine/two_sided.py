"""Hypothesis strategies for two-sided (format 2) scenarios built in Python: conditions, flags, queues,
fixed dates, world events, per-role options and computed effects, not only shifts."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from game.engine import Calendar, Card, End, Ending, Meter, Option, Outcome, Queue, Role, Scenario, SetFlag, SetMeter, Shift
from game.engine.expr import Expr

METERS = (("army", 0, 100, 50), ("cash", -10, 10, 0), ("mood", 0, 20, 10))
FLAGS = ("coup", "deal", "storm")
ROLES = ("a", "b")


def _leaf():
    return st.one_of(
        st.sampled_from([("meter", i, m[0]) for i, m in enumerate(METERS)]),
        st.integers(-20, 120).map(lambda v: ("num", v)),
        st.just(("turn",)),
    )


def numbers():
    """Numeric trees: meters, numbers, the turn, and + - * / between them (x / 0 included)."""
    return st.recursive(_leaf(), lambda inner: st.tuples(st.just("arith"), st.sampled_from("+-*/"), inner, inner),
                        max_leaves=3)


def conditions():
    num = numbers()
    cmp = st.tuples(st.just("cmp"), st.sampled_from(["<", "<=", ">", ">=", "==", "!="]), num, num)
    flag = st.sampled_from(FLAGS).map(lambda f: ("flag", f))
    base = st.one_of(cmp, flag, flag.map(lambda t: ("not", t)))
    return st.recursive(base, lambda inner: st.one_of(
        st.tuples(st.sampled_from(["and", "or"]), st.lists(inner, min_size=1, max_size=3).map(tuple)),
        inner.map(lambda t: ("not", t))), max_leaves=3)


def exprs(trees):
    return trees.map(Expr.from_tree)


def maybe(strategy):
    return st.one_of(st.none(), strategy)


# Built once: a recursive strategy is costly to build and check, cheap to draw from.
NUMBERS = numbers()
CONDITIONS = exprs(conditions())
WHEN = maybe(CONDITIONS)
CHANCES = st.one_of(st.floats(0, 1).map(Expr.number), exprs(NUMBERS.map(lambda t: ("arith", "/", t, ("num", 100)))))
METER = st.integers(0, len(METERS) - 1)
FIXED_EFFECTS = (
    st.builds(Shift, METER, st.one_of(st.integers(-30, 30), exprs(NUMBERS)), WHEN),
    st.builds(SetMeter, METER, st.one_of(st.integers(-10, 20), exprs(NUMBERS)), WHEN),
    st.builds(SetFlag, st.sampled_from(FLAGS), st.booleans(), WHEN),
)


def chances():
    return CHANCES


@st.composite
def effects(draw, cards: tuple[str, ...], endings: tuple[str, ...], max_turns: int):
    kinds = list(FIXED_EFFECTS) + [st.builds(End, st.sampled_from(endings), WHEN)]
    if cards:
        kinds.append(st.builds(Queue, st.sampled_from(cards), st.integers(1, 3), WHEN,
                               st.one_of(st.just(0), st.integers(1, max_turns + 2))))
    return tuple(draw(st.lists(st.one_of(*kinds), max_size=2)))


@st.composite
def outcomes(draw, cards, endings, max_turns):
    n = draw(st.integers(1, 2))
    outs = []
    for k in range(n):
        chance = None if k == n - 1 and draw(st.booleans()) else draw(chances())
        outs.append(Outcome(chance, f"o{k}", draw(effects(cards, endings, max_turns)), label=draw(st.sampled_from(["", f"l{k}"]))))
    return tuple(outs)


@st.composite
def scenarios(draw):
    """A two-sided scenario: roles a and b act every turn; some cards are world events, some fixed to a
    day of a turn (the turn's first or a later one), some options open to one role only, effects with
    conditions and computed amounts."""
    start = dt.date(2019, 1, 7)
    max_turns = draw(st.integers(1, 12))
    ncards = draw(st.integers(1, 5))
    ids = tuple(f"c{i}" for i in range(ncards))
    endings = ("win_a", "win_b", "tie")
    cards = []
    for i, cid in enumerate(ids):
        event = draw(st.integers(0, 4)) == 0
        fixed = draw(st.sampled_from([0, 0, 0, draw(st.integers(1, max_turns))]))
        first = draw(st.integers(1, max_turns))
        last = draw(st.integers(first, max_turns + 2))
        day = None
        if fixed:
            first = last = fixed
            day = start + dt.timedelta(days=7 * (fixed - 1) + draw(st.sampled_from([0, 0, 1, 3, 6])))
        common = dict(
            condition=draw(WHEN),
            weight=None if fixed else draw(maybe(st.one_of(st.floats(0, 3).map(Expr.number), exprs(NUMBERS)))),
            first_turn=first, last_turn=last, once=draw(st.booleans()),
            cooldown=draw(st.integers(0, 2)), fixed_turn=fixed, day=day,
        )
        if event:
            option = Option("", draw(outcomes(ids, endings, max_turns)))
            cards.append(Card(cid, cid, f"{cid} text", (option,), frozenset(), event=True, **common))
            continue
        roles = frozenset(draw(st.sampled_from([ROLES, ("a",), ("b",)])))
        opts = []
        for j in range(draw(st.integers(1, 2))):
            only = draw(st.sampled_from([None, None, frozenset({"a"}), frozenset({"b"})]))
            opts.append(Option(f"opt{j}", draw(outcomes(ids, endings, max_turns)),
                               condition=draw(WHEN) if j else None, roles=only))
        # Every role that draws the card keeps an option open to it without a condition.
        opts.append(Option("stay", (Outcome(None, "stayed", ()),)))
        cards.append(Card(cid, cid, f"{cid} text", tuple(opts), roles, **common))
    ends = (
        Ending("win_a", "A wins", "", {"a": "win", "b": "loss"}, condition=draw(WHEN), priority=2),
        Ending("win_b", "B wins", "", {"a": "loss", "b": "win"}, condition=draw(WHEN), priority=1),
        Ending("tie", "Tie", "", {"a": "draw", "b": "draw"}),
    )
    return Scenario(
        id="duel", title="Duel", version="1", description="",
        meters=tuple(Meter(mid, mid.title(), "", lo, hi, start) for mid, lo, hi, start in METERS),
        roles=(Role("a", "A", ""), Role("b", "B", "")),
        cards=tuple(cards), endings=ends,
        calendar=Calendar(start, 7, max_turns, "tie"),
        content_hash="h2", format=2, order=draw(st.sampled_from([ROLES, ROLES[::-1]])),
        event_chance=draw(maybe(CHANCES)),
    )
