"""`crisis play --scenario PATH --watch`: an edit reloads the scenario and the game plays on from the same turn;
a broken edit shows the validator's messages and keeps the last good version; an edit the game cannot
survive says why and offers a restart."""

import shutil
from pathlib import Path

import pytest

from game.scenario import load
from game.tui.app import build_app
from game.tui.opening import LoadError

from .play import SIZE, play_turn, screen_text

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial"


@pytest.fixture
def draft(tmp_path) -> Path:
    """A scenario being written: a copy of the tutorial in a folder of the modder's."""
    folder = tmp_path / "my-strike"
    shutil.copytree(TUTORIAL, folder)
    return folder


def edit(folder: Path, old: str, new: str, name: str = "cards.yaml") -> None:
    path = folder / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


async def until(pilot, happened) -> None:
    """Let the app run until the watcher's reload has shown (bounded: the watcher debounces 300 ms)."""
    for _ in range(400):
        await pilot.pause(0.05)
        if happened():
            return
    raise AssertionError("the edit was never picked up")


async def test_an_edit_to_the_text_plays_on_from_the_same_turn(draft):
    app = build_app(scenario=str(draft), role="mayor", seed=4, opponent="historical", watch=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await play_turn(pilot)
        await play_turn(pilot)
        before = app.screen.record.state
        edit(draft, "title: Another week without ships", "title: Yet another week without ships")
        await until(pilot, lambda: "Reloaded" in screen_text(app))
        after = app.screen.record.state
        assert (after.turn, after.role, after.choices) == (before.turn, before.role, before.choices)
        assert after.scenario.content_hash == load(draft).content_hash != before.scenario.content_hash


async def test_a_broken_edit_shows_where_and_keeps_the_last_good_version(draft):
    app = build_app(scenario=str(draft), role="union", seed=2, opponent="random", watch=True)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await play_turn(pilot)
        before = app.screen.record
        edit(draft, "weight: 2", "weight: [nonsense", "cards.yaml")
        await until(pilot, lambda: "last good version" in screen_text(app))
        assert app.screen.record is before
        # The notice stands over the meters' column, wrapped to its width: read it as one text.
        shown = " ".join(line.split("▕")[0].lstrip("▌ ").strip() for line in screen_text(app).splitlines())
        assert "still playing the last good version" in shown and "cards.yaml:" in shown


async def test_an_edit_the_game_cannot_survive_says_why_and_offers_a_restart(draft):
    app = build_app(scenario=str(draft), role="mayor", seed=4, opponent="historical", watch=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        first_card = app.screen.record.state.current_card.id
        await play_turn(pilot)
        # The first card everyone played is gone from the scenario: the game cannot be replayed.
        edit(draft, f"- id: {first_card}\n", f"- id: {first_card}_renamed\n")
        await until(pilot, lambda: "cannot go on" in screen_text(app))
        shown = screen_text(app)
        assert "cannot go on" in shown and first_card in shown
        await pilot.pause()
        await pilot.click("#confirm")  # Restart with it
        await pilot.pause()
        record = app.screen.record
        assert record.scenario.content_hash == load(draft).content_hash
        assert not any(step.role == "mayor" for step in record.steps)


def test_watch_needs_a_scenario_folder():
    with pytest.raises(LoadError, match="--watch"):
        build_app(scenario="tutorial", role="mayor", watch=True)


async def test_a_reload_keeps_the_players_language(draft):
    from game import i18n

    i18n.set_language("es")
    try:
        app = build_app(scenario=str(draft), role="mayor", seed=4, opponent="historical", watch=True)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await play_turn(pilot)
            assert app.screen.record.state.scenario.title == "Tutorial: La huelga del puerto"
            edit(draft, "title: Another week without ships", "title: Yet another week without ships")
            await until(pilot, lambda: app.screen.record.state.scenario.content_hash == load(draft).content_hash)
            assert app.screen.record.state.scenario.title == "Tutorial: La huelga del puerto"
    finally:
        i18n.set_language("en")
