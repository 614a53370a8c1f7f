"""Finding scenarios by id, by path, and the default; the loader stays below the screen."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from game.paths import bundled_scenarios, user_scenarios
from game.scenario import ScenarioNotFound, default_id, installed, resolve_scenario


def test_default_is_the_bundled_scenario_named_in_scenarios_default():
    ident = (bundled_scenarios() / "default").read_text().strip()
    assert default_id() == ident
    assert resolve_scenario(None) == bundled_scenarios() / ident


def test_an_id_finds_bundled_then_user_scenarios(base):
    shutil.copytree(base, user_scenarios() / "my-folder")
    assert resolve_scenario("tutorial") == bundled_scenarios() / "tutorial"
    assert resolve_scenario("my-folder") == user_scenarios() / "my-folder"
    # The id in the manifest works even when the folder is named otherwise.
    assert resolve_scenario("base") == user_scenarios() / "my-folder"
    assert user_scenarios() / "my-folder" in installed()
    assert bundled_scenarios() / "tutorial" in installed()


def test_a_path_is_taken_as_it_is(base):
    assert resolve_scenario(str(base)) == base
    assert resolve_scenario(str(base / "scenario.yaml")) == base


def test_an_unknown_id_lists_what_there_is():
    with pytest.raises(ScenarioNotFound) as raised:
        resolve_scenario("atlantis")
    assert "no scenario 'atlantis'" in str(raised.value)
    assert "tutorial" in str(raised.value)


def test_every_bundled_yaml_file_points_editors_at_the_schema():
    root = bundled_scenarios()
    files = sorted(root.rglob("*.yaml")) + sorted(root.rglob("*.yml"))
    assert files
    for file in files:
        if "translations" in file.relative_to(root).parts[1:2]:
            continue  # a translation has a schema of its own (tests/scenario/test_translations.py)
        schema = (root / "scenario.schema.json").relative_to(root)
        relative = "../" * (len(file.relative_to(root).parts) - 1) + schema.as_posix()
        first = file.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={relative}", file


def test_the_loader_never_imports_the_screen_or_the_simulator():
    code = ("import sys, game.scenario, game.scenario.command; "
            "bad = [m for m in sys.modules if m.split('.')[0] == 'textual' or m.startswith(('game.tui', 'game.sim'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
