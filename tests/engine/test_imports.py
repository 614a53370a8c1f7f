"""The engine stands alone: importing it loads no UI, no YAML, no validation library."""

import subprocess
import sys

import pytest

HEAVY = ("textual", "rich", "yaml", "pydantic", "platformdirs", "game.tui", "game.sim", "game.scenario")


@pytest.mark.parametrize("module", ["game.engine", "game.engine.rules", "game.engine.replay", "game.engine.expr",
                                    "game.engine.fast", "game.engine.reach", "game.engine.explain"])
def test_engine_modules_import_nothing_above_them(module):
    code = f"import sys, {module}; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"{module} pulled in {out}"
