"""The factions and their meters, grouped as the scenario groups them; scrolls when there are many."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive, var
from textual.widgets import Static

from game.i18n import _

from ..views import MeterReading
from .meter_bar import MeterBar


class MeterPanel(VerticalScroll, can_focus=False):
    """Built once from the scenario's groups (structure); the readings are handed down every turn.

    Its values are vars, not reactives that repaint: the panel draws nothing of its own, and a repaint of it
    would have every bar in it drawn again, changed or not (a third of the time from a key to its outcome)."""

    readings: var[dict[str, MeterReading]] = var(dict, always_update=True, init=False)
    """The meters the reader may see: a meter missing here is hidden from them, and so is its bar."""
    viewer: var[str] = var("")
    """Whose view the panel shows, in a two-sided game ("" in a one-role game)."""
    compact = reactive(False, toggle_class="-compact")

    def __init__(self, groups: list[tuple[str, str, tuple[str, ...]]],
                 first: dict[str, MeterReading] | None = None, viewer: str = "", **kwargs) -> None:
        """`first` and `viewer`: what the panel opens on (bound to it after), so that it is laid out for them as
        it is built: a class toggled once its fifteen bars are mounted restyles every one of them."""
        super().__init__(**kwargs)
        self.groups = groups
        self.first = first
        self.set_reactive(MeterPanel.viewer, viewer)

    def compose(self) -> ComposeResult:
        # Kept by meter and by group, so each turn's readings reach them without a query of the DOM.
        self._bars: dict[str, MeterBar] = {}
        self._headings: list[tuple[Static, tuple[str, ...]]] = []
        self._aims = Static(Content.assemble(("↑", "bold $text-accent"), " " + _("you want it up") + "  ",
                                             ("↓", "bold $text-accent"), " " + _("down")), id="aims")
        viewer = Static(self.viewer, id="viewer", markup=False)
        viewer.display = bool(self.viewer)
        yield viewer
        yield self._aims
        for n, (heading, description, meter_ids) in enumerate(self.groups):
            if heading:
                static = Static(heading, id=f"faction-{n}", classes="faction", markup=False)
                self._headings.append((static, meter_ids))
                yield static.with_tooltip(description or None)
            for meter_id in meter_ids:
                bar = self._bars[meter_id] = MeterBar(id=f"meter-{meter_id}")
                yield bar
        if self.first is not None:
            self._show(self.first)

    def watch_readings(self, readings: dict[str, MeterReading]) -> None:
        self._show(readings)

    def _show(self, readings: dict[str, MeterReading]) -> None:
        for meter_id, bar in self._bars.items():
            bar.reading = readings.get(meter_id)
            bar.display = bar.reading is not None
        self._aims.display = any(r.aim for r in readings.values())
        self._fit()

    def watch_viewer(self, viewer: str) -> None:
        label = self.query_one("#viewer", Static)
        label.update(viewer)
        label.display = bool(viewer)

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        # Two rows a meter when they all fit; one row when the panel is short; and when even that does not fit
        # (80x24), a group of a single meter loses its heading, which the meter's own label names well enough:
        # every meter stays in view. A layout choice, not game state.
        bars = [bar for bar in self._bars.values() if bar.display]
        shown = [sum(1 for m in meter_ids if self._bars[m].display) for _heading, meter_ids in self._headings]
        extra = bool(self.viewer) + self._aims.display
        rows = self.scrollable_content_region.height
        if not rows:
            # Not laid out yet (the readings come at mount): guess from the screen, less its header and footer,
            # so the first frame already has the right layout instead of the wrong one for a frame.
            rows = self.screen.size.height - 2
        self.compact = 2 * len(bars) + 2 * (len(self._headings) + extra) > rows
        terse = self.compact and len(bars) + sum(1 for n in shown if n) + extra > rows
        for (heading, _ids), n in zip(self._headings, shown):
            heading.display = n > 1 or (n == 1 and not terse)
        for bar in bars:
            bar.compact = self.compact
