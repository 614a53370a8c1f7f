"""Many seeded games: a seed per game from the master seed and its index, chunks played by worker
processes, merged in order, so that the totals are the same whatever the number of workers."""

from __future__ import annotations

import math
import multiprocessing
import os
import random
import time
from dataclasses import dataclass
from typing import Callable

from game.engine.core import table
from game.engine.fast import play, play_on
from game.engine.model import Scenario
from game.engine.rules import check_role
from game.engine.state import State

from .policies import get_policy
from .tally import Tally, touched

_MASK = (1 << 64) - 1
# Meter paths cost a quarter of a game's time; percentiles for a five-row chart need no more than
# this many games, taken evenly by index (so the sample is the same whatever the number of workers).
PATH_SAMPLE = 2000
Progress = Callable[[int, int], None]  # (games done, games in all)


def game_seed(master: int, index: int) -> int:
    """Game `index`'s seed: SplitMix64 over (master, index), so neighbouring games share nothing."""
    z = (master * 0x9E3779B97F4A7C15 + (index + 1) * 0xD1B54A32D192ED03) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return (z ^ (z >> 31)) >> 1


def chunks(runs: int) -> list[tuple[int, int]]:
    """Split games 0..runs into ranges. Depends on `runs` only, never on the number of workers."""
    size = max(64, math.ceil(runs / 32))
    return [(lo, min(lo + size, runs)) for lo in range(0, runs, size)]


@dataclass(frozen=True)
class Batch:
    """One role's share of a simulation: `runs` games, or continuations of `start` when it is given."""

    role: str
    policy: str
    runs: int
    seed: int = 0
    start: State | None = None


@dataclass
class Summary:
    """A batch played: its counts and how long it took."""

    scenario: Scenario
    batch: Batch
    tally: Tally
    elapsed: float

    @property
    def role(self) -> str:
        return self.batch.role

    @property
    def games_per_s(self) -> float:
        return self.tally.runs / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def turns_per_s(self) -> float:
        return self.tally.decisions / self.elapsed if self.elapsed > 0 else 0.0


def _tally(scenario: Scenario) -> Tally:
    return Tally(len(scenario.cards), scenario.calendar.timeout_ending, scenario.calendar.max_turns)


def path_stride(runs: int) -> int:
    """Every how many games a meter path is counted."""
    return max(1, math.ceil(runs / PATH_SAMPLE))


def play_chunk(scenario: Scenario, batch: Batch, lo: int, hi: int) -> Tally:
    """Play games lo..hi of a batch in this process."""
    choose = get_policy(batch.policy).chooser(scenario, batch.role)
    tally = _tally(scenario)
    add, rng_of, moved, stride = tally.add, random.Random, touched(scenario), path_stride(batch.runs)
    if batch.start is None:
        meters = table(scenario, batch.role).start_meters
        for i in range(lo, hi):
            s = game_seed(batch.seed, i)
            add(play(scenario, batch.role, s, choose, rng_of(s)), 1, meters, moved, i % stride == 0)
    else:
        state = batch.start
        for i in range(lo, hi):
            s = game_seed(batch.seed, i)
            add(play_on(state, choose, rng_of(s), seed=s), state.turn, state.meters, moved, i % stride == 0)
    return tally


def simulate(scenario: Scenario, batches: list[Batch], jobs: int | None = 1,
             progress: Progress | None = None) -> list[Summary]:
    """Play every batch, in worker processes when `jobs` > 1; the summaries come back in batch order."""
    for b in batches:
        check_role(scenario, b.role)
        get_policy(b.policy)
        if b.runs < 1:
            raise ValueError(f"runs must be at least 1, not {b.runs}")
    tasks = [(k, lo, hi) for k, b in enumerate(batches) for lo, hi in chunks(b.runs)]
    total = sum(b.runs for b in batches)
    tallies = [_tally(scenario) for _ in batches]
    elapsed = [0.0] * len(batches)
    done = 0
    t0 = last = time.perf_counter()
    for k, lo, hi, tally in _played(scenario, batches, tasks, jobs or os.cpu_count() or 1):
        tallies[k].merge(tally)
        now = time.perf_counter()
        elapsed[k] += now - last
        last = now
        done += hi - lo
        if progress is not None:
            progress(done, total)
    if len(batches) == 1:
        elapsed[0] = time.perf_counter() - t0  # start-up included
    return [Summary(scenario, b, t, e) for b, t, e in zip(batches, tallies, elapsed)]


def continuations(state: State, policy: str = "random", runs: int = 1000, seed: int = 0,
                  jobs: int | None = 1) -> Summary:
    """From this decision, `runs` continuations of the game: the policy plays on, and every draw and
    roll from here uses a fresh seed per continuation (the past stays as it was)."""
    return simulate(state.scenario, [Batch(state.role, policy, runs, seed, state)], jobs)[0]


def _played(scenario: Scenario, batches: list[Batch], tasks: list, jobs: int):
    if jobs <= 1 or len(tasks) <= 1:
        for k, lo, hi in tasks:
            yield k, lo, hi, play_chunk(scenario, batches[k], lo, hi)
        return
    # fork shares the loaded scenario with the workers for free; elsewhere it travels pickled.
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ctx.Pool(min(jobs, len(tasks)), initializer=_init, initargs=(scenario, batches)) as pool:
        for k, lo, hi, tally in pool.imap(_work, tasks):
            yield k, lo, hi, tally


_worker: dict = {}


def _init(scenario: Scenario, batches: list[Batch]) -> None:
    _worker["scenario"] = scenario
    _worker["batches"] = batches


def _work(task: tuple[int, int, int]) -> tuple[int, int, int, Tally]:
    k, lo, hi = task
    return k, lo, hi, play_chunk(_worker["scenario"], _worker["batches"][k], lo, hi)
