"""Pair play across two screens: covers the game while the classmate decides, and says who is awaited."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static


class WaitingScreen(Screen[None]):
    """Shown between this side's move and the classmate's; the room screen dismisses it when the move arrives."""

    message: reactive[str] = reactive("")

    def __init__(self, message: str) -> None:
        super().__init__()
        self.set_reactive(WaitingScreen.message, message)

    def compose(self) -> ComposeResult:
        with Vertical(id="hand-over"):
            with Center():
                yield Static(self.message, id="waiting-message", markup=False)
            with Center():
                yield Static("This screen moves on by itself. Ctrl+Q leaves: the room keeps the game.",
                             id="waiting-hint", markup=False)

    def watch_message(self, message: str) -> None:
        if self.is_mounted:
            self.query_one("#waiting-message", Static).update(message)
