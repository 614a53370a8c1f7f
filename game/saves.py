"""Saved games on disk: versioned JSON holding a game's log, written atomically, read with clear errors."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from game import paths
from game.atomic import write_atomically
from game.engine import Log, ReplayError

KIND = "crisis-save"
AUTOSAVE = "autosave"
MAX_SAVE_BYTES = 4 * 1024 * 1024  # a log is a few hundred bytes; anything this big is not ours


class SaveError(Exception):
    """A save that cannot be used, with a message fit to show the player."""


@dataclass(frozen=True)
class Save:
    path: Path
    log: Log
    meta: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def turn(self) -> int:
        return len(self.log.choices) + 1


@dataclass(frozen=True)
class SaveEntry:
    """A save as listed: either readable (`save`) or not (`error` says why)."""

    path: Path
    save: Save | None
    error: str = ""
    modified: float = 0.0


def write_save(path: Path, log: Log, meta: dict | None = None) -> Path:
    """Write a save whole or not at all (see game.atomic): killing the game never leaves half a save."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = dict(log.to_dict(), kind=KIND, meta=dict(meta or {}, saved_at=_now()))
    return write_atomically(path, json.dumps(body, indent=1, ensure_ascii=False))


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def read_save(path: Path) -> Save:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_SAVE_BYTES:
            raise SaveError(f"{path.name}: too large to be a saved game ({size:,} bytes)")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SaveError(f"no saved game at {path}") from None
    except IsADirectoryError:
        raise SaveError(f"{path} is a folder, not a saved game") from None
    except OSError as err:
        raise SaveError(f"{path.name}: cannot be read ({err.strerror})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SaveError(f"{path.name}: damaged or cut short (not valid JSON); other saves are unaffected") from None
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise SaveError(f"{path.name}: not a crisis saved game")
    try:
        log = Log.from_dict(data)
    except ReplayError as err:
        raise SaveError(f"{path.name}: {err}") from None
    meta = data.get("meta")
    return Save(path, log, meta if isinstance(meta, dict) else {})


def read_log(path: Path) -> Log:
    return read_save(path).log


def slot_path(name: str) -> Path:
    """A save's file from its slot name, or the path itself when given a path to a file."""
    candidate = Path(name).expanduser()
    if candidate.suffix == ".json" or candidate.exists() or os.sep in name:
        return candidate
    return paths.saves() / f"{name}.json"


def autosave_path() -> Path:
    return paths.saves() / f"{AUTOSAVE}.json"


def autosave(log: Log, meta: dict | None = None) -> Path:
    return write_save(autosave_path(), log, meta)


def list_saves() -> list[SaveEntry]:
    """Every save in the player's folder, newest first; unreadable ones listed with the reason."""
    folder = paths.saves()
    if not folder.is_dir():
        return []
    entries = []
    for path in folder.glob("*.json"):
        try:
            modified = path.stat().st_mtime
        except OSError:
            continue
        try:
            entries.append(SaveEntry(path, read_save(path), "", modified))
        except SaveError as err:
            entries.append(SaveEntry(path, None, str(err), modified))
    entries.sort(key=lambda e: (-e.modified, e.path.name))
    return entries


def latest_autosave() -> Save | None:
    path = autosave_path()
    if not path.exists():
        return None
    return read_save(path)
