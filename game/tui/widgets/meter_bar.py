"""One meter as lines of the panel: its label, a bar of its value within its range, the value, and the change."""

from __future__ import annotations

from textual.content import Content

from game.i18n import _

from ..views import MeterReading, delta_text, panel_name

FULL, EMPTY = "█", "░"  # the glyphs, not the colours, carry the bar for monochrome terminals
AIM = {1: "↑", -1: "↓", 0: " "}  # which way the player wants the meter (MeterPanel's legend says so)


def bar(fraction: float, width: int) -> Content:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return Content.assemble((FULL * filled, "$primary"), (EMPTY * (width - filled), "$foreground 35%"))


def fitted(reading: MeterReading, room: int) -> Content:
    """The label, or the scenario's short label when the label does not fit; cut with … only if both are long."""
    return Content(panel_name(reading.label, reading.short, room)).truncate(max(1, room), ellipsis=True, pad=True)


def label_room(width: int, compact: bool) -> int:
    """The columns a meter's name has in a panel `width` wide: what decides the name it goes by (panel_name)."""
    if compact:
        room = max(2, width - 9 - 1 - 2)  # the figures ('100 ▲ +10'), which way, the gaps
        return max(1, room - max(4, min(10, room // 4)))  # less the short bar
    return width - 2


def delta(value: int | None) -> Content:
    text = delta_text(value)
    style = "$text-success" if value and value > 0 else "$text-error" if value and value < 0 else "dim"
    return Content.styled(f"{text:>5}", style)


def aim(reading: MeterReading, gap: str = " ") -> Content:
    return Content.styled(AIM.get(reading.aim, " ") + gap, "bold $text-accent")


def meter_lines(r: MeterReading, width: int, compact: bool) -> list[Content]:
    """Two lines (which way you want it and the label, then the bar and the figures), or one line when the panel
    is short of rows: label, a shorter bar, figures. Either way the level is a bar of its own glyphs."""
    if compact:
        # One row: which way, the label (the scenario's short one when it is long), a short bar, the figures.
        figures = Content.assemble((f"{r.value:>3}", "bold"), " ", delta(r.delta))
        mark = aim(r, gap="")
        room = max(2, width - figures.cell_length - mark.cell_length - 2)
        cells = max(4, min(10, room // 4))
        label = fitted(r, label_room(width, True))
        return [Content.assemble(mark, label, " ", bar(r.fraction, cells), " ", figures)]
    # Two rows: the name has the first to itself, whole however long (beside the figures, "Strikers' resolve"
    # was cut to "Strikers' resol…" at 80x24), the bar and the figures the second; every bar is one width.
    figures = Content.assemble((f"{r.value:>4}", "bold"), " ", delta(r.delta))
    mark = aim(r)
    return [Content.assemble(mark, fitted(r, label_room(width, False))),
            Content.assemble(bar(r.fraction, max(1, width - figures.cell_length - 1)), " ", figures)]


def meter_tooltip(r: MeterReading) -> str:
    """What the meter is, its range, and which way the player wants it: shown when the mouse rests on it."""
    want = {1: _("You want it high."), -1: _("You want it low.")}.get(r.aim, "")
    said = _("{meter}: {description} (from {lo} to {hi}).").format(
        meter=r.label, description=r.description, lo=r.lo, hi=r.hi)
    return f"{said} {want}" if want else said
