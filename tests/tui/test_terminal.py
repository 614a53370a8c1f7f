"""End to end on a real terminal (tmux): play three turns, SIGKILL the game, resume, find the same game; a
one-role game and a two-sided one against a bot."""

from __future__ import annotations

import json
import os
import re
import signal
import time
from pathlib import Path

from tests.tmux import DEADLINE, ROOT, Tmux, needs_tmux, terminal  # noqa: F401 (the fixture)

pytestmark = needs_tmux
METER = re.compile(r"^ (\S.*?)\s+(\d+)\s+(▲ \+\d+|▼ -\d+|= 0)\s+▕")
TURN = re.compile(r"Turn (\d+)/(\d+)")


def meters(screen: str) -> dict[str, tuple[str, str]]:
    return {m[1]: (m[2], m[3]) for line in screen.splitlines() if (m := METER.match(line))}


def kill(terminal: Tmux) -> None:
    os.kill(terminal.pid("game"), signal.SIGKILL)
    assert terminal.gone("game"), "the killed game's pane did not close"  # it closes with its process


def saved(home: Path, choices: int) -> dict:
    """The autosave once it holds `choices` choices (it is written just after each outcome is drawn)."""
    path = home / "saves" / "autosave.json"
    end = time.monotonic() + DEADLINE
    while True:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if len(data["choices"]) == choices:
                return data
        except (OSError, ValueError):
            pass  # not written yet
        assert time.monotonic() < end, f"the autosave never held {choices} choices"
        time.sleep(0.05)


def test_a_killed_game_resumes_at_the_same_turn_with_the_same_meters(terminal):
    terminal.start("game", "play", "--scenario", str(ROOT / "tests" / "tui" / "data" / "strike"), "--role", "mayor", "--seed", "3")
    terminal.wait_for("game", "Turn 1/8")
    for turn in (1, 2, 3):
        terminal.keys("game", "1")  # the tutorial's first option is never unavailable
        terminal.wait_for("game", "(Enter)")
        terminal.keys("game", "Space")
        shown = terminal.wait_for("game", f"Turn {turn + 1}/8")
    before = meters(shown)
    assert len(before) == 3, shown

    kill(terminal)

    terminal.start("game", "play", "--resume")
    after = terminal.wait_for("game", "Turn 4/8")
    assert meters(after) == before, after


def test_a_killed_two_sided_game_resumes_with_every_move_of_both_sides(terminal):
    # The union leader against the greedy bot, which moves first as the mayor: every decision of both is
    # in the save, and the resumed game is the same game, seats included.
    terminal.start("game", "play", "--scenario", "tutorial", "--role", "union", "--opponent", "greedy", "--seed", "3")
    terminal.wait_for("game", "The Mayor's move (bot: greedy)")
    terminal.keys("game", "Space")
    terminal.wait_for("game", "The Union Leader's turn")
    for turn in (1, 2, 3):
        terminal.keys("game", "1")
        terminal.wait_for("game", "Your move, The Union Leader")
        terminal.keys("game", "End")  # a page longer than the screen: Space would read on first (issue 9 r2)
        terminal.keys("game", "Space")
        terminal.wait_for("game", "The Mayor's move (bot: greedy)")
        terminal.keys("game", "End")
        terminal.keys("game", "Space")
        shown = terminal.wait_for("game", "The Union Leader's turn")
        assert f"Turn {turn + 1}/8" in shown, shown
    before = meters(shown)
    assert len(before) == 2 and "Town funds" not in shown, shown  # the town's funds are hidden from the union
    save = saved(terminal.home, 1 + 3 * 2)  # the mayor's first move, then three of each side's

    kill(terminal)

    terminal.start("game", "play", "--resume")
    terminal.wait_for("game", "Turn ")
    # The save on disk is the one the killed game wrote: no decision lost, the seats as they were.
    again = json.loads((terminal.home / "saves" / "autosave.json").read_text(encoding="utf-8"))
    assert again["choices"] == save["choices"] and again["meta"]["seats"] == {"mayor": "greedy", "union": "person"}
    after = terminal.screen("game")
    if "The Mayor's move" in after:  # a resumed game may show the opponent's last move first
        terminal.keys("game", "Space")
    after = terminal.wait_for("game", "The Union Leader's turn")
    assert f"Turn {save['meta']['turn']}/8" in after and meters(after) == before, after
    terminal.keys("game", "1")  # and it plays on: one more decision of each side reaches the save
    terminal.wait_for("game", "Your move, The Union Leader")
    assert saved(terminal.home, len(save["choices"]) + 2)["choices"][:len(save["choices"])] == save["choices"]


def test_the_footer_leaves_nothing_behind_when_its_keys_change(terminal):
    # 'Read on ↓' renamed 'Next', then '1-9 Choose' in its place: the longer line's last letters stayed on the
    # terminal ('r Sources      urces'), seen only on a real one.
    terminal.start("game", "play", "--scenario", "venezuela-2019", "--role", "maduro", "--opponent", "greedy",
                   "--seed", "7")
    terminal.wait_for("game", "Turn 1/")
    terminal.keys("game", "Enter")  # past the greedy Guaidó's first move
    terminal.settle("game")
    for _ in range(6):
        for keys in (("1",), ("End", "Enter"), ("End", "Enter")):
            for key in keys:  # one at a time, as a player presses them: End's repaint comes before Enter's
                terminal.keys("game", key)
            footer = terminal.settle("game").splitlines()[-1]
            assert footer.split("▏")[0].rstrip().endswith("r Sources"), footer  # nothing after the last key
