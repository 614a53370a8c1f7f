"""Simulation workers stay light: importing the simulator loads no UI and no validation library."""

import subprocess
import sys

import pytest

HEAVY = ("textual", "rich", "pydantic", "yaml", "game.tui")


@pytest.mark.parametrize("module", ["game.sim.runner", "game.bots", "game.sim.report", "game.sim.command"])
def test_sim_modules_import_no_ui(module):
    code = f"import sys, {module}; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"{module} pulled in {out}"
