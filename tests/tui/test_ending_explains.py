"""An ending that explains itself (issues 9 and 10): the ending, the story log, the move that ended the game
and the debrief say what settled it (the meters an ending's condition read, with their values and bounds,
or the card and outcome that ended it), and the odds no longer say an option ends a game that a
condition ends whatever is chosen."""

from __future__ import annotations

import pytest

from game.engine import End, Ending, Option, Outcome, Shift, options, start
from game.engine.explain import Ended, Term
from game.scenario import load, resolve_scenario
from game.tui import debrief
from game.tui.app import build_app
from game.tui.record import Record
from game.tui.seats import Seats
from game.tui.settled import settled_text
from game.tui.views import choices_shown, ending_line, log_entries, odds_text

from ..engine.build import card, n, scenario, x
from .duel import duel
from .play import play_to_the_end, screen_text


def finished(scenario, role: str, opponent: str, seed: int = 3) -> Record:
    """The game play_to_the_end plays: the first option open, every time."""
    record = Record.new(scenario, role, seed, Seats.against(scenario, role, opponent))
    while not record.state.over:
        record = record.play(next(v.index for v in record.options() if v.available)).play_bots()
    return record


def recalled() -> Record:
    """The tutorial, seed 12, the union against the greedy mayor: the town's trust falls to 15 and the
    recall ending's condition (trust <= 15) ends the game."""
    return finished(load(resolve_scenario("tutorial")), "union", "greedy", seed=12)


SETTLED = "What settled it: Public trust 15 (15 or less)."


async def test_the_ending_says_which_meters_settled_it():
    app = build_app(scenario="tutorial", role="union", opponent="greedy", seed=12)
    async with app.run_test(size=(100, 30)) as pilot:
        await play_to_the_end(pilot)
        text = " ".join(screen_text(app).split())
        assert "The mayor is recalled" in text and SETTLED in text
        app.screen.workers.cancel_all()


def test_the_story_log_and_the_move_that_ended_it_say_so():
    record = recalled()
    heading, said = log_entries(record, "union")[-1]
    assert heading == "The end" and said.endswith(SETTLED)
    # The move did not end the game by itself: the condition did, after it.
    line = ending_line(record.steps[-1], "union")
    assert line.startswith("Then the game ends: The mayor is recalled.") and line.endswith(SETTLED)


def test_the_debrief_says_what_settled_it_and_when():
    record = recalled()
    state = record.state
    ending = debrief.as_data(record)["ending"]
    assert (ending["date"], ending["turn"]) == (state.day.isoformat(), state.turn)
    assert ending["settled"] == {"how": "condition", "terms": [
        {"meter": "trust", "kind": "meter", "op": "<=", "bound": 15, "value": 15, "text": "Public trust 15 (15 or less)"}]}
    assert ending["settled_text"] == SETTLED
    last = debrief.as_data(record)["turns"][-1]["options"]
    assert [o["ends_how"] for o in last] == [["condition"], [None, "condition"]]  # each move would bring it about
    md = debrief.as_markdown(record)
    assert f"- Ended: {state.day.day} " in md and f", turn {state.turn}\n" in md and f"- {SETTLED}\n" in md


TERMS = (Term("meter", "<=", 55, 50, meter="budget"), Term("meter", ">=", 50, 58, meter="pay"),
         Term("turn", ">=", 3, 3), Term("meter", ">", 4, 5, meter="fund"))


@pytest.mark.parametrize("reader, said", [
    ("mayor", "What settled it: Town budget 50 (55 or less) · Pay 58 (50 or more) · a meter you cannot see"
              " · from turn 3."),
    ("union", "What settled it: a meter you cannot see · Pay 58 (50 or more) · Strike fund 5 (above 4) · from turn 3."),
    (None, "What settled it: Town budget 50 (55 or less) · Pay 58 (50 or more) · Strike fund 5 (above 4)"
           " · from turn 3."),
])
def test_a_meter_hidden_from_the_reader_stays_hidden(reader, said):
    sc = duel()
    state = start(sc, None, 1)
    assert settled_text(state, Ended("deal", "condition", 3, TERMS), reader) == said


@pytest.mark.parametrize("terms, reader, said", [
    ((Term("flag", flag="press_on_side"), Term("flag", flag="generous_offer", is_set=False)), "union",
     "What settled it: The local paper has taken the strikers' side · not true: The mayor has offered a generous"
     " raise."),
    # A term with no words of its own is its source text, unless it reads a meter the reader cannot see.
    ((Term("other", text="trust > resolve", reads=("resolve", "trust")),), "union", "What settled it: trust > resolve."),
    ((Term("other", text="trust > resolve", reads=("resolve", "trust")),), "mayor",
     "What settled it: a meter you cannot see."),
])
def test_flags_by_their_description_and_other_terms_by_their_text(terms, reader, said):
    sc = load(resolve_scenario("tutorial"))
    assert settled_text(start(sc, None, 1), Ended("deal", "condition", 3, terms), reader) == said


@pytest.mark.parametrize("end, reader, said", [
    (Ended("lockout", "effect", 2, card="talks", option=2, outcome=1, role="union"), "union",
     "What settled it: you chose “Call a strike” on “Round of talks”, and its outcome “arrested” ends the game."),
    (Ended("lockout", "effect", 2, card="talks", option=2, outcome=1, role="union"), "mayor",
     "What settled it: The Union Leader chose “Call a strike” on “Round of talks”, and its outcome “arrested”"
     " ends the game."),
    (Ended("lockout", "effect", 2, card="talks", option=1, outcome=0, role="mayor"), "mayor",
     "What settled it: you chose “Threaten a lockout” on “Round of talks”, and its outcome ends the game."),
    (Ended("stalemate", "effect", 2, card="storm", option=0, outcome=0, role=""), "mayor",
     "What settled it: the world's event “A storm”, its outcome “the docks flood”, ends the game."),
    (Ended("stalemate", "calendar", 4), "mayor", "What settled it: time ran out; turn 4 was the last."),
])
def test_an_ending_by_an_outcome_names_the_card_and_the_outcome(end, reader, said):
    assert settled_text(start(duel(), None, 1), end, reader) == said


def test_an_outcome_with_brackets_of_its_own_is_named_in_quotes_not_in_more_brackets():
    # 'and its outcome (arrested (as in 1926)) ends the game': a bracket inside a bracket.
    from dataclasses import replace

    sc = duel()
    talks = sc.card("talks")
    strike = talks.options[2]
    arrested = replace(strike.outcomes[1], label="arrested (as in 1926)")
    talks = replace(talks, options=(*talks.options[:2], replace(strike, outcomes=(strike.outcomes[0], arrested)),
                                    *talks.options[3:]))
    sc = replace(sc, cards=(talks, *sc.cards[1:]), content_hash="duel-brackets-1")
    end = Ended("lockout", "effect", 2, card="talks", option=2, outcome=1, role="union")
    assert settled_text(start(sc, None, 1), end, "union").endswith(
        "and its outcome “arrested (as in 1926)” ends the game.")


@pytest.mark.parametrize("chances, labels, ends, how, shown", [
    ((0.5, 0.5), ("", "arrested"), (None, "Lockout"), ("", "effect"),
     "50% otherwise / 50% arrested (ends the game: Lockout)"),
    ((0.5, 0.5), ("", "arrested"), (None, "Lockout"), ("", "condition"),
     "50% otherwise / 50% arrested (then the game ends: Lockout)"),
    ((0.4, 0.6), ("fed", "hungry"), ("Army turns", "Army turns"), ("already", "already"),
     "40% fed / 60% hungry; after this move the game ends, whatever the result: Army turns"),
    ((1.0,), ("",), ("Deadlock",), ("calendar",), "certain; after this move the game ends, whatever the result: Deadlock"),
    # One outcome ends the game its own way: each is marked.
    ((0.4, 0.6), ("fed", "hungry"), ("Army turns", "Coup"), ("already", "effect"),
     "40% fed (then the game ends: Army turns) / 60% hungry (ends the game: Coup)"),
])
def test_the_odds_say_how_an_outcome_ends_the_game(chances, labels, ends, how, shown):
    assert odds_text(chances, labels, ends, how) == shown


def test_an_option_does_not_read_as_ending_a_game_a_condition_ends_anyway():
    # Issue 9: "turn >= 2" already holds when the card is drawn on turn 2, so both of the card's outcomes
    # would "end the game"; the card must not say that the food imports do it.
    food = Option("food imports", (Outcome(n(0.5), "prices fall", (Shift(1, 1),), label="prices fall"),
                                   Outcome(None, "prices double", (Shift(1, -1),), label="prices double")))
    quit_ = Option("resign", (Outcome(None, "gone", (End("resigned"),)),))
    sc = scenario([card("prices", food, quit_, roles=("a",), once=False)],
                  [Ending("turned", "The army changes sides", "", {"a": "win"}, condition=x("turn >= 2")),
                   Ending("resigned", "Resigned", "", {"a": "loss"})])
    state = start(sc, "a", 1)
    from game.engine import resolve

    state = resolve(state, 0).state  # turn 1 played: turn 2's card is on the table
    assert state.turn == 2 and not state.over
    shown = [c.odds for c in choices_shown(options(state), state)]
    assert shown == ["50% prices fall / 50% prices double; after this move the game ends, whatever the result:"
                     " The army changes sides, a win for you", "certain (ends the game: Resigned, a loss for you)"]
