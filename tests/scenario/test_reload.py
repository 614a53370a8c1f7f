"""Carrying a game over to a scenario whose files changed: the same turn, or a plain reason why not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.engine.rules import options, resolve, start
from game.paths import bundled_scenarios
from game.scenario import load
from game.tui.reload import carry_over


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    folder = tmp_path / "tutorial"
    shutil.copytree(bundled_scenarios() / "tutorial", folder)
    return folder


def _played(folder: Path, moves: int = 6):
    state = start(load(folder), None, 7)
    for _ in range(moves):
        state = resolve(state, next(o.index for o in options(state) if o.available)).state
    return state


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new))


def test_an_edit_that_keeps_the_moves_stays_on_the_same_turn(copy):
    state = _played(copy)
    _edit(copy, "cards.yaml", "The town feels listened to.", "The town feels heard.")
    carried = carry_over(state, load(copy))
    assert carried.why == "" and carried.state.turn == state.turn and carried.state.choices == state.choices
    assert carried.state.scenario.card("walkout").options[0].outcomes[0].text == "The town feels heard."


def test_options_are_matched_by_label_not_place(copy):
    state = _played(copy)
    cards = copy / "cards.yaml"
    text = cards.read_text()
    # Swap the walkout's two mayor options: the same label is still chosen.
    first = text.index("      - label: Talk to the reporters first")
    second = text.index("      - label: Say nothing and wait")
    third = text.index("      - label: March the members through the town")
    cards.write_text(text[:first] + text[second:third] + text[first:second] + text[third:])
    carried = carry_over(state, load(copy))
    assert carried.why == "" and carried.state.turn == state.turn


@pytest.mark.parametrize("file, old, new, why", [
    ("cards.yaml", "label: Talk to the reporters first", "label: Talk first",
     "card 'walkout' no longer has the option 'Talk to the reporters first' chosen on turn 1"),
    ("scenario.yaml", "order: [mayor, union]", "order: [union, mayor]",
     "the roles or their turn order changed (was mayor, union; now union, mayor)"),
])
def test_an_edit_that_breaks_the_moves_says_why(copy, file, old, new, why):
    state = _played(copy)
    _edit(copy, file, old, new)
    carried = carry_over(state, load(copy))
    assert carried.state is None and carried.why == why


def test_a_removed_card_is_named(copy):
    state = _played(copy, 2)
    _edit(copy, "cards.yaml", "  - id: walkout\n", "  - id: walkout_renamed\n")
    carried = carry_over(state, load(copy))
    assert carried.state is None and carried.why == "card 'walkout' (turn 1) is no longer in the scenario"
