"""The game screen: owns the game record, plays the people's choices (the bots' follow), autosaves; its widgets follow.

In a two-sided game the screen reads as one person at a time, the **reader**: their card, the meters they
may see, and, one page each, every decision made since their last (their own, the opponent's, the
world's events). With two people on one keyboard a hand-over screen comes between their turns.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from functools import cache, partial
from typing import TYPE_CHECKING, Callable, Iterable, TypeVar

from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import Reactive, var
from textual.screen import Screen
from textual.widget import Widget

from game.engine import log_of
from game.i18n import N_, _, ngettext

from ..loading import keep_previous_autosave, save_meta, save_name
from ..record import Prologue, Record, Step
from ..seats import PERSON
from ..views import (
    CardShown, ChoiceShown, OutcomeShown, card_day, card_shown, changes_since, choices_shown, date_text, log_entries,
    meter_groups, meter_readings, outcome_shown, role_name,
)
from ..widgets.card_view import CardView
from ..widgets.game_header import GameHeader, HeaderLine
from ..widgets.key_footer import KeyFooter
from ..widgets.meter_panel import MeterPanel
from ..widgets.outcome_view import OutcomeView
from ..widgets.story_log import Story, StoryLog, no_story

if TYPE_CHECKING:
    # Imported where used, after the first frame: a new game's first frame needs neither saves (nor platformdirs)
    # nor the reloader.
    from ..reload import ScenarioReloaded


T = TypeVar("T")


class GameScreen(Screen):
    """The record (the game so far), who is reading and the outcome on show are the only game state in the UI,
    and they live here, in reactives; what each widget shows is computed from them and bound to it."""

    class Finished(Message):
        """The game is over and the reader has read its last page: the app shows the ending."""

        def __init__(self, record: Record) -> None:
            super().__init__()
            self.record = record

    class Left(Message):
        """The player asked for the title screen (the game is autosaved)."""

    class PageLeft(Message):
        """The page on show changed: the warnings about the last one (`notices`, their texts) no longer apply."""

        def __init__(self, notices: frozenset[str]) -> None:
            super().__init__()
            self.notices = notices

    BINDINGS = [
        Binding("1", "choose(1)", N_("Choose"), key_display="1-9"),
        *[Binding(str(n), f"choose({n})", f"Option {n}", show=False) for n in range(2, 10)],
        Binding("space,enter", "next", N_("Next"), key_display=N_("space/enter")),
        Binding("l", "toggle_log", N_("Log")),
        Binding("s", "save", N_("Save")),
        Binding("question_mark", "app.help", N_("Help"), key_display="?"),
        Binding("g", "glossary", N_("Who's who")),
        Binding("r", "sources", N_("Sources")),
        Binding("escape", "title", N_("Title"), show=False),
        Binding("q", "quit", N_("Quit"), show=False),
    ]
    """Numbers choose, Space or Enter reads on while some of an outcome's page is below the fold, then moves on (Enter wherever the focus is: on the button it presses it, on the
    story log or the meters it still moves on, as Space does); the rest open panels and dialogs. The
    descriptions are marked for translation and translated by the footer as it shows them."""

    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    """Below 30 rows (80x24) the card drops its blank rows around the date, so a card of many long options keeps
    lines of its story in view (a long Spanish card kept two; app.tcss)."""

    resumed = False
    """The screen has been shown once: see on_screen_resume."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """The widget with the keyboard, as Textual's screen has it, but without repainting the whole screen when it
    moves: the widgets that gain and lose focus restyle and redraw themselves, and every page moves the focus
    between the options and the Next button (a second frame of the whole screen after each key, issue 9)."""

    record: var[Record] = var(None, always_update=True, init=False)
    outcome: var[Step | Prologue | None] = var(None, always_update=True, init=False)
    reader: var[str] = var("", init=False)
    """The person at the keyboard: the role whose view the screen shows."""
    odds: var[bool] = var(True, init=False)
    names: var[dict] = var(dict, init=False)
    """Each meter's name as the meter panel shows it at its width: the pages and the log name meters the same way."""
    moves_room: var[int] = var(0, init=False)
    """The columns a certain option's moves have on one line of the card, from the card's width (see on_resize)."""
    log_toggled: var[bool] = var(False, toggle_class="-log-toggled", bindings=True)
    """The player pressed `l`: the log shows where it is hidden (narrow: over the card), or hides (wide)."""

    # What the widgets show, computed from the state above and bound to them in compose.
    header: var[HeaderLine | None] = var(None)
    readings: var[dict] = var(dict)
    viewer: var[str] = var("")
    since: var[str] = var("")
    card: var[CardShown | None] = var(None)
    choices: var[tuple[ChoiceShown, ...]] = var(tuple)
    page: var[OutcomeShown | None] = var(None)
    button: var[str] = var("")
    entries: var[Story] = var(lambda: no_story)

    def __init__(self, record: Record, odds: bool, watch: str | None = None) -> None:
        super().__init__()
        self.watch = watch  # a scenario folder to follow (crisis play --watch), else None
        self._stop_watching = threading.Event()
        state = record.state
        people = record.seats.people if record.seats else (record.player,)
        # Per person, how many steps they have read: everything up to their own last decision.
        # -1: not even the world's opening events (shown before the first move when there are any).
        unread = -1 if record.prologue is not None else 0
        self._computed: dict[str, tuple[tuple, object]] = {}
        self._notices: set[str] = set()  # the warnings about the page on show (see _page_notice)
        self.read = {p: max((n + 1 for n, s in enumerate(record.steps) if s.role == p), default=unread) for p in people}
        # The first values, before anything is mounted to watch them (Textual's way to set them in a constructor).
        self.set_reactive(GameScreen.record, record)
        self.set_reactive(GameScreen.reader, state.role if state.role in people else people[0])
        self.set_reactive(GameScreen.odds, odds)
        # The width's class (-narrow, -medium, -wide) from the start, as Textual will set it on the first resize:
        # set then, it would restyle every widget of the screen once more before the first frame.
        width = self.app.size.width
        breakpoints = self.HORIZONTAL_BREAKPOINTS or self.app.HORIZONTAL_BREAKPOINTS or []
        for at, name in sorted(breakpoints, reverse=True):
            if width >= at:
                self.add_class(name, update=False)
                break
        for at, name in sorted(self.VERTICAL_BREAKPOINTS, reverse=True):
            if self.app.size.height >= at:
                self.add_class(name, update=False)
                break

    def compose(self) -> ComposeResult:
        yield GameHeader(id="game-header").data_bind(line=GameScreen.header)
        with Horizontal(id="game-body"):
            yield MeterPanel(meter_groups(self.record.scenario), self.readings, self.viewer, self.since,
                             id="meters").data_bind(GameScreen.readings, GameScreen.viewer, GameScreen.since)
            with Vertical(id="play"):
                yield CardView(id="card").data_bind(GameScreen.card, GameScreen.choices, GameScreen.odds)
                # Bound here, mounted here only when the game opens on a page; under a first card, after its first
                # frame (see _place_outcome).
                self.outcome_view = OutcomeView(id="outcome").data_bind(shown=GameScreen.page,
                                                                        button=GameScreen.button)
                if self.read[self.reader] < len(self.record.steps):
                    yield self.outcome_view
            yield StoryLog(id="log").data_bind(GameScreen.entries)
        yield KeyFooter(compact=True)

    def on_resize(self) -> None:
        # The card's column: the screen less the meters and, on a wide screen, the log (app.tcss); less the
        # option's indent and 'certain: ' (16 columns: 32 of the 48 at 80 columns, the width the rule was made for).
        width = self.size.width
        log = 32 if width >= 110 and not self.log_toggled else 0
        self.moves_room = width - (38 if width >= 96 else 32) - log - 16

    def on_mount(self) -> None:
        seats = self.record.seats
        self.show_page()
        if seats is not None and seats.hot_seat and self.record.steps:
            # A resumed game on one keyboard: whoever sat here last must not see the next person's card.
            from .hand_over import HandOverScreen

            self.app.push_screen(HandOverScreen(role_name(self.record.scenario, self.reader)),
                                 lambda _: self.turn_page())
        elif self.read[self.reader] < len(self.record.steps):
            self.turn_page()  # a bot moved first, or moved since the save: show what it did
        if not any(step.seat == PERSON for step in self.record.steps):  # a new game: nobody has moved yet
            self.call_after_refresh(self._first_save)
        self.call_after_refresh(self._place_outcome)
        if self.watch is not None:
            from ..reload import watch_scenario

            self.run_worker(partial(watch_scenario, self, self.watch, self._stop_watching), thread=True,
                            group="watch", exclusive=True, exit_on_error=False)

    def _place_outcome(self) -> None:
        """The outcome view, hidden under a first card, joins the screen after its first frame: building its eight
        widgets and reading its button's styles was 3% of the work before that frame (issue 9). A page wanted
        before then (a number typed ahead) places it at once."""
        if self.outcome_view.parent is None:
            self.query_one("#play").mount(self.outcome_view)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Textual's own handler, which styles the whole screen again on every resume. The first
        # comes right after mounting, where each widget was styled as it joined: a second styling of all of
        # them was a tenth of the way to the game's first frame (issue 9). Later resumes (a dialog closed,
        # the theme changed under it) restyle as Textual does.
        if not self.resumed:
            self.resumed = True
            event.refresh_styles = False

    def on_unmount(self) -> None:
        self._stop_watching.set()

    def on_scenario_reloaded(self, message: ScenarioReloaded) -> None:
        """The scenario's files changed (crisis play --watch): play on from the same turn on the new content,
        or show the validator's messages and keep the last good version, or say why the game cannot go on."""
        from ..reload import carry_over

        if message.scenario is None:
            shown = "\n".join(str(p) for p in message.problems[:8])
            more = len(message.problems) - 8
            more_text = "\n" + ngettext("... and {n} more", "... and {n} more", more).format(n=more) if more > 0 else ""
            self.notify(shown + more_text, markup=False, severity="error",
                        title=_("The edit has errors: still playing the last good version"), timeout=20)
            return
        carried = carry_over(self.record.state, message.scenario)
        if carried.state is None:
            from .confirm import ConfirmScreen

            self.app.push_screen(ConfirmScreen(_("This game cannot go on with the new content"), carried.why + ".",
                                               _("Restart with it"), _("Keep playing")),
                                 lambda yes: self._restart(message.scenario) if yes else None)
            return
        self._take_record(Record.restore(message.scenario, log_of(carried.state), seats=self.record.seats))
        self.notify(_("Reloaded: still turn {turn}").format(turn=carried.state.turn), timeout=4)

    def _restart(self, scenario) -> None:
        record = self.record
        self._take_record(Record.new(scenario, self.reader, record.state.seed, record.seats))

    def _take_record(self, record: Record) -> None:
        """A game of the reloaded scenario in place of this one: everything in it counts as read."""
        self.read = {p: len(record.steps) for p in self.read}
        self.outcome = None
        self.record = record
        self.show_page()

    def _first_save(self) -> None:
        # After the first frame: a new game is on screen at once, and saved a moment later. A new game
        # must not silently replace the autosave of an unfinished one, so that one is kept by name.
        from game import saves

        try:
            kept = keep_previous_autosave(self.record.log)
        except OSError as err:
            self.notify(_("Could not keep the previous autosave: {error}").format(error=err.strerror or err),
                        severity="error")
        else:
            if kept is not None:  # said as Load says it (title.py), so the player knows where it went
                self.notify(kept.message(), title=_("Autosave kept"), timeout=15, markup=False)
        if saves.autosave_shared():  # another game holds this data folder's autosave: say where this one goes
            self.notify(_("Another game of crisis is running on this data folder, so this one autosaves to its"
                          " own file, {file}: Load opens it.").format(file=saves.own_autosave_path().name),
                        title=_("Two games"),
                        timeout=20, markup=False)
        self._autosave()

    # Derived values. Textual runs every compute method when any reactive of the screen changes, and again on
    # every read of its value (each binding reads it): each is worked out once for its inputs (see _once).

    def _once(self, name: str, inputs: tuple, make: Callable[[], T]) -> T:
        """`make()`, or what it gave last time for the same inputs (the same record and outcome objects, equal
        names and numbers): a compute ran a dozen times a key, a third of the time from a key to its outcome."""
        last = self._computed.get(name)
        if last is not None and all(a is b or (type(a) in (str, int, bool) and a == b) for a, b in zip(last[0], inputs)):
            return last[1]
        value = make()
        self._computed[name] = (inputs, value)
        return value

    @property
    def _two(self) -> bool:
        return self.record.scenario.two_sided

    def compute_header(self) -> HeaderLine:
        return self._once("header", (self.record, self.outcome, self.reader), self._header)

    def _header(self) -> HeaderLine:
        record, outcome, reader = self.record, self.outcome, self.reader
        state = record.state
        shown = outcome.before if outcome is not None else state
        sc = record.scenario
        if not self._two:
            whose = sc.role(state.role).name
        elif outcome is not None and outcome.role != reader:
            whose = _("{role}'s move").format(role=role_name(sc, outcome.role))
        else:
            whose = _("{role}'s turn").format(role=role_name(sc, reader))
        # The day the card on show is dated (a card fixed to a date keeps it); the world's opening, its turn's.
        day = shown.date if isinstance(outcome, Prologue) else card_day(shown)
        return HeaderLine(sc.title, whose, date_text(day), shown.turn, sc.calendar.max_turns, state.seed)

    def compute_readings(self) -> dict:
        two = self._two
        return self._once("readings", (self.record, self.outcome, self.reader), lambda: meter_readings(
            self.record, self.reader if two else None, self.outcome, aim_of=self.reader if two else self.record.player))

    def compute_since(self) -> str:
        return changes_since(self.record, self.reader if self._two else None, self.outcome)

    def compute_viewer(self) -> str:
        return _("{role}'s view").format(role=role_name(self.record.scenario, self.reader)) if self._two else ""

    def compute_card(self) -> CardShown | None:
        # The card hidden under an outcome stays as it was until it shows: the next one is filled in then, off
        # the path from a key to its outcome.
        record = self.record if self.outcome is None or "card" not in self._computed else self._computed["card"][0][0]
        return self._once("card", (record, self.reader),
                          lambda: card_shown(record.state, self.reader if self._two else None))

    def compute_choices(self) -> tuple[ChoiceShown, ...]:
        record = self.record if self.outcome is None or "choices" not in self._computed \
            else self._computed["choices"][0][0]
        return self._once("choices", (record, self.reader, self.names, self.moves_room), lambda: choices_shown(
            record.options(), record.state, self.reader if self._two else None, self.names, self.moves_room))

    def compute_page(self) -> OutcomeShown | None:
        if self.outcome is None:
            return None
        return self._once("page", (self.record, self.outcome, self.reader, self.odds, self.names), self._page)

    def _page(self) -> OutcomeShown:
        page = outcome_shown(self.record, self.outcome, self.reader if self._two else None, self.names)
        # Without the odds, the roll is not told either: its band and chance are the odds by another name.
        return page if self.odds else replace(page, odds="", roll="")

    def compute_button(self) -> str:
        return self._once("button", (self.record, self.reader, self.read[self.reader]), self._button_label)

    def compute_entries(self) -> Story:
        # The story as far as the reader has read it: no move shows in the log before its own page. Worked out
        # when the log is drawn, once: below 110 columns the log is hidden until 'l', and the whole story was
        # worked out again on every page (0.5 ms on turn 5, 2 ms by turn 40).
        record, reader, read, names, odds = (self.record, self.reader if self._two else None, self.read[self.reader],
                                             self.names, self.odds)
        return self._once("entries", (self.record, self.reader, read, names, odds),
                          lambda: cache(lambda: tuple(log_entries(record, reader, read, names, odds))))

    @on(MeterPanel.Named)
    def _named(self, message: MeterPanel.Named) -> None:
        self.names = message.names

    def watch_outcome(self) -> None:
        self.show_page()

    def show_page(self) -> None:
        """The card or the outcome, whichever is on show, with the keyboard on it. A new card has no option
        picked, so the Enter that dismissed the last outcome cannot play it unread."""
        card, result = self.query_one(CardView), self.outcome_view
        card.display, result.display = self.outcome is None, self.outcome is not None
        if self.outcome is not None:
            self._place_outcome()
        if self._notices:
            self.post_message(self.PageLeft(frozenset(self._notices)))
            self._notices.clear()
        # The footer names the keys that work on the page on show: the numbers on a card, Space/Enter on an outcome.
        self._footer_keys()
        if self.log_covers_play:
            return
        if self.outcome is None:
            card.focus_options()
        elif result.is_mounted:
            result.focus_continue()
        else:  # placed just now: its button is there once it is mounted
            result.call_later(result.focus_continue)

    def _footer_keys(self) -> None:
        # On an outcome, Space/Enter is named for what it does: reads on while the page has more, then moves on.
        footer = self.query_one(KeyFooter)
        # Behind the story log neither works (check_action), so neither is offered (issue 9: "1-9 Choose" stood there).
        footer.leave_out(frozenset({"choose", "next"} if self.log_covers_play
                                   else {"choose"} if self.outcome is not None else {"next"}))
        footer.describe("next", _("Read on ↓") if self.outcome is not None and self.outcome_view.unread
                        else None)

    @on(OutcomeView.More)
    def _more(self) -> None:
        self._footer_keys()

    @property
    def log_covers_play(self) -> bool:
        """On a narrow screen the story log, when shown, takes the card's place."""
        return self.log_toggled and not self.has_class("-wide")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("choose", "next") and self.log_covers_play:
            return None  # the card is hidden under the log: its keys wait until it is back
        return True

    def _button_label(self) -> str:
        record = self.record
        if self.read[self.reader] < len(record.steps):
            return _("Next  (Enter)")
        if record.state.over:
            return _("See how it ends  (Enter)")
        if record.state.role != self.reader:
            return _("Pass the keyboard  (Enter)")
        return _("Next card  (Enter)")

    def turn_page(self, played: Record | None = None) -> None:
        """Show the reader the next decision they have not read; when none is left, their card, or the
        hand-over to the next person, or the ending. `played`: the game after the reader's choice (and the
        bots' answers), assigned here after the page, so that what the page shows (meters, header, outcome)
        moves once, to the page, rather than to the new turn and back; the card under it follows unseen."""
        record = self.record if played is None else played
        n = self.read[self.reader]
        if n < len(record.steps):
            self.read[self.reader] = n + 1  # from -1 (not even the world's opening events read): 0
            self.outcome = record.prologue if n < 0 else record.steps[n]
            if played is not None:
                self.record = played
            return
        if played is not None:
            self.record = played
        if record.state.over:
            self.post_message(self.Finished(record))
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

    def _page_notice(self, text: str) -> None:
        """A warning about the page on show, taken down when the page changes (show_page): left up, it covered the
        next card's meter panel (issue 9)."""
        self._notices.add(text)
        self.notify(text, severity="warning")

    def action_choose(self, number: int) -> None:
        """Key `number` takes the number-th option the reader sees (not the number-th on the card)."""
        views = self.record.options()
        if self.outcome is not None:  # said, not ignored, as a number with no option is
            self._page_notice(_("No card to choose from on this page: Space or Enter goes on."))
            return
        if self.record.state.role != self.reader:
            return
        if not 1 <= number <= len(views):  # said, not ignored: a key that does nothing reads as a broken game
            self._page_notice(ngettext("There is no option {number}: this card has {count} option (1).",
                                       "There is no option {number}: this card has {count} options (1-{count}).",
                                       len(views)).format(number=number, count=len(views)))
            return
        view = views[number - 1]
        if not view.available:
            self._page_notice(_("Option {number} is not available: {reason}").format(number=number,
                                                                                     reason=view.reason))
            return
        self.play_option(view.index)

    def play_option(self, index: int) -> None:
        """Play option `index` (its index on the card) for the reader, once the key has been checked. The bots
        answer at once; the reader then reads each decision in turn, their own first. Screens that play
        elsewhere (a class's records, a room) say so here, not in the key's checks."""
        self.turn_page(self.record.play(index).play_bots())
        # Saved right after the outcome is drawn (a few milliseconds later): the fsync stays off the
        # key-to-outcome path, and a kill in between loses only the turn in progress.
        self.call_after_refresh(self._autosave)

    def action_next(self) -> None:
        """Space or Enter on an outcome: reads on while some of the page is below the fold (the world's events
        told below went unread at 120x40), then moves on."""
        view = self.outcome_view
        if self.outcome is None or not view.is_mounted or view.read_on():  # not mounted: the page is not shown yet
            return
        self.turn_page()

    @on(OutcomeView.Continue)
    def _continue(self) -> None:
        if self.outcome is not None:
            self.turn_page()

    def _autosave(self) -> bool:
        from game import saves

        try:
            saves.autosave(self.record.log, save_meta(self.record, self.odds))
        except OSError as err:
            self.notify(_("Could not autosave: {error}").format(error=err.strerror or err), severity="error",
                        timeout=10)
            return False
        return True

    def action_toggle_log(self) -> None:
        self.log_toggled = not self.log_toggled
        if self.log_covers_play:
            self.query_one(StoryLog).focus()
            self._footer_keys()
        else:
            self.show_page()

    def action_save(self) -> None:
        from .save import SaveScreen

        state = self.record.state
        name = save_name(self.record.player)
        # the turn in the header, not state.turn, one past it while a decision's outcome is on show
        suggestion = _("{role}-seed{seed}-turn{turn}").format(role=name, seed=state.seed,
                                                              turn=self.compute_header().turn)
        self.app.push_screen(SaveScreen(suggestion), self._save_as)

    def _save_as(self, name: str | None) -> None:
        if name is None:
            return
        from game import saves

        try:
            path = saves.write_save(saves.slot_file(name), self.record.log, save_meta(self.record, self.odds))
        except OSError as err:
            self.notify(_("Could not save: {error}").format(error=err.strerror or err), severity="error", timeout=10)
            return
        self.notify(_("Saved as '{name}' ({path})").format(name=name, path=path), title=_("Saved"))

    def action_glossary(self) -> None:
        from .glossary import GlossaryScreen

        self.app.push_screen(GlossaryScreen(self.record.scenario))

    def action_sources(self) -> None:
        from .sources import SourcesScreen

        self.app.push_screen(SourcesScreen(self.record.scenario))

    def action_title(self) -> None:
        """Escape: first closes the story log where it covers the card; then leaves for the title, saying
        where the game went."""
        if self.log_covers_play:
            self.action_toggle_log()
            return
        if not self.record.state.over and self._autosave():
            self.notify(_("Your game is saved: Continue (c) on the title screen picks it up."), title=_("Saved"),
                        timeout=6)
        self.post_message(self.Left())

    def action_quit(self) -> None:
        """q: asks first and says the game is saved, as the title screen does (ctrl+q quits at once)."""
        from .confirm import ConfirmScreen

        saved = not self.record.state.over and self._autosave()
        message = _("Your game is saved: Continue picks it up where you left off.") if saved else ""
        self.app.push_screen(ConfirmScreen(_("Quit crisis?"), message, yes=_("Quit")),
                             lambda quit_: self.app.exit() if quit_ else None)

    def system_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(_("Who's who"), _("The scenario's glossary, searchable"), self.action_glossary)
        yield SystemCommand(_("Sources"), _("The documents this scenario draws on"), self.action_sources)
        yield SystemCommand(_("Save game"), _("Save to a named slot"), self.action_save)
        yield SystemCommand(_("Story log"), _("Show or hide the story so far"), self.action_toggle_log)
