"""The payoff matrix and the dominant-strategy scan: what a designer reads, and that it is what the games say."""

import json
from pathlib import Path

from game.cli import main
from game.sim import matrix, scan
from game.sim.runner import Batch, simulate
from game.sim.stats import wilson

from .two_sided import balanced, contest, lopsided

HARBOUR = str(Path(__file__).parent.parent / "data" / "format1" / "harbour")
RATES = {"wins", "losses", "draws", "win_rate", "win_rate_ci95", "loss_rate", "loss_rate_ci95", "draw_rate",
         "draw_rate_ci95"}


def test_a_two_sided_matrix_has_a_cell_per_pair_and_each_roles_rates():
    sc = contest()
    summaries = simulate(sc, matrix.plan(sc, ["a", "b"], 200, 7), jobs=2)
    d = matrix.to_dict(sc, summaries, 200, 7, 0.0)
    assert d["roles"] == ["a", "b"] and d["policies"] == ["random", "historical", "greedy", "adaptive"]
    pairs = [(c["policies"]["a"], c["policies"]["b"]) for c in d["cells"]]
    assert sorted(pairs) == sorted((p, q) for p in d["policies"] for q in d["policies"])
    for cell in d["cells"]:
        assert set(cell["results"]) == {"a", "b"}
        for r in cell["results"].values():
            assert set(r) == RATES and r["wins"] + r["losses"] + r["draws"] == 200
            assert r["win_rate"] == r["wins"] / 200 and r["win_rate_ci95"] == [round(x, 6) for x in wilson(r["wins"], 200)]
            lo, hi = r["loss_rate_ci95"]
            assert lo <= r["loss_rate"] <= hi
    # A cell is the same games as a batch run on its own with those policies.
    cell = next(c for c in d["cells"] if c["policies"] == {"a": "greedy", "b": "historical"})
    alone = simulate(sc, [Batch(None, "greedy", 200, 7, seats=(("b", "historical"),))])
    assert [s.tally.results["win"] for s in alone] == [cell["results"]["a"]["wins"], cell["results"]["b"]["wins"]]
    text = matrix.render(d)
    assert "a \\ b" in text and "a greedy vs b historical" in text


def test_a_one_sided_matrix_is_a_row_per_role_and_policy_matching_single_runs(capsys):
    assert main(["simulate", HARBOUR, "--matrix", "--runs", "300", "--seed", "4", "--jobs", "1", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)["matrix"]
    assert d["two_sided"] is False and d["roles"] == ["mayor", "union"]
    assert [(next(iter(c["policies"].items()))) for c in d["cells"]] == [
        (role, p) for role in ("mayor", "union") for p in ("random", "historical", "greedy", "adaptive")]
    for cell in d["cells"][::3]:
        (role, policy), = cell["policies"].items()
        assert main(["simulate", HARBOUR, "--role", role, "--policy", policy, "--runs", "300", "--seed", "4",
                     "--jobs", "1", "--json"]) == 0
        alone = json.loads(capsys.readouterr().out)
        r = cell["results"][role]
        assert (r["wins"], r["losses"], r["draws"]) == (alone["wins"], alone["losses"], alone["draws"])
        assert (r["win_rate"], r["win_rate_ci95"]) == (alone["win_rate"], alone["win_rate_ci95"])
    assert main(["simulate", HARBOUR, "--matrix", "--runs", "100", "--jobs", "1"]) == 0
    text = capsys.readouterr().out
    assert "a row per role and policy" in text and "mayor        adaptive" in text


def scanned(sc, runs=300, threshold=0.55):
    planned = scan.plan(sc, list(sc.order), runs, 1)
    return scan.to_dict(sc, planned, simulate(sc, [b for *_, b in planned], jobs=2), threshold, runs, 1)


def test_the_scan_flags_a_rule_that_wins_against_history():
    d = scanned(lopsided())
    assert d["flag_by"] == "win_rate_ci95_low" and d["opponent"] == "historical"
    rules = {(r["role"], r["rule"]): r for r in d["rules"]}
    assert set(rules) == {(role, rule) for role in "ab" for rule in ("always:1", "always:2", "raise:rope", "lower:rope")}
    assert rules["a", "always:1"]["flagged"] and rules["a", "always:1"]["win_rate"] > 0.9
    assert rules["a", "raise:rope"]["flagged"]  # the same thing, said another way
    assert not rules["a", "always:2"]["flagged"] and not rules["a", "lower:rope"]["flagged"]
    assert "a always:1" in d["flagged"]
    assert "! a          always:1" in scan.render(d)


def test_the_scan_flags_nothing_on_a_balanced_scenario():
    d = scanned(balanced())
    assert d["rules"] and d["flagged"] == [] and not any(r["flagged"] for r in d["rules"])
    assert "Flagged: none" in scan.render(d)


def test_the_threshold_is_the_designers(capsys):
    d = scanned(balanced(), threshold=0.01)  # any rule that ever wins clears a threshold this low
    assert d["threshold"] == 0.01 and d["flagged"]
    assert main(["simulate", HARBOUR, "--scan", "--threshold", "0.3", "--runs", "200", "--jobs", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"scan"} and out["scan"]["threshold"] == 0.3 and out["scan"]["opponent"] is None
    assert {r["role"] for r in out["scan"]["rules"]} == {"mayor", "union"}
    assert all(r["flagged"] == (r["win_rate_ci95"][0] > 0.3) for r in out["scan"]["rules"])


def test_matrix_and_scan_together_give_both_keys(capsys):
    assert main(["simulate", HARBOUR, "--role", "union", "--matrix", "--scan", "--runs", "64", "--jobs", "1",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"matrix", "scan"} and out["matrix"]["roles"] == ["union"]
