"""Dead content: the interval analysis names what no game can reach, and why; simulations agree."""

from pathlib import Path

from game.engine.reach import DeadItem, dead_content
from game.scenario import load
from game.sim.runner import Batch, simulate

DATA = Path(__file__).parent.parent / "data" / "sim"
BUNDLED = Path(__file__).parent.parent.parent / "scenarios"


def test_impossible_conditions_are_found_with_their_reason():
    dead = dead_content(load(DATA / "dead"))
    assert [(d.kind, d.id, d.option) for d in dead] == [
        ("option", "drill", 1),  # army < 40, but army starts at 50 and only ever grows
        ("card", "overfunded", -1),  # funds > 150 on a meter that stops at 100
        ("card", "pardoned", -1),  # a flag no effect sets
        ("ending", "army_gone", -1),  # army <= 10: army never falls
    ]
    reasons = {d.id: d.reason for d in dead}
    assert "'army < 40' can never hold" in reasons["drill"] and "army stays within 50..100" in reasons["drill"]
    assert "funds is always 20" in reasons["overfunded"]
    assert "flag.pardon is never set" in reasons["pardoned"]
    assert "no outcome ends the game with it" in reasons["army_gone"]


def test_what_the_analysis_calls_dead_no_simulated_game_reaches():
    sc = load(DATA / "dead")
    summaries = simulate(sc, [Batch(r.id, "random", 300, 1) for r in sc.roles])
    for item in dead_content(sc):
        for s in summaries:
            if item.kind == "card":
                assert s.tally.drawn[sc.card_index(item.id)] == 0
            elif item.kind == "option":
                assert not s.tally.chosen.get((sc.card_index(item.id), item.option))
            else:
                assert not s.tally.endings.get(item.id)
    # and what it leaves alone does happen: the parade needs a flag and a meter that effects provide
    assert summaries[0].tally.drawn[sc.card_index("parade")] > 0


def test_the_bundled_tutorial_has_no_dead_content():
    assert dead_content(load(BUNDLED / "tutorial")) == []


def test_dead_items_are_plain_values():
    item = DeadItem("card", "x", "why")
    assert item.option == -1 and item == DeadItem("card", "x", "why")
