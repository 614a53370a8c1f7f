"""The adaptive policy, a fair rival for a person: plays as history did, but turns from it when the
meters make history's choice plainly worse.

How it decides, for each decision of its role:

1. It values every available option as greedy does (game.bots.greedy: the expected result one
   decision ahead for its own role, +1 a win, -1 a loss, 0 a draw, else the role's objective
   scaled into [-0.5, 0.5]).
2. When a historical option is available (the first one marked, if several), it takes it unless
   the best option's value beats the historical one's by more than `MARGIN` (0.15: for instance a
   15-point better chance of winning at once, or most of the objective's range). History is what a
   person expects of the other side; a rival that holds to it until it plainly hurts is one they
   can read and still be surprised by.
3. Otherwise (no historical option, or one it turned from) it picks like greedy, but with a little
   seeded randomness: any option whose value is within `NEAR` (0.02) of the best may be picked,
   uniformly by the game's `rng`, so it does not play the same line every game.
"""

from __future__ import annotations

from game.engine.model import Scenario
from game.i18n import _, pgettext

from .greedy import best, option_values
from .historical import marked
from .registry import Choose

MARGIN = 0.15  # how much better the best option must look before history is set aside
NEAR = 0.02  # options this close to the best count as equally good


class AdaptivePolicy:
    name = "adaptive"

    @property
    def summary(self) -> str:
        return _("plays as history did, but turns from it when the meters make history's choice plainly worse")

    @property
    def label(self) -> str:
        return pgettext("bot name", "adaptive")

    @property
    def description(self) -> str:
        return _("careful")

    def chooser(self, scenario: Scenario, role: str) -> Choose:
        values = option_values(scenario, role)
        history = marked(scenario)

        def choose(card, available, meters, flags, turn, rng) -> int:
            if len(available) == 1:
                return available[0]
            v = values(card, available, meters, flags, turn)
            for h in history[card]:
                if h in available:
                    if max(v) - v[available.index(h)] <= MARGIN:
                        return h
                    break
            return best(available, v, rng, NEAR)

        return choose
