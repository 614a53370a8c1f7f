"""What a newcomer tripped over in seven whole games (80x24 and 120x40, English and Spanish)."""

from __future__ import annotations

import re

import pytest
from textual.app import App, ComposeResult

from game.tui.widgets.meter_chart import ChartShown, Mark, MeterChart, Series, turn_columns, turn_ticks

from .play import screen_text


class ChartApp(App):
    def compose(self) -> ComposeResult:
        yield MeterChart()


def columns(row: str, words: list[str]) -> dict[str, int]:
    """Where each of `words` stands on a row of the chart (each a number, or numbers joined by commas, found once)."""
    found = {m.group(): m.start() for m in re.finditer(r"\d+(,\d+)*", row)}
    return {w: found[w] for w in words}


async def test_the_charts_turning_points_stand_on_their_turns_ticks_and_the_ticks_are_evenly_spaced():
    """At 120x40 the mark of a decision on turn 3 stood between the ticks of turns 2 and 3, and the ticks were
    10 columns apart, then 7: the x axis counted decisions (three in the first turn, the start and two moves),
    not turns. Now every turn takes the same width and a mark stands on its turn's column; both leaders' marks on
    one turn share its label."""
    turns = (1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6)  # the start, then two decisions a turn
    marks = (Mark(5, 1, 0, "Turn 3, first to move"), Mark(6, 2, 1, "Turn 3, second to move"),
             Mark(9, 3, 0, "Turn 5, first to move"))
    shown = ChartShown("", (Series("Pay", 0, 100, (50, 52, 55, 60, 58, 57, 70, 71, 72, 60, 50, 45, 40)),), marks,
                       turns)
    app = ChartApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one(MeterChart).shown = shown
        await pilot.pause()
        rows = screen_text(app).splitlines()
        axis = next(k for k, row in enumerate(rows) if "└" in row)
        ticks = columns(rows[axis + 1], [str(t) for t in range(1, 7)])
        top = next(row for row in rows if "┤" in row).split("┤", 1)
        numbers = columns(" " * (len(top[0]) + 1) + top[1], ["1,2", "3"])
        assert numbers == {"1,2": ticks["3"] - 1, "3": ticks["5"]}  # each label centred on its turn's tick
        gaps = [ticks[str(t + 1)] - ticks[str(t)] for t in range(1, 6)]
        assert max(gaps) - min(gaps) <= 1  # the same width a turn, give or take the rounding to a column


@pytest.mark.parametrize("turns, width, ticks", [
    ((1, 1, 2, 3), 80, [1, 2, 3]),
    ((1, *range(1, 35)), 160, [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34]),
    ((1, *range(1, 35)), 80, [5, 10, 15, 20, 25, 30]),
])
def test_the_turns_axis_numbers_turns_the_same_distance_apart(turns, width, ticks):
    assert turn_ticks(turns, width)[0] == ticks


@pytest.mark.parametrize("turns, xs", [
    ((1, 1, 2, 3), [0, 1, 2, 3]),  # one decision a turn: each on its turn's number
    ((1, 1, 1, 2, 2), [0, 0.5, 1, 1.5, 2]),  # two: the turn's last on its number, the first halfway
    ((4, 4, 6), [3, 4, 6]),  # a turn with no decision takes its width all the same
])
def test_each_point_stands_where_its_turn_is(turns, xs):
    assert turn_columns(turns) == xs
