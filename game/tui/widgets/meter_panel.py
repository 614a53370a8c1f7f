"""The factions and their meters, grouped as the scenario groups them; scrolls when there are many."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from ..views import MeterReading
from .meter_bar import MeterBar


class MeterPanel(VerticalScroll, can_focus=False):
    """Built once from the scenario's groups (structure); the readings are handed down every turn."""

    readings: reactive[dict[str, MeterReading]] = reactive(dict, always_update=True)
    compact = reactive(False, toggle_class="-compact")

    def __init__(self, groups: list[tuple[str, str, tuple[str, ...]]], **kwargs) -> None:
        super().__init__(**kwargs)
        self.groups = groups

    def compose(self) -> ComposeResult:
        for heading, description, meter_ids in self.groups:
            if heading:
                yield Static(heading, classes="faction", markup=False).with_tooltip(description or None)
            for meter_id in meter_ids:
                yield MeterBar(id=f"meter-{meter_id}")

    def watch_readings(self, readings: dict[str, MeterReading]) -> None:
        for bar in self.query(MeterBar):
            bar.reading = readings.get(bar.id.removeprefix("meter-"))

    def on_resize(self) -> None:
        # Two rows a meter when they all fit, one row when the panel is short: a layout choice, not game state.
        bars = list(self.query(MeterBar))
        headings = sum(1 for h, _d, _m in self.groups if h)
        self.compact = 2 * len(bars) + 2 * headings > self.scrollable_content_region.height
        for bar in bars:
            bar.compact = self.compact
