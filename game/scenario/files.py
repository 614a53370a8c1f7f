"""Finding a scenario's files and reading them within the limits, before any YAML is parsed."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from game.bounded import read_bounded
from game.i18n import _, format_number

from .problems import Problem

MANIFEST = "scenario.yaml"
MAX_FILE_BYTES = 1 << 20
MAX_FILES = 200
SUFFIXES = (".yaml", ".yml")
# A scenario's translations (translations/<language>/*.yaml) are not content files: game/scenario/translations.py
# reads them, and the content hash a save names leaves them out (a new translation does not change the game).
TRANSLATIONS = "translations"


@dataclass(frozen=True, slots=True)
class ScenarioFile:
    """One file's bytes, with its path inside the scenario and the path shown in messages."""

    rel: str
    display: str
    data: bytes


def display_base(folder: Path | str) -> str:
    """How to name the folder in messages: as given, or relative to the working folder."""
    path = Path(folder)
    if path.is_absolute():
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)
    return str(path)


MAX_FOLDERS = 200
CUT_SHORT = "..."  # the last entry of a listing whose walk stopped early


def list_files(folder: Path, content: bool = True) -> list[str]:
    """Every *.yaml/*.yml below `folder`, hidden files and folders skipped (and, for a scenario's `content`,
    its translations folder), as sorted relative paths. The walk
    stops past MAX_FILES files or MAX_FOLDERS folders (a scenario is never that big; "/" given as a scenario
    folder must not walk the whole disk): the list then ends in CUT_SHORT, which read_files refuses."""
    found: list[str] = []
    folders = 0
    # os.walk without following links: a symlinked folder cannot make the walk loop forever.
    for root, dirs, names in os.walk(folder, followlinks=False):
        folders += 1
        if folders > MAX_FOLDERS or len(found) > MAX_FILES:
            return sorted(found) + [CUT_SHORT]
        base = Path(root).relative_to(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not (content and d == TRANSLATIONS and base == Path(".")))
        for name in names:
            if not name.startswith(".") and name.endswith(SUFFIXES):
                found.append((base / name).as_posix())
    return sorted(found)


def read_files(folder: Path, shown: str) -> tuple[list[ScenarioFile], list[Problem]]:
    """Read every scenario file, refusing what is too big or too many before reading it."""
    if not folder.is_dir():
        return [], [Problem(shown, 0, 0, _("not a scenario folder (no such folder)"))]
    rels = list_files(folder)
    if rels and rels[-1] == CUT_SHORT:
        return [], [Problem(shown, 0, 0, _("more than {max_files} YAML files or {max_folders} folders; a scenario"
                                           " may have at most {max_files} files").format(
                                               max_files=MAX_FILES, max_folders=MAX_FOLDERS))]
    if len(rels) > MAX_FILES:
        return [], [Problem(shown, 0, 0, _("{count} YAML files; a scenario may have at most {max_files}").format(
            count=len(rels), max_files=MAX_FILES))]
    files: list[ScenarioFile] = []
    problems: list[Problem] = []
    try:
        inside = folder.resolve()
    except (OSError, RuntimeError) as err:
        return [], [Problem(shown, 0, 0, _("cannot read the folder: {reason}").format(
            reason=getattr(err, "strerror", None) or err))]
    for rel in rels:
        display = str(Path(shown) / rel)
        data, problem = read_one(folder / rel, display, inside)
        if problem:
            problems.append(problem)
        else:
            files.append(ScenarioFile(rel, display, data))
    if MANIFEST not in rels:
        problems.append(Problem(shown, 0, 0, _("no {manifest}: every scenario folder needs a manifest"
                                               " (see scenarios/README.md)").format(manifest=MANIFEST)))
    return files, problems


def read_one(path: Path, display: str, inside: Path) -> tuple[bytes, Problem | None]:
    """One file's bytes within the limits (a link out of `inside`, a device or a file over 1 MiB refused)."""
    try:
        if path.is_symlink():
            # A link inside a shared scenario must not read a file of the player's: not even its first
            # line may reach a message. A link to another file of the same scenario is fine.
            target = path.resolve()
            if target != inside and inside not in target.parents:
                return b"", Problem(display, 1, 1, _("a link to a file outside the scenario folder; links are not"
                                                     " followed out of a scenario"))
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            # A device or a pipe named *.yaml could block or never end: refuse it unread.
            return b"", Problem(display, 1, 1, _("not a regular file"))
        if info.st_size > MAX_FILE_BYTES:
            return b"", _too_big(display, info.st_size)
        with open(path, "rb", opener=_nonblocking) as handle:
            opened = os.fstat(handle.fileno())
            if not stat.S_ISREG(opened.st_mode):
                return b"", Problem(display, 1, 1, _("not a regular file"))  # swapped since the stat
            data = read_bounded(handle, opened.st_size, MAX_FILE_BYTES)  # it may grow meanwhile: still bounded
    except (OSError, RuntimeError) as err:
        return b"", Problem(display, 1, 1, _("cannot read the file: {reason}").format(
            reason=getattr(err, "strerror", None) or err))
    if len(data) > MAX_FILE_BYTES:
        return b"", _too_big(display, len(data))
    return data, None


def _nonblocking(path, flags):
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _too_big(display: str, size: int) -> Problem:
    return Problem(display, 1, 1, _("file is too large ({size} bytes); the limit is 1 MiB"
                                    " ({limit} bytes) per file").format(
                                        size=format_number(size), limit=format_number(MAX_FILE_BYTES)))


def content_hash(files: list[ScenarioFile]) -> str:
    """sha256 over each file's relative path and bytes, in path order: what a save names."""
    digest = hashlib.sha256()
    for f in files:
        digest.update(f"{f.rel}\0{len(f.data)}\0".encode())
        digest.update(f.data)
    return digest.hexdigest()
