"""Checks on cards: options, outcomes, chances, date windows and the effects they apply."""

from __future__ import annotations

import math

from .conditions import Expressions
from .located import Item, Sink
from .models import (ClearEffect, EndEffect, FlagEffect, Option, QueueEffect, SetEffect, ShiftEffect)
from .names import Names
from .shape import Draft


def check_cards(draft: Draft, names: Names, exprs: Expressions, sink: Sink) -> None:
    meters = names.declared["meters"]
    for item in draft.sections["cards"]:
        card = item.model
        for i, role in enumerate(card.roles or ()):
            names.check(item, ("roles", i), "roles", role)
        if card.roles is not None and not card.roles:
            sink.error(item, ("roles",), "roles is empty: no role could ever draw this card; leave it out"
                                         " to let every role draw it")
        exprs.condition(item, ("when",), card.when)
        _weight(item, exprs, sink)
        _window(item, draft, sink)
        if card.cooldown and card.once:
            sink.error(item, ("cooldown",), f"cooldown {card.cooldown} on a once-only card never applies;"
                                            " set once: false to let the card come back", at="key")
        if all(option.when is not None for option in card.options):
            sink.error(item, ("options",), "every option has a 'when': give at least one option without"
                                           " one, so that the player is never stuck", at="key")
        for o, option in enumerate(card.options):
            _option(item, ("options", o), option, names, exprs, sink, meters)


def _weight(item: Item, exprs: Expressions, sink: Sink) -> None:
    expr = exprs.number(item, ("weight",), item.model.weight)
    fixed = _fixed(expr)
    if fixed is not None and not (math.isfinite(fixed) and fixed >= 0):
        sink.error(item, ("weight",), f"weight {fixed:g} must be a number of 0 or more")


def _fixed(expr) -> float | None:
    """The value of a number or an expression that does not depend on the game."""
    return None if expr is None or expr.const is None else float(expr.const)


def _window(item: Item, draft: Draft, sink: Sink) -> None:
    card = item.model
    if card.from_ and card.until and card.from_ > card.until:
        sink.error(item, ("until",), f"until ({card.until}) is before from ({card.from_})")
        return
    calendar = draft.calendar.model if draft.calendar else None
    if calendar is None or not (card.from_ or card.until):
        return
    last_date = calendar.start.toordinal() + (calendar.max_turns * calendar.days_per_turn) - 1
    if (card.until and card.until < calendar.start) or (card.from_ and card.from_.toordinal() > last_date):
        sink.warn(item, ("from",) if card.from_ else ("until",),
                  f"card '{card.id}' can never be drawn: its dates fall outside the calendar", at="key")


def _option(item: Item, sub: tuple, option: Option, names: Names, exprs: Expressions, sink: Sink,
            meters: dict) -> None:
    exprs.condition(item, sub + ("when",), option.when)
    direct = option.text is not None or option.effects is not None
    if option.outcomes is not None and direct:
        sink.error(item, sub, "give either 'outcomes', or 'text' and 'effects' for a certain result, not"
                              " both", at="key")
        return
    if option.outcomes is None:
        if option.text is None:
            sink.error(item, sub, "an option needs 'outcomes', or 'text' (and 'effects') for a certain"
                                  " result", at="key")
        for e, effect in enumerate(option.effects or ()):
            _effect(item, sub + ("effects", e), effect, names, sink, meters)
        return
    open_ = [i for i, outcome in enumerate(option.outcomes) if outcome.chance is None]
    for extra in open_[1:]:
        sink.error(item, sub + ("outcomes", extra), "only one outcome may leave out 'chance' (it takes"
                                                     " what the others leave)", at="key")
    fixed = []
    for i, outcome in enumerate(option.outcomes):
        here = sub + ("outcomes", i)
        chance = _fixed(exprs.number(item, here + ("chance",), outcome.chance))
        if chance is not None:
            if not 0 <= chance <= 1:
                sink.error(item, here + ("chance",), f"chance {chance:g} must lie between 0 and 1")
            fixed.append(chance)
        for e, effect in enumerate(outcome.effects):
            _effect(item, here + ("effects", e), effect, names, sink, meters)
    total = math.fsum(fixed)
    if not open_ and len(fixed) == len(option.outcomes) and len(fixed) > 1 and not math.isclose(total, 1):
        sink.warn(item, sub + ("outcomes",), f"the chances add up to {total:g}, not 1; they will be scaled"
                                             " (leave out one 'chance' to let that outcome take the rest)",
                  at="key")


def _effect(item: Item, sub: tuple, effect: object, names: Names, sink: Sink, meters: dict) -> None:
    if isinstance(effect, ShiftEffect):
        names.check(item, sub + ("shift",), "meters", effect.shift)
    elif isinstance(effect, SetEffect):
        if names.check(item, sub + ("set",), "meters", effect.set_) and effect.set_ in meters:
            meter = meters[effect.set_].model
            if not meter.min <= effect.to <= meter.max:
                sink.error(item, sub + ("to",), f"{effect.to} is outside meter '{meter.id}''s range"
                                                f" [{meter.min}, {meter.max}]")
    elif isinstance(effect, FlagEffect):
        names.check(item, sub + ("flag",), "flags", effect.flag)
        names.set_flags.add(effect.flag)
    elif isinstance(effect, ClearEffect):
        names.check(item, sub + ("clear",), "flags", effect.clear)
    elif isinstance(effect, QueueEffect):
        names.check(item, sub + ("queue",), "cards", effect.queue)
        names.queued_cards.add(effect.queue)
    elif isinstance(effect, EndEffect):
        names.check(item, sub + ("end",), "endings", effect.end)
        names.named_endings.add(effect.end)
