"""Between two people's decisions on one keyboard: a blank screen that names who plays next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Static

from game.i18n import N_, _


class HandOverScreen(Screen[None]):
    """Covers the whole game, so the next player sees neither the last card nor the last player's meters."""

    BINDINGS = [
        Binding("enter,space", "ready", N_("Ready"), key_display="Enter"),
    ]
    """Enter (or Space) once the keyboard has changed hands."""

    def __init__(self, role_name: str) -> None:
        super().__init__()
        self.role_name = role_name

    def compose(self) -> ComposeResult:
        with Vertical(id="hand-over"):
            with Center():
                yield Static(_("{role}'s turn").format(role=self.role_name), id="hand-over-title", markup=False)
            with Center():
                yield Static(_("Pass the keyboard, then press Enter."), id="hand-over-hint", markup=False)

    def action_ready(self) -> None:
        self.dismiss(None)
