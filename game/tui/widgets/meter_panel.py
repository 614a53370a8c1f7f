"""The factions and their meters, grouped as the scenario groups them; scrolls when there are many."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive, var
from textual.widgets import Static

from ..views import MeterReading
from .meter_bar import MeterBar


class MeterPanel(VerticalScroll, can_focus=False):
    """Built once from the scenario's groups (structure); the readings are handed down every turn.

    Its values are vars, not reactives that repaint: the panel draws nothing of its own, and a repaint of it
    would have every bar in it drawn again, changed or not (a third of the time from a key to its outcome)."""

    readings: var[dict[str, MeterReading]] = var(dict, always_update=True)
    """The meters the reader may see: a meter missing here is hidden from them, and so is its bar."""
    viewer: var[str] = var("")
    """Whose view the panel shows, in a two-sided game ("" in a one-role game)."""
    compact = reactive(False, toggle_class="-compact")

    def __init__(self, groups: list[tuple[str, str, tuple[str, ...]]], **kwargs) -> None:
        super().__init__(**kwargs)
        self.groups = groups

    def compose(self) -> ComposeResult:
        yield Static(id="viewer", markup=False)
        yield Static(Content.assemble(("↑", "bold $text-accent"), " you want it up  ", ("↓", "bold $text-accent"),
                                      " down"), id="aims")
        for n, (heading, description, meter_ids) in enumerate(self.groups):
            if heading:
                yield Static(heading, id=f"faction-{n}", classes="faction", markup=False).with_tooltip(
                    description or None)
            for meter_id in meter_ids:
                yield MeterBar(id=f"meter-{meter_id}")

    def watch_readings(self, readings: dict[str, MeterReading]) -> None:
        for bar in self.query(MeterBar):
            bar.reading = readings.get(bar.id.removeprefix("meter-"))
            bar.display = bar.reading is not None
        for n, (heading, _d, meter_ids) in enumerate(self.groups):
            if heading:
                self.query_one(f"#faction-{n}").display = any(m in readings for m in meter_ids)
        self.query_one("#aims").display = any(r.aim for r in readings.values())
        self._fit()

    def watch_viewer(self, viewer: str) -> None:
        label = self.query_one("#viewer", Static)
        label.update(viewer)
        label.display = bool(viewer)

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        # Two rows a meter when they all fit, one row when the panel is short: a layout choice, not game state.
        bars = [bar for bar in self.query(MeterBar) if bar.display]
        headings = sum(1 for h, _d, _m in self.groups if h) + bool(self.viewer) + self.query_one("#aims").display
        self.compact = 2 * len(bars) + 2 * headings > self.scrollable_content_region.height
        for bar in bars:
            bar.compact = self.compact
