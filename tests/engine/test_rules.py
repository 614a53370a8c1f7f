"""The rules of a turn: drawing, options, chances, effects, endings and the calendar."""

import pytest

from game.engine import (
    CardDrawn, EndingReached, FlagChanged, IllegalMove, MeterChanged, OutcomeRolled, TurnPassed, options,
    outcome_chances, resolve, start,
)

from .build import End, Ending, Option, Outcome, Queue, SetFlag, SetMeter, Shift, card, n, plain, scenario, x


def play(state, choice=0):
    return resolve(state, choice)


def test_start_uses_each_roles_start_values_and_draws_a_card():
    sc = scenario([card("only")])
    a, b = start(sc, "a", 1), start(sc, "b", 1)
    assert (a.meter("army"), b.meter("army")) == (50, 70)
    assert a.turn == 1 and a.current_card.id == "only" and a.date.isoformat() == "2019-01-07"


def test_unknown_role_is_refused_by_name():
    with pytest.raises(IllegalMove, match="no role 'c'.*roles: a, b"):
        start(scenario([card("only")]), "c", 1)


def test_cards_are_drawn_only_for_their_roles_and_once_by_default():
    sc = scenario([card("for_a", roles=("a",)), card("for_b", roles=("b",))], max_turns=3)
    s = start(sc, "a", 5)
    assert s.current_card.id == "for_a"
    turn = play(s)  # for_a is used up and nothing else is for role a: turns pass until time runs out
    assert [e.turn for e in turn.events if isinstance(e, TurnPassed)] == [2, 3]
    assert turn.state.ending == "draw" and turn.events[-1] == EndingReached(3, "draw", "draw", turn.state.date)


def test_cooldown_keeps_a_repeatable_card_away_for_that_many_turns():
    sc = scenario([card("again", once=False, cooldown=2)], max_turns=9)
    s, drawn = start(sc, "a", 3), []
    while not s.over:
        drawn.append(s.turn)
        s = play(s).state
    assert drawn == [1, 4, 7]


def test_date_window_and_condition_gate_the_draw():
    sc = scenario([
        card("late", first_turn=3),
        card("rich", condition=x("cash >= 5")),
        card("filler", once=False, weight=n(0.001)),
    ], max_turns=4)
    seen = []
    s = start(sc, "a", 11)
    while not s.over:
        seen.append((s.turn, s.current_card.id))
        s = play(s).state
    assert ("rich" not in [c for _, c in seen])
    assert all(t >= 3 for t, c in seen if c == "late") and "late" in [c for _, c in seen]


def test_weights_shape_the_draw():
    sc = scenario([card("heavy", weight=n(9)), card("light", weight=n(1)), card("never", weight=n(0))])
    firsts = [start(sc, "a", seed).current_card.id for seed in range(2000)]
    assert "never" not in firsts
    assert 0.86 < firsts.count("heavy") / 2000 < 0.94


def test_weight_expressions_follow_the_meters():
    sc = scenario([card("war", weight=x("army / 10")), card("peace", weight=x("(100 - army) / 10"))])
    firsts_b = [start(sc, "b", seed).current_card.id for seed in range(2000)]  # army 70 for role b
    assert 0.65 < firsts_b.count("war") / 2000 < 0.75


def test_follow_ups_come_first_when_due_and_weight_zero_cards_only_that_way():
    sc = scenario([
        card("trigger", plain("go", Queue("sequel", 2)), weight=n(1000)),
        card("sequel", weight=n(0)),
        card("filler", once=False),
    ], max_turns=6)
    s = start(sc, "a", 2)
    order = []
    while not s.over:
        order.append(s.current_card.id)
        s = play(s).state
    assert order[0] == "trigger" and order[2] == "sequel" and order.count("sequel") == 1


def test_unavailable_options_are_shown_with_their_reason_and_refused():
    locked = Option("bribe", (Outcome(None, "paid"),), condition=x("cash > 5"), unavailable="not enough cash")
    sc = scenario([card("c", plain("wait"), locked, Option("hint", (Outcome(None, ""),), condition=x("army > 90")))])
    s = start(sc, "a", 1)
    views = options(s)
    assert [v.available for v in views] == [True, False, False]
    assert views[1].reason == "not enough cash" and views[2].reason == "needs army > 90"
    with pytest.raises(IllegalMove, match="not available: not enough cash"):
        resolve(s, 1)
    with pytest.raises(IllegalMove, match="options 0 to 2"):
        resolve(s, 7)


@pytest.mark.parametrize("chances, meters, expected", [
    ((0.3, 0.7), (50, 0), (0.3, 0.7)),
    ((0.3, None), (50, 0), (0.3, 0.7)),  # the open outcome takes the rest
    ((None,), (50, 0), (1.0,)),
    ((0.2, 0.2), (50, 0), (0.5, 0.5)),  # short of 1: scaled up
    ((0.9, 0.9, None), (50, 0), (0.5, 0.5, 0.0)),  # over 1: nothing left for the open one, scaled down
    ((0.0, 0.0), (50, 0), (0.5, 0.5)),  # nothing: equally likely
    ((1.5, -2), (50, 0), (1.0, 0.0)),  # each clamped to [0, 1] first
    ("army / 100", (80, 0), (0.8, 0.2)),
])
def test_outcome_chances_table(chances, meters, expected):
    if isinstance(chances, str):
        outs = (Outcome(x(chances), "yes"), Outcome(None, "no"))
    else:
        outs = tuple(Outcome(None if c is None else n(c), str(i)) for i, c in enumerate(chances))
    got = outcome_chances(Option("o", outs), meters, frozenset(), 1)
    assert got == pytest.approx(expected)


def test_outcomes_are_rolled_at_their_odds():
    opt = Option("gamble", (Outcome(n(0.3), "win", (Shift(0, 10),)), Outcome(None, "lose")))
    sc = scenario([card("bet", opt)])
    wins = sum(isinstance(e, OutcomeRolled) and e.outcome == 0 for seed in range(4000)
               for e in resolve(start(sc, "a", seed), 0).events)
    assert 0.27 < wins / 4000 < 0.33


def test_effects_apply_in_order_clamped_and_are_reported():
    opt = plain("all", Shift(0, 80), Shift(1, -50), SetMeter(1, 4), SetFlag("coup", True), SetFlag("coup", True))
    turn = resolve(start(scenario([card("c", opt)]), "a", 1), 0)
    s = turn.state
    assert s.meters == (100, 4) and s.flags == {"coup"}
    changes = [e for e in turn.events if isinstance(e, MeterChanged)]
    assert [(c.meter, c.before, c.after) for c in changes] == [("army", 50, 100), ("cash", 0, -10), ("cash", -10, 4)]
    assert [e for e in turn.events if isinstance(e, FlagChanged)] == [FlagChanged("coup", True)]


def test_an_end_effect_ends_the_game_after_the_outcome():
    win = Ending("won", "Won", "", {"a": "win", "b": "loss"})
    sc = scenario([card("c", plain("finish", End("won"), Shift(0, 5)))], endings=[win])
    turn = resolve(start(sc, "a", 1), 0)
    assert turn.state.over and turn.state.ending == "won" and turn.state.result == "win"
    assert turn.state.meter("army") == 55 and turn.events[-1] == EndingReached(turn.state.turn, "won", "win", turn.state.date)
    with pytest.raises(IllegalMove, match="over"):
        resolve(turn.state, 0)
    assert options(turn.state) == ()


def test_endings_are_checked_by_priority_and_the_calendar_times_out():
    low = Ending("low", "Low", "", {"a": "loss", "b": "win"}, condition=x("army >= 60"), priority=1)
    high = Ending("high", "High", "", {"a": "win", "b": "loss"}, condition=x("army >= 60"), priority=5)
    sc = scenario([card("push", plain("push", Shift(0, 20))), card("idle", once=False)], endings=[low, high],
                  max_turns=3)
    results = set()
    for seed in range(30):
        s = start(sc, "a", seed)
        while not s.over:
            s = resolve(s, 0).state
        results.add((s.ending, s.turn if s.ending == "draw" else None))
    assert results <= {("high", None), ("draw", 3)} and ("high", None) in results


def test_no_card_at_all_passes_every_turn_to_the_timeout():
    s = start(scenario([card("c", roles=("b",))], max_turns=4), "a", 1)
    assert s.over and s.ending == "draw" and s.turn == 4
