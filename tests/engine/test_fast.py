"""The fast runner plays exactly the games the public API plays: same draws, rolls, meters, endings, digest."""

import dataclasses
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import IllegalMove, OutcomeRolled, digest, options, replay, resolve, start
from game.engine.fast import play, play_on
from game.engine.replay import log_of
from tests.sim.tutorial import build as tutorial

from .build import End, Ending, Option, Outcome, Queue, SetFlag, Shift, card, n, scenario, x
from .test_properties import scenarios


def uniform(card, available, meters, flags, turn, rng):
    return available[int(rng.random() * len(available))]


def last(card, available, meters, flags, turn, rng):
    return available[-1]


def cautious(card, available, meters, flags, turn, rng):
    # Reads the meters and the turn, as real policies do, so a wrong view of either shows.
    return available[(meters[0] + turn + card) % len(available)]


CHOOSERS = [uniform, last, cautious]


def api_game(state, choose, rng):
    """Play on with start/options/resolve; returns the end state and each step as the fast runner records
    it. `choose` is one chooser, or one per acting role in turn order."""
    steps = []
    while not state.over:
        slot = state.roles.index(state.role)
        chooser = choose if callable(choose) else choose[slot]
        available = tuple(v.index for v in options(state) if v.available)
        card, turn = state.card, state.turn
        choice = chooser(card, available, state.meters, state.flags, turn, rng)
        result = resolve(state, choice)
        # The decision's own roll (a world event's come after it, with role "").
        rolled = next(e for e in result.events if isinstance(e, OutcomeRolled))
        after = _meters_after_decision(state, result)
        state = result.state
        steps.append((turn, card, choice, rolled.outcome, after, slot))
    return state, tuple(steps)


def _meters_after_decision(before, result):
    """The meters right after the decision's own effects, before any world event of the next turn."""
    from game.engine import CardDrawn, MeterChanged

    meters = list(before.meters)
    index = {m.id: i for i, m in enumerate(before.scenario.meters)}
    for e in result.events:
        if isinstance(e, CardDrawn) or (isinstance(e, OutcomeRolled) and e.role == "" and before.scenario.two_sided):
            break
        if isinstance(e, MeterChanged):
            meters[index[e.meter]] = e.after
    return tuple(meters)


def same_game(api_state, api_steps, fast):
    assert fast.ending == api_state.ending and fast.result == api_state.result
    assert fast.meters == api_state.meters and fast.flags == api_state.flags
    assert fast.choices == api_state.choices and fast.turn == api_state.turn
    assert fast.steps == api_steps
    assert digest(fast.state()) == digest(api_state)


def contested():
    """Checked endings, flags, follow-ups, option conditions and a meter-driven weight, all in play."""
    up = Option("push", (Outcome(x("army / 100"), "up", (Shift(0, 15),)), Outcome(None, "down", (Shift(1, -4),))))
    coup = Option("coup", (Outcome(n(0.4), "coup", (SetFlag("coup", True), Queue("aftermath", 2))),
                           Outcome(None, "fizzle", (Shift(0, -20),))), condition=x("army >= 60"))
    rest = Option("rest", (Outcome(None, "rest", (Shift(1, 3), SetFlag("coup", False))),))
    cards = [card("drill", up, rest, once=False, weight=x("1 + army / 20")),
             card("plot", coup, rest, up, once=False, cooldown=1),
             card("aftermath", Option("purge", (Outcome(n(0.5), "purge", (End("junta"),)), Outcome(None, "no", ()))),
                  weight=n(0)),
             card("audit", rest, condition=x("flag.coup or cash < 0"))]
    endings = [Ending("junta", "Junta", "", {"a": "win", "b": "loss"}),
               Ending("strong", "Strong", "", {"a": "win", "b": "loss"}, condition=x("army >= 95"), priority=2),
               Ending("broke", "Broke", "", {"a": "loss", "b": "win"}, condition=x("cash <= -8"), priority=3)]
    return scenario(cards, endings=endings, max_turns=14)


@pytest.mark.parametrize("sc, role", [(tutorial(), "mayor"), (tutorial(), "union"), (contested(), "a"),
                                      (contested(), "b")], ids=["tutorial-mayor", "tutorial-union", "a", "b"])
def test_fast_games_equal_api_games_for_many_seeds_and_choosers(sc, role):
    endings = set()
    for choose in CHOOSERS:
        for seed in range(200):
            api_state, api_steps = api_game(start(sc, role, seed), choose, random.Random(seed))
            same_game(api_state, api_steps, play(sc, role, seed, choose, random.Random(seed)))
            endings.add(api_state.ending)
    assert len(endings) >= 2  # the games reach several endings, so the comparison covers them


@settings(max_examples=80, deadline=None)
@given(scenarios(), st.integers(0, 2**63), st.sampled_from(["a", "b"]), st.sampled_from(CHOOSERS))
def test_fast_games_equal_api_games_on_any_scenario(sc, seed, role, choose):
    api_state, api_steps = api_game(start(sc, role, seed), choose, random.Random(seed))
    same_game(api_state, api_steps, play(sc, role, seed, choose, random.Random(seed)))


@pytest.mark.parametrize("seed", range(40))
def test_play_on_continues_a_game_as_the_api_would(seed):
    sc = tutorial()
    whole, _ = api_game(start(sc, "mayor", seed), last, None)
    upto = len(whole.choices) // 2
    middle = replay(sc, log_of(whole), upto=upto)
    api_state, api_steps = api_game(middle, uniform, random.Random(seed))
    same_game(api_state, api_steps, play_on(middle, uniform, random.Random(seed)))
    # With another seed the dice fall afresh from this turn on, exactly as on a reseeded state.
    reseeded = dataclasses.replace(middle, seed=seed + 1000)
    api_state, api_steps = api_game(reseeded, uniform, random.Random(seed))
    same_game(api_state, api_steps, play_on(middle, uniform, random.Random(seed), seed=seed + 1000))


def test_a_chooser_that_picks_an_unavailable_option_is_refused():
    sc = tutorial()
    with pytest.raises(IllegalMove, match="not available"):
        play(sc, "mayor", 1, lambda card, available, *rest: 9)


def test_play_on_a_finished_game_returns_it_unchanged():
    sc = tutorial()
    end, _ = api_game(start(sc, "union", 3), last, None)
    assert digest(play_on(end, last).state()) == digest(end)


def test_a_pickled_scenario_plays_the_same_games():
    # Worker processes on platforms without fork receive the scenario pickled: compiled closures included.
    import pickle

    sc = contested()
    play(sc, "a", 0, uniform, random.Random(0))  # fill the per-role cache first: it must not travel
    again = pickle.loads(pickle.dumps(sc))
    for seed in range(50):
        assert play(again, "a", seed, cautious).steps == play(sc, "a", seed, cautious).steps
    e = x("army / 100 + 1")
    assert pickle.loads(pickle.dumps(e))((50, 0), frozenset(), 1) == 1.5


# Digests of games played by the engine as first committed (16a8018), before the turn core was
# reworked for speed: the rework must not change a single game.
GOLDEN = [
    ('tutorial', 'mayor', 0, 'deadlock', '0e5c333919b1d069'),
    ('tutorial', 'mayor', 1, 'deal', 'cd4eec74873edc7b'),
    ('tutorial', 'mayor', 2, 'deadlock', '7029c70ed7291d57'),
    ('tutorial', 'mayor', 3, 'deadlock', '77a66b26c2cf1e32'),
    ('tutorial', 'mayor', 4, 'deadlock', 'b1ef232e5805665f'),
    ('tutorial', 'mayor', 5, 'deadlock', '6d9a7ddc57acbc54'),
    ('tutorial', 'union', 0, 'deadlock', '78cae4ba338bb195'),
    ('tutorial', 'union', 1, 'deal', '533c018855f4abbc'),
    ('tutorial', 'union', 2, 'deadlock', 'ebcf6fa6909273e2'),
    ('tutorial', 'union', 3, 'deadlock', '72694248374d0f89'),
    ('tutorial', 'union', 4, 'deadlock', '34d59bf705f81fd3'),
    ('tutorial', 'union', 5, 'deadlock', '62252594788e310c'),
    ('contested', 'a', 0, 'strong', '124ba5fe727d16e8'),
    ('contested', 'a', 1, 'strong', 'fbed6119065e2202'),
    ('contested', 'a', 2, 'draw', 'a1e40e20998fdba6'),
    ('contested', 'a', 3, 'broke', '7f784ad05001e15c'),
    ('contested', 'a', 4, 'draw', 'e8a627d45d94b5b1'),
    ('contested', 'a', 5, 'strong', 'cc6335fe05453a80'),
]


def test_games_are_the_games_the_first_engine_played():
    scenarios = {"tutorial": tutorial(), "contested": contested()}
    for name, role, seed, ending, expected in GOLDEN:
        s = start(scenarios[name], role, seed)
        while not s.over:
            available = [v.index for v in options(s) if v.available]
            s = resolve(s, available[(s.turn * 7 + seed) % len(available)]).state
        assert (s.ending, digest(s)) == (ending, expected), (name, role, seed)
