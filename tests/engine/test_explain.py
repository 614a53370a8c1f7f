"""Why a game ended: the terms of an ending's condition that held, the outcome whose `end` did it, or the
calendar; and, ahead of a roll, how each outcome on the table would end the game."""

from __future__ import annotations

import pytest

from game.engine import End, Ending, Option, Outcome, Shift, resolve, start
from game.engine.explain import Term, held, how_it_ended, outcome_ends
from game.engine.expr import Expr

from .build import card, n, plain, scenario, x


@pytest.mark.parametrize("condition, army, cash, flags, turn, terms", [
    ("army <= 45 and cash >= 5", 31, 6, (), 1,
     (Term("meter", "<=", 45, 31, meter="army"), Term("meter", ">=", 5, 6, meter="cash"))),
    # An `or` gives the branch that held, not the one that was written first.
    ("army <= 28 or (turn >= 30 and army <= 45 and cash > 2)", 31, 3, (), 30,
     (Term("turn", ">=", 30, 30), Term("meter", "<=", 45, 31, meter="army"), Term("meter", ">", 2, 3, meter="cash"))),
    ("army <= 28 or (turn >= 30 and army <= 45)", 20, 0, (), 30, (Term("meter", "<=", 28, 20, meter="army"),)),
    ("60 > army", 50, 0, (), 1, (Term("meter", "<", 60, 50, meter="army"),)),  # the meter comes first
    ("10 <= army <= 60", 50, 0, (), 1, (Term("meter", ">=", 10, 50, meter="army"),
                                        Term("meter", "<=", 60, 50, meter="army"))),
    ("flag.coup and cash == 0", 0, 0, ("coup",), 1, (Term("flag", flag="coup"), Term("meter", "==", 0, 0, meter="cash"))),
    ("not flag.coup", 0, 0, (), 1, (Term("flag", flag="coup", is_set=False),)),
    ("army > cash", 5, 1, (), 1, (Term("other", text="army > cash", reads=("army", "cash")),)),  # no words for two meters: its text
    ("army * 2 >= 10", 5, 0, (), 1, (Term("other", text="(army * 2) >= 10", reads=("army",)),)),
    ("true", 0, 0, (), 1, (Term("other", text="true"),)),  # nothing to say but the condition itself
    ("army <= 45 and cash >= 5", 31, 4, (), 1, ()),  # it does not hold: nothing held
])
def test_the_terms_that_held(condition, army, cash, flags, turn, terms):
    assert held(x(condition), (army, cash), frozenset(flags), turn) == terms


def _ended_after(sc, choice: int = 0):
    before = start(sc, "a", 1)
    return how_it_ended(before, resolve(before, choice))


def test_an_ending_by_its_condition_names_the_meters_that_settled_it():
    sc = scenario([card("push", plain("push", Shift(0, 20)), roles=("a",), once=False)],
                  [Ending("won", "Won", "", {"a": "win"}, condition=x("army >= 60 and cash <= 0"))])
    end = _ended_after(sc)
    assert (end.ending, end.how, end.turn) == ("won", "condition", 1)
    assert end.terms == (Term("meter", ">=", 60, 70, meter="army"), Term("meter", "<=", 0, 0, meter="cash"))


def test_an_ending_by_an_end_effect_names_the_card_option_and_outcome():
    # The ending's condition holds too: what ended the game is still the outcome's `end`.
    risky = Option("risk it", (Outcome(n(0.0), "safe", ()), Outcome(None, "lost", (Shift(0, 20), End("won")))))
    sc = scenario([card("gamble", plain("wait"), risky, roles=("a",))],
                  [Ending("won", "Won", "", {"a": "win"}, condition=x("army >= 60"))])
    end = _ended_after(sc, 1)
    assert (end.how, end.card, end.option, end.outcome, end.role) == ("effect", "gamble", 1, 1, "")
    assert end.terms == ()


def test_an_end_effect_that_did_not_fire_is_not_what_ended_the_game():
    guarded = Option("try", (Outcome(None, "tried", (End("won", when=x("cash > 5")), Shift(0, 20))),))
    sc = scenario([card("try", guarded, roles=("a",))],
                  [Ending("won", "Won", "", {"a": "win"}, condition=x("army >= 60"))])
    end = _ended_after(sc)
    assert end.how == "condition" and end.terms == (Term("meter", ">=", 60, 70, meter="army"),)


def test_the_last_turn_ends_by_the_calendar():
    sc = scenario([card("wait", plain("wait"), roles=("a",), once=False)], max_turns=1)
    end = _ended_after(sc)
    assert (end.ending, end.how, end.turn) == ("draw", "calendar", 1)


def test_a_decision_that_does_not_end_the_game_has_no_explanation():
    sc = scenario([card("wait", plain("wait"), roles=("a",), once=False)], max_turns=3)
    assert _ended_after(sc) is None


def test_each_outcome_says_how_it_would_end_the_game():
    # A condition that holds from turn 2 whatever is chosen; on turn 1 only the push brings one about.
    options = (Option("push", (Outcome(n(0.5), "up", (Shift(0, 20),)), Outcome(None, "down", (Shift(0, -20),)))),
               Option("quit", (Outcome(None, "gone", (End("won"),)),)))
    sc = scenario([card("c", *options, roles=("a",), once=False)],
                  [Ending("late", "Late", "", {"a": "loss"}, condition=x("turn >= 2"), priority=1),
                   Ending("won", "Won", "", {"a": "win"}, condition=x("army >= 60"))])
    first = start(sc, "a", 1)
    assert [e and (e.ending, e.how) for e in outcome_ends(first, 0)] == [("won", "condition"), None]
    assert [(e.ending, e.how) for e in outcome_ends(first, 1)] == [("won", "effect")]
    sc2 = scenario([card("c", *options, roles=("a",), once=False)],
                   [Ending("late", "Late", "", {"a": "loss"}, condition=x("turn >= 1"), priority=1)], max_turns=1)
    state = start(sc2, "a", 1)
    assert [(e.ending, e.how) for e in outcome_ends(state, 0)] == [("late", "already"), ("late", "already")]
    sc3 = scenario([card("c", *options, roles=("a",), once=False)], max_turns=1)
    assert [(e.ending, e.how) for e in outcome_ends(start(sc3, "a", 1), 0)] == [("draw", "calendar")] * 2


def test_the_explainer_never_changes_how_conditions_are_read():
    # `held` reads the tree expr.py parses; an unparsed structured tree reads the same.
    tree = ("and", (("cmp", "<=", ("meter", 0, "army"), ("num", 45)), ("flag", "coup")))
    assert held(Expr.from_tree(tree), (40, 0), frozenset({"coup"}), 1) == (
        Term("meter", "<=", 45, 40, meter="army"), Term("flag", flag="coup"))
