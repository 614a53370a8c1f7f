"""The interval analysis behind dead-content warnings: sound bounds for every kind of expression."""

import itertools
import math

import pytest

from game.engine.reach import Reach, dead_content, interval, truth

from .build import End, Ending, Option, Outcome, Queue, SetFlag, SetMeter, Shift, card, n, plain, scenario, x

METERS = [(0, 100), (-10, 10)]  # army, cash


@pytest.mark.parametrize("text", [
    "army >= 60", "army / cash", "cash * cash - army", "-(army + 3) / 2", "army > 50 and not flag.coup",
    "flag.coup or cash < -5", "(army - 50) * (cash + 1) >= 7", "turn * 2 > army", "army != 100", "cash == 3",
])
def test_every_value_an_expression_takes_lies_in_its_interval(text):
    e = x(text)
    lo, hi = interval(e.tree, METERS, {"coup"}, (1, 6))
    for army, cash, flags, turn in itertools.product(range(0, 101, 5), range(-10, 11), ({"coup"}, set()), (1, 6)):
        v = float(e((army, cash), frozenset(flags), turn))
        assert lo <= v <= hi, (army, cash, flags, turn, v)


@pytest.mark.parametrize("text, expected", [
    ("army > 100", (0, 0)), ("army <= 100", (1, 1)), ("army > 50", (0, 1)), ("flag.coup", (0, 0)),
    ("not flag.coup", (1, 1)), ("cash / 0 == 0", (1, 1)), ("army >= 0 and cash < 11", (1, 1)),
])
def test_truth_over_the_whole_meter_ranges(text, expected):
    assert truth(interval(x(text).tree, METERS, set(), (1, 6))) == expected


def test_division_by_an_interval_that_holds_zero_is_unbounded():
    lo, hi = interval(x("army / cash").tree, METERS, set(), (1, 1))
    assert lo == -math.inf and hi == math.inf


def test_meters_widen_only_in_the_direction_effects_push_them():
    sc = scenario([card("up", plain("up", Shift(0, 5)), once=False),
                   card("set", plain("set", SetMeter(1, 7), SetFlag("coup", True)))])
    r = Reach(sc, "a")
    assert r.meters == [[50, 100], [0, 7]] and r.flags == {"coup"}


def test_content_unlocked_by_other_content_counts_as_reachable():
    # The sequel has weight 0 but is queued; the coup card needs a flag the sequel sets.
    sc = scenario([
        card("start", plain("go", Queue("sequel", 1))),
        card("sequel", plain("plot", SetFlag("coup", True)), weight=n(0)),
        card("coup", plain("seize", End("junta")), condition=x("flag.coup")),
        card("orphan", weight=n(0)),
        card("late", first_turn=20),
    ], endings=[Ending("junta", "Junta", "", {"a": "win", "b": "loss"})], max_turns=8)
    dead = {d.id: d.reason for d in dead_content(sc)}
    assert set(dead) == {"orphan", "late"}
    assert "weight 0" in dead["orphan"] and "after the last turn" in dead["late"]


def test_an_outcome_with_no_chance_does_not_count():
    never = Option("try", (Outcome(n(0), "never", (Shift(0, -60),)), Outcome(None, "always", ())))
    sc = scenario([card("c", never, once=False)],
                  endings=[Ending("weak", "Weak", "", {"a": "loss", "b": "win"}, condition=x("army < 20"))])
    assert [d.id for d in dead_content(sc)] == ["weak"]
