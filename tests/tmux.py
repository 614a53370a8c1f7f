"""A private tmux server for the tests that play crisis on a real terminal: its own socket (unique to each
server, so a server still shutting down from the last test is never reached by the next), no user config,
one crisis process per named session (exec'd, so a signal sent to the pane's pid reaches the game)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
needs_tmux = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)")
ROOT = Path(__file__).resolve().parents[1]
DEADLINE = 20.0  # seconds for any one thing to appear; a slow CI machine gets there well within it


class Tmux:
    def __init__(self, home: Path, deadline: float = DEADLINE) -> None:
        self.socket = f"crisis-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.home = home
        self.deadline = deadline

    def tmux(self, *args: str) -> str:
        return subprocess.run([TMUX, "-L", self.socket, "-f", os.devnull, "-u", *args], check=True,
                              capture_output=True, text=True, timeout=10).stdout

    def start(self, name: str, *crisis_args: str, size: tuple[int, int] = (100, 30)) -> None:
        """Run `python -m game *crisis_args` in a new session `name` of `size` columns x rows."""
        command = shlex.join(["env", "-u", "NO_COLOR", "-u", "COLUMNS", "-u", "LINES", f"CRISIS_HOME={self.home}",
                              "LANG=C.UTF-8", "TERM=xterm-256color", sys.executable, "-m", "game", *crisis_args])
        self.tmux("new-session", "-d", "-x", str(size[0]), "-y", str(size[1]), "-s", name, "-c", str(ROOT),
                  f"exec {command}")

    def screen(self, name: str) -> str:
        return self.tmux("capture-pane", "-p", "-t", name)

    def keys(self, name: str, *keys: str) -> None:
        self.tmux("send-keys", "-t", name, *keys)

    def wait_for(self, name: str, *texts: str, press: str | None = None) -> str:
        """Look at the screen until one of `texts` is on it (pressing `press` between looks, if given); fail
        with the screen as it was at the deadline, or at once on a traceback."""
        end = time.monotonic() + self.deadline
        while True:
            shown = self.screen(name)
            if any(t in shown for t in texts):
                return shown
            assert "Traceback" not in shown, shown
            if time.monotonic() > end:
                raise AssertionError(f"{texts!r} did not appear within {self.deadline}s; the screen:\n{shown}")
            if press:
                self.keys(name, press)
            time.sleep(0.5 if press else 0.05)

    def settle(self, name: str) -> str:
        """Wait until the screen stops changing (a bot's move drawn, the card laid out)."""
        end = time.monotonic() + self.deadline
        shown = self.screen(name)
        while time.monotonic() < end:
            time.sleep(0.3)
            again = self.screen(name)
            if again == shown:
                return shown
            shown = again
        return shown

    def pid(self, name: str) -> int:
        return int(self.tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def alive(self, name: str) -> bool:
        done = subprocess.run([TMUX, "-L", self.socket, "has-session", "-t", name], capture_output=True, timeout=10)
        return done.returncode == 0

    def gone(self, name: str, limit: float | None = None) -> bool:
        """Whether session `name` closes (its process ended) within `limit` seconds."""
        end = time.monotonic() + (self.deadline if limit is None else limit)
        while self.alive(name):
            if time.monotonic() > end:
                return False
            time.sleep(0.05)
        return True

    def close(self) -> None:
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True, timeout=10)


@pytest.fixture
def terminal(tmp_path):
    term = Tmux(tmp_path / "home")
    yield term
    term.close()
