"""The start-up holds the garbage collector off (game.tui.run) and always turns it on again: a game that ran
without it would grow with every key."""

from __future__ import annotations

import argparse
import gc

from game.tui import run


def test_the_collector_is_on_again_after_a_start_that_fails(capsys):
    assert run(argparse.Namespace(scenario="no-such-scenario", role="nobody")) == 1
    assert "no-such-scenario" in capsys.readouterr().err
    assert gc.isenabled()


def test_the_collector_is_on_again_after_a_start_with_no_terminal(capsys):
    assert run(argparse.Namespace(scenario="tutorial", role="mayor", seed=3)) == 2  # pytest's output is no terminal
    assert "needs a terminal" in capsys.readouterr().err
    assert gc.isenabled()


async def test_the_app_says_once_when_its_first_screen_is_drawn():
    # game.tui.run turns the collector on again at this call: it must come, with the game on screen, and once.
    from game.tui.app import build_app
    from game.tui.screens.game import GameScreen
    from game.tui.screens.help import HelpScreen

    app = build_app(scenario="tutorial", role="mayor", seed=3)
    shown = []
    app.drawn = lambda: shown.append((type(app.screen), app.screen.query_one("#card-title").region.area > 0))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert shown == [(GameScreen, True)]
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and len(shown) == 1
