"""The classroom's records, rooms and report are not part of any screen: they import no Textual."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["game.classroom.records", "game.classroom.rooms", "game.classroom.report",
                                    "game.classroom.debrief", "game.classroom.command"])
def test_no_textual_below_the_screens(module):
    code = f"import sys, {module}; assert 'textual' not in sys.modules and 'game.tui' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
