"""The class's records: students, their games, each decision and outcome as it happens, and endings, in the
class's SQLite database. `GameRecorder` turns engine turns into rows; nothing here knows about screens."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from game.engine import OptionChosen, OutcomeRolled, Scenario, State, Turn
from game.engine.text import fill
from game.i18n import format_date

from .names import check_student
from .store import connect, writing


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def meters_of(state: State) -> dict[str, int]:
    return {m.id: state.meters[i] for i, m in enumerate(state.scenario.meters)}


def history_option(scenario: Scenario, card_index: int, role: str) -> int | None:
    """The option history took on this card, among those open to `role`."""
    card = scenario.cards[card_index]
    return next((i for i, o in enumerate(card.options) if o.historical and o.open_to(role)), None)


def history_outcome(scenario: Scenario, card_index: int, role: str) -> int | None:
    """The outcome history saw: the historical option's, when that option has one certain result (a scenario
    marks which option happened, not which of several rolls did)."""
    k = history_option(scenario, card_index, role)
    if k is None:
        return None
    return 0 if len(scenario.cards[card_index].options[k].outcomes) == 1 else None


@dataclass(frozen=True)
class Decision:
    """One decision and its outcome, as a row of the decisions table."""

    seq: int
    turn: int
    date: str
    role: str
    seat: str  # "person", or the bot policy that chose
    card: str
    card_title: str
    card_historical: bool
    option: int
    label: str
    history_option: int | None
    outcome: int
    outcome_label: str
    outcome_text: str
    history_outcome: int | None
    probability: float
    meters: dict
    swing: int  # how far the meters moved, all told: what makes a decision a turning point

    @classmethod
    def of(cls, before: State, turn: Turn, seat: str) -> "Decision":
        sc = before.scenario
        card = before.current_card
        chosen = next(e for e in turn.events if isinstance(e, OptionChosen))
        rolled = next(e for e in turn.events if isinstance(e, OutcomeRolled))
        after = meters_of(turn.state)
        first = meters_of(before)
        day = before.day  # the engine's day reached: never back within a turn
        date = format_date(day)

        def read(text: str, state: State) -> str:  # as the player read it: placeholders filled in
            return fill(text, state, before.role, date) if sc.two_sided else text

        return cls(len(before.choices), before.turn, day.isoformat(), before.role, seat, card.id, read(card.title, before),
                   card.historical, chosen.option, read(chosen.label, before), history_option(sc, before.card, before.role),
                   rolled.outcome, rolled.label, read(rolled.text, turn.state), history_outcome(sc, before.card, before.role),
                   rolled.probability, after,
                   sum(abs(after[k] - first[k]) for k in after))


class Records:
    """The class's database, through this process's own connection."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.con: sqlite3.Connection = connect(self.path)

    def close(self) -> None:
        self.con.close()

    def student(self, name: str) -> int:
        name = check_student(name)
        with writing(self.con) as con:
            con.execute("INSERT OR IGNORE INTO students(name, created) VALUES (?, ?)", (name, now()))
            return con.execute("SELECT id FROM students WHERE name = ?", (name,)).fetchone()[0]

    def start_game(self, student: str, state: State, role: str, opponent: str, odds: bool,
                   room: str | None = None) -> int:
        sid = self.student(student)
        sc = state.scenario
        with writing(self.con) as con:
            if room:  # back in a room after a drop: the same game goes on
                row = con.execute("SELECT id FROM games WHERE student_id = ? AND room = ? AND role = ?",
                                  (sid, room, role)).fetchone()
                if row:
                    return row[0]
            cur = con.execute(
                "INSERT INTO games(student_id, role, opponent, room, scenario, scenario_hash, seed, odds, started,"
                " updated, turn, date, meters, choices) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (sid, role, opponent, room, sc.id, sc.content_hash, state.seed, int(bool(odds)), now(), now(),
                 state.turn, state.day.isoformat(), json.dumps(meters_of(state)), json.dumps(list(state.choices))))
            return cur.lastrowid

    def decision(self, game_id: int, d: Decision, after: State) -> None:
        """One decision, and the game's row brought up to date, in one transaction: never one without the other."""
        with writing(self.con) as con:
            con.execute(
                "INSERT OR IGNORE INTO decisions(game_id, seq, turn, date, role, seat, card, card_title,"
                " card_historical, option, label, history_option, outcome, outcome_label, outcome_text,"
                " history_outcome, probability, meters, swing, at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (game_id, d.seq, d.turn, d.date, d.role, d.seat, d.card, d.card_title, int(d.card_historical),
                 d.option, d.label, d.history_option, d.outcome, d.outcome_label, d.outcome_text, d.history_outcome,
                 d.probability, json.dumps(d.meters), d.swing, now()))
            self._touch(con, game_id, after)

    def ending(self, game_id: int, state: State, role: str) -> None:
        sc = state.scenario
        ending = sc.ending(state.ending)
        with writing(self.con) as con:
            con.execute("INSERT OR REPLACE INTO endings(game_id, ending, title, result, results, turn, at)"
                        " VALUES (?,?,?,?,?,?,?)",
                        (game_id, ending.id, ending.title, ending.result_for(role),
                         json.dumps({r.id: ending.result_for(r.id) for r in sc.roles}), state.turn, now()))
            self._touch(con, game_id, state)

    def progress(self, game_id: int, state: State) -> None:
        with writing(self.con) as con:
            self._touch(con, game_id, state)

    @staticmethod
    def _touch(con: sqlite3.Connection, game_id: int, state: State) -> None:
        con.execute("UPDATE games SET updated = ?, turn = ?, date = ?, meters = ?, choices = ? WHERE id = ?",
                    (now(), state.turn, state.day.isoformat(), json.dumps(meters_of(state)),
                     json.dumps(list(state.choices)), game_id))

    # Reading, for the teacher page, the report and the debriefs.
    def games(self) -> list[dict]:
        rows = self.con.execute(
            "SELECT g.*, s.name AS student, e.ending, e.title AS ending_title, e.result, e.results"
            " FROM games g JOIN students s ON s.id = g.student_id LEFT JOIN endings e ON e.game_id = g.id"
            " ORDER BY g.id").fetchall()
        games = []
        for r in rows:
            g = dict(r)
            g["meters"] = json.loads(g["meters"])
            g["choices"] = json.loads(g["choices"])
            g["results"] = json.loads(g["results"]) if g["results"] else None
            games.append(g)
        by_room: dict[str, list[dict]] = {}
        for g in games:
            if g["room"]:
                by_room.setdefault(g["room"], []).append(g)
        for g in games:  # a classmate's name stands for "classmate" once both have sat down
            if g["room"]:
                other = [o["student"] for o in by_room[g["room"]] if o["id"] != g["id"]]
                g["opponent_name"] = other[-1] if other else ""
            else:
                g["opponent_name"] = ""
        return games

    def decisions(self, game_ids: list[int] | None = None) -> list[dict]:
        sql = "SELECT * FROM decisions"
        args: tuple = ()
        if game_ids is not None:
            sql += f" WHERE game_id IN ({','.join('?' * len(game_ids))})"
            args = tuple(game_ids)
        rows = [dict(r) for r in self.con.execute(sql + " ORDER BY game_id, seq", args)]
        for r in rows:
            r["meters"] = json.loads(r["meters"])
        return rows

    def count_decisions(self) -> int:
        return self.con.execute("SELECT count(*) FROM decisions").fetchone()[0]


class GameRecorder:
    """Records one game of one student as it is played: call `turn` after each `resolve`."""

    def __init__(self, records: Records, student: str, state: State, role: str, opponent: str, odds: bool,
                 room: str | None = None, mine_only: bool = False):
        self.records = records
        self.role = role
        self.mine_only = mine_only  # in a room each side records its own decisions
        self.game_id = records.start_game(student, state, role, opponent, odds, room)

    def turn(self, before: State, turn: Turn, seat: str = "person") -> None:
        if not (self.mine_only and before.role != self.role):
            self.records.decision(self.game_id, Decision.of(before, turn, seat), turn.state)
        else:
            self.records.progress(self.game_id, turn.state)
        if turn.state.over:
            self.records.ending(self.game_id, turn.state, self.role)
