"""What the screens show, worked out from a game record as plain values; no Textual here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from game.engine import (
    EndingReached, FlagChanged, FollowUpQueued, MeterChanged, Scenario, State, TurnPassed,
)
from game.engine.model import Citation

from .record import Record, Step

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


def date_text(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


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


def meter_readings(record: Record) -> dict[str, MeterReading]:
    state = record.state
    before = record.previous_meters() if record.steps else None
    return {
        m.id: MeterReading(m.id, m.label, m.description, state.meters[i], m.lo, m.hi,
                           None if before is None else state.meters[i] - before[i], m.short)
        for i, m in enumerate(record.scenario.meters)
    }


def citations_text(scenario: Scenario, citations: tuple[Citation, ...]) -> str:
    parts = []
    for c in citations:
        src = scenario.source(c.source)
        name = f"{src.outlet}, {src.date}" if src else c.source
        parts.append(f"{name} ({c.note})" if c.note else name)
    return "; ".join(parts)


def card_shown(state: State) -> CardShown | None:
    card = state.current_card
    if card is None:
        return None
    return CardShown(card.title, date_text(state.date), card.text, card.historical,
                     citations_text(state.scenario, card.sources))


def shares(chances: tuple[float, ...]) -> list[str]:
    """Each outcome's chance as the player reads it: whole percents that add up to 100 (the largest
    remainders get the spare points), since rounding each on its own shows 42.5% / 57.5% as
    "42% / 57%", which a player rightly reads as a mistake. <1% and >99% at the edges."""
    exact = [p * 100 for p in chances]
    whole = [int(x) for x in exact]
    spare = 100 - sum(whole)
    for k in sorted(range(len(exact)), key=lambda k: whole[k] - exact[k])[:max(spare, 0)]:
        whole[k] += 1
    return ["<1%" if 0 < p < 0.005 else ">99%" if 0.995 <= p < 1 else f"{w}%" for p, w in zip(chances, whole)]


def odds_text(chances: tuple[float, ...]) -> str:
    if len(chances) == 1 or max(chances) >= CERTAIN:
        return "certain"
    return " / ".join(shares(chances))


def _edge(x: float) -> str:
    """A band's edge out of 100: whole when it is, else to one decimal (42.5), never rounded away."""
    v = round(float(x) * 100, 1)
    return f"{v:.0f}" if v.is_integer() else f"{v:.1f}"


def roll_text(step: Step) -> str:
    """How the outcome was decided, in words a player can check against the odds."""
    rolled = step.rolled
    if rolled.probability >= CERTAIN:
        return "This choice had a single possible result: no roll was needed."
    low, high = step.band()
    chance = shares(step.views[step.chosen.option].chances)[rolled.outcome]
    return (f"Rolled {rolled.roll * 100:.1f} out of 100. This result needed {_edge(low)} to {_edge(high)}: "
            f"a {chance} chance.")


def change_lines(step: Step) -> list[str]:
    """Every meter change, flag and follow-up of a step, one line each."""
    sc = step.before.scenario
    labels = {m.id: m.label for m in sc.meters}
    flags = {f.id: f.description or f.id for f in sc.flags}
    lines = []
    for e in step.turn.events:
        if isinstance(e, MeterChanged):
            lines.append(f"{labels.get(e.meter, e.meter)} {e.before} → {e.after} ({delta_text(e.after - e.before)})")
        elif isinstance(e, FlagChanged):
            lines.append(("Now true: " if e.value else "No longer true: ") + flags.get(e.flag, e.flag))
        elif isinstance(e, FollowUpQueued):
            lines.append(f"Something will follow in {e.due - step.before.turn} turn(s).")
    return lines


def log_entries(record: Record) -> list[tuple[str, str]]:
    """The story so far, oldest first, as (heading, text): each turn's card, choice, result and changes."""
    sc = record.scenario
    entries = []
    for step in record.steps:
        before = step.before
        changes = " ".join(f"{line}." if not line.endswith(".") else line for line in change_lines(step))
        entries.append((f"Turn {before.turn} · {date_text(before.date)} · {before.current_card.title}",
                        f"You chose \"{step.chosen.label}\". {step.rolled.text}" + (f" {changes}" if changes else "")))
        for e in step.turn.events:
            if isinstance(e, TurnPassed):
                entries.append((f"Turn {e.turn}", f"{e.reason.capitalize()}."))
            elif isinstance(e, EndingReached):
                entries.append(("The end", f"{sc.ending(e.ending).title}: a {e.result} for you."))
    return entries
