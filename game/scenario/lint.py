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
        weight = exprs.get(item, ("weight",))
        if weight is not None and weight.const == 0 and card.id not in names.queued_cards:
            sink.warn(item, ("weight",), f"card '{card.id}' has weight 0 and no queue effect names it: it can"
                                         " never come up")
    for item in draft.sections["endings"]:
        ending = item.model
        if ending.when is None and ending.id not in names.named_endings:
            sink.warn(item, ("id",), f"ending '{ending.id}' has no 'when', and no end effect or calendar"
                                     " timeout names it: it can never be reached")
