"""Engine speed on the bundled default scenario: turns/s, games/s, 10,000 games with --jobs 2, and a reference.

Usage: bench/bench_engine.py [SCENARIO]   (an id or a folder; the bundled default when left out)

Figures only: timings are never asserted in tests. The reference loop runs in this same process
so that the ratio means something on a busy or slow machine.
"""

from __future__ import annotations

import random
import os
import subprocess
import tempfile
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine import options, resolve, start  # noqa: E402
from game.engine.fast import play  # noqa: E402
from game.scenario import load, resolve_scenario  # noqa: E402
from game.bots import get_policy  # noqa: E402
from game.sim.runner import Batch, play_chunk  # noqa: E402

SECONDS = 2.0  # per measurement: long enough to smooth out a busy machine's noise


def reference_turns_per_s(seconds: float = SECONDS) -> float:
    """A minimal pure-Python meter-and-card loop, the floor any engine pays: three meters, twenty cards
    with a meter threshold, a uniform draw among those that qualify, two options of two clamped
    effects, two endings checked per turn, thirty turns at most."""
    cards = [(i % 3, 10 + 3 * i, (((i % 3), 6), ((i + 1) % 3, -4)), (((i + 2) % 3, -5), (i % 3, 3)))
             for i in range(20)]
    rng = random.Random(1)
    turns, deadline = 0, time.perf_counter() + seconds
    t0 = time.perf_counter()
    while time.perf_counter() < deadline:
        for _game in range(200):
            meters = [50, 50, 50]
            for _turn in range(30):
                eligible = [c for c in cards if meters[c[0]] >= c[1] - 40]
                card = eligible[int(rng.random() * len(eligible))]
                for j, d in card[2 + int(rng.random() * 2)]:
                    v = meters[j] + d
                    meters[j] = 0 if v < 0 else 100 if v > 100 else v
                turns += 1
                if meters[0] <= 5 or meters[1] >= 95:
                    break
    return turns / (time.perf_counter() - t0)


def engine(scenario, role: str, seconds: float = SECONDS) -> tuple[float, float]:
    """(turns/s, games/s) of the fast runner with the random policy, statistics left out."""
    choose = get_policy("random").chooser(scenario, role)
    games = turns = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for seed in range(games, games + 200):
            turns += len(play(scenario, role, seed, choose, random.Random(seed)).choices)
        games += 200
    elapsed = time.perf_counter() - t0
    return turns / elapsed, games / elapsed


def runner(scenario, role: str, runs: int = 4000) -> tuple[float, float]:
    """(turns/s, games/s) with everything a simulation does per game: seeds, policy, statistics."""
    t0 = time.perf_counter()
    tally = play_chunk(scenario, Batch(role, "random", runs), 0, runs)
    elapsed = time.perf_counter() - t0
    return tally.decisions / elapsed, runs / elapsed


def public_api(scenario, role: str, games: int = 1500) -> float:
    rng, turns = random.Random(1), 0
    t0 = time.perf_counter()
    for seed in range(games):
        s = start(scenario, role, seed)
        while not s.over:
            available = [v.index for v in options(s) if v.available]
            s = resolve(s, available[int(rng.random() * len(available))]).state
            turns += 1
    return turns / (time.perf_counter() - t0)


def command_wall(ref: str, role: str, runs: int = 10_000, jobs: int = 2, env: dict | None = None) -> float:
    """Wall time of `crisis simulate` in a fresh process, start-up and report included."""
    cmd = [sys.executable, "-m", "game", "simulate", ref, "--role", role, "--runs", str(runs), "--jobs", str(jobs)]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t0


def main() -> None:
    folder = resolve_scenario(sys.argv[1] if len(sys.argv) > 1 else None)
    scenario = load(folder)
    roles = [r.id for r in scenario.roles]
    print(f"scenario {scenario.id} {scenario.version} ({len(scenario.cards)} cards, {len(scenario.meters)} meters, "
          f"{scenario.calendar.max_turns} turns), random policy, one core")
    ref = reference_turns_per_s()
    print(f"  reference meter-and-card loop      {ref:>10,.0f} turns/s")
    for role in roles:
        tps, gps = engine(scenario, role)
        rtps, rgps = runner(scenario, role)
        api = public_api(scenario, role)
        print(f"  {role}: engine (fast runner)  {tps:>10,.0f} turns/s {gps:>8,.0f} games/s   "
              f"{tps / ref:.2f} x reference (target >= 100,000 turns/s)")
        print(f"  {role}: with statistics       {rtps:>10,.0f} turns/s {rgps:>8,.0f} games/s")
        print(f"  {role}: public API            {api:>10,.0f} turns/s")
    # The first run after a scenario or the engine changes validates the YAML and keeps a checked copy;
    # later runs start from that copy. Both are printed: players and modders meet both.
    for role in (roles[0], "all"):
        runs = 10_000 * (len(roles) if role == "all" else 1)
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, CRISIS_HOME=home)
            cold = command_wall(str(folder), role, env=env)
            warm = sorted(command_wall(str(folder), role, env=env) for _ in range(3))[1]
        print(f"  crisis simulate --role {role} --runs 10000 --jobs 2: {warm:.2f} s wall for {runs:,} games "
              f"(median of 3; first run, validating the YAML: {cold:.2f} s), start-up included "
              f"(target <= 1.5 s for 10,000)")


if __name__ == "__main__":
    main()
