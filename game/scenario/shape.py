"""Checking each file's shape against the models; pydantic's errors become located problems."""

from __future__ import annotations

import datetime as _dt
import difflib
import types
from dataclasses import dataclass, field
from typing import Annotated, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from game.i18n import N_, _

from .fields import keys_in
from .formats import unwrap, format_of, format_problems
from .located import Item, Sink
from .models import (CONDITION_KEYS, EFFECT_KEYS, EFFECT_MODELS, MANIFEST_KEYS, SECTIONS, Calendar, ContentFile,
                     Manifest, ID_PATTERN, SCENARIO_ID_PATTERN, SOURCE_ID_PATTERN, TAGS, Turns)
from .yamlnodes import Document

HEAD_KEYS = ("format", "id", "title", "version", "description", "authors", "licence", "languages")
_HEAD_TYPES = {key: TypeAdapter(Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation)
               for key, info in ((k, Manifest.model_fields[k]) for k in HEAD_KEYS)}
_EFFECT_MODELS = set(EFFECT_MODELS)
_CONDITION_MODELS = {TAGS[f"{k} test"] for k in CONDITION_KEYS}
_PATTERNS = {
    ID_PATTERN: N_("an id is lower-case letters, digits and _, starting with a letter"),
    SCENARIO_ID_PATTERN: N_("a scenario id is lower-case letters, digits and -"),
    SOURCE_ID_PATTERN: N_("a source id is letters, digits, _, - and ."),
}


@dataclass(slots=True)
class Draft:
    """Everything in the files that has the right shape, each item with where it came from."""

    head: dict = field(default_factory=dict)  # the manifest's own fields that validated
    calendar: Item | None = None
    sections: dict[str, list[Item]] = field(default_factory=lambda: {k: [] for k in SECTIONS})
    broken: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in SECTIONS})
    manifest: str | None = None  # the manifest's file, once it was read
    format: int = 1  # the manifest's format (1 when it gives none this version reads)
    turns: Item | None = None  # format 2: the manifest's turns, when they validated


def shape(documents: list[tuple[str, Document, bool]], sink: Sink) -> Draft:
    """Validate each (file, document, is_manifest) and gather the items that passed."""
    fmt = format_of(documents)
    draft = Draft(format=2 if fmt is None else fmt)  # unknown: messages offer every key of the newest format
    for file, doc, is_manifest in documents:
        root = Manifest if is_manifest else ContentFile
        try:
            root.model_validate(doc.value)
            failed: list[tuple] = []
        except ValidationError as err:
            failed = []
            for error in err.errors(include_url=False):
                path, at, message = translate(error, root, draft.format)
                # What failed is the value itself (for a missing key, that key), not its parent.
                failed.append(_walk(root, error["loc"])[0])
                sink.add("error", file, path, message, at)
        shown = list(failed)
        for path, at, message in format_problems(doc.value, root, fmt):
            # A key whose value is already reported wrong needs no second message.
            if not any(done[:len(path)] == path for done in shown):
                failed.append(path)
                sink.add("error", file, path, message, at)
        if is_manifest:
            draft.manifest = file
            _gather_head(draft, file, doc.value, failed)
        _gather_sections(draft, file, doc.value, failed)
    return draft


def _touched(failed: list[tuple], prefix: tuple) -> bool:
    n = len(prefix)
    return any(path[:n] == prefix or path == prefix[: len(path)] for path in failed)


def _gather_head(draft: Draft, file: str, value: dict, failed: list[tuple]) -> None:
    for key in HEAD_KEYS:
        if key in value and not _touched(failed, (key,)):
            # As the model reads it (a bare `version: 2` is the text "2").
            draft.head[key] = _HEAD_TYPES[key].validate_python(value[key])
    draft.head.setdefault("languages", ["en"])
    if "calendar" in value and not _touched(failed, ("calendar",)):
        draft.calendar = Item(Calendar.model_validate(value["calendar"]), file, ("calendar",))
    if isinstance(value.get("turns"), dict) and not _touched(failed, ("turns",)):
        draft.turns = Item(Turns.model_validate(value["turns"]), file, ("turns",))


def _gather_sections(draft: Draft, file: str, value: dict, failed: list[tuple]) -> None:
    for section, model in SECTIONS.items():
        items = value.get(section)
        if not isinstance(items, list):
            continue
        for i, raw in enumerate(items):
            if _touched(failed, (section, i)):
                # Remember the id, so that references to a broken item are not reported twice.
                if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                    draft.broken[section].add(raw["id"])
                continue
            draft.sections[section].append(Item(model.model_validate(raw), file, (section, i)))


def translate(error: dict, root: type[BaseModel], fmt: int = 1) -> tuple[tuple, str, str]:
    """One pydantic error as (value path, "key" or "value", message)."""
    path, model = _walk(root, error["loc"][:-1]) if error["loc"] else ((), root)
    last = error["loc"][-1] if error["loc"] else None
    kind = error["type"]
    if kind == "extra_forbidden":
        return path + (last,), "key", _unknown_key(str(last), model, fmt)
    if kind == "missing":
        return path, "key", _("missing required key '{last}'").format(last=last)
    full, _found = _walk(root, error["loc"])
    name = next((step for step in reversed(full) if isinstance(step, str)), None)
    message = describe(error)
    at = "key" if kind in ("too_short", "too_long") else "value"  # about the list as a whole
    return full, at, (_("'{name}': {message}").format(
        name=name, message=message) if name and kind not in _OWN_MESSAGE else message)


_OWN_MESSAGE = {"unknown_effect", "unknown_condition", "citation"}


def _unknown_key(key: str, model: object, fmt: int) -> str:
    if model is ContentFile and key in MANIFEST_KEYS:
        return _("'{key}' belongs in scenario.yaml, the manifest").format(key=key)
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return _("unknown key '{key}'").format(key=key)
    if model in _EFFECT_MODELS and key in EFFECT_KEYS:
        return _("an effect does one thing: this one has both '{first_key}' and '{key}'; split it in two").format(
            first_key=_first_key(model), key=key)
    if model in _CONDITION_MODELS and key in CONDITION_KEYS:
        return (_("a condition mapping has one of {condition_keys}: this one also has '{key}';"
                  " combine them with all: [...]").format(condition_keys=', '.join(CONDITION_KEYS), key=key))
    names = keys_in(model, fmt)  # a format-1 file is offered format-1 keys only
    near = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    if near:
        return _("unknown key '{key}'; did you mean '{name}'?").format(key=key, name=near[0])
    return _("unknown key '{key}'; expected one of: {names}").format(key=key, names=', '.join(names))


def _first_key(model: type[BaseModel]) -> str:
    key = getattr(model, "key", None)  # an effect model names its kind's key
    if isinstance(key, str):
        return key
    name, info = next(iter(model.model_fields.items()))
    return info.alias or name


def _walk(root: object, loc: tuple) -> tuple[tuple, object]:
    """The value path for a pydantic location (union tags dropped), and the type found there."""
    tp: object = root
    clean: list = []
    for i, step in enumerate(loc):
        tp = unwrap(tp)
        if get_origin(tp) in (Union, types.UnionType) and isinstance(step, str) and step in TAGS:
            tp = TAGS[step]
            continue
        clean.append(step)
        tp = _step(tp, step)
        if tp is None:
            clean.extend(loc[i + 1:])
            return tuple(clean), None
    return tuple(clean), unwrap(tp)


def _step(tp: object, step: object) -> object:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        for name, info in tp.model_fields.items():
            if (info.alias or name) == step:
                return info.annotation
        return None
    origin = get_origin(tp)
    if origin is list and isinstance(step, int):
        return get_args(tp)[0]
    if origin is dict:
        return get_args(tp)[1]
    return None


def show(value: object) -> str:
    """A value as a message quotes it, shortened."""
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def describe(error: dict) -> str:
    """Pydantic's message for a bad value, in the words of the format."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "unknown_effect" and isinstance(value, dict) and value:
        key = str(next(iter(value)))
        near = difflib.get_close_matches(key, EFFECT_KEYS, n=1, cutoff=0.6)
        hint = _("; did you mean '{name}'?").format(name=near[0]) if near else ""
        return _("unknown effect '{key}'{hint} (effects: {effect_keys})").format(
            key=key, hint=hint, effect_keys=', '.join(EFFECT_KEYS))
    if kind == "string_type":
        # YAML reads 1.10, yes and 2026-01-05 as a number, true and a date: quoted, each is the text written.
        hint = _("; put it in quotes") if isinstance(value, (int, float, bool, _dt.date)) else ""
        return _("expected text, got {got}{hint}").format(got=show(value), hint=hint)
    if kind in ("int_type", "int_from_float", "int_parsing"):
        return _("expected a whole number, got {got}").format(got=show(value))
    if kind in ("float_type", "float_parsing"):
        return _("expected a number, got {got}").format(got=show(value))
    if kind == "number_or_expression":
        return _("expected a number or an expression in quotes, got {got}").format(got=show(value))
    if kind == "bool_type":
        return _("expected true or false, got {got}").format(got=show(value))
    if kind == "list_type":
        return _("expected a list, got {got}").format(got=show(value))
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return _("expected a mapping (key: value lines), got {got}").format(got=show(value))
    if kind == "literal_error":
        if error["loc"] == ("format",):
            return _("unsupported format {got}: this version of crisis reads formats 1 and 2").format(
                got=show(value))
        expected = str(ctx.get("expected")).replace("' or '", "' " + _("or") + " '")  # pydantic's "'a', 'b' or 'c'"
        return _("expected {expected}, got {got}").format(expected=expected, got=show(value))
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        rule = _(_PATTERNS[pattern]) if pattern in _PATTERNS else \
            _("expected the pattern {pattern}").format(pattern=pattern)
        return _("{got} is not a valid id: {rule}").format(got=show(value), rule=rule)
    if kind == "string_too_long":
        return _("too long: at most {limit} characters").format(limit=ctx.get("max_length"))
    if kind == "too_short":
        return _("needs at least {least}, found {found}").format(
            least=ctx.get("min_length"), found=ctx.get("actual_length", len(value or [])))
    if kind == "too_long":
        return _("allows at most {most}, found {found}").format(
            most=ctx.get("max_length"), found=ctx.get("actual_length"))
    if kind == "greater_than_equal":
        return _("must be at least {least}, got {got}").format(least=ctx.get("ge"), got=show(value))
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    message = _(str(error["msg"]))  # a custom message, marked with N_ where the type declares it
    return message[:1].lower() + message[1:]
