"""What the screens show, worked out from a game record as plain values; no Textual here."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from game.engine import (
    FlagChanged, FollowUpQueued, MeterChanged, OptionView, Scenario, State, TurnPassed,
)
from game.engine.core import outcome_moves
from game.engine.model import Citation, happened_text
from game.engine.text import fill
from game.i18n import N_, _, format_date, format_number, format_percent, ngettext

from .record import Prologue, Record, Step
from .seats import PERSON, bot_name

UP, DOWN = "▲", "▼"
CERTAIN = 0.9995


@dataclass(frozen=True, slots=True)
class MeterReading:
    """One meter as the panel draws it: value, range, and the change from last turn (None on turn 1)."""

    id: str
    label: str
    description: str
    value: int
    lo: int
    hi: int
    delta: int | None
    short: str = ""  # the scenario's shorter label, for when the full one does not fit
    aim: int = 0  # which way the player's role wants it: 1 up, -1 down, 0 neither (or no telling)

    @property
    def fraction(self) -> float:
        return (self.value - self.lo) / max(1, self.hi - self.lo)


@dataclass(frozen=True, slots=True)
class CardShown:
    """The card on the table, ready to read."""

    title: str
    date: str
    text: str
    historical: bool
    sources: str
    meaning: str  # what its tag means: when it happened ("this happened on 11 Mar 2019"), or that it did not


@dataclass(frozen=True, slots=True)
class ChoiceShown:
    """One option as the card lists it: its key (its place in the list), its index on the card, its odds."""

    number: int  # the key that takes it: 1 for the first option this role sees
    index: int  # its index on the card: what the rules take
    label: str
    available: bool
    reason: str
    odds: str


def choices_shown(views: tuple[OptionView, ...], state: State, reader: str | None = None,
                  names: Names | None = None, room: int = 0) -> tuple[ChoiceShown, ...]:
    """The options as the card lists them; a certain option's moves fit `room` columns (at least MOVES_WIDTH)."""
    return tuple(ChoiceShown(n, v.index, shown(v.label, state, reader), v.available, v.reason,
                             option_odds(v, state, reader, room=max(room, MOVES_WIDTH), names=names))
                 for n, v in enumerate(views, start=1))


Names = Mapping[str, str]
"""Each meter's name as the meter panel on screen shows it (meter id -> name): the card's odds, the outcome's
changes and the log name a meter the same way, so a player never reads one meter by two names."""


def panel_name(label: str, short: str, room: int) -> str:
    """The one rule for a meter's name in `room` columns: its label, or the scenario's short label when the label
    does not fit (the panel cuts a short label that still does not fit)."""
    return short.strip() if len(label) > room and short.strip() else label


def meter_called(meter, names: Names | None) -> str:
    """A meter by the name the panel shows it under, or (no panel: the debrief) its label."""
    return (names or {}).get(meter.id) or meter.label


def date_text(day: dt.date) -> str:
    return format_date(day)


def styled(template: str, **parts: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    """A translated `template` as (text, style) runs for Content.assemble: its own words plain, each `{name}`
    the (text, style) given for it, so a language may put the parts in its own order."""
    runs: list[tuple[str, str]] = []
    for k, piece in enumerate(re.split(r"\{(\w+)\}", template)):
        if k % 2:
            runs.append(parts[piece])
        elif piece:
            runs.append((piece, ""))
    return tuple(runs)


def delta_text(delta: int | None) -> str:
    """A change with its arrow and sign, so it reads without colour: '▲ +8', '▼ -3', '= 0'."""
    if delta is None:
        return ""
    if delta > 0:
        return f"{UP} +{delta}"
    if delta < 0:
        return f"{DOWN} -{-delta}"
    return "= 0"


def meter_groups(scenario: Scenario) -> list[tuple[str, str, tuple[str, ...]]]:
    """(heading, description, meter ids): meters of no faction first, untitled, then each faction's."""
    owned = {m for f in scenario.factions for m in f.meters}
    groups = []
    loose = tuple(m.id for m in scenario.meters if m.id not in owned)
    if loose:
        groups.append(("", "", loose))
    for faction in scenario.factions:
        groups.append((faction.name, faction.description, tuple(faction.meters)))
    return groups


def meter_readings(record: Record, reader: str | None = None, step: Step | Prologue | None = None,
                   aim_of: str | None = None) -> dict[str, MeterReading]:
    """The meters `reader` may see (None: all). With `step` (an outcome on show): as that decision left
    them, with its changes; else as they are now, with the change since the reader's last decision.
    With `aim_of` (a role), each says which way that role wants it."""
    if step is not None:
        now, before = step.after.meters, step.meters_before
    else:
        now, before = record.state.meters, record.previous_meters(reader) if record.steps else None
    wanted = aims(record.scenario, aim_of) if aim_of else {}
    return {
        m.id: MeterReading(m.id, m.label, m.description, now[i], m.lo, m.hi,
                           None if before is None else now[i] - before[i], m.short, wanted.get(m.id, 0))
        for i, m in enumerate(record.scenario.meters) if m.visible_to(reader)
    }


def changes_since(record: Record, reader: str | None = None, step: Step | Prologue | None = None) -> str:
    """What the meters' changes (the arrows beside them) are measured from, as meter_readings measures them,
    so that a sum over several pages is not read as one page's change; '' when there are none."""
    if step is not None:
        return _("▲▼ on this page")
    if not record.steps:
        return ""
    if reader is not None and all(s.role != reader for s in record.steps):
        return _("▲▼ since the game began")
    return _("▲▼ since your last card")


_AIMS: dict[tuple[str, str, str], dict[str, int]] = {}


def aims(scenario: Scenario, role: str) -> dict[str, int]:
    """Which way `role` wants each meter: 1 up, -1 down, 0 neither. From the role's score when the scenario
    gives one (each meter moved from its low to its high end, the others held in the middle), else from
    the endings it wins and loses (the same pulls the greedy bot weighs)."""
    key = (scenario.id, scenario.content_hash, role)
    if key not in _AIMS:
        meters = scenario.meters
        score = scenario.role(role).score
        if score is not None:
            mid = [(m.lo + m.hi) // 2 for m in meters]
            flags, turn = frozenset(), 1

            def at(i: int, value: int) -> float:
                values = list(mid)
                values[i] = value
                return float(score(tuple(values), flags, turn))

            pulls = [at(i, m.hi) - at(i, m.lo) for i, m in enumerate(meters)]
        else:
            from game.bots import derived_weights

            pulls = derived_weights(scenario, role)
        _AIMS[key] = {m.id: (p > 0) - (p < 0) for m, p in zip(meters, pulls)}
    return _AIMS[key]


def shown(text: str, state: State, reader: str | None, day: dt.date | None = None) -> str:
    """Scenario text as `reader` reads it: a two-sided scenario's placeholders filled in ({date}: `day`, else
    the day the state has reached), format 1 as written."""
    if not state.scenario.two_sided:
        return text
    return fill(text, state, reader, date_text(day or state.day))


def card_day(state: State) -> dt.date:
    """The day the card on the table shows: the day its turn has reached (the engine's rule: a card fixed
    to a date shows it, and the date never goes back within a turn)."""
    return state.day


def role_name(scenario: Scenario, role: str) -> str:
    return scenario.role(role).name if role else _("The world")


def source_number(scenario: Scenario, source_id: str) -> int:
    """A source's number, as the sources screen lists it and every citation names it: its place in the
    scenario's list, from 1 (0 for an id the scenario does not list)."""
    return next((n for n, s in enumerate(scenario.sources, start=1) if s.id == source_id), 0)


def citations_text(scenario: Scenario, citations: tuple[Citation, ...]) -> str:
    """Citations as the card footer and the debrief show them: "[3] Outlet, date (note)", numbered as on
    the sources screen."""
    parts = []
    for c in citations:
        src = scenario.source(c.source)
        name = f"[{source_number(scenario, c.source)}] {src.outlet}, {src.date}" if src else c.source
        parts.append(f"{name} ({c.note})" if c.note else name)
    return "; ".join(parts)


def card_shown(state: State, reader: str | None = None) -> CardShown | None:
    """The card on the table, in the words of the role to move (its own text, placeholders filled)."""
    card = state.current_card
    if card is None:
        return None
    role = reader or state.role
    day = card_day(state)
    # The card's date line dates it: a text that opens with the date ('{date}. Putin promised...') leaves it out.
    return CardShown(shown(card.title, state, role, day), date_text(day),
                     undated(shown(card.text_for(role), state, role, day), day),
                     card.historical, citations_text(state.scenario, card.sources),
                     happened_text(card.happened, day) if card.historical else _("this did not happen"))


def whole_shares(chances: tuple[float, ...]) -> list[int]:
    """Each chance in whole percents that add up to 100: the largest remainders get the spare points."""
    exact = [p * 100 for p in chances]
    whole = [int(x) for x in exact]
    spare = 100 - sum(whole)
    for k in sorted(range(len(exact)), key=lambda k: whole[k] - exact[k])[:max(spare, 0)]:
        whole[k] += 1
    return whole


def shares(chances: tuple[float, ...]) -> list[str]:
    """Each outcome's chance as the player reads it: whole percents that add up to 100 (the largest
    remainders get the spare points), since rounding each on its own shows 42.5% / 57.5% as
    "42% / 57%", which a player rightly reads as a mistake. <1% and >99% at the edges."""
    whole = whole_shares(chances)
    return ["<" + format_percent(0.01) if 0 < p < 0.005 else ">" + format_percent(0.99) if 0.995 <= p < 1
            else format_percent(w / 100) for p, w in zip(chances, whole)]


def odds_text(chances: tuple[float, ...], labels: tuple[str, ...] = (), ends: tuple[str | None, ...] = (),
              how: tuple[str, ...] = ()) -> str:
    """The odds as a player reads them: each share with its outcome's label, and an outcome that would
    end the game marked with the ending's title. `how` says, per outcome, how it would (see
    engine.explain.OutcomeEnd; "effect" where not given): an outcome that ends the game itself reads
    "38% arrested (ends the game: A deal is struck)"; one whose changes make an ending's condition hold,
    "(then the game ends: ...)"; and when the game ends after this move whatever the result (a condition
    that already holds, the calendar's last move), the odds say so once, after them, not as if each
    outcome did it. An outcome with no chance is left out; beside labelled ones, one without a label is
    "otherwise"."""
    certain = _("certain")
    if not chances:
        return certain
    live = [k for k, p in enumerate(chances) if p > 0] or list(range(len(chances)))
    labelled = any(k < len(labels) and labels[k] for k in live)

    def way(k: int) -> str:
        return how[k] if k < len(how) else "effect"

    def ending(k: int) -> str | None:
        return ends[k] if k < len(ends) else None

    anyway = {ending(k) for k in live}
    anyway = anyway.pop() if len(anyway) == 1 and all(way(k) in ("already", "calendar") for k in live) else None

    def named(k: int, share: str) -> str:
        label = labels[k] if k < len(labels) else ""
        if not label and labelled and share != certain:
            label = _("otherwise")
        end = ending(k)
        text = (_("certain: {label}").format(label=label) if share == certain and label
                else f"{share} {label}" if label else share)
        if not end or anyway:
            return text
        if way(k) == "effect":
            return _("{odds} (ends the game: {ending})").format(odds=text, ending=end)
        return _("{odds} (then the game ends: {ending})").format(odds=text, ending=end)

    if len(live) == 1 or max(chances) >= CERTAIN:
        said = named(max(live, key=lambda k: chances[k]), certain)
    else:
        whole = shares(tuple(chances[k] for k in live))
        said = " / ".join(named(k, share) for k, share in zip(live, whole))
    if anyway:
        return _("{odds}; after this move the game ends, whatever the result: {ending}").format(odds=said,
                                                                                            ending=anyway)
    return said


# An ending as the odds name it, with what it would mean for whoever chooses (a language orders them its way).
ENDS_FOR_YOU = {"win": N_("{ending}, a win for you"), "loss": N_("{ending}, a loss for you"),
                "draw": N_("{ending}, a draw for you")}
ENDS_FOR_ROLE = {"win": N_("{ending}, a win for {role}"), "loss": N_("{ending}, a loss for {role}"),
                 "draw": N_("{ending}, a draw for {role}")}


def ending_for_chooser(scenario: Scenario, ending: str, chooser: str, reader: str | None = None,
                       quote: bool = False) -> str:
    """'The generals take over, a draw for you': the ending's title and what it would mean for the reader,
    whoever is choosing (the rival's move says what it means for the one reading it, not for the rival);
    with no reader (a page read by both), for the role choosing, by name. With `quote`, the title in quotes."""
    title = scenario.ending(ending).title.rstrip(".")
    title = in_quotes(title) if quote else title
    if reader is not None or not scenario.two_sided:
        return _(ENDS_FOR_YOU[scenario.ending(ending).result_for(reader or chooser)]).format(ending=title)
    return _(ENDS_FOR_ROLE[scenario.ending(ending).result_for(chooser)]).format(
        ending=title, role=scenario.role(chooser).name)


def option_odds(view: OptionView, state: State, reader: str | None = None, room: int | None = None,
                names: Names | None = None, quote: bool = False) -> str:
    """An option's odds, as shown in `state` (the state its card was on the table in), with the scenario's
    outcome labels and the endings they would bring about, each said as it would come (see odds_text) and with
    what it would mean for the role choosing (to `reader`: 'a win for you' when that is them). With `quote`
    (odds told within a sentence: the ending's list, the log, the debrief), each label and ending's title is
    in quotation marks, as a sentence names them, so that brackets of the scenario's own ('(as in 2019)') are
    read as part of the name and no bracket of the odds' own falls inside another."""
    scenario = state.scenario
    labels = tuple(in_quotes(label) if quote and label else label for label in view.labels)
    live = [k for k, p in enumerate(view.chances) if p > 0]
    if len(live) == 1 and not (labels[live[0]] if live[0] < len(labels) else ""):
        # A single result with no name: what it moves, so 'certain' says what is certain (as a share of the
        # odds names its result), never a bare word. One that only ends the game is named by its ending.
        ends = live[0] < len(view.ends) and view.ends[live[0]] is not None
        moves = moves_text(state, view.index, live[0], reader, quiet=not ends, room=room, names=names)
        labels = tuple(moves if k == live[0] else "" for k in range(len(view.chances)))
    if not any(view.ends):
        return odds_text(view.chances, labels)
    from game.engine.explain import outcome_ends

    found = outcome_ends(state, view.index)
    ends = tuple(None if e is None else ending_for_chooser(scenario, e.ending, state.role, reader, quote)
                 for e in found)
    return odds_text(view.chances, labels, ends, tuple("" if e is None else e.how for e in found))


MOVES_WIDTH = 32
"""The most columns a certain option's moves take on a card beside 'certain: ', so they stay on one line at 80
columns (a longer list cost the card its text: the options take the rows they need). Pages of prose (the
other side's move, the ending, the debrief) name every move."""


def moves_text(state: State, option: int, outcome: int, reader: str | None = None, quiet: bool = False,
               room: int | None = None, names: Names | None = None) -> str:
    """'▲ Street, Region; ▼ Generals': the meters `reader` may see that outcome `outcome` of option `option`
    moves, by the names the panel beside shows them under (`names`; no panel: their labels, see meter_called),
    those going up, then those going down; when none does,
    with `quiet`, that no meter moves (or none the reader can see), else "". Given `room` (columns), the
    largest moves first into it, '…' for the others (the outcome's page lists every one)."""
    meters = state.scenario.meters
    moves = outcome_moves(state, option)[outcome]
    seen = [(k, meter_called(meters[i], names), by)
            for k, (i, by) in enumerate(moves)
            if meters[i].visible_to(reader)]

    def said(kept: list) -> str:
        kept = sorted(kept)  # the scenario's order of meters
        return "; ".join(f"{arrow} " + ", ".join(name for _k, name, by in kept if (by > 0) == up)
                         for arrow, up in (("▲", True), ("▼", False)) if any((by > 0) == up for *_n, by in kept))

    kept: list = []
    for move in sorted(seen, key=lambda m: -abs(m[2])):
        if kept and room is not None and len(said([*kept, move])) + 1 > room:
            break
        kept.append(move)
    if not kept:
        if not quiet:
            return ""
        return _("no meter you can see moves") if moves else _("no meter moves")
    return said(kept) + ("…" if len(kept) < len(seen) else "")


def _edge(x: float) -> str:
    """A band's edge out of 100: whole when it is, else to one decimal (42.5), never rounded away."""
    v = round(float(x) * 100, 1)
    return format_number(v, 0 if v.is_integer() else 1)


def roll_text(step: Step) -> str:
    """How the outcome was decided, in words a player can check against the odds: the band in whole numbers
    as wide as the odds' percent ('needed 80 to 100: a 20% chance', the odds' 20% of a 79.5-100 band), since
    '79.5 to 100: a 20% chance' reads as a sum that does not add up. Only when the roll as shown falls
    outside the rounded band (it landed in the half point rounding moved) are the real edges given, with
    the real chance beside the odds' rounded one."""
    rolled = step.rolled
    if rolled.probability >= CERTAIN:
        return _("This choice had a single possible result: no roll was needed.")
    k = rolled.outcome
    chances = step.view.chances
    whole = whole_shares(chances)
    chance = shares(chances)[k]
    roll = round(rolled.roll * 100, 1)
    start = sum(whole[:k])
    end = start + whole[k]
    said = _("Rolled {roll} out of 100.").format(roll=format_number(roll, 1))
    label = quotable(rolled.label)  # quoted, not bracketed: a label may hold brackets of its own ('(as it happened)')
    if whole[k] and (start <= roll < end or end == 100 and start <= roll <= 100):
        needed = (_("The result “{label}” needed {low} to {high}: {chance}.") if rolled.label
                  else _("This result needed {low} to {high}: {chance}."))
        if chance[:1] in "<>":  # '0 to 100: a >99% chance' contradicts itself: the band's real edges
            low, high = step.band()
            edges = {"low": _edge(low), "high": _edge(high)}
        else:
            edges = {"low": format_number(start), "high": format_number(end)}
        return " ".join((said, needed.format(label=label, chance=chance_phrase(chance), **edges)))
    low, high = step.band()
    exact = format_percent(high - low, 1)
    needed = (_("The result “{label}” needed {low} to {high}: {exact}, which the odds round to {share}.")
              if rolled.label else _("This result needed {low} to {high}: {exact}, which the odds round to {share}."))
    return " ".join((said, needed.format(label=label, low=_edge(low), high=_edge(high), exact=exact,
                                         share=chance)))


def turns(n: int) -> str:
    return ngettext("{n} turn", "{n} turns", n).format(n=n)


def chance_phrase(share: str) -> str:
    """'a 40% chance', 'an 85% chance': the article as the number is said in English (eight, eleven, eighteen,
    eighty-); each language words both as it says them."""
    digits = share.strip("<>%\u00a0 ")
    spoken_vowel = digits.isdigit() and (digits.startswith("8") or digits in ("11", "18"))
    return (_("an {share} chance") if spoken_vowel else _("a {share} chance")).format(share=share)


def merged_changes(events) -> list:
    """The events with each meter's changes in one (its first value to its last, at its first change's
    place): an outcome that moves one meter twice reads as one move."""
    out: list = []
    at: dict[str, int] = {}
    for e in events:
        if isinstance(e, MeterChanged) and e.meter in at:
            k = at[e.meter]
            out[k] = MeterChanged(e.meter, out[k].before, e.after)
            continue
        if isinstance(e, MeterChanged):
            at[e.meter] = len(out)
        out.append(e)
    return out


def change_text(before: int, after: int) -> str:
    """'17→27 (▲+10)': a meter's change with no space inside a number's group, since a pane wraps at spaces
    (Textual breaks at any whitespace, a no-break space too) and "17 → 27 (▲ / +10)" split over two lines
    reads as two changes."""
    return f"{before}→{after} ({delta_text(after - before).replace(' ', '')})"


def meter_name(meter, names: Names | None = None) -> str:
    """A meter as a page's change line names it: as the panel beside shows it, when there is one (`names`);
    else (the debrief, read without the panel) its label, with the short label beside it when that is not
    already in it ('Loyalty of the union's members (Members)')."""
    if names:
        return meter_called(meter, names)
    short = meter.short.strip()
    if not short or short.casefold() in meter.label.casefold():
        return meter.label
    return _("{label} ({short})").format(label=meter.label, short=short)


def change_lines(events, scenario: Scenario, turn: int, reader: str | None = None,
                 names: Names | None = None) -> list[str]:
    """Every meter change (one line a meter), flag and follow-up among `events`, one line each (follow-ups
    due together, one line); a change to a meter hidden from `reader` is left out."""
    meters = {m.id: m for m in scenario.meters}
    flags = {f.id: f.description or f.id for f in scenario.flags}
    due = {e.due: sum(1 for f in events if isinstance(f, FollowUpQueued) and f.due == e.due)
           for e in events if isinstance(e, FollowUpQueued)}
    lines = []
    for e in merged_changes(events):
        if isinstance(e, MeterChanged):
            meter = meters.get(e.meter)
            if meter is not None and not meter.visible_to(reader):
                continue
            lines.append(f"{meter_name(meter, names) if meter else e.meter} {change_text(e.before, e.after)}")
        elif isinstance(e, FlagChanged):
            said = _("Now true: {flag}") if e.value else _("No longer true: {flag}")
            lines.append(said.format(flag=flags.get(e.flag, e.flag)))
        elif isinstance(e, FollowUpQueued) and e.due in due:
            n, later = due.pop(e.due), e.due - turn
            # The earliest turn, not a promise: a fixed-date card, another follow-up due first or its window
            # can keep the slot ("in 3 turns" came after 5, newcomer)
            if later <= 1:
                said = ngettext("A consequence of this comes next turn at the earliest.",
                                "{n} consequences of this come next turn at the earliest.", n)
            else:
                said = ngettext("A consequence of this comes in {turns} turns at the earliest.",
                                "{n} consequences of this come in {turns} turns at the earliest.", n)
            lines.append(said.format(n=n, turns=later))
    return lines


def step_lines(step: Step, reader: str | None = None, names: Names | None = None) -> list[str]:
    """What the decision itself changed, as `reader` may see it."""
    return change_lines(step.own, step.before.scenario, step.before.turn, reader, names)


@dataclass(frozen=True, slots=True)
class Happening:
    """A world event, or a turn a role passed for want of a card, as `reader` reads it."""

    turn: int
    day: dt.date
    title: str  # a world event's title ("<title> — <label>" when its result has a name), or "No card this week (<date>)."
    lines: tuple[str, ...]  # a world event's changes
    passed: bool = False  # a turn passed, not a world event
    text: str = ""  # what happened: the event's own text, then its result's when that is another

    @property
    def told(self) -> str:
        """The title and what happened, as one text: for a page that has no room to set them apart."""
        return f"{sentence(self.title)} {self.text}" if self.text else self.title


def period(scenario: Scenario) -> str:
    """What one turn is called: a week, a day, or just a turn."""
    return {1: "day", 7: "week"}.get(scenario.calendar.days_per_turn, "turn")


# Whole sentences per period, since a language may agree its words with it ("esta semana", "este día").
PASSED = {
    "day": (N_("No card this day ({date})."), N_("No card for {role} this day ({date}).")),
    "week": (N_("No card this week ({date})."), N_("No card for {role} this week ({date}).")),
    "turn": (N_("No card this turn ({date})."), N_("No card for {role} this turn ({date}).")),
}


def passed_text(scenario: Scenario, e: TurnPassed) -> str:
    """'No card for The Mayor this week (9 Mar 2026).'"""
    anyone, someone = PASSED[period(scenario)]
    day = date_text(e.day or scenario.calendar.date_of(e.turn))
    return _(someone).format(role=scenario.role(e.role).name, date=day) if e.role else _(anyone).format(date=day)


def happenings_shown(step: Step | Prologue, reader: str | None = None, names: Names | None = None) -> list[Happening]:
    """Each world event after the decision and each turn passed for want of a card, in order. Its text's
    opening date is left out ('{date}. The police close the port'): wherever it is shown, it is dated
    beside its title."""
    sc = step.before.scenario
    after = step.after
    out = []
    for h in step.happened:
        if isinstance(h, TurnPassed):
            out.append(Happening(h.turn, h.day or sc.calendar.date_of(h.turn), passed_text(sc, h), (), passed=True))
            continue
        day = h.drawn.day
        card = sc.card(h.drawn.card)
        title = shown(card.title, after, reader, day)
        label = shown(h.rolled.label, after, reader, day)
        # An event of one result without a text of its own tells the card's text as its result (in the reader's
        # words); one whose results say how it came out tells first what happened, then how it came out.
        told = [card.text_for(reader)] + ([h.rolled.text] if h.rolled.text != card.text else [])
        text = " ".join(sentence(t) for t in (undated(shown(t, after, reader, day), day) for t in told) if t.strip())
        out.append(Happening(h.drawn.turn, day, f"{title} — {label}" if label else title,
                             tuple(change_lines(h.events, sc, h.drawn.turn, reader, names)), text=text))
    return out


def undated(text: str, day: dt.date) -> str:
    """`text` without the date it opens with ('13 Jan 2026. The police...' -> 'The police...'), for a page that dates it."""
    said = date_text(day)
    if not text.startswith(said):
        return text
    rest = text[len(said):].lstrip(".,;:— ")
    return rest[:1].upper() + rest[1:] if rest else text


def ending_line(step: Step, reader: str | None = None, names: Names | None = None) -> str:
    """'This ends the game: <title>' when the step's outcome ended it; when an ending's condition (or the
    calendar) did, 'Then the game ends: <title>' and what settled it, as `reader` may see it; else ''."""
    if step.ending is None:
        return ""
    from game.engine.explain import how_it_ended

    from .settled import settled_text

    title = step.before.scenario.ending(step.ending.ending).title
    end = how_it_ended(step.before, step.turn)
    if end is None or end.how == "effect":
        return sentence(_("This ends the game: {ending}").format(ending=title))
    return " ".join((sentence(_("Then the game ends: {ending}").format(ending=title)),
                     settled_text(step.after, end, reader, names)))


# Quotation marks a scenario may write around its own words (an apostrophe is left alone: "Putin's").
PAIRED = {'"': '"', "“": "”", "«": "»", "„": "“"}
_INNER = re.compile(r'"([^"]+)"|“([^”“]+)”|«([^»«]+)»|„([^“„]+)“')


def quotable(text: str) -> str:
    """Scenario text made ready for the game's own quotation marks around it: quotes around the whole of it
    dropped ('"Putin's new Cuba"' inside “…” read “"Putin's new Cuba"”), and quotes inside it made the
    language's inner ones ('The "military option"' reads “The ‘military option’”; in Spanish, inside «…»,
    «La “opción militar”»)."""
    t = text.strip()
    if len(t) > 1 and PAIRED.get(t[0]) == t[-1] and not any(q in t[1:-1] for q in (*PAIRED, *PAIRED.values())):
        return t[1:-1]
    return _INNER.sub(lambda m: _("‘{words}’").format(words=next(g for g in m.groups() if g)), text)


def in_quotes(text: str) -> str:
    """Scenario text named within a sentence: in the language's quotation marks ('“cargoes head east”')."""
    return _("“{words}”").format(words=quotable(text))


def sentence(text: str) -> str:
    """`text` ending as a sentence: a full stop added unless it ends with one already (or ! ? …, or one
    inside a closing quote or bracket), so scenario text ending in "." never reads ".."."""
    end = text.rstrip().rstrip("\"'”’)]")
    return text if not text or end.endswith((".", "!", "?", "…", ":")) else f"{text}."


def _sentences(lines: list[str]) -> str:
    return " ".join(sentence(line) for line in lines)


def log_entries(record: Record, reader: str | None = None, upto: int | None = None,
                names: Names | None = None, odds: bool = False) -> list[tuple[str, str]]:
    """The story so far, oldest first, as (heading, text): each decision (whoever made it), the world's
    events, and the ending; changes hidden from `reader` left out, and only the first `upto` steps (what
    the reader has read so far)."""
    sc = record.scenario
    two = sc.two_sided
    reader = reader if two else None
    entries = []
    if upto is not None and upto < 0:
        return entries  # not even the world's opening events read yet
    if record.prologue is not None:
        entries += _happening_entries(record.prologue, reader, names)
    for step in record.steps[:upto]:
        before = step.before
        who = role_name(sc, step.role)
        mine = not two or step.role == reader
        day = card_day(before)
        title = shown(before.current_card.title, before, reader, day)
        heading = (_("Turn {turn} · {date} · {role}: {title}") if two else _("Turn {turn} · {date} · {title}")).format(
            turn=before.turn, date=date_text(day), role=who, title=title)
        chose = _("You chose “{option}”.") if mine else _("{role} chose “{option}”.")
        changes = _sentences(step_lines(step, reader, names))
        result = shown(step.rolled.text, step.after, reader, day)
        said = chose.format(role=who, option=quotable(step.chosen.label))
        if odds and step.rolled.probability < CERTAIN:  # with the odds shown, the log keeps them and the roll
            said += " " + _("Odds {odds}; rolled {roll}.").format(
                odds=option_odds(step.view, before, reader, names=names, quote=True),
                roll=format_number(round(step.rolled.roll * 100, 1), 1))
        entries.append((heading, f"{said} {result}" + (f" {changes}" if changes else "")))
        # The world's events after a move are dated by their day, and numbered with the turn of the pages that
        # told them (the move's), as the header showed it, not the next turn's (a 4 Mar event read on turn 8's
        # pages was 'Turn 9' in the log).
        entries += _happening_entries(step, reader, names, before.turn)
        if step.ending is not None:
            from game.engine.explain import how_it_ended

            from .settled import settled_text

            title = sc.ending(step.ending.ending).title.rstrip(".")
            why = settled_text(step.after, how_it_ended(step.before, step.turn), reader, names)
            entries.append((_("The end"), f"{title}: " + results_text(record, step.ending.ending, reader)
                            + (f" {why}" if why else "")))
    return entries


def _happening_entries(step: Step | Prologue, reader: str | None, names: Names | None = None,
                       turn: int | None = None) -> list[tuple[str, str]]:
    entries = []
    for h in happenings_shown(step, reader, names):
        if turn is not None:
            h = replace(h, turn=turn)
        if h.passed:
            entries.append((_("Turn {turn} · {date}").format(turn=h.turn, date=date_text(h.day)), h.title))
        else:
            body = _sentences(list(h.lines))
            told = _("The world: {event}").format(event=h.told)
            entries.append((_("Turn {turn} · {date} · the world").format(turn=h.turn, date=date_text(h.day)),
                            f"{sentence(told)} {body}" if body else told))
    return entries


# Each result said whole: a language words "a win" and "a draw" each its own way.
FOR_YOU = {"win": N_("a win for you."), "loss": N_("a loss for you."), "draw": N_("a draw for you.")}
FOR_ROLE = {"win": N_("a win for {role}"), "loss": N_("a loss for {role}"), "draw": N_("a draw for {role}")}


def results_text(record: Record, ending: str, reader: str | None) -> str:
    """'a win for you', or in a game of two people (or none chosen) each role's result."""
    sc = record.scenario
    if not sc.two_sided:
        return _(FOR_YOU[sc.ending(ending).result_for(record.player)])
    people = record.seats.people if record.seats else ()
    if reader and len(people) <= 1:
        return _(FOR_YOU[sc.ending(ending).result_for(reader)])
    return "; ".join(_(FOR_ROLE[sc.ending(ending).result_for(r)]).format(role=sc.role(r).name) for r in sc.order) + "."


@dataclass(frozen=True, slots=True)
class WorldShown:
    """One of the world's events on a page (or a turn passed, or how the game ended after them)."""

    heading: str  # "The world, 4 Mar 2026: A storm — the docks flood"
    text: str  # what happened
    lines: tuple[str, ...]  # what it changed


@dataclass(frozen=True, slots=True)
class OutcomeShown:
    """A decision and what followed, as one reader reads it: their own, or another role's (a bot's or a friend's)."""

    heading: str  # whose move it was; "" in a one-role game
    mine: bool
    choice: tuple[tuple[str, str], ...]  # (text, style) parts, for Content.assemble
    odds: str  # the chosen option's odds: shown for another's move, since the reader never saw its card
    roll: str
    text: str
    changes: tuple[str, ...]
    world: tuple[WorldShown, ...]


def outcome_shown(record: Record, step: Step | Prologue, reader: str | None, names: Names | None = None) -> OutcomeShown:
    if isinstance(step, Prologue):
        before = _("{date}: before anyone moves").format(date=date_text(step.after.date))
        return OutcomeShown(_("The world's move"), False, ((before, "bold"),),
                            "", "", "", (), _world_shown(step, reader, names))
    sc = record.scenario
    two = sc.two_sided
    mine = not two or step.role == reader
    who = role_name(sc, step.role)
    day = card_day(step.before)
    title = shown(step.before.current_card.title, step.before, reader, day)
    label = shown(step.chosen.label, step.before, reader, day)
    choice = styled(_("{card}: you chose {option}"), card=(title, "bold"), option=(label, "italic"))
    if not two:
        heading = ""
    elif mine:
        heading = _("Your move, {role}").format(role=who)
    else:
        by = _("a friend") if step.seat == PERSON else _("bot: {bot}").format(bot=bot_name(step.seat))
        heading = _("{role}'s move ({by})").format(role=who, by=by)
        # the rival's option in quotes: its words are addressed to the rival ('... and it stands with you')
        choice = styled(_("{role} drew “{card}” and chose “{option}”"), role=(who, "bold"),
                        card=(quotable(title), "bold"), option=(quotable(label), "italic"))
    changes = step_lines(step, reader if two else None, names)
    end = ending_line(step, reader if two else None, names)
    if end and not step.world:
        changes = changes + [end]  # a game-ending outcome says so, never "Nothing changed"
    elif not changes:
        changes = [end] if end else [_("Nothing changed that you can see.") if two else _("Nothing changed.")]
    world = _world_shown(step, reader, names)
    events = sum(1 for h in step.happened if not isinstance(h, TurnPassed))
    if events:  # the panel's changes add the world's events to this move's: say where they are told (at 80x24
        # they start below the fold)
        changes = changes + [ngettext("Then the world acted: {n} event, told below.",
                                      "Then the world acted: {n} events, told below.", events).format(n=events)]
    if end and step.world:
        world = world + (WorldShown(end, "", ()),)
    return OutcomeShown(heading, mine, choice, "" if mine else odds_line(option_odds(step.view, step.before, reader, names=names)),
                        roll_text(step),
                        shown(step.rolled.text, step.after, reader, day), tuple(changes), world)


def odds_line(odds: str) -> str:
    """The odds of another's move as its page states them: "Odds: 60% accepted / 40% laughed off"; for a
    move with a single result, "Certain: he slips away", or nothing when that result has no name (the
    roll's line says there was a single possible result)."""
    certain = _("certain")
    if not odds.startswith(certain):
        return _("Odds: {odds}").format(odds=odds)
    return odds[:1].upper() + odds[1:] if odds != certain else ""


def _world_shown(step: Step | Prologue, reader: str | None, names: Names | None = None) -> tuple[WorldShown, ...]:
    """A page's world events, each dated with the day its turn had reached (one fixed to a day: that day),
    and the turns passed."""
    return tuple(WorldShown(h.title, "", h.lines) if h.passed
                 else WorldShown(_("The world, {date}: {event}").format(date=date_text(h.day), event=h.title), h.text,
                                 h.lines)
                 for h in happenings_shown(step, reader, names))
