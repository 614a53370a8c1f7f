"""What a newcomer tripped over in seven whole games (80x24 and 120x40, English and Spanish): the pages to read."""

from __future__ import annotations

import re

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Button

from game import i18n, paths
from game.i18n import _, ngettext
from game.tui.app import build_app
from game.tui.screens.glossary import GlossaryScreen
from game.tui.screens.help import HelpScreen
from game.tui.screens.sources import SourcesScreen
from game.tui.turning import CONTINUATIONS
from game.tui.widgets.key_footer import KeyFooter
from game.tui.widgets.meter_chart import ChartShown, Mark, MeterChart, Series, turn_columns, turn_ticks
from game.tui.widgets.outcome_view import PageBody

from .play import opened, screen_text


async def shows(pilot, *keys: str) -> str:
    await pilot.press(*keys)
    await pilot.pause()  # the edge says where the page stands once it is laid out
    return screen_text(pilot.app)


@pytest.mark.parametrize("key, kind", [("g", GlossaryScreen), ("r", SourcesScreen), ("question_mark", HelpScreen)])
async def test_a_long_page_scrolls_from_the_start_and_says_more_lies_below(key, kind):
    """Who's who opened with the focus in its search box: PageDown and the arrows did nothing and no scrollbar
    could be seen, so it looked as if only three people existed. Each page to read scrolls with the keys from the
    moment it opens, and its lower edge says in words that more lies below, then, at the end, that it is all read."""
    app = build_app(scenario="venezuela-2019", role="maduro", opponent="greedy", seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        top = await shows(pilot, key)
        assert isinstance(app.screen, kind)
        assert "▼ more below" in top and "▲ more above" not in top
        assert await shows(pilot, "pagedown") != top
        assert await shows(pilot, "pageup") == top
        assert await shows(pilot, "down") != top
        assert await shows(pilot, "up") == top
        for _ in range(60):
            text = await shows(pilot, "pagedown")
            if "▼ more below" not in text:
                break
        assert "▲ more above" in text


async def test_a_search_shows_its_first_match_and_says_when_all_of_it_shows():
    """A search typed after scrolling showed the middle of its matches, an entry's name scrolled away."""
    app = build_app(scenario="venezuela-2019", role="maduro", opponent="greedy", seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await shows(pilot, "g", "pagedown", "pagedown")
        first = app.screen.entries[0][0]
        found = await shows(pilot, *first.split()[0].lower())
        assert first in found
        alone = await shows(pilot, *"zzz")
        assert "Nothing matches." in alone and "more below" not in alone and "more above" not in alone


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


@pytest.mark.parametrize("lang", ["es", "en"])
async def test_the_footer_and_the_button_call_reading_on_by_one_name(lang, monkeypatch):
    """The Spanish footer said 'espacio/enter Más ↓' while the button said 'Seguir leyendo ↓': one action had
    two names. On a page with more below, the key in the footer and the button say the same words, and every key
    of the footer still shows whole at 80 columns."""
    monkeypatch.setenv("CRISIS_LANG", lang)  # English again at the next test (tests/conftest.py)
    i18n.set_language(lang)
    app = build_app(scenario="venezuela-2019", role="maduro", opponent="greedy", seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        for _ in range(30):
            if screen.outcome is not None and screen.query_one(PageBody).unread:
                break
            await pilot.press("1" if screen.outcome is None else "space")
            await pilot.pause()
        assert screen.query_one(PageBody).unread
        await pilot.pause()
        label = str(screen.query_one("#continue", Button).label)
        name = label.removesuffix("  (Enter)")
        assert name != label and f"{name}  (Enter)" in screen_text(app)
        footer = screen_text(app).splitlines()[-1]
        keys = [k for k in screen.query_one(KeyFooter).children if k.display]
        assert name in footer and all(f"{k.key_display} {k.description}" in footer for k in keys), footer


@pytest.mark.parametrize("lang, name", [("en", "help.md"), ("es", "help.es.md")])
def test_the_help_quotes_the_odds_the_turning_points_and_the_button_as_the_game_writes_them(lang, name):
    """A newcomer could not parse the help's odds ('certain: ▲ Street; ▼ Generals: up, down; … when more move')
    and found nowhere what the ending's 'from here, 57 of 200 games end this way' meant. The help explains each
    by quoting it as the game writes it, in its own language, and names the read-on button as the button does."""
    def flat(text: str) -> str:
        return " ".join(text.split())

    i18n.set_language(lang)  # English again at the next test (tests/conftest.py)
    text = flat((paths.assets() / name).read_text(encoding="utf-8"))
    quoted = [
        _("odds {odds}").format(odds=f"{i18n.format_percent(0.52)} / {i18n.format_percent(0.48)}"),
        _("certain: {label}").format(label=""),
        _("{odds} (ends the game: {ending})").format(odds="", ending="…").strip(),
        ngettext(": from here, {count} of {games} games end this way",
                 ": from here, {count} of {games} games end this way", 57).format(
            count=57, games=CONTINUATIONS).removeprefix(": "),
        "**{}**".format(_("Read on ↓").removesuffix(" ↓")),
    ]
    missing = [q for q in quoted if flat(q) not in text]
    assert not missing, f"{name} does not quote {missing}"
