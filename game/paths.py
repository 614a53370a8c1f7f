"""Where things live: the bundled scenarios and assets, and the player's own folder."""

from __future__ import annotations

import os
from pathlib import Path

from game.i18n import _

HOME_ENV = "CRISIS_HOME"
_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # A wheel carries the data inside the package (game/_bundled/...); a source checkout and an
    # editable install read it from the top of the repository.
    inside = _PACKAGE / "_bundled" / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def bundled_scenarios() -> Path:
    return _bundled("scenarios")


def assets() -> Path:
    return _bundled("assets")


class HomeError(Exception):
    """$CRISIS_HOME names no folder crisis can use; the message says why, in one line."""


def user_home() -> Path:
    """The player's folder: $CRISIS_HOME, or the platform's data folder for crisis."""
    override = os.environ.get(HOME_ENV)
    if override:
        return _checked_home(override)
    from platformdirs import user_data_path

    return user_data_path("crisis", appauthor=False)


def user_scenarios() -> Path:
    return user_home() / "scenarios"


def saves() -> Path:
    return user_home() / "saves"


def exports() -> Path:
    return user_home() / "debriefs"


def _checked_home(value: str) -> Path:
    shown = value if len(value) <= 60 else value[:57] + "..."
    shown = "".join(c if c.isprintable() else "?" for c in shown)
    try:
        path = Path(value).expanduser()
    except RuntimeError:
        raise HomeError(_("{variable}={value}: no such user, so the folder cannot be found").format(
            variable=HOME_ENV, value=shown)) from None
    if len(str(path)) > 4000 or any(len(part.encode("utf-8", "surrogateescape")) > 255 for part in path.parts):
        raise HomeError(_("{variable}={value}: the path is too long for a folder").format(variable=HOME_ENV, value=shown))
    return path


def check_home() -> None:
    """Raise HomeError now, with one clear line, when $CRISIS_HOME cannot be used."""
    override = os.environ.get(HOME_ENV)
    if override:
        _checked_home(override)
