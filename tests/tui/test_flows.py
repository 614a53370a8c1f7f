"""The player's journeys, driven with Pilot: title to ending and debrief, and the new-game form."""

from __future__ import annotations

import json

from textual.widgets import Input, OptionList

from game import paths
from game.tui.app import build_app
from game.tui.screens.ending import EndingScreen
from game.tui.screens.game import GameScreen
from game.tui.screens.new_game import NewGameScreen

from .play import SIZE, all_text, play_turn, screen_text, settle


async def test_title_to_ending_with_keys_then_export_a_debrief():
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        assert "New game" in screen_text(app) and "Continue" not in screen_text(app)
        await pilot.press("n")
        assert isinstance(app.screen, NewGameScreen)
        await settle(pilot)  # the scenarios are read in a worker
        form = app.screen
        # The default scenario comes first; walk down to the strike as a player would (the cursor starts on the
        # scenarios: none was named).
        assert app.focused is form.query_one("#scenarios")
        while form.scenario is None or form.scenario.id != "strike":  # a broken one may be listed too
            await pilot.press("down")
        await pilot.press("enter")  # picks it and moves on to the roles: the mayor is first
        assert form.role == "mayor" and "Mayor of Port Ellis" in screen_text(app)
        seed = form.query_one("#seed", Input)
        seed.value = ""
        seed.focus()
        await pilot.press("4", "2", "enter")

        assert isinstance(app.screen, GameScreen)
        text = screen_text(app)
        assert "Turn 1/8" in text and "seed 42" in text and "The walkout" in text
        turns = 0
        while isinstance(app.screen, GameScreen):
            await play_turn(pilot)
            turns += 1
            assert turns <= 8, "the strike lasts at most eight turns"

        assert isinstance(app.screen, EndingScreen)
        record = app.screen.record
        ending = record.scenario.ending(record.state.ending)
        text = screen_text(app)
        assert ending.title in text and record.state.result.upper() in text
        assert "Your decisions" in all_text(app)  # below the fold: the chart comes first
        await settle(pilot)
        assert "games end this way" in all_text(app)  # bot games played on from the turning points

        await pilot.press("e")
        written = sorted(paths.exports().iterdir())
        assert [p.suffix for p in written] == [".json", ".md"]
        # The path is shown, then the body scrolls to it after the next refresh: let the app settle.
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert written[1].name in screen_text(app).replace("\n", "")
        data = json.loads(written[0].read_text())
        assert data["seed"] == 42 and data["role"] == "mayor" and len(data["turns"]) == turns
        assert data["ending"]["title"] == ending.title
        assert all({"options", "choice", "outcome", "meters"} <= set(t) for t in data["turns"])
        md = written[1].read_text()
        assert "Seed: 42" in md and ending.title in md


async def test_new_game_lists_every_installed_scenario_and_shows_the_briefing():
    app = build_app(scenario="strike", seed=9)
    async with app.run_test(size=SIZE) as pilot:
        form = app.screen
        assert isinstance(form, NewGameScreen)
        await settle(pilot)
        listed = form.query_one("#scenarios", OptionList)
        assert listed.option_count >= 2 and form.scenario.id == "strike"
        await pilot.press("down")  # to the union leader
        assert form.role == "union" and "Secretary of the Dockworkers' Union" in screen_text(app)
        assert form.query_one("#seed", Input).value == "9"
        await pilot.press("escape")
        assert "New game" in screen_text(app) and not isinstance(app.screen, NewGameScreen)
