"""Packaging: an installed (non-editable) crisis finds its bundled scenarios from any folder.

SLOW: pip builds the wheel with hatchling in an isolated environment (a few seconds, more when the
backend must be downloaded). Skip it with `pytest --deselect tests/test_packaging.py`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.scenario import load

ROOT = Path(__file__).resolve().parent.parent
_OFFLINE = ("No matching distribution found", "Could not find a version", "Failed to establish a new connection",
            "Temporary failure in name resolution")


def test_installed_package_validates_its_bundled_scenarios_from_anywhere(tmp_path):
    target = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check",
         "--target", str(target), str(ROOT)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    if build.returncode and any(sign in build.stderr for sign in _OFFLINE):
        pytest.skip("cannot fetch the build backend (hatchling): no network")
    assert build.returncode == 0, build.stderr
    assert (target / "game" / "_bundled" / "scenarios" / "tutorial" / "scenario.yaml").is_file()

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "CRISIS_HOME": str(tmp_path / "home")}
    code = ("import sys, game.paths; from game.cli import main; "
            "print('bundled at', game.paths.bundled_scenarios()); sys.exit(main(['validate', 'tutorial']))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=elsewhere, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == f"bundled at {target / 'game' / '_bundled' / 'scenarios'}"
    source = load(ROOT / "scenarios" / "tutorial")  # the installed copy must hold the same scenario
    # The tutorial's notes (its cards that answer the other side's move) are counted, listed with --notes.
    # Its Spanish ships with it, complete.
    assert lines[1:] == [f"OK tutorial: {len(source.cards)} cards, {len(source.endings)} endings"
                         " (2 notes: --notes lists them)", "es: complete"]
    assert (target / "game" / "scenario" / "starter" / "cards.yaml").is_file()  # what `crisis new` writes from
    # The message catalogs ship compiled: the installed game speaks Spanish when asked.
    assert (target / "game" / "locale" / "es" / "LC_MESSAGES" / "crisis.mo").is_file()
    spanish = subprocess.run([sys.executable, "-c", "import sys; from game.cli import main; "
                              "sys.exit(main(['--lang', 'es', 'validate', 'tutorial']))"],
                             capture_output=True, text=True, cwd=elsewhere, env=env)
    assert f"{len(source.cards)} cartas" in spanish.stdout, spanish.stdout + spanish.stderr
