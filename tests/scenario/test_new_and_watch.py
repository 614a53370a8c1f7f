"""`crisis new` writes a clean, playable start; `crisis validate --watch` checks again on every change."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from game.cli import main
from game.scenario import check
from game.scenario.scaffold import FILES, SCHEMA_FILE


@pytest.fixture
def new(tmp_path: Path) -> Path:
    folder = tmp_path / "Port Strike!"
    assert main(["new", str(folder), "--roles", "mayor,union", "--title", 'The "Port" strike']) == 0
    return folder


def test_new_writes_a_clean_two_sided_scenario(new, capsys):
    report = check(new)
    assert report.ok and report.problems == [], str(report)
    sc = report.scenario
    assert (sc.id, sc.title, sc.format, sc.order) == ("port-strike", 'The "Port" strike', 2, ("mayor", "union"))
    assert [r.name for r in sc.roles] == ["The Mayor", "The Union"]
    for name in FILES:
        text = (new / name).read_text(encoding="utf-8")
        assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FILE}\n")
        assert "«" not in text and text.count("\n# ") + text.count("  # ") >= 2  # commented throughout
    json.loads((new / SCHEMA_FILE).read_text(encoding="utf-8"))
    assert main(["validate", str(new)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "OK port-strike: 8 cards, 4 endings"


def test_simulate_reaches_every_card_and_ending_of_a_new_scenario(new, capsys):
    capsys.readouterr()
    assert main(["simulate", str(new), "--runs", "1000", "--jobs", "1", "--json"]) == 0
    for role in json.loads(capsys.readouterr().out):
        assert role["unreached_cards"] == [] and role["unreached_endings"] == [], role["role"]
        assert role["unreached_options"] == [], role["role"]


@pytest.mark.parametrize("args, words", [
    (["--roles", "mayor"], "give two role ids"),
    (["--roles", "mayor,Union"], "'Union' is not a role id"),
    (["--roles", "turn,union"], "'turn' is not a role id"),
    (["--roles", "mayor,mayor"], "different ids"),
    (["--title", ""], "one line of text"),
])
def test_new_refuses_what_it_cannot_write(tmp_path, capsys, args, words):
    assert main(["new", str(tmp_path / "mine"), *args]) == 2
    assert words in capsys.readouterr().err and not (tmp_path / "mine").exists()


def test_new_never_writes_over_a_folder(tmp_path, capsys):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    assert main(["new", str(tmp_path / "mine")]) == 2
    assert "not an empty folder" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]


def test_validate_watch_checks_again_after_each_change(new, capsys):
    cards = new / "cards.yaml"
    good = cards.read_text(encoding="utf-8")

    def edits():
        cards.write_text(good.replace("weight: 2", "wieght: 2"), encoding="utf-8")
        yield [str(cards)]
        cards.write_text(good, encoding="utf-8")
        yield [str(cards)]

    assert main(["validate", str(new)]) == 0
    capsys.readouterr()
    from game.scenario.command import run_validate
    assert run_validate([str(new)], watch=True, changes=edits()) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("watching ") and out[1] == "OK port-strike: 8 cards, 4 endings"
    broken = out.index(next(line for line in out if "unknown key 'wieght'" in line))
    assert out[broken].startswith(f"{cards}:") and out[broken + 1] == "FAILED port-strike: 1 error"
    assert out[-1] == "OK port-strike: 8 cards, 4 endings" and out[-2].endswith("cards.yaml changed ---")


def test_validate_watch_takes_one_folder(capsys):
    assert main(["validate", "--watch"]) == 2
    assert "--watch checks one scenario folder" in capsys.readouterr().err


def test_the_watcher_reports_a_saved_file_and_ignores_others(new):
    import time

    from game.scenario.watch import changes

    stop = threading.Event()
    seen: list[list[str]] = []

    def watch():
        for batch in changes(new, stop):
            seen.append(batch)
            stop.set()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    # The watcher is ready only some time after the thread starts: save the three files again until it
    # reports a change, so whichever save it catches has all three in it.
    end = time.monotonic() + 10
    while not seen and time.monotonic() < end:
        (new / "notes.txt").write_text("not a scenario file")
        (new / ".draft.yaml").write_text("hidden: skipped")
        (new / "world.yaml").write_text((new / "world.yaml").read_text() + "\n")
        thread.join(0.2)
    stop.set()
    thread.join(5)
    assert seen, "the watcher reported no change in 10 s"
    assert {Path(p).resolve() for p in seen[0]} == {(new / "world.yaml").resolve()}
