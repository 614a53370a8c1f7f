"""Pair play between two terminals on one machine (tmux): `crisis play --room new` and `crisis play --room CODE`;
the side that has moved waits with a clear message until the other's move arrives."""

from __future__ import annotations

import sqlite3
import time

from tests.tmux import Tmux, needs_tmux

pytestmark = needs_tmux
DEADLINE = 30.0


def until(condition, what: str, step=None):
    end = time.monotonic() + DEADLINE
    while not (found := condition()):
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        (step or (lambda: time.sleep(0.1)))()
    return found


def test_two_terminals_play_one_room(tmp_path):
    terms = Tmux(tmp_path, DEADLINE)
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
            terms.settle(name)  # the move drawn, or nothing to draw
            if moves() < wanted:
                terms.keys(name, "Enter")
                terms.settle(name)
        until(lambda: moves() >= wanted, f"move {wanted} from {name}", step)

    try:
        terms.start("a", "play", "--room", "new", "--role", "mayor", "--scenario", "tutorial", "--seed", "5", size=(110, 32))
        room = until(code, "the room")
        terms.start("b", "play", "--room", room.lower(), size=(110, 32))
        until(lambda: "Waiting for" in terms.screen("b"), "the second terminal to wait for the first's move")
        play("a", 1)
        terms.keys("a", "Enter")
        until(lambda: "Waiting for" in terms.screen("a"), "the first terminal to wait")
        play("b", 2)
        until(lambda: "Waiting for" not in terms.screen("a"), "the first terminal to see the move")
    finally:
        terms.close()
