"""`crisis simulate` tells a modder what the bots met: turns a role had no card for, a historical policy with
nothing historical to follow, and a lopsided scenario."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.scenario.scaffold import write_new


def _edit(folder: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _simulate(capsys, folder: Path, *args: str):
    capsys.readouterr()
    assert main(["simulate", str(folder), "--runs", "300", "--jobs", "1", *args]) == 0
    return capsys.readouterr().out


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    return write_new(tmp_path / "strike", "mayor,union")


def test_a_role_with_no_card_to_draw_is_counted_by_turn(starter, capsys):
    # The union's own cards once only: after them and the opening, the union has little left to draw.
    _edit(starter, "cards.yaml", "    roles: [union]\n    once: false\n", "    roles: [union]\n", count=2)
    _edit(starter, "cards.yaml", "    roles: [union]\n    cooldown: 2\n", "    roles: [union]\n")
    union = next(d for d in json.loads(_simulate(capsys, starter, "--json")) if d["role"] == "union")
    assert union["idle_share"] > 0.3 and "1" not in union["idle_turns"]
    assert set(union["idle_turns"]) >= {"4", "5", "6", "7"}
    text = _simulate(capsys, starter, "--role", "union")
    (line,) = [ln for ln in text.splitlines() if ln.startswith("Turns with no card to draw:")]
    assert "of the role's turns passed" in line and "turn 8 in " in line
    mayor = _simulate(capsys, starter, "--role", "mayor")
    assert "Turns with no card to draw: none" in mayor


def test_a_historical_policy_with_nothing_historical_is_a_notice(starter, capsys):
    _edit(starter, "cards.yaml", "        roles: [union]\n        historical: true\n", "        roles: [union]\n")
    text = _simulate(capsys, starter, "--policy", "historical")
    assert text.count("Notice: no option open to role 'union' is marked historical: true") == 2  # both reports
    assert "role 'mayor' is marked" not in text
    assert "Notice:" not in _simulate(capsys, starter, "--policy", "random")


def test_a_lopsided_result_is_flagged(starter, capsys):
    _edit(starter, "endings.yaml", 'when: "support >= 75"', 'when: "support >= 0"')
    text = _simulate(capsys, starter, "--role", "mayor")
    assert "Lopsided: mayor wins above 70% of its games against union random" in text
    assert json.loads(_simulate(capsys, starter, "--role", "mayor", "--json"))["lopsided"] is True
    assert "Lopsided" not in _simulate(capsys, starter, "--role", "union")


def test_the_matrix_flags_a_role_that_wins_against_every_policy(starter, capsys):
    _edit(starter, "endings.yaml", 'when: "support >= 75"', 'when: "support >= 0"')
    capsys.readouterr()
    assert main(["simulate", str(starter), "--matrix", "--runs", "100", "--jobs", "1"]) == 0
    text = capsys.readouterr().out
    for policy in ("random", "historical", "greedy", "adaptive"):
        assert f"Lopsided: mayor playing {policy} wins above 70% against every policy of the other side" in text
    assert "union playing" not in text
