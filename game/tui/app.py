"""The crisis app: opens the first screen, moves between screens, and holds the app-wide keys."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Collection, Iterable, NamedTuple

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import Screen

from game.i18n import ENGLISH, N_, _, language

from .opening import Opening, plan
from .screens.too_small import MIN_HEIGHT, MIN_WIDTH, too_small

if TYPE_CHECKING:
    from .record import Record

DEFAULT_THEME = "textual-dark"

TEXTUAL_COMMANDS = (
    N_("Bell"), N_("Ring the bell"), N_("Theme"), N_("Change the current theme"), N_("Quit"),
    N_("Quit the application as soon as possible"), N_("Keys"), N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"), N_("Minimize"),
    N_("Minimize the widget and restore to normal size"), N_("Maximize"), N_("Maximize the focused widget"),
    N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen"),
)
"""Textual's own commands in the palette, for the catalog to hold: shown translated (an unknown one as written)."""
KEY_NAMES = (N_("space"), N_("space/enter"))
"""Keys shown by name in the footer, translated there; the others are symbols or keys' own labels (esc, Enter)."""


class Toasted(NamedTuple):
    """A toast the app put up, kept so that it can be put up again (see CrisisApp.withdraw)."""

    message: str
    title: str
    severity: str
    markup: bool
    until: float  # time.monotonic() when it goes


class CrisisApp(App[int]):
    """The game. Screens post what the player asked for and the app decides which screen comes next; game
    state lives in the game screen, never here."""

    CSS_PATH = "app.tcss"
    TITLE = "crisis"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (96, "-medium"), (110, "-wide")]
    """Below 110 columns the story log folds away behind a key; from 110 it has its own column."""
    BINDINGS = [
        Binding("f2", "toggle_contrast", N_("Contrast"), show=False),
    ]
    """Keys that work on every screen: F2 for high contrast (listed in the help and the palette, kept out of
    the footer to leave room at 80 columns); ctrl+q and ctrl+p, as in any Textual app."""

    drawn: Callable[[], object] | None = None
    """Called once, when the first screen the player sees has been drawn (`crisis` lets the garbage collector run
    again then: see game.tui.run)."""

    def __init__(self, opening: Opening) -> None:
        super().__init__()
        self.opening = opening
        self.toasted: list[Toasted] = []

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = False) -> None:
        """As Textual's, but plain text unless a caller asks for markup: a message often quotes a path or
        scenario text, and '[/]' in one must show as written, never break the toast."""
        timeout = self.NOTIFICATION_TIMEOUT if timeout is None else timeout
        now = time.monotonic()
        self.toasted = [t for t in self.toasted if t.until > now] + [Toasted(message, title, severity, markup,
                                                                             now + timeout)]
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def withdraw(self, messages: Collection[str]) -> None:
        """Take down the toasts saying `messages`, leaving the others ('Saved as ...', 'Autosave kept ...') up
        for the time they had left: Textual takes toasts down all at once only, so those are put up again."""
        now = time.monotonic()
        staying = [t for t in self.toasted if t.until > now and t.message not in messages]
        self.toasted = []
        self.clear_notifications()
        for t in staying:
            self.notify(t.message, title=t.title, severity=t.severity, timeout=t.until - now, markup=t.markup)

    @property
    def size(self) -> Size:
        """The size the screens are laid out at: never below the smallest the game can lay out (at 20x5 a
        list would wrap its text at width 0 and crash), however small the terminal; what does not fit is
        cut off, and the too-small notice is what shows in the corner that does."""
        real = App.size.fget(self)
        return Size(max(real.width, MIN_WIDTH), max(real.height, MIN_HEIGHT))

    def on_resize(self, event) -> None:
        # Runs before Textual's own handler, which hands the size on to the screens: they get the laid-out
        # size (see `size`), the notice the real one.
        real = event.size
        event.size = Size(max(real.width, MIN_WIDTH), max(real.height, MIN_HEIGHT))
        self._fit(real)

    def _fit(self, real: Size | None = None) -> None:
        """A terminal too small for the game gets a notice in place of every screen, until it grows."""
        from .screens.too_small import TooSmallScreen

        real = real or App.size.fget(self)
        small = too_small(real.width, real.height)
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not small:
            self.pop_screen()

    def on_mount(self) -> None:
        from .theme import HIGH_CONTRAST

        self.register_theme(HIGH_CONTRAST)
        self.theme = DEFAULT_THEME
        o = self.opening
        if o.record is not None:
            # After the app's first frame, so the game screen is built once, at the terminal's real size and
            # with the app's styles in place (built here, it was laid out twice before anything was drawn).
            self.call_later(self.play, o.record, o.odds)
        elif o.new_game:
            self.new_game(o.scenario, o.seed, o.odds)
        else:
            self.title_screen()
        self._fit()

    def _show(self, screen: Screen) -> None:
        # One main screen at a time above the default one: a dialog still open over the old one goes with it.
        # The too-small notice stays on top of whatever comes.
        from .screens.too_small import TooSmallScreen

        if isinstance(self.screen, TooSmallScreen):
            self.pop_screen()
            self._show(screen)
            self.push_screen(TooSmallScreen())
            return
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if len(self.screen_stack) == 2:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        if self.drawn is not None:
            drawn, self.drawn = self.drawn, None
            self.call_after_refresh(drawn)

    # What the screens ask for: each screen posts a message and knows nothing of the others. The handlers go
    # by Textual's naming (on_<screen>_<message>), so the title is drawn before any game screen is imported.

    def on_title_screen_new_game(self) -> None:
        self.new_game()

    def on_title_screen_resume(self, message) -> None:
        self.open_save(message.path)

    def on_new_game_screen_start(self, message) -> None:
        self.play(message.record, message.odds)

    def on_new_game_screen_back(self) -> None:
        self.title_screen()

    def on_game_screen_page_left(self, message) -> None:
        self.withdraw(message.notices)

    def on_game_screen_left(self) -> None:
        self.title_screen()

    def on_game_screen_finished(self, message) -> None:
        self.ending(message.record)

    def on_ending_screen_again(self, message) -> None:
        self.new_game(message.scenario, odds=True)

    def on_ending_screen_leave(self) -> None:
        self.title_screen()

    def title_screen(self) -> None:
        from .screens.title import TitleScreen

        self._show(TitleScreen())

    def new_game(self, scenario: str | None = None, seed: int | None = None, odds: bool = True) -> None:
        from .screens.new_game import NewGameScreen

        self._show(NewGameScreen(scenario=scenario, seed=seed, odds=odds))

    def play(self, record: Record, odds: bool) -> None:
        if record.state.over:
            self.ending(record)
            return
        from .screens.game import GameScreen

        watch = self.opening.watch
        if watch is not None and Path(record.scenario.path).resolve() != Path(watch):
            watch = None  # a game of another scenario (picked on the new-game screen): nothing to follow
        self._show(GameScreen(record, odds, watch=watch))

    def open_save(self, path: Path | None) -> None:
        """Resume a save (None: the autosave); a save that cannot be used is explained in a dialog."""
        from .loading import LoadError, find_save, restore

        try:
            save = find_save(None if path is None else str(path))
            record = restore(save)
        except LoadError as err:
            from .screens.notice import NoticeScreen

            self.push_screen(NoticeScreen(_("This save cannot be opened"), str(err)))
            return
        self.play(record, bool(save.meta.get("odds", True)))

    def ending(self, record: Record) -> None:
        from .screens.ending import EndingScreen

        self._show(EndingScreen(record))

    def action_command_palette(self) -> None:
        """As Textual's, with its search box's hint in the player's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=_("Search for commands…"), id="--command-palette"))

    def get_key_display(self, binding: Binding) -> str:
        shown = super().get_key_display(binding)
        return _(shown) if shown in KEY_NAMES else shown

    def action_toggle_contrast(self) -> None:
        self.theme = DEFAULT_THEME if self.theme == "crisis-high-contrast" else "crisis-high-contrast"

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title == "Keys" and language() != ENGLISH:
                continue  # Textual's keys panel speaks only English; How to play lists the keys in the player's words
            yield SystemCommand(_(command.title), _(command.help), command.callback, command.discover)
        yield SystemCommand(_("High contrast"), _("Switch the high-contrast theme on or off"), self.action_toggle_contrast)
        yield SystemCommand(_("How to play"), _("Keys, meters, odds and the rules of a turn"), self.action_help)
        yield from getattr(screen, "system_commands", lambda: ())()


def build_app(scenario: str | None = None, role: str | None = None, seed: int | None = None,
              odds: bool | None = None, resume: str | None = None, opponent: str | None = None,
              watch: bool = False) -> CrisisApp:
    """The one way to make the app, used by the CLI and every test. Raises LoadError for unusable arguments."""
    return CrisisApp(plan(scenario, role, seed, odds, resume, opponent, watch))
