"""The title screen: the game's name over its art, and New game, Continue, Load, How to play, Quit."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game import paths
from game.i18n import N_, _, language

from ..widgets.key_footer import KeyFooter

# game.saves names this file too; it is spelled out here so that the title screen, drawn before anything
# else, need not import the engine (tests/tui/test_imports.py keeps the two equal).
AUTOSAVE_FILE = "autosave.json"


def autosave_exists() -> bool:
    return (paths.saves() / AUTOSAVE_FILE).exists()


def read_asset(name: str) -> str:
    """An asset in the player's language when it has an edition in it (help.es.md beside help.md), else as written."""
    stem, dot, suffix = name.partition(".")
    for candidate in (f"{stem}.{language()}{dot}{suffix}", name):
        try:
            return (paths.assets() / candidate).read_text(encoding="utf-8").rstrip("\n")
        except OSError:
            continue
    return ""


class TitleScreen(Screen):
    """Only knows whether an autosave exists: no scenario is read until the player asks for one."""

    class NewGame(Message):
        """The player wants to start a new game."""

    class Resume(Message):
        """The player wants to go on with a saved game (path None: the autosave)."""

        def __init__(self, path: Path | None) -> None:
            super().__init__()
            self.path = path

    BINDINGS = [
        Binding("n", "new", N_("New game")),
        Binding("c", "resume", N_("Continue")),
        Binding("l", "load", N_("Load")),
        Binding("question_mark,h", "app.help", N_("How to play"), key_display="?"),
        Binding("q,escape", "quit", N_("Quit"), key_display="q"),
    ]
    """Each menu entry also has a key, shown in the footer. Quitting asks first: Escape is pressed by habit."""

    def compose(self) -> ComposeResult:
        with Vertical(id="title-box"):
            yield Center(Static(read_asset("title.txt"), id="title-art", markup=False))
            yield Center(Static(read_asset("tagline.txt"), id="tagline", markup=False))
            entries = [Option(_("New game"), id="new")]
            if autosave_exists():
                entries.append(Option(_("Continue"), id="resume"))
            entries += [Option(_("Load a saved game"), id="load"), Option(_("How to play"), id="help"),
                        Option(_("Quit"), id="quit")]
            yield Center(OptionList(*entries, id="menu"))
        yield KeyFooter(compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            return autosave_exists()
        return True

    @on(OptionList.OptionSelected, "#menu")
    def _menu(self, event: OptionList.OptionSelected) -> None:
        {"new": self.action_new, "resume": self.action_resume, "load": self.action_load,
         "help": self.app.action_help, "quit": self.action_quit}[event.option_id]()

    def action_new(self) -> None:
        self.post_message(self.NewGame())

    def action_resume(self) -> None:
        self.post_message(self.Resume(None))

    def action_load(self) -> None:
        from .load import LoadScreen

        self.app.push_screen(LoadScreen(), self._loaded)

    def _loaded(self, path: Path | None) -> None:
        if path is None:
            return
        kept = self._keep_autosave(path)
        self.post_message(self.Resume(path))
        if kept is not None:
            self.notify(kept.message(), title=_("Autosave kept"), timeout=15, markup=False)

    def _keep_autosave(self, path: Path):
        """The loaded game autosaves over the autosave: an unfinished game there is first kept by name."""
        from game import saves

        from ..loading import keep_previous_autosave

        try:
            loaded = saves.read_save(path)
        except saves.SaveError:
            return None  # it will not open (the app says why), so the autosave stays as it is
        try:
            return keep_previous_autosave(loaded.log)
        except OSError as err:
            self.notify(_("Could not keep the previous autosave: {error}").format(error=err.strerror or err),
                        severity="error", markup=False)
            return None

    def action_quit(self) -> None:
        from .confirm import ConfirmScreen

        saved = _("Your game is saved: Continue picks it up where you left off.") if autosave_exists() else ""
        self.app.push_screen(ConfirmScreen(_("Quit crisis?"), saved, yes=_("Quit")), self._quit)

    def _quit(self, quit_: bool | None) -> None:
        if quit_:
            self.app.exit()
