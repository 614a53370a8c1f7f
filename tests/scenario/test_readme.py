"""The modding guide's complete example is the bundled tutorial, byte for byte, and it loads cleanly."""

from __future__ import annotations

import re

from game.paths import bundled_scenarios
from game.scenario import check

BLOCK = re.compile(r"<!-- file: tutorial/(?P<name>[\w.-]+) -->\n```yaml\n(?P<body>.*?)```", re.S)


def _blocks() -> dict[str, str]:
    guide = (bundled_scenarios() / "README.md").read_text(encoding="utf-8")
    return {m["name"]: m["body"] for m in BLOCK.finditer(guide)}


def test_every_tutorial_file_is_in_the_guide_and_equal():
    blocks = _blocks()
    tutorial = bundled_scenarios() / "tutorial"
    assert set(blocks) == {p.name for p in tutorial.glob("*.yaml")}
    for name, body in blocks.items():
        assert body == (tutorial / name).read_text(encoding="utf-8"), name


def test_the_tutorial_has_no_errors_and_no_warnings():
    report = check(bundled_scenarios() / "tutorial")
    assert report.ok and report.problems == [], str(report)
    assert report.scenario.id == "tutorial"
