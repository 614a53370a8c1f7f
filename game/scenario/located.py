"""Where things came from: items with their file and value path, and the sink that locates problems."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from .problems import Problem, Severity
from .yamlnodes import Positions, Spot

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Item(Generic[T]):
    """A validated model, with the file it came from and its path in that file."""

    model: T
    file: str
    path: tuple


class Sink:
    """Collects problems, turning (file, value path) into line and column."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.positions: dict[str, Positions] = {}

    def add(self, severity: Severity, file: str, path: tuple, message: str, at: str = "value") -> None:
        positions = self.positions.get(file)
        line, col = positions.find(path, at) if positions else (0, 0)
        self.problems.append(Problem(file, line, col, message, severity))

    def error(self, item: Item, sub: tuple, message: str, at: str = "value") -> None:
        self.add("error", item.file, item.path + tuple(sub), message, at)

    def warn(self, item: Item, sub: tuple, message: str, at: str = "value") -> None:
        self.add("warning", item.file, item.path + tuple(sub), message, at)

    def spot(self, file: str, path: tuple) -> Spot | None:
        positions = self.positions.get(file)
        return positions.spots.get(tuple(path)) if positions else None

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)
