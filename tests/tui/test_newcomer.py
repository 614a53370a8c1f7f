"""What a first-time player ran into: skipped turns, card dates, Escape over the log, save turns, cut-off
labels, doubled full stops and repeats, odds that read badly."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

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
        titles = [w.heading for w in page.world]
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


def dated() -> "Scenario":  # noqa: F821
    """The duel with its first talks fixed to Wednesday 4 March and the storm to Wednesday 11 March."""
    sc = duel()
    talks = sc.card("talks")
    opening = replace(talks, last_turn=1, day=dt.date(2026, 3, 4))
    later = replace(talks, id="talks_later", first_turn=2)
    storm = replace(sc.card("storm"), day=dt.date(2026, 3, 11))
    return replace(sc, cards=(opening, later, storm), content_hash="duel-dated-1")


def test_a_card_fixed_to_a_date_shows_that_date_and_a_world_event_its_own():
    from game.tui.views import card_shown

    sc = dated()
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "random"))  # the mayor (a bot) moved
    card = card_shown(record.state, "union")
    assert card.date == "4 Mar 2026" and card.text.startswith("On 4 Mar 2026 pay stands at")
    record = record.play(record.options()[-1].index).play_bots()
    record = record.play(record.options()[-1].index).play_bots()
    headings = [h for h, _b in log_entries(record, "union")]
    assert headings[0] == "Turn 1 · 4 Mar 2026 · The Mayor: Round of talks"
    # The storm, fixed to Wednesday 11 March, comes when turn 2 (from Monday 9 March) reaches it: after its moves.
    assert headings.index("Turn 2 · 11 Mar 2026 · the world") == headings.index(
        "Turn 2 · 9 Mar 2026 · The Union Leader: Round of talks") + 1
    step = [s for s in record.steps if s.role == "union"][1]  # turn 2's page shows the storm
    page = outcome_shown(record, step, "union")
    assert page.world[0].heading == "The world, 11 Mar 2026: A storm — the docks flood"


def test_a_world_event_without_a_day_shows_its_own_turns_date():
    sc = duel()
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "random"))
    record = record.play(record.options()[-1].index).play_bots()
    step = next(s for s in record.steps if s.role == "union")  # on 2 Mar; the storm comes on turn 2, 9 Mar
    assert outcome_shown(record, step, "union").world[0].heading == "The world, 9 Mar 2026: A storm — the docks flood"
    # Numbered in the log with the turn of the page that told it (the header's), dated by its own day: a 4 Mar
    # event read on turn 8's pages was 'Turn 9' in the log (issue 9 r2).
    assert "Turn 1 · 9 Mar 2026 · the world" in [h for h, _b in log_entries(record, "union")]


def test_the_debrief_dates_cards_and_world_events_by_their_own_day():
    from game.tui import debrief

    sc = dated()
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "random"))
    while not record.state.over:
        record = record.play(record.options()[-1].index).play_bots()
    text = debrief.as_markdown(record)
    assert "### Turn 1, 4 Mar 2026: The Mayor, Round of talks" in text
    assert ("- The world, turn 2, 11 Mar 2026: A storm — the docks flood. A storm hits the coast. Cranes topple in"
            " the wind.") in text


async def test_the_opponents_page_is_dated_by_the_card():
    from textual.app import App

    from game.tui.screens.game import GameScreen

    from .play import header_text

    sc = dated()
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "random"))

    class Host(App):
        def on_mount(self) -> None:
            self.push_screen(GameScreen(record, True))

    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.outcome is not None and "4 Mar 2026" in header_text(app)  # the mayor's move
        for _ in range(10):  # a page longer than the screen (this host has no stylesheet) reads on first
            await pilot.press("space")
            if app.screen.outcome is None:
                break
        assert app.screen.outcome is None and "4 Mar 2026" in header_text(app)  # the union's own card


async def test_escape_closes_the_story_log_before_it_leaves_the_game():
    from game.tui.app import build_app
    from game.tui.screens.game import GameScreen
    from game.tui.screens.title import TitleScreen

    from .play import screen_text

    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("l")
        assert "The story so far" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, GameScreen) and "The story so far" not in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        assert "Your game is saved" in screen_text(app)


def test_a_two_sided_saves_turn_is_the_games_turn(tmp_path):
    from game import saves
    from game.tui.loading import save_meta

    sc = duel(max_turns=8)
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "random"))
    for _ in range(3):
        record = record.play(record.options()[-1].index).play_bots()
    assert not record.state.over and len(record.log.choices) + 1 != record.state.turn
    save = saves.read_save(saves.write_save(tmp_path / "duel.json", record.log, save_meta(record, True)))
    assert save.turn == record.state.turn == 4
    assert saves.read_save(saves.write_save(tmp_path / "bare.json", record.log)).turn == len(record.log.choices) + 1


async def test_the_start_button_shows_its_whole_label_at_120x40():
    from game.tui.app import build_app

    from .play import screen_text, settle

    app = build_app(scenario="tutorial", seed=5)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down")  # the union leader
        await pilot.pause()
        form = " ".join(line.split("▏")[0].strip() for line in screen_text(app).splitlines())  # left of the briefing
        assert "Start: The Union Leader vs adaptive" in " ".join(form.split())  # whole, over two lines
        await pilot.press("up")  # the mayor: with the opponent, the label still fits
        await pilot.pause()
        assert "Start: The Mayor vs adaptive" in screen_text(app)
        start, form = app.screen.query_one("#start"), app.screen.query_one("#new-form")
        assert start.region.right <= form.scrollable_content_region.right
        assert start.region.width >= len(str(start.label)) + 2


def test_no_doubled_full_stops_in_the_log_or_the_pages():
    from game.engine import Option, Outcome, Shift

    sc = duel()
    storm = sc.card("storm")
    unlabelled = replace(storm, options=(Option("", (Outcome(None, "Cranes topple in the wind.", (Shift(1, -4),)),)),))
    ending = replace(sc.ending("stalemate"), title="Nobody moves.")
    sc = replace(sc, cards=(sc.card("talks"), unlabelled), endings=sc.endings[:2] + (ending,),
                 content_hash="duel-stops-1")
    for reader in ("mayor", "union"):
        record = Record.new(sc, "union", 3, Seats.against(sc, "union", "random"))
        while not record.state.over:
            record = record.play(record.options()[-1].index).play_bots()
        texts = [body for _h, body in log_entries(record, reader)]
        assert any("Cranes topple in the wind. Town budget" in t for t in texts) or reader == "union"
        for step in record.steps:
            page = outcome_shown(record, step, reader)
            texts += [*page.changes, *(t for w in page.world for t in (w.heading, w.text))]
        assert not [t for t in texts if ".." in t], texts


def test_one_meter_changed_twice_is_one_line_and_follow_ups_due_together_are_told_once():
    from game.engine import FollowUpQueued, MeterChanged
    from game.tui.views import change_lines

    sc = duel()
    events = (MeterChanged("pay", 37, 35), MeterChanged("pay", 35, 32), MeterChanged("budget", 60, 56),
              FollowUpQueued("storm", 3), FollowUpQueued("talks", 3), FollowUpQueued("talks", 4))
    assert change_lines(events, sc, 2) == ["Pay 37→32 (▼-5)", "Town budget 60→56 (▼-4)",
                                           "2 consequences of this come next turn at the earliest.",
                                           "A consequence of this comes in 2 turns at the earliest."]


@pytest.mark.parametrize("chances, labels, ends, shown", [
    ((0.0, 1.0), ("a massacre", "he slips away"), ("Massacre", None), "certain: he slips away"),
    ((0.0, 0.3, 0.7), ("a massacre", "talks", "a march"), ("Massacre", None, None), "30% talks / 70% a march"),
    ((0.21, 0.79), ("he is genuine", ""), (), "21% he is genuine / 79% otherwise"),
    ((0.5, 0.5), ("", "arrested"), (None, "Lockout"), "50% otherwise / 50% arrested (ends the game: Lockout)"),
    ((0.0, 0.4, 0.6), ("a massacre", "", ""), ("Massacre", None, None), "40% / 60%"),
])
def test_odds_leave_out_what_cannot_happen_and_name_the_rest(chances, labels, ends, shown):
    from game.tui.views import odds_text

    assert odds_text(chances, labels, ends) == shown


def test_the_opponents_certain_move_reads_certain():
    sc = duel()
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "friend"))
    record = record.play(1)  # the mayor threatens a lockout: one outcome, with no name
    page = outcome_shown(record, record.steps[-1], "union")
    assert page.odds == "Certain: ▼ Pay"
    assert page.roll == "This choice had a single possible result: no roll was needed."
    named = replace(sc.card("talks").options[1], outcomes=(replace(sc.card("talks").options[1].outcomes[0],
                                                                   label="the gates shut"),))
    talks = replace(sc.card("talks"), options=(sc.card("talks").options[0], named, *sc.card("talks").options[2:]))
    sc = replace(sc, cards=(talks, sc.card("storm")), content_hash="duel-named-1")
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "friend")).play(1)
    assert outcome_shown(record, record.steps[-1], "union").odds == "Certain: the gates shut"


def test_a_single_results_odds_say_what_is_certain_and_keep_hidden_meters_hidden():
    # Play-test: an option with one result read a bare "certain" beside "45% the crowd roars / 55% it sounds
    # premature": certain what? A result with no name is named by what it moves, as the reader may see it.
    from game.tui.views import choices_shown

    sc = duel()
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "friend")).play(1)  # the mayor's lockout
    assert record.state.role == "union"
    odds = {c.label: c.odds for c in choices_shown(record.options(), record.state, "union")}
    assert odds["Wait and see"] == "certain: ▲ Strike fund"
    assert odds["Call a strike"] == "50% the crowd holds / 50% arrested (ends the game: Lockout, a loss for you)"
    record = record.play(3)  # the union waits: its strike fund is hidden from the mayor
    page = outcome_shown(record, record.steps[-1], "mayor")
    assert page.odds == "Certain: no meter you can see moves"
    assert "Strike fund" not in " ".join([page.odds, *page.changes])


def test_a_certain_result_that_moves_no_meter_says_so():
    from game.engine import Option, Outcome, SetFlag
    from game.tui.views import choices_shown

    sc = duel()
    talks = sc.card("talks")
    quiet = Option("Say nothing", (Outcome(None, "Nobody notices.", (SetFlag("quiet", True),)),),
                   roles=frozenset({"mayor"}))
    sc = replace(sc, cards=(replace(talks, options=(*talks.options, quiet)), sc.card("storm")), content_hash="duel-q")
    record = Record.new(sc, "mayor", 3, Seats.against(sc, "mayor", "friend"))
    odds = {c.label: c.odds for c in choices_shown(record.options(), record.state, "mayor")}
    assert odds["Say nothing"] == "certain: no meter moves"


def test_a_certain_result_is_named_by_the_outcome_that_can_happen():
    # The outcome with no chance is not the one named: "certain: ▲ Pay" named an outcome that could not happen.
    from game.engine import Expr, Option, Outcome, Shift
    from game.tui.views import choices_shown

    sc = duel()
    talks = sc.card("talks")
    never = Option("Ask the port", (Outcome(Expr.number(0.0), "The port pays.", (Shift(0, 5),)),
                                    Outcome(None, "The town pays.", (Shift(1, -3),))), roles=frozenset({"mayor"}))
    sc = replace(sc, cards=(replace(talks, options=(*talks.options, never)), sc.card("storm")), content_hash="duel-n")
    record = Record.new(sc, "mayor", 3, Seats.against(sc, "mayor", "friend"))
    odds = {c.label: c.odds for c in choices_shown(record.options(), record.state, "mayor")}
    assert odds["Ask the port"] == "certain: ▼ Town budget"
