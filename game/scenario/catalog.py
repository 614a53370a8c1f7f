"""Finding scenarios: the bundled ones, the player's own, and what an id or a path names."""

from __future__ import annotations

import re
from pathlib import Path

from game import paths
from game.i18n import _

from .files import MANIFEST, MAX_FILE_BYTES
from .models import SCENARIO_ID_PATTERN
from .problems import ScenarioNotFound
from .yamlnodes import read_document


def installed() -> list[Path]:
    """Every bundled scenario folder, then every one in the player's scenario folder."""
    found: list[Path] = []
    for root in (paths.bundled_scenarios(), paths.user_scenarios()):
        if root.is_dir():
            found += sorted(p for p in root.iterdir()
                            if p.is_dir() and not p.name.startswith(".") and (p / MANIFEST).is_file())
    return found


def default_id() -> str:
    """The bundled default scenario's id: the single line in scenarios/default."""
    return (paths.bundled_scenarios() / "default").read_text(encoding="utf-8").strip()


def resolve_scenario(id_or_path: str | None) -> Path:
    """A scenario folder: the path itself, or the bundled then the player's scenario with that id."""
    wanted = default_id() if id_or_path is None else id_or_path
    if id_or_path is not None:
        candidate = Path(wanted).expanduser()
        if candidate.is_dir():
            return candidate
        if candidate.is_file() and candidate.name == MANIFEST:
            return candidate.parent
    if re.fullmatch(SCENARIO_ID_PATTERN, wanted):
        for root in (paths.bundled_scenarios(), paths.user_scenarios()):
            if (root / wanted / MANIFEST).is_file():
                return root / wanted
        # A folder may be named differently from the id in its manifest.
        for folder in installed():
            if _manifest_id(folder) == wanted:
                return folder
    ids = ", ".join(sorted({_manifest_id(f) or f.name for f in installed()})) or "none"
    raise ScenarioNotFound(_("no scenario '{wanted}': it is not a scenario folder, and no bundled or"
                             " installed scenario has that id (available: {ids})").format(wanted=wanted, ids=ids))


def _manifest_id(folder: Path) -> str | None:
    manifest = folder / MANIFEST
    try:
        if manifest.stat().st_size > MAX_FILE_BYTES:
            return None
        doc, _ = read_document(manifest.read_bytes(), str(manifest))
    except OSError:
        return None
    ident = doc.value.get("id") if doc else None
    return ident if isinstance(ident, str) else None
