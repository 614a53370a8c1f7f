"""The modding guide's lists are the code's: its warnings and notes, its placeholders; each warning has a fixture."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from game.engine.text import NAMES
from game.paths import bundled_scenarios
from game.scenario import check
from game.scenario.lint import NOTES, WARNINGS

from .test_broken import BROKEN, CASES

GUIDE = (bundled_scenarios() / "README.md").read_text(encoding="utf-8")
DATA = Path(__file__).resolve().parent.parent / "data"


def _table(marker: str) -> dict[str, str]:
    """The rows `| \\`words\\` | meaning |` of the table after `<!-- marker -->`."""
    block = GUIDE.split(f"<!-- {marker} -->\n", 1)[1].split("\n\n", 1)[0]
    return dict(re.findall(r"^\| `([^`]+)` \| (.+) \|$", block, flags=re.M))


def test_the_guide_lists_every_warning_and_note_and_no_other():
    assert _table("warnings") == WARNINGS
    assert _table("notes") == NOTES


def test_the_guide_lists_every_placeholder():
    start = GUIDE.index("| placeholder | becomes |")
    rows = re.findall(r"^\| `\{([a-zA-Z.]+)\}` \|", GUIDE[start:start + 2000], flags=re.M)
    assert rows == list(NAMES)


def _given(tmp_path: Path, rule: str) -> list:
    folder = tmp_path / rule
    shutil.copytree(DATA / ("valid2" if rule.startswith("f2_") else "valid"), folder)
    for file in (BROKEN / rule).iterdir():
        shutil.copyfile(file, folder / file.name)
    return [p for p in check(folder).problems if p.severity != "error"]


def test_every_warning_has_a_fixture_and_every_message_is_listed(tmp_path):
    """Each warning and note of the list is given by a broken fixture of its own (a case in test_broken), and
    nothing a fixture gives is missing from the list."""
    listed = {**WARNINGS, **NOTES}
    given = [p for rule in sorted({c[0] for c in CASES if c[5] != "error"}) for p in _given(tmp_path, rule)]
    given += [p for p in check(DATA / "sim" / "dead").problems if p.severity != "error"]
    unlisted = [p.message for p in given if not any(words in p.message for words in listed)]
    assert unlisted == []
    assert [words for words in listed if not any(words in p.message for p in given)] == []


def test_a_fixed_negative_weight_is_an_error_as_the_guide_says():
    assert "a fixed weight below 0 is an error" in GUIDE
    assert "below 0 counts as 0" not in GUIDE.replace("when it works out below 0, it counts as 0", "")
    assert any(c[0] == "negative_weight" and c[5] == "error" for c in CASES)
