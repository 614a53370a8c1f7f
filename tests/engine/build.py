"""Small scenarios built in Python, so engine tests need neither YAML nor the loader."""

from __future__ import annotations

import datetime as dt

from game.engine import (
    Calendar, Card, End, Ending, Meter, Option, Outcome, Queue, Role, Scenario, SetFlag, SetMeter, Shift, parse,
)
from game.engine.expr import Expr

METERS = {"army": 0, "cash": 1}
FLAGS = ("coup",)


def x(text: str) -> Expr:
    return parse(text, METERS, FLAGS)


def n(value: float) -> Expr:
    return Expr.number(value)


def card(cid: str, *opts: Option, roles=("a", "b"), **kw) -> Card:
    return Card(id=cid, title=cid.title(), text=f"{cid} text", options=opts or (plain(),), roles=frozenset(roles), **kw)


def plain(label: str = "go", *effects, chance=None, **kw) -> Option:
    return Option(label=label, outcomes=(Outcome(chance, f"{label} done", tuple(effects)),), **kw)


def scenario(cards=(), endings=(), max_turns: int = 10, timeout: str = "draw", **kw) -> Scenario:
    endings = tuple(endings) + (Ending("draw", "Draw", "Time ran out.", {"a": "draw", "b": "draw"}),)
    return Scenario(
        id="test", title="Test", version="1", description="",
        meters=(Meter("army", "Army", "", 0, 100, 50, {"b": 70}), Meter("cash", "Cash", "", -10, 10, 0)),
        roles=(Role("a", "A", ""), Role("b", "B", "")),
        cards=tuple(cards), endings=endings,
        calendar=Calendar(dt.date(2019, 1, 7), 7, max_turns, timeout),
        content_hash="h1", **kw,
    )


__all__ = ["End", "Ending", "Option", "Outcome", "Queue", "SetFlag", "SetMeter", "Shift", "card", "n", "plain",
           "scenario", "x"]
