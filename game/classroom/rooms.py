"""Rooms for pair play: a two-sided game shared by two seats, possibly on two machines.

The authoritative game is the room's list of moves in a database both sides open (the class's, or the
player's own rooms database for two terminals on one machine). Each side replays the moves to see the game,
adds its own move when it is its role's turn, and polls for the other's. A seat is held by whoever sat in it
and keeps a heartbeat; a closed tab or a dropped connection lets go of it, and entering the room code again
takes it back, so nothing is lost: the moves are all in the database.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from game import paths
from game.engine import IllegalMove, Log, Scenario, State, resolve, start
from game.i18n import _

from .names import new_room_code, normal_room
from .records import now
from .store import connect, writing

STALE_AFTER = 10.0  # seconds without a heartbeat before a seat counts as empty
GONE_AFTER = 120.0  # seconds: then the waiting side is told its classmate may not come back


class RoomError(ValueError):
    """A room that cannot be joined or played, with a sentence fit to show the player."""


class RoomFull(RoomError):
    """Both seats of the room are taken by others."""


class SeatInUse(RoomError):
    """One's own seat is still held by another tab or terminal: it lets go when that closes, or goes quiet."""


def own_rooms_database() -> Path:
    return paths.user_home() / "rooms.sqlite"


@dataclass(frozen=True)
class Seat:
    room: str
    role: str
    holder: str  # this side's token: the heartbeat and every move carry it


class Rooms:
    def __init__(self, database: Path | None = None):
        self.con: sqlite3.Connection = connect(database or own_rooms_database())

    def close(self) -> None:
        self.con.close()

    def open(self, scenario: Scenario, seed: int, odds: bool = True) -> str:
        """A new room with both seats empty; its code."""
        if not scenario.two_sided:
            raise RoomError(_("'{title}' is played by one role: a room needs a two-sided scenario").format(
                title=scenario.title))
        for _ in range(20):
            code = new_room_code()
            with writing(self.con) as con:
                if con.execute("SELECT 1 FROM rooms WHERE code = ?", (code,)).fetchone():
                    continue
                con.execute("INSERT INTO rooms(code, scenario, scenario_hash, seed, odds, created) VALUES (?,?,?,?,?,?)",
                            (code, scenario.id, scenario.content_hash, seed, int(odds), now()))
                for r in scenario.order:
                    con.execute("INSERT INTO seats(room, role) VALUES (?, ?)", (code, r))
            return code
        raise RoomError(_("could not find a free room code: try again"))  # pragma: no cover

    def create(self, scenario: Scenario, seed: int, role: str, player: str = "", odds: bool = True) -> Seat:
        if role not in scenario.order:
            raise RoomError(_("'{role}' is not a role of '{title}'").format(role=role, title=scenario.title))
        return self.sit(self.open(scenario, seed, odds), player, role)

    def info(self, code: str) -> sqlite3.Row:
        norm = normal_room(code)
        row = norm and self.con.execute("SELECT * FROM rooms WHERE code = ?", (norm,)).fetchone()
        if not row:
            raise RoomError(_("There is no room {code!r}: check the code on your classmate's screen.").format(
                code=code.strip()[:12]))
        return row

    def join(self, code: str, player: str = "", prefer: str | None = None) -> Seat:
        """Take a seat in the room: back in one's own seat after a drop (same name, seat let go), else a free one
        (the preferred role's if it is free)."""
        code = self.info(code)["code"]
        return self.sit(code, player, self.check_join(code, player, prefer))

    def check_join(self, code: str, player: str = "", prefer: str | None = None) -> str:
        """The role `player` would take in the room; RoomError (why not) when there is none for them."""
        code = self.info(code)["code"]
        seats = self.seats(code)
        cutoff = time.time() - STALE_AFTER
        mine = [s for s in seats if player and s["player"] == player and s["seen"] < cutoff]
        free = sorted((s for s in seats if not s["player"]), key=lambda s: s["role"] != prefer)
        left = [s for s in seats if not player and s["seen"] < cutoff]
        pick = (mine or free or left or [None])[0]
        if pick is None:
            if any(player and s["player"] == player for s in seats):
                raise SeatInUse(_("Your seat in this room is still open elsewhere: close that tab or wait a few"
                                  " seconds, then try again."))
            raise RoomFull(_("Room {code} is full: both roles are taken. Ask your teacher for a room of your"
                             " own.").format(code=code))
        return pick["role"]

    def rejoin(self, code: str, player: str = "", prefer: str | None = None, patience: float = STALE_AFTER + 2) -> Seat:
        """`join`, waiting up to `patience` seconds for one's own seat when a closing tab still holds it (a reload
        starts the new game before the old one has quite gone)."""
        deadline = time.monotonic() + patience
        while True:
            try:
                return self.join(code, player, prefer)
            except SeatInUse:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.25)

    def sit(self, code: str, player: str, role: str) -> Seat:
        holder = uuid.uuid4().hex
        with writing(self.con) as con:
            con.execute("UPDATE seats SET player = ?, holder = ?, seen = ? WHERE room = ? AND role = ?",
                        (player or "-", holder, time.time(), code, role))
        return Seat(code, role, holder)

    def seats(self, code: str) -> list[sqlite3.Row]:
        return self.con.execute("SELECT * FROM seats WHERE room = ? ORDER BY rowid", (code,)).fetchall()

    def heartbeat(self, seat: Seat) -> None:
        with writing(self.con) as con:
            con.execute("UPDATE seats SET seen = ? WHERE room = ? AND role = ? AND holder = ?",
                        (time.time(), seat.room, seat.role, seat.holder))

    def leave(self, seat: Seat) -> None:
        """Let go of the seat (the tab closed): whoever comes back with the code takes it at once."""
        with writing(self.con) as con:
            con.execute("UPDATE seats SET seen = 0 WHERE room = ? AND role = ? AND holder = ?",
                        (seat.room, seat.role, seat.holder))

    def moves(self, code: str) -> tuple[int, ...]:
        return tuple(r[0] for r in self.con.execute("SELECT choice FROM moves WHERE room = ? ORDER BY n", (code,)))

    def log(self, code: str) -> Log:
        row = self.info(code)
        return Log(row["scenario"], row["scenario_hash"], "", row["seed"], self.moves(row["code"]))

    def state(self, scenario: Scenario, code: str) -> State:
        row = self.info(code)
        if row["scenario"] != scenario.id or row["scenario_hash"] != scenario.content_hash:
            raise RoomError(_("Room {code} plays '{scenario}' in another version than this game's.").format(
                code=row["code"], scenario=row["scenario"]))
        state = start(scenario, None, row["seed"])
        for choice in self.moves(row["code"]):
            state = resolve(state, choice).state
        return state

    def play(self, scenario: Scenario, seat: Seat, state: State, choice: int):
        """Add this seat's move to the room: only on its own turn, only on the game as it stands."""
        if state.role != seat.role:
            raise RoomError(_("It is not your turn."))
        n = len(state.choices)
        turn = resolve(state, choice)  # IllegalMove for an option that cannot be taken
        with writing(self.con) as con:
            if con.execute("SELECT holder FROM seats WHERE room = ? AND role = ?",
                           (seat.room, seat.role)).fetchone()[0] != seat.holder:
                raise RoomError(_("Your seat was taken back from another screen: this one can only watch now."))
            if con.execute("SELECT count(*) FROM moves WHERE room = ?", (seat.room,)).fetchone()[0] != n:
                raise RoomError(_("The game moved on meanwhile: look again."))
            con.execute("INSERT INTO moves(room, n, role, choice, at) VALUES (?,?,?,?,?)",
                        (seat.room, n, seat.role, choice, now()))
            con.execute("UPDATE seats SET seen = ? WHERE room = ? AND role = ?", (time.time(), seat.room, seat.role))
        return turn

    def other_seen(self, seat: Seat) -> tuple[str, float | None]:
        """The other seat's player and how many seconds since it was last seen (None: never sat down)."""
        for s in self.seats(seat.room):
            if s["role"] != seat.role:
                return s["player"], (time.time() - s["seen"] if s["player"] else None)
        return "", None


__all__ = ["GONE_AFTER", "IllegalMove", "RoomError", "Rooms", "STALE_AFTER", "Seat"]
