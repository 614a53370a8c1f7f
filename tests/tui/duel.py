"""A small two-sided (format 2) scenario built in Python, for the TUI tests of bots, hot-seat and hidden meters.

The mayor and the union bargain over pay; each keeps a meter the other cannot see; a storm (a world
event on a fixed date) hits the docks on turn 2; one of the union's outcomes ends the game at once.
"""

from __future__ import annotations

import datetime as dt

from game.engine import Calendar, Card, End, Ending, Meter, Option, Outcome, Role, Scenario, Shift, parse
from game.engine.expr import Expr

METERS = {"pay": 0, "budget": 1, "fund": 2}


def x(text: str) -> Expr:
    return parse(text, METERS, ())


def duel(max_turns: int = 4) -> Scenario:
    talks = Card(
        "talks", "Round of talks", "On {date} pay stands at {meter.pay}.",
        (
            Option("Offer a raise", (Outcome(Expr.number(0.6), "The offer is heard.", (Shift(0, 8), Shift(1, -10)),
                                             label="accepted"),
                                     Outcome(None, "The offer is laughed off.", (Shift(1, -5),), label="laughed off")),
                   roles=frozenset({"mayor"})),
            Option("Threaten a lockout", (Outcome(None, "The town shuts the gates.", (Shift(0, -6),)),),
                   roles=frozenset({"mayor"})),
            Option("Call a strike", (Outcome(Expr.number(0.5), "The docks go quiet.", (Shift(0, 6), Shift(2, -3)),
                                             label="the crowd holds"),
                                     Outcome(None, "The leaders are arrested.", (End("lockout"),), label="arrested")),
                   roles=frozenset({"union"})),
            Option("Wait and see", (Outcome(None, "Nothing moves.", (Shift(2, 1),)),), roles=frozenset({"union"})),
        ),
        frozenset({"mayor", "union"}), once=False,
        texts={"union": "On {date} pay stands at {meter.pay}; the strike fund holds {meter.fund}."},
    )
    storm = Card("storm", "A storm", "A storm hits the coast.",
                 (Option("", (Outcome(None, "Cranes topple in the wind.", (Shift(1, -4),), label="the docks flood"),)),),
                 frozenset(), event=True, fixed_turn=2)
    return Scenario(
        id="duel", title="The Pay Talks", version="1", description="Two sides bargain over pay.",
        meters=(Meter("pay", "Pay", "What dockers earn.", 0, 100, 50),
                Meter("budget", "Town budget", "What the town can spend.", 0, 100, 60, hidden_from=frozenset({"union"})),
                Meter("fund", "Strike fund", "How long the union can hold out.", 0, 10, 5,
                      hidden_from=frozenset({"mayor"}))),
        roles=(Role("mayor", "The Mayor", "Keep the town solvent.", ("deal",)),
               Role("union", "The Union Leader", "Win a fair wage.", ("deal",))),
        cards=(talks, storm),
        endings=(Ending("deal", "A deal is struck", "Both sides sign.", {"mayor": "win", "union": "win"},
                        condition=x("pay >= 70"), texts={"union": "The union wins its raise on {date}."}),
                 Ending("lockout", "Lockout", "The gates stay shut.", {"mayor": "win", "union": "loss"},
                        condition=x("pay <= 20")),
                 Ending("stalemate", "Stalemate", "Nobody gives way.", {"mayor": "draw", "union": "draw"})),
        calendar=Calendar(dt.date(2026, 3, 2), 7, max_turns, "stalemate"),
        content_hash="duel-1", format=2, order=("mayor", "union"),
    )


def duel_opening() -> Scenario:
    """The duel with its storm on turn 1: the world moves before anyone does (the game's prologue)."""
    from dataclasses import replace

    sc = duel()
    cards = tuple(replace(c, fixed_turn=1) if c.id == "storm" else c for c in sc.cards)
    return replace(sc, cards=cards, content_hash="duel-opening-1")
