"""Where the app opens, decided from the command line before any screen is drawn, so errors go to stderr."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .record import Record


class LoadError(Exception):
    """Something the player asked for cannot be opened; str() says what and why, in one line or a few."""


@dataclass(frozen=True)
class Opening:
    """The first screen: the title, the new-game screen with some choices made, or a game (or its ending)."""

    record: Record | None = None
    odds: bool = True
    new_game: bool = False
    scenario: str | None = None  # preselected on the new-game screen
    seed: int | None = None
    watch: str | None = None  # a scenario folder being written: games from it reload when it changes


def random_seed() -> int:
    # Short enough to read out in class; SystemRandom so the game never touches module-level random.
    return random.SystemRandom().randrange(1, 100_000)


def plan(scenario: str | None = None, role: str | None = None, seed: int | None = None,
         odds: bool | None = None, resume: str | None = None, opponent: str | None = None,
         watch: bool = False) -> Opening:
    """Raises LoadError, worded for the player, when the command line names something unusable."""
    if opponent is not None and role is None:
        from game.i18n import _

        raise LoadError(_("--opponent needs --role: the role you play against it"))
    if watch:
        return replace(plan(scenario, role, seed, odds, resume, opponent), watch=_watched(scenario, resume))
    if resume is None and role is None and scenario is None and seed is None and odds is None:
        return Opening()  # the title screen: nothing of the engine or the scenarios is needed yet
    from .loading import find_save, load_scenario, new_game, restore

    if resume is not None:
        save = find_save(resume)
        record = restore(save)
        shown = odds if odds is not None else bool(save.meta.get("odds", True))
        return Opening(record=record, odds=shown)
    if role is not None:
        record = new_game(load_scenario(scenario), role, random_seed() if seed is None else seed, opponent)
        return Opening(record=record, odds=True if odds is None else odds)
    if scenario is not None:
        load_scenario(scenario)  # a bad --scenario is reported now, on the command line
    return Opening(new_game=True, scenario=scenario, seed=seed, odds=True if odds is None else odds)


def _watched(scenario: str | None, resume: str | None) -> str:
    """The folder `--watch` follows: the `--scenario` given, which must be a folder (a scenario being written)."""
    if resume is not None or scenario is None or not Path(scenario).expanduser().is_dir():
        from game.i18n import _

        raise LoadError(_("--watch follows a scenario you are writing: give its folder with --scenario PATH"
                          " (and no --resume)"))
    return str(Path(scenario).expanduser().resolve())
