"""The frozen objects a scenario is made of, once loaded: what the engine plays."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Literal, Mapping, Union

from .expr import Expr

Result = Literal["win", "loss", "draw"]


@dataclass(frozen=True, slots=True)
class Source:
    """A document the scenario draws on; cards cite it by id."""

    id: str
    outlet: str
    date: str
    summary: str
    title: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class Citation:
    source: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Meter:
    id: str
    label: str
    description: str
    lo: int
    hi: int
    start: int
    start_by_role: Mapping[str, int] = field(default_factory=dict)
    short: str = ""  # a shorter label for narrow screens; empty: the label itself

    def start_for(self, role: str) -> int:
        return self.start_by_role.get(role, self.start)


@dataclass(frozen=True, slots=True)
class Faction:
    id: str
    name: str
    description: str
    meters: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Flag:
    id: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    name: str
    briefing: str
    goals: tuple[str, ...] = ()
    title: str = ""
    score: Expr | None = None  # what a greedy bot maximises; None: derived from the endings


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    id: str
    name: str
    description: str
    kind: str = ""
    sources: tuple[Citation, ...] = ()


# Effects: a small orthogonal set. Meter effects carry the meter's index for the hot path.
@dataclass(frozen=True, slots=True)
class Shift:
    meter: int
    by: int


@dataclass(frozen=True, slots=True)
class SetMeter:
    meter: int
    to: int


@dataclass(frozen=True, slots=True)
class SetFlag:
    flag: str
    value: bool


@dataclass(frozen=True, slots=True)
class Queue:
    card: str
    after: int


@dataclass(frozen=True, slots=True)
class End:
    ending: str


Effect = Union[Shift, SetMeter, SetFlag, Queue, End]


@dataclass(frozen=True, slots=True)
class Outcome:
    chance: Expr | None  # None: takes what the other outcomes leave (see rules.outcome_chances)
    text: str
    effects: tuple[Effect, ...] = ()


@dataclass(frozen=True, slots=True)
class Option:
    label: str
    outcomes: tuple[Outcome, ...]
    condition: Expr | None = None
    unavailable: str = ""  # why the option is greyed out when its condition does not hold
    historical: bool = False  # what really happened


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    title: str
    text: str
    options: tuple[Option, ...]
    roles: frozenset[str]
    condition: Expr | None = None
    weight: Expr | None = None  # None: 1
    first_turn: int = 1  # the date window, as turns (inclusive)
    last_turn: int = 1 << 30
    once: bool = True
    cooldown: int = 0
    tags: tuple[str, ...] = ()
    sources: tuple[Citation, ...] = ()
    historical: bool = False
    note: str = ""  # the reasoning behind the odds, for teachers


@dataclass(frozen=True, slots=True)
class Ending:
    id: str
    title: str
    text: str
    results: Mapping[str, Result]
    condition: Expr | None = None  # None: reached only through an effect or the calendar
    priority: int = 0
    history: str = ""
    sources: tuple[Citation, ...] = ()

    def result_for(self, role: str) -> Result:
        return self.results.get(role, "draw")


@dataclass(frozen=True, slots=True)
class Calendar:
    start: _dt.date
    days_per_turn: int
    max_turns: int
    timeout_ending: str

    def date_of(self, turn: int) -> _dt.date:
        return self.start + _dt.timedelta(days=(turn - 1) * self.days_per_turn)

    def turn_of(self, date: _dt.date) -> int:
        """The turn whose period contains `date` (turn 1 starts on the start date)."""
        return (date - self.start).days // self.days_per_turn + 1


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    version: str
    description: str
    meters: tuple[Meter, ...]
    roles: tuple[Role, ...]
    cards: tuple[Card, ...]
    endings: tuple[Ending, ...]
    calendar: Calendar
    factions: tuple[Faction, ...] = ()
    flags: tuple[Flag, ...] = ()
    sources: tuple[Source, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    authors: tuple[str, ...] = ()
    licence: str = ""
    languages: tuple[str, ...] = ("en",)
    content_hash: str = ""  # sha256 over the scenario's files; a save names it
    path: str = ""  # the folder it was loaded from, for messages

    def __post_init__(self) -> None:
        # Lookup tables, built once; the dataclass stays frozen.
        set_ = object.__setattr__
        set_(self, "_meter_index", {m.id: i for i, m in enumerate(self.meters)})
        set_(self, "_card_index", {c.id: i for i, c in enumerate(self.cards)})
        set_(self, "_endings", {e.id: e for e in self.endings})
        set_(self, "_roles", {r.id: r for r in self.roles})
        set_(self, "_sources", {s.id: s for s in self.sources})
        set_(self, "_checked_endings", tuple(
            sorted((e for e in self.endings if e.condition is not None), key=lambda e: -e.priority)
        ))

    def __getstate__(self) -> dict:
        # Worker processes receive scenarios pickled: leave out the per-role tables the rules cache
        # (they hold compiled closures, and are rebuilt on first use).
        return {k: v for k, v in self.__dict__.items() if k != "_tables"}

    def meter_index(self, meter_id: str) -> int:
        return self._meter_index[meter_id]  # type: ignore[attr-defined]

    def card_index(self, card_id: str) -> int:
        return self._card_index[card_id]  # type: ignore[attr-defined]

    def card(self, card_id: str) -> Card:
        return self.cards[self.card_index(card_id)]

    def ending(self, ending_id: str) -> Ending:
        return self._endings[ending_id]  # type: ignore[attr-defined]

    def role(self, role_id: str) -> Role:
        return self._roles[role_id]  # type: ignore[attr-defined]

    def source(self, source_id: str) -> Source | None:
        return self._sources.get(source_id)  # type: ignore[attr-defined]

    @property
    def checked_endings(self) -> tuple[Ending, ...]:
        """Endings with a condition, in the order they are checked (highest priority first)."""
        return self._checked_endings  # type: ignore[attr-defined]

    def faction_of(self, meter_id: str) -> Faction | None:
        for faction in self.factions:
            if meter_id in faction.meters:
                return faction
        return None

