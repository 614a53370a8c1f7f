"""The historical policy: what really happened, replayed with the scenario's dice.

Takes the option marked `historical: true` whenever it is available to the role. On a card history
has no answer for (a "what if"), it picks at random among the options that cannot end the game in
its own defeat (an `end` effect in one of their outcomes), since a leader who in fact held on does
not walk out on a what-if card; only when every option could, among them all. Shows whether history,
replayed, ends the way it did.
"""

from __future__ import annotations

from game.engine.effects import End
from game.engine.model import Scenario
from game.i18n import _, pgettext

from .registry import Choose
from .uniform import uniform


def marked(scenario: Scenario) -> tuple[tuple[int, ...], ...]:
    """Per card: the indices of its historical options."""
    return tuple(tuple(k for k, o in enumerate(c.options) if o.historical) for c in scenario.cards)


def conceding(scenario: Scenario, role: str) -> tuple[frozenset[int], ...]:
    """Per card: the options with an outcome that may end the game in a loss for `role`."""
    lost = {e.id for e in scenario.endings if e.result_for(role) == "loss"}
    return tuple(frozenset(k for k, o in enumerate(c.options)
                           if any(isinstance(e, End) and e.ending in lost for out in o.outcomes for e in out.effects))
                 for c in scenario.cards)


class HistoricalPolicy:
    name = "historical"

    @property
    def summary(self) -> str:
        return _("the option marked historical when it is available, otherwise random among those that"
                 " cannot end the game in its defeat")

    @property
    def label(self) -> str:
        return pgettext("bot name", "historical")

    @property
    def description(self) -> str:
        return _("as it happened")

    def chooser(self, scenario: Scenario, role: str) -> Choose:
        history = marked(scenario)
        giving_up = conceding(scenario, role)

        def choose(card, available, meters, flags, turn, rng) -> int:
            for k in history[card]:
                if k in available:
                    return k
            if giving_up[card]:
                holding = tuple(k for k in available if k not in giving_up[card])
                if holding:
                    return uniform(card, holding, meters, flags, turn, rng)
            return uniform(card, available, meters, flags, turn, rng)

        return choose
