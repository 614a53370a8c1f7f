"""Watching a scenario folder: each change to its YAML files, batched, from watchfiles (no polling by hand)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
import threading

from watchfiles import Change, DefaultFilter, watch

SUFFIXES = (".yaml", ".yml")


class ScenarioFilter(DefaultFilter):
    """The files a scenario is read from: *.yaml and *.yml, hidden files and folders skipped (as the loader
    does), and the editors' swap and backup files that DefaultFilter already ignores."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder.resolve()

    def __call__(self, change: Change, path: str) -> bool:
        if not super().__call__(change, path):
            return False
        here = Path(path)
        try:
            parts = here.resolve().relative_to(self.folder).parts
        except ValueError:
            parts = here.parts
        return here.suffix in SUFFIXES and not any(part.startswith(".") for part in parts)


def changes(folder: str | Path, stop: threading.Event | None = None) -> Iterator[list[str]]:
    """Yield the changed files' paths (sorted) each time the scenario's files change; a burst of saves from an
    editor arrives as one change. Runs until `stop` is set (or for ever)."""
    root = Path(folder)
    for batch in watch(root, watch_filter=ScenarioFilter(root), stop_event=stop, debounce=300,
                       raise_interrupt=False):
        yield sorted({path for _change, path in batch})
