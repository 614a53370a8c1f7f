"""Shown instead of every other screen while the terminal is too small to lay the game out."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from game.i18n import N_, _

MIN_WIDTH, MIN_HEIGHT = 60, 16


class TooSmallScreen(Screen[None]):
    """One line of plain text, no padding: it lays out at any size, even 1x1. The app takes it away as soon
    as the terminal is big enough again, and the game underneath is exactly as it was."""

    DEFAULT_CSS = """
    TooSmallScreen { padding: 0; align: left bottom; }
    TooSmallScreen > Static { width: 100%; height: auto; padding: 0; margin: 0; }
    """
    """Kept here, beside the screen: it must hold at sizes the shared stylesheet never meets."""

    BINDINGS = [("q", "app.quit", N_("Quit"))]
    """q still quits: the player may not be able to make the terminal bigger."""

    def compose(self) -> ComposeResult:
        # The screens are laid out at MIN_WIDTH x MIN_HEIGHT at least, and a smaller terminal shows the
        # bottom-left corner of that: the words that matter come last, in short lines.
        yield Static(_("crisis needs a terminal of {width}x{height} at least;\nthe game waits as it was,"
                       " q quits.\nMake the\nterminal\nbigger.").format(width=MIN_WIDTH, height=MIN_HEIGHT), markup=False)


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT
