"""Files written whole or not at all: a temp file beside the target, flushed and fsynced, renamed over it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes | str) -> Path:
    """Replace `path` with `data` so that a crash at any moment leaves the old file or the new one, never
    a mix. The folder must exist. Raises OSError (the target untouched, no temp file left) on failure."""
    path = Path(path)
    tmp = _synced_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)
    return path


def _synced_temp(path: Path, data: bytes | str) -> str:
    """`data` in a new temp file beside `path`, flushed and fsynced: what both writers then put in place.
    Raises OSError with no temp file left behind."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent if str(path.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _fsync_folder(folder: Path) -> None:
    # The rename itself is durable only once the folder's entry is on disk.
    try:
        fd = os.open(folder if str(folder) else ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_new(path: Path, data: bytes | str) -> Path:
    """Write `path` whole, only if nothing is there yet: FileExistsError (nothing written) when something is.
    The file appears complete or not at all, as with write_atomically."""
    path = Path(path)
    tmp = _synced_temp(path, data)
    try:
        try:
            os.link(tmp, path)  # fails, rather than replaces, when the name is taken
        except FileExistsError:
            raise
        except OSError:
            # No hard links on this file system: an exclusive create, then the rename over it.
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    _fsync_folder(path.parent)
    return path
