"""The save dialog: name a slot (asking before it replaces one); the game then writes it beside the autosave."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from game import saves
from game.i18n import N_, _

from .confirm import ConfirmScreen


class SaveScreen(ModalScreen[str | None]):
    """Returns the slot name, or None when cancelled. A name already taken is only returned once the player
    has said to overwrite it."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]
    """Escape closes the dialog without saving."""

    def __init__(self, suggestion: str) -> None:
        super().__init__()
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Save the game"), classes="dialog-title")
            yield Static(_("Name the save (letters, digits, spaces, - and _):"), markup=False)
            yield Input(self.suggestion, id="slot")
            yield Static("", id="slot-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_("Save"), id="save", variant="primary", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    @on(Input.Changed, "#slot")
    def _typing(self) -> None:
        self.query_one("#slot-error", Static).update("")

    @on(Input.Submitted, "#slot")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        name = self.query_one("#slot", Input).value.strip()
        try:
            path = saves.slot_file(name)
        except saves.SaveError as err:
            self.query_one("#slot-error", Static).update(str(err))
            return
        if not path.exists():
            self.dismiss(name)
            return

        def answered(overwrite: bool | None) -> None:
            if overwrite:
                self.dismiss(name)
            else:
                self.query_one("#slot", Input).focus()

        self.app.push_screen(ConfirmScreen(
            _("Overwrite '{name}'?").format(name=name),
            _("A save named '{name}' already exists. Saving replaces it with this game.").format(name=name),
            yes=_("Overwrite")), answered)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
