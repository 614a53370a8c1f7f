"""The scenarios a class's games were played on, loaded once per process, and the one pair play uses."""

from __future__ import annotations

from functools import lru_cache

from game.engine import Scenario


@lru_cache(maxsize=16)
def scenario_for(scenario_id: str, content_hash: str = "") -> Scenario | None:
    """The installed scenario with this id (and content, when a hash is given); None when there is none."""
    from game.scenario import ScenarioError, ScenarioNotFound, load, resolve_scenario
    from game.scenario.translations import player_language, translated

    try:
        sc = load(resolve_scenario(scenario_id))
    except (ScenarioError, ScenarioNotFound, OSError, ValueError):
        return None
    if content_hash and sc.content_hash != content_hash:
        return None
    return translated(sc, player_language())  # in the server's language, where the scenario has it


def room_scenario(wanted: str | None = None) -> Scenario | None:
    """The scenario rooms are played on: the one asked for, else the default, else the first installed one,
    as long as it is two-sided."""
    from game.scenario import default_id, installed

    candidates = [wanted] if wanted else [default_id(), *(p.name for p in installed())]
    for ref in candidates:
        sc = scenario_for(ref)
        if sc is not None and sc.two_sided:
            return sc
    return None
