"""Every meter over the whole game, one sparkline a row, scaled to the meter's own range."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

LEVELS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    lo: int
    hi: int
    values: tuple[int, ...]


def sparkline(values: tuple[int, ...] | list[int], lo: int, hi: int, width: int) -> str:
    """One glyph per turn (or per group of turns when there are more turns than cells): the mean, scaled to lo..hi."""
    if not values or width <= 0:
        return ""
    n = len(values)
    cells = min(width, n)
    out = []
    for c in range(cells):
        chunk = values[c * n // cells:(c + 1) * n // cells] or [values[min(n - 1, c * n // cells)]]
        mean = sum(chunk) / len(chunk)
        level = (mean - lo) / max(1, hi - lo)
        out.append(LEVELS[min(len(LEVELS) - 1, max(0, int(level * len(LEVELS))))])
    return "".join(out)


class MeterChart(Widget):
    """Label, sparkline, then 'start → end'; sized to its width."""

    series: reactive[tuple[Series, ...]] = reactive(tuple, layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.series)

    def render(self) -> Content:
        width = self.size.width
        label_width = min(24, max((len(s.label) for s in self.series), default=0))
        rows = []
        for s in self.series:
            figures = f" {s.values[0]:>4} → {s.values[-1]:<4}"
            room = max(4, width - label_width - len(figures) - 2)
            rows.append(Content.assemble(
                Content(s.label).truncate(label_width, ellipsis=True, pad=True), "  ",
                (sparkline(s.values, s.lo, s.hi, room).ljust(min(room, len(s.values))), "$primary"),
                (figures, "bold")))
        return Content("\n").join(rows)
