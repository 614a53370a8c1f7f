"""What a first-time player ran into: skipped turns, card dates, Escape over the log, save turns, cut-off
labels, doubled full stops and repeats, odds that read badly."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from game.tui.record import Record
from game.tui.seats import Seats
from game.tui.views import log_entries, outcome_shown

from .duel import duel


def gap() -> "Scenario":  # noqa: F821
    """The duel with no talks on turn 2: both roles pass that turn (the storm still comes)."""
    sc = duel()
    talks = sc.card("talks")
    later = replace(talks, id="talks_later", first_turn=3)
    cards = tuple(replace(c, last_turn=1) if c.id == "talks" else c for c in sc.cards) + (later,)
    return replace(sc, cards=cards, content_hash="duel-gap-1")


def test_a_turn_with_no_card_is_told_on_the_page_and_in_the_log_for_both_readers():
    sc = gap()
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "random"))  # the mayor (a bot) moved
    record = record.play(record.options()[-1].index).play_bots()  # the union's turn 1; turn 2 is skipped
    step = next(s for s in record.steps if s.role == "union")
    assert step.after.turn == 3
    for reader in ("union", "mayor"):
        page = outcome_shown(record, step, reader)
        titles = [title for title, _lines in page.world]
        assert "No card for The Mayor this week (9 Mar 2026)." in titles, (reader, titles)
        assert "No card for The Union Leader this week (9 Mar 2026)." in titles, (reader, titles)
        bodies = [body for _h, body in log_entries(record, reader)]
        assert "No card for The Union Leader this week (9 Mar 2026)." in bodies, (reader, bodies)
        assert "No card for The Mayor this week (9 Mar 2026)." in bodies, (reader, bodies)


def test_the_debrief_tells_the_turns_passed(tmp_path):
    from game.tui import debrief

    sc = gap()
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "random"))
    while not record.state.over:
        record = record.play(record.options()[-1].index).play_bots()
    assert "- No card for The Mayor this week (9 Mar 2026)." in debrief.as_markdown(record)
