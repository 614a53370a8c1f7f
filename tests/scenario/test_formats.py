"""The format mark: each key a later format added is marked once, documented, and refused in the formats before it."""

from __future__ import annotations

import json

import pytest
from pydantic import BaseModel

from game.scenario import fields, models
from game.scenario.effect_models import EFFECT_MODELS
from game.scenario.schema import json_schema

MODELS = [models.Manifest, models.Turns, models.Meter, models.Card, models.Option, models.Outcome, models.Ending,
          *EFFECT_MODELS]
FORMAT2_KEYS = {
    "Manifest": {"turns"}, "Turns": set(), "Meter": {"hidden_from"}, "Card": {"event", "outcomes", "effects", "on"},
    "Option": {"roles"}, "Outcome": {"label"}, "Ending": set(),
    **{m.__name__: {"when"} | ({"on"} if m.key == "queue" else set()) for m in EFFECT_MODELS},
}


def _marked(model: type[BaseModel]):
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if fields.FORMATS in extra or fields.FORMS in extra:
            yield info.alias or name, info, extra


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_format2_keys_are_the_marked_ones_and_format1_lists_leave_them_out(model):
    everything = set(fields.keys_in(model, 2)) | set(fields.keys_in(model, 1))
    assert everything == {info.alias or name for name, info in model.model_fields.items()}
    new = set(fields.keys_in(model, 2)) - set(fields.keys_in(model, 1))
    assert new == FORMAT2_KEYS[model.__name__]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_marked_key_says_its_format_in_its_description(model):
    for key, info, _extra in _marked(model):
        assert "format" in (info.description or "").lower(), key


def test_start_by_role_is_format1_only_and_says_why():
    info = models.Meter.model_fields["start_by_role"]
    assert fields.allowed_in(info, 1) and not fields.allowed_in(info, 2)
    assert "one shared world" in fields.key_message("start_by_role", info, 2)


def test_value_forms_of_format2():
    text, by = models.Card.model_fields["text"], models.ShiftEffect.model_fields["by"]
    assert fields.form_message("text", text, "mapping", 1) and fields.form_message("text", text, "mapping", 2) is None
    assert fields.form_message("by", by, "expression", 1) and fields.form_message("by", by, "expression", 2) is None


def test_the_schema_carries_the_mark_and_the_title_names_both_formats():
    schema = json_schema()
    assert schema["title"] == "crisis scenario file (formats 1 and 2)"
    text = json.dumps(schema)
    card = schema["$defs"]["Card"]["properties"]
    assert card["event"][fields.FORMATS] == [2] and "format 2" in card["event"]["description"]
    assert "options" not in schema["$defs"]["Card"].get("required", [])
    assert '"x-why"' in text and schema["properties"]["format"]["enum"] == [1, 2]
