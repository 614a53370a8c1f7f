"""SVG snapshots of the key screens in Spanish (`crisis --lang es`), on the tutorial's Spanish edition (update with
`pytest --snapshot-update` and look at them)."""

from __future__ import annotations

import pytest

from game import i18n
from game.tui.app import build_app

from .play import SIZE, opened, play_to_the_end


@pytest.fixture(autouse=True)
def spanish(monkeypatch):
    monkeypatch.setenv("CRISIS_LANG", "es")
    i18n.set_language("es")


def tutorial(role: str = "union", opponent: str = "random"):
    return build_app(scenario="tutorial", role=role, opponent=opponent, seed=3)


def test_title_in_spanish(snap_compare):
    assert snap_compare(build_app(), terminal_size=(80, 24))


def test_the_opponents_move_in_spanish_at_80x24(snap_compare):
    assert snap_compare(tutorial(), terminal_size=(80, 24), run_before=opened)


def test_the_card_in_spanish_at_80x24(snap_compare):
    async def next_page(pilot):
        await opened(pilot)
        await pilot.press("space")
        await pilot.pause()

    assert snap_compare(tutorial(), terminal_size=(80, 24), run_before=next_page)


def test_the_outcome_in_spanish(snap_compare):
    async def first_choice(pilot):
        await opened(pilot)
        await pilot.press("space", "1")
        await pilot.pause()

    assert snap_compare(tutorial(), terminal_size=SIZE, run_before=first_choice)


def test_the_hand_over_in_spanish(snap_compare):
    async def pass_the_keyboard(pilot):
        await opened(pilot)
        await pilot.press("1", "space")
        await pilot.pause()

    assert snap_compare(tutorial("mayor", "friend"), terminal_size=(80, 24), run_before=pass_the_keyboard)


def test_the_ending_in_spanish(snap_compare):
    async def to_the_end(pilot):
        # The shared walk: a game that ends on the other side's move leaves no card to press a number on.
        await play_to_the_end(pilot)
        await pilot.app.workers.wait_for_complete()  # the continuations from each turning point
        await pilot.pause()

    assert snap_compare(build_app(scenario="tutorial", role="mayor", opponent="historical", seed=3),
                        terminal_size=(120, 40), run_before=to_the_end)
