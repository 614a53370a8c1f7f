"""The record of one game: its first state and every step played, which the screens and the debrief read."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import (
    Log, MeterChanged, OptionChosen, OptionView, OutcomeRolled, Scenario, State, Turn, log_of, options, resolve,
    start,
)
from game.engine.replay import begin, does_not_replay


@dataclass(frozen=True, slots=True)
class Step:
    """One played turn: the state the choice was made in, the options as they stood, and what followed."""

    before: State
    views: tuple[OptionView, ...]
    turn: Turn

    @property
    def chosen(self) -> OptionChosen:
        return next(e for e in self.turn.events if isinstance(e, OptionChosen))

    @property
    def rolled(self) -> OutcomeRolled:
        return next(e for e in self.turn.events if isinstance(e, OutcomeRolled))

    @property
    def changes(self) -> tuple[MeterChanged, ...]:
        return tuple(e for e in self.turn.events if isinstance(e, MeterChanged))

    @property
    def after(self) -> State:
        return self.turn.state

    def band(self) -> tuple[float, float]:
        """The stretch of [0, 1) the roll had to land in for this outcome."""
        chances = self.views[self.chosen.option].chances
        k = self.rolled.outcome
        low = sum(chances[:k])
        return low, low + chances[k]


@dataclass(frozen=True, slots=True)
class Record:
    """A game as it was played. A value: `play` returns a new record, the old one is untouched."""

    first: State
    steps: tuple[Step, ...] = ()

    @classmethod
    def new(cls, scenario: Scenario, role: str, seed: int) -> "Record":
        return cls(start(scenario, role, seed))

    @classmethod
    def restore(cls, scenario: Scenario, log: Log) -> "Record":
        """Rebuild a saved game step by step; ReplayError if the log does not fit this scenario."""
        record = cls(begin(scenario, log))
        try:
            for choice in log.choices:
                record = record.play(choice)
        except ValueError as err:
            raise does_not_replay(err) from None
        return record

    @property
    def state(self) -> State:
        return self.steps[-1].after if self.steps else self.first

    @property
    def scenario(self) -> Scenario:
        return self.first.scenario

    @property
    def log(self) -> Log:
        return log_of(self.state)

    def options(self) -> tuple[OptionView, ...]:
        return options(self.state)

    def play(self, index: int) -> "Record":
        """Play option `index` of the card on the table (IllegalMove if the rules forbid it)."""
        state = self.state
        views = options(state)
        return Record(self.first, self.steps + (Step(state, views, resolve(state, index)),))

    def previous_meters(self) -> tuple[int, ...]:
        """The meters before the last turn played: what "change from last turn" is measured against."""
        return self.steps[-1].before.meters if self.steps else self.first.meters

    def series(self) -> dict[str, list[int]]:
        """Every meter's value at the start and after each turn played."""
        states = [self.first] + [s.after for s in self.steps]
        return {m.id: [st.meters[i] for st in states] for i, m in enumerate(self.scenario.meters)}

    def turning_points(self, most: int = 3) -> list[int]:
        """The steps (indices) that moved the meters most, each change weighed by its meter's range."""
        spans = {m.id: max(1, m.hi - m.lo) for m in self.scenario.meters}
        weight = [sum(abs(c.after - c.before) / spans[c.meter] for c in s.changes) for s in self.steps]
        ranked = sorted((w, -i) for i, w in enumerate(weight) if w > 0)
        return sorted(-i for _w, i in ranked[-most:])
