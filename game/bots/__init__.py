"""Bots that choose an option: random, historical, greedy and adaptive, and the fixed rules of the
dominant-strategy scan. Used by the simulator, the game's opponents and the classroom alike."""

from .registry import POLICIES, Choose, Policy, UnknownPolicy, get_policy, register
from .uniform import RandomPolicy
from .historical import HistoricalPolicy
from .greedy import GreedyPolicy, derived_weights, objective
from .adaptive import AdaptivePolicy

for _policy in (RandomPolicy(), HistoricalPolicy(), GreedyPolicy(), AdaptivePolicy()):
    register(_policy)

__all__ = ["POLICIES", "AdaptivePolicy", "Choose", "GreedyPolicy", "HistoricalPolicy", "Policy", "RandomPolicy",
           "UnknownPolicy", "derived_weights", "get_policy", "objective", "register"]
