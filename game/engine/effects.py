"""Effects: what an outcome does to the world. Each kind is declared here once, with all of its engine parts.

A kind is a frozen dataclass with three parts, and `tests/engine/test_effect_kinds.py` fails when a kind
lacks one (the scenario side, `game/scenario/effect_models.py`, declares each kind's YAML model, checks
and freezing, and the same test holds the two lists equal):

- `compile(tb)`: the function the rules call to apply it, ``run(meters, flags, turn, queue, events)``,
  which changes the mutable meters, flags and queue in place, appends event records when `events` is a
  list, and returns the id of the ending it calls for (only `End` does), else None;
- `widen(reach)`: its part in the dead-content analysis (game.engine.reach): how it can widen the
  values meters take, the flags that can be set, the cards that can be queued, the endings named;
- `describe(scenario)`: one line for people ("Public trust +8", "sets press_on_side").

Every kind may carry `when`, a condition checked at the moment the effect applies (after the effects
before it in the same outcome); when it does not hold the effect is skipped. An amount may be an
expression: its value is rounded to the nearest whole number (halves away from zero), then clamped
to the meter's range as any change is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, ClassVar

from game.i18n import _, ngettext

from .expr import Expr
from .state import FlagChanged, FollowUpQueued, MeterChanged

if TYPE_CHECKING:
    from .model import Scenario

Run = Callable[[list, set, int, list, "list | None"], "str | None"]


def whole(value: object, lo: int, hi: int) -> int:
    """A computed amount as a whole number within [lo, hi]: NaN counts as 0, infinities as the bound."""
    v = float(value)
    if v != v:
        return 0
    if v >= hi:
        return hi
    if v <= lo:
        return lo
    return int(math.floor(v + 0.5)) if v >= 0 else -int(math.floor(-v + 0.5))


def _amount(amount: int | Expr, span: int):
    """(constant, function): an amount known now, or the function that computes it each time."""
    if isinstance(amount, Expr):
        if amount.const is not None:
            return whole(amount.const, -span, span), None
        return 0, amount.fn
    return amount, None


class Effect:
    """The parts every kind provides (see the module docstring)."""

    key: ClassVar[str]  # the kind's key in the YAML format
    when: Expr | None

    def compile(self, tb) -> Run:
        raise NotImplementedError(f"effect kind {type(self).__name__} has no compile part")

    def widen(self, reach) -> None:
        raise NotImplementedError(f"effect kind {type(self).__name__} has no widen part")

    def describe(self, scenario: "Scenario") -> str:
        raise NotImplementedError(f"effect kind {type(self).__name__} has no describe part")

    def guarded(self, run: Run) -> Run:
        """`run`, skipped when the effect's own condition does not hold."""
        if self.when is None:
            return run
        holds = self.when.fn

        def when(m, f, t, q, ev):
            if holds(m, f, t):
                return run(m, f, t, q, ev)
            return None

        return when

    def _suffix(self) -> str:
        return _(" (if {condition})").format(condition=self.when.text) if self.when is not None else ""


def _meter_change(tb, i: int, compute) -> Run:
    """A meter change: `compute(before, m, f, t)` gives the new value before clamping."""
    lo, hi, mid = tb.meter_lo[i], tb.meter_hi[i], tb.meter_ids[i]

    def run(m, f, t, q, ev):
        before = m[i]
        after = compute(before, m, f, t)
        after = lo if after < lo else hi if after > hi else after
        if after != before:
            m[i] = after
            if ev is not None:
                ev.append(MeterChanged(mid, before, after))
        return None

    return run


def _meter_by(tb, i: int, by: int | None, to: int | None) -> Run:
    """The commonest effects, a fixed shift or set, without the call `_meter_change` makes per use: they sit
    on every simulated decision's path."""
    lo, hi, mid = tb.meter_lo[i], tb.meter_hi[i], tb.meter_ids[i]

    def run(m, f, t, q, ev):
        before = m[i]
        after = before + by if to is None else to
        after = lo if after < lo else hi if after > hi else after
        if after != before:
            m[i] = after
            if ev is not None:
                ev.append(MeterChanged(mid, before, after))
        return None

    return run


@dataclass(frozen=True, slots=True)
class Shift(Effect):
    """Add `by` (a whole number, or an expression) to a meter; the result is clamped to its range."""

    meter: int
    by: int | Expr
    when: Expr | None = None
    key: ClassVar[str] = "shift"

    def compile(self, tb) -> Run:
        lo, hi = tb.meter_lo[self.meter], tb.meter_hi[self.meter]
        span = hi - lo
        const, fn = _amount(self.by, span)
        if fn is None:
            run = _meter_by(tb, self.meter, const, None)
        else:
            run = _meter_change(tb, self.meter, lambda before, m, f, t: before + whole(fn(m, f, t), -span, span))
        return self.guarded(run)

    def widen(self, reach) -> None:
        meter, iv = reach.scenario.meters[self.meter], reach.meters[self.meter]
        lo, hi = reach.amount(self.by, meter.hi - meter.lo)
        if hi > 0:
            iv[1] = meter.hi
        if lo < 0:
            iv[0] = meter.lo

    def describe(self, scenario: "Scenario") -> str:
        label = scenario.meters[self.meter].label
        by = self.by
        if isinstance(by, Expr):
            return _("{meter} changes by {amount}").format(meter=label, amount=by.text) + self._suffix()
        return f"{label} {'+' if by >= 0 else ''}{by}{self._suffix()}"


@dataclass(frozen=True, slots=True)
class SetMeter(Effect):
    """Set a meter to `to` (a whole number, or an expression), clamped to its range."""

    meter: int
    to: int | Expr
    when: Expr | None = None
    key: ClassVar[str] = "set"

    def compile(self, tb) -> Run:
        lo, hi = tb.meter_lo[self.meter], tb.meter_hi[self.meter]
        const, fn = _amount(self.to, max(abs(lo), abs(hi)))
        if fn is None:
            run = _meter_by(tb, self.meter, None, const)
        else:
            run = _meter_change(tb, self.meter, lambda before, m, f, t: whole(fn(m, f, t), lo, hi))
        return self.guarded(run)

    def widen(self, reach) -> None:
        meter, iv = reach.scenario.meters[self.meter], reach.meters[self.meter]
        lo, hi = reach.amount(self.to, max(abs(meter.lo), abs(meter.hi)))
        lo, hi = min(max(lo, meter.lo), meter.hi), min(max(hi, meter.lo), meter.hi)
        iv[0], iv[1] = min(iv[0], lo), max(iv[1], hi)

    def describe(self, scenario: "Scenario") -> str:
        to = self.to.text if isinstance(self.to, Expr) else self.to
        return _("{meter} set to {value}").format(meter=scenario.meters[self.meter].label, value=to) + self._suffix()


@dataclass(frozen=True, slots=True)
class SetFlag(Effect):
    """Set (`value` true) or clear a flag."""

    flag: str
    value: bool
    when: Expr | None = None
    key: ClassVar[str] = "flag"  # `clear: FLAG` in YAML is the same kind with value false

    def compile(self, tb) -> Run:
        flag, value = self.flag, self.value

        def run(m, f, t, q, ev):
            if (flag in f) != value:
                if value:
                    f.add(flag)
                else:
                    f.discard(flag)
                if ev is not None:
                    ev.append(FlagChanged(flag, value))
            return None

        return self.guarded(run)

    def widen(self, reach) -> None:
        if self.value:
            reach.flags.add(self.flag)

    def describe(self, scenario: "Scenario") -> str:
        return (_("sets {flag}") if self.value else _("clears {flag}")).format(flag=self.flag) + self._suffix()


@dataclass(frozen=True, slots=True)
class Queue(Effect):
    """Queue a follow-up card: `after` turns from now, or on turn `at` (from a date) when `at` > 0.
    A turn already past means the next turn."""

    card: str
    after: int = 1
    when: Expr | None = None
    at: int = 0
    key: ClassVar[str] = "queue"

    def compile(self, tb) -> Run:
        card, after, at = self.card, self.after, self.at
        codes = tb.queue_codes(card)

        def run(m, f, t, q, ev):
            due = (at if at > t else t + 1) if at else t + after
            for code in codes:
                q.append((due, code))
            if ev is not None:
                ev.append(FollowUpQueued(card, due))
            return None

        return self.guarded(run)

    def widen(self, reach) -> None:
        reach.queued.add(reach.scenario.card_index(self.card))

    def describe(self, scenario: "Scenario") -> str:
        title = scenario.card(self.card).title
        if self.at:
            text = _("{card} follows on turn {turn}").format(card=title, turn=self.at)
        else:
            text = ngettext("{card} follows in {n} turn", "{card} follows in {n} turns", self.after).format(
                card=title, n=self.after)
        return text + self._suffix()


@dataclass(frozen=True, slots=True)
class End(Effect):
    """End the game with an ending, once the outcome's other effects are applied."""

    ending: str
    when: Expr | None = None
    key: ClassVar[str] = "end"

    def compile(self, tb) -> Run:
        ending = self.ending
        return self.guarded(lambda m, f, t, q, ev: ending)

    def widen(self, reach) -> None:
        reach.ends.add(self.ending)

    def describe(self, scenario: "Scenario") -> str:
        return _("the game ends: {ending}").format(ending=scenario.ending(self.ending).title) + self._suffix()


KINDS: tuple[type[Effect], ...] = (Shift, SetMeter, SetFlag, Queue, End)
