"""Warnings: content that is valid but that no game can reach or that behaves as the author may not expect."""

from __future__ import annotations

from .crosscheck import Checked
from .located import Sink
from .shape import Draft


def lint(draft: Draft, checked: Checked, sink: Sink) -> None:
    names, exprs = checked.names, checked.exprs
    for item in draft.sections["flags"]:
        flag = item.model.id
        if flag in exprs.tested_flags and flag not in names.set_flags:
            sink.warn(item, ("id",), f"flag '{flag}' is tested but no effect sets it, so it is never true")
    for item in draft.sections["cards"]:
        card = item.model
        for k, option in enumerate(card.options or ()):
            if option.unavailable and option.when is None:
                sink.warn(item, ("options", k, "unavailable"), "'unavailable' is shown only when the option's"
                                                              " 'when' does not hold, and this option has no 'when'")
        weight = exprs.get(item, ("weight",))
        if weight is not None and weight.const == 0 and card.id not in names.queued_cards:
            sink.warn(item, ("weight",), f"card '{card.id}' has weight 0 and no queue effect names it: it can"
                                         " never come up")
    for item in draft.sections["endings"]:
        ending = item.model
        if ending.when is None and ending.id not in names.named_endings:
            sink.warn(item, ("id",), f"ending '{ending.id}' has no 'when', and no end effect or calendar"
                                     " timeout names it: it can never be reached")


def lint_reach(draft: Draft, checked: Checked, scenario, sink: Sink) -> None:
    """Dead content found by the engine's interval analysis, as warnings at the condition to blame."""
    from game.engine.reach import dead_content

    names = checked.names
    cards = {item.model.id: item for item in draft.sections["cards"]}
    endings = {item.model.id: item for item in draft.sections["endings"]}
    for dead in dead_content(scenario):
        if dead.kind == "card" and dead.id in cards:
            item = cards[dead.id]
            card = item.model
            if getattr(card, "weight", None) == 0 and card.id not in names.queued_cards:
                continue  # already reported by lint() above, in plainer words
            where = "when" if card.when is not None else "id"
            sink.warn(item, (where,), f"card '{dead.id}' can never be drawn: {dead.reason}")
        elif dead.kind == "option" and dead.id in cards:
            sink.warn(cards[dead.id], ("options", dead.option, "when"), f"in card '{dead.id}', {dead.reason}")
        elif dead.kind == "ending" and dead.id in endings:
            item = endings[dead.id]
            if item.model.when is None:
                continue  # already reported by lint() above
            sink.warn(item, ("when",), f"ending '{dead.id}' can never be reached: {dead.reason}")
