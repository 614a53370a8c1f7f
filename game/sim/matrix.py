"""The payoff matrix: every pairing of the shipped policies, each role's win, loss and draw rates.

For a two-sided (format 2) scenario, a batch per combination of policies, one per role (for two roles,
every pair): a designer reads at a glance whether a role wins whatever the other does. For a
one-sided (format 1) scenario there is no opponent: a row per role and policy.
Every batch uses the same master seed, so the cells differ by the policies, not by luck alone.
"""

from __future__ import annotations

import itertools

from game.engine.model import Scenario
from game.i18n import N_, _, format_number, format_percent, ngettext

from .report import lopsided_cells, lopsided_lines
from .runner import Batch, Summary
from .stats import wilson

MATRIX_POLICIES = ("random", "historical", "greedy", "adaptive")
RESULTS = (("win", "wins"), ("loss", "losses"), ("draw", "draws"))


def plan(scenario: Scenario, roles: list[str], runs: int, seed: int,
         policies: tuple[str, ...] = MATRIX_POLICIES) -> list[Batch]:
    """The batches of a matrix: a combination of policies each (format 2), or a role and policy each."""
    if not scenario.two_sided:
        return [Batch(role, p, runs, seed) for role in roles for p in policies]
    order = scenario.order
    return [Batch(None, combo[0], runs, seed, seats=tuple(zip(order, combo)))
            for combo in itertools.product(policies, repeat=len(order))]


def rates(summary: Summary) -> dict:
    """A role's results in one cell: counts, rates, and 95% Wilson intervals."""
    t = summary.tally
    out: dict = {}
    for result, plural in RESULTS:
        k = t.results[result]
        out[plural] = k
        out[f"{result}_rate"] = _round(k / t.runs)
        out[f"{result}_rate_ci95"] = [_round(x) for x in wilson(k, t.runs)]
    return out


def to_dict(scenario: Scenario, summaries: list[Summary], runs: int, seed: int, elapsed: float,
            policies: tuple[str, ...] = MATRIX_POLICIES) -> dict:
    """The `--json` object of a matrix: a cell per batch, naming every role's policy and results."""
    cells: dict[int, dict] = {}
    for s in summaries:
        cell = cells.setdefault(id(s.batch), {"policies": {}, "results": {}})
        if scenario.two_sided:
            cell["policies"] = {r: s.batch.policy_of(r) for r in scenario.order}
        else:
            cell["policies"] = {s.role: s.policy}
        cell["results"][s.role] = rates(s)
    roles = list(scenario.order) if scenario.two_sided else list(dict.fromkeys(s.role for s in summaries))
    d = {"scenario": scenario.id, "scenario_version": scenario.version, "two_sided": scenario.two_sided,
         "roles": roles, "policies": list(policies), "runs": runs, "seed": seed,
         "cells": list(cells.values()), "elapsed_s": round(elapsed, 4)}
    return d | {"lopsided": lopsided_cells(d) if scenario.two_sided else []}


def render(d: dict) -> str:
    """The matrix for people: for two roles a grid of win rates, then every cell in full."""
    roles = d["roles"]
    lines = [_("Payoff matrix · {scenario} {version} · {games} a cell · seed {seed} · rates with {ci} intervals").format(
        ci=format_percent(0.95),
        scenario=d["scenario"], version=d["scenario_version"], seed=d["seed"],
        games=ngettext("{n} game", "{n} games", d["runs"]).format(n=format_number(d["runs"])))]
    if not d["two_sided"]:
        heads = [_(word) for word in (N_("role"), N_("policy"), N_("win"), N_("loss"), N_("draw"))]
        lines += [_("One-sided scenario: each role plays alone, so a row per role and policy."), "",
                  f"  {heads[0]:<12} {heads[1]:<11} {heads[2]:<20} {heads[3]:<20} {heads[4]:<20}"]
        for cell in d["cells"]:
            (role, policy), = cell["policies"].items()
            r = cell["results"][role]
            lines.append(f"  {role:<12} {policy:<11} " + " ".join(f"{_rate(r, res):<20}" for res, _plural in RESULTS))
        return "\n".join(line.rstrip() for line in lines) + "\n"
    if len(roles) == 2:
        a, b = roles
        by = {(c["policies"][a], c["policies"][b]): c["results"] for c in d["cells"]}
        width = max(14, max(len(p) for p in d["policies"]) + 2)
        corner = f"{a} \\ {b}"
        lines += ["", _("Win rates: {a}% / {b}% (rows: {a}'s policy, columns: {b}'s)").format(a=a, b=b),
                  f"  {corner:<{width}}" + "".join(f"{p:<{width}}" for p in d["policies"])]
        for pa in d["policies"]:
            row = "".join(f"{_pct(by[pa, pb][a]['win_rate']) + ' / ' + _pct(by[pa, pb][b]['win_rate']):<{width}}"
                          for pb in d["policies"])
            lines.append(f"  {pa:<{width}}{row}")
    lines += [""] + lopsided_lines(d["lopsided"]) if d["lopsided"] else []
    lines += ["", _("Every pairing: each role's win, loss and draw rates ({ci} interval)").format(ci=format_percent(0.95))]
    width = max(len(r) for r in roles)
    for cell in d["cells"]:
        lines.append("  " + _(" vs ").join(f"{r} {p}" for r, p in cell["policies"].items()))
        for role in roles:
            r = cell["results"][role]
            lines.append(f"    {role:<{width}}  " + "  ".join(f"{_(res)} {_rate(r, res):<19}" for res, _plural in RESULTS))
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _rate(r: dict, result: str) -> str:
    lo, hi = r[f"{result}_rate_ci95"]
    return f"{format_percent(r[f'{result}_rate'], 1)} ({_pct(lo)}-{_pct(hi)})"


def _pct(share: float) -> str:
    return format_number(100 * share, 1)


def _round(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 6)
