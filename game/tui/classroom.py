"""The TUI's side of the classroom: `crisis play --class NAME` (the student's name, every decision recorded)
and `crisis play --room CODE|new` (pair play across two screens through a room)."""

from __future__ import annotations

import argparse
import getpass
import secrets
import sys
from dataclasses import dataclass, field

from game.i18n import _

from .app import CrisisApp
from .opening import LoadError, Opening
from .record import Record
from .seats import PERSON, Seats


@dataclass
class RoomLink:
    rooms: object  # game.classroom.rooms.Rooms
    seat: object  # game.classroom.rooms.Seat
    scenario: object

    def play(self, state, index: int):
        return self.rooms.play(self.scenario, self.seat, state, index)

    def moves(self) -> tuple[int, ...]:
        return self.rooms.moves(self.seat.room)

    def heartbeat(self) -> None:
        self.rooms.heartbeat(self.seat)

    def other(self):
        return self.rooms.other_seen(self.seat)

    def leave(self) -> None:
        self.rooms.leave(self.seat)


@dataclass
class ClassLink:
    """What the app knows of its class (None: no class) and its room (None: a game of its own)."""

    klass: object = None  # game.classroom.folder.ClassFolder
    student: str | None = None
    room: RoomLink | None = None
    records: object = field(default=None, repr=False)

    def recorder(self, record: Record, odds: bool):
        if self.klass is None or not self.student:
            return None
        from game.classroom.records import GameRecorder, Records

        if self.records is None:
            self.records = Records(self.klass.database)
        player = self.room.seat.role if self.room else record.player
        opponent = "classmate" if self.room else (record.seats.opponent_of(player) if record.seats else "")
        return GameRecorder(self.records, self.student, record.first, player, opponent or "none", odds,
                            self.room.seat.room if self.room else None, mine_only=self.room is not None)


class ClassApp(CrisisApp):
    """The game, with New game asking the student's name in a class, and games shown on the class's screens."""

    def __init__(self, opening: Opening, link: ClassLink) -> None:
        super().__init__(opening)
        self.link = link

    def new_game(self, scenario: str | None = None, seed: int | None = None, odds: bool = True) -> None:
        if self.link.room is not None:  # the room's game is over or left: what follows is a game of one's own
            self.link.room.leave()
            self.link.room = None
        if self.link.klass is None or self.link.student:
            super().new_game(scenario, seed, odds)
            return
        from .screens.student import StudentNameScreen

        def named(name: str | None) -> None:
            if name:
                self.link.student = name
                super(ClassApp, self).new_game(scenario, seed, odds)

        self.push_screen(StudentNameScreen(self.link.klass.name), named)

    def play(self, record: Record, odds: bool) -> None:
        if record.state.over:
            self.ending(record)
            return
        from .screens.room import ClassGameScreen, RoomScreen

        self._show((RoomScreen if self.link.room else ClassGameScreen)(record, odds, self.link))


def run_class(args: argparse.Namespace) -> int:
    """`crisis play` with --class, --student or --room."""
    from game.classroom.folder import class_folder
    from game.classroom.names import BadName, check_student, student_problem
    from game.classroom.rooms import RoomError, Rooms

    try:
        klass = class_folder(args.klass, create=False) if args.klass else None
        student = check_student(args.student) if args.student else None
        link = ClassLink(klass, student)
        if args.room:
            if student is None:
                user = getpass.getuser()
                student = link.student = user if student_problem(user) is None else _("Player")
            link.room, opening = _room(args, klass, student, Rooms)
        else:
            from .opening import plan

            opening = plan(args.scenario, args.role, args.seed, args.odds, args.resume, args.opponent)
    except (BadName, FileNotFoundError, RoomError, LoadError, ValueError) as err:
        print(f"crisis: {err}", file=sys.stderr)
        return 1
    app = ClassApp(opening, link)
    try:
        result = app.run()
    finally:
        if link.room is not None:
            link.room.leave()
    return result if isinstance(result, int) else 0


def _room(args, klass, student: str, Rooms):
    from game.classroom.rooms import RoomError
    from game.classroom.scenarios import room_scenario, scenario_for

    rooms = Rooms(klass.database if klass else None)
    if args.room.strip().lower() == "new":
        scenario = room_scenario(args.scenario)
        if scenario is None:
            raise RoomError(_("pair play needs a two-sided scenario, and none is installed"))
        role = args.role or scenario.order[0]
        seat = rooms.create(scenario, args.seed if args.seed is not None else secrets.randbelow(100_000), role,
                            student, odds=args.odds is not False)
        print(_("Room {code}: your classmate runs  crisis play --room {code}").format(code=seat.room), file=sys.stderr)
    else:
        info = rooms.info(args.room)
        scenario = scenario_for(info["scenario"], info["scenario_hash"])
        if scenario is None:
            raise RoomError(_("room {code} plays '{scenario}', which is not installed here in the same version").format(
                code=info["code"], scenario=info["scenario"]))
        seat = rooms.rejoin(info["code"], student, args.role)
    info = rooms.info(seat.room)
    record = Record.restore(scenario, rooms.log(seat.room), Seats(tuple((r, PERSON) for r in scenario.order)))
    return RoomLink(rooms, seat, scenario), Opening(record=record, odds=bool(info["odds"]))
