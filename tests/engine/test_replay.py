"""A game is its scenario, role, seed and choices: logs replay exactly and refuse what they cannot replay."""

import json

import pytest

from game.engine import Log, ReplayError, digest, log_of, options, replay, resolve, start
from game.engine.replay import LOG_VERSION

from .build import Option, Outcome, Shift, card, n, scenario


def _scenario(**kw):
    coin = Option("toss", (Outcome(n(0.5), "heads", (Shift(0, 7),)), Outcome(None, "tails", (Shift(0, -6),))))
    safe = Option("wait", (Outcome(None, "quiet", (Shift(1, 1),)),))
    return scenario([card(f"c{i}", coin, safe, once=False, weight=n(i + 1)) for i in range(5)], max_turns=12, **kw)


def _play(sc, seed, pick):
    s = start(sc, "a", seed)
    while not s.over:
        s = resolve(s, pick(s)).state
    return s


def test_same_seed_and_choices_same_game():
    sc = _scenario()
    a = _play(sc, 42, lambda s: s.turn % 2)
    b = _play(sc, 42, lambda s: s.turn % 2)
    assert digest(a) == digest(b) and a.meters == b.meters
    assert digest(_play(sc, 43, lambda s: s.turn % 2)) != digest(a)


def test_replay_reproduces_every_step():
    sc = _scenario()
    end = _play(sc, 9, lambda s: 0)
    log = log_of(end)
    assert digest(replay(sc, log)) == digest(end)
    middle = replay(sc, log, upto=4)
    assert middle.turn == 5 and middle.choices == log.choices[:4]


def test_a_log_survives_json_and_refuses_newer_versions_and_damage():
    sc = _scenario()
    log = log_of(_play(sc, 5, lambda s: 1))
    again = Log.from_dict(json.loads(json.dumps(log.to_dict())))
    assert again == log
    newer = dict(log.to_dict(), version=LOG_VERSION + 1)
    with pytest.raises(ReplayError, match="newer version of crisis"):
        Log.from_dict(newer)
    for broken in ([], {"version": "1"}, {k: v for k, v in log.to_dict().items() if k != "seed"},
                   dict(log.to_dict(), choices=["x"])):
        with pytest.raises(ReplayError):
            Log.from_dict(broken)


def test_replay_refuses_another_scenario_or_changed_content():
    sc = _scenario()
    log = log_of(_play(sc, 5, lambda s: 1))
    with pytest.raises(ReplayError, match="has changed"):
        replay(_scenario(), Log(log.scenario_id, "other-hash", log.role, log.seed, log.choices))
    with pytest.raises(ReplayError, match="not 'test'"):
        replay(sc, Log("elsewhere", log.scenario_hash, log.role, log.seed, log.choices))
    with pytest.raises(ReplayError, match="does not replay"):
        replay(sc, Log(log.scenario_id, log.scenario_hash, log.role, log.seed, log.choices + (0, 0, 0)))


def test_odds_shown_are_the_odds_rolled():
    sc = _scenario()
    s = start(sc, "a", 3)
    shown = options(s)[0].chances
    rolled = [e for e in resolve(s, 0).events if type(e).__name__ == "OutcomeRolled"][0]
    assert rolled.probability == shown[rolled.outcome]


def test_a_two_sided_log_of_version_one_is_refused_since_shared_cards_now_come_in_one_week():
    old = {"version": 1, "scenario": "tutorial", "scenario_hash": "h", "role": "", "seed": 3, "choices": [0, 1]}
    with pytest.raises(ReplayError, match="older version of crisis.*cannot be replayed exactly"):
        Log.from_dict(old)
    # A one-role game drew as it still does: its log reads as it was.
    assert Log.from_dict(dict(old, role="mayor")) == Log("tutorial", "h", "mayor", 3, (0, 1))
