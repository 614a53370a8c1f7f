"""Saved games on disk: versioned JSON holding a game's log, written atomically, read with clear errors."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from game import paths
from game.atomic import write_atomically
from game.engine import Log, ReplayError

KIND = "crisis-save"
AUTOSAVE = "autosave"
MAX_SAVE_BYTES = 4 * 1024 * 1024  # a log is a few hundred bytes; anything this big is not ours
MAX_SLOT_NAME = 100  # characters; and in UTF-8 at most MAX_SLOT_BYTES, well inside any file system's 255
MAX_SLOT_BYTES = 200
# Names Windows keeps for devices: a file called con.json cannot be written there.
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}


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


def slot_problem(name: str) -> str | None:
    """Why `name` cannot name a save (a sentence for the player), or None when it can.

    Any letters and digits of any script are welcome, with spaces, - and _; never a separator, a dot, a
    control character or more than MAX_SLOT_NAME characters, so a name is always one file in the save folder.
    """
    name = _normal(name)
    if not name:
        return "Type a name for the save."
    if len(name) > MAX_SLOT_NAME:
        return f"That name is too long: at most {MAX_SLOT_NAME} characters (this one has {len(name)})."
    if len(name.encode("utf-8")) > MAX_SLOT_BYTES:
        return "That name is too long for a file name: shorten it."
    if any(unicodedata.category(c).startswith("C") for c in name):
        return "A name cannot hold control characters."
    if "/" in name or "\\" in name:
        return "A name cannot hold / or \\: every save goes in the one save folder."
    if name.startswith("."):
        return "A name cannot start with a dot."
    for i, c in enumerate(name):
        if not (unicodedata.category(c)[0] == "L" or unicodedata.category(c) == "Nd" or c in " -_"
                or (i and unicodedata.category(c)[0] == "M")):
            return f"Use letters, digits, spaces, - and _ (not {c!r})."
    if name.casefold() == AUTOSAVE:
        return f"'{AUTOSAVE}' is the game's own save, written after every turn: choose another name."
    if name.casefold() in _WINDOWS_DEVICES:
        return f"'{name}' is reserved by Windows for a device: choose another name."
    return None


def _normal(name: str) -> str:
    # One spelling per name: "maría" typed with a composed or a combining accent is the same save.
    return unicodedata.normalize("NFC", name).strip()


def slot_file(name: str) -> Path:
    """The file of the save slot `name`, always directly in the save folder; SaveError (the reason) when the name
    cannot be one."""
    problem = slot_problem(name)
    if problem is not None:
        raise SaveError(problem)
    return paths.saves() / f"{_normal(name)}.json"


def slot_path(name: str) -> Path:
    """A save's file from the command line: a path when it looks like one (a separator, a leading . or ~, or
    .json at the end), otherwise a slot name, always in the save folder (SaveError when it cannot be one)."""
    if "/" in name or "\\" in name or name.startswith((".", "~")) or name.endswith(".json"):
        return Path(name).expanduser()
    return slot_file(name)


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
