"""What each scenario format allows: the keys and value forms marked on the models (fields.py), and the
shape rules a model adds, applied to one file's values before anything else reads them."""

from __future__ import annotations

import types
from typing import Annotated, Union, get_args, get_origin

from pydantic import BaseModel

from .fields import allowed_in, form_message, key_message
from .yamlnodes import Document

Found = list[tuple[tuple, str, str]]  # (value path, "key" or "value", message)


def format_of(documents: list[tuple[str, Document, bool]]) -> int | None:
    """The scenario's format as its manifest gives it: 1 when the manifest gives none, None when it cannot be
    known (the manifest could not be read, or its `format` is not a number this version reads; that problem is
    reported on its own). An unknown format gates nothing, so one wrong line never turns every format-2 key of
    a scenario into a message of its own."""
    manifests = [doc for _file, doc, is_manifest in documents if is_manifest]
    if not manifests:
        return None
    value = manifests[0].value.get("format", 1)
    if isinstance(value, bool) or value not in (1, 2):
        return None
    return int(value)


def format_problems(value: object, model: type[BaseModel], fmt: int | None) -> Found:
    """Keys and value forms that format `fmt` does not allow, and the models' own shape rules (none when the
    format is unknown: which rules apply depends on it)."""
    found: Found = []
    if fmt is None:
        return found
    _visit(value, model, (), fmt, found)
    return found


def _visit(value: object, tp: object, path: tuple, fmt: int, found: Found) -> None:
    tp = unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        if isinstance(value, dict):
            _model(value, tp, path, fmt, found)
        return
    origin = get_origin(tp)
    if origin is list and isinstance(value, list):
        for i, item in enumerate(value):
            _visit(item, get_args(tp)[0], path + (i,), fmt, found)
    elif origin is dict and isinstance(value, dict):
        for key, item in value.items():
            _visit(item, get_args(tp)[1], path + (key,), fmt, found)
    elif origin in (Union, types.UnionType) and isinstance(value, dict):
        member = _member(tp, value)
        if member is not None:
            _model(value, member, path, fmt, found)


def _model(value: dict, model: type[BaseModel], path: tuple, fmt: int, found: Found) -> None:
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key not in value:
            continue
        if not allowed_in(info, fmt):
            found.append((path + (key,), "key", key_message(key, info, fmt)))
            continue
        item = value[key]
        form = "mapping" if isinstance(item, dict) else "expression" if isinstance(item, str) else None
        problem = form_message(key, info, form, fmt) if form else None
        if problem:
            found.append((path + (key,), "key", problem))
            continue
        _visit(item, info.annotation, path + (key,), fmt, found)
    rules = getattr(model, "shape_rules", None)
    if rules is not None:
        found.extend((path + sub, at, message) for sub, at, message in rules(value, fmt))


def _member(union: object, value: dict) -> type[BaseModel] | None:
    """The model of a union that a mapping is meant as: the one whose own key it holds (an effect's
    kind, a condition's form, a citation's id)."""
    for arg in get_args(union):
        model = unwrap(arg)
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            continue
        key = getattr(model, "key", None)
        if not isinstance(key, str):
            name, info = next(iter(model.model_fields.items()))
            key = info.alias or name
        if key in value:
            return model
    return None


def unwrap(tp: object) -> object:
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType) and type(None) in get_args(tp):
            rest = tuple(a for a in get_args(tp) if a is not type(None))
            tp = rest[0] if len(rest) == 1 else Union[rest]
        else:
            return tp
