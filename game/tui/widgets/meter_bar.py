"""One meter: its label, a bar of its value within its range, the value, and the change since last turn."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from game.i18n import _

from ..views import MeterReading, delta_text

FULL, EMPTY = "█", "░"  # the glyphs, not the colours, carry the bar for monochrome terminals
AIM = {1: "↑", -1: "↓", 0: " "}  # which way the player wants the meter (MeterPanel's legend says so)


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


def aim(reading: MeterReading, gap: str = " ") -> Content:
    return Content.styled(AIM.get(reading.aim, " ") + gap, "bold $text-accent")


class MeterBar(Widget):
    """Two lines (which way you want it, label and figures, then the bar), or one line when the panel is short of
    rows: label, a shorter bar, figures. Either way the level is a bar of its own glyphs."""

    reading: reactive[MeterReading | None] = reactive(None)
    compact = reactive(False)
    """One row (the panel is short of rows): set by the panel, whose -compact class gives the bar its height."""

    def watch_reading(self, reading: MeterReading | None) -> None:
        if reading is not None:
            want = {1: _("You want it high."), -1: _("You want it low.")}.get(reading.aim, "")
            said = _("{meter}: {description} (from {lo} to {hi}).").format(
                meter=reading.label, description=reading.description, lo=reading.lo, hi=reading.hi)
            self.tooltip = f"{said} {want}" if want else said

    def render(self) -> Content:
        r = self.reading
        if r is None:
            return Content("")
        width = self.size.width
        if self.compact:
            # One row: which way, the label (the scenario's short one when it is long), a short bar, the figures.
            figures = Content.assemble((f"{r.value:>3}", "bold"), " ", delta(r.delta))
            mark = aim(r, gap="")
            room = max(2, width - figures.cell_length - mark.cell_length - 2)
            cells = max(4, min(10, room // 4))
            label = fitted(r, max(1, room - cells))
            return Content.assemble(mark, label, " ", bar(r.fraction, cells), " ", figures)
        figures = Content.assemble((f"{r.value:>4}", "bold"), " ", delta(r.delta))
        mark = aim(r)
        room = width - figures.cell_length - mark.cell_length - 1
        label = fitted(r, room)
        return Content.assemble(mark, label, " ", figures, "\n", bar(r.fraction, width))
