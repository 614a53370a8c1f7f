"""A game as data: the log (scenario, role, seed, choices) that replays it, and a digest to compare states."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from game.i18n import _

from .model import Scenario
from .rules import resolve, start
from .state import State

LOG_VERSION = 2  # 2: a shared card reaches every role in the same turn, so a two-sided game of 1 plays otherwise


class ReplayError(ValueError):
    """A log that cannot be replayed on this scenario: another scenario, changed content, or bad data."""


@dataclass(frozen=True, slots=True)
class Log:
    scenario_id: str
    scenario_hash: str
    role: str
    seed: int
    choices: tuple[int, ...] = ()

    def to_dict(self) -> dict:
        return {
            "version": LOG_VERSION,
            "scenario": self.scenario_id,
            "scenario_hash": self.scenario_hash,
            "role": self.role,
            "seed": self.seed,
            "choices": list(self.choices),
        }

    @classmethod
    def from_dict(cls, data: object) -> "Log":
        """Read a log written by this or an older version; refuse newer or malformed ones clearly."""
        if not isinstance(data, dict):
            raise ReplayError(_("not a saved game (expected a JSON object)"))
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise ReplayError(_("not a saved game (no version number)"))
        if version > LOG_VERSION:
            raise ReplayError(_("this save was written by a newer version of crisis (save format {version},"
                                " this version reads up to {latest}); update crisis to open it").format(
                                    version=version, latest=LOG_VERSION))
        for migrate in _MIGRATIONS[max(version, 1) - 1:LOG_VERSION - 1]:
            data = migrate(data)
        try:
            choices = tuple(data["choices"])
            fields = (data["scenario"], data["scenario_hash"], data["role"])
            seed = data["seed"]
        except (KeyError, TypeError) as err:
            raise ReplayError(_("the save is incomplete (missing {field})").format(field=err)) from None
        if not all(isinstance(x, str) for x in fields) or not isinstance(seed, int) or isinstance(seed, bool) \
                or not all(isinstance(c, int) and not isinstance(c, bool) for c in choices):
            raise ReplayError(_("the save is damaged (a field has the wrong type)"))
        return cls(fields[0], fields[1], fields[2], seed, choices)


def _shared_cards_in_one_week(data: dict) -> dict:
    """1 -> 2. A one-role (format 1) game plays as it did. A two-sided game (no role) drew its shared cards
    under the old rule, each role on its own: its choices would replay another game, so it is refused."""
    if data.get("role") == "":
        raise ReplayError(_("this two-sided game was saved by an older version of crisis, whose rules for shared"
                            " cards differed, so it cannot be replayed exactly; start a new game"))
    return data


# _MIGRATIONS[v - 1] turns a version-v log into version v + 1. Version 1 is the first.
_MIGRATIONS: list = [_shared_cards_in_one_week]


def log_of(state: State) -> Log:
    """The log that replays a game. A two-sided game has no one role (every role acts): its role is ""."""
    sc = state.scenario
    return Log(sc.id, sc.content_hash, "" if sc.two_sided else state.role, state.seed, state.choices)


def begin(scenario: Scenario, log: Log) -> State:
    """The first state of the game a log describes, once the log is known to belong to this scenario."""
    if log.scenario_id != scenario.id:
        raise ReplayError(_("this save is for scenario '{saved}', not '{scenario}'").format(
            saved=log.scenario_id, scenario=scenario.id))
    if log.scenario_hash != scenario.content_hash:
        raise ReplayError(_("scenario '{scenario}' has changed since this game was saved,"
                            " so it cannot be replayed exactly").format(scenario=scenario.id))
    try:
        return start(scenario, log.role or None, log.seed)
    except ValueError as err:
        raise does_not_replay(err) from None


def does_not_replay(err: ValueError) -> ReplayError:
    return ReplayError(_("the save does not replay on this scenario: {reason}").format(reason=err))


def replay(scenario: Scenario, log: Log, upto: int | None = None) -> State:
    """Rebuild the game a log describes (its first `upto` choices), exactly as it was played."""
    state = begin(scenario, log)
    try:
        for choice in log.choices[:upto]:
            state = resolve(state, choice).state
    except ValueError as err:
        raise does_not_replay(err) from None
    return state


def digest(state: State) -> str:
    """A short fingerprint of everything that makes a state what it is; equal games, equal digests."""
    parts = (state.scenario.id, state.scenario.content_hash, state.role, state.seed, state.turn, state.meters,
             tuple(sorted(state.flags)), state.card, state.seen, state.queue, state.choices, state.ending)
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]
