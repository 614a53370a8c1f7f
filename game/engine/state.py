"""The state of one game, the turn record `resolve` returns, and the plain events it holds."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model imports effects, which import these events: no import at run time
    from .model import Result, Scenario


@dataclass(frozen=True, slots=True)
class State:
    """Everything about a game at a decision. A value: `resolve` returns a new one.

    `role` is the role to move: in format 1 always the role played, in format 2 whichever role's card
    is on the table. `seen` and the queue's card codes count a card once per acting role: entry
    `slot * len(cards) + card` (the world's events use the slot after the last role), so in format 1
    they are simply card indices."""

    scenario: Scenario = field(repr=False, compare=False)
    role: str
    seed: int
    turn: int  # the turn being played, from 1
    meters: tuple[int, ...]
    flags: frozenset[str]
    card: int  # index of the card on the table; -1 once the game is over
    seen: tuple[int, ...]  # per card: the last turn it was drawn, 0 if never
    queue: tuple[tuple[int, int], ...]  # follow-ups: (due turn, card index), in the order queued
    choices: tuple[int, ...] = ()
    ending: str | None = None

    @property
    def over(self) -> bool:
        return self.ending is not None

    @property
    def roles(self) -> tuple[str, ...]:
        """The roles that act in this game, in turn order."""
        return self.scenario.acting(self.role)

    def result_for(self, role: str) -> Result | None:
        if self.ending is None:
            return None
        return self.scenario.ending(self.ending).result_for(role)

    @property
    def current_card(self):
        return self.scenario.cards[self.card] if self.card >= 0 else None

    def meter(self, meter_id: str) -> int:
        return self.meters[self.scenario.meter_index(meter_id)]

    @property
    def date(self) -> _dt.date:
        """The first day of the turn being played."""
        return self.scenario.calendar.date_of(self.turn)

    @property
    def day(self) -> _dt.date:
        """The day the game has reached: the date the card on the table shows (or, once the game is over,
        the date of its ending). It never goes back within a turn (see core.reached)."""
        from .core import reached, table

        return reached(table(self.scenario, self.roles), self.turn, self.seen)

    @property
    def result(self) -> Result | None:
        if self.ending is None:
            return None
        return self.scenario.ending(self.ending).result_for(self.role)


@dataclass(frozen=True, slots=True)
class OptionView:
    """An option as the player sees it now: whether it can be taken, and the odds of each outcome."""

    index: int  # the option's index on the card: what `resolve` takes
    label: str
    available: bool
    reason: str  # why not, when unavailable
    chances: tuple[float, ...]
    historical: bool
    labels: tuple[str, ...] = ()  # each outcome's short label ("" where it has none)
    ends: tuple[str | None, ...] = ()  # per outcome: the ending it would bring about now, else None


# Events: plain records of what happened in a turn, in order. A `day` is the day the turn had reached
# (see core.reached): in the order events come, it never goes back within a turn.
@dataclass(frozen=True, slots=True)
class CardDrawn:
    turn: int
    card: str
    follow_up: bool = False
    role: str = ""  # who draws it; "" for a world event
    day: _dt.date | None = None  # the day it shows


@dataclass(frozen=True, slots=True)
class TurnPassed:
    turn: int
    reason: str
    role: str = ""
    day: _dt.date | None = None


@dataclass(frozen=True, slots=True)
class OptionChosen:
    turn: int
    card: str
    option: int
    label: str
    role: str = ""


@dataclass(frozen=True, slots=True)
class OutcomeRolled:
    turn: int
    card: str
    option: int
    outcome: int
    probability: float  # the chance this outcome had
    roll: float  # the draw in [0, 1) that picked it
    text: str
    role: str = ""  # who chose; "" for a world event
    label: str = ""  # the outcome's short label, when the scenario gives one
    day: _dt.date | None = None  # the day it happened: its card's


@dataclass(frozen=True, slots=True)
class MeterChanged:
    meter: str
    before: int
    after: int


@dataclass(frozen=True, slots=True)
class FlagChanged:
    flag: str
    value: bool


@dataclass(frozen=True, slots=True)
class FollowUpQueued:
    card: str
    due: int


@dataclass(frozen=True, slots=True)
class EndingReached:
    turn: int
    ending: str
    result: Result
    day: _dt.date | None = None


Event = CardDrawn | TurnPassed | OptionChosen | OutcomeRolled | MeterChanged | FlagChanged | FollowUpQueued | EndingReached


@dataclass(frozen=True, slots=True)
class Turn:
    """What `resolve` returns: the new state and what happened on the way to it."""

    state: State
    events: tuple[Event, ...]

    @property
    def ending(self) -> str | None:
        return self.state.ending
