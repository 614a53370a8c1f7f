"""A yes-or-no dialog: a question, what it means, and two buttons (the first one has the focus)."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from game.i18n import N_, _


class ConfirmScreen(ModalScreen[bool]):
    """Returns True for the first button (Enter, as it has the focus), False for the other or Escape."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]
    """Escape answers no; so does the language's letter for no, and its letter for yes answers yes (on_key)."""

    YES_KEY = N_("y")  # the letter that answers yes (Spanish: s), shown on the button
    NO_KEY = N_("n")

    def __init__(self, question: str, message: str, yes: str, no: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.message = message
        self.yes = yes
        self.no = _("Cancel") if no is None else no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # Both texts may carry a save's name, which the player typed: shown as plain text.
            yield Static(self.question, classes="dialog-title", markup=False)
            if self.message:
                yield Static(self.message, id="confirm-message", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_("{answer} ({key})").format(answer=self.yes, key=_(self.YES_KEY)), id="confirm",
                             variant="primary", compact=True)
                yield Button(_("{answer} ({key})").format(answer=self.no, key=_(self.NO_KEY)), id="cancel",
                             compact=True)

    def on_mount(self) -> None:
        self.query_one("#confirm").focus()

    def on_key(self, event: events.Key) -> None:
        # Letters, not bindings: which letter answers depends on the language (y/n, s/n).
        letter = (event.character or "").casefold()
        if letter == _(self.YES_KEY).casefold():
            event.stop()
            self.dismiss(True)
        elif letter == _(self.NO_KEY).casefold():
            event.stop()
            self.dismiss(False)

    @on(Button.Pressed, "#confirm")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
