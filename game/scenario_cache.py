"""A cached copy of each scenario the game has loaded, so a game opens without YAML, pydantic or validation.

The loader's own cache lives only as long as the process; this one lets `crisis play --role ...`,
`--resume` and `crisis simulate` start in a fraction of the time. An entry is keyed on the bytes of every
scenario file and of the engine and loader sources (a hash, not sizes and times: a file changed within the
same second and size is still a miss), and a miss only means a normal load.

A file on disk must never run code: an entry starts with its signature, checked before anything else is
read, and its body is unpickled by an unpickler that can build only the engine's own model classes, a
date and an expression (compiled by the engine's whitelist), nothing else. A planted entry is a miss.
A model object is kept as its class and its fields' values in order (`_instance`), which reads back in
two thirds of the time pickle's own way for a dataclass takes (it looks up the class's fields per object).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import io
import os
import pickle
import re
import stat
from pathlib import Path

from game import paths
from game.atomic import write_atomically
from game.bounded import read_bounded

FORMAT = 3
MAX_ENTRY_BYTES = 16 * 1024 * 1024
_MAX_SOURCE_BYTES = 1 << 20  # as the loader's own limit per file: a bigger file is never a valid scenario
_GAME = Path(__file__).resolve().parent
_SUFFIXES = (".yaml", ".yml")
_MODEL_MODULES = ("game.engine.model", "game.engine.effects")


def cache_dir() -> Path:
    if os.environ.get(paths.HOME_ENV):
        return paths.user_home() / "cache"
    from platformdirs import user_cache_path

    return user_cache_path("crisis", appauthor=False)


def folder_of(ref: str | None) -> Path | None:
    """The folder an id or path plainly names, found without the loader; None when only the loader can tell."""
    try:
        wanted = (paths.bundled_scenarios() / "default").read_text(encoding="utf-8").strip() if ref is None else ref
        candidate = Path(wanted).expanduser()
        if ref is not None and candidate.is_dir():
            return candidate
        if re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", wanted):
            for root in (paths.bundled_scenarios(), paths.user_scenarios()):
                if (root / wanted / "scenario.yaml").is_file():
                    return root / wanted
    except (OSError, RuntimeError, ValueError):
        return None  # ~nosuchuser, a name too long, a NUL: the loader says what is wrong with it
    return None


def _sources(folder: Path):
    """(name, path) of every file the entry depends on: the scenario's YAML (walked as the loader walks it,
    links to folders not followed) and the engine's and loader's sources."""
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and name.endswith(_SUFFIXES):
                path = Path(root) / name
                yield "scenario/" + path.relative_to(folder).as_posix(), path
    for package in ("engine", "scenario"):
        for path in sorted((_GAME / package).glob("*.py")):
            yield f"game/{package}/{path.name}", path


def signature(folder: Path, lang: str | None = None) -> str | None:
    """A hash of the bytes of every file the scenario's entry depends on (its translations among them), and of
    the language it is kept in; None when one cannot be read as a plain file of sensible size (the loader will
    say why)."""
    digest = hashlib.sha256(repr((FORMAT, str(folder.resolve()), lang)).encode())
    for name, path in _sources(folder):
        try:
            with open(path, "rb", opener=_nonblocking) as handle:
                info = os.fstat(handle.fileno())
                if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_SOURCE_BYTES:
                    return None
                data = read_bounded(handle, info.st_size, _MAX_SOURCE_BYTES)
        except OSError:
            return None
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _nonblocking(path, flags):
    # A FIFO named like a scenario file must not block the open.
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _entry(folder: Path, lang: str | None = None) -> Path:
    name = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    # The language is a known code (a folder name the loader checked), never a path part from a file.
    return cache_dir() / f"scenario-{name}{'-' + lang if lang else ''}.cache"


_FIELDS: dict[type, tuple[str, ...]] = {}  # the slotted model classes met so far: their fields' names, in order


def _slotted_fields(cls: object) -> tuple[str, ...] | None:
    """The names of a slotted model class's fields, in order; None for anything else."""
    names = _FIELDS.get(cls) if isinstance(cls, type) else None
    if names is None:
        if not (isinstance(cls, type) and cls.__module__ in _MODEL_MODULES and "__slots__" in cls.__dict__
                and dataclasses.is_dataclass(cls)):
            return None
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _instance(cls: type, values: tuple):
    """A slotted model object from its fields' values, in order, built by the dataclass's own `__init__` (every
    field given, so no default is made; no model class has a `__post_init__`): a third of the time of setting
    the fields one by one from here, on the ~3,000 objects of a scenario. Anything else in the stream is
    refused."""
    names = _slotted_fields(cls)
    if names is None or type(values) is not tuple or len(values) != len(names):
        raise pickle.UnpicklingError("not a scenario's object")
    return cls(*values)


class _Compact(pickle.Pickler):
    """Keeps each slotted model object as `_instance` and its class and values (see the module docstring)."""

    def reducer_override(self, obj):
        names = _slotted_fields(type(obj))
        if names is None:
            return NotImplemented
        return _instance, (type(obj), tuple(getattr(obj, name) for name in names))


class _ModelsOnly(pickle.Unpickler):
    """Builds the engine's model classes, dates and expressions; refuses every other global."""

    def find_class(self, module: str, name: str):
        if module == "datetime" and name == "date":
            return _dt.date
        if module == __name__ and name == "_instance":
            return _instance
        if module == "game.engine.expr" and name == "_rebuild":
            from game.engine.expr import _rebuild

            return _rebuild
        if module in _MODEL_MODULES and not name.startswith("_"):
            import importlib

            found = getattr(importlib.import_module(module), name, None)
            if isinstance(found, type) and getattr(found, "__dataclass_fields__", None) is not None \
                    and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a scenario")


def cached(folder: Path, lang: str | None = None):
    """The scenario cached for this folder (in the language `lang`, None: its own) when nothing has changed
    since, else None."""
    try:
        sig = signature(folder, lang)
        if sig is None:
            return None
        with open(_entry(folder, lang), "rb", opener=_nonblocking) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return None
            head = handle.readline(128)
            if head != f"crisis-scenario-cache {sig}\n".encode():
                return None  # checked before a byte of the body is unpickled
            body = read_bounded(handle, info.st_size - len(head), MAX_ENTRY_BYTES)
        if len(body) > MAX_ENTRY_BYTES:
            return None
        scenario = _ModelsOnly(io.BytesIO(body)).load()
        from game.engine.model import Scenario

        return scenario if isinstance(scenario, Scenario) else None
    except Exception:  # noqa: BLE001 - a missing, stale, damaged or planted cache entry is only a miss
        return None


def keep(folder: Path, scenario, lang: str | None = None) -> None:
    entry = _entry(folder, lang)
    try:
        sig = signature(folder, lang)
        if sig is None:
            return
        entry.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        _Compact(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(scenario)
        body = buffer.getvalue()
        write_atomically(entry, f"crisis-scenario-cache {sig}\n".encode() + body)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is only slower next time
        pass


def load(ref: str | Path | None, lang: str | None = None):
    """A scenario by id, folder or (None) the bundled default, its text in the language `lang` where it has a
    translation (None: the player's language, game.i18n's): from this cache when nothing changed, else through
    the loader (raising game.scenario.ScenarioError when invalid), then kept here."""
    folder = folder_of(None if ref is None else str(ref))
    code = _translation(folder, lang)
    if folder is not None:
        scenario = cached(folder, code)
        if scenario is not None:
            return scenario
        own = cached(folder) if code else None
    else:
        own = None
    if own is None:
        from game.scenario import load as load_checked, resolve_scenario

        resolved = resolve_scenario(None if ref is None else str(ref))
        own = load_checked(resolved)
        if folder is not None:
            keep(folder, own)
        else:  # found only by the loader (a name it resolves): translated, though not kept
            code = _translation(resolved, lang)
    if not code:
        return own
    from game.scenario.translations import translated

    scenario = translated(own, code, folder or resolved)
    if folder is not None:
        keep(folder, scenario, code)
    return scenario


def _translation(folder: Path | None, lang: str | None) -> str | None:
    """The translation to show, when the scenario's folder has one for the language wanted; else None (its own
    text). Found by looking at the folder only, so that a cached game opens without the loader."""
    if lang is None:
        try:
            from game.i18n import language
        except ImportError:  # the player's language arrives with game.i18n (issue 14)
            return None
        lang = language()
    if folder is None or not lang:
        return None
    for code in dict.fromkeys((lang, lang.replace("_", "-").split("-")[0])):
        if re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}", code) \
                and (folder / "translations" / code).is_dir():
            return code
    return None
