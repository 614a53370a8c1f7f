"""Two-sided simulations: one batch plays every role, each by its own policy, and each role gets its own tally."""

import random

import pytest

from game.bots import get_policy
from game.engine import resolve, start
from game.engine.fast import play
from game.sim.command import _Stop, policies
from game.sim.report import render, to_dict
from game.sim.runner import Batch, continuations, game_seed, simulate

from .two_sided import contest, windy

TIMINGS = ("elapsed_s", "games_per_s", "turns_per_s")


def strip(summary):
    return {k: v for k, v in to_dict(summary).items() if k not in TIMINGS}


def test_one_batch_gives_a_tally_per_role_of_the_same_games():
    sc = contest()
    a, b = simulate(sc, [Batch(None, "random", 400, 5, seats=(("b", "greedy"),))])
    assert (a.role, a.policy, b.role, b.policy) == ("a", "random", "b", "greedy")
    assert a.tally.runs == b.tally.runs == 400
    assert a.tally.endings == b.tally.endings and a.tally.turns == b.tally.turns
    # The rope is zero-sum: a's wins are b's losses, and the other way round.
    assert a.tally.results["win"] == b.tally.results["loss"] > 0
    assert a.tally.results["loss"] == b.tally.results["win"] > 0
    # The same results, game by game, as playing the games one at a time.
    choose = [get_policy("random").chooser(sc, "a"), get_policy("greedy").chooser(sc, "b")]
    games = [play(sc, None, game_seed(5, i), choose, random.Random(game_seed(5, i))) for i in range(400)]
    assert a.tally.results["win"] == sum(g.result_for("a") == "win" for g in games)
    assert a.tally.decisions == sum(len(g.steps) for g in games)


def test_each_role_covers_its_own_deck_and_the_worlds_events():
    sc = contest()
    a, b = (to_dict(s) for s in simulate(sc, [Batch(None, "random", 300, 2)]))
    assert set(a["cards_drawn"]) == {"heave_a", "gust"} and set(b["cards_drawn"]) == {"heave_b", "gust"}
    assert a["cards_drawn"]["gust"] == b["cards_drawn"]["gust"] > 0
    assert a["opponents"] == {"b": "random"} and b["opponents"] == {"a": "random"}


def test_a_loss_names_whose_decision_came_before_it():
    sc = contest()
    a, b = (to_dict(s) for s in simulate(sc, [Batch(None, "random", 500, 3)]))
    for d in (a, b):
        assert d["loss_causes"] and all(c["by"] in ("a", "b") for c in d["loss_causes"])
        assert {c["card"] for c in d["loss_causes"] if c["by"] == "a"} <= {"heave_a"}
        assert {c["card"] for c in d["loss_causes"] if c["by"] == "b"} <= {"heave_b"}
    # b loses when the rope reaches 80, most often on a's heave.
    assert b["loss_causes"][0]["by"] == "a"


def test_meter_paths_include_what_the_worlds_events_move():
    sc = windy()  # decisions do nothing; a sure gust adds 5 at the start of each of 5 turns
    (a, _b) = simulate(sc, [Batch(None, "random", 50, 1)])
    assert to_dict(a)["meters"]["rope"]["median"] == [55, 60, 65, 70, 75]


def test_results_are_identical_across_job_counts():
    sc = contest()
    batch = [Batch(None, "adaptive", 700, 9, seats=(("a", "greedy"),))]
    assert [strip(s) for s in simulate(sc, batch, jobs=1)] == [strip(s) for s in simulate(sc, batch, jobs=2)]


def test_greedy_plays_for_its_own_role_on_either_side():
    sc = contest()

    def wins(role, policy):
        summaries = simulate(sc, [Batch(None, "random", 600, 4, seats=((role, policy),))])
        return next(s for s in summaries if s.role == role).tally.results["win"] / 600

    for role in ("a", "b"):
        assert wins(role, "greedy") > wins(role, "random") + 0.2


def test_continuations_play_on_every_role_and_keep_the_past():
    sc = contest()
    state = start(sc, None, 8)
    for _ in range(5):
        state = resolve(state, 0).state
    assert state.role == "b"
    summary = continuations(state, "random", runs=200, seed=1)
    assert summary.role == "b" and summary.tally.runs == 200 and min(summary.tally.turns) >= state.turn
    mine = continuations(state, {"a": "greedy", "b": "historical"}, runs=200, seed=1, role="a")
    assert mine.role == "a" and mine.policy == "greedy" and mine.opponents == {"b": "historical"}
    d = to_dict(summary)
    # Turns before the one continued from have no figures: null, not 0.
    assert d["meters"]["rope"]["median"][: state.turn - 1] == [None] * (state.turn - 1)
    assert None not in d["meters"]["rope"]["median"][state.turn - 1:]
    assert "┤" in render(summary)


def test_the_report_hides_a_meter_the_scenario_hides_from_the_role():
    a, b = simulate(contest(), [Batch(None, "random", 50, 1)])
    assert "Nerve" in render(a) and "Nerve" not in render(b)
    assert "nerve" in to_dict(b)["meters"]  # the JSON, for designers, keeps every meter


@pytest.mark.parametrize("spec, expected", [
    (None, ("random", {})),
    ("greedy", ("greedy", {})),
    ("a=greedy,b=historical", ("random", {"a": "greedy", "b": "historical"})),
    ("adaptive, b=always:2", ("adaptive", {"b": "always:2"})),
    ("a=raise:rope", ("random", {"a": "raise:rope"})),
])
def test_policy_per_role_is_read(spec, expected):
    assert policies(spec, contest()) == expected


@pytest.mark.parametrize("spec, words", [
    ("c=greedy", "--policy: no role 'c' in scenario 'tug' (roles: a, b)"),
    ("a=clever", "unknown policy 'clever' (policies: random, historical, greedy, adaptive)"),
    ("greedy,random", "two policies for every role"),
    ("a=", "names no policy"),
    ("lower:gold", "no meter 'gold'"),
])
def test_a_bad_policy_per_role_is_refused_with_one_line(spec, words):
    with pytest.raises(_Stop) as err:
        policies(spec, contest())
    assert err.value.code == 2 and words in str(err.value) and "\n" not in str(err.value)


def test_a_two_sided_batch_is_refused_a_single_role():
    with pytest.raises(ValueError, match="two-sided"):
        simulate(contest(), [Batch("a", "random", 10)])
    with pytest.raises(ValueError, match="no role 'c'"):
        simulate(contest(), [Batch(None, "random", 10, seats=(("c", "greedy"),))])
