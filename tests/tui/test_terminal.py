"""End to end on a real terminal (tmux): play three turns, SIGKILL the game, resume, find the same game; a
one-role game and a two-sided one against a bot."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)")

ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 20.0  # seconds for any one thing to appear; a slow CI machine gets there well within it
METER = re.compile(r"^ (\S.*?)\s+(\d+)\s+(▲ \+\d+|▼ -\d+|= 0)\s+▕")
TURN = re.compile(r"Turn (\d+)/(\d+)")


class Terminal:
    """A private tmux server (its own socket, no user config) holding one game at a time."""

    def __init__(self, home: Path) -> None:
        self.socket = f"crisis-test-{os.getpid()}"
        self.home = home

    def tmux(self, *args: str) -> str:
        return subprocess.run([TMUX, "-L", self.socket, "-f", os.devnull, "-u", *args], check=True,
                              capture_output=True, text=True, timeout=10).stdout

    def start(self, *crisis_args: str) -> None:
        # exec: the pane's process is the game itself, so SIGKILL hits it and nothing else.
        command = shlex.join(["env", "-u", "NO_COLOR", f"CRISIS_HOME={self.home}", "LANG=C.UTF-8",
                              "TERM=xterm-256color", sys.executable, "-m", "game", *crisis_args])
        self.tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", "game", "-c", str(ROOT), f"exec {command}")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "game")

    def wait_for(self, text: str) -> str:
        """Poll the screen until `text` is on it; fail with the screen as it was at the deadline."""
        end = time.monotonic() + DEADLINE
        while True:
            shown = self.screen()
            if text in shown:
                return shown
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} did not appear within {DEADLINE}s; the screen:\n{shown}")
            time.sleep(0.05)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "game", *keys)

    def pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", "game", "#{pane_pid}").strip())

    def alive(self) -> bool:
        done = subprocess.run([TMUX, "-L", self.socket, "has-session", "-t", "game"], capture_output=True, timeout=10)
        return done.returncode == 0

    def close(self) -> None:
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True, timeout=10)


def meters(screen: str) -> dict[str, tuple[str, str]]:
    return {m[1]: (m[2], m[3]) for line in screen.splitlines() if (m := METER.match(line))}


def kill(terminal: Terminal) -> None:
    os.kill(terminal.pid(), signal.SIGKILL)
    end = time.monotonic() + DEADLINE
    while terminal.alive():  # the pane closes with its process
        assert time.monotonic() < end, "the killed game's pane did not close"
        time.sleep(0.05)


def saved(home: Path, choices: int) -> dict:
    """The autosave once it holds `choices` choices (it is written just after each outcome is drawn)."""
    path = home / "saves" / "autosave.json"
    end = time.monotonic() + DEADLINE
    while True:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if len(data["choices"]) == choices:
                return data
        except (OSError, ValueError):
            pass  # not written yet
        assert time.monotonic() < end, f"the autosave never held {choices} choices"
        time.sleep(0.05)


@pytest.fixture
def terminal(tmp_path):
    term = Terminal(tmp_path / "home")
    yield term
    term.close()


def test_a_killed_game_resumes_at_the_same_turn_with_the_same_meters(terminal):
    terminal.start("play", "--scenario", str(ROOT / "tests" / "tui" / "data" / "strike"), "--role", "mayor", "--seed", "3")
    terminal.wait_for("Turn 1/8")
    for turn in (1, 2, 3):
        terminal.keys("1")  # the tutorial's first option is never unavailable
        terminal.wait_for("(Enter)")
        terminal.keys("Space")
        shown = terminal.wait_for(f"Turn {turn + 1}/8")
    before = meters(shown)
    assert len(before) == 3, shown

    kill(terminal)

    terminal.start("play", "--resume")
    after = terminal.wait_for("Turn 4/8")
    assert meters(after) == before, after


def test_a_killed_two_sided_game_resumes_with_every_move_of_both_sides(terminal):
    # The union leader against the greedy bot, which moves first as the mayor: every decision of both is
    # in the save, and the resumed game is the same game, seats included.
    terminal.start("play", "--scenario", "tutorial", "--role", "union", "--opponent", "greedy", "--seed", "3")
    terminal.wait_for("The Mayor's move (bot: greedy)")
    terminal.keys("Space")
    terminal.wait_for("The Union Leader's turn")
    for turn in (1, 2, 3):
        terminal.keys("1")
        terminal.wait_for("Your move, The Union Leader")
        terminal.keys("End")  # a page longer than the screen: Space would read on first (issue 9 r2)
        terminal.keys("Space")
        terminal.wait_for("The Mayor's move (bot: greedy)")
        terminal.keys("End")
        terminal.keys("Space")
        shown = terminal.wait_for("The Union Leader's turn")
        assert f"Turn {turn + 1}/8" in shown, shown
    before = meters(shown)
    assert len(before) == 2 and "Town funds" not in shown, shown  # the town's funds are hidden from the union
    save = saved(terminal.home, 1 + 3 * 2)  # the mayor's first move, then three of each side's

    kill(terminal)

    terminal.start("play", "--resume")
    terminal.wait_for("Turn ")
    # The save on disk is the one the killed game wrote: no decision lost, the seats as they were.
    again = json.loads((terminal.home / "saves" / "autosave.json").read_text(encoding="utf-8"))
    assert again["choices"] == save["choices"] and again["meta"]["seats"] == {"mayor": "greedy", "union": "person"}
    after = terminal.screen()
    if "The Mayor's move" in after:  # a resumed game may show the opponent's last move first
        terminal.keys("Space")
    after = terminal.wait_for("The Union Leader's turn")
    assert f"Turn {save['meta']['turn']}/8" in after and meters(after) == before, after
    terminal.keys("1")  # and it plays on: one more decision of each side reaches the save
    terminal.wait_for("Your move, The Union Leader")
    assert saved(terminal.home, len(save["choices"]) + 2)["choices"][:len(save["choices"])] == save["choices"]
