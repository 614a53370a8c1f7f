"""The class's records: every decision lands, even with thirty writers at once."""

import multiprocessing
import random
import sqlite3

from game.classroom.folder import class_folder
from game.classroom.records import Decision, GameRecorder, Records
from game.engine import options, resolve, start

WRITERS = 30
DECISIONS = 40


def test_a_class_folder_keeps_its_codes_and_lives_in_the_home(klass, tmp_path):
    again = class_folder("test-class")
    assert (again.code, again.teacher_key) == (klass.code, klass.teacher_key)
    assert klass.code != klass.teacher_key
    assert klass.admits(klass.code) and not klass.admits(klass.teacher_key) and not klass.admits(None)


def test_the_database_is_in_wal_mode(klass):
    records = Records(klass.database)
    assert records.con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _play(records, tutorial, student, seed):
    state = start(tutorial, None, seed)
    recorder = GameRecorder(records, student, state, tutorial.order[0], "random", odds=True)
    rng = random.Random(seed)
    while not state.over:
        view = rng.choice([v for v in options(state) if v.available])
        turn = resolve(state, view.index)
        recorder.turn(state, turn, "person" if state.role == tutorial.order[0] else "random")
        state = turn.state
    return recorder.game_id, state


def test_a_game_is_recorded_decision_by_decision_with_its_ending(klass, tutorial):
    records = Records(klass.database)
    game_id, state = _play(records, tutorial, "Zoë", 3)
    rows = records.decisions([game_id])
    assert [r["seq"] for r in rows] == list(range(len(state.choices)))
    assert {r["role"] for r in rows} == set(tutorial.order)
    game = records.games()[0]
    assert game["student"] == "Zoë" and game["ending"] == state.ending and game["choices"] == list(state.choices)


def _writer(path, index, scenario):
    records = Records(path)
    state = start(scenario, None, index)
    game_id = records.start_game(f"Student {chr(65 + index % 26)}{index}", state, scenario.order[0], "random", True)
    view = next(v for v in options(state) if v.available)
    turn = resolve(state, view.index)
    base = Decision.of(state, turn, "person")
    for seq in range(DECISIONS):
        records.decision(game_id, Decision(**{**base.__dict__, "seq": seq}), turn.state)
    records.close()


def test_thirty_writers_lose_nothing_and_are_never_locked_out(klass, tutorial):
    Records(klass.database).close()  # made before the rush, as the server does
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(klass.database, i, tutorial)) for i in range(WRITERS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0] * WRITERS  # a "database is locked" would fail a writer
    con = sqlite3.connect(klass.database)
    assert con.execute("SELECT count(*) FROM decisions").fetchone()[0] == WRITERS * DECISIONS
    assert con.execute("SELECT count(DISTINCT game_id) FROM decisions").fetchone()[0] == WRITERS


def test_a_new_database_opened_by_thirty_at_once(tmp_path, tutorial):
    path = tmp_path / "fresh.sqlite"
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(path, i, tutorial)) for i in range(WRITERS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0] * WRITERS
    assert sqlite3.connect(path).execute("SELECT count(*) FROM decisions").fetchone()[0] == WRITERS * DECISIONS


def test_a_decision_is_recorded_as_the_player_read_it():
    """A card's title and a result's text may hold {date} or {meter.X}: the class sees them filled in."""
    from pathlib import Path

    from game.scenario import load

    sc = load(Path(__file__).resolve().parents[1] / "data" / "valid2")
    state = start(sc, None, 1)
    while state.current_card.id != "patrol":
        state = resolve(state, next(v for v in options(state) if v.available).index).state
    turn = resolve(state, next(v for v in options(state) if v.available).index)
    decision = Decision.of(state, turn, "person")
    assert sc.card("patrol").title == "The week of {date}"
    assert "{" not in decision.card_title and decision.card_title.startswith("The week of ")
