"""Warnings: content that is valid but that no game can reach or that behaves as the author may not expect."""

from __future__ import annotations

from game.engine.expr import names as read_by
from game.engine.reach import Reach, dead_content
from game.i18n import _

from .crosscheck import Checked
from .located import Sink
from .shape import Draft


# The meter panel is 29 columns inside on an 80-column terminal: a faction's heading longer than this is cut.
FACTION_NAME_WIDTH = 28

# Every warning and note `crisis validate` gives, by the words its message holds, with what it means. The guide
# (scenarios/README.md, "What crisis validate reports") lists the same words; tests/scenario/test_guide.py keeps
# the two equal and runs a broken fixture for each.
WARNINGS: dict[str, str] = {
    "the chances add up to": "fixed chances that do not add up to 1, with no outcome taking the rest",
    "is tested but no effect sets it": "a flag tested but set by no effect",
    "is set but no condition, chance or weight tests it": "a flag set but tested by nothing",
    "is read by no condition, chance, weight, amount or ending": "a meter nothing reads (a role's score does"
                                                                 " not count: it only steers the bots)",
    "is cited by no card, ending or glossary entry": "a source nothing cites",
    "is cut on the meter panel": "a faction `name` longer than the meter panel's heading (28 characters)",
    "'unavailable' is shown only when": "an `unavailable` reason on an option with no `when`",
    "has a 'when' but no 'unavailable'": "an option with a `when` and no `unavailable` reason: when it is greyed"
                                         " out, players read the condition itself (`flag.offered`) as its reason",
    "has weight 0 and no queue effect names it": "a card with weight 0 that no `queue` effect names",
    "has no 'when', and no end effect or calendar timeout names it": "an ending with no `when` that no `end`"
                                                                     " effect or the calendar's `timeout` names",
    "its dates fall outside the calendar": "a card whose `from`/`until` window lies outside the calendar",
    "can never be drawn": "a card no game can draw, and why (its condition cannot hold given the meters'"
                          " ranges, the flags that can be set and the turns; its weight is never above 0; ...)",
    "is never available: its condition": "an option whose `when` can never hold",
    "can never be reached: no outcome ends the game with it": "an ending no game can reach",
    "after its window closes": "format 2: a follow-up that may come due after its card's `until`, so never comes",
    "before its window opens": "format 2: a follow-up that may come due before its card's `from`, so it waits",
    "may be due outside its date window": "format 1: a follow-up that may come due outside its card's window,"
                                          " where it still comes (format 1 follow-ups ignore dates)",
}
NOTES: dict[str, str] = {
    "only after another role's move": "a card a role can draw only after another role's move (a follow-up"
                                      " the other side queues, a flag or meter only it changes): often meant,"
                                      " as an answer to the other side",
}


def lint(draft: Draft, checked: Checked, sink: Sink) -> None:
    names, exprs = checked.names, checked.exprs
    # What is left unused is judged only once everything compiled: an expression with an error reads nothing.
    unused = not sink.has_errors
    for item in draft.sections["flags"]:
        flag = item.model.id
        if flag in exprs.tested_flags and flag not in names.set_flags:
            sink.warn(item, ("id",), _("flag '{flag}' is tested but no effect sets it, so it is never true").format(
                flag=flag))
        elif unused and flag in names.set_flags and flag not in exprs.tested_flags:
            sink.warn(item, ("id",), _("flag '{flag}' is set but no condition, chance or weight tests it: it"
                                       " changes nothing but the story log's 'Now true' line").format(flag=flag))
    for item in draft.sections["factions"]:
        name = item.model.name
        if len(name) > FACTION_NAME_WIDTH:
            sink.warn(item, ("name",), _("faction '{id}''s name is {count} characters and is cut on"
                                         " the meter panel after {faction_name_width}: give it a short name (the"
                                         " description, its tooltip, can say more)").format(
                                             id=item.model.id, count=len(name), faction_name_width=FACTION_NAME_WIDTH))
    if unused:
        _unread_meters(draft, checked, sink)
        _uncited_sources(draft, sink)
    for item in draft.sections["cards"]:
        card = item.model
        for k, option in enumerate(card.options or ()):
            if option.unavailable and option.when is None:
                sink.warn(item, ("options", k, "unavailable"), "'unavailable' is shown only when the option's"
                                                              " 'when' does not hold, and this option has no 'when'")
            elif option.when is not None and not option.unavailable:
                sink.warn(item, ("options", k, "when"), _("option '{label}' has a 'when' but no 'unavailable': when"
                                                          " it is greyed out, players read the condition itself as"
                                                          " the reason; say why in words").format(label=option.label))
        weight = exprs.get(item, ("weight",))
        if unused and weight is not None and weight.const == 0 and card.id not in names.queued_cards:
            sink.warn(item, ("weight",), _("card '{id}' has weight 0 and no queue effect names it: it can"
                                           " never come up").format(id=card.id))
    for item in draft.sections["endings"]:
        ending = item.model
        if ending.when is None and ending.id not in names.named_endings:
            sink.warn(item, ("id",), _("ending '{id}' has no 'when', and no end effect or calendar"
                                       " timeout names it: it can never be reached").format(id=ending.id))


def _unread_meters(draft: Draft, checked: Checked, sink: Sink) -> None:
    """A meter that nothing the game computes reads: no condition, chance, weight, amount or ending (a
    role's score only steers the bots)."""
    scores = {(item.file, item.path + ("score",)) for item in draft.sections["roles"]}
    read: set[str] = set()
    for where, expr in checked.exprs.compiled.items():
        if where not in scores:
            read |= read_by(expr.tree)[0]
    for item in draft.sections["meters"]:
        if item.model.id not in read:
            sink.warn(item, ("id",), _("meter '{id}' is read by no condition, chance, weight, amount"
                                       " or ending: it changes nothing in the game, only the meter panel").format(
                                           id=item.model.id))


def _uncited_sources(draft: Draft, sink: Sink) -> None:
    cited = {c if isinstance(c, str) else c.id for section in ("cards", "endings", "glossary")
             for item in draft.sections[section] for c in item.model.sources}
    for item in draft.sections["sources"]:
        if item.model.id not in cited:
            sink.warn(item, ("id",), _("source '{id}' is cited by no card, ending or glossary entry: cite it (sources: [{id}]) or remove"
                                       " it").format(id=item.model.id))


class _OwnMoves(Reach):
    """What can happen in a two-sided world when one role's decisions are the only ones taken (the world's
    events still happen): the other roles pass."""

    def __init__(self, scenario, only: str) -> None:
        self.only = only
        super().__init__(scenario, None)

    def open_options(self, card) -> list:
        if card.event:
            return super().open_options(card)
        if self.only not in self.drawers(card):
            return []
        return [o for o in card.options if o.open_to(self.only)]


def _cross_role(draft: Draft, scenario, sink: Sink) -> None:
    """Notes, not warnings: a card that a role can draw only once another role has moved (a follow-up the
    other side queues, a flag it sets). Often meant (an answer to the other side), sometimes not."""
    world = Reach(scenario, None)
    alone = {role: _OwnMoves(scenario, role) for role in scenario.order}
    items = {item.model.id: item for item in draft.sections["cards"]}
    for i, card in enumerate(scenario.cards):
        if card.event or i not in world.live or card.id not in items:
            continue
        waiting = [r for r in world.drawers(card) if i not in alone[r].live]
        if waiting:
            item = items[card.id]
            where = "when" if item.model.when is not None else "id"
            listed = ", ".join(f"'{r}'" for r in waiting)
            sink.add("note", item.file, item.path + (where,),
                     _("card '{id}' comes to role {listed} only after another role's move (a follow-up that"
                       " role queues, or a change only it makes): its own moves and the world's events never make"
                       " the card drawable").format(id=card.id, listed=listed))


def lint_reach(draft: Draft, checked: Checked, scenario, sink: Sink) -> None:
    """Dead content found by the engine's interval analysis, as warnings at the condition to blame."""

    names = checked.names
    cards = {item.model.id: item for item in draft.sections["cards"]}
    endings = {item.model.id: item for item in draft.sections["endings"]}
    for dead in dead_content(scenario):
        if dead.kind == "card" and dead.id in cards:
            item = cards[dead.id]
            card = item.model
            if getattr(card, "weight", None) == 0 and card.id not in names.queued_cards:
                continue  # already reported by lint() above, in plainer words
            frozen = scenario.card(dead.id)
            if frozen.first_turn > scenario.calendar.max_turns or frozen.last_turn < 1:
                continue  # its dates fall outside the calendar: cardcheck says so at its 'from' or 'until'
            where = "when" if card.when is not None else "id"
            sink.warn(item, (where,), _("card '{id}' can never be drawn: {reason}").format(
                id=dead.id, reason=dead.reason))
        elif dead.kind == "option" and dead.id in cards:
            sink.warn(cards[dead.id], ("options", dead.option, "when"), _("in card '{id}', {reason}").format(
                id=dead.id, reason=dead.reason))
        elif dead.kind == "ending" and dead.id in endings:
            item = endings[dead.id]
            if item.model.when is None:
                continue  # already reported by lint() above
            sink.warn(item, ("when",), _("ending '{id}' can never be reached: {reason}").format(
                id=dead.id, reason=dead.reason))
    if scenario.two_sided:
        _cross_role(draft, scenario, sink)
