"""A simulation's results two ways: a dict for `--json`, and a plain-text report with small charts for people."""

from __future__ import annotations

from game.engine.model import Scenario

from .runner import Summary, path_stride
from .stats import spread, wilson

CHART_HEIGHT = 5
CHART_WIDTH = 60
TOP_CAUSES = 5
# A role that wins more than this share of its games (the lower end of the 95% interval above it) against
# every opponent is flagged: the scenario is lopsided.
LOPSIDED_SHARE = 0.7
IDLE_TURNS_SHOWN = 12


def _num(x: float) -> float | int | None:
    """Whole numbers as ints, others rounded: the JSON reads cleanly and compares exactly across runs.
    NaN (no games to count, as on the turns before a saved game continued) is null, not a number."""
    if x != x:
        return None
    return int(x) if float(x).is_integer() else round(x, 6)


def _deck(scenario: Scenario, role: str, drawn: list[int]) -> list[int]:
    """The cards that belong in a role's report: those it may draw, the world's events in a two-sided
    game, and any follow-up that came up."""
    if scenario.two_sided:
        return [i for i, c in enumerate(scenario.cards) if c.event or role in c.roles or drawn[i]]
    return [i for i, c in enumerate(scenario.cards) if role in c.roles or drawn[i]]


def _choices(scenario: Scenario, role: str, card: int) -> list[int]:
    """The options of a card the role decides between: none for a world event (nobody decides)."""
    c = scenario.cards[card]
    if c.event:
        return []
    return [k for k, o in enumerate(c.options) if not scenario.two_sided or o.open_to(role)]


def to_dict(summary: Summary) -> dict:
    """The `--json` object for one role."""
    sc, b, t = summary.scenario, summary.batch, summary.tally
    role = summary.role
    n = t.runs
    wins, losses, draws = t.results["win"], t.results["loss"], t.results["draw"]
    deck = _deck(sc, role, t.drawn)
    out: dict = {"scenario": sc.id, "scenario_version": sc.version, "role": role, "policy": summary.policy}
    if sc.two_sided:
        out["opponents"] = summary.opponents
    out |= {"runs": n, "seed": b.seed}
    if b.start is not None:
        out["from"] = {"turn": b.start.turn, "choices": len(b.start.choices), "over": b.start.over}
    out |= {
        "endings": {e.id: t.endings.get(e.id, 0) for e in sc.endings},
        "endings_ci95": {e.id: [_num(x) for x in wilson(t.endings.get(e.id, 0), n)] for e in sc.endings},
        "results": {e.id: e.result_for(role) for e in sc.endings},
        "wins": wins, "losses": losses, "draws": draws,
        "win_rate": _num(wins / n), "win_rate_ci95": [_num(x) for x in wilson(wins, n)],
        "loss_rate": _num(losses / n), "draw_rate": _num(draws / n),
        "turns": {k: _num(v) for k, v in spread(t.turns).items()},
        "cards_drawn": {sc.cards[i].id: t.drawn[i] for i in deck},
        "unreached_cards": [sc.cards[i].id for i in deck if not t.drawn[i]],
        "unreached_options": [
            {"card": sc.cards[i].id, "option": k, "label": sc.cards[i].options[k].label}
            for i in deck if t.drawn[i] for k in _choices(sc, role, i) if not t.chosen.get((i, k))
        ],
        "unreached_endings": [e.id for e in sc.endings if not t.endings.get(e.id)],
        "meters": {m.id: _meter_spread(t, j) for j, m in enumerate(sc.meters)},
        "meter_runs": t.path_runs,
        "loss_causes": [_cause(sc, key, count, losses) for key, count in _causes(t.losses)],
        "idle_turns": {str(turn): t.idle[turn] for turn in sorted(t.idle)},
        "idle_share": _num(sum(t.idle.values()) / t.due) if t.due else 0,
        "lopsided": wilson(wins, n)[0] > LOPSIDED_SHARE,
        "notices": notices(sc, {role: summary.policy} | (summary.opponents if sc.two_sided else {})),
        "elapsed_s": round(summary.elapsed, 4),
        "games_per_s": round(summary.games_per_s, 1),
        "turns_per_s": round(summary.turns_per_s, 1),
    }
    return out


def notices(sc: Scenario, seats: dict[str, str]) -> list[str]:
    """What a designer should know about how the bots played: a historical policy with nothing historical to
    follow plays at random."""
    found = []
    for role, policy in seats.items():
        if policy == "historical" and not any(o.historical and (not sc.two_sided or o.open_to(role))
                                              for c in sc.cards if not c.event and role in c.roles
                                              for o in c.options):
            found.append(f"no option open to role '{role}' is marked historical: true, so its historical"
                         " policy chose at random")
    return found


def lopsided_cells(d: dict, share: float = LOPSIDED_SHARE) -> list[dict]:
    """From a payoff matrix's `--json` object (matrix.to_dict): each role and policy that wins above `share`
    (the lower end of its 95% interval) against every policy of the other roles."""
    found = []
    for role in d["roles"]:
        for policy in d["policies"]:
            cells = [c for c in d["cells"] if c["policies"].get(role) == policy and role in c["results"]]
            if cells and all(c["results"][role]["win_rate_ci95"][0] > share for c in cells):
                low = min(c["results"][role]["win_rate"] for c in cells)
                found.append({"role": role, "policy": policy, "lowest_win_rate": low})
    return found


def lopsided_lines(found: list[dict], share: float = LOPSIDED_SHARE) -> list[str]:
    return [f"Lopsided: {f['role']} playing {f['policy']} wins above {100 * share:.0f}% against every policy of"
            f" the other side (at least {100 * f['lowest_win_rate']:.1f}%)" for f in found]


def _cause(sc: Scenario, key: tuple, count: int, losses: int) -> dict:
    """A cause of a loss: the ending and the decision before it; in a two-sided game, whose it was."""
    ending, c, o, k, slot = key
    cause = {"ending": ending, "card": sc.cards[c].id if c >= 0 else None,
             "option": sc.cards[c].options[o].label if c >= 0 else None,
             "outcome": sc.cards[c].options[o].outcomes[k].text if c >= 0 else None}
    if sc.two_sided:
        cause["by"] = sc.order[slot] if c >= 0 else None
    return cause | {"count": count, "share": _num(count / losses)}


def _meter_spread(tally, meter: int) -> dict[str, list]:
    by_turn = [spread(counts) for counts in tally.meter_counts(meter)]
    return {key: [_num(s[key]) for s in by_turn] for key in ("p10", "median", "p90")}


def _causes(losses: dict) -> list:
    # Most losses first; ties in a fixed order so that the report never depends on how work was split.
    return sorted(losses.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_CAUSES]


def render(summary: Summary) -> str:
    """The report for people: endings, results, turns, meter charts, coverage and causes of a loss."""
    d = to_dict(summary)
    sc = summary.scenario
    n = d["runs"]
    against = "".join(f" · against {r} {p}" for r, p in d.get("opponents", {}).items())
    lines = [f"{sc.title} ({sc.id} {sc.version}) · role {d['role']} · policy {d['policy']}{against} · "
             f"{n:,} runs · seed {d['seed']}"]
    if "from" in d:
        lines.append(f"Continuing a saved game from turn {d['from']['turn']} "
                     f"({d['from']['choices']} decisions made){' - the game was already over' if d['from']['over'] else ''}")
    lines += ["", "Endings                           runs    share   95% interval"]
    width = max(len(e.id) + len(d["results"][e.id]) + 3 for e in sc.endings)
    for e in sc.endings:
        count = d["endings"][e.id]
        lo, hi = d["endings_ci95"][e.id]
        name = f"{e.id} ({d['results'][e.id]})"
        bar = "█" * round(20 * count / n)
        lines.append(f"  {name:<{max(width, 30)}} {count:>7,} {100 * count / n:>7.1f}%   "
                     f"{_pct(lo) + '-' + _pct(hi) + '%':<13} {bar}")
    lo, hi = d["win_rate_ci95"]
    lines += ["", f"Win {100 * d['win_rate']:.1f}% (95% {100 * lo:.1f}-{100 * hi:.1f}%) · "
                  f"loss {100 * d['loss_rate']:.1f}% · draw {100 * d['draw_rate']:.1f}%",
              f"Game ends on turn: median {d['turns']['median']} · p10 {d['turns']['p10']} · p90 {d['turns']['p90']}"]
    if d["lopsided"]:
        against = " against " + ", ".join(f"{r} {p}" for r, p in d["opponents"].items()) if d.get("opponents") else ""
        lines.append(f"Lopsided: {d['role']} wins above {100 * LOPSIDED_SHARE:.0f}% of its games{against}")
    lines += [f"Notice: {n}" for n in d["notices"]]
    lines += _idle_lines(d, n)
    sample = "" if d["meter_runs"] == n else f" (one run in {path_stride(n)}: {d['meter_runs']:,} runs)"
    lines += ["", f"Meters at the end of each turn, over the games still going{sample}: median █, p10 to p90 ░"]
    for m in sc.meters:
        if not m.visible_to(summary.role):
            continue  # a meter the scenario hides from this role stays hidden in its report
        lines += _chart(m.label or m.id, m.lo, m.hi, d["meters"][m.id])
    lines += ["", "Cards drawn (share of runs that drew each)"]
    cells = [f"{cid} {100 * c / n:.0f}%" for cid, c in d["cards_drawn"].items()]
    lines += _columns(cells)
    never = d["unreached_cards"]
    lines += ["", f"Never drawn: {', '.join(never) if never else 'none'}"]
    opts = [f"{o['card']} > {o['label']}" for o in d["unreached_options"]]
    lines.append(f"Options never chosen: {'; '.join(opts) if opts else 'none'}")
    lines.append(f"Endings never reached: {', '.join(d['unreached_endings']) or 'none'}")
    if d["losses"]:
        lines += ["", f"Commonest causes of a loss ({d['losses']:,} losses): the ending, and the decision that led to it"]
        for c in d["loss_causes"]:
            by = f"{c['by']}'s " if c.get("by") else ""
            how = (f"after {by}{c['card']} > {c['option']}: {c['outcome']}" if c["card"] else
                   "the calendar ran out")
            lines.append(f"  {100 * c['share']:5.1f}%  {c['ending']} {how}")
    lines += ["", f"{n:,} games in {d['elapsed_s']:.2f} s · {d['games_per_s']:,.0f} games/s · "
                  f"{d['turns_per_s']:,.0f} turns/s"]
    return "\n".join(lines) + "\n"


def _idle_lines(d: dict, n: int) -> list[str]:
    """The turns on which the role had no card to draw, so its turn passed."""
    if not d["idle_turns"]:
        return ["Turns with no card to draw: none"]
    turns = list(d["idle_turns"].items())
    shown = ", ".join(f"turn {t} in {100 * games / n:.0f}% of games" for t, games in turns[:IDLE_TURNS_SHOWN])
    more = f", and {len(turns) - IDLE_TURNS_SHOWN} more turns" if len(turns) > IDLE_TURNS_SHOWN else ""
    return [f"Turns with no card to draw: {100 * d['idle_share']:.1f}% of the role's turns passed ({shown}{more})"]


def _pct(share: float) -> str:
    """A share as a percentage, with the decimals a small one needs (0.04, not 0.0)."""
    p = 100 * share
    return f"{p:.2f}" if 0 < p < 1 else f"{p:.1f}"


def _chart(label: str, lo: int, hi: int, series: dict[str, list]) -> list[str]:
    """A meter's p10/median/p90 by turn as a few rows of text, one column per turn (sampled when long).
    Turns with no figures (before a saved game's turn, when continuing it) are left out."""
    first = next((t for t, v in enumerate(series["median"]) if v is not None), len(series["median"]))
    series = {key: values[first:] for key, values in series.items()}
    turns = len(series["median"])
    if not turns:
        return [f"  {label}: no turns played"]
    if turns <= CHART_WIDTH:  # short games get wider columns, long ones a column every few turns
        repeat = max(1, min(4, CHART_WIDTH // turns))
        cols = [t for t in range(turns) for _ in range(repeat)]
    else:
        cols = [round(i * (turns - 1) / (CHART_WIDTH - 1)) for i in range(CHART_WIDTH)]
    span = (hi - lo) or 1

    def row(v: float) -> int:
        return max(0, min(CHART_HEIGHT - 1, round((v - lo) / span * (CHART_HEIGHT - 1))))

    grid = [[" "] * len(cols) for _ in range(CHART_HEIGHT)]
    for x, t in enumerate(cols):
        for r in range(row(series["p10"][t]), row(series["p90"][t]) + 1):
            grid[r][x] = "░"
        grid[row(series["median"][t])][x] = "█"
    axis = [str(hi)] + [""] * (CHART_HEIGHT - 2) + [str(lo)]
    pad = max(len(a) for a in axis)
    out = [f"  {label}"]
    for r in range(CHART_HEIGHT - 1, -1, -1):
        out.append(f"    {axis[CHART_HEIGHT - 1 - r]:>{pad}} ┤{''.join(grid[r])}")
    marks = sorted({0, turns // 2, turns - 1})
    figures = "   ".join(f"turn {first + t + 1}: {series['p10'][t]}/{series['median'][t]}/{series['p90'][t]}" for t in marks)
    out.append(f"    {'':>{pad}}  p10/median/p90  {figures}")
    return out


def _columns(cells: list[str], width: int = 96) -> list[str]:
    if not cells:
        return ["  none"]
    cell = max(len(c) for c in cells) + 3
    per_row = max(1, width // cell)
    return ["  " + "".join(c.ljust(cell) for c in cells[i:i + per_row]).rstrip()
            for i in range(0, len(cells), per_row)]
