"""The dominant-strategy scan: does a simple fixed rule win too often?

For each role, the rules of game.bots.fixed: always option K (for every K up to the most options a
card of the role offers), and for every meter the role's options change and may see, always the
option that raises it most and always the one that lowers it most (by its expected change). Each is
played against the historical opponent (in a one-sided scenario the role plays alone). A rule is
flagged when the lower end of the 95% Wilson interval of its win rate is above the designer's
threshold: the rule wins that often for certain, not by the luck of the runs.
"""

from __future__ import annotations

from game.engine.model import Scenario
from game.i18n import _, format_number, format_percent, ngettext

from .matrix import rates
from .runner import Batch, Summary
from .tally import touched

THRESHOLD = 0.55
OPPONENT = "historical"
FLAG_BY = "win_rate_ci95_low"  # what is compared with the threshold


def rules(scenario: Scenario, role: str) -> list[str]:
    """The fixed rules worth trying for a role, by name."""
    mine = [c for c in scenario.cards if not c.event and role in c.roles]
    most = max((sum(1 for o in c.options if not scenario.two_sided or o.open_to(role)) for c in mine), default=0)
    moved = touched(scenario)
    changed = {j for i, c in enumerate(scenario.cards) if not c.event and role in c.roles
               for k, o in enumerate(c.options) if not scenario.two_sided or o.open_to(role)
               for per_outcome in moved[i][k] for j in per_outcome}
    meters = [m.id for j, m in enumerate(scenario.meters) if j in changed and m.visible_to(role)]
    return ([f"always:{k}" for k in range(1, most + 1)]
            + [f"{way}:{m}" for m in meters for way in ("raise", "lower")])


def plan(scenario: Scenario, roles: list[str], runs: int, seed: int) -> list[tuple[str, str, Batch]]:
    """(role, rule, batch) for every rule of every role."""
    out = []
    for role in roles:
        for rule in rules(scenario, role):
            if scenario.two_sided:
                batch = Batch(None, OPPONENT, runs, seed, seats=((role, rule),))
            else:
                batch = Batch(role, rule, runs, seed)
            out.append((role, rule, batch))
    return out


def to_dict(scenario: Scenario, planned: list[tuple[str, str, Batch]], summaries: list[Summary],
            threshold: float, runs: int, seed: int) -> dict:
    """The `--json` object of a scan: every rule's results, and whether it is flagged."""
    found = {(id(s.batch), s.role): s for s in summaries}
    out = []
    for role, rule, batch in planned:
        r = rates(found[id(batch), role])
        flagged = r["win_rate_ci95"][0] > threshold
        out.append({"role": role, "rule": rule, "summary": _describe(rule), **r, "flagged": flagged})
    return {"scenario": scenario.id, "scenario_version": scenario.version, "runs": runs, "seed": seed,
            "opponent": OPPONENT if scenario.two_sided else None, "threshold": threshold, "flag_by": FLAG_BY,
            "rules": out, "flagged": [f"{r['role']} {r['rule']}" for r in out if r["flagged"]]}


def render(d: dict) -> str:
    against = _("against the {policy} opponent").format(policy=d["opponent"]) if d["opponent"] else \
        _("each role alone")
    lines = [_("Dominant-strategy scan · {scenario} {version} · {games} a rule, {against} · seed {seed}").format(
                 scenario=d["scenario"], version=d["scenario_version"], against=against, seed=d["seed"],
                 games=ngettext("{n} game", "{n} games", d["runs"]).format(n=format_number(d["runs"]))),
             _("A rule is flagged (!) when the lower end of the {ci} interval of its win rate is above {share}.").format(
                 ci=format_percent(0.95), share=format_percent(d["threshold"])), ""]
    width = max((len(r["rule"]) for r in d["rules"]), default=4)
    for r in d["rules"]:
        lo, hi = r["win_rate_ci95"]
        mark = "!" if r["flagged"] else " "
        rate = _("win {share}").format(share=f"{format_percent(r['win_rate'], 1):>6}")
        lines.append(f"  {mark} {r['role']:<10} {r['rule']:<{width}}  {rate} "
                     f"({format_number(100 * lo, 1)}-{format_number(100 * hi, 1)})  {r['summary']}")
    lines += ["", _("Flagged: {rules}").format(rules=", ".join(d["flagged"]) if d["flagged"] else _("none"))]
    return "\n".join(lines) + "\n"


def _describe(rule: str) -> str:
    from game.bots import get_policy

    return get_policy(rule).summary
