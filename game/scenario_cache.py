"""A pickled copy of each scenario the game has loaded, so a game opens without YAML, pydantic or validation.

The loader's own cache lives only as long as the process; this one lets `crisis play --role ...`,
`--resume` and `crisis simulate` start in a fraction of the time. It is keyed on the size and modification
time of every scenario file and of the engine and loader sources, the way Python keys its .pyc files:
any edit means a miss, and a miss only means a normal load. Only the game writes these files, in the
player's own cache folder; scenario folders are never unpickled from.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from pathlib import Path

from game import paths
from game.atomic import write_atomically

FORMAT = 1
_GAME = Path(__file__).resolve().parent
_SUFFIXES = (".yaml", ".yml")


def cache_dir() -> Path:
    if os.environ.get(paths.HOME_ENV):
        return paths.user_home() / "cache"
    from platformdirs import user_cache_path

    return user_cache_path("crisis", appauthor=False)


def folder_of(ref: str | None) -> Path | None:
    """The folder an id or path plainly names, found without the loader; None when only the loader can tell."""
    try:
        wanted = (paths.bundled_scenarios() / "default").read_text(encoding="utf-8").strip() if ref is None else ref
    except OSError:
        return None
    candidate = Path(wanted).expanduser()
    if ref is not None and candidate.is_dir():
        return candidate
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", wanted):
        for root in (paths.bundled_scenarios(), paths.user_scenarios()):
            if (root / wanted / "scenario.yaml").is_file():
                return root / wanted
    return None


def signature(folder: Path) -> str:
    stats = [FORMAT, str(folder.resolve())]
    for base, pattern in ((folder, "**/*"), (_GAME / "engine", "*.py"), (_GAME / "scenario", "*.py")):
        for path in sorted(base.glob(pattern)):
            if path.suffix in _SUFFIXES or (base is not folder and path.suffix == ".py"):
                st = path.stat()
                stats.append((str(path.relative_to(base)), st.st_size, st.st_mtime_ns))
    return hashlib.sha256(repr(stats).encode()).hexdigest()


def _entry(folder: Path) -> Path:
    return cache_dir() / f"scenario-{hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]}.pickle"


def cached(folder: Path):
    """The scenario pickled for this folder when nothing has changed since, else None."""
    try:
        sig, scenario = pickle.loads(_entry(folder).read_bytes())
        return scenario if sig == signature(folder) else None
    except Exception:  # noqa: BLE001 - a missing, stale or damaged cache entry is only a miss
        return None


def keep(folder: Path, scenario) -> None:
    entry = _entry(folder)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(entry, pickle.dumps((signature(folder), scenario), protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:  # noqa: BLE001 - a cache that cannot be written is only slower next time
        pass


def load(ref: str | Path | None):
    """A scenario by id, folder or (None) the bundled default: from this cache when nothing changed,
    else through the loader (raising game.scenario.ScenarioError when invalid), then kept here."""
    folder = folder_of(None if ref is None else str(ref))
    if folder is not None:
        scenario = cached(folder)
        if scenario is not None:
            return scenario
    from game.scenario import load as load_checked, resolve_scenario

    scenario = load_checked(resolve_scenario(None if ref is None else str(ref)))
    if folder is not None:
        keep(folder, scenario)
    return scenario
