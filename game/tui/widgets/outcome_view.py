"""What a choice led to: the roll against its odds, the result, and every change; then on to the next card."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Static

from ..record import Step
from ..views import change_lines, roll_text


class OutcomeView(VerticalScroll, can_focus=False):
    """Shows the step it is given; Enter, Space or the button post OutcomeView.Continue."""

    class Continue(Message):
        """The player has read the outcome."""

    step: reactive[Step | None] = reactive(None)
    last: reactive[bool] = reactive(False)  # the game ended with this step

    def compose(self) -> ComposeResult:
        yield Static(id="outcome-choice")
        yield Static(id="outcome-roll")
        yield Static(id="outcome-text", markup=False)
        yield Static(id="outcome-changes")
        yield Button("Next card", id="continue", variant="primary", compact=True)

    def watch_step(self, step: Step | None) -> None:
        if step is None:
            return
        card = step.before.current_card
        self.query_one("#outcome-choice", Static).update(
            Content.assemble((card.title, "bold"), ": you chose ", (step.chosen.label, "italic")))
        self.query_one("#outcome-roll", Static).update(Content.styled(roll_text(step), "$text-muted"))
        self.query_one("#outcome-text", Static).update(step.rolled.text)
        lines = change_lines(step) or ["Nothing changed."]
        self.query_one("#outcome-changes", Static).update(Content("\n".join(lines)))
        self.scroll_home(animate=False)

    def watch_last(self, last: bool) -> None:
        self.query_one("#continue", Button).label = "See how it ends  (Enter)" if last else "Next card  (Enter)"

    @on(Button.Pressed, "#continue")
    def _continue(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Continue())

    def focus_continue(self) -> None:
        self.query_one("#continue", Button).focus()
