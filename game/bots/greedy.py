"""The greedy policy: the option with the best expected result one decision ahead.

For each available option it weighs every outcome by its chance and values the result for its own
role: an ending counts +1 if the role wins it, -1 if it loses, 0 for a draw (endings that a
condition, or the calendar after the last role of the last turn, would trigger right after count
too); otherwise the role's objective, scaled into [-0.5, 0.5]. The objective is the role's `score`
expression when the scenario gives one; without one it is derived from the endings: each meter
that a winning ending's condition wants high (or a losing ending's wants low) counts up, and the
other way round down. Ties are broken at random. In a two-sided game it looks at its own decision
only: not at what the other role or the world will do next.
"""

from __future__ import annotations

import math
from typing import Callable

from game.engine.core import apply, ending_after, outcome_chances, table
from game.engine.model import Scenario
from game.i18n import _, pgettext
from game.engine.reach import interval

from .registry import Choose

TIE = 1e-12  # values this close are equal: floating-point noise must not decide
Values = Callable[[int, tuple, object, object, int], list[float]]


def option_values(scenario: Scenario, role: str) -> Values:
    """`values(card, available, meters, flags, turn)`: each available option's expected one-step value
    for `role` (see the module docstring), in the order of `available`."""
    tb = table(scenario, scenario.acting(role))
    last = tb.slot_of[role] == len(tb.slots) - 1
    value_of = {"win": 1.0, "loss": -1.0, "draw": 0.0}
    results = {eid: value_of[r] for eid, r in tb.results[role].items()}
    score = objective(scenario, role)
    plays = tb.plays

    def outlook(effects, meters, flags, turn) -> float:
        m, f = list(meters), set(flags)
        ending = apply(effects, turn, m, f, [], None) or ending_after(tb, m, f, turn, last)
        return results.get(ending, 0.0) if ending is not None else score(m, f, turn)

    def values(card, available, meters, flags, turn) -> list[float]:
        out = []
        for k in available:
            _cond, fixed, option, effects = plays[card][k]
            chances = fixed if fixed is not None else outcome_chances(option, meters, flags, turn)
            out.append(sum(p * outlook(eff, meters, flags, turn) for p, eff in zip(chances, effects) if p > 0.0))
        return out

    return values


def best(available, values: list[float], rng, within: float = TIE) -> int:
    """The best option; among those within `within` of it, one at random."""
    top = max(values)
    tied = [k for k, v in zip(available, values) if v >= top - within]
    return tied[0] if len(tied) == 1 else tied[int(rng.random() * len(tied))]


class GreedyPolicy:
    name = "greedy"

    @property
    def summary(self) -> str:
        return _("the option with the best expected result one decision ahead, by the role's objective")

    @property
    def label(self) -> str:
        return pgettext("bot name", "greedy")

    @property
    def description(self) -> str:
        return _("ruthless")

    def chooser(self, scenario: Scenario, role: str) -> Choose:
        values = option_values(scenario, role)

        def choose(card, available, meters, flags, turn, rng) -> int:
            if len(available) == 1:
                return available[0]
            return best(available, values(card, available, meters, flags, turn), rng)

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
