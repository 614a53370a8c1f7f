"""One meter: its label, a bar of its value within its range, the value, and the change since last turn."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from ..views import MeterReading, delta_text

FULL, EMPTY = "█", "░"  # the glyphs, not the colours, carry the bar for monochrome terminals


def bar(fraction: float, width: int) -> Content:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return Content.assemble((FULL * filled, "$primary"), (EMPTY * (width - filled), "$foreground 35%"))


def fitted(reading: MeterReading, room: int) -> Content:
    """The label, or the scenario's short label when the label does not fit; cut with … only if both are long."""
    text = reading.label
    if len(text) > room and reading.short:
        text = reading.short
    return Content(text).truncate(max(1, room), ellipsis=True, pad=True)


def delta(value: int | None) -> Content:
    text = delta_text(value)
    style = "$text-success" if value and value > 0 else "$text-error" if value and value < 0 else "dim"
    return Content.styled(f"{text:>5}", style)


class MeterBar(Widget):
    """Two lines (label and figures, then the bar), or one line when the panel is short of rows."""

    reading: reactive[MeterReading | None] = reactive(None)
    compact = reactive(False, toggle_class="-compact")

    def watch_reading(self, reading: MeterReading | None) -> None:
        if reading is not None:
            self.tooltip = f"{reading.label}: {reading.description} (from {reading.lo} to {reading.hi})"

    def render(self) -> Content:
        r = self.reading
        if r is None:
            return Content("")
        width = self.size.width
        figures = Content.assemble((f"{r.value:>4}", "bold"), " ", delta(r.delta))
        if self.compact:
            # One row: the label is the bar, its cells filled from the left in proportion to the value.
            room = max(1, width - figures.cell_length - 1)
            label = fitted(r, room)
            filled = round(max(0.0, min(1.0, r.fraction)) * room)
            return Content.assemble(label.stylize("reverse", 0, filled), " ", figures)
        room = width - figures.cell_length - 1
        label = fitted(r, room)
        return Content.assemble(label, " ", figures, "\n", bar(r.fraction, width))
