"""The record of one game: its seats, its first state and every step played, which the screens and the debrief read."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine import (
    CardDrawn, EndingReached, Log, MeterChanged, OptionChosen, OptionView, OutcomeRolled, Scenario, State, Turn,
    TurnPassed, log_of, options, resolve, start,
)
from game.engine.replay import begin, does_not_replay

from .seats import PERSON, Seats, bot_choice


@dataclass(frozen=True, slots=True)
class WorldEvent:
    """Something the world did after a decision: the event drawn, the outcome rolled, and what changed."""

    drawn: CardDrawn
    rolled: OutcomeRolled
    events: tuple  # its MeterChanged, FlagChanged and FollowUpQueued, in order


def happenings(events: tuple) -> tuple[WorldEvent | TurnPassed, ...]:
    """What came about without a decision, in order: each world event (drawn, rolled, and the changes it
    made) and each turn a role passed for want of a card."""
    found: list[WorldEvent | TurnPassed] = []
    k = 0
    while k < len(events):
        e = events[k]
        if isinstance(e, CardDrawn) and not e.role and k + 1 < len(events) and isinstance(events[k + 1], OutcomeRolled):
            j = k + 2
            while j < len(events) and not isinstance(events[j], (CardDrawn, TurnPassed, EndingReached)):
                j += 1
            found.append(WorldEvent(e, events[k + 1], tuple(events[k + 2:j])))
            k = j
        else:
            if isinstance(e, TurnPassed):
                found.append(e)
            k += 1
    return tuple(found)


def world_events(events: tuple) -> tuple[WorldEvent, ...]:
    """The world's events among a turn's events: each drawn event, its roll, and the changes it made."""
    return tuple(h for h in happenings(events) if isinstance(h, WorldEvent))


@dataclass(frozen=True, slots=True)
class Prologue:
    """What the world did before anyone's first move in a two-sided game: the events `start` played."""

    meters_before: tuple[int, ...]  # the scenario's start values, before the events
    after: State  # the game's first state
    world: tuple[WorldEvent, ...]
    happened: tuple = ()  # the world's events and the turns passed for want of a card, in order

    role = ""  # nobody's move: the world's

    @property
    def before(self) -> State:
        return self.after  # the date and turn it happened on

    @classmethod
    def of(cls, first: State) -> "Prologue | None":
        """The world's opening events, replayed the way `rules.start` plays them (it keeps no events);
        None when there were none. tests/tui/test_two_sided.py checks the replay ends in `first`."""
        from game.engine.core import Game, advance
        from game.engine.rules import game_table

        sc = first.scenario
        if not sc.two_sided:
            return None
        tb = game_table(sc, None)
        meters = list(tb.start_meters)
        seen = [0] * (tb.ncards * (len(tb.slots) + 1))
        events: list = []
        advance(tb, Game(tb, first.seed), 1, 0, meters, set(), seen, [], None, events, check=False)
        happened = happenings(tuple(events))
        world = tuple(h for h in happened if isinstance(h, WorldEvent))
        return cls(tuple(tb.start_meters), first, world, happened) if happened else None


@dataclass(frozen=True, slots=True)
class Step:
    """One decision: the state it was made in, the options as they stood, who made it, and what followed."""

    before: State
    views: tuple[OptionView, ...]
    turn: Turn
    seat: str = PERSON  # PERSON, or the bot policy that chose

    @property
    def role(self) -> str:
        return self.before.role

    @property
    def chosen(self) -> OptionChosen:
        return next(e for e in self.turn.events if isinstance(e, OptionChosen))

    @property
    def rolled(self) -> OutcomeRolled:
        return next(e for e in self.turn.events if isinstance(e, OutcomeRolled))

    @property
    def view(self) -> OptionView:
        """The chosen option as it stood (views hold only the options open to the role: find it by index)."""
        index = self.chosen.option
        return next(v for v in self.views if v.index == index)

    @property
    def changes(self) -> tuple[MeterChanged, ...]:
        """Every meter change the step brought, the world's included."""
        return tuple(e for e in self.turn.events if isinstance(e, MeterChanged))

    @property
    def own(self) -> tuple:
        """What the decision itself changed: the events after its roll, up to the world's or the next draw."""
        events = self.turn.events
        start = events.index(self.rolled) + 1
        out = []
        for e in events[start:]:
            if isinstance(e, (CardDrawn, TurnPassed, EndingReached)):
                break
            out.append(e)
        return tuple(out)

    @property
    def world(self) -> tuple[WorldEvent, ...]:
        """The world's events that followed the decision (when the turn reached their day, or at the start
        of the next turn), in order."""
        return world_events(self.turn.events)

    @property
    def happened(self) -> tuple[WorldEvent | TurnPassed, ...]:
        """The world's events and the turns passed for want of a card after the decision, in order."""
        return happenings(self.turn.events)

    @property
    def passed(self) -> tuple[TurnPassed, ...]:
        return tuple(e for e in self.turn.events if isinstance(e, TurnPassed))

    @property
    def ending(self) -> EndingReached | None:
        return next((e for e in self.turn.events if isinstance(e, EndingReached)), None)

    @property
    def after(self) -> State:
        return self.turn.state

    @property
    def meters_before(self) -> tuple[int, ...]:
        return self.before.meters

    def band(self) -> tuple[float, float]:
        """The stretch of [0, 1) the roll had to land in for this outcome."""
        chances = self.view.chances
        k = self.rolled.outcome
        low = sum(chances[:k])
        return low, low + chances[k]


@dataclass(frozen=True, slots=True)
class Record:
    """A game as it was played. A value: `play` returns a new record, the old one is untouched."""

    first: State
    steps: tuple[Step, ...] = ()
    seats: Seats | None = None  # None: the one role of a format-1 game, played by a person
    prologue: Prologue | None = None  # the world's events before the first move (format 2), if any
    # The bots' choosers, worked out once per game and shared by the records that follow.
    choosers: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def new(cls, scenario: Scenario, role: str, seed: int, seats: Seats | None = None) -> "Record":
        """A new game with `role` played by a person (a two-sided game: against `seats`, by default the
        default bot); the bots move at once if one plays first."""
        seats = seats or Seats.against(scenario, role)
        first = start(scenario, None if scenario.two_sided else seats.player, seed)
        return cls(first, (), seats, Prologue.of(first)).play_bots()

    @classmethod
    def restore(cls, scenario: Scenario, log: Log, seats: Seats | None = None) -> "Record":
        """Rebuild a saved game step by step; ReplayError if the log does not fit this scenario."""
        first = begin(scenario, log)
        record = cls(first, (), seats or Seats.solo(log.role), Prologue.of(first))
        try:
            for choice in log.choices:
                record = record.play(choice)
            return record.play_bots()
        except ValueError as err:
            raise does_not_replay(err) from None

    @property
    def state(self) -> State:
        return self.steps[-1].after if self.steps else self.first

    @property
    def scenario(self) -> Scenario:
        return self.first.scenario

    @property
    def log(self) -> Log:
        return log_of(self.state)

    @property
    def player(self) -> str:
        """The role of the (first) person playing."""
        return self.seats.player if self.seats else self.first.role

    def person_to_move(self) -> bool:
        return self.seats is None or self.seats.person(self.state.role)

    def options(self) -> tuple[OptionView, ...]:
        return options(self.state)

    def play(self, index: int) -> "Record":
        """Play option `index` (its index on the card) for the role to move (IllegalMove if the rules forbid it)."""
        state = self.state
        views = options(state)
        seat = self.seats.of(state.role) if self.seats else PERSON
        return Record(self.first, self.steps + (Step(state, views, resolve(state, index), seat),), self.seats,
                      self.prologue, self.choosers)

    def play_bots(self) -> "Record":
        """The bots' moves, until a person is to move or the game is over."""
        record = self
        while not record.state.over and not record.person_to_move():
            state = record.state
            record = record.play(bot_choice(state, record.seats.of(state.role), record.choosers))
        return record

    def previous_meters(self, role: str | None = None) -> tuple[int, ...]:
        """The meters before the last decision (of `role`, when given): what "change since" is measured against."""
        for step in reversed(self.steps):
            if role is None or step.role == role:
                return step.before.meters
        return self.first.meters

    def series(self) -> dict[str, list[int]]:
        """Every meter's value at the start and after each decision."""
        states = [self.first] + [s.after for s in self.steps]
        return {m.id: [st.meters[i] for st in states] for i, m in enumerate(self.scenario.meters)}

    def turning_points(self, most: int = 3) -> list[int]:
        """The steps (indices) that moved the meters most, each change weighed by its meter's range."""
        spans = {m.id: max(1, m.hi - m.lo) for m in self.scenario.meters}
        weight = [sum(abs(c.after - c.before) / spans[c.meter] for c in s.changes) for s in self.steps]
        ranked = sorted((w, -i) for i, w in enumerate(weight) if w > 0)
        return sorted(-i for _w, i in ranked[-most:])
