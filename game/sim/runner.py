"""Many seeded games: a seed per game from the master seed and its index, chunks played by worker
processes, merged in order, so that the totals are the same whatever the number of workers.

A batch of a one-sided (format 1) scenario plays one role with one policy. A batch of a two-sided
(format 2) scenario plays every role at once, each with its own policy, and is tallied once per
role: a summary per role, all of the same games.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import random
import time
from dataclasses import dataclass
from typing import Callable, Mapping

from game.bots import get_policy
from game.engine.core import table
from game.engine.fast import play, play_on
from game.engine.model import Scenario
from game.engine.rules import check_role
from game.engine.state import State

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
    """`runs` games, or continuations of `start` when it is given. Format 1: `role` plays by `policy`.
    Format 2: `role` is None and every role plays, by `policy` unless `seats` gives it its own."""

    role: str | None
    policy: str
    runs: int
    seed: int = 0
    start: State | None = None
    seats: tuple[tuple[str, str], ...] = ()  # (role, policy) for the roles that play another policy

    def policy_of(self, role: str) -> str:
        for seat, policy in self.seats:
            if seat == role:
                return policy
        return self.policy

    def roles(self, scenario: Scenario) -> tuple[str, ...]:
        """The roles the batch reports on: the role played, or every role of a two-sided game."""
        return scenario.order if scenario.two_sided else (self.role,)


@dataclass
class Summary:
    """A batch played, as one role saw it: its counts and how long the batch took."""

    scenario: Scenario
    batch: Batch
    tally: Tally
    elapsed: float

    @property
    def role(self) -> str:
        return self.tally.role

    @property
    def policy(self) -> str:
        return self.batch.policy_of(self.role)

    @property
    def opponents(self) -> dict[str, str]:
        """The other roles of a two-sided game and their policies; empty in format 1."""
        if not self.scenario.two_sided:
            return {}
        return {r: self.batch.policy_of(r) for r in self.scenario.order if r != self.role}

    @property
    def games_per_s(self) -> float:
        return self.tally.runs / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def turns_per_s(self) -> float:
        return self.tally.decisions / self.elapsed if self.elapsed > 0 else 0.0


def _tallies(scenario: Scenario, batch: Batch) -> list[Tally]:
    cal = scenario.calendar
    if not scenario.two_sided:
        return [Tally(len(scenario.cards), cal.timeout_ending, cal.max_turns, batch.role)]
    events = tuple(i for i, c in enumerate(scenario.cards) if c.event)
    world = len(scenario.order) * len(scenario.cards)
    return [Tally(len(scenario.cards), cal.timeout_ending, cal.max_turns, role, slot, events, world)
            for slot, role in enumerate(scenario.order)]


def path_stride(runs: int) -> int:
    """Every how many games a meter path is counted."""
    return max(1, math.ceil(runs / PATH_SAMPLE))


def choosers(scenario: Scenario, batch: Batch):
    """The fast runner's chooser for a batch: the role's, or one per role in turn order."""
    if not scenario.two_sided:
        return get_policy(batch.policy).chooser(scenario, batch.role)
    return [get_policy(batch.policy_of(role)).chooser(scenario, role) for role in scenario.order]


def play_chunk(scenario: Scenario, batch: Batch, lo: int, hi: int) -> list[Tally]:
    """Play games lo..hi of a batch in this process: a tally per role reported."""
    choose = choosers(scenario, batch)
    tallies = _tallies(scenario, batch)
    rng_of, stride = random.Random, path_stride(batch.runs)
    # In format 2 the world's events move meters between decisions: every meter is looked at.
    moved = None if scenario.two_sided else touched(scenario)
    role = None if scenario.two_sided else batch.role
    # Every role's meter paths are the same: the first role's tally counts them, the others share them.
    first, others = tallies[0].add, [t.add for t in tallies[1:]]
    if batch.start is None:
        meters = table(scenario, scenario.acting(role)).start_meters
        for i in range(lo, hi):
            s = game_seed(batch.seed, i)
            game = play(scenario, role, s, choose, rng_of(s))
            first(game, 1, meters, moved, i % stride == 0)
            for add in others:
                add(game, 1, meters, moved, False)
    else:
        state = batch.start
        for i in range(lo, hi):
            s = game_seed(batch.seed, i)
            game = play_on(state, choose, rng_of(s), seed=s)
            first(game, state.turn, state.meters, moved, i % stride == 0, state.seen)
            for add in others:
                add(game, state.turn, state.meters, moved, False, state.seen)
    for t in tallies[1:]:
        t.spans, t.path_runs = tallies[0].spans, tallies[0].path_runs
    return tallies


def check(scenario: Scenario, batch: Batch) -> None:
    """Refuse a batch that cannot run, before anything runs: a ValueError that says why."""
    if scenario.two_sided:
        if batch.role is not None:
            raise ValueError(f"scenario '{scenario.id}' is two-sided: a batch plays every role (role None),"
                             f" not '{batch.role}' alone")
        for role, _policy in batch.seats:
            if role not in scenario.order:
                raise ValueError(f"no role '{role}' in scenario '{scenario.id}' (roles: {', '.join(scenario.order)})")
    else:
        check_role(scenario, batch.role)
    choosers(scenario, batch)  # an unknown policy, or a rule naming no meter, fails here
    if batch.runs < 1:
        raise ValueError(f"runs must be at least 1, not {batch.runs}")


def simulate(scenario: Scenario, batches: list[Batch], jobs: int | None = 1,
             progress: Progress | None = None) -> list[Summary]:
    """Play every batch, in worker processes when `jobs` > 1. The summaries come back in batch order,
    one per batch in format 1 and one per role (in turn order) for each batch in format 2."""
    for b in batches:
        check(scenario, b)
    tasks = [(k, lo, hi) for k, b in enumerate(batches) for lo, hi in chunks(b.runs)]
    total = sum(b.runs for b in batches)
    tallies = [_tallies(scenario, b) for b in batches]
    elapsed = [0.0] * len(batches)
    done = 0
    t0 = last = time.perf_counter()
    for k, lo, hi, played in _played(scenario, batches, tasks, jobs or os.cpu_count() or 1):
        for mine, theirs in zip(tallies[k], played):
            mine.merge(theirs)
        now = time.perf_counter()
        elapsed[k] += now - last
        last = now
        done += hi - lo
        if progress is not None:
            progress(done, total)
    if len(batches) == 1:
        elapsed[0] = time.perf_counter() - t0  # start-up included
    return [Summary(scenario, b, t, e) for b, ts, e in zip(batches, tallies, elapsed) for t in ts]


def continuations(state: State, policy: str | Mapping[str, str] = "random", runs: int = 1000, seed: int = 0,
                  jobs: int | None = 1, role: str | None = None) -> Summary:
    """From this decision, `runs` continuations of the game: the policy plays on for every role (a
    mapping gives each role its own), and every draw and roll from here uses a fresh seed per
    continuation (the past stays as it was). The summary is `role`'s (by default the role to move);
    the endings are the same for every role."""
    sc = state.scenario
    default, seats = (policy, ()) if isinstance(policy, str) else ("random", tuple(policy.items()))
    batch = Batch(None if sc.two_sided else state.role, default, runs, seed, state, seats)
    want = role or state.role
    return next(s for s in simulate(sc, [batch], jobs) if s.role == want)


def _played(scenario: Scenario, batches: list[Batch], tasks: list, jobs: int):
    if jobs <= 1 or len(tasks) <= 1:
        for k, lo, hi in tasks:
            yield k, lo, hi, play_chunk(scenario, batches[k], lo, hi)
        return
    # fork shares the loaded scenario with the workers for free; elsewhere it travels pickled.
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ctx.Pool(min(jobs, len(tasks)), initializer=_init, initargs=(scenario, batches, os.getpid())) as pool:
        for k, lo, hi, tallies in pool.imap(_work, tasks):
            yield k, lo, hi, tallies


_worker: dict = {}


def _die_with_parent(parent: int | None) -> None:
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return  # not Linux: a pool's workers still end when their task pipe closes
    if parent is not None and os.getppid() != parent:
        os._exit(1)  # the parent died before the line above


def _init(scenario: Scenario, batches: list[Batch], parent: int | None = None) -> None:
    # Ctrl-C is the parent's to handle: it ends the pool (one line, no traceback per worker). A worker
    # whose parent is killed outright dies with it (Linux), rather than play on for nobody.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    _worker["scenario"] = scenario
    _worker["batches"] = batches


def _work(task: tuple[int, int, int]) -> tuple[int, int, int, list[Tally]]:
    k, lo, hi = task
    return k, lo, hi, play_chunk(_worker["scenario"], _worker["batches"][k], lo, hi)
