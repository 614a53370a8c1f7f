"""On a real terminal (tmux): a tiny terminal, quitting the ending while its bot games run, two games on one
data folder, and a killed two-sided game that resumes where it was."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.engine import log_of, options, resolve, start
from game.saves import write_save
from game.scenario import load

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)")

ROOT = Path(__file__).resolve().parents[2]
STRIKE = ROOT / "tests" / "tui" / "data" / "strike"
DEADLINE = 20.0


class Terminal:
    """A private tmux server holding named sessions, each one crisis process (exec'd, so signals reach it)."""

    def __init__(self, home: Path) -> None:
        self.socket = f"crisis-robust-{os.getpid()}"
        self.home = home

    def tmux(self, *args: str) -> str:
        return subprocess.run([TMUX, "-L", self.socket, "-f", os.devnull, "-u", *args], check=True,
                              capture_output=True, text=True, timeout=10).stdout

    def start(self, name: str, *crisis_args: str, size: tuple[int, int] = (100, 30)) -> None:
        command = shlex.join(["env", "-u", "NO_COLOR", "-u", "COLUMNS", "-u", "LINES", f"CRISIS_HOME={self.home}", "LANG=C.UTF-8",
                              "TERM=xterm-256color", sys.executable, "-m", "game", *crisis_args])
        self.tmux("new-session", "-d", "-x", str(size[0]), "-y", str(size[1]), "-s", name, "-c", str(ROOT),
                  f"exec {command}")

    def screen(self, name: str) -> str:
        return self.tmux("capture-pane", "-p", "-t", name)

    def wait_for(self, name: str, *texts: str, press: str | None = None) -> str:
        """Poll until one of `texts` is on the screen (pressing `press` between looks, if given)."""
        end = time.monotonic() + DEADLINE
        while True:
            shown = self.screen(name)
            if any(t in shown for t in texts):
                return shown
            assert "Traceback" not in shown and "Error" not in shown, shown
            if time.monotonic() > end:
                raise AssertionError(f"{texts!r} did not appear within {DEADLINE}s; the screen:\n{shown}")
            if press:
                self.keys(name, press)
            time.sleep(0.5 if press else 0.05)

    def settle(self, name: str) -> str:
        """Wait until the screen stops changing (a bot's move drawn, the card laid out)."""
        end = time.monotonic() + DEADLINE
        shown = self.screen(name)
        while time.monotonic() < end:
            time.sleep(0.3)
            again = self.screen(name)
            if again == shown:
                return shown
            shown = again
        return shown

    def keys(self, name: str, *keys: str) -> None:
        self.tmux("send-keys", "-t", name, *keys)

    def pid(self, name: str) -> int:
        return int(self.tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def alive(self, name: str) -> bool:
        done = subprocess.run([TMUX, "-L", self.socket, "has-session", "-t", name], capture_output=True, timeout=10)
        return done.returncode == 0

    def gone(self, name: str, limit: float = DEADLINE) -> bool:
        end = time.monotonic() + limit
        while self.alive(name):
            if time.monotonic() > end:
                return False
            time.sleep(0.05)
        return True

    def close(self) -> None:
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True, timeout=10)


@pytest.fixture
def terminal(tmp_path):
    term = Terminal(tmp_path / "home")
    yield term
    term.close()


def _play_a_turn(terminal: Terminal, name: str, turn: int, of: int) -> str:
    """Choose option 1, then read on (Enter on each page, once it is drawn) to the next turn's card."""
    _read_on(terminal, name, f"Turn {turn}/{of}")  # past any page before the card (a bot's move shown first)
    terminal.keys(name, "1")
    return _read_on(terminal, name, f"Turn {turn + 1}/{of}")


def _read_on(terminal: Terminal, name: str, text: str) -> str:
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        shown = terminal.settle(name)
        body = shown.splitlines()[:-1]  # the footer names its keys ("space Next") on every page
        if text in shown and not any("Next" in line for line in body):  # a page's Next button, maybe half covered
            return shown
        terminal.keys(name, "Enter")
    raise AssertionError(f"{text!r} did not come; the screen:\n{terminal.screen(name)}")


@pytest.mark.parametrize("size", [(20, 5), (10, 2)])
def test_a_tiny_terminal_is_asked_to_grow_not_shown_a_traceback(terminal, size):
    terminal.start("game", "play", "--scenario", "tutorial", "--role", "mayor", "--seed", "3", size=size)
    terminal.wait_for("game", "bigger", "Bigger")
    terminal.tmux("resize-window", "-t", "game", "-x", "100", "-y", "30")
    terminal.wait_for("game", "Turn 1/8")
    assert terminal.alive("game")


def test_quitting_the_ending_while_its_bot_games_run_exits_at_once(terminal, tmp_path):
    scenario = load(STRIKE)
    state = start(scenario, "mayor", 5)
    while not state.over:
        views = options(state)
        state = resolve(state, next(k for k, v in enumerate(views) if v.available)).state
    save = write_save(tmp_path / "over.json", log_of(state), {"scenario_path": str(STRIKE), "over": True})
    terminal.start("game", "play", "--resume", str(save))
    terminal.wait_for("game", "Quit")
    terminal.keys("game", "q")
    terminal.wait_for("game", "Quit crisis?")  # q asks first, as help says and everywhere else
    terminal.keys("game", "y")
    assert terminal.gone("game", 5.0), "the game kept running after q, y on the ending screen"


def test_two_games_on_one_folder_keep_both_games(terminal):
    terminal.start("first", "play", "--scenario", "tutorial", "--role", "mayor", "--seed", "3")
    terminal.wait_for("first", "Turn 1/8")
    # The second plays the other side: its first page is the bot mayor's move, then its own card.
    terminal.start("second", "play", "--scenario", "tutorial", "--role", "union", "--seed", "4")
    terminal.wait_for("second", "Two games")  # the second is told
    _play_a_turn(terminal, "first", 1, 8)
    _play_a_turn(terminal, "second", 1, 8)
    second_pid = terminal.pid("second")
    for name in ("first", "second"):
        os.kill(terminal.pid(name), signal.SIGKILL)
        assert terminal.gone(name)
    folder = terminal.home / "saves"
    first = json.loads((folder / "autosave.json").read_text(encoding="utf-8"))
    second = json.loads((folder / f"autosave-{second_pid}.json").read_text(encoding="utf-8"))
    assert (first["seed"], second["seed"]) == (3, 4)
    assert first["choices"] and second["choices"]


def test_a_killed_two_sided_game_resumes_at_the_same_turn(terminal):
    terminal.start("game", "play", "--scenario", "tutorial", "--role", "mayor", "--seed", "3")
    terminal.wait_for("game", "Turn 1/8")
    _play_a_turn(terminal, "game", 1, 8)
    before = _play_a_turn(terminal, "game", 2, 8)
    os.kill(terminal.pid("game"), signal.SIGKILL)
    assert terminal.gone("game")
    terminal.start("game", "play", "--resume")
    terminal.wait_for("game", "Turn 2/8", "Turn 3/8")
    after = _read_on(terminal, "game", "Turn 3/8")  # a resumed game first shows the bot's move since the save
    assert before.splitlines()[:12] == after.splitlines()[:12]  # the header, the meters and the card
