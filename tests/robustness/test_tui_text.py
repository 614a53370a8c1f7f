"""Scenario text in the game: Textual markup and escape sequences anywhere a scenario holds text are shown as text,
never crash a screen or a notification, and never reach the terminal raw."""

from __future__ import annotations

import pytest

from game.tui.app import build_app
from game.tui.opening import LoadError
from game.tui.screens.game import GameScreen

from ..tui.play import play_turn, screen_text
from .conftest import ROOT, scenario_copy

STRIKE = ROOT / "tests" / "tui" / "data" / "strike"
TEXT_KEYS = {"title", "text", "label", "name", "description", "briefing", "unavailable", "summary"}
NASTY = ["[/]", "[bold]x[/i]", "[@click=app.quit]q[/]", "[link=file:///etc/passwd]x", "\x1b]0;owned\x07",
         "\x1b]52;c;aGk=\x07", "\x1b[2J\x1b[H", "\x9b31m", "[", "\\[x]"]


def _spiked(value, spike: str):
    if isinstance(value, dict):
        return {k: (v + spike if k in TEXT_KEYS and isinstance(v, str) else _spiked(v, spike)) for k, v in value.items()}
    if isinstance(value, list):
        return [_spiked(v, spike) for v in value]
    return value


@pytest.mark.parametrize("spike", NASTY)
async def test_markup_and_escapes_in_a_scenario_play_to_the_ending(tmp_path, spike):
    def edit(docs):
        for name in list(docs):
            docs[name] = _spiked(docs[name], spike)
    folder = scenario_copy(tmp_path / "spiked", edit, STRIKE)
    if any(ord(c) < 32 or 127 <= ord(c) < 160 for c in spike):
        # A control character in scenario text is refused when the scenario loads, located, in every command.
        with pytest.raises(LoadError, match="control character"):
            build_app(scenario=str(folder), role="mayor", seed=3)
        return
    app = build_app(scenario=str(folder), role="mayor", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(40):
            text = screen_text(app)
            assert not any(c in text for c in "\x1b\x07\x9b"), text
            if not isinstance(app.screen, GameScreen):
                break
            await play_turn(pilot)
        assert not isinstance(app.screen, GameScreen)
        app.notify(f"a path with markup: {tmp_path}/[/]/{spike}")  # a notification with a path from a file
        await pilot.pause()
