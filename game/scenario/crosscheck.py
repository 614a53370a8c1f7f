"""Checks across items and files: every name refers to something, every number is in range."""

from __future__ import annotations

from dataclasses import dataclass

from game.i18n import N_, _

from .cardcheck import check_cards
from .conditions import Expressions
from .located import Item, Sink
from .names import Names
from .shape import Draft
from .textcheck import check_texts, placeholders

MAX_CARDS = 5000
MAX_EFFECTS = 100  # in one list: a real outcome has a handful; forty thousand queued cards is an attack
# The longest game: ten thousand turns (27 years of daily turns). Play and simulate keep a game's history,
# so a calendar of a billion turns would grow without bound; the last turn's date must exist too.
MAX_TURNS = 10_000


@dataclass(slots=True)
class Checked:
    """What the cross-checks leave for freezing: the declared names and the compiled expressions."""

    names: Names
    exprs: Expressions


def crosscheck(draft: Draft, sink: Sink) -> Checked:
    names = Names.declare(draft, sink)
    meters = {m.model.id: i for i, m in enumerate(draft.sections["meters"])}
    meters.update({ident: -1 for ident in draft.broken["meters"] if ident not in meters})
    exprs = Expressions(sink, meters, names.known("flags"))
    _manifest(draft, names, sink)
    _turns(draft, names, exprs, sink)
    _meters(draft, names, sink)
    _factions(draft, names, sink)
    _roles(draft, names, exprs, sink)
    _endings(draft, names, exprs, sink)
    check_cards(draft, names, exprs, sink)
    for section in ("cards", "endings", "glossary"):
        for item in draft.sections[section]:
            citations(item, names)
    cards = draft.sections["cards"]
    if len(cards) + len(draft.broken["cards"]) > MAX_CARDS and cards:
        sink.error(cards[min(MAX_CARDS, len(cards) - 1)], ("id",),
                   _("too many cards: a scenario may have at most {limit}").format(limit=MAX_CARDS))
    return Checked(names, exprs)


def citations(item: Item, names: Names) -> None:
    for i, cited in enumerate(item.model.sources):
        if isinstance(cited, str):
            names.check(item, ("sources", i), "sources", cited)
        else:
            names.check(item, ("sources", i, "id"), "sources", cited.id)


def _manifest(draft: Draft, names: Names, sink: Sink) -> None:
    if draft.manifest is None:
        return
    roles = len(draft.sections["roles"]) + len(draft.broken["roles"])
    if roles < 2 and sink.spot(draft.manifest, ("roles",)) is not None:
        sink.add("error", draft.manifest, ("roles",), _("a scenario needs at least two roles, found {roles}").format(
            roles=roles),
                 at="key")
    if draft.calendar is not None:
        names.check(draft.calendar, ("timeout",), "endings", draft.calendar.model.timeout)
        names.named_endings.add(draft.calendar.model.timeout)
        _calendar_limits(draft.calendar, sink)


def _calendar_limits(item: Item, sink: Sink) -> None:
    import datetime as dt

    cal = item.model
    if cal.max_turns > MAX_TURNS:
        sink.error(item, ("max_turns",), _("max_turns {max_turns:,} is too many: a game has at most"
                                           " {limit:,} turns").format(
                                               max_turns=cal.max_turns, limit=MAX_TURNS))
        return
    try:
        cal.start + dt.timedelta(days=cal.days_per_turn * (cal.max_turns + 1))
    except OverflowError:
        sink.error(item, ("days_per_turn",), _("the calendar runs past the year 9999: {max_turns:,} turns of"
                                               " {days_per_turn:,} days from {start}").format(
                                                   max_turns=cal.max_turns, days_per_turn=cal.days_per_turn,
                                                   start=cal.start.isoformat()))


def _turns(draft: Draft, names: Names, exprs: Expressions, sink: Sink) -> None:
    """Format 2: every role acts once a turn, in the order given; each turn's chance of a world event."""
    if draft.turns is None:
        return
    item, turns = draft.turns, draft.turns.model
    seen: set[str] = set()
    for i, role in enumerate(turns.order):
        if role in seen:
            sink.error(item, ("order", i), _("role '{role}' is already in the order; each role acts once a turn").format(
                role=role))
        elif names.check(item, ("order", i), "roles", role):
            seen.add(role)
    missing = [r.model.id for r in draft.sections["roles"] if r.model.id not in seen]
    if missing:
        listed = ", ".join(f"'{r}'" for r in missing)
        sink.error(item, ("order",), _("the order leaves out role {listed}; every role acts once a turn").format(
            listed=listed), at="key")
    chance = exprs.number(item, ("events",), turns.events)
    if chance is not None and chance.const is not None and not 0 <= float(chance.const) <= 1:
        sink.error(item, ("events",), _("events: a chance of {chance:g} must lie between 0 and 1").format(
            chance=float(chance.const)))


def _meters(draft: Draft, names: Names, sink: Sink) -> None:
    for item in draft.sections["meters"]:
        m = item.model
        for i, role in enumerate(m.hidden_from):
            names.check(item, ("hidden_from", i), "roles", role)
        if m.min >= m.max:
            sink.error(item, ("max",), _("max ({max}) must be greater than min ({min})").format(max=m.max, min=m.min))
            continue
        if not m.min <= m.start <= m.max:
            sink.error(item, ("start",), _("start {start} is outside the meter's range [{min}, {max}]").format(
                start=m.start, min=m.min, max=m.max))
        for role, value in m.start_by_role.items():
            if names.check(item, ("start_by_role", role), "roles", role, at="key") and not m.min <= value <= m.max:
                sink.error(item, ("start_by_role", role),
                           _("start {value} for role '{role}' is outside the meter's range [{min}, {max}]").format(
                               value=value, role=role, min=m.min, max=m.max))


def _factions(draft: Draft, names: Names, sink: Sink) -> None:
    owner: dict[str, Item] = {}
    for item in draft.sections["factions"]:
        for i, meter in enumerate(item.model.meters):
            if not names.check(item, ("meters", i), "meters", meter):
                continue
            if meter in owner:
                sink.error(item, ("meters", i), _("meter '{meter}' already belongs to faction"
                                                  " '{faction}'; a meter has at most one faction").format(
                                                      meter=meter, faction=owner[meter].model.id))
            else:
                owner[meter] = item


def _roles(draft: Draft, names: Names, exprs: Expressions, sink: Sink) -> None:
    for item in draft.sections["roles"]:
        role = item.model
        for i, goal in enumerate(role.goals):
            if not names.check(item, ("goals", i), "endings", goal):
                continue
            ending = names.get("endings", goal)
            result = ending.model.results.get(role.id) if ending else "win"
            if result != "win":
                sink.error(item, ("goals", i), _("goal '{goal}' does not give role '{role}' a win (its"
                                                 " result is {result}); goals are winning endings").format(
                                                     goal=goal, role=role.id, result=_(result) if result else _("missing")))
        exprs.number(item, ("score",), role.score)


def _endings(draft: Draft, names: Names, exprs: Expressions, sink: Sink) -> None:
    roles = [r.model.id for r in draft.sections["roles"]]
    for item in draft.sections["endings"]:
        ending = item.model
        missing = [r for r in roles if r not in ending.results]
        if missing:
            listed = ", ".join(f"'{r}'" for r in missing)
            sink.error(item, ("results",), _("results has no entry for role {listed}; give each role win,"
                                             " loss or draw").format(listed=listed), at="key")
        for role in ending.results:
            names.check(item, ("results", role), "roles", role, at="key")
        exprs.condition(item, ("when",), ending.when)
        if draft.format >= 2:
            check_texts(item, ("text",), ending.text, roles, N_("read the ending"), names, sink)
            placeholders(item, ("title",), ending.title, exprs, sink)
            placeholders(item, ("text",), ending.text, exprs, sink)
