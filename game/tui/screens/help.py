"""How to play: the keys and the rules (meters, odds, turns), read from assets/help.md."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from game.i18n import N_, _

from ..widgets.reading_pane import ReadingPane
from .title import read_asset


class HelpScreen(ModalScreen[None]):
    """A scrollable page over whatever screen opened it."""

    BINDINGS = [Binding("escape,q,question_mark", "close", N_("Close"), key_display="esc")]
    """Escape (or q, or ? again) closes the page."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            # The page is longer than most terminals: the Markdown sits in a focused scrolling container,
            # which takes the arrows, PageUp/PageDown, Home/End and the mouse wheel.
            with ReadingPane(id="help-text"):
                yield Markdown(read_asset("help.md") or _("The help file is missing from this installation."))
            yield Static(_("↑ ↓ PgUp PgDn Home End to scroll") + " · " + _("Escape to close"),
                         classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#help-text").focus()

    def action_close(self) -> None:
        self.dismiss(None)
