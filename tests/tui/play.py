"""Shared by the TUI tests: the scenarios, and driving a game with the keys a player would press."""

from __future__ import annotations

from game.scenario import load, resolve_scenario
from game.tui.record import Record

SIZE = (100, 30)


def strike():
    """The one-role harbour strike (format 1), installed by conftest.py."""
    return load(resolve_scenario("strike"))


def first_available(record: Record) -> int:
    """The number key (1-9) of the first option the player may take now."""
    return next(v.index for v in record.options() if v.available) + 1


async def play_turn(pilot) -> None:
    """Press the number of the first available option, then Space to read on."""
    screen = pilot.app.screen
    await pilot.press(str(first_available(screen.record)))
    await pilot.press("space")
    await pilot.pause()


def screen_text(app) -> str:
    """Everything on screen as plain text, as a player (or tmux) would read it; dialogs included."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())  # noqa: SLF001
