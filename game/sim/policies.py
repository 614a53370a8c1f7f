"""Bots that play a role: a small interface, a registry, and the three policies crisis ships.

A policy has a `name`, a one-line `summary`, and `chooser(scenario, role)`, which returns the function
the fast runner calls for every decision: ``choose(card, available, meters, flags, turn, rng) -> int``
(see game.engine.fast). Every random choice comes from `rng`, a `random.Random` seeded per game, so a
game is the same whichever process plays it. Add a policy with `register(MyPolicy())`.

- **random**: picks uniformly among the options available. The baseline: what happens when nobody
  is thinking.
- **historical**: takes the option marked `historical: true` (what really happened) whenever it is
  available, and picks at random otherwise. Shows whether history, replayed with the scenario's dice,
  ends the way it did.
- **greedy**: looks one decision ahead. For each available option it weighs every outcome by its
  chance and values the result: an ending counts +1 if the role wins it, -1 if it loses, 0 for a
  draw (endings that a condition or the calendar would trigger right after count too); otherwise
  the role's objective, scaled into [-0.5, 0.5]. The objective is the role's `score` expression when
  the scenario gives one; without one, it is derived from the endings: each meter that a winning
  ending's condition wants high (or a losing ending's wants low) counts up, and the other way round
  down. Ties are broken at random.
"""

from __future__ import annotations

import math
from typing import Callable, Protocol

from game.engine.core import apply, ending_after, outcome_chances, table
from game.engine.model import Scenario
from game.engine.reach import interval

Choose = Callable[..., int]


class Policy(Protocol):
    name: str
    summary: str

    def chooser(self, scenario: Scenario, role: str) -> Choose: ...


class UnknownPolicy(ValueError):
    """No policy by that name."""


POLICIES: dict[str, Policy] = {}


def register(policy: Policy) -> Policy:
    POLICIES[policy.name] = policy
    return policy


def get_policy(name: str) -> Policy:
    try:
        return POLICIES[name]
    except KeyError:
        raise UnknownPolicy(f"unknown policy '{name}' (policies: {', '.join(POLICIES)})") from None


def _uniform(card, available, meters, flags, turn, rng) -> int:
    return available[0] if len(available) == 1 else available[int(rng.random() * len(available))]


class RandomPolicy:
    name = "random"
    summary = "uniform over the options available"

    def chooser(self, scenario: Scenario, role: str) -> Choose:
        return _uniform


class HistoricalPolicy:
    name = "historical"
    summary = "the option marked historical when it is available, random otherwise"

    def chooser(self, scenario: Scenario, role: str) -> Choose:
        marked = tuple(tuple(k for k, o in enumerate(c.options) if o.historical) for c in scenario.cards)

        def choose(card, available, meters, flags, turn, rng) -> int:
            for k in marked[card]:
                if k in available:
                    return k
            return _uniform(card, available, meters, flags, turn, rng)

        return choose


class GreedyPolicy:
    name = "greedy"
    summary = "the option with the best expected result one decision ahead, by the role's objective"

    def chooser(self, scenario: Scenario, role: str) -> Choose:
        tb = table(scenario, role)
        value_of = {"win": 1.0, "loss": -1.0, "draw": 0.0}
        results = {eid: value_of[r] for eid, r in tb.results.items()}
        score = objective(scenario, role)

        def outlook(effects, meters, flags, turn) -> float:
            m, f = list(meters), set(flags)
            ending = apply(tb, effects, turn, m, f, [], None) or ending_after(tb, m, f, turn)
            return results.get(ending, 0.0) if ending is not None else score(m, f, turn)

        def choose(card, available, meters, flags, turn, rng) -> int:
            if len(available) == 1:
                return available[0]
            plays = tb.plays[card]
            best, tied = -math.inf, []
            for k in available:
                _cond, fixed, option, effects = plays[k]
                chances = fixed if fixed is not None else outcome_chances(option, meters, flags, turn)
                v = sum(p * outlook(eff, meters, flags, turn) for p, eff in zip(chances, effects) if p > 0.0)
                if v > best + 1e-12:
                    best, tied = v, [k]
                elif v > best - 1e-12:
                    tied.append(k)
            return tied[0] if len(tied) == 1 else tied[int(rng.random() * len(tied))]

        return choose


def objective(scenario: Scenario, role: str) -> Callable[[list, set, int], float]:
    """What greedy raises between endings, scaled into [-0.5, 0.5] (see the module docstring)."""
    spec = scenario.role(role).score
    if spec is not None:
        fn = spec.fn
        everything = {f.id for f in scenario.flags}
        lo, hi = interval(spec.tree, [(m.lo, m.hi) for m in scenario.meters], everything,
                          (1, scenario.calendar.max_turns))
        if math.isfinite(lo) and math.isfinite(hi) and hi > lo:
            return lambda m, f, t: (fn(m, f, t) - lo) / (hi - lo) - 0.5
        return lambda m, f, t: 0.5 * math.tanh(fn(m, f, t) / 100)
    weights = derived_weights(scenario, role)
    terms = [(i, w / (m.hi - m.lo)) for i, (w, m) in enumerate(zip(weights, scenario.meters)) if w and m.hi > m.lo]
    low = sum(min(w, 0.0) for w in weights)
    span = sum(abs(w) for w in weights)
    if not span:
        return lambda m, f, t: 0.0
    base = [m.lo for m in scenario.meters]
    return lambda m, f, t: (sum(w * (m[i] - base[i]) for i, w in terms) - low) / span - 0.5


def derived_weights(scenario: Scenario, role: str) -> list[float]:
    """Per meter: how much the role's endings want it high (> 0) or low (< 0)."""
    weights = [0.0] * len(scenario.meters)
    sign = {"win": 1.0, "loss": -1.0, "draw": 0.0}
    for ending in scenario.checked_endings:
        s = sign[ending.result_for(role)]
        if s:
            _pulls(ending.condition.tree, s, weights)
    return weights


def _pulls(tree: tuple, s: float, weights: list[float]) -> None:
    kind = tree[0]
    if kind == "not":
        _pulls(tree[1], -s, weights)
    elif kind in ("and", "or"):
        for part in tree[1]:
            _pulls(part, s, weights)
    elif kind == "cmp" and tree[1] in ("<", "<=", ">", ">="):
        a, b = tree[2], tree[3]
        up = tree[1] in (">", ">=")
        if a[0] == "meter" and b[0] == "num":
            weights[a[1]] += s if up else -s
        elif b[0] == "meter" and a[0] == "num":
            weights[b[1]] += -s if up else s


for _policy in (RandomPolicy(), HistoricalPolicy(), GreedyPolicy()):
    register(_policy)
