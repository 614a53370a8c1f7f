"""Pair play between two terminals on one machine (tmux): `crisis play --room new` and `crisis play --room CODE`;
the side that has moved waits with a clear message until the other's move arrives."""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)")
ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 30.0


class Terminals:
    def __init__(self, home: Path) -> None:
        self.socket = f"crisis-room-{os.getpid()}"
        self.home = home

    def tmux(self, *args: str) -> str:
        return subprocess.run([TMUX, "-L", self.socket, "-f", os.devnull, "-u", *args], check=True,
                              capture_output=True, text=True, timeout=10).stdout

    def start(self, name: str, *crisis_args: str) -> None:
        command = shlex.join(["env", "-u", "NO_COLOR", f"CRISIS_HOME={self.home}", "LANG=C.UTF-8",
                              "TERM=xterm-256color", sys.executable, "-m", "game", "play", *crisis_args])
        self.tmux("new-session", "-d", "-x", "110", "-y", "32", "-s", name, "-c", str(ROOT), f"exec {command}")

    def screen(self, name: str) -> str:
        return self.tmux("capture-pane", "-p", "-t", name)

    def keys(self, name: str, *keys: str) -> None:
        self.tmux("send-keys", "-t", name, *keys)

    def close(self) -> None:
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True, timeout=10)


def until(condition, what: str, step=None):
    end = time.monotonic() + DEADLINE
    while not (found := condition()):
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        (step or (lambda: time.sleep(0.1)))()
    return found


def test_two_terminals_play_one_room(tmp_path):
    terms = Terminals(tmp_path)
    db = tmp_path / "rooms.sqlite"

    def moves() -> int:
        try:
            with sqlite3.connect(db) as con:
                return con.execute("SELECT count(*) FROM moves").fetchone()[0]
        except sqlite3.Error:
            return 0

    def code() -> str | None:
        try:
            with sqlite3.connect(db) as con:
                row = con.execute("SELECT code FROM rooms").fetchone()
                return row and row[0]
        except sqlite3.Error:
            return None

    def play(name: str, wanted: int):
        def step():
            terms.keys(name, "1")
            time.sleep(0.4)
            if moves() < wanted:
                terms.keys(name, "Enter")
                time.sleep(0.4)
        until(lambda: moves() >= wanted, f"move {wanted} from {name}", step)

    try:
        terms.start("a", "--room", "new", "--role", "mayor", "--scenario", "tutorial", "--seed", "5")
        room = until(code, "the room")
        terms.start("b", "--room", room.lower())
        until(lambda: "Waiting for" in terms.screen("b"), "the second terminal to wait for the first's move")
        play("a", 1)
        terms.keys("a", "Enter")
        until(lambda: "Waiting for" in terms.screen("a"), "the first terminal to wait")
        play("b", 2)
        until(lambda: "Waiting for" not in terms.screen("a"), "the first terminal to see the move")
    finally:
        terms.close()
