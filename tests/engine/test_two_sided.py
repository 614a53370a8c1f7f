"""Two-sided games (format 2): both roles act every turn in one world, and the fast runner plays the very
games the public API plays, on scenarios with conditions, flags, queues, fixed dates, world events,
per-role options and computed effects."""

import datetime as dt
import pickle
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import (
    Calendar, Card, CardDrawn, End, Ending, IllegalMove, Meter, Option, OptionChosen, Outcome, OutcomeRolled, Queue,
    Role, Scenario, SetFlag, Shift, TurnPassed, digest, log_of, options, replay, resolve, start,
)
from game.engine.expr import Expr, parse
from game.engine.fast import play

from .test_fast import CHOOSERS, api_game, last, same_game, uniform
from .two_sided import scenarios


@settings(max_examples=100, deadline=None)
@given(scenarios(), st.integers(0, 2**63), st.sampled_from(CHOOSERS), st.sampled_from(CHOOSERS))
def test_fast_games_equal_api_games_on_any_two_sided_scenario(sc, seed, first, second):
    api_state, api_steps = api_game(start(sc, None, seed), (first, second), random.Random(seed))
    fast = play(sc, None, seed, (first, second), random.Random(seed))
    same_game(api_state, api_steps, fast)
    for value, meter in zip(api_state.meters, sc.meters):
        assert meter.lo <= value <= meter.hi
    assert api_state.turn <= sc.calendar.max_turns


@settings(max_examples=40, deadline=None)
@given(scenarios(), st.integers(0, 2**63))
def test_a_two_sided_game_replays_from_its_log(sc, seed):
    state, _ = api_game(start(sc, None, seed), uniform, random.Random(seed))
    log = log_of(state)
    assert log.role == ""
    assert digest(replay(sc, log)) == digest(state)


M = {"army": 0, "cash": 1}


def x(text: str) -> Expr:
    return parse(text, M, ("coup",))


def duel(cards, event_chance=None, max_turns=6, endings=()) -> Scenario:
    return Scenario(
        id="duel", title="Duel", version="1", description="",
        meters=(Meter("army", "Army", "", 0, 100, 50, hidden_from=frozenset({"b"})), Meter("cash", "Cash", "", -10, 10, 0)),
        roles=(Role("a", "A", ""), Role("b", "B", "")), cards=tuple(cards),
        endings=tuple(endings) + (Ending("tie", "Tie", "", {"a": "draw", "b": "draw"}),),
        calendar=Calendar(dt.date(2019, 1, 7), 7, max_turns, "tie"), content_hash="d", format=2, order=("a", "b"),
        event_chance=event_chance)


def sure(label, *effects, roles=None, when=None):
    return Option(label, (Outcome(None, f"{label} done", tuple(effects)),), condition=when, roles=roles)


BOTH = frozenset({"a", "b"})


def test_every_role_acts_every_turn_in_order_and_sees_the_last_move():
    sc = duel([Card("push", "Push", "", (sure("up", Shift(0, 5)), sure("down", Shift(0, -5))), BOTH, once=False)])
    state = start(sc, None, 7)
    movers = []
    while not state.over:
        movers.append((state.turn, state.role))
        before = state.meter("army")
        state = resolve(state, 0).state
        if not state.over:
            assert state.meter("army") == min(100, before + 5)  # the next role draws after this move
    assert movers == [(t, r) for t in range(1, 7) for r in ("a", "b")]
    assert state.ending == "tie" and state.result_for("a") == "draw"


def test_a_shared_card_offers_each_role_its_own_options():
    card = Card("talks", "Talks", "Both sides at the table.",
                (sure("offer", roles=frozenset({"a"})), sure("accept", roles=frozenset({"b"})), sure("walk out")), BOTH,
                once=False)
    state = start(duel([card]), None, 1)
    assert [v.label for v in options(state)] == ["offer", "walk out"]
    with pytest.raises(IllegalMove, match="not open to role 'a'"):
        resolve(state, 1)
    state = resolve(state, 0).state
    assert state.role == "b"
    assert [(v.index, v.label) for v in options(state)] == [(1, "accept"), (2, "walk out")]


def test_a_fixed_card_comes_on_its_turn_before_any_draw_for_each_role_that_may_draw_it():
    cards = [Card("filler", "Filler", "", (sure("go"),), BOTH, once=False, weight=Expr.number(100)),
             Card("oath", "Oath", "", (sure("swear"),), BOTH, fixed_turn=3, first_turn=3, last_turn=3)]
    state, drawn = start(duel(cards), None, 5), []
    while not state.over:
        drawn.append((state.turn, state.role, state.current_card.id))
        state = resolve(state, 0).state
    assert [d for d in drawn if d[2] == "oath"] == [(3, "a", "oath"), (3, "b", "oath")]


def test_world_events_happen_at_the_start_of_a_turn_and_nobody_decides_them():
    storm = Card("storm", "Storm", "", (Option("", (Outcome(Expr.number(0.5), "it hits", (Shift(1, -3),), label="hits"),
                                                    Outcome(None, "it passes", (), label="passes"))),),
                 frozenset(), event=True, once=False)
    cards = [Card("wait", "Wait", "", (sure("wait"),), BOTH, once=False), storm]
    sc = duel(cards, event_chance=Expr.number(1.0))
    state = start(sc, None, 3)
    happened = 0
    while not state.over:
        turn = resolve(state, 0)
        for e in turn.events:
            if isinstance(e, OutcomeRolled) and e.role == "":
                happened += 1
                assert e.card == "storm" and e.label in ("hits", "passes")
        # Only people's choices are in the log; the world's rolls are not choices.
        assert not any(isinstance(e, OptionChosen) and e.card == "storm" for e in turn.events)
        state = turn.state
    assert happened == 5  # turns 2..6 (turn 1's event came with start)
    assert len(state.choices) == 12


def test_a_queued_card_honours_its_own_date_window():
    cards = [Card("spark", "Spark", "", (sure("light", Queue("fire", 1)),), frozenset({"a"}), first_turn=1, last_turn=1,
                  weight=Expr.number(1e9)),
             Card("fire", "Fire", "", (sure("burn"),), frozenset({"a"}), weight=Expr.number(0), first_turn=4, last_turn=5),
             Card("idle", "Idle", "", (sure("idle"),), BOTH, once=False)]
    state, drawn = start(duel(cards), None, 2), []
    while not state.over:
        drawn.append((state.turn, state.role, state.current_card.id))
        state = resolve(state, 0).state
    assert ("fire" in [d[2] for d in drawn]) and [d[0] for d in drawn if d[2] == "fire"] == [4]


def test_an_effect_with_a_condition_applies_only_when_it_holds_and_amounts_are_computed():
    card = Card("levy", "Levy", "", (sure("tax", Shift(1, x("army / 20")), Shift(0, -10, when=x("cash > 100"))),),
                frozenset({"a"}), once=False)
    idle = Card("idle", "Idle", "", (sure("idle"),), frozenset({"b"}), once=False)
    turn = resolve(start(duel([card, idle]), None, 1), 0)
    assert turn.state.meters == (50, 3)  # 50 / 20 = 2.5 rounds half away from zero; the army levy never applied


def test_options_mark_the_outcome_that_would_end_the_game():
    gamble = Option("gamble", (Outcome(Expr.number(0.3), "won", (End("a_wins"),), label="jackpot"),
                               Outcome(None, "lost", (Shift(1, -1),), label="nothing")))
    sc = duel([Card("bet", "Bet", "", (gamble, sure("fold")), BOTH, once=False)],
              endings=[Ending("a_wins", "A wins", "", {"a": "win", "b": "loss"})])
    (view, _fold) = options(start(sc, None, 1))
    assert view.labels == ("jackpot", "nothing") and view.ends == ("a_wins", None)


def test_a_two_sided_scenario_takes_no_role_and_a_format1_one_needs_one():
    sc = duel([Card("idle", "Idle", "", (sure("idle"),), BOTH, once=False)])
    with pytest.raises(IllegalMove, match="two-sided"):
        start(sc, "a", 1)
    assert start(sc, None, 1).role == "a"


def test_no_card_for_a_role_passes_its_turn_and_the_other_still_acts():
    sc = duel([Card("only_a", "A's", "", (sure("go"),), frozenset({"a"}), once=False)])
    turn = resolve(start(sc, None, 1), 0)
    assert any(isinstance(e, TurnPassed) and e.role == "b" for e in turn.events)
    assert turn.state.role == "a" and turn.state.turn == 2


def test_a_pickled_two_sided_scenario_plays_the_same_games():
    sc = duel([Card("push", "Push", "", (sure("up", Shift(0, 5)), sure("down", Shift(1, -1))), BOTH, once=False)])
    again = pickle.loads(pickle.dumps(sc))
    for seed in range(20):
        assert play(again, None, seed, last).steps == play(sc, None, seed, last).steps


def test_the_same_seed_gives_each_role_its_own_dice():
    # The rolls of the two roles on one turn come from different streams: not the same number twice.
    coin = Option("toss", (Outcome(Expr.number(0.5), "heads", ()), Outcome(None, "tails", ())))
    sc = duel([Card("coin", "Coin", "", (coin,), BOTH, once=False)], max_turns=30)
    state, rolls = start(sc, None, 11), []
    while not state.over:
        turn = resolve(state, 0)
        rolls += [(e.turn, e.role, e.roll) for e in turn.events if isinstance(e, OutcomeRolled)]
        state = turn.state
    by_turn = {}
    for t, role, roll in rolls:
        by_turn.setdefault(t, {})[role] = roll
    assert all(r["a"] != r["b"] for r in by_turn.values())


def test_events_record_who_drew_and_who_chose():
    sc = duel([Card("push", "Push", "", (sure("up"),), BOTH, once=False)])
    turn = resolve(start(sc, None, 1), 0)
    chosen = next(e for e in turn.events if isinstance(e, OptionChosen))
    drawn = next(e for e in turn.events if isinstance(e, CardDrawn))
    assert (chosen.role, drawn.role) == ("a", "b")


def test_flag_effects_and_conditions_on_a_world_event():
    alarm = Card("alarm", "Alarm", "", (Option("", (Outcome(None, "sirens", (SetFlag("coup", True),)),)),), frozenset(),
                 event=True, fixed_turn=2, first_turn=2, last_turn=2)
    watch = Card("watch", "Watch", "", (sure("look"),), BOTH, once=False)
    state = start(duel([watch, alarm]), None, 1)
    state = resolve(resolve(state, 0).state, 0).state
    assert state.turn == 2 and "coup" in state.flags


def test_the_opening_turn_tells_what_the_world_did_before_the_first_decision():
    from game.engine import opening

    alarm = Card("alarm", "Alarm", "", (Option("", (Outcome(None, "sirens", (Shift(1, 4),)),)),), frozenset(),
                 event=True, fixed_turn=1, first_turn=1, last_turn=1)
    sc = duel([Card("watch", "Watch", "", (sure("look"),), BOTH, once=False), alarm])
    turn = opening(sc, None, 3)
    assert digest(turn.state) == digest(start(sc, None, 3))
    kinds = [type(e).__name__ for e in turn.events]
    assert kinds[:2] == ["CardDrawn", "OutcomeRolled"] and turn.events[0].card == "alarm"
    assert turn.state.meter("cash") == 4


def _own_and_shared(max_turns=12):
    """Each role with cards of its own, and shared once-only cards drawn at random."""
    own = [Card(f"{r}{k}", f"{r}{k}", "", (sure("go"),), frozenset({r}), once=False, cooldown=1)
           for r in ("a", "b") for k in range(3)]
    shared = [Card(f"s{k}", f"S{k}", "", (sure("go"),), BOTH) for k in range(6)]
    return duel(own + shared, max_turns=max_turns)


def test_a_shared_card_drawn_at_random_reaches_every_role_that_may_draw_it_in_the_same_turn():
    sc = _own_and_shared()
    met = 0
    for seed in range(40):
        state, lived = start(sc, None, seed), {}
        while not state.over:
            card = state.current_card.id
            if card.startswith("s"):
                lived.setdefault(card, {})[state.role] = state.turn
            state = resolve(state, 0).state
        for card, turns in lived.items():
            assert turns.keys() == {"a", "b"} and turns["a"] == turns["b"], (seed, card, turns)
            met += 1
    assert met > 40  # the shared cards did come up


def test_a_shared_card_comes_to_the_other_role_only_if_its_condition_still_holds():
    vote = Card("vote", "Vote", "", (sure("stay"), sure("sink", Shift(0, -10))), BOTH, condition=x("army >= 50"),
                weight=Expr.number(1000))
    watch = Card("watch", "Watch", "", (sure("go"),), frozenset({"b"}), once=False)
    sc = duel([vote, watch])
    state = start(sc, None, 3)
    assert (state.role, state.current_card.id) == ("a", "vote")
    assert resolve(state, 0).state.current_card.id == "vote"  # a stayed: b votes in the same turn
    assert resolve(state, 1).state.current_card.id == "watch"  # a sank the army below 50: b does not


def test_a_shared_card_is_not_drawn_on_a_turn_when_the_other_role_has_a_fixed_card():
    # b's meeting is fixed to turn 2: a shared card a drew then would reach b only weeks later.
    summit = Card("meeting", "Meeting", "", (sure("go"),), frozenset({"b"}), fixed_turn=2, first_turn=2, last_turn=2)
    sc = _own_and_shared(max_turns=4)
    sc = duel(sc.cards + (summit,), max_turns=4)
    for seed in range(60):
        state = start(sc, None, seed)
        while not state.over:
            if state.turn == 2:
                assert not state.current_card.id.startswith("s"), seed
            state = resolve(state, 0).state
