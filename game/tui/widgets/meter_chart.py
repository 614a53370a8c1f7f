"""The meters over the whole game as a line chart (plotext), each leader's turning decisions marked, its key beneath."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from textual.app import ComposeResult, RenderResult
from textual.color import Color
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static
from textual_plotext import PlotextPlot

from game.i18n import _

from ..debrief import sparkline  # noqa: F401  (its old home: tests/tui/test_views.py imports it from here)

# Okabe and Ito's palette: told apart by colour-blind readers, on a dark background or a light one.
LINE_COLOURS = ((86, 180, 233), (230, 159, 0), (0, 158, 115), (204, 121, 167), (240, 228, 66))
SIDE_COLOURS = ((213, 94, 0), (0, 114, 178))  # the turning decisions of the first role, and of the second
LETTERS = "ABCDEFGHIJ"  # each line is also lettered at its end, so that it reads without colour
# Each line is drawn in its own glyph too (and the key shows it): without colour, braille lines all looked alike.
MARKERS = ("braille", "•", "+", "×", "*")
KEY_GLYPHS = ("⠶", "•", "+", "×", "*")


def end_labels(ends: list[float], lo: float, hi: float, rows: int) -> list[tuple[str, float]]:
    """Each line's letter at the height its line ends, lines ending on the same row of the chart sharing one
    label ('A,B'): drawn one over the other, a letter hid another where lines met (A under B at 100)."""
    per_row = (hi - lo) / max(1, rows - 1)
    order = sorted(range(len(ends)), key=lambda n: ends[n])
    groups: list[list[int]] = []
    for n in order:
        if groups and abs(ends[n] - ends[groups[-1][0]]) < per_row:
            groups[-1].append(n)
        else:
            groups.append([n])
    return [(",".join(LETTERS[n] for n in sorted(group)), ends[group[0]]) for group in groups]


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    lo: int
    hi: int
    values: tuple[int, ...]  # at the start, then after each decision


@dataclass(frozen=True, slots=True)
class Mark:
    """A turning decision: drawn as a line on its turn's column, numbered, in its role's colour."""

    x: int  # the point after it (an index into the series' values)
    number: int
    side: int  # the role's place in the turn order (0 in a one-role game)
    text: str  # what the key says of it: "Turn 3, The Union Leader: Call a strike"


@dataclass(frozen=True, slots=True)
class ChartShown:
    """One page of the chart: a few meters, the turning decisions, and the turn of every point."""

    title: str = ""
    series: tuple[Series, ...] = ()
    marks: tuple[Mark, ...] = ()
    turns: tuple[int, ...] = ()  # the turn each point belongs to, for the x axis


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def turn_columns(turns: tuple[int, ...]) -> list[float]:
    """Each point's place on the x axis, counted in turns: the start at the turn before the first, each turn's
    decisions spread over the turn so that its last lands on the turn's own number. A turn's tick and its
    turning decisions share a column, and every turn takes the same width, however many decisions it had
    (the first turn's three points, the start and two moves, made its tick gap wider than the others')."""
    per_turn, seen = Counter(turns[1:]), Counter()
    xs = [float(turns[0] - 1)]
    for t in turns[1:]:
        seen[t] += 1
        xs.append(t - 1 + seen[t] / per_turn[t])
    return xs


TICK_STEPS = (1, 2, 5, 10, 20, 50, 100)


def turn_ticks(turns: tuple[int, ...], width: int) -> tuple[list[int], list[str]]:
    """The turns the x axis numbers: every turn when there is room (about eight columns each), else every 2nd,
    5th, 10th..., always the same number of turns apart."""
    first, last = turns[0], max(turns[-1], turns[0])
    room = max(2, width // 8)
    step = next((s for s in TICK_STEPS if (last - first) // s + 1 <= room), TICK_STEPS[-1])
    kept = [t for t in range(first, last + 1) if t % step == 0 or step == 1]
    return kept, [str(t) for t in kept]


def mark_columns(shown: ChartShown) -> dict[int, list[Mark]]:
    """The turning decisions by the turn they stand on: both leaders' on one turn share a line and a label
    ('1,2'), since one number drawn over the other hid it."""
    columns: dict[int, list[Mark]] = {}
    for m in shown.marks:
        columns.setdefault(shown.turns[m.x], []).append(m)
    return columns


def key_text(shown: ChartShown) -> Content:
    """The key: each line's letter, colour, name and start → end; then each turning decision."""
    parts: list[Content] = []
    for n, s in enumerate(shown.series):
        colour = _hex(LINE_COLOURS[n % len(LINE_COLOURS)])
        glyph = KEY_GLYPHS[n % len(KEY_GLYPHS)]
        parts.append(Content.assemble((f"{glyph * 2}{LETTERS[n]} ", f"bold {colour}"), s.label,
                                      (f" {s.values[0]} → {s.values[-1]}", "bold")))
    lines = [Content("   ").join(parts)]
    for m in shown.marks:
        lines.append(Content.assemble((f"◆{m.number} ", f"bold {_hex(SIDE_COLOURS[m.side % 2])}"), m.text))
    return Content("\n").join(lines)


class MeterLines(PlotextPlot):
    """The plot itself: redrawn from `shown` at the size it is given."""

    shown: reactive[ChartShown] = reactive(ChartShown)

    def render(self) -> RenderResult:
        shown, plt = self.shown, self.plt
        plt.clear_figure()
        if not shown.series:
            return super().render()
        same = len({(s.lo, s.hi) for s in shown.series}) == 1
        lo, hi = (shown.series[0].lo, shown.series[0].hi) if same else (0, 100)
        xs = turn_columns(shown.turns)
        start, last = xs[0], xs[-1]
        span = max(1.0, last - start)
        # Labels on the chart's own background (plotext would box them in white).
        ground = Color.parse(self.app.theme_variables.get("surface", "black")).rgb
        ends = []
        for n, s in enumerate(shown.series):
            # Meters of different ranges share the chart as a share of their own range.
            ys = list(s.values) if same else [100 * (v - s.lo) / max(1, s.hi - s.lo) for v in s.values]
            colour = LINE_COLOURS[n % len(LINE_COLOURS)]
            plt.plot(xs, ys, marker=MARKERS[n % len(MARKERS)], color=colour)
            ends.append(ys[-1])
        labels = end_labels(ends, lo, hi, max(2, self.size.height - 3))
        shared = Color.parse(self.app.theme_variables.get("foreground", "white")).rgb
        for text, y in labels:
            colour = LINE_COLOURS[LETTERS.index(text) % len(LINE_COLOURS)] if len(text) == 1 else shared
            plt.text(text, last + 0.02 * span + 0.2, y, color=colour, background=ground, style="bold")
        wide = max((len(text) for text, _y in labels), default=1)  # room on the right for 'A,B' as for 'A'

        for column, marks in mark_columns(shown).items():
            sides = {m.side % 2 for m in marks}
            colour = SIDE_COLOURS[sides.pop()] if len(sides) == 1 else shared
            plt.vline(column, colour)
            plt.text(",".join(str(m.number) for m in marks), column, hi, color=colour, background=ground,
                     style="bold", alignment="center")
        plt.xlim(start, last + (0.04 + 0.02 * wide) * span + 0.5)
        plt.ylim(lo, hi)
        mid = (lo + hi) / 2
        plt.yticks([lo, mid, hi], [str(lo), f"{mid:g}", str(hi)] if same else [_("low"), _("half"), _("high")])
        ticks, labels = turn_ticks(shown.turns, self.size.width)
        plt.xticks(ticks, labels)
        plt.xlabel(_("turn"))
        return super().render()


class MeterChart(Vertical):
    """The chart and its key; reads a ChartShown, holds nothing of the game."""

    DEFAULT_CSS = """
    MeterChart {
        height: auto;
    }
    MeterChart > MeterLines {
        height: 60vh;
        min-height: 10;
        max-height: 24;
    }
    MeterChart > .chart-title {
        text-style: bold;
    }
    MeterChart > .chart-key {
        height: auto;
        margin-bottom: 1;
    }
    """

    shown: reactive[ChartShown] = reactive(ChartShown)

    def compose(self) -> ComposeResult:
        yield Static(classes="chart-title")
        yield MeterLines()
        yield Static(classes="chart-key")

    def watch_shown(self, shown: ChartShown) -> None:
        self.query_one(".chart-title", Static).update(Content(shown.title))
        self.query_one(MeterLines).shown = shown
        self.query_one(".chart-key", Static).update(key_text(shown))
