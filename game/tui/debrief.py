"""The debrief of a finished game, as Markdown for people and JSON for programs, written to the player's folder."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from game.atomic import write_atomically

from .record import Record
from .seats import PERSON
from .views import citations_text, date_text, delta_text, option_odds, results_text, roll_text


def as_data(record: Record) -> dict:
    """Everything that happened, with the seed: enough to check every roll or replay the game."""
    sc = record.scenario
    state = record.state
    turns = []
    for step in record.steps:
        card = step.before.current_card
        rolled = step.rolled
        turns.append({
            "turn": step.before.turn,
            "role": step.role,
            "seat": step.seat,
            "date": step.before.date.isoformat(),
            "card": {"id": card.id, "title": card.title, "historical": card.historical,
                     "sources": citations_text(sc, card.sources), "note": card.note},
            "options": [{"label": v.label, "available": v.available, "reason": v.reason,
                         "chances": list(v.chances), "historical": v.historical, "labels": list(v.labels),
                         "ends": list(v.ends)} for v in step.views],
            "choice": step.chosen.option,
            "outcome": {"index": rolled.outcome, "probability": rolled.probability, "roll": rolled.roll,
                        "band": list(step.band()), "text": rolled.text},
            "meters": [{"meter": c.meter, "before": c.before, "after": c.after} for c in step.changes],
            "world": [{"card": w.drawn.card, "outcome": w.rolled.outcome, "label": w.rolled.label,
                       "text": w.rolled.text} for w in step.world],
        })
    ending = sc.ending(state.ending) if state.ending else None
    return {
        "scenario": {"id": sc.id, "title": sc.title, "version": sc.version, "hash": sc.content_hash},
        "role": record.player,
        "seats": record.seats.to_meta() if record.seats else {state.role: PERSON},
        "seed": state.seed,
        "choices": list(state.choices),
        "ending": None if ending is None else {
            "id": ending.id, "title": ending.title, "result": ending.result_for(record.player),
            "results": {r.id: ending.result_for(r.id) for r in sc.roles}, "text": ending.text_for(record.player),
            "history": ending.history},
        "turns": turns,
        "meters": record.series(),
    }


def as_markdown(record: Record) -> str:
    sc = record.scenario
    state = record.state
    player = record.player
    role = sc.role(player)
    labels = {m.id: m.label for m in sc.meters}
    opponent = record.seats.opponent_of(player) if sc.two_sided and record.seats else ""
    replay = f"--role {player}" + (f" --opponent {opponent}" if opponent else "")
    out = [f"# Debrief: {sc.title}", "",
           f"- Role: {role.name}" + (f", {role.title}" if role.title else ""),
           f"- Seed: {state.seed} (replay with `crisis play --scenario {sc.id} {replay} --seed {state.seed}`)",
           (f"- Decisions: {len(record.steps)}" if sc.two_sided else f"- Turns played: {len(record.steps)}")]
    if opponent:
        out.insert(3, f"- Opponent: {opponent}")
    if state.ending:
        ending = sc.ending(state.ending)
        reader = player if sc.two_sided and not record.seats.hot_seat else None
        out += [f"- Ending: **{ending.title}**: " + results_text(record, state.ending, reader), "",
                ending.text_for(player) if sc.two_sided else ending.text]
        if ending.history:
            out += ["", f"*In reality:* {ending.history}"]
    turning = set(record.turning_points())
    out += ["", "## Turn by turn"]
    for n, step in enumerate(record.steps):
        card = step.before.current_card
        tag = "historical" if card.historical else "what if"
        mark = " (a turning point)" if n in turning else ""
        who = f"{sc.role(step.role).name}, " if sc.two_sided else ""
        out += ["", f"### Turn {step.before.turn}, {date_text(step.before.date)}: {who}{card.title}{mark}", "",
                f"*{tag}*" + (f"; sources: {citations_text(sc, card.sources)}" if card.sources else ""), "",
                card.text, "", "| # | option | odds | |", "|---|---|---|---|"]
        for n, v in enumerate(step.views, start=1):
            chosen = "**chosen**" if v.index == step.chosen.option else ("unavailable" if not v.available else "")
            out.append(f"| {n} | {_cell(v.label)} | {_cell(option_odds(v, sc))} | {chosen} |")
        out += ["", f"{roll_text(step)} {step.rolled.text}"]
        for c in step.changes:
            out.append(f"- {labels.get(c.meter, c.meter)}: {c.before} → {c.after} ({delta_text(c.after - c.before)})")
        for w in step.world:
            out.append(f"- The world: {sc.card(w.drawn.card).title} — {w.rolled.label or w.rolled.text}")
        if card.note:
            out += ["", f"> Why these odds: {card.note}"]
    out += ["", "## Meters", "", "| meter | start | end | lowest | highest |", "|---|---|---|---|---|"]
    for mid, values in record.series().items():
        out.append(f"| {_cell(labels[mid])} | {values[0]} | {values[-1]} | {min(values)} | {max(values)} |")
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def export(record: Record, folder: Path, now: dt.datetime | None = None) -> tuple[Path, Path]:
    """Write `<scenario>-<role>-seed<N>-<time>.md` and `.json`; returns both paths."""
    now = now or dt.datetime.now()
    state = record.state
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{state.scenario.id}-{record.player}-seed{state.seed}-{now:%Y%m%d-%H%M%S}")
    md = _write(folder / f"{stem}.md", as_markdown(record))
    data = _write(folder / f"{stem}.json", json.dumps(as_data(record), indent=1, ensure_ascii=False) + "\n")
    return md, data


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomically(path, text)
