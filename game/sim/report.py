"""A simulation's results two ways: a dict for `--json`, and a plain-text report with small charts for people."""

from __future__ import annotations

from game.engine.model import Scenario
from game.i18n import N_, _, format_number, format_percent, ngettext

from .runner import Summary, path_stride
from .stats import spread, wilson

CHART_HEIGHT = 5
CHART_WIDTH = 60
TOP_CAUSES = 5
# A role that wins more than this share of its games (the lower end of the 95% interval above it) against
# every opponent is flagged: the scenario is lopsided.
LOPSIDED_SHARE = 0.7
IDLE_TURNS_SHOWN = 12
RESULTS = (N_("win"), N_("loss"), N_("draw"))  # a result's word, translated where a report shows it


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
            found.append(_("no option open to role '{role}' is marked historical: true, so its historical"
                           " policy chose at random").format(role=role))
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
    return [_("Lopsided: {role} playing {policy} wins above {share} against every policy of the other side"
              " (at least {lowest})").format(role=f["role"], policy=f["policy"], share=format_percent(share),
                                            lowest=format_percent(f["lowest_win_rate"], 1)) for f in found]


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
    against = "".join(_(" · against {role} {policy}").format(role=r, policy=p)
                      for r, p in d.get("opponents", {}).items())
    lines = [_("{title} ({id} {version}) · role {role} · policy {policy}{against} · {runs} · seed {seed}").format(
        title=sc.title, id=sc.id, version=sc.version, role=d["role"], policy=d["policy"], against=against,
        runs=ngettext("{n} run", "{n} runs", n).format(n=format_number(n)), seed=d["seed"])]
    if "from" in d:
        made = ngettext("{n} decision made", "{n} decisions made", d["from"]["choices"]).format(n=d["from"]["choices"])
        lines.append(_("Continuing a saved game from turn {turn} ({made})").format(turn=d["from"]["turn"], made=made)
                     + (_(" - the game was already over") if d["from"]["over"] else ""))
    results = {ending: _(result) for ending, result in d["results"].items()}  # "win" in the reader's language
    width = max(len(e.id) + len(results[e.id]) + 3 for e in sc.endings)
    lines += ["", _("Endings                           runs    share   {ci} interval").format(ci=format_percent(0.95))]
    for e in sc.endings:
        count = d["endings"][e.id]
        lo, hi = d["endings_ci95"][e.id]
        name = f"{e.id} ({results[e.id]})"
        bar = "█" * round(20 * count / n)
        lines.append(f"  {name:<{max(width, 30)}} {format_number(count):>7} {format_percent(count / n, 1):>8}   "
                     f"{_span(lo, hi):<13} {bar}")
    lo, hi = d["win_rate_ci95"]
    lines += ["", _("Win {win} (95% {low}-{high}) · loss {loss} · draw {draw}").format(
                  win=format_percent(d["win_rate"], 1), low=format_number(100 * lo, 1), high=format_percent(hi, 1),
                  loss=format_percent(d["loss_rate"], 1), draw=format_percent(d["draw_rate"], 1)),
              _("Game ends on turn: median {median} · p10 {p10} · p90 {p90}").format(**d["turns"])]
    if d["lopsided"]:
        against = _(" against {opponents}").format(opponents=", ".join(f"{r} {p}" for r, p in d["opponents"].items())) \
            if d.get("opponents") else ""
        lines.append(_("Lopsided: {role} wins above {share} of its games{against}").format(
            role=d["role"], share=format_percent(LOPSIDED_SHARE), against=against))
    lines += [_("Notice: {notice}").format(notice=notice) for notice in d["notices"]]
    lines += _idle_lines(d, n)
    sample = "" if d["meter_runs"] == n else _(" (one run in {stride}: {runs})").format(
        stride=path_stride(n), runs=ngettext("{n} run", "{n} runs", d["meter_runs"]).format(
            n=format_number(d["meter_runs"])))
    lines += ["", _("Meters at the end of each turn, over the games still going{sample}: median █, p10 to p90 ░").format(
        sample=sample)]
    for m in sc.meters:
        if not m.visible_to(summary.role):
            continue  # a meter the scenario hides from this role stays hidden in its report
        lines += _chart(m.label or m.id, m.lo, m.hi, d["meters"][m.id])
    lines += ["", _("Cards drawn (share of runs that drew each)")]
    cells = [f"{cid} {format_percent(c / n)}" for cid, c in d["cards_drawn"].items()]
    lines += _columns(cells)
    never = d["unreached_cards"]
    lines += ["", _("Never drawn: {cards}").format(cards=", ".join(never)) if never else _("Never drawn: none")]
    opts = [f"{o['card']} > {o['label']}" for o in d["unreached_options"]]
    lines.append(_("Options never chosen: {options}").format(options="; ".join(opts)) if opts else
                 _("Options never chosen: none"))
    unreached = d["unreached_endings"]
    lines.append(_("Endings never reached: {endings}").format(endings=", ".join(unreached)) if unreached else
                 _("Endings never reached: none"))
    if d["losses"]:
        lines += ["", _("Commonest causes of a loss ({losses}): the ending, and the decision that led to it").format(
            losses=ngettext("{n} loss", "{n} losses", d["losses"]).format(n=format_number(d["losses"])))]
        for c in d["loss_causes"]:
            if not c["card"]:
                how = _("the calendar ran out")
            elif c.get("by"):
                how = _("after {role}'s {card} > {option}: {outcome}").format(
                    role=c["by"], card=c["card"], option=c["option"], outcome=c["outcome"])
            else:
                how = _("after {card} > {option}: {outcome}").format(card=c["card"], option=c["option"],
                                                                     outcome=c["outcome"])
            lines.append(f"  {format_percent(c['share'], 1):>6}  {c['ending']} {how}")
    lines += ["", _("{games} in {seconds} s · {games_per_s} games/s · {turns_per_s} turns/s").format(
        games=ngettext("{n} game", "{n} games", n).format(n=format_number(n)), seconds=format_number(d["elapsed_s"], 2),
        games_per_s=format_number(d["games_per_s"], 0), turns_per_s=format_number(d["turns_per_s"], 0))]
    return "\n".join(lines) + "\n"


def _span(lo: float, hi: float) -> str:
    """A 95% interval as "12.5-20.1%", with the decimals a small share needs."""
    return f"{_pct(lo)}-{format_percent(hi, 2 if 0 < 100 * hi < 1 else 1)}"


def _idle_lines(d: dict, n: int) -> list[str]:
    """The turns on which the role had no card to draw, so its turn passed."""
    if not d["idle_turns"]:
        return [_("Turns with no card to draw: none")]
    turns = list(d["idle_turns"].items())
    shown = ", ".join(_("turn {turn} in {share} of games").format(turn=t, share=format_percent(games / n))
                      for t, games in turns[:IDLE_TURNS_SHOWN])
    left = len(turns) - IDLE_TURNS_SHOWN
    more = ngettext(", and {n} more turn", ", and {n} more turns", left).format(n=left) if left > 0 else ""
    return [_("Turns with no card to draw: {share} of the role's turns passed ({turns}{more})").format(
        share=format_percent(d["idle_share"], 1), turns=shown, more=more)]


def _pct(share: float) -> str:
    """A share as a percentage, with the decimals a small one needs (0.04, not 0.0)."""
    p = 100 * share
    return format_number(p, 2 if 0 < p < 1 else 1)


def _chart(label: str, lo: int, hi: int, series: dict[str, list]) -> list[str]:
    """A meter's p10/median/p90 by turn as a few rows of text, one column per turn (sampled when long).
    Turns with no figures (before a saved game's turn, when continuing it) are left out."""
    first = next((t for t, v in enumerate(series["median"]) if v is not None), len(series["median"]))
    series = {key: values[first:] for key, values in series.items()}
    turns = len(series["median"])
    if not turns:
        return ["  " + _("{meter}: no turns played").format(meter=label)]
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
    figures = "   ".join(_("turn {turn}: {p10}/{median}/{p90}").format(
        turn=first + t + 1, p10=_figure(series["p10"][t]), median=_figure(series["median"][t]),
        p90=_figure(series["p90"][t])) for t in marks)
    out.append(f"    {'':>{pad}}  " + _("p10/median/p90") + f"  {figures}")
    return out


def _figure(value: float | None) -> str:
    return str(value) if value is None else format_number(value)


def _columns(cells: list[str], width: int = 96) -> list[str]:
    if not cells:
        return ["  " + _("none")]
    cell = max(len(c) for c in cells) + 3
    per_row = max(1, width // cell)
    return ["  " + "".join(c.ljust(cell) for c in cells[i:i + per_row]).rstrip()
            for i in range(0, len(cells), per_row)]
