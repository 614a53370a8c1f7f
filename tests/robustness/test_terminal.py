"""On a real terminal (tmux): a tiny terminal, quitting the ending while its bot games run, two games on one
data folder, and a killed two-sided game that resumes where it was."""

from __future__ import annotations

import json
import os
import signal
import time

import pytest

from game.engine import log_of, options, resolve, start
from game.saves import write_save
from game.scenario import load
from tests.tmux import DEADLINE, ROOT, Tmux, needs_tmux, terminal  # noqa: F401 (the fixture)

pytestmark = needs_tmux
STRIKE = ROOT / "tests" / "tui" / "data" / "strike"


def _play_a_turn(terminal: Tmux, name: str, turn: int, of: int) -> str:
    """Choose option 1, then read on (Enter on each page, once it is drawn) to the next turn's card."""
    _read_on(terminal, name, f"Turn {turn}/{of}")  # past any page before the card (a bot's move shown first)
    terminal.keys(name, "1")
    return _read_on(terminal, name, f"Turn {turn + 1}/{of}")


def _read_on(terminal: Tmux, name: str, text: str) -> str:
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        shown = terminal.settle(name)
        body = shown.splitlines()[:-1]  # the footer names its keys ("space Next") on every page
        if text in shown and not any("Next" in line for line in body):  # a page's Next button, maybe half covered
            return shown
        terminal.keys(name, "Enter")
    raise AssertionError(f"{text!r} did not come; the screen:\n{terminal.screen(name)}")


@pytest.mark.parametrize("size", [(20, 5), (10, 2)])
def test_a_tiny_terminal_is_asked_to_grow_not_shown_a_traceback(terminal, size):
    terminal.start("game", "play", "--scenario", "tutorial", "--role", "mayor", "--seed", "3", size=size)
    terminal.wait_for("game", "bigger", "Bigger")
    terminal.tmux("resize-window", "-t", "game", "-x", "100", "-y", "30")
    terminal.wait_for("game", "Turn 1/8")
    assert terminal.alive("game")


def test_quitting_the_ending_while_its_bot_games_run_exits_at_once(terminal, tmp_path):
    scenario = load(STRIKE)
    state = start(scenario, "mayor", 5)
    while not state.over:
        views = options(state)
        state = resolve(state, next(k for k, v in enumerate(views) if v.available)).state
    save = write_save(tmp_path / "over.json", log_of(state), {"scenario_path": str(STRIKE), "over": True})
    terminal.start("game", "play", "--resume", str(save))
    terminal.wait_for("game", "Quit")
    terminal.keys("game", "q")
    terminal.wait_for("game", "Quit crisis?")  # q asks first, as help says and everywhere else
    terminal.keys("game", "y")
    assert terminal.gone("game", 5.0), "the game kept running after q, y on the ending screen"


def test_two_games_on_one_folder_keep_both_games(terminal):
    terminal.start("first", "play", "--scenario", "tutorial", "--role", "mayor", "--seed", "3")
    terminal.wait_for("first", "Turn 1/8")
    # The second plays the other side: its first page is the bot mayor's move, then its own card.
    terminal.start("second", "play", "--scenario", "tutorial", "--role", "union", "--seed", "4")
    terminal.wait_for("second", "Two games")  # the second is told
    _play_a_turn(terminal, "first", 1, 8)
    _play_a_turn(terminal, "second", 1, 8)
    second_pid = terminal.pid("second")
    for name in ("first", "second"):
        os.kill(terminal.pid(name), signal.SIGKILL)
        assert terminal.gone(name)
    folder = terminal.home / "saves"
    first = json.loads((folder / "autosave.json").read_text(encoding="utf-8"))
    second = json.loads((folder / f"autosave-{second_pid}.json").read_text(encoding="utf-8"))
    assert (first["seed"], second["seed"]) == (3, 4)
    assert first["choices"] and second["choices"]


def test_a_killed_two_sided_game_resumes_at_the_same_turn(terminal):
    terminal.start("game", "play", "--scenario", "tutorial", "--role", "mayor", "--seed", "3")
    terminal.wait_for("game", "Turn 1/8")
    _play_a_turn(terminal, "game", 1, 8)
    before = _play_a_turn(terminal, "game", 2, 8)
    os.kill(terminal.pid("game"), signal.SIGKILL)
    assert terminal.gone("game")
    terminal.start("game", "play", "--resume")
    terminal.wait_for("game", "Turn 2/8", "Turn 3/8")
    after = _read_on(terminal, "game", "Turn 3/8")  # a resumed game first shows the bot's move since the save
    assert before.splitlines()[:12] == after.splitlines()[:12]  # the header, the meters and the card
