"""Dead content: cards, options and endings no game can reach, found by an interval analysis.

For each role the analysis works out, as intervals, the values every meter can ever take: its start
value, widened by the effects of every outcome that can itself happen (a shift up lets the meter
climb to its maximum, a shift down lets it fall to its minimum, a `set` adds its value), and which
flags can ever be set. It repeats until nothing changes, then judges each condition over those
intervals (the one-line and structured forms are the same trees, see expr.py). It over-estimates
what can happen, never under-estimates: what it reports is dead for certain; content it does not
report may still go unreached in practice, which simulation coverage (`crisis simulate`) shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.i18n import _

from .expr import Expr, names
from .model import Scenario
from .operators import FALSE, MAYBE, OPERATORS, TRUE


@dataclass(frozen=True, slots=True)
class DeadItem:
    """Something no game reaches. `kind` is card, option or ending; `option` the option's index, else -1."""

    kind: str
    id: str
    reason: str
    option: int = -1


class Reach:
    """What can happen in games of one role (format 1), or in the one world every role acts in (format 2,
    `role` None): meter intervals, flags that can be set, cards that can come up."""

    def __init__(self, scenario: Scenario, role: str | None) -> None:
        self.scenario = scenario
        self.role = role
        self.meters = [[m.start_for(role) if role else m.start] * 2 for m in scenario.meters]
        self.flags: set[str] = set()
        self.live: set[int] = set()
        self.queued: set[int] = set()
        self.ends: set[str] = set()
        self._settle()

    def window(self, card) -> tuple[int, int]:
        """The turns on which a card can be on the table: any turn once a follow-up can queue it (in
        format 2 a follow-up keeps to its own window; a card fixed to a date has that turn as its window)."""
        last = self.scenario.calendar.max_turns
        if self.scenario.card_index(card.id) in self.queued and not self.scenario.two_sided:
            return 1, last
        return max(1, card.first_turn), min(card.last_turn, last)

    def drawers(self, card) -> list[str]:
        """The roles that can have this card on the table (format 2); in format 1 the role, if it may."""
        if self.role is not None:
            return [self.role] if self.role in card.roles else []
        return [r for r in self.scenario.order if r in card.roles]

    def amount(self, amount: int | Expr, span: int) -> tuple[float, float]:
        """The values a computed amount can take (a whole number is itself)."""
        if isinstance(amount, Expr):
            lo, hi = self.value(amount.tree, (1, self.scenario.calendar.max_turns))
            return max(lo, -span), min(hi, span)
        return amount, amount

    def value(self, tree: tuple, turns: tuple[int, int]) -> tuple[float, float]:
        """The interval of values `tree` can take."""
        return interval(tree, self.meters, self.flags, turns)

    def may_hold(self, expr, turns: tuple[int, int]) -> bool:
        return expr is None or truth(self.value(expr.tree, turns)) != FALSE

    def _drawable(self, i: int, card) -> bool:
        turns = self.window(card)
        if i in self.queued and self.role is not None:  # format 1: a due follow-up comes whatever its
            return self.may_hold(card.condition, turns)  # roles, date window and weight
        if turns[0] > turns[1] or not (card.event or self.drawers(card)):
            return False
        if i in self.queued or card.fixed_turn:  # comes when due or on its date, whatever its weight
            return self.may_hold(card.condition, turns)
        if card.weight is not None and self.value(card.weight.tree, turns)[1] <= 0:
            return False
        return self.may_hold(card.condition, turns)

    def _settle(self) -> None:
        sc = self.scenario
        while True:
            before = (repr(self.meters), len(self.flags), len(self.live), len(self.queued), len(self.ends))
            for i, card in enumerate(sc.cards):
                if i not in self.live and self._drawable(i, card):
                    self.live.add(i)
            for i in sorted(self.live):
                card = sc.cards[i]
                turns = self.window(card)
                for opt in self.open_options(card):
                    if self.may_hold(opt.condition, turns):
                        for out in possible_outcomes(self, opt, turns):
                            self._widen(out.effects, turns)
            if before == (repr(self.meters), len(self.flags), len(self.live), len(self.queued), len(self.ends)):
                return

    def open_options(self, card) -> list:
        """The options some role that can draw the card may take (every option of a world event)."""
        if card.event:
            return list(card.options)
        drawers = self.drawers(card) if self.role is None else [self.role]
        return [o for o in card.options if any(o.open_to(r) for r in drawers)] if drawers else list(card.options)

    def _widen(self, effects, turns: tuple[int, int]) -> None:
        for eff in effects:
            if self.may_hold(eff.when, turns):
                eff.widen(self)

    def ranges(self, tree: tuple, turns: tuple[int, int] | None = None) -> str:
        """What a condition reads, as the analysis sees it: 'funds stays within 0..60; flag.x is never set;
        turn runs from 1 to 8'. Never empty: a condition that reads nothing is false whatever happens."""
        meters, flags = names(tree)
        parts = []
        for m in sorted(meters):
            lo, hi = self.meters[self.scenario.meter_index(m)]
            parts.append(_("{meter} is always {value}").format(meter=m, value=_num(lo)) if lo == hi else
                         _("{meter} stays within {low}..{high}").format(meter=m, low=_num(lo), high=_num(hi)))
        parts += [_("flag.{flag} is never set").format(flag=f) for f in sorted(flags) if f not in self.flags]
        if _reads_turn(tree):
            lo, hi = turns or (1, self.scenario.calendar.max_turns)
            parts.append(_("turn is always {turn}").format(turn=lo) if lo == hi else
                         _("turn runs from {low} to {high}").format(low=lo, high=hi))
        return "; ".join(parts) or _("it is false whatever the meters, flags and turn")


def possible_outcomes(reach: Reach, option, turns: tuple[int, int]) -> list:
    """The outcomes of an option whose chance can be above 0 (over-estimated)."""
    lows, highs = [], []
    for out in option.outcomes:
        if out.chance is None:
            lows.append(None)
            highs.append(None)
        else:
            lo, hi = reach.value(out.chance.tree, turns)
            lows.append(min(max(lo, 0.0), 1.0))
            highs.append(min(max(hi, 0.0), 1.0))
    fixed_low = sum(x for x in lows if x is not None)
    fixed_high = sum(x for x in highs if x is not None)
    # When the chances surely add up to more than 0, one that is surely 0 stays 0 after scaling;
    # only when they may all be 0 do the outcomes become equally likely.
    any_positive = fixed_low > 0 or (None in lows and fixed_high < 1.0)
    found = []
    for out, hi in zip(option.outcomes, highs):
        if out.chance is None:
            if fixed_low < 1.0:
                found.append(out)
        elif hi > 0 or not any_positive:  # when every chance is 0 the outcomes are equally likely
            found.append(out)
    return found


def dead_content(scenario: Scenario) -> list[DeadItem]:
    """Cards, options and endings that no game of any role can reach, in the scenario's order."""
    reaches = [Reach(scenario, None)] if scenario.two_sided else [Reach(scenario, r.id) for r in scenario.roles]
    max_turns = scenario.calendar.max_turns
    dead: list[DeadItem] = []
    for i, card in enumerate(scenario.cards):
        live_in = [r for r in reaches if i in r.live]
        if not live_in:
            dead.append(DeadItem("card", card.id, _card_reason(reaches, i, card, max_turns)))
            continue
        for k, opt in enumerate(card.options):
            if not any(any(o is opt for o in r.open_options(card)) for r in live_in):
                continue  # an option no role that draws the card may take is an error of its own
            if opt.condition is not None and not any(r.may_hold(opt.condition, r.window(card)) for r in live_in):
                dead.append(DeadItem("option", card.id, _("option {number} ('{label}') is never available: its condition '{condition}' can never hold"
                                       " ({ranges})").format(
                                         number=k + 1, label=opt.label, condition=opt.condition.text,
                                         ranges=live_in[0].ranges(opt.condition.tree, live_in[0].window(card))), k))
    for ending in scenario.endings:
        if ending.id == scenario.calendar.timeout_ending or any(ending.id in r.ends for r in reaches):
            continue
        if ending.condition is None:
            dead.append(DeadItem("ending", ending.id, _("no outcome ends the game with it, it has no condition, and it is not the"
                                   " calendar's timeout")))
        elif not any(r.may_hold(ending.condition, (1, max_turns)) for r in reaches):
            dead.append(DeadItem("ending", ending.id, _("no outcome ends the game with it and its condition '{condition}' can never hold"
                                   " ({ranges})").format(condition=ending.condition.text,
                                                        ranges=reaches[0].ranges(ending.condition.tree))))
    return dead


def _card_reason(reaches: list[Reach], i: int, card, max_turns: int) -> str:
    if card.first_turn > max_turns:
        return _("its date window starts on turn {first_turn}, after the last turn ({max_turns})").format(
            first_turn=card.first_turn, max_turns=max_turns)
    if card.last_turn < 1:
        return _("its date window ends before the game starts")
    if card.weight is not None and card.weight.const is not None and card.weight.const <= 0:
        return _("it has weight 0 and no outcome that can happen queues it")
    if not any(card.event or r.drawers(card) for r in reaches):
        return _("no role of the scenario may draw it")
    r = next(r for r in reaches if card.event or r.drawers(card))
    if card.condition is not None and not r.may_hold(card.condition, r.window(card)):
        return _("its condition '{condition}' can never hold ({ranges})").format(
            condition=card.condition.text, ranges=r.ranges(card.condition.tree, r.window(card)))
    if card.weight is not None:
        return _("its weight '{weight}' is never above 0 ({ranges})").format(
            weight=card.weight.text, ranges=r.ranges(card.weight.tree, r.window(card)))
    return _("no follow-up can bring it while its date window is open")


def truth(iv: tuple[float, float]) -> tuple[int, int]:
    """A number's truth as an interval: (1, 1) surely true, (0, 0) surely false, (0, 1) either."""
    lo, hi = iv
    if lo == 0 and hi == 0:
        return FALSE
    if lo > 0 or hi < 0:
        return TRUE
    return MAYBE


def interval(tree: tuple, meters, flags, turns: tuple[int, int]) -> tuple[float, float]:
    """The values a tree can take when each meter lies in `meters[i]`, the flags in `flags` may be set
    (any other is clear), and the turn lies in `turns`."""
    kind = tree[0]
    if kind == "num":
        v = float(tree[1])
        return (v, v)
    if kind == "meter":
        lo, hi = meters[tree[1]]
        return (float(lo), float(hi))
    if kind == "turn":
        return (float(turns[0]), float(turns[1]))
    if kind == "flag":
        return MAYBE if tree[1] in flags else FALSE
    if kind == "not":
        lo, hi = truth(interval(tree[1], meters, flags, turns))
        return (1 - hi, 1 - lo)
    if kind in ("and", "or"):
        parts = [truth(interval(p, meters, flags, turns)) for p in tree[1]]
        if kind == "and":
            return (min(p[0] for p in parts), min(p[1] for p in parts))
        return (max(p[0] for p in parts), max(p[1] for p in parts))
    if kind == "neg":
        lo, hi = interval(tree[1], meters, flags, turns)
        return (-hi, -lo)
    a = interval(tree[2], meters, flags, turns)
    b = interval(tree[3], meters, flags, turns)
    return OPERATORS[tree[1]].interval(a, b)


def _reads_turn(tree: tuple) -> bool:
    if tree[0] == "turn":
        return True
    return any(isinstance(part, tuple) and part and (_reads_turn(part) if isinstance(part[0], str) else
                                                     any(_reads_turn(p) for p in part))
               for part in tree[1:])


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(v)


__all__ = ["DeadItem", "Reach", "dead_content", "interval", "truth"]
