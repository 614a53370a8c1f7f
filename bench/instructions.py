"""Instructions from launch to the first frame, game screen next to hello world: a figure a busy machine does not move.

bench_tui.py's CPU column is what issue 9 is judged by, but with other work on the machine it swings by ±0.15 x
hello from one run to the next, more than most single changes to the start-up move it. Counting the instructions
executed (valgrind's callgrind, on the same pty as bench_tui) moves by a few percent at most, so a change can be
judged on a busy machine; the ratio of instructions is not the ratio of CPU time (the game's start-up does more
per instruction than hello world's imports), only a steadier way to tell whether a change helped.

Not run by bench/run.py (it needs valgrind, and takes a minute or two). Usage: bench/instructions.py [RUNS].
Prints figures; asserts nothing.
"""

from __future__ import annotations

import os
import shutil
import signal
import statistics
import sys
import tempfile
from pathlib import Path

import bench_tui
from bench_tui import GAME, HELLO, Game, environment

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
# The process ends itself when told (SIGUSR1), so that callgrind writes its count; a killed one writes nothing.
ENDS_ON_SIGNAL = ("import os, runpy, signal, sys; signal.signal(signal.SIGUSR1, lambda *_: os._exit(0)); "
                  "sys.argv = sys.argv[1:]; ")


def count(argv: list[str], marker: str, env: dict[str, str], out: Path) -> int:
    """Instructions the process executed until `marker` was drawn."""
    game = Game([shutil.which("valgrind"), "--tool=callgrind", f"--callgrind-out-file={out}", *argv], env)
    try:
        game.wait_for(marker)
        os.kill(game.pid, signal.SIGUSR1)
        _pid, status = os.waitpid(game.pid, 0)
    finally:
        os.close(game.fd)
    for line in out.read_text().splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1])
    raise RuntimeError(f"callgrind wrote no count (status {status})")


def main() -> int:
    if not shutil.which("valgrind"):
        print("instructions: valgrind is not installed; nothing measured")
        return 0
    bench_tui.TIMEOUT = 600.0  # under valgrind a start takes some fifty times as long
    with tempfile.TemporaryDirectory() as home:
        env = environment(home)
        hello = Path(home) / "hello.py"
        hello.write_text(HELLO)
        cases = {
            "hello world": ([sys.executable, "-c", ENDS_ON_SIGNAL + "runpy.run_path(sys.argv[0])", str(hello)],
                            "Hello, world"),
            "game screen": ([sys.executable, "-c", ENDS_ON_SIGNAL + "runpy.run_module('game', run_name='__main__')",
                             "crisis", *GAME], "Turn 1/51"),
        }
        for argv, marker in cases.values():  # the bytecode and the scenario cache, as bench_tui warms them
            game = Game(argv, env)
            try:
                game.wait_for(marker)
            finally:
                game.close()
        counts: dict[str, list[int]] = {name: [] for name in cases}
        for _ in range(RUNS):
            for name, (argv, marker) in cases.items():
                counts[name].append(count(argv, marker, env, Path(home) / "callgrind.out"))
    hello_n = statistics.median(counts["hello world"])
    print(f"instructions: launch to first frame on a pty, median of {RUNS} runs under valgrind; the game is "
          f"`crisis {' '.join(GAME)}`")
    for name, values in counts.items():
        n = statistics.median(values)
        print(f"  {name:<12} {n / 1e6:8.1f} M  ({n / hello_n:4.2f} x hello)   spread {min(values) / 1e6:.1f}-"
              f"{max(values) / 1e6:.1f} M")
    return 0


if __name__ == "__main__":
    sys.exit(main())
