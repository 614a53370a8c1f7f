"""Saved games on disk: versioned JSON holding a game's log, written atomically, read with clear errors."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from game import paths
from game.atomic import write_atomically, write_new
from game.bounded import read_bounded
from game.engine import Log, ReplayError
from game.i18n import _, format_number
from game.plain import plain

KIND = "crisis-save"
AUTOSAVE = "autosave"
MAX_SAVE_BYTES = 4 * 1024 * 1024  # a log is a few hundred bytes; anything this big is not ours
MAX_SLOT_NAME = 100  # characters; and in UTF-8 at most MAX_SLOT_BYTES, well inside any file system's 255
MAX_SLOT_BYTES = 200
MAX_CHOICES = 100_000  # far more turns than any calendar allows
MAX_SEED = 2**128
MAX_PATH_CHARS = 4096
_SCENARIO_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_ROLE_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
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
        """The game's "Turn N": as the game wrote it (in a two-sided game every role chooses each turn, so
        the choices do not count turns), else one past the choices of a one-role log."""
        turn = self.meta.get("turn")
        if isinstance(turn, int) and not isinstance(turn, bool):
            return turn
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
    return write_atomically(path, _body(log, meta))


def _body(log: Log, meta: dict | None) -> str:
    return json.dumps(dict(log.to_dict(), kind=KIND, meta=dict(meta or {}, saved_at=_now())), indent=1,
                      ensure_ascii=False)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _shown(path: Path) -> str:
    """A file's name as a message shows it: its control characters visible, a long name cut."""
    return plain(path.name or path, 80)


def _read_bytes(path: Path) -> bytes:
    """The bytes of a save: from a regular file only, never more than MAX_SAVE_BYTES (a device or a FIFO
    is refused unread, so /dev/zero cannot fill the memory and a pipe cannot block the game)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise SaveError(_("no saved game at {path}").format(path=plain(path, 200))) from None
    except IsADirectoryError:
        raise SaveError(_("{path} is a folder, not a saved game").format(path=plain(path, 200))) from None
    except (OSError, ValueError) as err:
        reason = getattr(err, "strerror", None) or _("not a file name")
        if getattr(err, "errno", None) == errno.ELOOP:
            reason = _("it is a link that leads round in a loop")
        raise SaveError(_("{file}: cannot be read ({reason})").format(file=_shown(path), reason=reason)) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SaveError(_("{path} is a folder, not a saved game").format(path=plain(path, 200)))
        raise SaveError(_("{file}: not a regular file, so not a saved game").format(file=_shown(path)))
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > MAX_SAVE_BYTES:
            raise SaveError(_("{file}: too large to be a saved game ({size} bytes)").format(
                file=_shown(path), size=format_number(info.st_size)))
        try:
            raw = read_bounded(handle, info.st_size, MAX_SAVE_BYTES)
        except OSError as err:
            raise SaveError(_("{file}: cannot be read ({reason})").format(file=_shown(path), reason=err.strerror)) from None
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveError(_("{file}: too large to be a saved game (more than {size} bytes)").format(
            file=_shown(path), size=format_number(MAX_SAVE_BYTES)))
    return raw


def read_save(path: Path) -> Save:
    """A save, checked field by field: every way a file can be wrong is a SaveError with one sentence."""
    path = Path(path)
    raw = _read_bytes(path)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        # ValueError covers bad JSON and integers past Python's digit limit; RecursionError deep nesting.
        raise SaveError(_("{file}: damaged or cut short (not valid JSON); other saves are unaffected").format(
            file=_shown(path))) \
            from None
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise SaveError(_("{file}: not a crisis saved game").format(file=_shown(path)))
    if "choices" in data and not isinstance(data["choices"], list):
        raise SaveError(_("{file}: the save is damaged (its choices are not a list)").format(file=_shown(path)))
    try:
        log = Log.from_dict(data)
    except ReplayError as err:
        raise SaveError(f"{_shown(path)}: {plain(err, 300)}") from None
    except (TypeError, ValueError, RecursionError, OverflowError):
        raise SaveError(_("{file}: the save is damaged (a field has the wrong type)").format(file=_shown(path))) from None
    problem = _log_problem(log)
    if problem:
        raise SaveError(_("{file}: the save is damaged ({problem})").format(file=_shown(path), problem=problem))
    meta = data.get("meta")
    return Save(path, log, _clean_meta(meta) if isinstance(meta, dict) else {})


def _log_problem(log: Log) -> str | None:
    """What is wrong with a log's fields as data (they are never path parts, but they name things)."""
    if not _SCENARIO_ID.fullmatch(log.scenario_id):
        return _("its scenario {scenario} is not a scenario id").format(scenario=plain(repr(log.scenario_id), 60))
    if log.role and not _ROLE_ID.fullmatch(log.role):
        return _("its role {role} is not a role id").format(role=plain(repr(log.role), 60))
    if len(log.scenario_hash) > 128:
        return _("its scenario hash is too long")
    if not -MAX_SEED < log.seed < MAX_SEED:
        return _("its seed is out of range")
    if len(log.choices) > MAX_CHOICES or any(not 0 <= c < 10_000 for c in log.choices):
        return _("its choices are out of range")
    return None


def _clean_meta(meta: dict) -> dict:
    """A save's meta with the values the game reads made safe: a scenario path only when it is a folder."""
    meta = {key: plain(value, 200) if isinstance(value, str) and key != "scenario_path" else value
            for key, value in meta.items()}  # titles and names shown in the load list: never terminal commands
    hint = meta.get("scenario_path")
    if hint is not None and not _usable_folder(hint):
        del meta["scenario_path"]
    for key in ("turn",):
        value = meta.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 10**9):
            del meta[key]
    return meta


def _usable_folder(hint: object) -> bool:
    if not isinstance(hint, str) or not hint or len(hint) > MAX_PATH_CHARS or "\0" in hint:
        return False
    try:
        # A scenario folder, nothing else: a save naming "/" must not make the game walk the whole disk.
        return (Path(hint) / "scenario.yaml").is_file()
    except (OSError, ValueError):
        return False


def read_log(path: Path) -> Log:
    return read_save(path).log


def slot_problem(name: str) -> str | None:
    """Why `name` cannot name a save (a sentence for the player), or None when it can.

    Any letters and digits of any script are welcome, with spaces, - and _; never a separator, a dot, a
    control character or more than MAX_SLOT_NAME characters, so a name is always one file in the save folder.
    """
    name = _normal(name)
    if not name:
        return _("Type a name for the save.")
    if len(name) > MAX_SLOT_NAME:
        return _("That name is too long: at most {limit} characters (this one has {length}).").format(
            limit=MAX_SLOT_NAME, length=len(name))
    if len(name.encode("utf-8")) > MAX_SLOT_BYTES:
        return _("That name is too long for a file name: shorten it.")
    if any(unicodedata.category(c).startswith("C") for c in name):
        return _("A name cannot hold control characters.")
    if "/" in name or "\\" in name:
        return _("A name cannot hold / or \\: every save goes in the one save folder.")
    if name.startswith("."):
        return _("A name cannot start with a dot.")
    for i, c in enumerate(name):
        if not (unicodedata.category(c)[0] == "L" or unicodedata.category(c) == "Nd" or c in " -_"
                or (i and unicodedata.category(c)[0] == "M")):
            return _("Use letters, digits, spaces, - and _ (not {character}).").format(character=repr(c))
    if name.casefold() == AUTOSAVE:
        return _("'{name}' is the game's own save, written after every turn: choose another name.").format(name=AUTOSAVE)
    if name.casefold() in _WINDOWS_DEVICES:
        return _("'{name}' is reserved by Windows for a device: choose another name.").format(name=name)
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
    """A save to read, named on the command line (`play --resume`, `simulate --from`): a path when it looks like one
    (a separator, a leading . or ~, or .json at the end), 'autosave' for the game's own save, otherwise a slot
    name, always in the save folder (SaveError when it cannot be one)."""
    if "\0" in name:
        raise SaveError(_("a save's name cannot hold a NUL character"))
    if len(name) > MAX_PATH_CHARS:
        raise SaveError(_("that path is too long ({length} characters)").format(length=format_number(len(name))))
    if _normal(name).casefold() == AUTOSAVE:
        return autosave_path()  # the game's own save: read, never written, by name
    if "/" in name or "\\" in name or name.startswith((".", "~")) or name.endswith(".json"):
        try:
            return Path(name).expanduser()
        except RuntimeError:
            raise SaveError(_("{user}: no such user, so the path cannot be found").format(
                user=plain(name.split("/")[0], 80))) from None
    return slot_file(name)


def autosave_path() -> Path:
    """The autosave everyone resumes from (the one of the first game running on this data folder)."""
    return paths.saves() / f"{AUTOSAVE}.json"


# The save folders whose autosave this process holds: {folder: the open lock file}. The lock is an advisory
# lock the system drops when the process ends, however it ends, so a killed game never leaves it held.
_HELD: dict[str, object] = {}


def own_autosave_path() -> Path:
    """Where this process autosaves: the autosave, unless another running game holds it; then a file of
    this process's own (autosave-PID.json), so that two games on one folder never write over each other."""
    folder = paths.saves()
    if str(folder) in _HELD or _claim(folder):
        return autosave_path()
    return folder / f"{AUTOSAVE}-{os.getpid()}.json"


def autosave_shared() -> bool:
    """Whether another running game holds this data folder's autosave (this game then keeps its own)."""
    return own_autosave_path() != autosave_path()


def _claim(folder: Path) -> bool:
    try:
        import fcntl
    except ImportError:  # no advisory locks (Windows): one autosave, as before
        return True
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / f".{AUTOSAVE}.lock", "a+b")  # noqa: SIM115 - held for the process's life
    except OSError:
        return True  # a folder we cannot lock in: writing will say what is wrong
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return False
    _HELD[str(folder)] = handle
    return True


def autosave(log: Log, meta: dict | None = None) -> Path:
    return write_save(own_autosave_path(), log, meta)


@dataclass(frozen=True)
class Kept:
    """What became of the previous autosave before a new game's first one: where it went, and why."""

    path: Path
    unreadable: str = ""  # the reason, when the autosave could not be read and was moved aside unread

    def message(self) -> str:
        if self.unreadable:
            return _("Your autosave could not be read ({reason}), so it was moved aside as '{name}' ({folder})"
                     " rather than written over.").format(reason=self.unreadable, name=plain(self.path.name, 80),
                                                         folder=plain(self.path.parent, 300))
        return _("Your unfinished game was kept as '{name}' ({path}): Load opens it.").format(
            name=plain(self.path.stem, 80), path=plain(self.path, 300))


def keep_previous_autosave(current: Log) -> Kept | None:
    """Before a game's first autosave: keep what the autosave holds, so that nothing is lost. An unfinished
    game becomes a named save under a new name (never one already taken); an autosave the game cannot read
    (damaged, or from a newer version) is moved aside unread. None when there was nothing to keep."""
    path = own_autosave_path()
    if not os.path.lexists(path):
        return None
    try:
        previous = read_save(path)
    except SaveError as err:
        return Kept(_move_aside(path), plain(str(err).split(": ", 1)[-1], 160))
    if previous.log == current or previous.meta.get("over") is True or not previous.log.choices:
        return None
    log = previous.log
    role = log.role or str(previous.meta.get("player") or "game")
    stem = f"{name_part(role)}-seed{name_part(str(log.seed))[:24]}-turn{previous.turn}"
    body = _body(log, previous.meta)
    for n in range(1, 1000):
        target = slot_file(stem if n == 1 else f"{stem}-{n}")
        try:
            return Kept(write_new(target, body))
        except FileExistsError:
            try:
                if read_save(target).log == log:
                    return Kept(target)  # kept already (the title screen keeps it, then the game screen asks)
            except SaveError:
                pass
            continue
    raise OSError(errno.EEXIST, "no free name to keep the previous autosave under")


def name_part(text: str) -> str:
    """Data from a file as part of a save's name: letters, digits, '-' and '_' only, at most 40 characters."""
    cleaned = "".join(c if (c.isascii() and c.isalnum()) or c in "-_" else "-" for c in text)[:40].strip("-")
    return cleaned or "game"


def _move_aside(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(1, 1000):
        target = path.with_name(f"{AUTOSAVE}-unreadable-{stamp}{'' if n == 1 else f'-{n}'}.json")
        try:
            os.link(path, target, follow_symlinks=False)
        except FileExistsError:
            continue
        except OSError:
            if os.path.lexists(target):
                continue
            os.rename(path, target)  # no hard links here (some file systems): checked free just above
            return target
        os.unlink(path)
        return target
    raise OSError(errno.EEXIST, "no free name to move the unreadable autosave to")


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
    """The autosave to resume: this game's own when it keeps one, else the shared one; None when there is
    none. A link that leads nowhere or round in a loop is a SaveError that says so, not "no autosave"."""
    path = own_autosave_path()
    if not os.path.lexists(path):
        path = autosave_path()
        if not os.path.lexists(path):
            return None
    return read_save(path)
