"""Saves as a player meets them: autosave every turn, named saves, resume, and bad saves explained."""

from __future__ import annotations

import json

import pytest

from game import saves
from game.cli import main
from game.engine import Log
from game.tui.app import build_app
from game.tui.loading import LoadError
from game.tui.screens.game import GameScreen
from game.tui.screens.load import LoadScreen
from game.tui.screens.notice import NoticeScreen

from .play import SIZE, first_available, opened, play_turn, screen_text


def meters_line(app) -> list[str]:
    """The meter rows as shown (label, value, change), to compare one screen with another."""
    return [line[:33] for line in screen_text(app).splitlines()[1:12]]


async def test_every_turn_is_autosaved_and_resume_shows_the_same_game():
    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert saves.latest_autosave().log.choices == ()  # saved before the first choice, too
        for played in (1, 2):
            await play_turn(pilot)
            assert len(saves.latest_autosave().log.choices) == played
        before_turn, before_meters = app.screen.record.state.turn, meters_line(app)

    again = build_app(resume="")
    async with again.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert isinstance(again.screen, GameScreen)
        assert f"Turn {before_turn}/8" in screen_text(again)
        assert meters_line(again) == before_meters


async def test_a_named_save_can_be_loaded_from_the_title_screen():
    app = build_app(scenario="strike", role="union", seed=5)
    async with app.run_test(size=SIZE, notifications=True) as pilot:  # the toast is how the player is told
        await play_turn(pilot)
        await pilot.press("s")
        await pilot.press(*"ctrl+a ctrl+k".split(), *"before-vote", "enter")
        assert "Saved as 'before-vote'" in screen_text(app)
        turn = app.screen.record.state.turn
    assert saves.slot_path("before-vote").exists()

    title = build_app()
    async with title.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        assert isinstance(title.screen, LoadScreen) and "before-vote" in screen_text(title)
        while title.screen.query_one("#saves").highlighted_option.id != str(saves.slot_path("before-vote")):
            await pilot.press("down")
        await pilot.press("enter")
        assert isinstance(title.screen, GameScreen)
        assert title.screen.record.state.role == "union" and f"Turn {turn}/8" in screen_text(title)


async def test_a_new_game_keeps_the_unfinished_autosave_as_a_named_save():
    async with build_app(scenario="strike", role="mayor", seed=3).run_test(size=SIZE) as pilot:
        await play_turn(pilot)
    async with build_app(scenario="strike", role="union", seed=4).run_test(size=SIZE) as pilot:
        await opened(pilot)  # its first autosave comes once its first frame is drawn
    kept = saves.read_save(saves.slot_path("mayor-seed3-turn2"))
    assert kept.log.role == "mayor" and len(kept.log.choices) == 1
    assert saves.latest_autosave().log.role == "union"


def damage_autosave() -> None:
    saves.autosave_path().parent.mkdir(parents=True, exist_ok=True)
    saves.autosave_path().write_text('{"kind": "crisis-save", "version": 1, "scen')


async def test_a_damaged_autosave_is_explained_and_other_saves_still_load():
    good = build_app(scenario="strike", role="mayor", seed=8)
    async with good.run_test(size=SIZE) as pilot:
        await play_turn(pilot)
    saves.write_save(saves.slot_path("good"), saves.latest_autosave().log)
    damage_autosave()

    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, NoticeScreen)
        assert "damaged or cut short" in screen_text(app) and "other saves are unaffected" in screen_text(app)
        await pilot.press("enter")
        await pilot.press("l")
        text = screen_text(app)
        assert "autosave" in text and "cannot be opened" in text and "good" in text
        options = app.screen.query_one("#saves")
        assert options.get_option(str(saves.autosave_path())).disabled
        while options.highlighted_option.id != str(saves.slot_path("good")):
            await pilot.press("down")
        await pilot.press("enter")
        assert isinstance(app.screen, GameScreen) and "Turn 2/8" in screen_text(app)


@pytest.mark.parametrize("write, words", [
    (lambda: damage_autosave(), "damaged or cut short"),
    (lambda: saves.autosave(Log("strike", "not-the-hash", "mayor", 1, (0,))), "has changed since"),
    (lambda: saves.autosave_path().write_text(json.dumps(
        dict(Log("strike", "h", "mayor", 1).to_dict(), kind="crisis-save", version=99))), "newer version"),
    (lambda: saves.autosave(Log("no-such-scenario", "h", "mayor", 1)), "not installed"),
    (lambda: None, "no autosave"),
])
def test_resume_on_the_command_line_refuses_a_bad_save_in_one_line(write, words, capsys):
    saves.paths.saves().mkdir(parents=True, exist_ok=True)
    write()
    with pytest.raises(LoadError, match=words):
        build_app(resume="")
    assert main(["play", "--resume"]) == 1
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("argv, words", [
    (["play", "--scenario", "strike", "--role", "nobody"], "has no role 'nobody'"),
    (["play", "--scenario", "no-such-scenario", "--role", "mayor"], "no scenario 'no-such-scenario'"),
    (["play", "--resume", "never-saved"], "no saved game"),
    (["play", "--scenario", "strike", "--role", "mayor", "--opponent", "greedy"], "played by one role"),
    (["play", "--scenario", "tutorial", "--role", "mayor", "--opponent", "nobody"], "no opponent 'nobody'"),
    (["play", "--scenario", "tutorial", "--opponent", "greedy"], "--opponent needs --role"),
])
def test_bad_arguments_are_one_clear_line(argv, words, capsys):
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err


async def test_a_save_is_named_and_listed_by_the_turn_on_screen():
    """A newcomer saved on the other side's move at "Turn 12/51": the name said turn13 and the load list turn 13."""
    import re

    from game.tui.screens.save import SaveScreen

    app = build_app(scenario="venezuela-2019", role="guaido", opponent="greedy", seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press(str(first_available(app.screen.record)), "space")
        await pilot.pause()
        screen = app.screen
        assert screen.outcome is not None and screen.outcome.role != screen.reader  # the bot's answer on show
        shown = int(re.search(r"Turn (\d+)/", screen_text(app).splitlines()[0]).group(1))
        assert shown < screen.record.state.turn
        await pilot.press("s")
        assert isinstance(app.screen, SaveScreen)
        assert app.screen.query_one("Input").value.endswith(f"-turn{shown}")
        await pilot.press("enter")
        await pilot.pause()
        assert saves.read_save(saves.slot_path(f"guaido-seed3-turn{shown}")).turn == shown
        assert saves.latest_autosave().turn == shown
