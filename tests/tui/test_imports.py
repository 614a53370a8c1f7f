"""Start-up stays lean: the title screen is drawn without the engine, the scenario loader, YAML or pydantic."""

from __future__ import annotations

import subprocess
import sys

from game import saves
from game.engine import Log
from game.tui.screens import title

PROBE = """
import asyncio, sys
from game.tui.app import build_app

async def main():
    app = build_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        print(type(app.screen).__name__)
        print(" ".join(m for m in ("yaml", "pydantic", "game.scenario", "game.engine", "game.saves") if m in sys.modules))

asyncio.run(main())
"""


def test_the_title_screen_imports_nothing_it_does_not_need():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    screen, loaded = (done.stdout.splitlines() + ["", ""])[:2]
    assert screen == "TitleScreen", done.stderr
    assert loaded == "", f"loaded before the first screen: {loaded}"


def test_the_title_screen_looks_for_the_autosave_where_saves_writes_it():
    assert title.AUTOSAVE_FILE == saves.autosave_path().name
    assert not title.autosave_exists()
    saves.autosave(Log("strike", "h", "mayor", 1))
    assert title.autosave_exists()
