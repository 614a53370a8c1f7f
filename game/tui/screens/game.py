"""The game screen: owns the game record, plays the player's choices, autosaves, and hands values down."""

from __future__ import annotations

from typing import Iterable

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen

from game import saves

from ..loading import keep_previous_autosave, save_meta
from ..record import Record, Step
from ..views import card_shown, date_text, log_entries, meter_groups, meter_readings
from ..widgets.card_view import CardView
from ..widgets.game_header import GameHeader, HeaderLine
from ..widgets.key_footer import KeyFooter
from ..widgets.meter_panel import MeterPanel
from ..widgets.outcome_view import OutcomeView
from ..widgets.story_log import StoryLog


class GameScreen(Screen):
    """The record (the game so far) and the outcome on show are the only game state in the UI, and they live here."""

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
    outcome: var[Step | None] = var(None, always_update=True, init=False)

    def __init__(self, record: Record, odds: bool) -> None:
        super().__init__()
        self.set_reactive(GameScreen.record, record)
        self.odds = odds

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
        self._hand_down()
        if not self.record.steps:
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

    def _hand_down(self) -> None:
        record, outcome = self.record, self.outcome
        state = record.state
        shown = outcome.before if outcome is not None else state
        sc = record.scenario
        self.query_one(GameHeader).line = HeaderLine(sc.title, sc.role(state.role).name, date_text(shown.date),
                                                     shown.turn, sc.calendar.max_turns, state.seed)
        self.query_one(MeterPanel).readings = meter_readings(record)
        card, result = self.query_one(CardView), self.query_one(OutcomeView)
        card.display, result.display = outcome is None, outcome is not None
        if outcome is None:
            card.odds = self.odds
            card.card = card_shown(state)
            card.choices = record.options()
            card.focus_options()
        else:
            result.last = state.over
            result.step = outcome
            result.focus_continue()
        self.query_one(StoryLog).entries = tuple(log_entries(record))

    @on(CardView.OptionChosen)
    def _chosen(self, message: CardView.OptionChosen) -> None:
        self.choose(message.index)

    def action_choose(self, number: int) -> None:
        self.choose(number - 1)

    def choose(self, index: int) -> None:
        views = self.record.options()
        if self.outcome is not None or not 0 <= index < len(views):
            return
        if not views[index].available:
            self.notify(f"Option {index + 1} is not available: {views[index].reason}", severity="warning")
            return
        record = self.record.play(index)
        self.set_reactive(GameScreen.record, record)
        self.outcome = record.steps[-1]
        # Saved right after the outcome is drawn (a few milliseconds later): the fsync stays off the
        # key-to-outcome path, and a kill in between loses only the turn in progress.
        self.call_after_refresh(self._autosave)

    @on(OutcomeView.Continue)
    def action_next(self) -> None:
        if self.outcome is None:
            return
        if self.record.state.over:
            self.app.ending(self.record)
        else:
            self.outcome = None

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
        self.app.push_screen(SaveScreen(f"{state.role}-seed{state.seed}-turn{state.turn}"), self._save_as)

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
