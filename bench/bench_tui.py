"""TUI speed and memory on a real pty: launch to first frame (title, game) and key to outcome, next to hello world.

Prints figures; asserts nothing. Run alone (`python bench/bench_tui.py`) or through bench/run.py.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
KEY_GAMES = int(os.environ.get("BENCH_KEY_GAMES", "3"))  # games played for key to outcome, 8 presses each
SIZE = (30, 100)  # rows, columns
TIMEOUT = 30.0
ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\x1bP.*?\x1b\\|\x1b\].*?(\x07|\x1b\\)", re.S)

HELLO = """
from textual.app import App
from textual.widgets import Static

class Hello(App):
    def compose(self):
        yield Static("Hello, world")

Hello().run()
"""


class Game:
    """One process on its own pty: read what it draws, send it keys, read its memory."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(ROOT)
            os.execve(argv[0], argv, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[0], SIZE[1], 0, 0))
        self.seen = b""

    def wait_for(self, text: str) -> float:
        """Seconds from now until `text` is drawn (escape codes stripped)."""
        start = time.perf_counter()
        wanted = text.encode()
        mark = len(self.seen)
        while True:
            if wanted in ANSI.sub(b"", self.seen[mark:]):
                return time.perf_counter() - start
            if time.perf_counter() - start > TIMEOUT:
                raise TimeoutError(f"{text!r} never appeared")
            ready, _, _ = select.select([self.fd], [], [], 0.5)
            if ready:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:
                    raise TimeoutError(f"the process ended before {text!r} appeared") from None

    def turn_to(self, text: str, presses: int = 12) -> float:
        """Seconds from the Space that brings `text` on screen to its showing: Space first reads a long page on
        (scrolls it) and only then moves on, so it is pressed again while the page only scrolls."""
        for _ in range(presses):
            self.press(" ")
            start = time.perf_counter()
            while select.select([self.fd], [], [], 0.3)[0]:  # until it shows, or the game rests without it
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:
                    raise TimeoutError(f"the process ended before {text!r} appeared") from None
                if text.encode() in ANSI.sub(b"", self.seen):
                    return time.perf_counter() - start
        raise TimeoutError(f"{text!r} never appeared after {presses} presses of Space")

    def since_start(self, text: str) -> float:
        self.wait_for(text)
        return time.perf_counter() - self.started

    def settle(self, quiet: float = 0.1) -> None:
        """Reads until the game has drawn nothing for `quiet` seconds: a key is then pressed on a screen at
        rest, as a player presses it, not in the frames still coming from the last one (Textual draws at most
        60 frames a second, so a key right after a frame waits for the next), and a late frame of the last
        page cannot be taken for the next one's."""
        while select.select([self.fd], [], [], quiet)[0]:
            try:
                self.seen += os.read(self.fd, 65536)
            except OSError:
                return

    def press(self, key: str) -> None:
        self.settle()
        self.seen = b""
        os.write(self.fd, key.encode())

    def cpu_ms(self) -> float:
        """Milliseconds of CPU the process's threads have used so far (the scheduler's own count, in ns)."""
        total = 0
        for stat in Path(f"/proc/{self.pid}/task").glob("*/schedstat"):
            try:
                total += int(stat.read_text().split()[0])
            except (OSError, ValueError, IndexError):
                pass
        return total / 1e6

    def rss_kib(self) -> int:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def close(self) -> float:
        """Ends the process; returns the CPU seconds it used (user and system), 0.0 when unknown."""
        cpu = 0.0
        try:
            os.kill(self.pid, signal.SIGKILL)
            _pid, _status, usage = os.wait4(self.pid, 0)
            cpu = usage.ru_utime + usage.ru_stime
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)
        return cpu


def environment(home: str) -> dict[str, str]:
    # Bytecode as an installed game has it (pip compiles it on install): written by the warm-up runs to a
    # cache of the bench's own, so PYTHONDONTWRITEBYTECODE in the caller's environment does not leave every
    # launch compiling the game from source (Textual's bytecode came with it), and the tree is not touched.
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "PYTHONDONTWRITEBYTECODE")}
    env.update(CRISIS_HOME=home, TERM="xterm-256color", LANG="C.UTF-8", COLUMNS=str(SIZE[1]), LINES=str(SIZE[0]),
               PYTHONPYCACHEPREFIX=str(Path(home) / "bytecode"))
    return env


def launch(argv: list[str], marker: str, env: dict[str, str]) -> tuple[float, int, float]:
    """Seconds to the marker, RSS then, and the CPU seconds used by the time it is killed (right after the
    marker is seen): the CPU figure moves less than the wall clock on a busy machine."""
    game = Game(argv, env)
    seconds, rss = 0.0, 0
    try:
        seconds = game.since_start(marker)
        rss = game.rss_kib()
    finally:
        cpu = game.close()
    return seconds, rss, cpu


GAME = ["play", "--scenario", "venezuela-2019", "--role", "guaido", "--opponent", "adaptive", "--seed", "3"]


def key_latencies(env: dict[str, str]) -> tuple[list[float], list[float], list[float]]:
    """Seconds from pressing an option's number to its outcome on screen (the bot opponent's answer is
    worked out in the same moment), the game's CPU milliseconds in that time, and seconds from Space to the
    next page (the opponent's move, then the card)."""
    game = Game([sys.executable, "-m", "game", *GAME], env)
    choose, choose_cpu, move_on = [], [], []
    try:
        game.wait_for("Turn 1/51")
        for _ in range(8):
            game.settle()
            cpu = game.cpu_ms()
            game.press("1")
            choose.append(game.wait_for("(Enter)"))
            choose_cpu.append(game.cpu_ms() - cpu)
            # The opponent's move, by its header: '(Enter)' is on the page before it too, and was found there.
            move_on.append(game.turn_to("Nicolás Maduro's move"))
            move_on.append(game.turn_to("Juan Guaidó's turn"))
    finally:
        game.close()
    return choose, choose_cpu, move_on


def main() -> int:
    with tempfile.TemporaryDirectory() as home:
        env = environment(home)
        hello_file = Path(home) / "hello.py"
        hello_file.write_text(HELLO)
        cases = {
            "hello world": ([sys.executable, str(hello_file)], "Hello, world"),
            "title screen": ([sys.executable, "-m", "game"], "New game"),
            "game screen": ([sys.executable, "-m", "game", *GAME], "Turn 1/51"),
        }
        for argv, marker in cases.values():  # warm the file cache, the bytecode and the scenario cache first
            launch(argv, marker, env)
        results: dict[str, list[tuple[float, int, float]]] = {name: [] for name in cases}
        for _ in range(RUNS):  # interleaved, so a noisy moment hits every case alike
            for name, (argv, marker) in cases.items():
                results[name].append(launch(argv, marker, env))
        choose, choose_cpu, move_on = [], [], []
        for n in range(KEY_GAMES):  # each a new process: one busy moment of the machine spoils fewer presses
            # Each in a data folder of its own with the warm scenario cache, so that no game finds the last
            # one's autosave (and tells of keeping it while the keys are timed).
            own = Path(home) / f"keys{n}"
            if (Path(home) / "cache").is_dir():
                shutil.copytree(Path(home) / "cache", own / "cache")
            for into, got in zip((choose, choose_cpu, move_on), key_latencies({**env, "CRISIS_HOME": str(own)})):
                into += got

    hello_t = statistics.median(t for t, _, _ in results["hello world"])
    hello_m = statistics.median(m for _, m, _ in results["hello world"])
    hello_c = statistics.median(c for _, _, c in results["hello world"])
    hello_best = min(t for t, _, _ in results["hello world"])
    print(f"bench_tui: launch to first frame on a {SIZE[1]}x{SIZE[0]} pty, median of {RUNS} runs; the game is "
          f"`crisis {' '.join(GAME)}`; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (on a busy"
          f" machine the CPU and best-run columns move least)")
    for name, runs in results.items():
        t = statistics.median(x for x, _, _ in runs)
        m = statistics.median(x for _, x, _ in runs)
        c = statistics.median(x for _, _, x in runs)
        best = min(x for x, _, _ in runs)
        print(f"  {name:<13} {t * 1000:7.1f} ms  ({t / hello_t:4.2f} x hello)   CPU {c * 1000:6.1f} ms  "
              f"({c / hello_c:4.2f} x hello)   best {best * 1000:6.1f} ms ({best / hello_best:4.2f} x hello)   "
              f"RSS {m / 1024:6.1f} MiB  ({m / hello_m:4.2f} x hello)")
    print(f"  key to outcome    median {statistics.median(choose) * 1000:6.1f} ms, best {min(choose) * 1000:6.1f} ms,"
          f" worst {max(choose) * 1000:6.1f} ms  ({len(choose)} presses); the game's CPU in that time: median"
          f" {statistics.median(choose_cpu):5.1f} ms")
    print(f"  space to next page median {statistics.median(move_on) * 1000:5.1f} ms, worst {max(move_on) * 1000:6.1f} ms")
    print("  targets: first frame <= 1.6 x hello, key to outcome < 50 ms, RSS <= 1.5 x hello (printed, not asserted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
