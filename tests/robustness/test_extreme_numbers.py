"""Numbers from an untrusted scenario: whatever validate accepts, every evaluator computes without raising (the
engine, the interval analysis, every policy, the report, the odds shown); what cannot be computed, validate refuses
with a located message."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import options, resolve, start
from game.engine.reach import dead_content
from game.scenario import check
from game.sim.report import render, to_dict
from game.sim.runner import Batch, simulate

from .conftest import VALID, VALID2, scenario_copy

EXTREMES = [0, 1, -1, 0.5, 1e-300, 5e-324, -5e-324, 999_999_999, -999_999_999, 10**9, -10**9, 10**9 + 1,
            10**20, -10**20, 10**400, 1e308, -1e308, 1e309, float("inf"), float("-inf"), float("nan"), 2**63]
numbers = st.one_of(st.sampled_from(EXTREMES), st.floats(), st.integers())


def _literal(x) -> str:
    return repr(x) if not isinstance(x, float) or x == x and abs(x) != float("inf") else {
        float("inf"): "1e999", float("-inf"): "-1e999"}.get(x, "(1e999 - 1e999)")


SHAPES = ["{a}", "money * {a} * {a} * {a} * {a} * {a} * {a}", "{a} / (money - money + {b})", "{a} - {b} * {b}",
          "order * {a} * {a} * {a} * {a} * {a} * {a} * {a} * {a} * {a} * {a} * {a} * {a} * {a} * {a}",
          "(order + {a}) / ({b} * {b} * {b})", "{a} / {b} / {b} / {b} / {b}", "-({a} * {a}) * money"]
expressions = st.builds(lambda shape, a, b: shape.format(a=_literal(a), b=_literal(b)), st.sampled_from(SHAPES),
                        numbers, numbers)
PLACES = ["weight", "score", "ending", "timeout_ending", "meter", "days", "turns", "start", "condition"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _edit(place: str, expr: str, number):
    def edit(d):
        cards, endings = d["cards.yaml"]["cards"], d["endings.yaml"]["endings"]
        if place == "weight":
            cards[0]["weight"] = expr
        elif place == "score":
            d["scenario.yaml"]["roles"][0]["score"] = expr
        elif place == "ending":
            endings[0]["when"] = f"({expr}) > 3"
        elif place == "timeout_ending":
            endings[2]["when"] = f"({expr}) != 0"
        elif place == "meter":
            d["world.yaml"]["meters"][1].update(max=number)
        elif place == "days":
            d["scenario.yaml"]["calendar"]["days_per_turn"] = number
        elif place == "turns":
            d["scenario.yaml"]["calendar"]["max_turns"] = number
        elif place == "start":
            d["scenario.yaml"]["calendar"]["start"] = "9999-12-25"
        elif place == "condition":
            cards[0]["options"][0]["when"] = {"meter": "money", "gte": number}
    return edit


def _every_evaluator(scenario) -> None:
    dead_content(scenario)  # the interval analysis
    roles = [r.id for r in scenario.roles]
    for policy in ("random", "greedy", "historical"):
        if scenario.two_sided:
            batches = [Batch(None, policy, 6, 1)]
        else:
            batches = [Batch(role, policy, 6, 1) for role in roles]
        for summary in simulate(scenario, batches, 1):
            render(summary)
            to_dict(summary)
    from game.tui.views import option_odds

    state = start(scenario, None if scenario.two_sided else roles[0], 7)
    for _ in range(50):
        if state.over:
            break
        views = options(state)
        for view in views:
            option_odds(view, state)
        available = [k for k, v in enumerate(views) if v.available]
        state = resolve(state, available[0] if available else 0).state


def _answered(folder: Path) -> None:
    report = check(folder)
    assert not any("internal error" in p.message for p in report.problems), report.problems
    assert report.ok == (report.scenario is not None)
    if report.scenario is None:
        assert all(p.line >= 1 for p in report.errors), report.problems
        return
    _every_evaluator(report.scenario)


@SETTINGS
@given(place=st.sampled_from(PLACES), expr=expressions, number=numbers)
def test_format1_extreme_numbers(place, expr, number):
    with tempfile.TemporaryDirectory() as tmp:
        _answered(scenario_copy(Path(tmp) / "scenario", _edit(place, expr, number)))


def _edit2(place: str, expr: str):
    def edit(d):
        cards = d["cards.yaml"]["cards"]
        effects = cards[0]["options"][0]["outcomes"][0]["effects"]
        if place == "amount":
            effects[0]["by"] = expr.replace("money", "unrest")
        elif place == "set":
            effects[1]["to"] = expr.replace("money", "unrest")
        elif place == "events":
            d["scenario.yaml"]["turns"]["events"] = expr.replace("money", "unrest")
        elif place == "effect_when":
            effects[1]["when"] = f"({expr.replace('money', 'unrest')}) > 1"
    return edit


@SETTINGS
@given(place=st.sampled_from(["amount", "set", "events", "effect_when"]), expr=expressions)
def test_format2_extreme_numbers(place, expr):
    with tempfile.TemporaryDirectory() as tmp:
        _answered(scenario_copy(Path(tmp) / "scenario", _edit2(place, expr), VALID2))


def test_the_named_bugs_are_refused_with_a_location(tmp_path):
    for place, number in [("turns", 10**9), ("days", 10**20), ("start", None), ("meter", 10**400)]:
        report = check(scenario_copy(tmp_path / place, _edit(place, "1", number)))
        assert report.scenario is None and all(p.line >= 1 for p in report.errors), (place, report.problems)


def test_a_bound_expression_still_plays(tmp_path):
    """A product that overflows a float saturates: validate accepts it and every evaluator computes it."""
    folder = scenario_copy(tmp_path / "s", _edit("weight", "money * 1000000000 * 1000000000" + " * 1000000000" * 36,
                                                 0))
    report = check(folder)
    assert report.scenario is not None, report.problems
    _every_evaluator(report.scenario)
    shutil.rmtree(folder)
