"""A turn is told in calendar order: the world's events fixed to a later day of a turn happen when the turn
reaches that day, and every card, move, event and ending is dated with the day reached, which never goes
back."""

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import (
    Calendar, Card, CardDrawn, End, Ending, EndingReached, Meter, Option, Outcome, OutcomeRolled, Role,
    Scenario, Shift, TurnPassed, opening, options, resolve,
)
from game.engine.expr import Expr

from .test_fast import CHOOSERS
from .two_sided import scenarios

MONDAY = dt.date(2019, 1, 7)  # turn 1; turn 2 starts on 14 Jan, turn 3 on 21 Jan
BOTH = frozenset({"a", "b"})


def day(d: int) -> dt.date:
    return dt.date(2019, 1, d)


def sure(label, *effects):
    return Option(label, (Outcome(None, f"{label} done", tuple(effects)),))


def event(cid, on: dt.date, *effects, **kw) -> Card:
    turn = (on - MONDAY).days // 7 + 1
    return Card(cid, cid.title(), "", (sure("", *effects),), frozenset(), event=True, fixed_turn=turn,
                first_turn=turn, last_turn=turn, day=on, **kw)


def fixed(cid, on: dt.date, roles=BOTH) -> Card:
    turn = (on - MONDAY).days // 7 + 1
    return Card(cid, cid.title(), "", (sure("go"),), frozenset(roles), fixed_turn=turn, first_turn=turn,
                last_turn=turn, day=on)


def duel(cards, max_turns=4, endings=()) -> Scenario:
    return Scenario(
        id="week", title="Week", version="1", description="",
        meters=(Meter("army", "Army", "", 0, 100, 50),),
        roles=(Role("a", "A", ""), Role("b", "B", "")),
        cards=(Card("idle", "Idle", "", (sure("wait"),), BOTH, once=False),) + tuple(cards),
        endings=tuple(endings) + (Ending("tie", "Tie", "", {"a": "draw", "b": "draw"}),),
        calendar=Calendar(MONDAY, 7, max_turns, "tie"), content_hash="w", format=2, order=("a", "b"))


def story(sc: Scenario, seed: int = 1) -> list[tuple]:
    """The game as told, taking the first option each time: (turn, who, what, day) per card drawn, move,
    world event and ending."""
    turn = opening(sc, None, seed)
    told = []
    while True:
        for e in turn.events:
            if isinstance(e, CardDrawn):
                told.append((e.turn, e.role or "world", e.card, e.day))
            elif isinstance(e, OutcomeRolled) and e.role:
                told.append((e.turn, e.role, "moved", e.day))
            elif isinstance(e, EndingReached):
                told.append((e.turn, "end", e.ending, e.day))
        if turn.state.over:
            return told
        turn = resolve(turn.state, options(turn.state)[0].index)


def test_a_world_event_dated_mid_week_comes_after_the_undated_moves_and_before_a_later_fixed_card():
    # The shared "idle" is not drawn in the week of b's summit (it would reach b later): a waits alone.
    wait = Card("wait", "Wait", "", (sure("wait"),), frozenset({"a"}), once=False, weight=Expr.number(0.001))
    sc = duel([event("quake", day(16), Shift(0, -10)), fixed("summit", day(18), roles={"b"}),
               event("flood", day(24)), wait], max_turns=3)
    week2 = [line for line in story(sc) if line[0] == 2]
    assert week2 == [
        (2, "a", "wait", day(14)), (2, "a", "moved", day(14)),
        (2, "world", "quake", day(16)),
        (2, "b", "summit", day(18)), (2, "b", "moved", day(18)),
    ]
    # With no fixed card after it, the world's late event comes after both roles' moves, and before the
    # calendar's timeout, which is dated with it.
    week3 = [line for line in story(sc) if line[0] == 3]
    assert week3 == [
        (3, "a", "idle", day(21)), (3, "a", "moved", day(21)),
        (3, "b", "idle", day(21)), (3, "b", "moved", day(21)),
        (3, "world", "flood", day(24)),
        (3, "end", "tie", day(24)),
    ]


def test_a_fixed_card_shows_its_date_and_the_moves_after_it_in_the_turn_keep_it():
    # b has a card of its own: the shared "idle" comes to b only when a draws it (not in a's week of the oath).
    own = Card("watch", "Watch", "", (sure("wait"),), frozenset({"b"}), once=False)
    sc = duel([fixed("oath", day(17), roles={"a"}), own], max_turns=2)
    week2 = [line for line in story(sc) if line[0] == 2]
    assert week2 == [(2, "a", "oath", day(17)), (2, "a", "moved", day(17)),
                     (2, "b", "watch", day(17)), (2, "b", "moved", day(17)), (2, "end", "tie", day(17))]


def test_an_ending_a_late_world_event_brings_is_dated_on_its_day():
    sc = duel([event("collapse", day(10), End("fall"))],
              endings=(Ending("fall", "Fall", "", {"a": "win", "b": "loss"}),))
    assert story(sc)[-3:] == [(1, "b", "moved", day(7)), (1, "world", "collapse", day(10)), (1, "end", "fall", day(10))]


def test_a_late_world_event_whose_condition_fails_on_its_day_does_not_come_later_in_the_turn():
    # "flare" needs the army below 45 on 16 Jan: b's fixed card on the 18th lowers it, too late.
    cards = [event("flare", day(16), condition=Expr.from_tree(("cmp", "<", ("meter", 0, "army"), ("num", 45)))),
             Card("purge", "Purge", "", (sure("purge", Shift(0, -20)),), frozenset({"b"}), fixed_turn=2, first_turn=2,
                  last_turn=2, day=day(18))]
    told = story(duel(cards, max_turns=2))
    assert not any(what == "flare" for _t, _who, what, _day in told)


def test_a_late_world_event_rolls_the_same_however_the_turn_is_played_out():
    """Its roll depends on its place among the turn's late events, not on when a resolve call reaches it."""
    storm = Card("storm", "Storm", "", (Option("", (Outcome(Expr.number(0.5), "hits", (Shift(0, -5),)),
                                                  Outcome(None, "passes"))),), frozenset(), event=True,
                 fixed_turn=1, first_turn=1, last_turn=1, day=day(11))
    for seed in range(20):
        early = duel([storm, fixed("talk", day(12), roles={"a"})], max_turns=1)
        late = duel([storm], max_turns=1)
        rolls = []
        for sc in (early, late):
            turn = opening(sc, None, seed)
            events = list(turn.events)
            state = turn.state
            while not state.over:
                turn = resolve(state, 0)
                events += turn.events
                state = turn.state
            rolls.append([e.roll for e in events if isinstance(e, OutcomeRolled) and e.card == "storm"])
        assert rolls[0] == rolls[1] and len(rolls[0]) == 1


def _told(sc: Scenario, seed: int, choose) -> list:
    rng = random.Random(seed)
    turn = opening(sc, None, seed)
    events = list(turn.events)
    state = turn.state
    while not state.over:
        views = [v for v in options(state) if v.available]
        c = choose(state.card, tuple(v.index for v in views), state.meters, state.flags, state.turn, rng)
        turn = resolve(state, c)
        events += turn.events
        state = turn.state
    return events


@settings(max_examples=150, deadline=None)
@given(scenarios(), st.integers(0, 2**63), st.sampled_from(CHOOSERS))
def test_the_date_told_never_goes_back_and_a_world_event_keeps_its_own_date(sc, seed, choose):
    cal = sc.calendar
    last = None
    for e in _told(sc, seed, choose):
        if isinstance(e, (CardDrawn, OutcomeRolled, TurnPassed, EndingReached)):
            first = cal.date_of(e.turn)
            assert first <= e.day < first + dt.timedelta(days=cal.days_per_turn)
            assert last is None or e.day >= last, e
            last = e.day
        if isinstance(e, CardDrawn):
            card = sc.card(e.card)
            if card.day is not None and card.fixed_turn == e.turn:
                # A fixed-date card shows its own date, unless a card of a role before it was fixed later.
                assert e.day == card.day if card.event else e.day >= card.day
