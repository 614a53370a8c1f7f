"""The rules: one door into the engine. `start`, `options`, `resolve`; nothing here prints or sleeps."""

from __future__ import annotations

from .model import Card, End, Option, Queue, Scenario, SetFlag, SetMeter, Shift
from .rng import DRAW, OUTCOME, unit
from .state import (
    CardDrawn, EndingReached, FlagChanged, FollowUpQueued, MeterChanged, OptionChosen, OptionView,
    OutcomeRolled, State, Turn, TurnPassed,
)


class IllegalMove(ValueError):
    """A choice the rules do not allow: no such option, an unavailable one, or a finished game."""


class Deck:
    """What the draw needs for one role, worked out once per scenario and role."""

    __slots__ = ("cards", "candidates", "meter_lo", "meter_hi", "endings", "max_turns", "timeout")

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
        self.meter_lo = tuple(m.lo for m in scenario.meters)
        self.meter_hi = tuple(m.hi for m in scenario.meters)
        self.endings = tuple((e.id, e.condition.fn) for e in scenario.checked_endings)
        self.max_turns = scenario.calendar.max_turns
        self.timeout = scenario.calendar.timeout_ending


def deck(scenario: Scenario, role: str) -> Deck:
    cache = scenario.__dict__.setdefault("_decks", {})
    found = cache.get(role)
    if found is None:
        found = cache[role] = Deck(scenario, role)
    return found


def start(scenario: Scenario, role: str, seed: int) -> State:
    """A new game: start values, turn 1, and the first card drawn."""
    if role not in {r.id for r in scenario.roles}:
        known = ", ".join(r.id for r in scenario.roles)
        raise IllegalMove(f"no role '{role}' in scenario '{scenario.id}' (roles: {known})")
    meters = tuple(m.start_for(role) for m in scenario.meters)
    state = State(scenario, role, seed, 1, meters, frozenset(), -1, (0,) * len(scenario.cards), ())
    events: list = []
    return _next_card(state, deck(scenario, role), 1, list(meters), set(), list(state.seen), [], (), None, events)


def options(state: State) -> tuple[OptionView, ...]:
    """The options of the card on the table, with availability and odds as they stand now."""
    card = state.current_card
    if card is None:
        return ()
    m, f, t = state.meters, state.flags, state.turn
    views = []
    for i, opt in enumerate(card.options):
        ok = opt.condition is None or bool(opt.condition.fn(m, f, t))
        reason = "" if ok else (opt.unavailable or f"needs {opt.condition.text}")
        views.append(OptionView(i, opt.label, ok, reason, outcome_chances(opt, m, f, t), opt.historical))
    return tuple(views)


def outcome_chances(option: Option, meters: tuple, flags: frozenset, turn: int) -> tuple[float, ...]:
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


def resolve(state: State, choice: int) -> Turn:
    """Play option `choice` of the card on the table: roll, apply, check endings, draw the next card."""
    card = state.current_card
    if card is None:
        raise IllegalMove("the game is over")
    if not 0 <= choice < len(card.options):
        raise IllegalMove(f"'{card.id}' has options 0 to {len(card.options) - 1}, not {choice}")
    opt = card.options[choice]
    m, f, t = state.meters, state.flags, state.turn
    if opt.condition is not None and not opt.condition.fn(m, f, t):
        raise IllegalMove(f"option {choice} of '{card.id}' is not available: {opt.unavailable or opt.condition.text}")
    events: list = [OptionChosen(t, card.id, choice, opt.label)]
    chances = outcome_chances(opt, m, f, t)
    roll = unit(state.seed, t, OUTCOME)
    k = _pick(chances, roll)
    outcome = opt.outcomes[k]
    events.append(OutcomeRolled(t, card.id, choice, k, chances[k], roll, outcome.text))

    sc = state.scenario
    d = deck(sc, state.role)
    meters = list(m)
    flags = set(f)
    queue = list(state.queue)
    ending = None
    for eff in outcome.effects:
        cls = type(eff)
        if cls is Shift:
            i = eff.meter
            before = meters[i]
            after = min(max(before + eff.by, d.meter_lo[i]), d.meter_hi[i])
            if after != before:
                meters[i] = after
                events.append(MeterChanged(sc.meters[i].id, before, after))
        elif cls is SetMeter:
            i = eff.meter
            before = meters[i]
            after = min(max(eff.to, d.meter_lo[i]), d.meter_hi[i])
            if after != before:
                meters[i] = after
                events.append(MeterChanged(sc.meters[i].id, before, after))
        elif cls is SetFlag:
            if (eff.flag in flags) != eff.value:
                (flags.add if eff.value else flags.discard)(eff.flag)
                events.append(FlagChanged(eff.flag, eff.value))
        elif cls is Queue:
            queue.append((t + eff.after, sc.card_index(eff.card)))
            events.append(FollowUpQueued(eff.card, t + eff.after))
        elif cls is End:
            if ending is None:
                ending = eff.ending
    choices = state.choices + (choice,)
    return Turn(_next_card(state, d, t, meters, flags, list(state.seen), queue, choices, ending, events), tuple(events))


def _pick(chances: tuple[float, ...], roll: float) -> int:
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


def _next_card(state: State, d: Deck, t: int, meters: list, flags: set, seen: list, queue: list,
               choices: tuple, ending: str | None, events: list) -> State:
    """After turn t: check endings, then move to the next turn that has a card (or end the game)."""
    mt, ft = tuple(meters), frozenset(flags)
    first = state.card < 0 and not choices  # start(): turn t itself still needs its card
    while True:
        if not first:
            if ending is None:
                for eid, fn in d.endings:
                    if fn(mt, ft, t):
                        ending = eid
                        break
            if ending is None and t >= d.max_turns:
                ending = d.timeout
            if ending is not None:
                result = state.scenario.ending(ending).result_for(state.role)
                events.append(EndingReached(t, ending, result))
                return State(state.scenario, state.role, state.seed, t, mt, ft, -1, tuple(seen),
                             tuple(queue), choices, ending)
            t += 1
        first = False
        idx, follow = _draw(d, state.seed, t, mt, ft, seen, queue)
        if idx >= 0:
            seen[idx] = t
            events.append(CardDrawn(t, d.cards[idx].id, follow))
            return State(state.scenario, state.role, state.seed, t, mt, ft, idx, tuple(seen),
                         tuple(queue), choices, None)
        events.append(TurnPassed(t, "no card could be drawn this turn"))


def _draw(d: Deck, seed: int, t: int, m: tuple, f: frozenset, seen: list, queue: list) -> tuple[int, bool]:
    """The card for turn t: a due follow-up first, else a weighted draw. Removes used follow-ups."""
    if queue:
        k = 0
        while k < len(queue):
            due, idx = queue[k]
            if due > t:
                k += 1
                continue
            del queue[k]
            card: Card = d.cards[idx]
            if card.once and seen[idx]:
                continue
            if card.condition is not None and not card.condition.fn(m, f, t):
                continue
            return idx, True
    total = 0.0
    picks = []
    for i, _c, first, last, once, cooldown, cond, wconst, wfn in d.candidates:
        if t < first or t > last:
            continue
        s = seen[i]
        if s and (once or t - s <= cooldown):
            continue
        if cond is not None and not cond(m, f, t):
            continue
        w = wconst if wfn is None else wfn(m, f, t)
        if w <= 0:
            continue
        total += w
        picks.append((total, i))
    if not picks:
        return -1, False
    r = unit(seed, t, DRAW) * total
    for acc, i in picks:
        if r < acc:
            return i, False
    return picks[-1][1], False
