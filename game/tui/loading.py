"""Scenarios and saved games as the app needs them, every failure turned into a message for the player."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.engine import ReplayError, Scenario
from game.i18n import _

from .opening import LoadError
from .record import Record
from .seats import SeatError, Seats

if TYPE_CHECKING:
    from game import saves

__all__ = ["LoadError", "ScenarioChoice", "find_save", "keep_previous_autosave", "load_scenario", "new_game",
           "restore", "save_meta", "scenario_choices"]


@dataclass(frozen=True)
class ScenarioChoice:
    """An installed scenario as the new-game screen lists it: loaded, or the reason it cannot be."""

    path: Path
    scenario: Scenario | None
    error: str = ""


def load_scenario(ref: str | Path | None) -> Scenario:
    """A scenario by id, folder or (None) the bundled default; from the pickle cache when unchanged."""
    from game import scenario_cache

    try:
        return scenario_cache.load(ref)
    except Exception as err:
        # Imported only on failure: a cached scenario must not cost the loader's import (pydantic, yaml).
        from game.scenario import ScenarioError

        if isinstance(err, ScenarioError):
            raise LoadError(str(err)) from None
        raise


def scenario_choices() -> list[ScenarioChoice]:
    """Every installed scenario, the default first; broken ones listed with their first problem.

    Through the scenario cache, as a game's start is: a scenario unchanged since it was last checked is not
    checked again (checking them all took the new-game screen 2 s idle, 10-30 s on a busy machine)."""
    from game import scenario_cache
    from game.scenario import ScenarioError, installed, resolve_scenario

    try:
        default = resolve_scenario(None).resolve()
    except ScenarioError:
        default = None
    choices = []
    for path in installed():
        try:
            # In the player's language where the scenario has it (translations.falls_back says when it has not).
            choices.append(ScenarioChoice(path, scenario_cache.load(path)))
        except ScenarioError as err:
            first = str(err).strip().splitlines()[0] if str(err).strip() else _("cannot be loaded")
            choices.append(ScenarioChoice(path, None, first))
    choices.sort(key=lambda c: (c.path.resolve() != default, c.scenario is None))
    return choices


def new_game(scenario: Scenario, role: str | None, seed: int, opponent: str | None = None) -> Record:
    """A new game as `role`; in a two-sided scenario against `opponent` (a bot's name, or "friend")."""
    if role not in {r.id for r in scenario.roles}:
        known = ", ".join(r.id for r in scenario.roles)
        raise LoadError(_("scenario '{scenario}' has no role '{role}' (its roles: {roles})").format(
            scenario=scenario.id, role=role, roles=known))
    try:
        seats = Seats.against(scenario, role, opponent)
    except SeatError as err:
        raise LoadError(str(err)) from None
    return Record.new(scenario, role, seed, seats)


def find_save(name: str | None) -> saves.Save:
    """The save to resume: the latest autosave (None or ""), or a slot name or file path."""
    from game import saves  # here, not at the top: a new game's first frame needs no saves (nor platformdirs)

    try:
        if not name:
            found = saves.latest_autosave()
            if found is None:
                raise LoadError(_("there is no autosave to resume yet: start a game with --role, or name a save"))
            return found
        return saves.read_save(saves.slot_path(name))
    except saves.SaveError as err:
        raise LoadError(str(err)) from None


def restore(save: saves.Save) -> Record:
    """The game a save describes, replayed on the scenario it names."""
    ref: str | Path = save.log.scenario_id
    hint = save.meta.get("scenario_path")
    try:
        scenario = load_scenario(ref)
    except LoadError:
        if not (isinstance(hint, str) and Path(hint).is_dir()):
            raise LoadError(_("{save}: the scenario '{scenario}' it was played on is not installed").format(
                save=save.path.name, scenario=ref)) from None
        scenario = load_scenario(hint)
    try:
        return Record.restore(scenario, save.log, Seats.from_meta(scenario, save.log.role, save.meta))
    except (ReplayError, SeatError) as err:
        raise LoadError(f"{save.path.name}: {err}") from None


def turn_on_opening(record: Record) -> int:
    """The "Turn N" a game opened from this record shows first, which the load list names: the first decision
    its player has not read (in a two-sided game, the other side's answer to their last move), else their card.
    state.turn is one past it when that answer is still to read (a newcomer saw 'turn 7' for 'Turn 6/51')."""
    state = record.state
    people = record.seats.people if record.seats else (record.player,)
    reader = state.role if state.role in people else people[0]
    read = max((n + 1 for n, s in enumerate(record.steps) if s.role == reader), default=0)
    return record.steps[read].before.turn if read < len(record.steps) else state.turn


def save_meta(record: Record, odds: bool) -> dict:
    """What a save says about itself besides the log, for the load list and for reopening it."""
    state = record.state
    sc = record.scenario
    meta = {
        "scenario_title": sc.title,
        "scenario_path": sc.path,
        "role_name": " & ".join(sc.role(r).name for r in record.seats.people) if record.seats
        else sc.role(state.role).name,
        "turn": turn_on_opening(record),
        "date": state.day.isoformat(),
        "over": state.over,
        "odds": odds,
    }
    if sc.two_sided and record.seats is not None:
        meta["seats"] = record.seats.to_meta()  # who played which role: a bot's name, or "person"
        meta["player"] = record.player
    return meta


def keep_previous_autosave(current) -> "saves.Kept | None":
    """Before a new game's first autosave: keep what the autosave holds, so nothing is lost (see
    game.saves.keep_previous_autosave: an unfinished game under a fresh name, an unreadable autosave moved
    aside). Returns what became of it (None when there was nothing to keep), for the player to be told."""
    from game import saves  # after the first frame: saves (and platformdirs) are not needed to draw it

    return saves.keep_previous_autosave(current)


def save_name(role: str) -> str:
    """A role id as part of a save's file name: letters, digits, '-' and '_' only (ids come from files)."""
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in role) or "game"
