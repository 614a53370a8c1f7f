"""The debrief's replay command finds the scenario again, whether it was played by id or from a folder."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

from game.cli import build_parser
from game.paths import bundled_scenarios
from game.scenario import load
from game.scenario.catalog import resolve_scenario
from game.tui.debrief import as_markdown, scenario_arg
from game.tui.record import Record


def _command(markdown: str) -> list[str]:
    line = next(ln for ln in markdown.splitlines() if "replay with" in ln)
    return shlex.split(line.split("`")[1])


def test_a_bundled_scenario_is_named_by_its_id():
    sc = load(bundled_scenarios() / "tutorial")
    assert scenario_arg(sc) == "tutorial"


def test_a_scenario_played_from_a_folder_is_named_by_its_folder(tmp_path):
    folder = tmp_path / "my games" / "harbour copy"
    shutil.copytree(bundled_scenarios() / "tutorial", folder)  # the same id, but not the installed folder
    sc = load(folder)
    argv = _command(as_markdown(Record.new(sc, "mayor", 5)))
    args = build_parser().parse_args(argv[1:])
    assert Path(args.scenario) == folder.resolve() and resolve_scenario(args.scenario) == folder.resolve()
    assert (args.role, args.seed) == ("mayor", 5)
