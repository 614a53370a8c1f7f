"""`crisis validate` and `crisis schema`, as a modder runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from game.cli import main
from game.paths import bundled_scenarios, user_scenarios
from game.scenario import check, load


def tutorial_ok(notes: bool = False) -> str:
    """The line `crisis validate` prints for the bundled tutorial, counted from the scenario itself (its two
    notes: the cards that answer the other side's move; listed only with --notes)."""
    sc = load(bundled_scenarios() / "tutorial")
    told = "" if notes else ": --notes lists them"
    return f"OK tutorial: {len(sc.cards)} cards, {len(sc.endings)} endings (2 notes{told})"


def tutorial_out() -> str:
    """Everything `crisis validate tutorial` prints: no problem to show, then its line and its Spanish's."""
    return tutorial_ok() + "\n" + "es: complete\n"


def test_notes_are_counted_and_listed_only_when_asked_for(capsys):
    assert main(["validate", "--notes", "tutorial"]) == 0
    out = capsys.readouterr().out
    notes = [p for p in check(bundled_scenarios() / "tutorial").problems if p.severity == "note"]
    assert notes and out == "".join(f"{p}\n" for p in notes) + tutorial_ok(notes=True) + "\n" + "es: complete\n"
    assert main(["validate", "tutorial"]) == 0
    assert "note:" not in capsys.readouterr().out

BROKEN = Path(__file__).resolve().parent.parent / "data" / "broken"


def test_validate_a_bundled_scenario_by_path_and_by_id(capsys):
    assert main(["validate", str(bundled_scenarios() / "tutorial")]) == 0
    assert capsys.readouterr().out == tutorial_out()
    assert main(["validate", "tutorial"]) == 0
    assert capsys.readouterr().out == tutorial_out()


def test_validate_without_paths_checks_bundled_and_user_scenarios(capsys, base):
    shutil.copytree(base, user_scenarios() / "mine")
    main(["validate"])
    out = capsys.readouterr().out.splitlines()
    assert tutorial_ok() in out
    assert "OK base: 2 cards, 3 endings" in out


def test_validate_a_broken_scenario_prints_located_errors(capsys, broken):
    folder = broken("unknown_key")
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{folder}/cards.yaml:5:5: unknown key 'wieght'; did you mean 'weight'?"
    assert out[-1] == "FAILED base: 1 error"  # named by its id, as when it passes


def test_validate_shows_warnings_and_still_passes(capsys, broken):
    folder = broken("chances_not_one")
    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{folder}/cards.yaml:7:9: warning: the chances add up to 0.6")
    # Its one card never moves `order`, so both order endings are dead too: warned, not refused. And
    # with the base's cards gone, nothing reads meter `money` (the chief's score only steers the bots).
    assert sum("can never be reached" in line for line in out) == 2
    assert sum("meter 'money' is read by no condition" in line for line in out) == 1
    assert out[-1] == "OK base: 1 card, 3 endings (4 warnings)"


def test_validate_a_path_relative_to_the_working_folder(capsys, broken, monkeypatch):
    folder = broken("unknown_flag")
    assert main(["validate", str(folder)]) == 1
    capsys.readouterr()
    monkeypatch.chdir(folder.parent)
    assert main(["validate", folder.name]) == 1
    assert capsys.readouterr().out.startswith("scenario/cards.yaml:5:26: unknown flag 'alarn'")


def test_validate_a_missing_path_is_a_usage_error(capsys, tmp_path):
    assert main(["validate", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "no scenario" in err and "nowhere" in err and "tutorial" in err  # lists what exists


def test_validate_where_names_both_folders_and_crisis_home(capsys):
    assert main(["validate", "--where"]) == 0
    out = capsys.readouterr().out
    assert str(bundled_scenarios()) in out and str(user_scenarios()) in out and "CRISIS_HOME" in out


def test_schema_is_the_shipped_file(capsys):
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert printed == (bundled_scenarios() / "scenario.schema.json").read_text(encoding="utf-8")
    schema = json.loads(printed)
    # One schema for every file: nothing required at the top, every section offered with help.
    assert "required" not in schema
    for key in ("format", "calendar", "roles", "meters", "cards", "endings"):
        assert schema["properties"][key]["description"]
    card = schema["$defs"]["Card"]
    assert card["additionalProperties"] is False and "from" in card["properties"]
    assert card["properties"]["weight"]["description"]
