"""Shared by the TUI tests: the scenarios, and driving a game with the keys a player would press."""

from __future__ import annotations

import html
import re

from game.scenario import load, resolve_scenario
from game.tui.record import Record

SIZE = (100, 30)


def strike():
    """The one-role harbour strike (format 1), installed by conftest.py."""
    return load(resolve_scenario("strike"))


def first_available(record: Record) -> int:
    """The number key (1-9) of the first option the player may take now."""
    return next(v.index for v in record.options() if v.available) + 1


async def opened(pilot) -> None:
    """Wait until the app shows a screen of its own. A game named on the command line opens just after the
    app's first frame (drawn sooner that way), so it may not be there the moment the test starts."""
    for _ in range(20):
        if len(pilot.app.screen_stack) > 1:
            await pilot.pause()  # its widgets mounted and laid out
            return
        await pilot.pause()
    raise AssertionError(f"the app shows no screen of its own: {pilot.app.screen_stack}")


async def play_to_the_end(pilot, each=None) -> None:
    """As a player would: the first option open to them on their card, Space on every other page; `each(app)`
    after every key, when given."""
    from game.tui.screens.game import GameScreen

    app = pilot.app
    await opened(pilot)
    while isinstance(app.screen, GameScreen):
        screen = app.screen
        if screen.outcome is None and screen.record.state.role == screen.reader:
            await pilot.press(str(next(n for n, v in enumerate(screen.record.options(), 1) if v.available)))
        else:
            await pilot.press("space")
        await pilot.pause()
        if each is not None:
            each(app)


async def play_turn(pilot) -> None:
    """Press the number of the first available option, then Space to read on."""
    await opened(pilot)
    screen = pilot.app.screen
    await pilot.press(str(first_available(screen.record)))
    await pilot.press("space")
    await pilot.pause()


# Rich's SVG export draws each run of text at x = column * CHAR_WIDTH, on the clip path of its line.
CHAR_WIDTH = 12.2
_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
                   r'clip-path="url\(#[\w-]+-line-(\d+)\)">([^<]*)</text>')


def screen_text(app) -> str:
    """Everything on screen as plain text, as a player (or tmux) would read it; dialogs included.

    Read from the app's public screenshot (the SVG a player can save), not from Textual's compositor."""
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for x, line, text in _TEXT.findall(app.export_screenshot()):
        column, row = round(float(x) / CHAR_WIDTH), int(line)
        for k, char in enumerate(html.unescape(text).replace("\xa0", " ")):
            if row < height and column + k < width:
                rows[row][column + k] = char
    return "\n".join("".join(row).rstrip() for row in rows)


def header_text(app) -> str:
    return screen_text(app).splitlines()[0]


async def settle(pilot) -> None:
    """Let the screen's workers (reading the scenarios, the ending's bot games) finish and their results show."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def all_text(app) -> str:
    """Every text on the screen, scrolled out of view or not: for pages taller than the terminal."""
    from textual.widgets import Static

    return "\n".join(str(w.content) for w in app.screen.query(Static))
