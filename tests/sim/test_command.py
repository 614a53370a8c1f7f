"""`crisis simulate` as a user runs it: JSON for programs, a report for people, clear errors, --out, --from."""

import json
from pathlib import Path

import pytest

from game.cli import main
from game.engine import options, resolve, start
from game.engine.replay import log_of
from game.saves import write_save
from game.scenario import load

DATA = Path(__file__).parent.parent / "data" / "sim"
COIN = str(DATA / "coin")
# The tutorial as it was in format 1 (one role plays), frozen: format-1 output must not change.
HARBOUR = str(DATA.parent / "format1" / "harbour")
REQUIRED = {"scenario", "role", "policy", "runs", "seed", "endings", "wins", "losses", "draws", "win_rate",
            "win_rate_ci95", "turns", "cards_drawn", "unreached_cards", "unreached_endings", "elapsed_s",
            "games_per_s", "turns_per_s"}
TIMINGS = ("elapsed_s", "games_per_s", "turns_per_s")


def simulate_json(capsys, *args):
    assert main(["simulate", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_known_answer_lies_within_the_interval_the_report_states(capsys):
    out = simulate_json(capsys, COIN, "--role", "caller", "--runs", "20000", "--jobs", "1")
    assert out["runs"] == 20000 and out["endings"]["heads"] + out["endings"]["tails"] == 20000
    lo, hi = out["endings_ci95"]["heads"]
    assert lo < 0.3 < hi and hi - lo < 0.015
    lo, hi = out["endings_ci95"]["tails"]
    assert lo < 0.7 < hi
    assert out["win_rate"] == out["endings"]["heads"] / 20000 and out["win_rate_ci95"] == out["endings_ci95"]["heads"]
    assert out["turns"] == {"median": 1, "p10": 1, "p90": 1}


def test_json_has_the_documented_keys_and_one_object_per_role_with_all(capsys):
    out = simulate_json(capsys, HARBOUR, "--runs", "50", "--seed", "3", "--jobs", "1")
    assert [o["role"] for o in out] == ["mayor", "union"]
    for o in out:
        assert REQUIRED <= set(o)
        assert (o["scenario"], o["policy"], o["runs"], o["seed"]) == ("harbour-v1", "random", 50, 3)
        assert "opponents" not in o and all("by" not in c for c in o["loss_causes"])
        assert o["wins"] + o["losses"] + o["draws"] == 50 and sum(o["endings"].values()) == 50
        assert set(o["turns"]) == {"median", "p10", "p90"}
        assert set(o["unreached_endings"]) == {e for e, c in o["endings"].items() if c == 0}
        assert set(o["unreached_cards"]) == {c for c, k in o["cards_drawn"].items() if k == 0}
    assert "strike_fund" in out[1]["cards_drawn"] and "strike_fund" not in out[0]["cards_drawn"]  # union only
    one = simulate_json(capsys, HARBOUR, "--role", "union", "--runs", "50", "--seed", "3", "--jobs", "1")
    assert isinstance(one, dict) and one["endings"] == out[1]["endings"]


def test_output_is_identical_across_jobs_apart_from_timings(capsys):
    args = [HARBOUR, "--runs", "900", "--policy", "greedy", "--seed", "9"]
    first = simulate_json(capsys, *args, "--jobs", "1")
    second = simulate_json(capsys, *args, "--jobs", "2")
    third = simulate_json(capsys, *args, "--jobs", "2")
    strip = [[{k: v for k, v in o.items() if k not in TIMINGS} for o in out] for out in (first, second, third)]
    assert strip[0] == strip[1] == strip[2]


def test_the_report_for_people_names_what_was_never_reached(capsys):
    assert main(["simulate", str(DATA / "dead"), "--role", "chief", "--runs", "300", "--jobs", "1"]) == 0
    text = capsys.readouterr().out
    assert "role chief · policy random · 300 runs · seed 0" in text
    assert "95% interval" in text
    assert "Never drawn: overfunded, pardoned" in text  # conditions that can never hold
    assert "Options never chosen: drill > Disband" in text
    assert "Endings never reached:" in text and "army_gone" in text.split("Endings never reached:")[1]
    assert "┤" in text  # a meter chart
    assert "\x1b[" not in text  # no progress bar or colour when output is not a terminal


def test_the_tutorial_reaches_every_card_and_ending(capsys):
    # The modding guide's example should show a balanced report: nothing left unreached.
    runs = simulate_json(capsys, "tutorial", "--runs", "3000", "--jobs", "1")
    assert all(run["unreached_cards"] == [] for run in runs)
    reached = {e for run in runs for e, n in run["endings"].items() if n}
    assert reached == set(runs[0]["endings"])


def test_the_commonest_causes_of_a_loss_name_the_decision(capsys):
    out = simulate_json(capsys, COIN, "--role", "caller", "--runs", "200", "--jobs", "1")
    cause = out["loss_causes"][0]
    assert (cause["ending"], cause["card"], cause["option"], cause["outcome"]) == ("tails", "toss", "Watch it land",
                                                                                   "Tails.")
    assert cause["count"] == out["losses"] and cause["share"] == 1


@pytest.mark.parametrize("name", ["maría en clase", "autosave"])
def test_from_takes_a_save_slot_name_as_play_resume_does(capsys, name):
    from game.saves import autosave_path, slot_file

    sc = load(Path(HARBOUR))
    s = resolve(start(sc, "mayor", 21), 0).state
    write_save(autosave_path() if name == "autosave" else slot_file(name), log_of(s))
    assert main(["simulate", HARBOUR, "--from", name, "--runs", "20", "--jobs", "1"]) == 0
    assert f"Continuing a saved game from turn {s.turn}" in capsys.readouterr().out


def test_out_writes_the_file_and_nothing_to_stdout(tmp_path, capsys):
    target = tmp_path / "report.json"
    assert main(["simulate", COIN, "--role", "tosser", "--runs", "40", "--json", "--out", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text())["role"] == "tosser"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind


def test_from_a_save_continues_that_game(tmp_path, capsys):
    sc = load(Path(HARBOUR))
    s = resolve(start(sc, "mayor", 21), 0).state
    save = write_save(tmp_path / "mid.json", log_of(s))
    out = simulate_json(capsys, HARBOUR, "--from", str(save), "--runs", "400", "--jobs", "1")
    assert (out["scenario"], out["role"], out["runs"]) == ("harbour-v1", "mayor", 400)
    assert out["from"] == {"turn": s.turn, "choices": 1, "over": False}
    assert out["turns"]["p10"] >= s.turn and sum(out["endings"].values()) == 400
    assert main(["simulate", HARBOUR, "--from", str(save), "--runs", "50", "--jobs", "1"]) == 0
    assert f"Continuing a saved game from turn {s.turn}" in capsys.readouterr().out


@pytest.mark.parametrize("args, code, words", [
    ([HARBOUR, "--policy", "clever"], 2, "unknown policy 'clever' (policies: random, historical, greedy, adaptive)"),
    ([HARBOUR, "--policy", "king=greedy"], 2, "--policy: no role 'king' in scenario 'harbour-v1' (roles: mayor, union)"),
    ([HARBOUR, "--policy", "mayor=clever"], 2, "unknown policy 'clever'"),
    ([HARBOUR, "--policy", "raise:gold"], 2, "no meter 'gold'"),
    ([HARBOUR, "--role", "king"], 2, "no role 'king' in scenario 'harbour-v1' (roles: mayor, union, or all)"),
    (["no-such-scenario"], 1, "no scenario 'no-such-scenario'"),
    ([HARBOUR, "--runs", "0"], 2, "--runs must be at least 1"),
    ([HARBOUR, "--jobs", "0"], 2, "--jobs must be at least 1"),
    ([HARBOUR, "--matrix", "--policy", "greedy"], 2, "leave out --policy"),
    ([HARBOUR, "--scan", "--threshold", "1.5"], 2, "--threshold must be between 0 and 1"),
    (["--from", "/nonexistent/save.json"], 1, "no saved game at /nonexistent/save.json"),
])
def test_mistakes_get_one_line_and_an_exit_code_never_a_traceback(args, code, words, capsys):
    assert main(["simulate", *args]) == code
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_save_of_another_role_or_a_damaged_save_is_refused(tmp_path, capsys):
    sc = load(Path(HARBOUR))
    save = write_save(tmp_path / "s.json", log_of(start(sc, "union", 2)))
    assert main(["simulate", HARBOUR, "--from", str(save), "--role", "mayor"]) == 2
    assert "played as 'union', not 'mayor'" in capsys.readouterr().err
    (tmp_path / "bad.json").write_text("{not json")
    assert main(["simulate", "--from", str(tmp_path / "bad.json")]) == 1
    assert "damaged" in capsys.readouterr().err


def test_the_progress_bar_appears_only_when_a_run_looks_set_to_take_over_a_second():
    from game.sim.command import _Progress

    quick = _Progress(enabled=True)
    quick(500, 1000)  # half done at once: the whole run will be quick
    assert quick.bar is None
    slow = _Progress(enabled=True)
    slow.started -= 0.5  # half a second in, a tenth done: about five seconds to go
    slow(100, 1000)
    try:
        assert slow.bar is not None and slow.bar.tasks[0].completed == 100
    finally:
        slow.close()
    off = _Progress(enabled=False)  # --json, or output that is not a terminal
    off.started -= 5
    off(1, 1000)
    assert off.bar is None


def test_each_role_may_play_its_own_policy(capsys):
    out = simulate_json(capsys, HARBOUR, "--policy", "mayor=greedy,union=historical", "--runs", "40", "--jobs", "1")
    assert [(o["role"], o["policy"]) for o in out] == [("mayor", "greedy"), ("union", "historical")]
    out = simulate_json(capsys, HARBOUR, "--policy", "adaptive,union=always:1", "--runs", "40", "--jobs", "1")
    assert [(o["role"], o["policy"]) for o in out] == [("mayor", "adaptive"), ("union", "always:1")]


def test_a_continued_save_has_no_meter_figures_before_its_turn(tmp_path, capsys):
    sc = load(Path(HARBOUR))
    s = start(sc, "union", 5)
    while s.turn < 4:
        s = resolve(s, 0).state
    save = write_save(tmp_path / "late.json", log_of(s))
    out = simulate_json(capsys, HARBOUR, "--from", str(save), "--runs", "100", "--jobs", "1")
    for series in out["meters"].values():
        for key in ("p10", "median", "p90"):
            assert series[key][:s.turn - 1] == [None] * (s.turn - 1)  # null, not 0
            assert None not in series[key][s.turn - 1:]
    assert main(["simulate", HARBOUR, "--from", str(save), "--runs", "100", "--jobs", "1"]) == 0
    assert f"turn {s.turn}:" in capsys.readouterr().out  # the chart starts at the saved turn


def test_a_two_sided_save_is_continued_for_every_role(tmp_path, capsys):
    from game.scenario import resolve_scenario

    sc = load(resolve_scenario("tutorial"))
    if not sc.two_sided:
        pytest.skip("the bundled tutorial is one-sided here")
    s = start(sc, None, 6)
    while s.turn < 3 and not s.over:
        s = resolve(s, next(v.index for v in options(s) if v.available)).state
    save = write_save(tmp_path / "two.json", log_of(s))
    out = simulate_json(capsys, "--from", str(save), "--policy", f"{sc.order[0]}=greedy", "--runs", "60",
                        "--jobs", "1")
    assert [o["role"] for o in out] == list(sc.order)
    assert out[0]["policy"] == "greedy" and out[1]["opponents"] == {sc.order[0]: "greedy"}
    for o in out:
        assert o["from"]["turn"] == s.turn and sum(o["endings"].values()) == 60
        first = next(iter(o["meters"].values()))["median"]
        assert first[: s.turn - 1] == [None] * (s.turn - 1)


def test_the_matrix_of_a_two_sided_scenario_pairs_every_policy(capsys):
    out = simulate_json(capsys, "tutorial", "--matrix", "--runs", "30", "--jobs", "2")["matrix"]
    if not out["two_sided"]:
        pytest.skip("the bundled tutorial is one-sided here")
    n = len(out["roles"])
    assert len(out["cells"]) == 4 ** n
    assert all(set(c["results"]) == set(out["roles"]) for c in out["cells"])
