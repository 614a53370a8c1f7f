"""A dialog with one message and an OK button: how the game reports a save or scenario it cannot open."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from game.i18n import N_, _


class NoticeScreen(ModalScreen[None]):
    """Dismissed by Enter, Escape or the button."""

    BINDINGS = [Binding("escape", "dismiss", N_("Close"))]
    """Escape closes the dialog (the focused button takes Enter)."""

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.message, id="notice-message", markup=False)
            yield Button(_("OK"), id="ok", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#ok").focus()

    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self.dismiss(None)

    async def action_dismiss(self, result=None) -> None:
        self.dismiss(None)
