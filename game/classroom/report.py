"""The class report: one self-contained HTML page (inline SVG charts, no outside files) from the class's records."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from pathlib import Path

from game.atomic import write_atomically
from game.i18n import _

from .charts import RESULTS, choices_chart, endings_chart, meters_chart
from .debrief import write_debriefs
from .folder import ClassFolder
from .pages import pages
from .records import Records
from .scenarios import scenario_for
from .teacher import MAIN_METERS

SIM_GAMES = 300
KEY_CARDS = 6
TURNING = 10


def build_report(klass: ClassFolder, debrief_links: dict[int, str] | None = None, sim_games: int = SIM_GAMES) -> str:
    records = Records(klass.database)
    try:
        games = records.games()
        decisions = records.decisions()
    finally:
        records.close()
    scenario_of = {g["id"]: g["scenario"] for g in games}
    for d in decisions:
        d["scenario"] = scenario_of.get(d["game_id"], "")
    if debrief_links is None:
        debrief_links = {g["id"]: f"/teacher/debrief/{g['id']}.md" for g in games}
    context = {
        "klass": klass.name, "made": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "games": len(games), "students": len({g["student"] for g in games}),
        "finished": sum(1 for g in games if g["ending"]),
        "endings": _endings(games, sim_games), "cards": _key_cards(decisions),
        "meters": _meters(games, decisions), "turning": _turning(games, decisions),
        "rows": [dict(g, link=debrief_links.get(g["id"], "")) for g in games],
    }
    context["endings_svg"] = endings_chart(context["endings"]) if context["endings"] else ""
    return pages().get_template("report.html").render(**context)


def write_report(klass: ClassFolder, out: Path | None = None) -> Path:
    """The report as a file (default: report.html in the class folder), with every debrief in a folder beside it."""
    out = Path(out) if out else klass.path / "report.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    folder = out.parent / f"{out.stem}-debriefs"
    records = Records(klass.database)
    try:
        names = write_debriefs(klass, folder, records)
    finally:
        records.close()
    links = {gid: f"{folder.name}/{stem}.md" for gid, stem in names.items()}
    return write_atomically(out, build_report(klass, links))


def _shares(results: list[str]) -> dict[str, float]:
    n = len(results) or 1
    counts = Counter(results)
    return {r: counts[r] / n for r in RESULTS}


def _endings(games: list[dict], sim_games: int) -> list[dict]:
    """Per scenario, role and opponent: the class's finished games' results, and what the simulator gets when
    random choices play the role against the same opponent (a classmate counted as random too)."""
    groups: dict[tuple, list[str]] = defaultdict(list)
    for g in games:
        if g["ending"]:
            groups[(g["scenario"], g["scenario_hash"], g["role"], g["opponent"])].append(g["result"])
    rows = []
    for (sid, digest, role, opponent), results in sorted(groups.items()):
        sc = scenario_for(sid, digest)
        rows.append({"scenario": sid, "role": role, "opponent": opponent, "n": len(results),
                     "class": _shares(results), "sim": _simulated(sc, role, opponent, sim_games) if sc else {}})
    return rows


def _simulated(sc, role: str, opponent: str, runs: int) -> dict[str, float]:
    from game.bots import UnknownPolicy, get_policy
    from game.engine.fast import play

    try:
        if sc.two_sided:
            other = opponent if opponent in _policies() else "random"
            choose = [get_policy("random" if r == role else other).chooser(sc, r) for r in sc.order]
            games = [play(sc, None, seed, choose, random.Random(seed)) for seed in range(runs)]
        else:
            choose = get_policy("random").chooser(sc, role)
            games = [play(sc, role, seed, choose, random.Random(seed)) for seed in range(runs)]
    except (UnknownPolicy, ValueError):
        return {}
    return _shares([p.result_for(role) for p in games])


def _policies() -> set[str]:
    from game.bots import POLICIES

    return set(POLICIES)


def _key_cards(decisions: list[dict]) -> list[dict]:
    """The historical cards students decided most often: how they chose, next to history's choice."""
    by_card: dict[str, list[dict]] = defaultdict(list)
    for d in decisions:
        if d["card_historical"] and d["seat"] == "person":
            by_card[(d["scenario"], d["card"], d["role"])].append(d)
    cards = []
    for (sid, card, role), ds in sorted(by_card.items(), key=lambda kv: -len(kv[1]))[:KEY_CARDS]:
        counts = Counter((d["option"], d["label"]) for d in ds)
        history = ds[0]["history_option"]
        options = [{"label": label, "count": n, "history": k == history} for (k, label), n in sorted(counts.items())]
        if history is not None and history not in {k for k, _ in counts}:
            sc = scenario_for(sid)
            label = sc.card(card).options[history].label if sc else _("history's choice")
            options.append({"label": _("{option} (nobody)").format(option=label), "count": 0, "history": True})
        card_info = {"title": f"{ds[0]['card_title']} ({role})", "options": options, "n": len(ds),
                     "as_history": sum(1 for d in ds if d["option"] == history)}
        card_info["svg"] = choices_chart(card_info)
        cards.append(card_info)
    return cards


def _meters(games: list[dict], decisions: list[dict]) -> list[dict]:
    """Every game's meter paths, on one chart per scenario (a panel per main meter)."""
    by_game: dict[int, list[dict]] = defaultdict(list)
    for d in decisions:
        by_game[d["game_id"]].append(d)
    charts = []
    for sid in dict.fromkeys(g["scenario"] for g in games):
        sc = scenario_for(sid)
        ours = [g for g in games if g["scenario"] == sid]
        meters = [{"id": m.id, "label": m.label} for m in (sc.meters if sc else [])][:MAIN_METERS]
        paths = []
        for g in ours:
            path: dict[str, list[int]] = defaultdict(list)
            for d in by_game.get(g["id"], []):
                for k, v in d["meters"].items():
                    path[k].append(v)
            paths.append({"meters": path, "result": g["result"]})
        if meters and any(p["meters"] for p in paths):
            charts.append({"svg": meters_chart(sc.title, meters, paths), "count": len(paths), "title": sc.title})
    return charts


def _turning(games: list[dict], decisions: list[dict]) -> list[dict]:
    """Each game's turning point is the decision that moved its meters most; the decisions that were
    the turning point of the most games come first."""
    best: dict[int, dict] = {}
    for d in decisions:
        if d["game_id"] not in best or d["swing"] > best[d["game_id"]]["swing"]:
            best[d["game_id"]] = d
    results = {g["id"]: g["result"] for g in games}
    tally: dict[tuple, dict] = {}
    for gid, d in best.items():
        key = (d["card"], d["role"], d["option"], d["outcome"])
        row = tally.setdefault(key, {"card": d["card_title"], "role": d["role"], "option": d["label"],
                                     "outcome": d["outcome_label"] or d["outcome_text"], "games": 0, "swing": 0,
                                     "results": Counter()})
        row["games"] += 1
        row["swing"] += d["swing"]
        if results.get(gid):
            row["results"][results[gid]] += 1
    rows = sorted(tally.values(), key=lambda r: (-r["games"], -r["swing"]))[:TURNING]
    for r in rows:
        r["mean_swing"] = round(r["swing"] / r["games"], 1)
        r["results"] = ", ".join(f"{n} {_(k)}" for k, n in sorted(r["results"].items())) or _("not finished")
    return rows
