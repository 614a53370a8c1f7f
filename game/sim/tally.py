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
    """Counts over finished games, seen by one role. Everything is a sum, so `merge` is order-free and exact.

    In a two-sided (format 2) game every role has its own tally of the same games: the endings, turns
    and meter paths are the same in each, while results, the cards drawn and options chosen (its own
    decisions, and the world's events) and the causes of a loss are the role's own."""

    cards: int  # how many cards the scenario has
    timeout: str = ""  # the calendar's ending: a loss by it on the last turn has no decision to blame
    max_turns: int = 0
    role: str = ""  # whose results these are
    slot: int = -1  # format 2: the role's place in the turn order (its own decisions count); -1: every decision
    events: tuple[int, ...] = ()  # format 2: the world's event cards, found drawn in the game's `seen`
    world: int = 0  # format 2: where the world's entries start in `seen`
    runs: int = 0
    path_runs: int = 0  # games whose meter paths are counted (see runner.PATH_SAMPLE)
    decisions: int = 0  # decisions taken in the games, by every role
    endings: dict[str, int] = field(default_factory=dict)
    results: dict[str, int] = field(default_factory=lambda: {"win": 0, "loss": 0, "draw": 0})
    turns: dict[int, int] = field(default_factory=dict)  # the turn each game ended on -> games
    drawn: list[int] = field(default_factory=list)  # per card: games that drew it
    chosen: dict[tuple[int, int], int] = field(default_factory=dict)  # (card, option) -> times chosen
    # Meter paths as changes, so a game costs a few counts per change, not one per meter per turn:
    # spans[meter][(turn, value)] is how many more games hold that value at the end of that turn and on.
    spans: list[dict[tuple[int, int], int]] = field(default_factory=list)
    # (ending, card, option, outcome, slot) of each loss's last decision, whoever took it -> losses;
    # card -1: no decision to blame
    losses: dict[tuple[str, int, int, int, int], int] = field(default_factory=dict)
    # Turns on which the role had no card to draw (its turn passed): turn -> games, and how many turns the
    # role was due to act in all (the share's denominator).
    idle: dict[int, int] = field(default_factory=dict)
    due: int = 0

    def __post_init__(self) -> None:
        if not self.drawn:
            self.drawn = [0] * self.cards

    def add(self, game: Played, first_turn: int, start_meters: tuple[int, ...], touched: tuple | None,
            path: bool = True, start_seen: tuple[int, ...] | None = None) -> None:
        """Count one game played from `first_turn` with `start_meters` (a continuation starts mid-game,
        and `start_seen` is its state's `seen`). `touched[card][option][outcome]` names the meters that
        outcome's effects change (see `touched`); None: any meter may change between decisions (the
        world's events move them too). `path` says whether to count the game's meter path."""
        self.runs += 1
        steps = game.steps
        self.decisions += len(steps)
        ending = game.ending
        self.endings[ending] = self.endings.get(ending, 0) + 1
        result = game.result_for(self.role)
        self.results[result] += 1
        self.turns[game.turn] = self.turns.get(game.turn, 0) + 1
        drawn, chosen = self.drawn, self.chosen
        mine = steps if self.slot < 0 else [step for step in steps if step[5] == self.slot]
        for card in {step[1] for step in mine}:
            drawn[card] += 1
        for step in mine:
            key = (step[1], step[2])
            chosen[key] = chosen.get(key, 0) + 1
        self._idle(game, mine, first_turn + (start_seen is not None))
        if self.events:
            seen, base = game.seen, self.world
            for i in self.events:
                code = base + i
                if seen[code] and (start_seen is None or seen[code] != start_seen[code]):
                    drawn[i] += 1
        if path:
            self.path_runs += 1
            self._meter_path(steps, first_turn, game.turn, start_meters, touched, game.meters)
        if result == "loss":
            by_calendar = ending == self.timeout and game.turn >= self.max_turns
            last = steps[-1] if steps and not by_calendar else None
            key = (ending, last[1], last[2], last[3], last[5]) if last else (ending, -1, -1, -1, -1)
            self.losses[key] = self.losses.get(key, 0) + 1

    def _idle(self, game: Played, mine, first: int) -> None:
        """Count the turns from `first` on which the role drew no card. On the game's last turn only when its
        move is sure to have come: the calendar ran out, or a role after it in the order moved."""
        acted = {step[0] for step in mine}
        last = game.turn
        whole_last = game.ending == self.timeout and last >= self.max_turns
        if not whole_last and self.slot >= 0:
            whole_last = any(step[0] == last and step[5] > self.slot for step in game.steps)
        for t in range(first, last + (1 if whole_last else 0)):
            self.due += 1
            if t not in acted:
                self.idle[t] = self.idle.get(t, 0) + 1

    def _meter_path(self, steps, first_turn: int, last_turn: int, before: tuple[int, ...], touched,
                    final: tuple[int, ...]) -> None:
        spans = self.spans
        if not spans:
            spans.extend({} for _ in before)
        for span, v in zip(spans, before):
            key = (first_turn, v)
            span[key] = span.get(key, 0) + 1
        every = range(len(before))
        for step in steps:
            t, card, option, k, after = step[0], step[1], step[2], step[3], step[4]
            # Only the meters this outcome's effects name can have moved: look at those alone.
            for j in (touched[card][option][k] if touched is not None else every):
                old, new = before[j], after[j]
                if old != new:
                    span = spans[j]
                    key = (t, old)  # the value after turn t's decision is turn t's value
                    span[key] = span.get(key, 0) - 1
                    key = (t, new)
                    span[key] = span.get(key, 0) + 1
            before = after
        # The world's events may move meters after the last decision (and end the game): the values
        # the game ends with are its last turn's. In format 1 they are the last decision's.
        for j in every:
            old, new = before[j], final[j]
            if old != new:
                span = spans[j]
                key = (last_turn, old)
                span[key] = span.get(key, 0) - 1
                key = (last_turn, new)
                span[key] = span.get(key, 0) + 1
        for span, v in zip(spans, final):
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
        self.due += other.due
        for mine, theirs in ((self.endings, other.endings), (self.results, other.results),
                             (self.turns, other.turns), (self.chosen, other.chosen), (self.losses, other.losses),
                             (self.idle, other.idle)):
            for key, count in theirs.items():
                mine[key] = mine.get(key, 0) + count
        self.drawn = [a + b for a, b in zip(self.drawn, other.drawn)]
        if not self.spans:
            self.spans = [{} for _ in other.spans]
        for mine, theirs in zip(self.spans, other.spans):
            for key, count in theirs.items():
                mine[key] = mine.get(key, 0) + count
