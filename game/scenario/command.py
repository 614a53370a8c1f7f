"""`crisis validate` and `crisis schema`: check scenario folders, print the schema."""

from __future__ import annotations

import sys
from pathlib import Path

from game import paths

from .catalog import installed, resolve_scenario
from .files import display_base
from .loader import check
from .problems import ScenarioNotFound, format_problems
from .schema import schema_text


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def run_validate(paths_: list[str], where: bool = False) -> int:
    """Print every problem of each scenario; 0 all valid, 1 any invalid, 2 a usage error."""
    if where:
        print(f"bundled scenarios: {paths.bundled_scenarios()}")
        print(f"your scenarios:    {paths.user_scenarios()}")
        print(f"(set {paths.HOME_ENV} to move your folder: scenarios are then read from"
              f" ${paths.HOME_ENV}/scenarios)")
        return 0
    folders: list[Path] = []
    for arg in paths_:
        try:
            folders.append(resolve_scenario(arg))
        except ScenarioNotFound as err:
            print(f"crisis validate: {err}", file=sys.stderr)
            return 2
    if not paths_:
        folders = installed()
        if not folders:
            print("no scenarios found (crisis validate --where shows where they are looked for)")
            return 0
    status = 0
    for folder in folders:
        report = check(folder)
        if report.problems:
            print(format_problems(report.problems))
        warnings = f" ({_count(len(report.warnings), 'warning')})" if report.warnings else ""
        if report.ok and report.scenario is not None:
            s = report.scenario
            print(f"OK {s.id}: {_count(len(s.cards), 'card')}, {_count(len(s.endings), 'ending')}{warnings}")
        else:
            status = 1
            print(f"FAILED {display_base(folder)}: {_count(len(report.errors), 'error')}{warnings}")
    return status


def run_schema() -> int:
    sys.stdout.write(schema_text())
    return 0
