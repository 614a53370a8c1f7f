"""Where things live: the bundled scenarios and assets, and the player's own folder."""

from __future__ import annotations

import os
from pathlib import Path

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


def user_home() -> Path:
    """The player's folder: $CRISIS_HOME, or the platform's data folder for crisis."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("crisis", appauthor=False)


def user_scenarios() -> Path:
    return user_home() / "scenarios"


def saves() -> Path:
    return user_home() / "saves"


def exports() -> Path:
    return user_home() / "debriefs"
