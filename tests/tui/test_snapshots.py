"""SVG snapshots of the key screens at a fixed size (update with `pytest --snapshot-update` and look at them)."""

from __future__ import annotations

from game.tui.app import build_app
from game.tui.screens.game import GameScreen

from .play import SIZE, opened, play_turn


def test_title(snap_compare):
    assert snap_compare(build_app(), terminal_size=SIZE)


def test_game(snap_compare):
    assert snap_compare(build_app(scenario="strike", role="mayor", seed=3), terminal_size=SIZE)


def test_outcome(snap_compare):
    assert snap_compare(build_app(scenario="strike", role="mayor", seed=3), terminal_size=SIZE, press=["1"])


def test_ending(snap_compare):
    async def play_to_the_end(pilot):
        await opened(pilot)
        while isinstance(pilot.app.screen, GameScreen):
            await play_turn(pilot)
        await pilot.app.workers.wait_for_complete()  # the continuations from each turning point
        await pilot.pause()

    assert snap_compare(build_app(scenario="strike", role="mayor", seed=3), terminal_size=SIZE,
                        run_before=play_to_the_end)


def test_game_at_80x24_in_high_contrast(snap_compare):
    async def second_turn_high_contrast(pilot):
        await play_turn(pilot)
        await pilot.press("f2")

    assert snap_compare(build_app(scenario="strike", role="union", seed=11), terminal_size=(80, 24),
                        run_before=second_turn_high_contrast)


def test_the_opponents_move_at_80x24(snap_compare):
    # The union leader against a bot: the mayor moves first, and the game opens on that move.
    assert snap_compare(build_app(scenario="tutorial", role="union", opponent="random", seed=3), terminal_size=(80, 24))
