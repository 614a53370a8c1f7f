"""The class report and the debriefs: escaped, self-contained, and the debrief JSON replays."""

import json
import random

from game.classroom.debrief import debrief
from game.classroom.records import GameRecorder, Records
from game.classroom.report import build_report, write_report
from game.classroom.rooms import Rooms
from game.engine import options


def play_room(klass, tutorial, names, seed):
    rooms, records = Rooms(klass.database), Records(klass.database)
    a = rooms.create(tutorial, seed, tutorial.order[0], names[0])
    b = rooms.join(a.room, names[1])
    state = rooms.state(tutorial, a.room)
    ra = GameRecorder(records, names[0], state, a.role, "classmate", True, a.room, mine_only=True)
    rb = GameRecorder(records, names[1], state, b.role, "classmate", False, a.room, mine_only=True)
    rng = random.Random(seed)
    while not state.over:
        seat = a if state.role == a.role else b
        turn = rooms.play(tutorial, seat, state, rng.choice([v.index for v in options(state) if v.available]))
        ra.turn(state, turn)
        rb.turn(state, turn)
        state = turn.state
    return ra.game_id, rb.game_id, state


def test_a_debrief_carries_name_odds_both_roles_and_history(klass, tutorial):
    ga, gb, state = play_room(klass, tutorial, ("Zoë", "José"), 4)
    data, markdown = debrief(klass, gb)
    b = data["debrief"]
    assert b["student"] == "José" and b["odds_shown"] is False and b["opponent_name"] == "Zoë"
    assert {d["role"] for d in b["decisions"]} == set(tutorial.order)
    assert len(b["decisions"]) == len(state.choices)
    walkout = [d for d in b["decisions"] if d["card"] == "walkout"]
    assert all(d["history_option"]["label"] for d in walkout)  # each role's own historical option
    assert len({d["history_option"]["label"] for d in walkout}) == 2
    assert "José" in markdown and "Zoë" in markdown and "history's choice" in markdown
    # The date column is the game's; a historical card says when its event really happened (its `happened`).
    assert all(d["happened"] == ["2026-03-02", "2026-03-02"] for d in walkout)
    assert "| The walkout (historical: this happened on 2 Mar 2026) |" in markdown


def test_a_debrief_json_is_a_save_that_play_and_simulate_accept(klass, tutorial, tmp_path, capsys):
    from game.cli import main
    from game.tui.opening import plan

    ga, _gb, state = play_room(klass, tutorial, ("Ana", "Bea"), 8)
    data, _ = debrief(klass, ga)
    path = tmp_path / "debrief.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    opening = plan(resume=str(path))
    assert opening.record.state.choices == state.choices
    assert main(["simulate", "--from", str(path), "--runs", "20", "--jobs", "1"]) == 0


def test_the_report_escapes_what_it_shows_and_has_its_charts(klass, tutorial, tmp_path):
    play_room(klass, tutorial, ("Ana", "Bea"), 1)
    records = Records(klass.database)
    # A name that slipped past the checks (or an older database) is still only text on the page.
    records.con.execute("UPDATE students SET name = '<script>alert(1)</script>' WHERE name = 'Ana'")
    html = build_report(klass, sim_games=20)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert html.count("<svg") >= 3
    assert "<script" not in html and "<link" not in html and 'src="' not in html  # nothing to fetch: works offline
    out = write_report(klass, tmp_path / "report.html")
    links = [line for line in out.read_text().splitlines() if "report-debriefs/" in line]
    assert links and (tmp_path / "report-debriefs" / "game-1.md").is_file()


def test_class_report_command(klass, tutorial, tmp_path, capsys):
    from game.cli import main

    play_room(klass, tutorial, ("Ana", "Bea"), 2)
    assert main(["class", "report", klass.name, "--out", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").is_file()
    assert main(["class", "report", "../etc"]) == 2
    assert main(["class", "report", "nosuchclass"]) == 2
    assert "no class" in capsys.readouterr().err
