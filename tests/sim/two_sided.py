"""Small two-sided (format 2) scenarios built in Python, for simulator tests that need no loader.

A tug of war on one rope: role a pulls it up towards 80, role b down towards 20; every turn a takes
a card, then b, and the world may blow a gust either way first. `lopsided` gives a an option 1 that
always wins against b's history; `balanced` makes every option a coin flip.
"""

from __future__ import annotations

import datetime as dt

from game.engine import Calendar, Card, Ending, Meter, Option, Outcome, Role, Scenario, Shift, parse
from game.engine.expr import Expr

METERS = {"rope": 0, "nerve": 1}
ROPE, NERVE = 0, 1
BOTH = frozenset({"a", "b"})


def x(text: str) -> Expr:
    return parse(text, METERS, ())


def n(value: float) -> Expr:
    return Expr.number(value)


def sure(label: str, *effects, historical=False, roles=None) -> Option:
    return Option(label, (Outcome(None, f"{label} done", tuple(effects)),), historical=historical, roles=roles)


def coin(label: str, up: int, down: int, historical=False) -> Option:
    return Option(label, (Outcome(n(0.5), "up", (Shift(ROPE, up),)), Outcome(None, "down", (Shift(ROPE, down),))),
                  historical=historical)


def tug(cards, event_chance: Expr | None = None, max_turns: int = 12, ident: str = "tug") -> Scenario:
    endings = (Ending("a_wins", "A wins", "", {"a": "win", "b": "loss"}, condition=x("rope >= 80")),
               Ending("b_wins", "B wins", "", {"a": "loss", "b": "win"}, condition=x("rope <= 20")),
               Ending("tie", "Tie", "", {"a": "draw", "b": "draw"}))
    return Scenario(
        id=ident, title="Tug of war", version="1", description="",
        meters=(Meter("rope", "Rope", "", 0, 100, 50),
                Meter("nerve", "Nerve", "", 0, 10, 5, hidden_from=frozenset({"b"}))),
        roles=(Role("a", "A", ""), Role("b", "B", "")), cards=tuple(cards), endings=endings,
        calendar=Calendar(dt.date(2020, 1, 6), 7, max_turns, "tie"), content_hash=ident, format=2,
        order=("a", "b"), event_chance=event_chance)


def gusts() -> tuple[Card, ...]:
    return (Card("gust", "A gust", "", (Option("blow", (
        Outcome(n(0.5), "towards a", (Shift(ROPE, 4),)), Outcome(None, "towards b", (Shift(ROPE, -4),)))),),
        frozenset(), event=True, once=False),)


def contest() -> Scenario:
    """Choices matter on both sides, and the world blows gusts."""
    a = Card("heave_a", "Heave", "", (
        Option("heave", (Outcome(n(0.7), "gains", (Shift(ROPE, 6), Shift(NERVE, 1))),
                         Outcome(None, "slips", (Shift(ROPE, -3),)))),
        sure("rest", Shift(ROPE, -1), historical=True)), frozenset({"a"}), once=False)
    b = Card("heave_b", "Heave", "", (
        Option("heave", (Outcome(n(0.7), "gains", (Shift(ROPE, -6),)), Outcome(None, "slips", (Shift(ROPE, 3),)))),
        sure("rest", Shift(ROPE, 1), historical=True)), frozenset({"b"}), once=False)
    return tug((a, b) + gusts(), event_chance=n(0.4))


def lopsided() -> Scenario:
    """a's option 1 pulls hard; b's history is to rest: always option 1 wins for a."""
    a = Card("pull_a", "Pull", "", (sure("pull", Shift(ROPE, 8)), sure("rest", historical=True)),
             frozenset({"a"}), once=False)
    b = Card("pull_b", "Pull", "", (sure("rest", historical=True), sure("pull", Shift(ROPE, -8))),
             frozenset({"b"}), once=False)
    return tug((a, b), ident="lopsided")


def balanced() -> Scenario:
    """Every option is a coin flip of the same size: no rule can win more than chance allows."""
    a = Card("flip_a", "Flip", "", (coin("left", 6, -6, historical=True), coin("right", 6, -6)),
             frozenset({"a"}), once=False)
    b = Card("flip_b", "Flip", "", (coin("left", 6, -6, historical=True), coin("right", 6, -6)),
             frozenset({"b"}), once=False)
    return tug((a, b), ident="balanced")


def windy() -> Scenario:
    """Decisions change nothing; a sure gust pulls the rope up 5 at the start of every turn."""
    a = Card("wait_a", "Wait", "", (sure("wait"),), frozenset({"a"}), once=False)
    b = Card("wait_b", "Wait", "", (sure("wait"),), frozenset({"b"}), once=False)
    gust = Card("gust", "A gust", "", (sure("blow", Shift(ROPE, 5)),), frozenset(), event=True, once=False)
    return tug((a, b, gust), event_chance=n(1.0), max_turns=5, ident="windy")
