"""The game's class hooks, driven with Pilot: the student's name before New game, each decision recorded,
and a room game that waits for the classmate and takes their move from the room."""

import argparse

from game.classroom.records import Records
from game.classroom.rooms import Rooms
from game.engine import options
from game.tui.classroom import ClassApp, ClassLink, _room
from game.tui.opening import Opening
from game.tui.screens.room import ClassGameScreen, RoomScreen
from game.tui.screens.student import StudentNameScreen
from game.tui.screens.waiting import WaitingScreen

SIZE = (110, 36)


async def test_in_a_class_new_game_asks_the_name_and_every_decision_is_recorded(klass):
    app = ClassApp(Opening(), ClassLink(klass))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, StudentNameScreen)
        await pilot.press(*"<b>", "enter")
        assert isinstance(app.screen, StudentNameScreen)  # refused, with its reason on the screen
        app.screen.query_one("#student-input").value = "José Ñúñez"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await to_own_card(pilot, app, ClassGameScreen)
        await pilot.press("1")
        await pilot.pause()
    records = Records(klass.database)
    games = records.games()
    assert [g["student"] for g in games] == ["José Ñúñez"]
    assert any(d["seat"] == "person" for d in records.decisions())


async def to_own_card(pilot, app, kind):
    await pilot.pause()
    for _ in range(30):  # the world's opening events, page by page
        if isinstance(app.screen, kind) and app.screen.outcome is None:
            return
        await pilot.press("enter")
        await pilot.pause()
    raise AssertionError(f"no card of one's own: {app.screen}")


def args(**kw):
    base = dict(room=None, role=None, seed=None, odds=None, scenario="tutorial")
    return argparse.Namespace(**{**base, **kw})


async def test_a_room_game_waits_for_the_classmate_and_takes_their_move(klass, tutorial):
    link, opening = _room(args(room="new", role=tutorial.order[0], seed=11), klass, "Ana", Rooms)
    other_side = Rooms(klass.database)
    other = other_side.join(link.seat.room, "Bea")
    app = ClassApp(opening, ClassLink(klass, "Ana", link))
    async with app.run_test(size=SIZE) as pilot:
        await to_own_card(pilot, app, RoomScreen)
        screen = app.screen
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("enter")  # past this side's outcome
        await pilot.pause()
        assert isinstance(app.screen, WaitingScreen)
        assert "Bea" in app.screen.message
        state = other_side.state(tutorial, other.room)
        other_side.play(tutorial, other, state, next(v.index for v in options(state) if v.available))
        for _ in range(40):
            await pilot.pause(0.1)
            if not isinstance(app.screen, WaitingScreen):
                break
        assert app.screen is screen
        assert len(screen.record.log.choices) == 2
    records = Records(klass.database)
    (game,) = records.games()
    assert game["student"] == "Ana" and game["room"] == link.seat.room
    assert [d["role"] for d in records.decisions()] == [tutorial.order[0]]  # each side records its own
