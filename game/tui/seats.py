"""Who sits at each acting role of a game: a person at this keyboard, or a bot policy. No Textual here.

A format-1 game has one seat, the person's. A two-sided game has a seat per role in the scenario's
order: the player's, and the opponent's (a bot, or a friend on the same keyboard: hot-seat). A bot's
choice depends only on the game's seed and how many choices were made before it, so a save (the
choices) replays exactly, bots' moves included.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Mapping

from game.engine import Scenario, State, options
from game.i18n import _

PERSON = "person"
FRIEND = "friend"  # what --opponent and the new-game screen call a second person on this keyboard
PREFERRED_OPPONENTS = ("adaptive", "historical")


class SeatError(ValueError):
    """Seats that do not fit the scenario: an unknown role or policy, or an opponent in a one-role game."""


def _registry():
    # The bots moved to game.bots; an older tree keeps them in game.sim.policies, with the same interface.
    try:
        import game.bots as registry
    except ImportError:  # pragma: no cover - only before game.bots exists
        import game.sim.policies as registry
    return registry


def bot_policies() -> dict[str, str]:
    """Every registered policy, name → the one line a player reads about it."""
    return {name: getattr(p, "description", "") or p.summary for name, p in _registry().POLICIES.items()}


def bot_name(name: str) -> str:
    """A bot's name as the player reads it: its policy's label ("greedy", "codicioso"), else the name itself."""
    policy = _registry().POLICIES.get(name)
    return getattr(policy, "label", name) if policy is not None else name


def default_opponent() -> str:
    known = _registry().POLICIES
    return next((p for p in PREFERRED_OPPONENTS if p in known), next(iter(known)))


@dataclass(frozen=True, slots=True)
class Seats:
    """(role, PERSON or a policy name) for each acting role, in turn order."""

    by_role: tuple[tuple[str, str], ...]

    @classmethod
    def solo(cls, role: str) -> "Seats":
        return cls(((role, PERSON),))

    @classmethod
    def against(cls, scenario: Scenario, role: str, opponent: str | None = None) -> "Seats":
        """The seats of a new game: `role` played by a person, every other role by `opponent` (a policy,
        or FRIEND for a person; None: the default bot). A format-1 game takes no opponent."""
        roles = {r.id for r in scenario.roles}
        if role not in roles:
            raise SeatError(_("scenario '{scenario}' has no role '{role}' (its roles: {roles})").format(
                scenario=scenario.id, role=role, roles=", ".join(sorted(roles))))
        if not scenario.two_sided:
            if opponent is not None:
                raise SeatError(_("scenario '{scenario}' is played by one role: it has no opponent").format(
                    scenario=scenario.id))
            return cls.solo(role)
        other = default_opponent() if opponent is None else PERSON if opponent == FRIEND else opponent
        if other != PERSON and other not in bot_policies():
            raise SeatError(_("no opponent '{opponent}' (opponents: {opponents})").format(
                opponent=opponent, opponents=", ".join([*bot_policies(), FRIEND])))
        return cls(tuple((r, PERSON if r == role else other) for r in scenario.order))

    @classmethod
    def from_meta(cls, scenario: Scenario, log_role: str, meta: Mapping) -> "Seats":
        """The seats a save recorded; a format-1 save has its one role in the log."""
        if not scenario.two_sided:
            return cls.solo(log_role)
        raw = meta.get("seats")
        if not isinstance(raw, dict) or set(raw) != set(scenario.order):
            raise SeatError(_("the save does not say who plays each role"))
        known = bot_policies()
        for role, seat in raw.items():
            if seat != PERSON and seat not in known:
                raise SeatError(_("the save's {role} is played by '{bot}', a bot this version does not have").format(
                    role=role, bot=seat))
        return cls(tuple((r, raw[r]) for r in scenario.order))

    def to_meta(self) -> dict[str, str]:
        return dict(self.by_role)

    def of(self, role: str) -> str:
        return dict(self.by_role).get(role, PERSON)

    def person(self, role: str) -> bool:
        return self.of(role) == PERSON

    @property
    def people(self) -> tuple[str, ...]:
        return tuple(r for r, seat in self.by_role if seat == PERSON)

    @property
    def player(self) -> str:
        """The first person's role: the one a save, a debrief and the ending are named after."""
        return self.people[0] if self.people else self.by_role[0][0]

    @property
    def hot_seat(self) -> bool:
        return len(self.people) > 1

    def opponent_of(self, role: str) -> str:
        """How the other seats are described to `role`'s player: a policy's name, or FRIEND."""
        others = [seat for r, seat in self.by_role if r != role]
        return "" if not others else FRIEND if others[0] == PERSON else others[0]


def bot_choice(state: State, policy: str, choosers: dict) -> int:
    """The option (its index on the card) the policy takes for the role to move. `choosers` caches a
    policy's chooser per (policy, role), since greedy ones work things out once per scenario."""
    key = (policy, state.role)
    choose = choosers.get(key)
    if choose is None:
        choose = choosers[key] = _registry().get_policy(policy).chooser(state.scenario, state.role)
    available = tuple(v.index for v in options(state) if v.available)
    rng = random.Random(f"bot/{state.seed}/{len(state.choices)}")
    return choose(state.card, available, list(state.meters), set(state.flags), state.turn, rng)
