"""A small one-sided harbour-strike scenario built in Python, for tests that must not need the loader.

It is an early draft of the tutorial, not the bundled one: it has six cards (no idle_harbour, no
harbour_bills), its endings trigger at funds <= 0 and trust <= 15 (not 10 and 25), and crews come
when resolve < 50. Its id stays "tutorial" and its content hash "tutorial-in-python" because the
game digests recorded in tests/engine/test_fast.py name them. The bundled tutorial as it was in
format 1 is frozen in tests/data/format1/harbour (load it with game.scenario.load).
"""

from __future__ import annotations

import datetime as dt

from game.engine import Calendar, Card, End, Ending, Meter, Option, Outcome, Queue, Role, Scenario, SetFlag, Shift, parse
from game.engine.expr import Expr

METERS = {"trust": 0, "funds": 1, "resolve": 2}
FLAGS = ("press_on_side",)
TRUST, FUNDS, RESOLVE = 0, 1, 2


def x(text: str) -> Expr:
    return parse(text, METERS, FLAGS)


def n(value: float) -> Expr:
    return Expr.number(value)


def opt(label: str, *outcomes: Outcome, **kw) -> Option:
    return Option(label, tuple(outcomes), **kw)


def sure(label: str, text: str, *effects, **kw) -> Option:
    return Option(label, (Outcome(None, text, tuple(effects)),), **kw)


def build() -> Scenario:
    both = frozenset({"mayor", "union"})
    cards = (
        Card("walkout", "The walkout", "At dawn the cranes stand still.", (
            opt("Talk to the reporters first",
                Outcome(n(0.6), "The story runs your way.", (Shift(TRUST, 8),)),
                Outcome(None, "The paper prints the strikers' side.", (Shift(TRUST, -5), SetFlag("press_on_side", True)))),
            sure("Say nothing and wait", "Silence buys time.", Shift(TRUST, -3), Shift(RESOLVE, 3), historical=True),
        ), both, weight=n(10), first_turn=1, last_turn=2, historical=True),
        Card("strike_fund", "The strike fund", "The strikers' savings are running low.", (
            opt("Accept the bread",
                Outcome(x("0.5 + resolve / 200"), "The picket line cheers.", (Shift(RESOLVE, 10), Shift(TRUST, -4))),
                Outcome(None, "The story sours.", (Shift(RESOLVE, 2),))),
            sure("Refuse", "Pride holds, hunger bites.", Shift(RESOLVE, -6)),
        ), frozenset({"union"}), weight=n(2)),
        Card("emergency_budget", "Emergency budget", "The harbour's idle.", (
            sure("Cut spending elsewhere", "Libraries close early.", Shift(FUNDS, 6), Shift(TRUST, -4)),
            opt("Borrow from the regional bank",
                Outcome(n(0.8), "The loan comes through.", (Shift(FUNDS, 15),)),
                Outcome(None, "The bank stalls.", (Shift(TRUST, -6),)),
                condition=x("trust >= 40"), unavailable="The bank will not lend (trust below 40)."),
        ), frozenset({"mayor"}), condition=x("funds >= 20"), weight=x("1 + (100 - funds) / 25"), once=False,
            cooldown=2),
        Card("offer", "An offer on the table", "Both sides meet in the town hall.", (
            opt("Offer (or accept) a modest raise",
                Outcome(x("(trust + 100 - resolve) / 200"), "Hands are shaken.", (End("deal"),)),
                Outcome(None, "The vote fails.", (Shift(RESOLVE, 5), Queue("second_vote", 2)))),
            sure("Hold out for more", "The talks break up.", Shift(RESOLVE, -4), Shift(FUNDS, -5)),
        ), both, condition=x("turn >= 3 or flag.press_on_side"), weight=n(3)),
        Card("second_vote", "The second vote", "The union calls its members back.", (
            opt("Let them vote again",
                Outcome(x("resolve < 60"), "This time the raise passes.", (End("deal"),)),
                Outcome(n(0.5), "The hall is split.")),
        ), both, weight=n(0)),
        Card("replacement_crews", "Replacement crews", "A shipping firm offers crews.", (
            opt("Let the crews in",
                Outcome(x("0.7 - resolve / 100"), "The strike collapses.", (End("strike_broken"),)),
                Outcome(None, "The crews are turned back.", (Shift(TRUST, -15), Shift(RESOLVE, 10)))),
            sure("Refuse, and keep talking", "The strikers note your restraint.", Shift(RESOLVE, -3), Shift(TRUST, 2)),
        ), frozenset({"mayor"}), condition=x("resolve < 50 and not flag.press_on_side")),
    )
    endings = (
        Ending("deal", "A deal is struck", "", {"mayor": "win", "union": "win"}),
        Ending("strike_broken", "The strike is broken", "", {"mayor": "win", "union": "loss"}),
        Ending("bankrupt", "The town runs dry", "", {"mayor": "loss", "union": "draw"}, condition=x("funds <= 0"),
               priority=20),
        Ending("recall", "The mayor is recalled", "", {"mayor": "loss", "union": "win"}, condition=x("trust <= 15"),
               priority=10),
        Ending("deadlock", "Deadlock", "", {"mayor": "draw", "union": "draw"}),
    )
    return Scenario(
        id="tutorial", title="Tutorial: The Harbour Strike", version="1.0.0", description="",
        meters=(Meter("trust", "Public trust", "", 0, 100, 50), Meter("funds", "Town funds", "", 0, 100, 60),
                Meter("resolve", "Strikers' resolve", "", 0, 100, 55, {"union": 60})),
        roles=(Role("mayor", "The Mayor", "", ("deal", "strike_broken"), score=x("trust + funds - resolve")),
               Role("union", "The Union Leader", "", ("deal",))),
        cards=cards, endings=endings, flags=(), calendar=Calendar(dt.date(2026, 3, 2), 7, 8, "deadlock"),
        content_hash="tutorial-in-python",
    )
