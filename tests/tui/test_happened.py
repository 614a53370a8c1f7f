"""A historical card's tag says when its event really happened, not only that it did: a card is drawn anywhere in
its window, and a newcomer read "historical  this happened" beside the game's date as the day it happened."""

from __future__ import annotations

import pytest

from .play import screen_text
from .test_at_a_glance import a_game, flat, guaido_against_history, on_the_table


@pytest.mark.parametrize("lang, card, words", [
    ("en", "oath", "this happened on 23 Jan 2019"),
    ("es", "oath", "esto ocurrió el 23 ene 2019"),
    ("en", "fund_claim", "this happened in January 2019"),
    ("es", "fund_claim", "esto ocurrió en enero de 2019"),
])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_a_historical_cards_tag_says_when_it_happened(size, lang, card, words, monkeypatch):
    # "The $120 million question" came on 11 Feb in one game and 4 Mar in another; the claim was made in January.
    app = guaido_against_history(lang, monkeypatch)
    async with app.run_test(size=size) as pilot:
        screen = await a_game(pilot)
        await on_the_table(pilot, next(k for k, c in enumerate(screen.record.state.scenario.cards) if c.id == card))
        rows = [flat(line.split("▕")[-1].split("▏")[0]) for line in screen_text(app).splitlines()]
        assert any(r.endswith(words) for r in rows), "\n".join(rows)
