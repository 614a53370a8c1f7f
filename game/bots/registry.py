"""The policies a bot may play by: what one provides, and the registry that finds one by name.

A policy has a `name`, a one-line `summary` for designers, a short `description` for the game's
opponent picker ("as it happened", "ruthless"), optionally a `label` (its name as a player reads it:
"greedy", "codicioso"), and `chooser(scenario, role)`, which returns the
function the fast runner calls for each of that role's decisions:
``choose(card, available, meters, flags, turn, rng) -> int`` (see game.engine.fast). It serves
both formats: in a two-sided (format 2) scenario each role gets its own chooser, and the runner is
given one per role in turn order. Every random choice comes from `rng`, a `random.Random` seeded
per game, so a game is the same whichever process plays it.

Besides the registered names, `get_policy` understands the simple fixed rules the dominant-strategy
scan plays (see game.bots.fixed): `always:K`, `raise:METER`, `lower:METER`.
"""

from __future__ import annotations

from typing import Callable, Protocol

from game.engine.model import Scenario
from game.i18n import _

Choose = Callable[..., int]


class Policy(Protocol):
    name: str
    summary: str
    description: str

    def chooser(self, scenario: Scenario, role: str) -> Choose: ...


class UnknownPolicy(ValueError):
    """No policy by that name, or a fixed rule that names no meter or option of the scenario."""


POLICIES: dict[str, Policy] = {}


def register(policy: Policy) -> Policy:
    POLICIES[policy.name] = policy
    return policy


def get_policy(name: str) -> Policy:
    found = POLICIES.get(name)
    if found is not None:
        return found
    if ":" in name:
        from .fixed import parse

        return parse(name)
    raise UnknownPolicy(_("unknown policy '{name}' (policies: {policies})").format(
        name=name, policies=", ".join(POLICIES)))
