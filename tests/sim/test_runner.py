"""Seeded runs: the same totals whatever the number of workers, exact meter paths, and continuations."""

import random

import pytest

from game.engine import replay, resolve, start
from game.engine.core import table
from game.engine.fast import play
from game.engine.replay import log_of
from game.bots import get_policy
from game.sim.report import to_dict
from game.sim import runner
from game.sim.runner import Batch, chunks, continuations, game_seed, simulate

from .harbour_draft import build as tutorial

TIMINGS = ("elapsed_s", "games_per_s", "turns_per_s")


def without_timings(summary):
    return {k: v for k, v in to_dict(summary).items() if k not in TIMINGS}


def test_game_seeds_are_fixed_distinct_and_fit_in_63_bits():
    seeds = [game_seed(7, i) for i in range(20_000)]
    assert len(set(seeds)) == len(seeds) and all(0 <= s < 2**63 for s in seeds)
    assert seeds[:3] == [game_seed(7, 0), game_seed(7, 1), game_seed(7, 2)]
    assert game_seed(8, 0) != game_seed(7, 0)


def test_chunks_cover_every_game_once_whatever_the_count():
    for runs in (1, 63, 64, 65, 1000, 20_000):
        covered = [i for lo, hi in chunks(runs) for i in range(lo, hi)]
        assert covered == list(range(runs))


def test_results_are_identical_across_job_counts_and_runs():
    sc = tutorial()
    batches = [Batch("mayor", "greedy", 700, 11), Batch("union", "random", 500, 11)]
    one = simulate(sc, batches, jobs=1)
    two = simulate(sc, batches, jobs=2)
    again = simulate(sc, batches, jobs=2)
    assert [without_timings(s) for s in one] == [without_timings(s) for s in two] == [without_timings(s) for s in again]
    assert [s.tally for s in one] == [s.tally for s in two]
    assert without_timings(simulate(sc, [Batch("mayor", "greedy", 700, 12)])[0]) != without_timings(one[0])


@pytest.mark.parametrize("sample", [None, 60])
def test_meter_paths_count_every_game_still_going_at_each_turn(sample, monkeypatch):
    if sample:  # past the sample size, one game in `stride` by index, the same whatever the jobs
        monkeypatch.setattr(runner, "PATH_SAMPLE", sample)
    sc = tutorial()
    tally = simulate(sc, [Batch("mayor", "random", 200, 5)])[0].tally
    assert simulate(sc, [Batch("mayor", "random", 200, 5)], jobs=2)[0].tally == tally
    choose = get_policy("random").chooser(sc, "mayor")
    stride = runner.path_stride(200)
    games = [play(sc, "mayor", game_seed(5, i), choose, random.Random(game_seed(5, i))) for i in range(0, 200, stride)]
    assert tally.path_runs == len(games) == (200 if sample is None else 50)
    first = table(sc, ("mayor",)).start_meters
    for j in range(len(sc.meters)):
        counts = tally.meter_counts(j)
        for turn in range(1, len(counts) + 1):
            expected = {}
            for g in games:
                if g.turn >= turn:
                    value = next((step[4] for step in reversed(g.steps) if step[0] <= turn), first)[j]
                    expected[value] = expected.get(value, 0) + 1
            assert counts[turn - 1] == expected


def test_continuations_keep_the_past_and_vary_the_future():
    sc = tutorial()
    s = start(sc, "mayor", 4)
    s = resolve(s, 1).state  # say nothing at the walkout
    summary = continuations(s, "random", runs=300, seed=2)
    t = summary.tally
    assert t.runs == 300 and min(t.turns) >= s.turn
    assert len(t.endings) >= 2  # fresh dice per continuation: not one game played 300 times
    assert summary.batch.start is s
    # Deterministic, and the same in worker processes.
    assert continuations(s, "random", 300, seed=2, jobs=2).tally == t


def test_continuations_of_a_finished_game_all_end_as_it_did():
    sc = tutorial()
    s = start(sc, "union", 1)
    while not s.over:
        s = resolve(s, 0).state
    t = continuations(replay(sc, log_of(s)), "greedy", runs=50).tally
    assert t.endings == {s.ending: 50} and t.decisions == 0


def test_bad_batches_are_refused_before_anything_runs():
    sc = tutorial()
    with pytest.raises(ValueError, match="no role 'king'"):
        simulate(sc, [Batch("king", "random", 10)])
    with pytest.raises(ValueError, match="unknown policy"):
        simulate(sc, [Batch("mayor", "psychic", 10)])
    with pytest.raises(ValueError, match="at least 1"):
        simulate(sc, [Batch("mayor", "random", 0)])
