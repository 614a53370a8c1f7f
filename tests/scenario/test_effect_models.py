"""Every engine effect kind has a scenario model that checks and freezes to it, and every model is listed."""

from __future__ import annotations

import pytest

from game.engine.effects import KINDS
from game.scenario.effect_models import (EFFECT_KEYS, EFFECT_MODELS, EffectModel, Freezing, check_effect,
                                         freeze_effect)
from game.scenario.located import Item

# One example per YAML key: a new model without an example fails below.
EXAMPLES = {
    "shift": {"shift": "order", "by": 3},
    "set": {"set": "order", "to": 7},
    "flag": {"flag": "alarm"},
    "clear": {"clear": "alarm"},
    "queue": {"queue": "riot", "after": 2},
    "end": {"end": "order_lost"},
}


class _Exprs:
    def get(self, item, sub):
        return None


def _freeze(model: type[EffectModel]):
    effect = model.model_validate(EXAMPLES[model.key])
    item = Item(None, "cards.yaml", ("cards", 0))
    ctx = Freezing(item, _Exprs(), {"order": 0}, lambda date: 1)
    return freeze_effect(effect, ctx, ("effects", 0))


def test_every_engine_kind_has_a_model_and_every_model_an_engine_kind():
    assert {model.kind for model in EFFECT_MODELS} == set(KINDS)
    assert set(EFFECT_KEYS) == set(EXAMPLES) and len(EFFECT_KEYS) == len(EFFECT_MODELS)


@pytest.mark.parametrize("model", EFFECT_MODELS, ids=lambda m: m.key)
def test_each_model_freezes_to_its_engine_kind(model):
    frozen = _freeze(model)
    assert type(frozen) is model.kind and frozen.when is None


@pytest.mark.parametrize("model", EFFECT_MODELS, ids=lambda m: m.key)
def test_each_model_has_its_own_check_and_freeze(model):
    assert model.check is not EffectModel.check and model.freeze is not EffectModel.freeze


def test_something_that_is_not_an_effect_model_is_refused_not_dropped():
    with pytest.raises(TypeError):
        freeze_effect({"shift": "order"}, None, ())
    with pytest.raises(TypeError):
        check_effect(object(), None, ())


def test_a_model_without_its_parts_says_so():
    class Nothing(EffectModel):
        key = "nothing"

    with pytest.raises(NotImplementedError):
        Nothing().freeze(None, ())
    with pytest.raises(NotImplementedError):
        Nothing().check(None, ())
