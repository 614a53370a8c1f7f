"""Rooms: two seats on one game, a full room, a wrong code, a drop and a return."""

import pytest

from game.classroom import rooms as rooms_module
from game.classroom.rooms import RoomError, Rooms
from game.engine import options


def first_open(state):
    return next(v.index for v in options(state) if v.available)


def test_two_sides_play_one_game_and_see_each_others_moves(klass, tutorial):
    a_side, b_side = Rooms(klass.database), Rooms(klass.database)
    a = a_side.create(tutorial, 5, tutorial.order[0], "Ana")
    b = b_side.join(a.room.lower(), "Bea")
    assert {a.role, b.role} == set(tutorial.order)
    state = a_side.state(tutorial, a.room)
    with pytest.raises(RoomError, match="not your turn"):
        b_side.play(tutorial, b, state, first_open(state))
    a_side.play(tutorial, a, state, first_open(state))
    seen_by_b = b_side.state(tutorial, a.room)
    assert len(seen_by_b.choices) == 1 and seen_by_b.role == b.role


def test_a_wrong_code_and_a_full_room_are_explained(klass, tutorial):
    rooms = Rooms(klass.database)
    seat = rooms.create(tutorial, 1, tutorial.order[0], "Ana")
    rooms.join(seat.room, "Bea")
    with pytest.raises(RoomError, match="no room"):
        rooms.join("ZZZZZ", "Cid")
    with pytest.raises(RoomError, match="no room"):
        rooms.join("../../etc/passwd", "Cid")
    with pytest.raises(RoomError, match="full"):
        rooms.join(seat.room, "Cid")


def test_a_dropped_side_comes_back_to_its_seat_and_the_game_as_it_was(klass, tutorial):
    rooms = Rooms(klass.database)
    a = rooms.create(tutorial, 2, tutorial.order[0], "Ana")
    b = rooms.join(a.room, "Bea")
    state = rooms.state(tutorial, a.room)
    rooms.play(tutorial, a, state, first_open(state))
    with pytest.raises(RoomError, match="still open elsewhere"):
        rooms.join(a.room, "Ana")  # her first tab still holds the seat
    rooms.leave(a)  # the tab closed
    again = rooms.join(a.room, "Ana")
    assert again.role == a.role
    assert rooms.state(tutorial, a.room).choices == state.choices + (first_open(state),)
    now = rooms.state(tutorial, a.room)
    rooms.play(tutorial, b, now, first_open(now))
    now = rooms.state(tutorial, a.room)
    with pytest.raises(RoomError, match="taken back"):
        rooms.play(tutorial, a, now, first_open(now))  # the old tab's seat is no longer its own
    rooms.play(tutorial, again, now, first_open(now))


def test_a_side_that_never_comes_back_is_seen_as_gone(klass, tutorial, monkeypatch):
    rooms = Rooms(klass.database)
    a = rooms.create(tutorial, 2, tutorial.order[0], "Ana")
    player, since = rooms.other_seen(a)
    assert since is None  # nobody sat down yet
    b = rooms.join(a.room, "Bea")
    monkeypatch.setattr(rooms_module.time, "time", lambda: 10_000_000_000.0)
    player, since = rooms.other_seen(a)
    assert player == "Bea" and since > rooms_module.GONE_AFTER
    del b


def test_terminals_without_names_share_a_room(tmp_path, tutorial):
    rooms = Rooms(tmp_path / "rooms.sqlite")
    a = rooms.create(tutorial, 9, tutorial.order[1])
    b = rooms.join(a.room)
    assert b.role == tutorial.order[0]
    with pytest.raises(RoomError, match="full"):
        rooms.join(a.room)
