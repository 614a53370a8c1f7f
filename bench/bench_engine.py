"""Engine speed: turns/s, games/s, 10,000 games with --jobs 2, next to a reference loop; for a one-sided
scenario (the bundled default) and a two-sided one (the bundled tutorial).

Usage: bench/bench_engine.py [SCENARIO [TWO_SIDED_SCENARIO]] [--profile]
  (ids or folders; --profile adds where a two-sided game spends its time, by function)

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


def engine(scenario, role: str | None, seconds: float = SECONDS) -> tuple[float, float]:
    """(turns/s, games/s) of the fast runner with the random policy, statistics left out. A turn here
    is a decision; in a two-sided game (role None) every role's decisions count."""
    choose = random_choosers(scenario, role)
    games = turns = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for seed in range(games, games + 200):
            turns += len(play(scenario, role, seed, choose, random.Random(seed)).choices)
        games += 200
    elapsed = time.perf_counter() - t0
    return turns / elapsed, games / elapsed


def random_choosers(scenario, role: str | None):
    if role is None:
        return [get_policy("random").chooser(scenario, r) for r in scenario.order]
    return get_policy("random").chooser(scenario, role)


def runner(scenario, role: str | None, runs: int = 4000) -> tuple[float, float]:
    """(turns/s, games/s) with everything a simulation does per game: seeds, policy, statistics."""
    t0 = time.perf_counter()
    tallies = play_chunk(scenario, Batch(role, "random", runs), 0, runs)
    elapsed = time.perf_counter() - t0
    return tallies[0].decisions / elapsed, runs / elapsed


def profile(scenario, role: str | None, games: int = 3000, top: int = 10) -> None:
    """Where the time of `games` random games goes, by function (own time): figures to read, not a test."""
    import cProfile
    import pstats

    choose = random_choosers(scenario, role)
    prof = cProfile.Profile()
    prof.enable()
    for seed in range(games):
        play(scenario, role, seed, choose, random.Random(seed))
    prof.disable()
    stats = pstats.Stats(prof)
    total = sum(v[2] for v in stats.stats.values())  # type: ignore[attr-defined]
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:top]  # type: ignore[attr-defined]
    print(f"  where a game's time goes (own time, under the profiler, {games:,} games):")
    for (path, line, name), (_cc, calls, own, _cum, _callers) in rows:
        print(f"    {100 * own / total:5.1f}%  {Path(path).name}:{line} {name}  ({calls:,} calls)")


def public_api(scenario, role: str | None, games: int = 1500) -> float:
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


def walls(folder: Path, role: str) -> tuple[float, float]:
    """(cold, warm) wall times of 10,000 games: the first run validates the YAML and keeps a checked
    copy, later runs start from that copy (median of 3). Players and modders meet both."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, CRISIS_HOME=home)
        cold = command_wall(str(folder), role, env=env)
        warm = sorted(command_wall(str(folder), role, env=env) for _ in range(3))[1]
    return cold, warm


def one_sided(folder: Path, scenario, ref: float) -> None:
    roles = [r.id for r in scenario.roles]
    print(f"scenario {scenario.id} {scenario.version} ({len(scenario.cards)} cards, {len(scenario.meters)} meters, "
          f"{scenario.calendar.max_turns} turns), one-sided, random policy, one core")
    print(f"  reference meter-and-card loop      {ref:>10,.0f} turns/s")
    for role in roles:
        tps, gps = engine(scenario, role)
        rtps, rgps = runner(scenario, role)
        api = public_api(scenario, role)
        print(f"  {role}: engine (fast runner)  {tps:>10,.0f} turns/s {gps:>8,.0f} games/s   "
              f"{tps / ref:.2f} x reference (target >= 100,000 turns/s)")
        print(f"  {role}: with statistics       {rtps:>10,.0f} turns/s {rgps:>8,.0f} games/s")
        print(f"  {role}: public API            {api:>10,.0f} turns/s")
    for role in (roles[0], "all"):
        runs = 10_000 * (len(roles) if role == "all" else 1)
        cold, warm = walls(folder, role)
        print(f"  crisis simulate --role {role} --runs 10000 --jobs 2: {warm:.2f} s wall for {runs:,} games "
              f"(median of 3; first run, validating the YAML: {cold:.2f} s), start-up included "
              f"(target <= 1.5 s for 10,000)")


def two_sided(folder: Path, scenario, ref: float, with_profile: bool) -> None:
    print(f"scenario {scenario.id} {scenario.version} ({len(scenario.cards)} cards, {len(scenario.meters)} meters, "
          f"{scenario.calendar.max_turns} turns), two-sided ({', '.join(scenario.order)} every turn), "
          f"random policy for every role, one core")
    print(f"  reference meter-and-card loop      {ref:>10,.0f} decisions/s")
    tps, gps = engine(scenario, None)
    rtps, rgps = runner(scenario, None)
    api = public_api(scenario, None)
    print(f"  engine (fast runner)               {tps:>10,.0f} decisions/s {gps:>8,.0f} games/s   "
          f"{tps / ref:.2f} x reference (target >= 150,000 decisions/s)")
    print(f"  with statistics (every role)       {rtps:>10,.0f} decisions/s {rgps:>8,.0f} games/s")
    print(f"  public API                         {api:>10,.0f} decisions/s")
    cold, warm = walls(folder, "all")
    print(f"  crisis simulate --runs 10000 --jobs 2: {warm:.2f} s wall for 10,000 two-sided games "
          f"(median of 3; first run, validating the YAML: {cold:.2f} s), start-up included (target <= 1.5 s)")
    if with_profile:
        profile(scenario, None)
FORMAT1_FALLBACK = Path(__file__).resolve().parent.parent / "tests" / "data" / "format1" / "harbour"


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--profile"]
    refs = [args[0] if args else None, args[1] if len(args) > 1 else "tutorial"]
    ref = reference_turns_per_s()
    loaded = []
    for name in refs:
        try:
            folder = resolve_scenario(name)
            if folder not in [f for f, _ in loaded]:
                loaded.append((folder, load(folder)))
        except Exception as err:  # a scenario mid-edit: say so and measure the others
            print(f"scenario {name or 'default'}: not measured ({str(err).splitlines()[0]})")
    if not any(not sc.two_sided for _, sc in loaded):  # keep format-1 figures: the frozen format-1 tutorial
        loaded.append((FORMAT1_FALLBACK, load(FORMAT1_FALLBACK)))
    for folder, scenario in loaded:
        if scenario.two_sided:
            two_sided(folder, scenario, ref, "--profile" in sys.argv)
        else:
            one_sided(folder, scenario, ref)


if __name__ == "__main__":
    main()
