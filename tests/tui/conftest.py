"""The TUI tests' one-role scenario: the format-1 harbour strike, installed in the test's private home.

The bundled tutorial became two-sided; the one-role game (format 1) is still played by other scenarios,
so its screens are tested on this frozen copy (id `strike`), installed like a player's own scenario.
"""

import shutil
from pathlib import Path

import pytest

from game import paths

STRIKE = Path(__file__).parent / "data" / "strike"


@pytest.fixture(autouse=True)
def _strike_installed(_clean_environment):
    target = paths.user_scenarios() / "strike"
    if not target.exists():
        shutil.copytree(STRIKE, target)
