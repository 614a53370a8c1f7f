"""A turn told in calendar order on screen: a card, a move, the world's event and the ending are dated with the
day the turn has reached (the engine's `State.day` and event days), so the date never goes back."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from game.engine import Card, Option, Outcome
from game.tui.record import Record
from game.tui.seats import Seats
from game.tui.views import card_shown, log_entries, outcome_shown, shown

from .duel import duel


def late_storm():
    """The duel in one week (from Monday 2 March): the mayor's decree is fixed to Wednesday 4 March, the storm
    to Thursday 5 March; the union's talks have no date."""
    sc = duel(max_turns=1)
    decree = Card("decree", "A decree", "On {date} the mayor decrees.", (Option("Sign", (Outcome(None, "Signed."),)),),
                  frozenset({"mayor"}), fixed_turn=1, first_turn=1, last_turn=1, day=dt.date(2026, 3, 4))
    # The talks are the union's own here: a shared card comes to the union only when the mayor draws it, and
    # the mayor's week is the decree's.
    cards = tuple(replace(c, fixed_turn=1, first_turn=1, last_turn=1, day=dt.date(2026, 3, 5)) if c.id == "storm"
                  else replace(c, roles=frozenset({"union"})) if c.id == "talks" else c
                  for c in sc.cards) + (decree,)
    return replace(sc, cards=cards, content_hash="duel-late-storm-1")


def test_a_card_after_a_dated_one_keeps_its_day_and_the_world_event_comes_on_its_own():
    sc = late_storm()
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "random"))  # the mayor (a bot) signed on 4 March
    card = card_shown(record.state, "union")
    assert card.date == "4 Mar 2026" and card.text.startswith("On 4 Mar 2026 pay stands at")
    wait = next(v.index for v in record.options() if v.label == "Wait and see")
    record = record.play(wait)
    assert record.state.over and record.state.day == dt.date(2026, 3, 5)
    assert shown("The gates open on {date}.", record.state, "union") == "The gates open on 5 Mar 2026."  # the ending's
    headings = [h for h, _b in log_entries(record, "union")]
    assert headings == ["Turn 1 · 4 Mar 2026 · The Mayor: A decree", "Turn 1 · 4 Mar 2026 · The Union Leader: Round of talks",
                        "Turn 1 · 5 Mar 2026 · the world", "The end"]
    page = outcome_shown(record, record.steps[-1], "union")
    assert page.world[0].heading == "The world, 5 Mar 2026: A storm — the docks flood"
    assert page.world[0].text == "A storm hits the coast. Cranes topple in the wind."
