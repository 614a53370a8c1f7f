"""The frozen objects a scenario is made of, once loaded: what the engine plays."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Literal, Mapping

from game.i18n import _, format_date, format_days, format_month

from .effects import KINDS, Effect, End, Queue, SetFlag, SetMeter, Shift
from .expr import Expr

Result = Literal["win", "loss", "draw"]
FORMATS = (1, 2)  # the scenario formats this engine plays


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
class Happened:
    """When the event a historical card tells really happened: one day (first == last), a whole month, a whole
    year, or the days from first to last (inclusive). A card is drawn anywhere in its window; this is the real
    date."""

    first: _dt.date
    last: _dt.date

    @property
    def year(self) -> bool:
        """Whether it spans one calendar year, 1 January to 31 December."""
        return (self.first.year == self.last.year and (self.first.month, self.first.day) == (1, 1)
                and (self.last.month, self.last.day) == (12, 31))

    @property
    def month(self) -> bool:
        """Whether it spans one calendar month, first day to last."""
        after = self.last + _dt.timedelta(days=1)
        return (self.first.day == 1 and after.day == 1 and self.first.year == self.last.year
                and self.first.month == self.last.month)


def happened_text(happened: Happened | None, shown: _dt.date | None = None) -> str:
    """What a historical card's tag says: when its event really happened, in the words of the game's dates (a
    card is drawn anywhere in its window, so its own date is not the day it happened). A card shown on the very
    day it happened says no more than "this happened": the date beside the tag already names that day, and the
    line stays one line on a narrow screen."""
    if happened is None or happened.first == happened.last == shown:
        return _("this happened")
    if happened.first == happened.last:
        return _("this happened on {date}").format(date=format_date(happened.first))
    if happened.year:
        return _("this happened in {year}").format(year=happened.first.year)
    if happened.month:
        return _("this happened in {month}").format(month=format_month(happened.first))
    return _("this happened {days}").format(days=format_days(happened.first, happened.last))


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
    hidden_from: frozenset[str] = frozenset()  # roles that may not see it (format 2)

    def visible_to(self, role: str | None) -> bool:
        return role is None or role not in self.hidden_from

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


# Effects (Shift, SetMeter, SetFlag, Queue, End) live in effects.py, each kind with all of its parts;
# they are imported above so that the model's users find them here too.
__all__ = ["Calendar", "Card", "Citation", "Effect", "End", "Ending", "Faction", "Flag", "FORMATS", "GlossaryEntry",
           "KINDS", "Meter", "Option", "Outcome", "Queue", "Result", "Role", "Scenario", "SetFlag", "SetMeter",
           "Shift", "Source"]


@dataclass(frozen=True, slots=True)
class Outcome:
    chance: Expr | None  # None: takes what the other outcomes leave (see rules.outcome_chances)
    text: str
    effects: tuple[Effect, ...] = ()
    label: str = ""  # a short name shown with the odds ("the crowd holds")


@dataclass(frozen=True, slots=True)
class Option:
    label: str
    outcomes: tuple[Outcome, ...]
    condition: Expr | None = None
    unavailable: str = ""  # why the option is greyed out when its condition does not hold
    historical: bool = False  # what really happened
    roles: frozenset[str] | None = None  # the roles that may take it; None: every role that draws the card

    def open_to(self, role: str) -> bool:
        return self.roles is None or role in self.roles


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
    texts: Mapping[str, str] = field(default_factory=dict)  # a role's own text, where it has one
    event: bool = False  # a world event (format 2): nobody decides, its one option's outcome is rolled
    fixed_turn: int = 0  # played on this turn (from a date), before any random draw; 0: drawn as usual
    day: _dt.date | None = None  # the date it is fixed to (`on:`): the day it shows, within its turn
    happened: Happened | None = None  # on a historical card: when its event really happened

    def text_for(self, role: str | None) -> str:
        return self.texts.get(role, self.text) if role else self.text


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
    texts: Mapping[str, str] = field(default_factory=dict)  # a role's own text, where it has one

    def result_for(self, role: str) -> Result:
        return self.results.get(role, "draw")

    def text_for(self, role: str | None) -> str:
        return self.texts.get(role, self.text) if role else self.text


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
    format: int = 1  # 1: the player's role alone acts; 2: every role acts each turn, in `order`
    order: tuple[str, ...] = ()  # format 2: the roles' turn order
    event_chance: Expr | None = None  # format 2: each turn's chance of a random world event

    @property
    def two_sided(self) -> bool:
        return self.format >= 2

    def acting(self, role: str | None) -> tuple[str, ...]:
        """The roles that act in a game: in format 2 every role, in turn order; in format 1 the one played."""
        return self.order if self.format >= 2 else ((role,) if role else ())

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

