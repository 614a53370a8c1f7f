"""The game screen: owns the game record, plays the people's choices (the bots' follow), autosaves, hands values down.

In a two-sided game the screen reads as one person at a time, the **reader**: their card, the meters they
may see, and, one page each, every decision made since their last (their own, the opponent's, the
world's events). With two people on one keyboard a hand-over screen comes between their turns.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen

from game import saves

from ..loading import keep_previous_autosave, save_meta, save_name
from ..record import Prologue, Record, Step
from ..seats import PERSON
from ..views import (
    card_shown, choices_shown, date_text, log_entries, meter_groups, meter_readings, outcome_shown, role_name,
)
from ..widgets.card_view import CardView
from ..widgets.game_header import GameHeader, HeaderLine
from ..widgets.key_footer import KeyFooter
from ..widgets.meter_panel import MeterPanel
from ..widgets.outcome_view import OutcomeView
from ..widgets.story_log import StoryLog


class GameScreen(Screen):
    """The record (the game so far), who is reading and the outcome on show are the only game state in the UI,
    and they live here."""

    BINDINGS = [
        Binding("1", "choose(1)", "Choose", key_display="1-9"),
        *[Binding(str(n), f"choose({n})", f"Option {n}", show=False) for n in range(2, 10)],
        Binding("space", "next", "Next"),
        Binding("l", "toggle_log", "Log"),
        Binding("s", "save", "Save"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("g", "glossary", "Who's who"),
        Binding("r", "sources", "Sources"),
        Binding("escape", "title", "Title", show=False),
        Binding("q", "app.quit", "Quit", show=False),
    ]
    """Numbers choose, Space (or Enter on the button) moves on; the rest open panels and dialogs."""

    record: var[Record] = var(None, always_update=True, init=False)
    outcome: var[Step | Prologue | None] = var(None, always_update=True, init=False)
    reader: var[str] = var("", init=False)
    """The person at the keyboard: the role whose view the screen shows."""

    def __init__(self, record: Record, odds: bool) -> None:
        super().__init__()
        self.set_reactive(GameScreen.record, record)
        state = record.state
        people = record.seats.people if record.seats else (record.player,)
        self.set_reactive(GameScreen.reader, state.role if state.role in people else people[0])
        self.odds = odds
        # Per person, how many steps they have read: everything up to their own last decision.
        # -1: not even the world's opening events (shown before the first move when there are any).
        unread = -1 if record.prologue is not None else 0
        self.read = {p: max((n + 1 for n, s in enumerate(record.steps) if s.role == p), default=unread) for p in people}

    def compose(self) -> ComposeResult:
        yield GameHeader(id="game-header")
        with Horizontal(id="game-body"):
            yield MeterPanel(meter_groups(self.record.scenario), id="meters")
            with Vertical(id="play"):
                yield CardView(id="card")
                yield OutcomeView(id="outcome")
            yield StoryLog(id="log")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        seats = self.record.seats
        if seats is not None and seats.hot_seat and self.record.steps:
            # A resumed game on one keyboard: whoever sat here last must not see the next person's card.
            from .hand_over import HandOverScreen

            self._hand_down()
            self.app.push_screen(HandOverScreen(role_name(self.record.scenario, self.reader)),
                                 lambda _: self.turn_page())
        elif self.read[self.reader] < len(self.record.steps):
            self.turn_page()  # a bot moved first, or moved since the save: show what it did
        else:
            self._hand_down()
        if not any(step.seat == PERSON for step in self.record.steps):  # a new game: nobody has moved yet
            self.call_after_refresh(self._first_save)

    def _first_save(self) -> None:
        # After the first frame: a new game is on screen at once, and saved a moment later. A new game
        # must not silently replace the autosave of an unfinished one, so that one is kept by name.
        try:
            keep_previous_autosave(self.record.log)
        except OSError as err:
            self.notify(f"Could not keep the previous autosave: {err.strerror or err}", severity="error")
        self._autosave()

    def watch_record(self) -> None:
        self._hand_down()

    def watch_outcome(self) -> None:
        self._hand_down()

    def watch_reader(self) -> None:
        self._hand_down()

    def _hand_down(self) -> None:
        record, outcome, reader = self.record, self.outcome, self.reader
        state = record.state
        shown = outcome.before if outcome is not None else state
        sc = record.scenario
        two = sc.two_sided
        if not two:
            whose = sc.role(state.role).name
        elif outcome is not None and outcome.role != reader:
            whose = f"{role_name(sc, outcome.role)}'s move"
        else:
            whose = f"{role_name(sc, reader)}'s turn"
        self.query_one(GameHeader).line = HeaderLine(sc.title, whose, date_text(shown.date),
                                                     shown.turn, sc.calendar.max_turns, state.seed)
        panel = self.query_one(MeterPanel)
        panel.viewer = f"{role_name(sc, reader)}'s view" if two else ""
        panel.readings = meter_readings(record, reader if two else None, outcome)
        card, result = self.query_one(CardView), self.query_one(OutcomeView)
        card.display, result.display = outcome is None, outcome is not None
        if outcome is None:
            card.odds = self.odds
            card.card = card_shown(state, reader if two else None)
            card.choices = choices_shown(record.options(), state, reader if two else None)
            card.focus_options()
        else:
            page = outcome_shown(record, outcome, reader if two else None)
            result.shown = page if self.odds else replace(page, odds="")
            result.button = self._button_label()
            result.focus_continue()
        # The story as far as the reader has read it: no move shows in the log before its own page.
        self.query_one(StoryLog).entries = tuple(log_entries(record, reader if two else None, self.read[reader]))

    def _button_label(self) -> str:
        record = self.record
        if self.read[self.reader] < len(record.steps):
            return "Next  (Enter)"
        if record.state.over:
            return "See how it ends  (Enter)"
        if record.state.role != self.reader:
            return "Pass the keyboard  (Enter)"
        return "Next card  (Enter)"

    def turn_page(self) -> None:
        """Show the reader the next decision they have not read; when none is left, their card, or the
        hand-over to the next person, or the ending."""
        record = self.record
        n = self.read[self.reader]
        if n < 0:
            self.read[self.reader] = 0
            self.outcome = record.prologue
            return
        if n < len(record.steps):
            self.read[self.reader] = n + 1
            self.outcome = record.steps[n]
            return
        if record.state.over:
            self.app.ending(record)
            return
        role = record.state.role
        if role != self.reader:
            from .hand_over import HandOverScreen

            self.app.push_screen(HandOverScreen(role_name(record.scenario, role)), lambda _: self._take_over(role))
            return
        self.outcome = None

    def _take_over(self, role: str) -> None:
        self.reader = role
        self.turn_page()

    @on(CardView.OptionChosen)
    def _chosen(self, message: CardView.OptionChosen) -> None:
        views = self.record.options()
        number = next((n for n, v in enumerate(views, start=1) if v.index == message.index), 0)
        self.action_choose(number)

    def action_choose(self, number: int) -> None:
        """Key `number` takes the number-th option the reader sees (not the number-th on the card)."""
        views = self.record.options()
        if self.outcome is not None or self.record.state.role != self.reader or not 1 <= number <= len(views):
            return
        view = views[number - 1]
        if not view.available:
            self.notify(f"Option {number} is not available: {view.reason}", severity="warning")
            return
        # The bots answer at once; the reader then reads each decision in turn, their own first.
        record = self.record.play(view.index).play_bots()
        self.set_reactive(GameScreen.record, record)
        self.turn_page()
        # Saved right after the outcome is drawn (a few milliseconds later): the fsync stays off the
        # key-to-outcome path, and a kill in between loses only the turn in progress.
        self.call_after_refresh(self._autosave)

    @on(OutcomeView.Continue)
    def action_next(self) -> None:
        if self.outcome is None:
            return
        self.turn_page()

    def _autosave(self) -> None:
        try:
            saves.autosave(self.record.log, save_meta(self.record, self.odds))
        except OSError as err:
            self.notify(f"Could not autosave: {err.strerror or err}", severity="error", timeout=10)

    def action_toggle_log(self) -> None:
        self.toggle_class("-show-log")
        if self.has_class("-show-log"):
            self.query_one(StoryLog).focus()
        else:
            self._hand_down()

    def action_save(self) -> None:
        from .save import SaveScreen

        state = self.record.state
        name = save_name(self.record.player)
        self.app.push_screen(SaveScreen(f"{name}-seed{state.seed}-turn{state.turn}"), self._save_as)

    def _save_as(self, name: str | None) -> None:
        if name is None:
            return
        try:
            path = saves.write_save(saves.slot_path(name), self.record.log, save_meta(self.record, self.odds))
        except OSError as err:
            self.notify(f"Could not save: {err.strerror or err}", severity="error", timeout=10)
            return
        self.notify(f"Saved as '{name}' ({path})", title="Saved")

    def action_glossary(self) -> None:
        from .glossary import GlossaryScreen

        self.app.push_screen(GlossaryScreen(self.record.scenario))

    def action_sources(self) -> None:
        from .sources import SourcesScreen

        self.app.push_screen(SourcesScreen(self.record.scenario))

    def action_title(self) -> None:
        self.app.title_screen()

    def system_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Who's who", "The scenario's glossary, searchable", self.action_glossary)
        yield SystemCommand("Sources", "The documents this scenario draws on", self.action_sources)
        yield SystemCommand("Save game", "Save to a named slot", self.action_save)
        yield SystemCommand("Story log", "Show or hide the story so far", self.action_toggle_log)
