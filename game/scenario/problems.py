"""Located problems: what the loader reports, how it is printed, and the error it raises."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from game.i18n import N_, _

if TYPE_CHECKING:
    from game.engine.model import Scenario

Severity = Literal["error", "warning", "note"]
SEVERITIES = (N_("warning"), N_("note"))  # the words a problem's line starts with, translated where shown
MAX_SHOWN = 100


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong (or suspicious) in a scenario, at a 1-based line and column (0: no position)."""

    file: str
    line: int
    col: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}" if self.line else self.file
        kind = "" if self.severity == "error" else _(self.severity) + ": "
        return f"{where}: {kind}{self.message}"


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line, p.col, p.severity, p.message))


def format_problems(problems: list[Problem], limit: int = MAX_SHOWN) -> str:
    """Compiler-style lines, sorted by file and line, capped at `limit`."""
    ordered = sort_problems(problems)
    lines = [str(p) for p in ordered[:limit]]
    if len(ordered) > limit:
        lines.append(_("... and {value} more problems").format(value=len(ordered) - limit))
    return "\n".join(lines)


@dataclass(slots=True)
class Report:
    """The result of checking a scenario folder: the scenario when it is valid, and every problem."""

    scenario: Scenario | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "note"]

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not self.errors

    def __str__(self) -> str:
        return format_problems(self.problems)


class ScenarioError(Exception):
    """A scenario could not be loaded; `problems` says where and why, `str()` is the full report."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sort_problems(problems)
        super().__init__(format_problems(self.problems))


class ScenarioNotFound(ScenarioError):
    """No folder or installed scenario matches what was asked for."""

    def __init__(self, message: str) -> None:
        self.problems = [Problem("crisis", 0, 0, message)]
        Exception.__init__(self, message)
