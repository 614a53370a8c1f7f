"""The turn machinery shared by `resolve` and the fast runner: plain lists in, an optional event list out.

A game is played by one or more **slots**, the acting roles in turn order: in format 1 the one role
played, in format 2 every role of the scenario. Each turn, in format 2, the **world** acts first (its
fixed-date events dated on the turn's first day, its due follow-ups, then at most one random event
with the scenario's `event_chance`), then each slot in order draws one card and decides it. A world
event fixed to a later day of the turn happens when the turn reaches that day: before a slot's
fixed-date card dated on or after it, else after the last slot's move. After every decision and every
world event the endings are checked, so a role draws knowing the other's last move; the calendar's
timeout comes after the last slot of the last turn (and its late world events). A card several roles
may draw is drawn at random only by the first of them, never on a turn when another has a card fixed
to it; the others then play it in that same turn, ahead of their own draw (`Deck.partners`).

The story is told in calendar order: the **day reached** in a turn is its first day, raised by each
card or event fixed to a day of that turn that has been played in it (`reached`). Every card, move,
event and ending is dated with it, so the date never goes back within a turn.

Everything a game needs is worked out once per (scenario, slots) as a `Table`: per slot a `Deck` (the
cards that role may draw, their compiled conditions and weights, its fixed-date cards, and the
options it may take), a deck for the world's events, and every outcome's effects compiled (see
effects.py). The functions below then work on mutable lists and sets, and append event records only
when given a list, so the public API and simulations run the very same rules.

Randomness: every number comes from (seed, turn, slot, stream) (see rng.py), slot 0 giving exactly
the numbers format 1 always used. A world event fixed to a later day rolls with a key from its place
among its turn's late events, so it rolls the same whichever `resolve` call reaches its day.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_right

from game.i18n import N_

from .closures import compile_tree, split_flags
from .model import Card, Option, Scenario
from .rng import DRAW, EVENT, OUTCOME, key, unit_at
from .state import CardDrawn, EndingReached, OutcomeRolled, State, TurnPassed

NO_CARD = N_("no card could be drawn this turn")
NEVER_AGAIN = 1 << 30  # the cooldown of a once-only card
# Above this many (segment, card) pairs, one draw function checks every window instead.
MAX_SEGMENT_ENTRIES = 20_000
MAX_EVENTS = 8  # world events in one turn at most; follow-ups beyond wait for the next turn


def outcome_chances(option: Option, meters, flags, turn: int) -> tuple[float, ...]:
    """Each outcome's chance: clamped to [0, 1], the open one takes the rest, then scaled to sum to 1.
    A chance that is not a number (NaN) counts as 0."""
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
        raw.append(v if 0.0 <= v <= 1.0 else 1.0 if v > 1.0 else 0.0)
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


class Deck:
    """What one slot (a role, or the world) draws from, and the options that role may take."""

    __slots__ = ("slot", "role", "candidates", "bounds", "segments", "by_turn", "fixed", "later", "allowed", "always",
                 "partners", "blocked")

    def __init__(self, scenario: Scenario, slot: int, role: str, world: bool, format1: bool,
                 slots: tuple[str, ...] = ()) -> None:
        self.slot = slot
        self.role = role

        def mine(c: Card) -> bool:
            if format1:
                return role in c.roles
            return c.event if world else (not c.event and role in c.roles)

        def drawers(c: Card) -> tuple[int, ...]:
            """The slots that may draw a role's card, in turn order (format 2; the world's own are its own)."""
            if format1 or world or c.event:
                return (slot,)
            return tuple(s for s, r in enumerate(slots) if r in c.roles)

        # A shared card is drawn at random by the first of its roles in turn order only; the others play
        # it in the same turn, ahead of their own draw (`partners`), so both sides live it in one week.
        # Per card: the seen-codes of those others when this slot draws it at random, else ().
        ncards = len(scenario.cards)
        self.partners = tuple(
            tuple(s * ncards + i for s in drawers(c)[1:]) if drawers(c)[:1] == (slot,) else ()
            for i, c in enumerate(scenario.cards))

        self.candidates = tuple(
            (i, c, c.first_turn, c.last_turn, c.once, c.cooldown,
             c.condition.fn if c.condition is not None else None,
             1.0 if c.weight is None else c.weight.const,
             None if c.weight is None or c.weight.const is not None else c.weight.fn)
            for i, c in enumerate(scenario.cards)
            if mine(c) and not c.fixed_turn and drawers(c)[0] == slot
            and not (c.weight is not None and c.weight.const is not None and not c.weight.const > 0)
        )
        # Nor does the first draw it on a turn when another of its roles has a card fixed to that turn
        # (which would come first, and put the shared card off to a later week): per card, those turns.
        fixed_turns: dict[str, set[int]] = {}
        for c in scenario.cards:
            if c.fixed_turn and not c.event:
                for r in c.roles:
                    fixed_turns.setdefault(r, set()).add(c.fixed_turn)
        self.blocked = {i: ts for i, ps in enumerate(self.partners)
                        if ps and (ts := frozenset().union(*(fixed_turns.get(slots[p // ncards], ()) for p in ps)))}
        # The turn axis cut where any window opens or closes, or a shared card is blocked: within a segment
        # the same cards may be drawn, so a segment's draw looks at those only (in deck order: the weighted
        # pick needs it).
        self.bounds = sorted({c[2] for c in self.candidates} | {c[3] + 1 for c in self.candidates}
                             | {t + d for c in self.candidates for t in self.blocked.get(c[0], ()) for d in (0, 1)})
        sizes = sum(sum(1 for c in self.candidates if c[2] <= t <= c[3]) for t in [0] + self.bounds)
        if sizes > MAX_SEGMENT_ENTRIES:  # a huge deck with many windows: one draw over all, windows checked
            self.bounds = []
        self.segments: list = [None] * (len(self.bounds) + 1)
        self.by_turn: dict[int, object] = {}
        fixed: dict[int, list[int]] = {}
        later: dict[int, list[tuple[_dt.date, int]]] = {}
        for i, c in enumerate(scenario.cards):
            if c.fixed_turn and mine(c):
                if world and c.day is not None and c.day > scenario.calendar.date_of(c.fixed_turn):
                    later.setdefault(c.fixed_turn, []).append((c.day, i))
                else:
                    fixed.setdefault(c.fixed_turn, []).append(i)
        self.fixed = {t: tuple(ix) for t, ix in fixed.items()} or None
        # The world's events fixed to a later day of their turn, per turn in date order (a stable sort
        # keeps deck order within a day): (place, card index, day). The place keys the event's roll.
        self.later = {t: tuple((j, i, d) for j, (d, i) in enumerate(sorted(ds, key=lambda x: x[0])))
                      for t, ds in later.items()} or None
        # Per card: the options this role may take, and the same when none has a condition, else None.
        self.allowed = tuple(tuple(k for k, o in enumerate(c.options) if world or o.open_to(role))
                             for c in scenario.cards)
        self.always = tuple(
            ks if all(c.options[k].condition is None for k in ks) else None
            for c, ks in zip(scenario.cards, self.allowed)
        )


class Table:
    """What the rules need for one scenario and one set of acting roles, worked out once."""

    __slots__ = ("scenario", "cards", "ncards", "slots", "decks", "world", "event_chance", "check_end", "meter_ids",
                 "meter_lo", "meter_hi", "start_meters", "results", "max_turns", "timeout", "plays", "windows",
                 "_codes", "slot_of", "dated", "calendar", "firsts")

    def __init__(self, scenario: Scenario, slots: tuple[str, ...]) -> None:
        self.scenario = scenario
        self.cards = scenario.cards
        self.ncards = len(scenario.cards)
        self.slots = slots
        self.slot_of = {role: s for s, role in enumerate(slots)}
        format1 = not scenario.two_sided
        self.decks = tuple(Deck(scenario, s, role, False, format1, slots) for s, role in enumerate(slots))
        self.world = None if format1 else Deck(scenario, len(slots), "", True, False)
        self.event_chance = scenario.event_chance
        self.windows = not format1  # format 2: a follow-up honours its own date window
        self.calendar = scenario.calendar
        # Per turn, every seen-code of a card fixed to a day of that turn, with the day: what `reached`
        # looks through.
        nslots = len(slots) + (self.world is not None)
        dated: dict[int, list] = {}
        for i, c in enumerate(scenario.cards):
            if c.day is not None:
                dated.setdefault(self.calendar.turn_of(c.day), []).extend(
                    (s * self.ncards + i, c.day) for s in range(nslots))
        self.dated = {t: tuple(codes) for t, codes in dated.items()}
        self.firsts: dict[int, _dt.date] = {}  # each turn's first day, as asked for
        self.check_end = _end_check(scenario)
        self.meter_ids = tuple(m.id for m in scenario.meters)
        self.meter_lo = tuple(m.lo for m in scenario.meters)
        self.meter_hi = tuple(m.hi for m in scenario.meters)
        self.start_meters = tuple(m.start_for(slots[0]) if format1 and slots else m.start for m in scenario.meters)
        # Per role: {ending id: that role's result}.
        self.results = {r.id: {e.id: e.result_for(r.id) for e in scenario.endings} for r in scenario.roles}
        self.max_turns = scenario.calendar.max_turns
        self.timeout = scenario.calendar.timeout_ending
        self._codes: dict[str, tuple[int, ...]] = {}
        # Per card, per option: (condition fn, fixed chances or None, option, compiled effects per outcome).
        self.plays = tuple(
            tuple(
                (o.condition.fn if o.condition is not None else None,
                 outcome_chances(o, (), frozenset(), 0)
                 if all(out.chance is None or out.chance.const is not None for out in o.outcomes) else None,
                 o,
                 tuple(tuple(e.compile(self) for e in out.effects) for out in o.outcomes))
                for o in c.options)
            for c in scenario.cards
        )

    def queue_codes(self, card_id: str) -> tuple[int, ...]:
        """The queue entries a follow-up of this card makes: one per slot that plays it. In format 1 the
        one slot takes it whatever its roles; in format 2 each role that may draw it, or the world for
        an event."""
        found = self._codes.get(card_id)
        if found is None:
            i = self.scenario.card_index(card_id)
            card = self.cards[i]
            if self.world is None:
                slots = (0,)
            elif card.event:
                slots = (len(self.slots),)
            else:
                slots = tuple(s for s, role in enumerate(self.slots) if role in card.roles)
            found = self._codes[card_id] = tuple(s * self.ncards + i for s in slots)
        return found

    def deck_of(self, slot: int) -> Deck:
        return self.world if slot == len(self.slots) else self.decks[slot]


def table(scenario: Scenario, slots: tuple[str, ...]) -> Table:
    cache = scenario.__dict__.setdefault("_tables", {})
    found = cache.get(slots)
    if found is None:
        found = cache[slots] = Table(scenario, slots)
    return found


class Game:
    """One game's keys for the random numbers: per slot the draw and roll keys, and the world's."""

    __slots__ = ("seed", "draws", "rolls", "event")

    def __init__(self, tb: Table, seed: int) -> None:
        n = len(tb.slots) + (tb.world is not None)
        self.seed = seed
        self.draws = tuple(key(seed, DRAW, s) for s in range(n))
        self.rolls = tuple(key(seed, OUTCOME, s) for s in range(n))
        self.event = key(seed, EVENT, n - 1)

    def roll(self, slot: int, nth: int) -> int:
        """The roll key of a slot's nth world event of a turn (nth 0 is the slot's own key)."""
        return self.rolls[slot] if nth == 0 else key(self.seed, OUTCOME, slot + nth)


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


def apply(effects: tuple, t: int, meters: list, flags: set, queue: list, events: list | None):
    """Apply one outcome's compiled effects in order; return the ending the first `end` names, or None."""
    ending = None
    for run in effects:
        called = run(meters, flags, t, queue, events)
        if called is not None and ending is None:
            ending = called
    return ending


def outcome_moves(state: State, option: int) -> tuple[tuple[tuple[int, int], ...], ...]:
    """For each outcome of option `option` (its index on the card on the table): the meters it would move if it
    happened now, as (meter index, change), in the scenario's order of meters. Here, not in explain.py: a card's
    certain option names its moves on the game's first frame, which then need not build explain's classes."""
    tb = table(state.scenario, state.roles)
    found = []
    for effects in tb.plays[state.card][option][3]:
        meters = list(state.meters)
        apply(effects, state.turn, meters, set(state.flags), [], None)
        found.append(tuple((i, after - before) for i, (before, after) in enumerate(zip(state.meters, meters))
                           if after != before))
    return tuple(found)


def ending_after(tb: Table, m, f, t: int, last_slot: bool = True) -> str | None:
    """The ending a decision leads to with no `end` effect: the first condition that holds, else the
    calendar's timeout after the last slot of the last turn, else None."""
    ending = tb.check_end(m, f, t)
    if ending is None and last_slot and t >= tb.max_turns:
        ending = tb.timeout
    return ending


def advance(tb: Table, game: Game, t: int, s: int, m: list, f: set, seen: list, queue: list, ending: str | None,
            events: list | None, check: bool = True) -> tuple[int, int, int, str | None]:
    """After slot s's decision on turn t: check endings, then move on to the next slot that has a card
    (playing the world's events at the start of each turn, and its late ones when the turn reaches their
    day). Returns (turn, slot, card index, ending): the card is -1 and the ending set when the game is
    over. With `check` false (a game's start), slot s of turn t itself is drawn for, without ending checks."""
    last = len(tb.slots) - 1
    check_end = tb.check_end
    later = tb.world.later if tb.world is not None else None
    while True:
        if check:
            if ending is None:  # as ending_after, inlined: this runs after every decision
                ending = check_end(m, f, t)
                if ending is None and s == last:
                    if later is not None and t in later:  # the turn's end: its late world events
                        ending = _late(tb, game, t, None, m, f, seen, queue, events, set())[1]
                    if ending is None and t >= tb.max_turns:
                        ending = tb.timeout
            if ending is not None:
                return _ended(tb, t, s, ending, seen, events)
            if s == last:
                s, t = 0, t + 1
            else:
                s += 1
        check = True
        if s == 0 and tb.world is not None:
            ending = world(tb, game, t, m, f, seen, queue, events)
            if ending is not None:
                return _ended(tb, t, s, ending, seen, events)
        deck = tb.decks[s]
        if later is not None and t in later and deck.fixed is not None and t in deck.fixed:
            ending = _before_fixed(tb, game, deck, t, m, f, seen, queue, events)
            if ending is not None:
                return _ended(tb, t, s, ending, seen, events)
        if not queue and (deck.fixed is None or t not in deck.fixed):  # the usual case, inlined (_weighted)
            eligible = deck.by_turn.get(t)
            if eligible is None:
                eligible = deck.by_turn[t] = _segment(deck, bisect_right(deck.bounds, t))
            total, picks = eligible(m, f, t, seen)
            idx, follow = -1, False
            if picks:
                r = unit_at(game.draws[s], t) * total
                base = s * tb.ncards
                idx = picks[-1][1] - base
                for acc, code in picks:
                    if r < acc:
                        idx = code - base
                        break
                if deck.partners[idx]:
                    queue[:0] = [(t, code) for code in deck.partners[idx]]
        else:
            idx, follow = draw(tb, deck, game.draws[s], t, m, f, seen, queue)
        if idx >= 0:
            seen[s * tb.ncards + idx] = t
            if events is not None:
                events.append(CardDrawn(t, tb.cards[idx].id, follow, deck.role if tb.world is not None else "",
                                        reached(tb, t, seen)))
            return t, s, idx, None
        if events is not None:
            events.append(TurnPassed(t, NO_CARD, deck.role if tb.world is not None else "", reached(tb, t, seen)))


def _ended(tb: Table, t: int, s: int, ending: str, seen: list, events: list | None) -> tuple[int, int, int, str]:
    if events is not None:
        events.append(EndingReached(t, ending, _result(tb, ending), reached(tb, t, seen)))
    return t, s, -1, ending


def reached(tb: Table, t: int, seen) -> _dt.date:
    """The day turn t has reached: its first day, raised by each card or event fixed to a day of this
    turn that was played in it (`seen` says which). What every card, move, event and ending is dated
    with, so that the date never goes back within a turn; a card fixed to a day of another turn (a
    follow-up that came late) raises nothing."""
    day = tb.firsts.get(t)
    if day is None:
        day = tb.firsts[t] = tb.calendar.date_of(t)
    for code, d in tb.dated.get(t, ()):
        if seen[code] == t and d > day:
            day = d
    return day


def _before_fixed(tb: Table, game: Game, deck: Deck, t: int, m, f, seen: list, queue: list, events):
    """Before a slot draws a fixed-date card: the world's late events dated up to that card's day happen
    first. Their changes may make the slot's fixed card another (or none), so look again until no
    event happens. Returns the ending one leads to, else None."""
    tried: set = set()
    while True:
        idx = _fixed(tb, deck, t, m, f, seen)
        if idx < 0:
            return None
        happened, ending = _late(tb, game, t, tb.cards[idx].day or tb.calendar.date_of(t), m, f, seen, queue,
                                 events, tried)
        if ending is not None or not happened:
            return ending


def _late(tb: Table, game: Game, t: int, upto, m, f, seen: list, queue: list, events, tried: set):
    """The world's events fixed to a later day of turn t that the turn has not yet reached, dated up to
    `upto` (None: all, at the turn's end), in date order. Each happens if its condition holds when its
    day comes; once the turn's day has passed it, it is gone. Returns (how many happened, the ending
    one led to, else None)."""
    deck = tb.world
    base = deck.slot * tb.ncards
    day = reached(tb, t, seen)
    happened = 0
    for j, idx, d in deck.later[t]:
        if upto is not None and d > upto:
            break
        code = base + idx
        if d <= day or j in tried or seen[code] == t:
            continue
        tried.add(j)
        card = tb.cards[idx]
        if card.once and seen[code]:
            continue
        if card.condition is not None and not card.condition.fn(m, f, t):
            continue
        happened += 1
        ending = _happen(tb, game, deck, idx, False, MAX_EVENTS + j, t, m, f, seen, queue, events)
        if ending is not None:
            return happened, ending
        day = d
    return happened, None


def _result(tb: Table, ending: str) -> str:
    # Format 1: the result of the role played. Format 2 has no single one: each role reads its own.
    return tb.results[tb.slots[0]].get(ending, "draw") if tb.world is None else ""


def world(tb: Table, game: Game, t: int, m: list, f: set, seen: list, queue: list, events: list | None):
    """The world's part of turn t: fixed-date events, due follow-ups, then a random event by the
    scenario's chance. Each is rolled and applied at once, endings checked after each; returns the
    ending one leads to, else None."""
    deck = tb.world
    played = 0
    while (deck.fixed is not None or queue) and played < MAX_EVENTS:
        idx, follow = _fixed_or_due(tb, deck, t, m, f, seen, queue)
        if idx < 0:
            break
        ending = _happen(tb, game, deck, idx, follow, played, t, m, f, seen, queue, events)
        played += 1
        if ending is not None:
            return ending
    chance = tb.event_chance
    if chance is None or not deck.candidates or played >= MAX_EVENTS:
        return None
    p = chance.const if chance.const is not None else chance.fn(m, f, t)
    if not unit_at(game.event, t) < p:
        return None
    idx = _weighted(deck, game.draws[deck.slot], t, m, f, seen)
    if idx < 0:
        return None
    return _happen(tb, game, deck, idx, False, played, t, m, f, seen, queue, events)


def _happen(tb: Table, game: Game, deck: Deck, idx: int, follow: bool, nth: int, t: int, m, f, seen, queue, events):
    """A world event takes place: its one option's outcome is rolled and applied."""
    seen[deck.slot * tb.ncards + idx] = t
    card = tb.cards[idx]
    _cond, fixed, option, effects = tb.plays[idx][0]
    chances = fixed if fixed is not None else outcome_chances(option, m, f, t)
    roll = unit_at(game.roll(deck.slot, nth), t)
    k = pick(chances, roll)
    if events is not None:
        out = option.outcomes[k]
        day = reached(tb, t, seen)
        events.append(CardDrawn(t, card.id, follow, "", day))
        events.append(OutcomeRolled(t, card.id, 0, k, chances[k], roll, out.text, "", out.label, day))
    ending = apply(effects[k], t, m, f, queue, events)
    return ending if ending is not None else tb.check_end(m, f, t)


def _fixed_or_due(tb: Table, deck: Deck, t: int, m, f, seen: list, queue: list) -> tuple[int, bool]:
    """A fixed-date card for this turn, else a due follow-up, for a deck; (-1, False) when there is none.
    A follow-up taken, or one that can no longer come, leaves the queue."""
    base = deck.slot * tb.ncards
    if deck.fixed is not None:
        idx = _fixed(tb, deck, t, m, f, seen)
        if idx >= 0:
            return idx, False
    if queue:
        top = base + tb.ncards
        k = 0
        while k < len(queue):
            due, code = queue[k]
            if due > t or not base <= code < top:
                k += 1
                continue
            idx = code - base
            card = tb.cards[idx]
            if tb.windows:
                if t < card.first_turn:  # early: it waits for its window to open
                    k += 1
                    continue
                if t > card.last_turn:  # its window has closed: it will never come
                    del queue[k]
                    continue
            del queue[k]
            if card.once and seen[code]:
                continue
            if card.condition is not None and not card.condition.fn(m, f, t):
                continue
            return idx, True
    return -1, False


def _fixed(tb: Table, deck: Deck, t: int, m, f, seen: list) -> int:
    """The fixed-date card a deck plays on turn t now, or -1."""
    base = deck.slot * tb.ncards
    for idx in deck.fixed.get(t, ()):
        card: Card = tb.cards[idx]
        if seen[base + idx] == t or (card.once and seen[base + idx]):
            continue
        if card.condition is not None and not card.condition.fn(m, f, t):
            continue
        return idx
    return -1


def draw(tb: Table, deck: Deck, draws: int, t: int, m, f, seen: list, queue: list) -> tuple[int, bool]:
    """The card for a slot on turn t: a fixed-date card first, then a due follow-up (or a shared card
    another role drew this turn), else a weighted draw. A shared card drawn at random is queued, due now
    and ahead of any follow-up, for the other roles that may draw it (`Deck.partners`)."""
    if deck.fixed is not None or queue:
        idx, follow = _fixed_or_due(tb, deck, t, m, f, seen, queue)
        if idx >= 0:
            return idx, follow
    idx = _weighted(deck, draws, t, m, f, seen)
    if idx >= 0 and deck.partners[idx]:
        queue[:0] = [(t, code) for code in deck.partners[idx]]
    return idx, False


def _weighted(deck: Deck, draws: int, t: int, m, f, seen: list) -> int:
    eligible = deck.by_turn.get(t)
    if eligible is None:
        eligible = deck.by_turn[t] = _segment(deck, bisect_right(deck.bounds, t))
    total, picks = eligible(m, f, t, seen)
    if not picks:
        return -1
    r = unit_at(draws, t) * total
    base = deck.slot * len(deck.allowed)  # picks hold seen-codes: the slot's base plus the card's index
    for acc, code in picks:
        if r < acc:
            return code - base
    return picks[-1][1] - base


def _segment(deck: Deck, k: int):
    """The draw of segment k, built on first use: the cards whose window covers the segment, in deck
    order (the weighted pick needs it), in a tuple one closure walks. A deck too large to segment
    keeps every card and checks windows as it goes."""
    found = deck.segments[k]
    if found is not None:
        return found
    windowed = not deck.bounds
    at = 0 if k == 0 else deck.bounds[k - 1]
    base = deck.slot * len(deck.allowed)
    entries = []
    for i, card, first, last, once, cooldown, cond, wconst, wfn in deck.candidates:
        blocked = deck.blocked.get(i, ())
        if not (windowed or first <= at <= last and at not in blocked):
            continue
        need = forbid = None
        if cond is not None:
            need, forbid, rest = split_flags(card.condition.tree)
            cond = compile_tree(rest) if rest is not None else None
        # A once-only card is one whose cooldown never ends: one test covers both.
        wait = NEVER_AGAIN if once else cooldown
        entries.append(((base + i, wait, need or None, forbid or None, cond, wconst, wfn), first, last, blocked))
    if windowed:
        # A deck too large to segment (rare): filter by window (and blocked turn) on each draw.
        def eligible(m, f, t, seen):
            return _bind(tuple(e for e, first, last, blocked in entries
                               if first <= t <= last and t not in blocked))(m, f, t, seen)
    else:
        eligible = _bind(tuple(e for e, _first, _last, _blocked in entries))
    deck.segments[k] = eligible
    return eligible


def _bind(entries: tuple):
    """One closure walking a segment's cards in deck order (the weighted pick needs that order)."""

    def eligible(m, f, t, seen):
        total = 0.0
        picks = []
        for code, wait, need, forbid, cond, wconst, wfn in entries:
            s = seen[code]
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
                if not w > 0:
                    continue
                total += w
            picks.append((total, code))
        return total, picks

    return eligible


def _end_check(scenario: Scenario):
    """The endings with a condition, highest priority first: the first that holds, or None. As in the draw,
    a condition's flag tests are set operations, and a closure is called only for the rest."""
    checks = []
    for e in scenario.checked_endings:
        need, forbid, rest = split_flags(e.condition.tree)
        checks.append((e.id, need or None, forbid or None, compile_tree(rest) if rest is not None else None))
    checks = tuple(checks)

    def ending(m, f, t):
        for eid, need, forbid, holds in checks:
            if need is not None and not need <= f:
                continue
            if forbid is not None and not forbid.isdisjoint(f):
                continue
            if holds is None or holds(m, f, t):
                return eid
        return None

    return ending
