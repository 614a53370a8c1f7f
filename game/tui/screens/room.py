"""Class games on screen: a game that records each decision for the class, and a room game whose moves come
and go through the room (two screens, one game), waiting with a clear message while the classmate decides."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from game.classroom.rooms import GONE_AFTER, RoomError
from game.i18n import _, ngettext

from ..record import Record
from ..views import role_name
from .game import GameScreen

if TYPE_CHECKING:
    from ..classroom import ClassLink, RoomLink


class ClassGameScreen(GameScreen):
    """The game screen, with every decision (a bot's too) written to the class's records as it is made."""

    def __init__(self, record: Record, odds: bool, link: ClassLink) -> None:
        super().__init__(record, odds)
        self.link = link
        self.recorder = None
        self.recorded = 0

    def on_mount(self) -> None:
        self.recorder = self.link.recorder(self.record, self.odds)
        self.record_new()

    def record_new(self) -> None:
        if self.recorder is None:
            return
        try:
            for step in self.record.steps[self.recorded:]:
                self.recorder.turn(step.before, step.turn, step.seat)
                self.recorded += 1
        except sqlite3.Error as err:  # the game goes on; the teacher's copy misses this move
            self.notify(_("Could not record for the class: {error}").format(error=err), severity="error")

    def play_option(self, index: int) -> None:
        super().play_option(index)
        self.record_new()


class RoomScreen(ClassGameScreen):
    """This side's role is the reader, always; the other role's moves arrive from the room."""

    POLL_SECONDS = 0.5

    def __init__(self, record: Record, odds: bool, link: ClassLink) -> None:
        super().__init__(record, odds, link)
        self.room: RoomLink = link.room
        self.set_reactive(GameScreen.reader, self.room.seat.role)
        self.waiting = None

    def on_mount(self, event) -> None:
        event.prevent_default()  # no hand-over: each person has their own screen
        self.recorder = self.link.recorder(self.record, self.odds)
        self.record_new()
        self.set_interval(self.POLL_SECONDS, self.poll)
        self.notify(_("Room {code}: your classmate joins with this code.").format(code=self.room.seat.room), timeout=20)
        self.turn_page()

    def turn_page(self, played: Record | None = None) -> None:
        record = self.record if played is None else played
        mine = record.state.over or record.state.role == self.reader
        if self.read[self.reader] < len(record.steps) or mine:
            if played is not None or not self._stop_waiting():
                super().turn_page(played)
            return
        if played is not None:
            self.record = played
        self.outcome = None
        if self.waiting is None:
            from .waiting import WaitingScreen

            self.waiting = WaitingScreen(self.waiting_message())
            # Back on this screen only once the waiting one is gone: then the page turns and takes the focus.
            self.app.push_screen(self.waiting, lambda _result: self.turn_page())

    def _stop_waiting(self) -> bool:
        """Dismiss the waiting screen, if it is up (its callback turns the page); True when it was."""
        if self.waiting is None:
            return False
        waiting, self.waiting = self.waiting, None
        if waiting.is_attached and self.app.screen is waiting:
            waiting.dismiss(None)
            return True
        return False

    def waiting_message(self) -> str:
        sc = self.record.scenario
        other = role_name(sc, self.record.state.role)
        name, since = self.room.other()
        code = self.room.seat.room
        if since is None:
            return _("Waiting for your classmate to join as {role}: give them the room code {code}.").format(
                role=other, code=code)
        who = f"{name} ({other})" if name and name != "-" else other
        if since > GONE_AFTER:
            minutes = int(since // 60)
            return ngettext("{who} has not been seen for {n} minute: their tab may have closed. The game is kept in"
                            " room {code}; they can come back to it with that code.",
                            "{who} has not been seen for {n} minutes: their tab may have closed. The game is kept in"
                            " room {code}; they can come back to it with that code.", minutes).format(
                who=who, n=minutes, code=code)
        return _("Waiting for {who} to decide…").format(who=who)

    def _button_label(self) -> str:
        label = super()._button_label()
        if label == _("Pass the keyboard  (Enter)"):
            return _("Next  (Enter)")
        return label

    def play_option(self, index: int) -> None:
        """The room holds the game: the move is written there first, and the classmate's answer comes by poll."""
        try:
            self.room.play(self.record.state, index)
        except (RoomError, sqlite3.Error) as err:
            self.notify(str(err), severity="error")
            self.poll()
            return
        self.turn_page(self.record.play(index))
        self.record_new()

    def _autosave(self) -> None:
        """The room is this game's save: an autosave here would let Continue fork it into a game on one keyboard."""

    def poll(self) -> None:
        """The room's moves since this side last looked: played here in order, then shown."""
        try:
            self.room.heartbeat()
            moves = self.room.moves()
        except sqlite3.Error:
            return  # busy for longer than the timeout: look again at the next tick
        record = self.record
        done = record.log.choices
        if len(moves) <= len(done) or moves[:len(done)] != done:
            if self.waiting is not None:
                self.waiting.message = self.waiting_message()
            return
        for choice in moves[len(done):]:
            record = record.play(choice)
        self.record = record
        self.record_new()
        self._stop_waiting()  # its callback turns the page
