"""The teacher page's rows: each game's names and main meters as the page shows them."""

from game.classroom.records import GameRecorder, Records
from game.classroom.teacher import NAME_ROOM, teacher_rows
from game.engine import start


def _started(klass, scenario, room=None):
    records = Records(klass.database)
    GameRecorder(records, "Zoë", start(scenario, None, 3), scenario.order[0], "random", odds=True, room=room)
    return teacher_rows(records)


def test_the_main_meters_go_by_the_names_the_game_gives_them(klass):
    # The page called every meter by its short name ('US threat'), a name the game's panel gives only a label
    # that does not fit ('US threat of force' fits, and play showed it).
    from game.scenario import load, resolve_scenario

    sc = load(resolve_scenario("venezuela-2019"))
    shown = dict((name, value) for name, value in _started(klass, sc)[0]["main_meters"])
    meters = sc.meters[:len(shown)]
    assert len(shown) == 4
    assert list(shown) == [m.label if len(m.label) <= NAME_ROOM else m.short for m in meters]
    assert any(m.short and m.short != m.label and m.label in shown for m in meters), "no short name passed over"
    assert all(shown[m.label if m.label in shown else m.short] == m.start for m in meters)


def test_a_room_game_waiting_for_its_classmate_says_so(klass, tutorial):
    (row,) = _started(klass, tutorial, room="harbour")
    assert row["opponent_text"] == "classmate (not yet joined)"
