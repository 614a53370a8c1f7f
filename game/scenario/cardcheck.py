"""Checks on cards: options, outcomes, chances, date windows, who may take what, and the effects they apply."""

from __future__ import annotations

import math

from game.engine.model import Calendar
from game.i18n import N_, _

from .conditions import Expressions
from .effect_models import Checking, check_effect
from .located import Item, Sink
from .models import Option
from .names import Names
from .shape import Draft
from .textcheck import check_texts, placeholders


def check_cards(draft: Draft, names: Names, exprs: Expressions, sink: Sink) -> None:
    calendar = _calendar(draft)
    max_turns = calendar.max_turns if calendar else 1 << 30
    windows = {item.model.id: _turns(item.model, calendar, max_turns) for item in draft.sections["cards"]}
    all_roles = [r.model.id for r in draft.sections["roles"]]
    fixed: dict[tuple[int, str], Item] = {}
    for item in draft.sections["cards"]:
        card = item.model
        for i, role in enumerate(card.roles or ()):
            names.check(item, ("roles", i), "roles", role)
        if card.roles is not None and not card.roles:
            sink.error(item, ("roles",), _("roles is empty: no role could ever draw this card; leave it out"
                                           " to let every role draw it"))
        # The roles that may have the card on the table (an event is read by every role).
        drawers = [r for r in all_roles if card.event or card.roles is None or r in card.roles]
        exprs.condition(item, ("when",), card.when)
        _weight(item, exprs, sink)
        _window(item, draft, sink)
        ctx = Checking(item, names, exprs, sink, draft.format, calendar.turn_of if calendar else None, max_turns,
                       windows[card.id], windows)
        if card.on is not None:
            turn = ctx.date_turn(("on",), card.on)
            if turn is not None and not card.event:
                _fixed(item, turn, drawers, fixed, sink)
        if card.happened is not None and not card.historical:
            sink.error(item, ("happened",), _("'happened' dates what really happened, but this card is a what"
                                              " if: add historical: true, or leave 'happened' out"), at="key")
        if card.cooldown and card.once:
            sink.error(item, ("cooldown",), _("cooldown {cooldown} on a once-only card never applies;"
                                              " set once: false to let the card come back").format(
                                                  cooldown=card.cooldown), at="key")
        if draft.format >= 2:
            check_texts(item, ("text",), card.text, drawers, N_("draw the card"), names, sink)
            placeholders(item, ("title",), card.title, exprs, sink)
            placeholders(item, ("text",), card.text, exprs, sink)
        if card.event:
            _results(item, (), card.outcomes, card.text, card.effects, ctx)
            continue
        _stuck(item, drawers, draft.format, sink)
        for o, option in enumerate(card.options or ()):
            _option(item, ("options", o), option, drawers, ctx)


def _calendar(draft: Draft) -> Calendar | None:
    if draft.calendar is None:
        return None
    c = draft.calendar.model
    return Calendar(c.start, c.days_per_turn, c.max_turns, c.timeout)


def _turns(card, calendar: Calendar | None, max_turns: int) -> tuple[int, int]:
    """The turns a card can be on the table: its date window, or its fixed turn."""
    if calendar is None:
        return 1, max_turns
    if card.on is not None:
        turn = calendar.turn_of(card.on)
        return turn, turn
    return (calendar.turn_of(card.from_) if card.from_ else 1,
            calendar.turn_of(card.until) if card.until else max_turns)


def _fixed(item: Item, turn: int, drawers: list[str], fixed: dict, sink: Sink) -> None:
    """Two cards fixed to one turn for the same role: that role could play only one of them."""
    for role in drawers:
        first = fixed.setdefault((turn, role), item)
        if first is not item:
            sink.error(item, ("on",), _("cards '{first}' and '{second}' are both fixed to turn"
                                        " {turn} for role '{role}'; a role plays one card a turn").format(
                                            first=first.model.id, second=item.model.id, turn=turn, role=role), at="key")
            return


def _stuck(item: Item, drawers: list[str], fmt: int, sink: Sink) -> None:
    """Every role that may draw the card has an option open to it without a 'when'."""
    options = item.model.options or []
    if all(option.when is not None for option in options):
        sink.error(item, ("options",), _("every option has a 'when': give at least one option without"
                                         " one, so that the player is never stuck"), at="key")
        return
    stuck = [r for r in drawers
             if not any(o.when is None and (o.roles is None or r in o.roles) for o in options)]
    if stuck and fmt >= 2:
        listed = ", ".join(f"'{r}'" for r in stuck)
        sink.error(item, ("options",), _("every option open to role {listed} has a 'when' or is not open to it:"
                                         " give each role that may draw the card an option without one, so"
                                         " that it is never stuck").format(listed=listed), at="key")


def _weight(item: Item, exprs: Expressions, sink: Sink) -> None:
    expr = exprs.number(item, ("weight",), item.model.weight)
    fixed = _constant(expr)
    if fixed is not None and not (math.isfinite(fixed) and fixed >= 0):
        sink.error(item, ("weight",), _("weight {fixed:g} must be a number of 0 or more").format(fixed=fixed))


def _constant(expr) -> float | None:
    """The value of a number or an expression that does not depend on the game."""
    return None if expr is None or expr.const is None else float(expr.const)


def _window(item: Item, draft: Draft, sink: Sink) -> None:
    card = item.model
    if card.from_ and card.until and card.from_ > card.until:
        sink.error(item, ("until",), _("until ({until}) is before from ({start})").format(
            until=card.until, start=card.from_))
        return
    calendar = draft.calendar.model if draft.calendar else None
    if calendar is None or not (card.from_ or card.until):
        return
    last_date = calendar.start.toordinal() + (calendar.max_turns * calendar.days_per_turn) - 1
    if (card.until and card.until < calendar.start) or (card.from_ and card.from_.toordinal() > last_date):
        sink.warn(item, ("from",) if card.from_ else ("until",),
                  _("card '{id}' can never be drawn: its dates fall outside the calendar").format(
                      id=card.id), at="key")


def _option(item: Item, sub: tuple, option: Option, drawers: list[str], ctx: Checking) -> None:
    sink = ctx.sink
    ctx.exprs.condition(item, sub + ("when",), option.when)
    if option.roles is not None:
        _option_roles(item, sub, option.roles, drawers, ctx.names, sink)
    if ctx.fmt >= 2:
        placeholders(item, sub + ("label",), option.label, ctx.exprs, sink)
        placeholders(item, sub + ("unavailable",), option.unavailable, ctx.exprs, sink)
    direct = option.text is not None or option.effects is not None
    if option.outcomes is not None and direct:
        sink.error(item, sub, _("give either 'outcomes', or 'text' and 'effects' for a certain result, not"
                                " both"), at="key")
        return
    if option.outcomes is None and option.text is None:
        sink.error(item, sub, _("an option needs 'outcomes', or 'text' (and 'effects') for a certain"
                                " result"), at="key")
    _results(item, sub, option.outcomes, option.text, option.effects, ctx)


def _option_roles(item: Item, sub: tuple, roles: list[str], drawers: list[str], names: Names, sink: Sink) -> None:
    known = [role for i, role in enumerate(roles) if names.check(item, sub + ("roles", i), "roles", role)]
    if (known or not roles) and not any(role in drawers for role in known):
        sink.error(item, sub + ("roles",), _("an option no role that can draw the card may take: give it roles"
                                             " among {roles}").format(roles=", ".join(f"'{r}'" for r in drawers)),
                   at="key")
        return
    for i, role in enumerate(roles):
        if role in known and role not in drawers:
            sink.error(item, sub + ("roles", i), _("role '{role}' cannot draw card '{id}', so it can"
                                                   " never take this option").format(role=role, id=item.model.id))


def _results(item: Item, sub: tuple, outcomes, text, effects, ctx: Checking) -> None:
    """An option's (or an event's) results: outcomes with their chances, or one certain result."""
    exprs, sink = ctx.exprs, ctx.sink
    if outcomes is None:
        if ctx.fmt >= 2 and sub and text is not None:
            placeholders(item, sub + ("text",), text, exprs, sink)
        for e, effect in enumerate(effects or ()):
            check_effect(effect, ctx, sub + ("effects", e))
        return
    open_ = [i for i, outcome in enumerate(outcomes) if outcome.chance is None]
    for extra in open_[1:]:
        sink.error(item, sub + ("outcomes", extra), _("only one outcome may leave out 'chance' (it takes"
                                                       " what the others leave)"), at="key")
    fixed = []
    for i, outcome in enumerate(outcomes):
        here = sub + ("outcomes", i)
        chance = _constant(exprs.number(item, here + ("chance",), outcome.chance))
        if chance is not None:
            if not 0 <= chance <= 1:
                sink.error(item, here + ("chance",), _("chance {chance:g} must lie between 0 and 1").format(
                    chance=chance))
            fixed.append(chance)
        if ctx.fmt >= 2:
            placeholders(item, here + ("text",), outcome.text, exprs, sink)
            placeholders(item, here + ("label",), outcome.label, exprs, sink)
        for e, effect in enumerate(outcome.effects):
            check_effect(effect, ctx, here + ("effects", e))
    total = math.fsum(fixed)
    if not open_ and len(fixed) == len(outcomes) and len(fixed) > 1 and not math.isclose(total, 1):
        sink.warn(item, sub + ("outcomes",), _("the chances add up to {sum}, not 1; they will be scaled"
                                               " (leave out one 'chance' to let that outcome take the rest)").format(
                                                   sum=_sum(total)),
                  at="key")


def _sum(total: float) -> str:
    """A sum of chances as short as it can be and still not read as 1 ("0.9999999", never "1")."""
    for digits in range(6, 18):
        shown = f"{total:.{digits}g}"
        if float(shown) != 1:
            return shown
    return repr(total)
