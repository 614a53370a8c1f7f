"""One SQLite connection for one writer: WAL mode, a long busy timeout, and writes in immediate
transactions, so that thirty students writing at once wait their turn instead of failing."""

from __future__ import annotations

import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

BUSY_MS = 60_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS students(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS games(
    id INTEGER PRIMARY KEY, student_id INTEGER NOT NULL REFERENCES students(id),
    role TEXT NOT NULL, opponent TEXT NOT NULL, room TEXT, scenario TEXT NOT NULL, scenario_hash TEXT NOT NULL,
    seed INTEGER NOT NULL, odds INTEGER NOT NULL, started TEXT NOT NULL, updated TEXT NOT NULL,
    turn INTEGER NOT NULL DEFAULT 1, date TEXT NOT NULL DEFAULT '', meters TEXT NOT NULL DEFAULT '{}',
    choices TEXT NOT NULL DEFAULT '[]');
CREATE TABLE IF NOT EXISTS decisions(
    id INTEGER PRIMARY KEY, game_id INTEGER NOT NULL REFERENCES games(id), seq INTEGER NOT NULL,
    turn INTEGER NOT NULL, date TEXT NOT NULL, role TEXT NOT NULL, seat TEXT NOT NULL,
    card TEXT NOT NULL, card_title TEXT NOT NULL, card_historical INTEGER NOT NULL,
    option INTEGER NOT NULL, label TEXT NOT NULL, history_option INTEGER,
    outcome INTEGER NOT NULL, outcome_label TEXT NOT NULL, outcome_text TEXT NOT NULL, history_outcome INTEGER,
    probability REAL NOT NULL, meters TEXT NOT NULL, swing INTEGER NOT NULL, at TEXT NOT NULL,
    UNIQUE(game_id, seq));
CREATE TABLE IF NOT EXISTS endings(
    game_id INTEGER PRIMARY KEY REFERENCES games(id), ending TEXT NOT NULL, title TEXT NOT NULL,
    result TEXT NOT NULL, results TEXT NOT NULL, turn INTEGER NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rooms(
    code TEXT PRIMARY KEY, scenario TEXT NOT NULL, scenario_hash TEXT NOT NULL, seed INTEGER NOT NULL,
    odds INTEGER NOT NULL, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS seats(
    room TEXT NOT NULL REFERENCES rooms(code), role TEXT NOT NULL, player TEXT NOT NULL DEFAULT '',
    holder TEXT NOT NULL DEFAULT '', seen REAL NOT NULL DEFAULT 0, PRIMARY KEY(room, role));
CREATE TABLE IF NOT EXISTS moves(
    room TEXT NOT NULL REFERENCES rooms(code), n INTEGER NOT NULL, role TEXT NOT NULL, choice INTEGER NOT NULL,
    at TEXT NOT NULL, PRIMARY KEY(room, n));
CREATE INDEX IF NOT EXISTS decisions_game ON decisions(game_id);
"""


def connect(path: Path) -> sqlite3.Connection:
    """A connection of this process's own (never shared between threads or processes), schema in place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None, check_same_thread=False)
    con.row_factory = sqlite3.Row
    con.execute(f"PRAGMA busy_timeout={BUSY_MS}")
    _retry(lambda: con.execute("PRAGMA journal_mode=WAL"))
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA foreign_keys=ON")
    # executescript commits any open transaction first, so the script carries its own.
    _retry(lambda: con.executescript("BEGIN IMMEDIATE;" + SCHEMA + "COMMIT;"))
    return con


def _retry(act, tries: int = 50):
    # Switching a new database to WAL takes an exclusive lock that the busy handler does not wait for:
    # when thirty processes open the class's database at once, some are told "locked" and try again.
    for n in range(tries):
        try:
            return act()
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or n == tries - 1:
                raise
            time.sleep(0.02 * (n + 1))


@contextmanager
def writing(con: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """An immediate transaction: the write lock is taken (waiting up to the busy timeout) before anything is
    read, so no transaction ever has to upgrade a read lock, the case SQLite answers with "locked" at once."""
    _retry(lambda: con.execute("BEGIN IMMEDIATE"))
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
