"""The dialogs as a first-time player meets them: how to play scrolls, saving over a save asks, quitting asks,
loading keeps the unfinished game, any letters name a save, and the keys the help lists are the keys bound."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual import events
from textual.app import App

from game import paths, saves
from game.engine import Log
from game.tui.app import CrisisApp, build_app
from game.tui.screens.confirm import ConfirmScreen
from game.tui.screens.game import GameScreen
from game.tui.screens.help import HelpScreen
from game.tui.screens.save import SaveScreen
from game.tui.screens.title import TitleScreen

from .play import SIZE, opened, play_turn, screen_text

FIRST_LINE = "You lead one side"  # the first line of assets/help.md, under its heading
LAST_WORD = "replay."  # the last word of assets/help.md


def flat(text: str) -> str:
    """The screen's words in order, wrapped lines joined: to find a phrase wherever the dialog wrapped it."""
    return " ".join(re.sub(r"[^\w\s'.,:;!?()/\\-]", " ", text).split())


async def wheel(pilot, down: bool) -> None:
    """Turn the mouse wheel once over the middle of the screen, as the terminal reports it."""
    app = pilot.app
    x, y = app.size.width // 2, app.size.height // 2
    widget, _ = app.get_widget_at(x, y)
    kind = events.MouseScrollDown if down else events.MouseScrollUp
    widget.post_message(kind(widget, x, y, 0, 1 if down else -1, 0, False, False, False, screen_x=x, screen_y=y))
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
async def test_how_to_play_scrolls_with_the_keys_and_the_mouse(size):
    app = build_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()  # the Markdown is laid out after it mounts
        assert isinstance(app.screen, HelpScreen)
        top = screen_text(app)
        assert FIRST_LINE in top and "PgDn" in top  # the dialog says how to scroll
        fits = LAST_WORD in top
        await pilot.press("end")
        assert LAST_WORD in screen_text(app)
        await pilot.press("home")
        assert screen_text(app) == top
        if fits:
            return  # nothing left to scroll to: the whole page is on screen
        await pilot.press("pagedown")
        assert FIRST_LINE not in screen_text(app)
        await pilot.press("pageup")
        assert screen_text(app) == top
        await pilot.press("down", "down", "down")
        assert screen_text(app) != top
        await pilot.press("up", "up", "up")
        assert screen_text(app) == top
        await wheel(pilot, down=True)
        assert screen_text(app) != top
        await wheel(pilot, down=False)
        assert screen_text(app) == top
        await pilot.press("escape")
        assert isinstance(app.screen, TitleScreen)


def saved_files() -> list[str]:
    """The saves folder as the load list shows it: game.saves's own hidden files (its lock) are not saves."""
    return sorted(p.name for p in paths.saves().iterdir() if not p.name.startswith("."))


async def save_as(pilot, name: str) -> None:
    await pilot.press("s")
    assert isinstance(pilot.app.screen, SaveScreen)
    await pilot.press("ctrl+a", "ctrl+k", *name, "enter")


async def test_saving_over_a_named_save_asks_first():
    app = build_app(scenario="tutorial", role="mayor", seed=3)
    async with app.run_test(size=SIZE) as pilot:
        mine = saves.slot_file("mine")
        await save_as(pilot, "mine")
        assert isinstance(app.screen, GameScreen)
        first = saves.read_save(mine).log
        await play_turn(pilot)

        await save_as(pilot, "mine")
        assert isinstance(app.screen, ConfirmScreen)
        text = flat(screen_text(app))
        assert "'mine' already exists" in text and "Overwrite" in text and "Cancel" in text
        await pilot.press("escape")  # no: back to the name, nothing written
        assert isinstance(app.screen, SaveScreen) and saves.read_save(mine).log == first
        await pilot.press("enter")
        await pilot.click("#cancel")
        assert isinstance(app.screen, SaveScreen) and saves.read_save(mine).log == first

        await pilot.press("enter")
        await pilot.press("enter")  # Overwrite has the focus
        assert isinstance(app.screen, GameScreen)
        assert saves.read_save(mine).log == app.screen.record.log != first


async def test_a_save_may_be_named_with_any_letters_but_not_a_path():
    app = build_app(scenario="tutorial", role="mayor", seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await save_as(pilot, "../../escape")
        assert isinstance(app.screen, SaveScreen)
        assert "cannot hold / or \\" in flat(screen_text(app))
        await pilot.press("ctrl+a", "ctrl+k", *".hidden", "enter")
        assert isinstance(app.screen, SaveScreen) and "cannot start with a dot" in flat(screen_text(app))
        await pilot.press("ctrl+a", "ctrl+k", *"partida de maría", "enter")
        assert isinstance(app.screen, GameScreen)
    assert saved_files() == ["autosave.json", "partida de maría.json"]
    assert not list(paths.saves().parent.parent.glob("escape*"))


async def test_escape_on_the_title_asks_before_quitting_and_says_the_game_is_saved():
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen) and "Quit crisis?" in screen_text(app)
        assert "saved" not in screen_text(app)  # no game yet: nothing to say about saves
        await pilot.press("escape")
        assert isinstance(app.screen, TitleScreen) and app.return_code is None
        await pilot.press("q")
        await pilot.click("#cancel")
        assert isinstance(app.screen, TitleScreen) and app.return_code is None
        await pilot.press("escape", "enter")  # Quit has the focus
    assert app.return_code == 0

    saves.autosave(Log("tutorial", "h", "mayor", 1))
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        assert "Your game is saved" in flat(screen_text(app))


async def test_q_in_a_game_asks_before_quitting_and_says_the_game_is_saved():
    # As on the title screen: a q pressed by mistake (or for 'question') must not end the game unasked.
    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await play_turn(pilot)
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen) and "Quit crisis?" in screen_text(app)
        assert "Your game is saved" in flat(screen_text(app))
        await pilot.press("escape")
        assert isinstance(app.screen, GameScreen) and app.return_code is None
        await pilot.press("q", "enter")  # Quit has the focus
    assert app.return_code == 0
    assert len(saves.latest_autosave().log.choices) == 1  # the turn played is in the save


async def test_loading_a_save_keeps_the_unfinished_autosave_and_says_where():
    async with build_app(scenario="tutorial", role="union", seed=5).run_test(size=SIZE) as pilot:
        await play_turn(pilot)
    other = saves.latest_autosave()
    saves.write_save(saves.slot_file("other"), other.log, other.meta)
    async with build_app(scenario="tutorial", role="mayor", seed=3).run_test(size=SIZE) as pilot:
        await play_turn(pilot)
    unfinished = saves.latest_autosave()
    before = set(paths.saves().iterdir())

    app = build_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:  # the toast is how the player is told
        await pilot.press("l")
        options = app.screen.query_one("#saves")
        while options.highlighted_option.id != str(saves.slot_file("other")):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen) and app.screen.record.log == other.log
        [kept] = set(paths.saves().iterdir()) - before
        assert saves.read_save(kept).log == unfinished.log
        assert f"kept as '{kept.stem}'" in flat(screen_text(app))
        await play_turn(pilot)  # the loaded game now autosaves over the old autosave
    assert saves.latest_autosave().log != unfinished.log and saves.read_save(kept).log == unfinished.log


async def test_loading_the_autosave_itself_keeps_no_copy():
    async with build_app(scenario="tutorial", role="mayor", seed=3).run_test(size=SIZE) as pilot:
        await play_turn(pilot)
    app = build_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("l", "enter")  # the autosave is the newest, so first
        assert isinstance(app.screen, GameScreen) and "kept as" not in flat(screen_text(app))
    assert saved_files() == ["autosave.json"]


# The keys are written in three places: the help page, the README and the screens' BINDINGS. They must agree.

SPOKEN = {"?": "question_mark", "space": "space", "espacio": "space", "esc": "escape", "enter": "enter", "escape": "escape", "f2": "f2"}
WIDGET_KEYS = {"enter"}  # taken by the focused option or button, not by a screen's binding


def documented_keys(markdown: str, heading: str) -> set[str]:
    """The keys in the first column of the first table under `heading`, as Textual names them."""
    lines = markdown.split(heading, 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    table = []
    for line in lines[start + 2:]:  # below the header row and its rule
        if not line.startswith("|"):
            break
        table.append(line.split("|")[1])
    keys: set[str] = set()
    for cell in table:
        spans = re.findall(r"`([^`]+)`", cell)
        if re.search(r"`1`\s*(?:-|to|a)\s*`9`", cell):
            spans = [s for s in spans if s not in ("1", "9")] + [str(n) for n in range(1, 10)]
        keys.update(SPOKEN.get(s.lower(), s.lower()) for s in spans)
    return keys


def bound_keys(*classes: type) -> set[str]:
    keys = set()
    for cls in classes:
        for binding in cls.BINDINGS:
            keys.update(k.strip() for k in binding.key.split(","))
    return keys


def game_keys() -> set[str]:
    """Every key a player can press in a game: the game screen's, the app's, and Textual's own two."""
    return bound_keys(GameScreen, CrisisApp, App) - {"ctrl+c"} | {CrisisApp.COMMAND_PALETTE_BINDING}


@pytest.mark.parametrize("document, heading", [(paths.assets() / "help.md", "## Keys"),
                                               (paths.assets() / "help.es.md", "## Teclas"),
                                               (Path(__file__).parents[2] / "README.md", "## Playing")],
                         ids=["help", "help-es", "readme"])
def test_the_keys_the_docs_list_are_the_keys_the_game_binds(document, heading):
    text = document.read_text(encoding="utf-8")
    listed = documented_keys(text, heading)
    assert listed - WIDGET_KEYS - game_keys() == set(), f"{document} lists keys the game does not bind"
    assert game_keys() - listed == set(), f"{document} does not list keys the game binds"


async def test_a_new_game_keeps_the_unfinished_autosave_and_says_where():
    async with build_app(scenario="tutorial", role="mayor", seed=3).run_test(size=SIZE) as pilot:
        await play_turn(pilot)
    unfinished = saves.latest_autosave()
    before = set(paths.saves().iterdir())
    app = build_app(scenario="tutorial", role="union", seed=8)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        [kept] = set(paths.saves().iterdir()) - before - {paths.saves() / "autosave.json"}
        assert saves.read_save(kept).log == unfinished.log
        assert f"kept as '{kept.stem}'" in flat(screen_text(app))
