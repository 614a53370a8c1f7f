"""A student's debrief from the class's records: Markdown for people, JSON for programs. The JSON is also a
save (the scenario, seed and every choice of both roles), so `crisis play --resume` and `crisis simulate
--from` take it as it is."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from game.atomic import write_atomically
from game.engine import Log, replay
from game.engine.model import Happened, happened_text
from game.i18n import _
from game.saves import KIND
from game.scenario.translations import played_in

from .folder import ClassFolder
from .records import Records
from .scenarios import scenario_for


def debrief(klass: ClassFolder, game_id: int, records: Records | None = None) -> tuple[dict, str]:
    """(JSON data, Markdown) of one game; KeyError when the class has no such game."""
    own = records is None
    records = records or Records(klass.database)
    try:
        return _debrief(klass, game_id, records)
    finally:
        if own:
            records.close()


def _debrief(klass: ClassFolder, game_id: int, records: Records) -> tuple[dict, str]:
    games = records.games()
    game = next((g for g in games if g["id"] == game_id), None)
    if game is None:
        raise KeyError(game_id)
    # Both roles' decisions: in a room each side recorded its own, so gather the room's games.
    together = [g for g in games if g["room"] and g["room"] == game["room"]] if game["room"] else [game]
    names = {g["role"]: g["student"] for g in together}
    by_seq: dict[int, dict] = {}
    for d in records.decisions([g["id"] for g in together]):
        by_seq.setdefault(d["seq"], d)
    choices = max((g["choices"] for g in together), key=len)
    sc = scenario_for(game["scenario"], game["scenario_hash"])
    two_sided = sc.two_sided if sc else bool(game["room"]) or game["opponent"] not in ("", "none")
    log = Log(game["scenario"], game["scenario_hash"], "" if two_sided else game["role"], game["seed"], tuple(choices))
    decisions = []
    for seq in sorted(by_seq):
        d = by_seq[seq]
        card = sc.card(d["card"]) if sc else None
        def option_label(k):
            return card.options[k].label if card is not None and k is not None and k < len(card.options) else None
        def outcome_label(opt, k):
            if card is None or opt is None or k is None:
                return None
            o = card.options[opt].outcomes[k]
            return o.label or o.text
        decisions.append({
            "seq": seq, "turn": d["turn"], "date": d["date"], "role": d["role"],
            "player": names.get(d["role"], "") if d["seat"] == "person" else d["seat"],
            "seat": d["seat"], "card": d["card"], "card_title": d["card_title"],
            "historical_card": bool(d["card_historical"]),
            # When the card's event really happened (its "date" is the game's): first and last day, or None.
            "happened": [card.happened.first.isoformat(), card.happened.last.isoformat()]
            if card is not None and card.historical and card.happened else None,
            "chosen": {"option": d["option"], "label": d["label"]},
            "history_option": None if d["history_option"] is None else
            {"option": d["history_option"], "label": option_label(d["history_option"])},
            "chose_as_history": d["history_option"] == d["option"],
            "outcome": {"index": d["outcome"], "label": d["outcome_label"], "text": d["outcome_text"],
                        "probability": d["probability"]},
            "history_outcome": None if d["history_outcome"] is None else
            {"index": d["history_outcome"], "label": outcome_label(d["history_option"], d["history_outcome"])},
            "meters": d["meters"],
        })
    ending = None
    if game["ending"]:
        e = sc.ending(game["ending"]) if sc else None
        ending = {"id": game["ending"], "title": game["ending_title"], "result": game["result"],
                  "results": game["results"], "history": e.history if e else ""}
    seats = {g["role"]: "person" for g in together}
    if sc is not None and two_sided:
        for r in sc.order:
            seats.setdefault(r, game["opponent"] if game["opponent"] != "classmate" else "person")
    data = dict(log.to_dict(), kind=KIND, meta={
        "odds": bool(game["odds"]), "player": game["role"], "seats": seats, "class": klass.name,
        "student": game["student"], "over": bool(game["ending"])})
    data["debrief"] = {
        "class": klass.name, "student": game["student"], "role": game["role"], "opponent": game["opponent"],
        "opponent_name": game["opponent_name"], "room": game["room"], "odds_shown": bool(game["odds"]),
        "started": game["started"], "scenario_title": sc.title if sc else game["scenario"],
        "language": played_in(sc) if sc else "",  # the class's games are shown in the server's language
        "ending": ending, "decisions": decisions,
        "replay": "crisis play --resume THIS_FILE.json, or crisis simulate --from THIS_FILE.json"}
    if sc is not None:  # a check that the choices replay; the debrief is still written when they do not
        try:
            replay(sc, log)
        except ValueError as err:
            data["debrief"]["replay_problem"] = str(err)
    return data, as_markdown(data)


def as_markdown(data: dict) -> str:
    b = data["debrief"]
    out = [_("# Debrief: {student}").format(student=_md(b["student"])), "",
           _("- Class: {name}").format(name=_md(b["class"])),
           _("- Scenario: {title}").format(title=_md(b["scenario_title"])),
           _("- Role: {role}").format(role=_md(b["role"])),
           *([_("- Language: {language}").format(language=_md(b["language"]))] if b.get("language") else []),
           _("- Opponent: {opponent}").format(opponent=_md(b["opponent_name"] or b["opponent"]))
           + (_(" (room {code})").format(code=b["room"]) if b["room"] else ""),
           _("- Odds shown: yes") if b["odds_shown"] else _("- Odds shown: no"),
           _("- Seed: {seed}; replay with `crisis play --resume` on this debrief's JSON").format(seed=data["seed"])]
    if b["ending"]:
        e = b["ending"]
        result = e["result"] or ""
        out += [_("- Ending: **{title}** ({result} for {role})").format(
            title=_md(e["title"]), result=_md(_(result)), role=_md(b["role"]))]
        if e["history"]:
            out += ["", _("*In reality:* {history}").format(history=_md(e["history"]))]
    out += ["", _("## Decisions, both roles"), "",
            _("| turn | date | role | who | card | chosen | history's choice | outcome | history's outcome |"),
            "|---|---|---|---|---|---|---|---|---|"]
    for d in b["decisions"]:
        hist = d["history_option"]["label"] if d["history_option"] else "—"
        hout = (d["history_outcome"]["label"] or "—") if d["history_outcome"] else "—"
        historical = _(" (historical)") if d["historical_card"] else ""
        if d.get("happened"):  # said whole: the date column is the game's, not the day it happened
            when = Happened(*(dt.date.fromisoformat(day) for day in d["happened"]))
            historical = " (" + _("historical: {happened}").format(happened=happened_text(when)) + ")"
        out.append(f"| {d['turn']} | {d['date']} | {_md(d['role'])} | {_md(d['player'])} | {_md(d['card_title'])}"
                   f"{historical} | {_md(d['chosen']['label'])} | {_md(hist)} |"
                   f" {_md(d['outcome']['label'] or d['outcome']['text'])} | {_md(hout)} |")
    return "\n".join(out) + "\n"


def _md(text) -> str:
    # Table cells and list items: no pipes, no line breaks, no markup a viewer would act on.
    text = str(text if text is not None else "")
    for c in "\\`*_[]<>|#":
        text = text.replace(c, "\\" + c)
    return " ".join(text.split())


def write_debriefs(klass: ClassFolder, folder: Path, records: Records) -> dict[int, str]:
    """Every game's debrief as <n>-<game id>.md and .json in `folder`; game id -> the Markdown file's name."""
    folder.mkdir(parents=True, exist_ok=True)
    names = {}
    for g in records.games():
        data, markdown = _debrief(klass, g["id"], records)
        stem = f"game-{g['id']}"
        write_atomically(folder / f"{stem}.md", markdown)
        write_atomically(folder / f"{stem}.json", json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        names[g["id"]] = stem
    return names
