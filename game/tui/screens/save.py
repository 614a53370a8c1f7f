"""The save dialog: name a slot; the game then writes it beside the autosave."""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.validation import Regex
from textual.widgets import Button, Input, Static

from game.saves import AUTOSAVE

SLOT = r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}"


class SaveScreen(ModalScreen[str | None]):
    """Returns the slot name, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    """Escape closes the dialog without saving."""

    def __init__(self, suggestion: str) -> None:
        super().__init__()
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Save the game", classes="dialog-title")
            yield Static("Name the save (letters, digits, - and _):")
            yield Input(self.suggestion, id="slot", validators=[Regex(SLOT)], valid_empty=False)
            yield Static("", id="slot-error")
            with Horizontal(classes="buttons"):
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    @on(Input.Submitted, "#slot")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        name = self.query_one("#slot", Input).value.strip()
        if not re.fullmatch(SLOT, name) or name == AUTOSAVE:
            self.query_one("#slot-error", Static).update(
                "Use letters, digits, - and _ (up to 40), and not 'autosave'.")
            return
        self.dismiss(name)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
