"""Each effect kind's YAML model with its own checks and freezing: a new kind is one class here, in EFFECT_MODELS.

A model names the engine kind it freezes into (`kind`, from game.engine.effects), its YAML key (`key`),
and provides `check(ctx, sub)` (references, expressions, ranges, warnings) and `freeze(ctx, sub)` (the
engine effect). cardcheck.py and freeze.py call those two and never look at the kind; an object that is
not one of these models is refused there, never dropped. `tests/scenario/test_effect_models.py` holds
this list and the engine's `KINDS` equal.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Callable, ClassVar, Union

from pydantic import Discriminator, Field, Tag

from game.engine.effects import End, Effect, Queue, SetFlag, SetMeter, Shift, whole
from game.engine.expr import Expr
from game.i18n import _

from .fields import Condition, Day, Ref, Strict, WholeOrExpr, forms, since

if TYPE_CHECKING:
    from .conditions import Expressions
    from .located import Item, Sink
    from .names import Names

_BIG = 1 << 62

When = Annotated[Condition | None, Field(description="format 2: the effect applies only if this holds at the"
                                                     " moment it would apply", json_schema_extra=since(2))]


@dataclass(slots=True)
class Checking:
    """What an effect's checks see: where it is, the scenario's names, and its calendar."""

    item: Item
    names: Names
    exprs: Expressions
    sink: Sink
    fmt: int
    turn_of: Callable[[_dt.date], int] | None  # None: the calendar is broken
    max_turns: int
    window: tuple[int, int] = (1, 1 << 30)  # the turns the card holding the effect can be played on
    windows: dict[str, tuple[int, int]] = field(default_factory=dict)  # every card's, by id

    def condition(self, sub: tuple, value: object) -> None:
        self.exprs.condition(self.item, sub, value)

    def amount(self, sub: tuple, value: int | str) -> int | None:
        """Compile an expression amount; the value when it does not depend on the game, else None."""
        if isinstance(value, int):
            return value
        expr = self.exprs.number(self.item, sub, value)
        return None if expr is None or expr.const is None else whole(expr.const, -_BIG, _BIG)

    def date_turn(self, sub: tuple, date: _dt.date, what: str = "'on'") -> int | None:
        """The turn of a date, or None with an error when it falls outside the calendar."""
        if self.turn_of is None:
            return None
        turn = self.turn_of(date)
        if not 1 <= turn <= self.max_turns:
            self.sink.error(self.item, sub, _("{what} {date} is outside the calendar (turns 1 to"
                                              " {max_turns})").format(what=what, date=date, max_turns=self.max_turns))
            return None
        return turn


@dataclass(slots=True)
class Freezing:
    """What an effect's freezing needs: the compiled expressions and the meters' positions."""

    item: Item
    exprs: Expressions
    meter_index: dict[str, int]
    turn_of: Callable[[_dt.date], int]

    def when(self, sub: tuple) -> Expr | None:
        return self.exprs.get(self.item, sub + ("when",))

    def amount(self, sub: tuple, value: int | str) -> int | Expr:
        """A whole number as it is; an expression compiled, folded to a number when it is constant."""
        if isinstance(value, int):
            return value
        expr = self.exprs.get(self.item, sub)
        assert expr is not None, f"expression at {sub} was not compiled"
        return expr if expr.const is None else whole(expr.const, -_BIG, _BIG)


class EffectModel(Strict):
    """The parts every effect kind's model provides."""

    key: ClassVar[str]  # its key in YAML, which picks the model
    kind: ClassVar[type[Effect]]  # the engine kind it freezes into

    def check(self, ctx: Checking, sub: tuple) -> None:
        raise NotImplementedError(f"effect model {type(self).__name__} has no check")

    def freeze(self, ctx: Freezing, sub: tuple) -> Effect:
        raise NotImplementedError(f"effect model {type(self).__name__} has no freeze")


class ShiftEffect(EffectModel):
    key: ClassVar[str] = "shift"
    kind: ClassVar[type[Effect]] = Shift
    shift: Ref = Field(description="the meter to change")
    by: WholeOrExpr = Field(description="how much to add (negative to subtract); the result is clamped."
                                        " Format 2: or an expression in quotes, rounded to a whole number",
                            json_schema_extra=forms(expression=2))
    when: When = None

    def check(self, ctx: Checking, sub: tuple) -> None:
        ctx.names.check(ctx.item, sub + ("shift",), "meters", self.shift)
        ctx.amount(sub + ("by",), self.by)
        ctx.condition(sub + ("when",), self.when)

    def freeze(self, ctx: Freezing, sub: tuple) -> Effect:
        return Shift(ctx.meter_index[self.shift], ctx.amount(sub + ("by",), self.by), ctx.when(sub))


class SetEffect(EffectModel):
    key: ClassVar[str] = "set"
    kind: ClassVar[type[Effect]] = SetMeter
    set_: Ref = Field(alias="set", description="the meter to set")
    to: WholeOrExpr = Field(description="the new value, within the meter's range. Format 2: or an expression"
                                        " in quotes, rounded and clamped to the range",
                            json_schema_extra=forms(expression=2))
    when: When = None

    def check(self, ctx: Checking, sub: tuple) -> None:
        to = ctx.amount(sub + ("to",), self.to)
        meters = ctx.names.declared["meters"]
        if ctx.names.check(ctx.item, sub + ("set",), "meters", self.set_) and self.set_ in meters:
            meter = meters[self.set_].model
            if to is not None and not meter.min <= to <= meter.max:
                ctx.sink.error(ctx.item, sub + ("to",), _("{to} is outside meter '{meter}''s range"
                                                          " [{min}, {max}]").format(
                                                              to=to, meter=meter.id, min=meter.min, max=meter.max))
        ctx.condition(sub + ("when",), self.when)

    def freeze(self, ctx: Freezing, sub: tuple) -> Effect:
        return SetMeter(ctx.meter_index[self.set_], ctx.amount(sub + ("to",), self.to), ctx.when(sub))


class FlagEffect(EffectModel):
    key: ClassVar[str] = "flag"
    kind: ClassVar[type[Effect]] = SetFlag
    flag: Ref = Field(description="the flag to set")
    when: When = None

    def check(self, ctx: Checking, sub: tuple) -> None:
        ctx.names.check(ctx.item, sub + ("flag",), "flags", self.flag)
        ctx.names.set_flags.add(self.flag)
        ctx.condition(sub + ("when",), self.when)

    def freeze(self, ctx: Freezing, sub: tuple) -> Effect:
        return SetFlag(self.flag, True, ctx.when(sub))


class ClearEffect(EffectModel):
    key: ClassVar[str] = "clear"
    kind: ClassVar[type[Effect]] = SetFlag
    clear: Ref = Field(description="the flag to clear")
    when: When = None

    def check(self, ctx: Checking, sub: tuple) -> None:
        ctx.names.check(ctx.item, sub + ("clear",), "flags", self.clear)
        ctx.condition(sub + ("when",), self.when)

    def freeze(self, ctx: Freezing, sub: tuple) -> Effect:
        return SetFlag(self.clear, False, ctx.when(sub))


class QueueEffect(EffectModel):
    key: ClassVar[str] = "queue"
    kind: ClassVar[type[Effect]] = Queue
    queue: Ref = Field(description="the card that comes up later, ahead of the deck")
    after: int | None = Field(None, ge=1, description="in how many turns (default 1)")
    on: Day | None = Field(None, description="format 2: instead of 'after', on the turn whose period holds"
                                             " this date (the next turn if it is already past)",
                           json_schema_extra=since(2))
    when: When = None

    def check(self, ctx: Checking, sub: tuple) -> None:
        ok = ctx.names.check(ctx.item, sub + ("queue",), "cards", self.queue)
        ctx.names.queued_cards.add(self.queue)
        ctx.condition(sub + ("when",), self.when)
        at = None
        if self.on is not None:
            if self.after is not None:
                ctx.sink.error(ctx.item, sub + ("on",), _("give 'after' or 'on', not both"), at="key")
                return
            at = ctx.date_turn(sub + ("on",), self.on)
            if at is None:
                return
        if ok and ctx.fmt >= 2 and self.queue in ctx.windows:
            self._warn_window(ctx, sub, at)
        elif ok and self.queue in ctx.windows:
            self._warn_window_format1(ctx, sub)

    def _warn_window_format1(self, ctx: Checking, sub: tuple) -> None:
        """Format 1: a follow-up comes whatever its dates, as it always has; say so when they disagree."""
        after = self.after or 1
        lo, hi = ctx.window[0] + after, min(ctx.window[1], ctx.max_turns) + after
        opens, closes = ctx.windows[self.queue]
        if lo <= min(hi, ctx.max_turns) and (lo < opens or min(hi, ctx.max_turns) > closes):
            ctx.sink.warn(ctx.item, sub, _("card '{queue}' may be due outside its date window (turns {opens}"
                                           " to {closes}): in format 1 a follow-up comes whatever its dates").format(
                                               queue=self.queue, opens=opens, closes=closes))

    def _warn_window(self, ctx: Checking, sub: tuple, at: int | None) -> None:
        """Format 2: a follow-up keeps to its own window; say when it may fall outside it."""
        first, last = ctx.window
        last = min(last, ctx.max_turns)
        if at is not None:
            lo, hi = max(at, first + 1), max(at, last + 1)
        else:
            lo, hi = first + (self.after or 1), last + (self.after or 1)
        hi = min(hi, ctx.max_turns)
        opens, closes = ctx.windows[self.queue]
        if lo > hi:
            return  # due after the last turn: the game is over by then
        if lo > closes:
            ctx.sink.warn(ctx.item, sub, _("card '{queue}' is due on turn {turn} or later, after its window"
                                           " closes (turn {closes}): it will never come").format(
                                               queue=self.queue, turn=lo, closes=closes))
        elif hi > closes:
            ctx.sink.warn(ctx.item, sub, _("card '{queue}' may be due after its window closes (turn"
                                           " {closes}): then it will never come").format(
                                               queue=self.queue, closes=closes))
        elif lo < opens:
            ctx.sink.warn(ctx.item, sub, _("card '{queue}' may be due before its window opens (turn"
                                           " {opens}): it will wait for the window").format(
                                               queue=self.queue, opens=opens))

    def freeze(self, ctx: Freezing, sub: tuple) -> Effect:
        at = ctx.turn_of(self.on) if self.on is not None else 0
        return Queue(self.queue, self.after or 1, ctx.when(sub), at)


class EndEffect(EffectModel):
    key: ClassVar[str] = "end"
    kind: ClassVar[type[Effect]] = End
    end: Ref = Field(description="the ending the game reaches once this outcome's effects apply")
    when: When = None

    def check(self, ctx: Checking, sub: tuple) -> None:
        ctx.names.check(ctx.item, sub + ("end",), "endings", self.end)
        ctx.names.named_endings.add(self.end)
        ctx.condition(sub + ("when",), self.when)

    def freeze(self, ctx: Freezing, sub: tuple) -> Effect:
        return End(self.end, ctx.when(sub))


EFFECT_MODELS: tuple[type[EffectModel], ...] = (ShiftEffect, SetEffect, FlagEffect, ClearEffect, QueueEffect,
                                                EndEffect)
EFFECT_KEYS = tuple(model.key for model in EFFECT_MODELS)
EFFECT_TAGS = {f"{model.key} effect": model for model in EFFECT_MODELS}


def _effect_kind(value: object) -> str | None:
    if isinstance(value, dict):
        return next((f"{key} effect" for key in EFFECT_KEYS if key in value), None)
    return None


EffectEntry = Annotated[
    Union[tuple(Annotated[model, Tag(tag)] for tag, model in EFFECT_TAGS.items())],  # type: ignore[valid-type]
    Discriminator(_effect_kind, custom_error_type="unknown_effect",
                  custom_error_message="unknown effect: expected one of " + ", ".join(EFFECT_KEYS)),
]


def check_effect(effect: object, ctx: Checking, sub: tuple) -> None:
    if not isinstance(effect, EffectModel):
        raise TypeError(f"not an effect model: {type(effect).__name__}")
    effect.check(ctx, sub)


def freeze_effect(effect: object, ctx: Freezing, sub: tuple) -> Effect:
    if not isinstance(effect, EffectModel):
        raise TypeError(f"not an effect model: {type(effect).__name__}")
    return effect.freeze(ctx, sub)
