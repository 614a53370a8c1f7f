"""Pair play across two screens: covers the game while the classmate decides, and says who is awaited."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from game.i18n import _


class WaitingScreen(Screen[None]):
    """Shown between this side's move and the classmate's; the room screen dismisses it when the move arrives."""

    # Kept here rather than in app.tcss: the classroom's screens stay out of the shared stylesheet.
    DEFAULT_CSS = """
    WaitingScreen { align: center middle; }
    #waiting-box { width: 72; height: auto; border: round $accent; padding: 1 2; }
    #waiting-message { text-style: bold; margin-bottom: 1; }
    """

    message: reactive[str] = reactive("")

    def __init__(self, message: str) -> None:
        super().__init__()
        self.set_reactive(WaitingScreen.message, message)

    def compose(self) -> ComposeResult:
        with Vertical(id="waiting-box"):
            yield Static(self.message, id="waiting-message", markup=False)
            yield Static(_("This screen moves on by itself. Ctrl+Q leaves: the room keeps the game."),
                         id="waiting-hint", markup=False)

    def watch_message(self, message: str) -> None:
        if self.is_mounted:
            self.query_one("#waiting-message", Static).update(message)
