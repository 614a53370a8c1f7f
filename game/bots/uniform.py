"""The random policy: uniform over the options available, the baseline of nobody thinking.

(Not named random.py: a module by that name would shadow the standard library's for anything run
from this folder.)
"""

from __future__ import annotations

from game.engine.model import Scenario
from game.i18n import _, pgettext

from .registry import Choose


def uniform(card, available, meters, flags, turn, rng) -> int:
    return available[0] if len(available) == 1 else available[int(rng.random() * len(available))]


class RandomPolicy:
    name = "random"

    @property
    def summary(self) -> str:
        return _("uniform over the options available")

    @property
    def label(self) -> str:
        return pgettext("bot name", "random")

    @property
    def description(self) -> str:
        return _("unpredictable")

    def chooser(self, scenario: Scenario, role: str) -> Choose:
        return uniform
