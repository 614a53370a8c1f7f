"""A format-1 scenario validates with exactly the messages the format-1 loader printed, word for word.

`tests/data/format1/reference_messages.json` holds, per broken fixture (each laid over tests/data/valid,
checked from a temporary folder so that paths read "scenario/cards.yaml:..."), every problem the loader
printed before format 2 existed. Fixtures added since are not in it; every fixture in it must still exist.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from game.scenario import check

DATA = Path(__file__).resolve().parent.parent / "data"
REFERENCE = json.loads((DATA / "format1" / "reference_messages.json").read_text(encoding="utf-8"))


def _messages(tmp_path: Path, rule: str) -> list[str]:
    folder = tmp_path / "scenario"
    shutil.copytree(DATA / "valid", folder)
    for file in (DATA / "broken" / rule).iterdir():
        shutil.copyfile(file, folder / file.name)
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        return [str(p) for p in check(Path("scenario")).problems]
    finally:
        os.chdir(here)


@pytest.mark.parametrize("rule", sorted(REFERENCE))
def test_a_format1_fixture_gives_the_recorded_messages(tmp_path, rule):
    assert _messages(tmp_path, rule) == REFERENCE[rule]


def test_the_format1_fixture_validates_cleanly():
    report = check(DATA / "format1" / "harbour")
    assert report.ok and report.problems == [], str(report)
    assert report.scenario.format == 1 and report.scenario.order == ()
