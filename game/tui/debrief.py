"""The debrief of a finished game, as Markdown for people and JSON for programs, written to the player's folder."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from game.atomic import write_atomically
from game.engine import MeterChanged, TurnPassed
from game.engine.explain import outcome_ends
from game.engine.model import happened_text
from game.i18n import _

from .record import Record, Step, WorldEvent
from .seats import PERSON, bot_name
from .settled import end_data, ended, settled_text
from .turning import turning_points
from .views import (
    card_day, citations_text, happenings_shown, date_text, delta_text, merged_changes, option_odds,
    results_text, roll_text, shown,
)


def _world(sc, events: tuple[WorldEvent, ...], after) -> list[dict]:
    """The world's events as data, their text as it was read ({date} and meters filled in)."""
    return [{"turn": w.drawn.turn, "date": w.drawn.day.isoformat(),
             "card": w.drawn.card, "title": shown(sc.card(w.drawn.card).title, after, None, w.drawn.day),
             "outcome": w.rolled.outcome, "label": w.rolled.label, "text": shown(w.rolled.text, after, None, w.drawn.day),
             "meters": [{"meter": e.meter, "before": e.before, "after": e.after}
                        for e in w.events if isinstance(e, MeterChanged)]} for w in events]


def as_data(record: Record) -> dict:
    """Everything that happened, with the seed: enough to check every roll or replay the game. In a
    two-sided game every decision is there, whichever role made it and whoever sat in its seat."""
    sc = record.scenario
    state = record.state
    turning = set(turning_points(record))
    turns = []
    for n, step in enumerate(record.steps):
        card = step.before.current_card
        rolled = step.rolled
        turns.append({
            "turn": step.before.turn,
            "role": step.role,
            "seat": step.seat,
            "date": card_day(step.before).isoformat(),  # the day the card shows
            "card": {"id": card.id, "title": card.title, "historical": card.historical,
                     "sources": citations_text(sc, card.sources), "note": card.note},
            "options": [{"index": v.index, "label": v.label, "available": v.available, "reason": v.reason,
                         "chances": list(v.chances), "historical": v.historical, "labels": list(v.labels),
                         "ends": list(v.ends), "ends_how": _ends_how(step.before, v)} for v in step.views],
            "choice": step.chosen.option,
            "historical_choice": step.view.historical,
            "turning_point": n in turning,
            "outcome": {"index": rolled.outcome, "probability": rolled.probability, "roll": rolled.roll,
                        "band": list(step.band()), "text": rolled.text},
            "meters": [{"meter": c.meter, "before": c.before, "after": c.after} for c in step.changes],
            "world": _world(sc, step.world, step.after),
        })
    ending = sc.ending(state.ending) if state.ending else None
    end = ended(record) if ending else None
    return {
        "scenario": {"id": sc.id, "title": sc.title, "version": sc.version, "hash": sc.content_hash},
        "language": _language(sc),  # the scenario's text and the game's were shown in this one
        "role": record.player,
        "seats": record.seats.to_meta() if record.seats else {state.role: PERSON},
        # One keyboard, two people: "role" is only the first of them, whom the files are named after.
        "hot_seat": bool(record.seats and record.seats.hot_seat),
        "seed": state.seed,
        "choices": list(state.choices),
        "ending": None if ending is None else {
            "id": ending.id, "title": ending.title, "result": ending.result_for(record.player),
            "results": {r.id: ending.result_for(r.id) for r in sc.roles}, "text": shown(ending.text_for(record.player), state, record.player),
            "history": ending.history, "date": state.day.isoformat(), "turn": state.turn,
            "settled": end_data(sc, end), "settled_text": settled_text(state, end)},
        "opening": _world(sc, record.prologue.world, record.prologue.after) if record.prologue else [],
        "turns": turns,
        "meters": record.series(),
    }


def _ends_how(before, view) -> list[str | None]:
    """Per outcome, how it would have ended the game (engine.explain.OutcomeEnd: "effect", "condition",
    "already", "calendar"), else None: the odds' "ends the game" and "then the game ends", as data."""
    if not any(view.ends):
        return [None] * len(view.ends)
    return [None if e is None else e.how for e in outcome_ends(before, view.index)]


def _language(sc) -> str:
    from game.scenario.translations import played_in

    return played_in(sc)


def _seat(step: Step) -> str:
    return _("a person") if step.seat == PERSON else _("a bot ({bot})").format(bot=bot_name(step.seat))


def scenario_arg(sc) -> str:
    """What `--scenario` needs to find this scenario again: its id when that names this folder, else the folder."""
    import shlex
    from pathlib import Path

    from game.scenario.catalog import resolve_scenario
    from game.scenario.problems import ScenarioNotFound

    folder = Path(sc.path).resolve() if sc.path else None
    try:
        if folder is None or resolve_scenario(sc.id).resolve() == folder:
            return sc.id
    except ScenarioNotFound:
        pass
    return shlex.quote(str(folder))


def as_markdown(record: Record) -> str:
    sc = record.scenario
    state = record.state
    player = record.player
    two = sc.two_sided
    role = sc.role(player)
    labels = {m.id: m.label for m in sc.meters}
    opponent = record.seats.opponent_of(player) if two and record.seats else ""
    replay = f"--role {player}" + (f" --opponent {opponent}" if opponent else "")
    command = f"crisis play --scenario {scenario_arg(sc)} {replay} --seed {state.seed}"
    hot_seat = bool(two and record.seats and record.seats.hot_seat)
    if hot_seat:  # "Role: <one leader>… Opponent: friend" read as if one leader were the reader's
        who = "; ".join(_named(sc.role(r)) for r in record.seats.people)
        played = _("- Played by people taking turns at one keyboard: {roles}").format(roles=who)
    else:
        played = _("- Role: {role}").format(role=_named(role))
    out = [_("# Debrief: {title}").format(title=sc.title), "", played,
           _("- Language: {language}").format(language=_language(sc)),
           _("- Seed: {seed} (replay with `{command}`)").format(seed=state.seed, command=command),
           (_("- Decisions: {n}") if two else _("- Turns played: {n}")).format(n=len(record.steps))]
    if opponent and not hot_seat:
        out.insert(3, _("- Opponent: {opponent}").format(opponent=bot_name(opponent)))
    if state.ending:
        ending = sc.ending(state.ending)
        reader = player if two and not record.seats.hot_seat else None
        out += [_("- Ending: **{ending}**: ").format(ending=ending.title) + results_text(record, state.ending, reader),
                _("- Ended: {date}, turn {turn}").format(date=date_text(state.day), turn=state.turn)]
        why = settled_text(state, ended(record))  # every meter: the debrief is the teacher's, as its tables are
        out += [f"- {why}"] if why else []
        out += ["", shown(ending.text_for(player), state, player) if two else ending.text]
        if ending.history:
            out += ["", _("*In reality:* {history}").format(history=ending.history)]
    if record.prologue is not None:
        out += ["", _("## Before the first move, {date}").format(date=date_text(record.first.date)), ""]
        out += _world_lines(record.prologue, sc, labels, None)
    turning = set(turning_points(record))
    out += ["", _("## Turn by turn")]
    for n, step in enumerate(record.steps):
        before = step.before
        card = before.current_card
        # Said whole, as the help says it: a bare "historical" or "what if" meant nothing to a first-time reader.
        tag = (_("historical: {happened}").format(happened=happened_text(card.happened)) if card.historical
               else _("what if: this did not happen, but could have"))
        mark = " " + _("(a turning point)") if n in turning else ""
        reader = step.role if two else None
        day = card_day(before)
        title = shown(card.title, before, reader, day)
        heading = (_("### Turn {turn}, {date}: {role}, {title}") if two else _("### Turn {turn}, {date}: {title}")).format(
            turn=before.turn, date=date_text(day), role=sc.role(step.role).name, title=title)
        seat = "; " + _("played by {who}").format(who=_seat(step)) if two else ""
        sources = "; " + _("sources: {sources}").format(sources=citations_text(sc, card.sources)) if card.sources else ""
        out += ["", heading + mark, "", f"*{tag}*{seat}{sources}", "",
                shown(card.text_for(reader), before, reader, day), "",
                "| # | " + _("option") + " | " + _("odds") + " | |", "|---|---|---|---|"]
        for k, v in enumerate(step.views, start=1):
            tags = ["**" + _("chosen") + "**"] if v.index == step.chosen.option else [_("unavailable")] if not v.available else []
            tags += [_("history's choice")] if v.historical else []
            out.append(f"| {k} | {_cell(shown(v.label, before, reader))} | {_cell(option_odds(v, before, reader, names=labels, quote=True))} | {', '.join(tags)} |")
        out += ["", f"{roll_text(step)} {shown(step.rolled.text, step.after, reader, day)}"]
        for c in merged_changes(step.own):
            if isinstance(c, MeterChanged):
                out.append(f"- {labels.get(c.meter, c.meter)}: {c.before} → {c.after} ({delta_text(c.after - c.before)})")
        out += _world_lines(step, sc, labels, reader)
        if card.note:
            out += ["", _("> Why these odds: {note}").format(note=card.note)]
    out += ["", _("## Meters"), "", _("| meter | start | end | lowest | highest | over the game |"), "|---|---|---|---|---|---|"]
    meters = {m.id: m for m in sc.meters}
    for mid, values in record.series().items():
        m = meters[mid]
        out.append(f"| {_cell(labels[mid])} | {values[0]} | {values[-1]} | {min(values)} | {max(values)} | "
                   f"{sparkline(values, m.lo, m.hi, 40)} |")
    return "\n".join(out) + "\n"


def _named(role) -> str:
    return f"{role.name}, {role.title}" if role.title else role.name


def _world_lines(step, sc, labels: dict[str, str], reader: str | None) -> list[str]:
    """The world's events after a decision (or before the first one), in the words the game showed them."""
    out = []
    for h, seen in zip(step.happened, happenings_shown(step, reader)):
        if seen.passed:
            out.append(f"- {seen.title}")
            continue
        out.append(_("- The world, turn {turn}, {date}: {event}").format(
            turn=seen.turn, date=date_text(seen.day), event=seen.told))
        out += [f"  - {labels.get(e.meter, e.meter)}: {e.before} → {e.after} ({delta_text(e.after - e.before)})"
                for e in merged_changes(h.events) if isinstance(e, MeterChanged)]
    return out


LEVELS = "▁▂▃▄▅▆▇█"


def sparkline(values: tuple[int, ...] | list[int], lo: int, hi: int, width: int) -> str:
    """A meter's path in one line of text, for the Markdown debrief (a file has no chart): one glyph per
    decision, or per group of decisions when there are more than `width`, the mean scaled to lo..hi."""
    if not values or width <= 0:
        return ""
    n = len(values)
    cells = min(width, n)
    out = []
    for c in range(cells):
        chunk = values[c * n // cells:(c + 1) * n // cells] or [values[min(n - 1, c * n // cells)]]
        level = (sum(chunk) / len(chunk) - lo) / max(1, hi - lo)
        out.append(LEVELS[min(len(LEVELS) - 1, max(0, int(level * len(LEVELS))))])
    return "".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _stem_prefix(record: Record) -> str:
    state = record.state
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{state.scenario.id}-{record.player}-seed{state.seed}")


def _texts(record: Record) -> tuple[str, str]:
    return as_markdown(record), json.dumps(as_data(record), indent=1, ensure_ascii=False) + "\n"


def already_written(record: Record, folder: Path) -> tuple[Path, Path] | None:
    """The debrief of this very game, if `folder` holds it (both files, as they would be written now)."""
    md_text, data_text = _texts(record)
    return _find(record, folder, md_text, data_text)


def _find(record: Record, folder: Path, md_text: str, data_text: str) -> tuple[Path, Path] | None:
    try:
        candidates = sorted(folder.glob(f"{_stem_prefix(record)}-*.json"))
    except OSError:
        return None
    for data in candidates:
        md = data.with_suffix(".md")
        try:
            if data.read_text(encoding="utf-8") == data_text and md.read_text(encoding="utf-8") == md_text:
                return md, data
        except (OSError, UnicodeDecodeError):
            continue
    return None


def export(record: Record, folder: Path, now: dt.datetime | None = None) -> tuple[Path, Path]:
    """Write `<scenario>-<role>-seed<N>-<time>.md` and `.json`; returns both paths. A game's debrief is
    written once: when `folder` already holds it, those files are returned and nothing is written."""
    md_text, data_text = _texts(record)
    found = _find(record, folder, md_text, data_text)
    if found is not None:
        return found
    now = now or dt.datetime.now()
    stem = f"{_stem_prefix(record)}-{now:%Y%m%d-%H%M%S}"
    md = _write(folder / f"{stem}.md", md_text)
    data = _write(folder / f"{stem}.json", data_text)
    return md, data


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomically(path, text)
