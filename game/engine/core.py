"""The turn machinery shared by `resolve` and the fast runner: plain lists in, an optional event list out.

Everything a turn needs about one role of a scenario is worked out once (a `Table`): the drawable
cards with their compiled conditions and weights, each option's condition, fixed chances when they
do not depend on the game, and its effects as small integer-tagged tuples. The functions below then
work on mutable lists and sets, and append event records only when given a list to append to, so
the public API (which wants events and frozen states) and simulations (which want neither) run the
very same rules.
"""

from __future__ import annotations

from bisect import bisect_right

from .closures import compile_tree, split_flags
from .model import Card, End, Option, Queue, Scenario, SetFlag, SetMeter, Shift
from .rng import unit_at
from .state import CardDrawn, EndingReached, FlagChanged, FollowUpQueued, MeterChanged, TurnPassed

# Effect tags, compared as small ints on the hot path rather than by type.
SHIFT, SET, FLAG, QUEUE, END = range(5)
NO_CARD = "no card could be drawn this turn"


def outcome_chances(option: Option, meters, flags, turn: int) -> tuple[float, ...]:
    """Each outcome's chance: clamped to [0, 1], the open one takes the rest, then scaled to sum to 1."""
    raw = []
    rest = -1
    for k, out in enumerate(option.outcomes):
        ch = out.chance
        if ch is None:
            rest = k
            raw.append(0.0)
            continue
        v = ch.const if ch.const is not None else ch.fn(meters, flags, turn)
        v = float(v)
        raw.append(0.0 if v < 0.0 else 1.0 if v > 1.0 else v)
    if rest >= 0:
        left = 1.0 - sum(raw)
        raw[rest] = left if left > 0.0 else 0.0
    total = sum(raw)
    if total <= 0.0:
        n = len(raw)
        return (1.0 / n,) * n
    if total == 1.0:
        return tuple(raw)
    return tuple(x / total for x in raw)


def _compile_effect(scenario: Scenario, eff) -> tuple:
    cls = type(eff)
    if cls is Shift:
        return (SHIFT, eff.meter, eff.by)
    if cls is SetMeter:
        return (SET, eff.meter, eff.to)
    if cls is SetFlag:
        return (FLAG, eff.flag, eff.value)
    if cls is Queue:
        return (QUEUE, scenario.card_index(eff.card), eff.after)
    if cls is End:
        return (END, eff.ending, None)
    raise TypeError(f"unknown effect {eff!r}")


class Table:
    """What the rules need for one role of one scenario, worked out once."""

    __slots__ = ("cards", "candidates", "bounds", "segments", "by_turn", "check_end", "meter_ids", "meter_lo",
                 "meter_hi", "start_meters", "results", "max_turns", "timeout", "plays", "always")

    def __init__(self, scenario: Scenario, role: str) -> None:
        self.cards = scenario.cards
        # (index, card, first, last, once, cooldown, condition fn, weight const, weight fn)
        self.candidates = tuple(
            (i, c, c.first_turn, c.last_turn, c.once, c.cooldown,
             c.condition.fn if c.condition is not None else None,
             1.0 if c.weight is None else c.weight.const,
             None if c.weight is None or c.weight.const is not None else c.weight.fn)
            for i, c in enumerate(scenario.cards)
            if role in c.roles and not (c.weight is not None and c.weight.const is not None and c.weight.const <= 0)
        )
        # The turn axis cut where any window opens or closes: within a segment the same cards are in
        # their window, so a segment's draw looks at those only (in deck order: the weighted pick needs it).
        self.bounds = sorted({c[2] for c in self.candidates} | {c[3] + 1 for c in self.candidates})
        sizes = sum(sum(1 for c in self.candidates if c[2] <= t <= c[3]) for t in [0] + self.bounds)
        if sizes > MAX_SEGMENT_ENTRIES:  # a huge deck with many windows: one draw over all, windows checked
            self.bounds = []
        self.segments: list = [None] * (len(self.bounds) + 1)
        self.by_turn: dict[int, object] = {}
        self.check_end = _end_check(scenario)
        self.meter_ids = tuple(m.id for m in scenario.meters)
        self.meter_lo = tuple(m.lo for m in scenario.meters)
        self.meter_hi = tuple(m.hi for m in scenario.meters)
        self.start_meters = tuple(m.start_for(role) for m in scenario.meters)
        self.results = {e.id: e.result_for(role) for e in scenario.endings}
        self.max_turns = scenario.calendar.max_turns
        self.timeout = scenario.calendar.timeout_ending
        # Per card, per option: (condition fn, fixed chances or None, option, effects per outcome).
        self.plays = tuple(
            tuple(
                (o.condition.fn if o.condition is not None else None,
                 outcome_chances(o, (), frozenset(), 0)
                 if all(out.chance is None or out.chance.const is not None for out in o.outcomes) else None,
                 o,
                 tuple(tuple(_compile_effect(scenario, e) for e in out.effects) for out in o.outcomes))
                for o in c.options)
            for c in scenario.cards
        )
        # Per card: the option indices when none has a condition (the usual case), else None.
        self.always = tuple(
            tuple(range(len(c.options))) if all(o.condition is None for o in c.options) else None
            for c in scenario.cards
        )


def table(scenario: Scenario, role: str) -> Table:
    cache = scenario.__dict__.setdefault("_tables", {})
    found = cache.get(role)
    if found is None:
        found = cache[role] = Table(scenario, role)
    return found


def pick(chances: tuple[float, ...], roll: float) -> int:
    """The outcome a roll in [0, 1) lands on."""
    acc = 0.0
    for k, p in enumerate(chances):
        acc += p
        if roll < acc:
            return k
    # Rounding can leave the last cumulative a hair under 1: fall to the last outcome with a chance.
    for k in range(len(chances) - 1, -1, -1):
        if chances[k] > 0.0:
            return k
    return len(chances) - 1


def apply(tb: Table, effects: tuple, t: int, meters: list, flags: set, queue: list, events: list | None):
    """Apply one outcome's effects in order; return the ending an `end` effect names, or None."""
    ending = None
    for kind, a, b in effects:
        if kind == SHIFT or kind == SET:
            before = meters[a]
            after = before + b if kind == SHIFT else b
            lo, hi = tb.meter_lo[a], tb.meter_hi[a]
            after = lo if after < lo else hi if after > hi else after
            if after != before:
                meters[a] = after
                if events is not None:
                    events.append(MeterChanged(tb.meter_ids[a], before, after))
        elif kind == FLAG:
            if (a in flags) != b:
                if b:
                    flags.add(a)
                else:
                    flags.discard(a)
                if events is not None:
                    events.append(FlagChanged(a, b))
        elif kind == QUEUE:
            queue.append((t + b, a))
            if events is not None:
                events.append(FollowUpQueued(tb.cards[a].id, t + b))
        elif ending is None:
            ending = a
    return ending


def ending_after(tb: Table, m, f, t: int) -> str | None:
    """The ending turn t leads to with no `end` effect: the first condition that holds, else the
    calendar's timeout on the last turn, else None."""
    ending = tb.check_end(m, f, t)
    if ending is None and t >= tb.max_turns:
        ending = tb.timeout
    return ending


def advance(tb: Table, draws: int, t: int, m, f, seen: list, queue: list, ending: str | None,
            events: list | None, check: bool = True) -> tuple[int, int, str | None]:
    """After turn t: check endings, then move on to the next turn that has a card.

    `draws` is rng.key(seed, rng.DRAW), the game's key for the draw of a card.
    Returns (turn, card index, ending): the card is -1 and the ending set when the game is over.
    With `check` false (the first turn of a game), turn t itself is drawn for without ending checks.
    """
    while True:
        if check:
            if ending is None:
                ending = ending_after(tb, m, f, t)
            if ending is not None:
                if events is not None:
                    events.append(EndingReached(t, ending, tb.results.get(ending, "draw")))
                return t, -1, ending
            t += 1
        check = True
        idx, follow = draw(tb, draws, t, m, f, seen, queue)
        if idx >= 0:
            seen[idx] = t
            if events is not None:
                events.append(CardDrawn(t, tb.cards[idx].id, follow))
            return t, idx, None
        if events is not None:
            events.append(TurnPassed(t, NO_CARD))


def draw(tb: Table, draws: int, t: int, m, f, seen: list, queue: list) -> tuple[int, bool]:
    """The card for turn t: a due follow-up first, else a weighted draw. Removes used follow-ups."""
    if queue:
        k = 0
        while k < len(queue):
            due, idx = queue[k]
            if due > t:
                k += 1
                continue
            del queue[k]
            card: Card = tb.cards[idx]
            if card.once and seen[idx]:
                continue
            if card.condition is not None and not card.condition.fn(m, f, t):
                continue
            return idx, True
    eligible = tb.by_turn.get(t)
    if eligible is None:
        eligible = tb.by_turn[t] = _segment(tb, bisect_right(tb.bounds, t))
    total, picks = eligible(m, f, t, seen)
    if not picks:
        return -1, False
    r = unit_at(draws, t) * total
    for acc, i in picks:
        if r < acc:
            return i, False
    return picks[-1][1], False


# Above this many (segment, card) pairs, one draw function checks every window instead.
MAX_SEGMENT_ENTRIES = 20_000


def _segment(tb: Table, k: int):
    """The draw of segment k, built on first use: the cards whose window covers the segment, in deck
    order (the weighted pick needs it), in a tuple one closure walks. A deck too large to segment
    keeps every card and checks windows as it goes."""
    found = tb.segments[k]
    if found is not None:
        return found
    windowed = not tb.bounds
    at = 0 if k == 0 else tb.bounds[k - 1]
    entries = []
    for i, card, first, last, once, cooldown, cond, wconst, wfn in tb.candidates:
        if not (windowed or first <= at <= last):
            continue
        need = forbid = None
        if cond is not None:
            need, forbid, rest = split_flags(card.condition.tree)
            cond = compile_tree(rest) if rest is not None else None
        # A once-only card is one whose cooldown never ends: one test covers both.
        wait = NEVER_AGAIN if once else cooldown
        entries.append(((i, wait, need or None, forbid or None, cond, wconst, wfn), first, last))
    if windowed:
        # A deck too large to segment (rare): filter by window on each draw.
        def eligible(m, f, t, seen):
            return _bind(tuple(e for e, first, last in entries if first <= t <= last))(m, f, t, seen)
    else:
        eligible = _bind(tuple(e for e, _first, _last in entries))
    tb.segments[k] = eligible
    return eligible


NEVER_AGAIN = 1 << 30  # the cooldown of a once-only card


def _bind(entries: tuple):
    """One closure walking a segment's cards in deck order (the weighted pick needs that order)."""

    def eligible(m, f, t, seen):
        total = 0.0
        picks = []
        for i, wait, need, forbid, cond, wconst, wfn in entries:
            s = seen[i]
            if s and t - s <= wait:
                continue
            if need is not None and not need <= f:
                continue
            if forbid is not None and not forbid.isdisjoint(f):
                continue
            if cond is not None and not cond(m, f, t):
                continue
            if wfn is None:
                total += wconst
            else:
                w = wfn(m, f, t)
                if w <= 0:
                    continue
                total += w
            picks.append((total, i))
        return total, picks

    return eligible


def _end_check(scenario: Scenario):
    """The endings with a condition, highest priority first: the first that holds, or None."""
    checks = tuple((e.id, e.condition.fn) for e in scenario.checked_endings)

    def ending(m, f, t):
        for eid, holds in checks:
            if holds(m, f, t):
                return eid
        return None

    return ending
