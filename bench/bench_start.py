"""Where the game screen's start goes, phase by phase: CPU milliseconds in fresh interpreters, next to what a
hello-world Textual app imports. bench_tui.py says how long the whole start takes; this says which part to
work on.

Each run is a new interpreter with bytecode already compiled and the scenario cache warm, the collector held
off as `game.tui.run` holds it; CPU time (not the wall clock) so that a busy machine moves the figures less.
Usage: bench/bench_start.py [RUNS]. Prints figures; asserts nothing.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("BENCH_RUNS", "9"))
GAME = dict(scenario="venezuela-2019", role="guaido", seed=3, odds=None, resume=None, opponent="adaptive",
            watch=False)

# One interpreter's run: the phases in the order the game meets them, each as the CPU it took.
PHASES = f"""
import gc, time
gc.disable()
clock = time.process_time
marks = [("textual (as hello world imports it)", clock())]
import textual.app, textual.widgets
marks.append(("crisis command (game.cli)", clock()))
import game.cli
marks.append(("engine import (game.engine)", clock()))
import dataclasses
making = [0.0]
dataclass = dataclasses.dataclass
def timed(cls=None, /, **options):
    def make(cls):
        t = clock()
        try:
            return dataclass(**options)(cls)
        finally:
            making[0] += clock() - t
    return make if cls is None else make(cls)
dataclasses.dataclass = timed  # the engine's modules take it as they import it
import game.engine
dataclasses.dataclass = dataclass
marks.append(("TUI app and loading modules", clock()))
import game.tui.app, game.tui.loading
marks.append(("scenario signature (hashing its files)", clock()))
from game import scenario_cache
folder = scenario_cache.folder_of({GAME["scenario"]!r})
scenario_cache.signature(folder)
marks.append(("scenario cache read (signature again, unpickle)", clock()))
scenario = scenario_cache.cached(folder)
assert scenario is not None, "the scenario cache is cold"
marks.append(("rules table (effects compiled)", clock()))
from game.engine.core import Table
Table(scenario, scenario.acting(None))
marks.append(("build_app (all of the above that it does, again)", clock()))
from game.tui.app import build_app
build_app(**{GAME!r})
marks.append(("game screen modules (screens.game, widgets)", clock()))
import game.tui.screens.game
marks.append(("end", clock()))
import json
print(json.dumps([(name, (marks[i + 1][1] - t) * 1000) for i, (name, t) in enumerate(marks[:-1])]
           + [("  of the engine import: making its dataclasses", making[0] * 1000)]))
"""


def main() -> int:
    with tempfile.TemporaryDirectory() as home:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(CRISIS_HOME=home, PYTHONPYCACHEPREFIX=str(Path(home) / "bytecode"), CRISIS_LANG="en")
        argv = [sys.executable, "-c", PHASES]
        warm = ("from game.tui.app import build_app; build_app(**" + repr(GAME) + ")")
        subprocess.run([sys.executable, "-c", warm], cwd=ROOT, env=env, check=True)  # the cache, the bytecode
        rows = []
        for _ in range(RUNS):
            out = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
            if out.returncode != 0:
                print(f"bench_start: a run failed:\n{out.stderr.strip()}")
                return 1
            rows.append(json.loads(out.stdout))
    print(f"bench_start: CPU ms by phase of `crisis play` up to the game screen, median of {RUNS} fresh"
          f" interpreters (the collector off, as at the game's start); load average {os.getloadavg()[0]:.1f}")
    for i, (name, _) in enumerate(rows[0]):
        values = [row[i][1] for row in rows]
        print(f"  {name:<52} {statistics.median(values):6.1f} ms   (best {min(values):6.1f})")
    print("  after these: Textual's own start, the stylesheets and the first frame (see bench_tui.py)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
