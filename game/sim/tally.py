"""What a batch of games adds up to: counts that merge by addition, so any split into workers gives the same total."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.fast import Played
from game.engine.model import Scenario, SetMeter, Shift


def touched(scenario: Scenario) -> tuple:
    """Per card, option and outcome: the indices of the meters its effects shift or set."""
    return tuple(tuple(tuple(sorted({e.meter for e in out.effects if isinstance(e, (Shift, SetMeter))})
                             for out in opt.outcomes) for opt in card.options) for card in scenario.cards)


@dataclass
class Tally:
    """Counts over finished games of one role. Everything is a sum, so `merge` is order-free and exact."""

    cards: int  # how many cards the scenario has
    timeout: str = ""  # the calendar's ending: a loss by it on the last turn has no decision to blame
    max_turns: int = 0
    runs: int = 0
    path_runs: int = 0  # games whose meter paths are counted (see runner.PATH_SAMPLE)
    decisions: int = 0  # turns on which a card was played
    endings: dict[str, int] = field(default_factory=dict)
    results: dict[str, int] = field(default_factory=lambda: {"win": 0, "loss": 0, "draw": 0})
    turns: dict[int, int] = field(default_factory=dict)  # the turn each game ended on -> games
    drawn: list[int] = field(default_factory=list)  # per card: games that drew it
    chosen: dict[tuple[int, int], int] = field(default_factory=dict)  # (card, option) -> times chosen
    # Meter paths as changes, so a game costs a few counts per change, not one per meter per turn:
    # spans[meter][(turn, value)] is how many more games hold that value at the end of that turn and on.
    spans: list[dict[tuple[int, int], int]] = field(default_factory=list)
    # (ending, card, option, outcome) of each loss's last decision -> losses; card -1: no decision
    losses: dict[tuple[str, int, int, int], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.drawn:
            self.drawn = [0] * self.cards

    def add(self, game: Played, first_turn: int, start_meters: tuple[int, ...], touched: tuple,
            path: bool = True) -> None:
        """Count one game played from `first_turn` with `start_meters` (a continuation starts mid-game).
        `touched[card][option][outcome]` names the meters that outcome's effects change (see `touched`);
        `path` says whether to count the game's meter path too."""
        self.runs += 1
        steps = game.steps
        self.decisions += len(steps)
        ending = game.ending
        self.endings[ending] = self.endings.get(ending, 0) + 1
        result = game.result
        self.results[result] += 1
        self.turns[game.turn] = self.turns.get(game.turn, 0) + 1
        drawn, chosen = self.drawn, self.chosen
        for card in {step[1] for step in steps}:
            drawn[card] += 1
        for _t, card, option, _k, _m in steps:
            key = (card, option)
            chosen[key] = chosen.get(key, 0) + 1
        if path:
            self.path_runs += 1
            self._meter_path(steps, first_turn, game.turn, start_meters, touched)
        if result == "loss":
            by_calendar = ending == self.timeout and game.turn >= self.max_turns
            last = steps[-1] if steps and not by_calendar else None
            key = (ending, last[1], last[2], last[3]) if last else (ending, -1, -1, -1)
            self.losses[key] = self.losses.get(key, 0) + 1

    def _meter_path(self, steps, first_turn: int, last_turn: int, before: tuple[int, ...], touched) -> None:
        spans = self.spans
        if not spans:
            spans.extend({} for _ in before)
        for span, v in zip(spans, before):
            key = (first_turn, v)
            span[key] = span.get(key, 0) + 1
        for t, card, option, k, after in steps:
            # Only the meters this outcome's effects name can have moved: look at those alone.
            for j in touched[card][option][k]:
                old, new = before[j], after[j]
                if old != new:
                    span = spans[j]
                    key = (t, old)  # the value after turn t's decision is turn t's value
                    span[key] = span.get(key, 0) - 1
                    key = (t, new)
                    span[key] = span.get(key, 0) + 1
            before = after
        for span, v in zip(spans, before):
            key = (last_turn + 1, v)
            span[key] = span.get(key, 0) - 1

    def meter_counts(self, meter: int) -> list[dict[int, int]]:
        """For turn 1, 2, ...: {value at the end of that turn: games still going then}, over the path runs."""
        span = self.spans[meter] if self.spans else {}
        by_turn: dict[int, list[tuple[int, int]]] = {}
        for (t, v), d in span.items():
            by_turn.setdefault(t, []).append((v, d))
        last = max((t for t, _v in span), default=1) - 1  # each path's last entry is the turn after it ends
        running: dict[int, int] = {}
        out = []
        for t in range(1, last + 1):
            for v, d in by_turn.get(t, ()):
                running[v] = running.get(v, 0) + d
            out.append({v: c for v, c in running.items() if c})
        return out

    def merge(self, other: "Tally") -> None:
        self.runs += other.runs
        self.path_runs += other.path_runs
        self.decisions += other.decisions
        for mine, theirs in ((self.endings, other.endings), (self.results, other.results),
                             (self.turns, other.turns), (self.chosen, other.chosen), (self.losses, other.losses)):
            for key, count in theirs.items():
                mine[key] = mine.get(key, 0) + count
        self.drawn = [a + b for a, b in zip(self.drawn, other.drawn)]
        if not self.spans:
            self.spans = [{} for _ in other.spans]
        for mine, theirs in zip(self.spans, other.spans):
            for key, count in theirs.items():
                mine[key] = mine.get(key, 0) + count
