"""The historical policy: what really happened, replayed with the scenario's dice.

Takes the option marked `historical: true` whenever it is available to the role, and picks at
random otherwise. Shows whether history, replayed, ends the way it did.
"""

from __future__ import annotations

from game.engine.model import Scenario
from game.i18n import _, pgettext

from .registry import Choose
from .uniform import uniform


def marked(scenario: Scenario) -> tuple[tuple[int, ...], ...]:
    """Per card: the indices of its historical options."""
    return tuple(tuple(k for k, o in enumerate(c.options) if o.historical) for c in scenario.cards)


class HistoricalPolicy:
    name = "historical"

    @property
    def summary(self) -> str:
        return _("the option marked historical when it is available, random otherwise")

    @property
    def label(self) -> str:
        return pgettext("bot name", "historical")

    @property
    def description(self) -> str:
        return _("as it happened")

    def chooser(self, scenario: Scenario, role: str) -> Choose:
        history = marked(scenario)

        def choose(card, available, meters, flags, turn, rng) -> int:
            for k in history[card]:
                if k in available:
                    return k
            return uniform(card, available, meters, flags, turn, rng)

        return choose
