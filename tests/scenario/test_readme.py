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
    assert report.ok and report.errors == [] and report.warnings == [], str(report)
    # Its two answers to the other side's move are notes, not warnings: the mayor's letter, the union's vote.
    assert [n.message.split("'")[1] for n in report.notes] == ["the_demands", "the_offer"]
    assert report.scenario.id == "tutorial"


def test_the_guide_names_every_key_of_the_format():
    """Docs that cannot drift: every key a scenario file may hold, in either format, is in the guide."""
    from game.scenario import models
    from game.scenario.effect_models import EFFECT_MODELS

    guide = (bundled_scenarios() / "README.md").read_text(encoding="utf-8")
    sections = (models.Manifest, models.Turns, models.Calendar, models.Role, models.Source, models.Meter,
                models.Faction, models.Flag, models.GlossaryEntry, models.Card, models.Option, models.Outcome,
                models.Ending)
    missing = [f"{model.__name__}.{info.alias or name}" for model in sections
               for name, info in model.model_fields.items() if f"`{info.alias or name}`" not in guide]
    for effect in EFFECT_MODELS:
        if f"{{{effect.key}: " not in guide:
            missing.append(f"the {effect.key} effect")
        missing += [f"{effect.key} effect: {info.alias or name}" for name, info in effect.model_fields.items()
                    if f"{info.alias or name}: " not in guide and f"`{info.alias or name}`" not in guide]
    assert missing == []
