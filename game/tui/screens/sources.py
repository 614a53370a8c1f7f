"""The scenario's sources: every document its cards cite, with outlet, date, summary and address."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from game.engine import Scenario
from game.i18n import N_, _

from ..widgets.reading_pane import ReadingPane


def source_list(scenario: Scenario) -> Content:
    if not scenario.sources:
        return Content.styled(_("This scenario lists no sources."), "italic")
    rows = []
    for n, s in enumerate(scenario.sources, start=1):  # numbered as citations name them (views.source_number)
        parts: list = [(f"[{n}] ", "bold"), (s.outlet, "bold"), f", {s.date}"]
        if s.title:
            parts += [": ", (s.title, "italic")]
        parts += ["\n", s.summary]
        if s.url:
            parts += ["\n", (s.url, "$text-muted")]
        rows.append(Content.assemble(*parts))
    return Content("\n\n").join(rows)


class SourcesScreen(ModalScreen[None]):
    """A scrollable list over the game."""

    BINDINGS = [Binding("escape,q,r", "close", N_("Close"), key_display="esc")]
    """Escape (or q, or r again) closes the list."""

    def __init__(self, scenario: Scenario) -> None:
        super().__init__()
        self.scenario = scenario

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(_("Sources: {title}").format(title=self.scenario.title), classes="dialog-title", markup=False)
            yield ReadingPane(Static(source_list(self.scenario)), id="sources-pane")
            yield Static(_("↑ ↓ PgUp PgDn Home End to scroll") + " · " + _("Escape to close"),
                         classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#sources-pane").focus()

    def action_close(self) -> None:
        self.dismiss(None)
