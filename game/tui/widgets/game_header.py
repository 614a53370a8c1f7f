"""The line above the game: scenario and role on the left, date, turn and seed on the right."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


@dataclass(frozen=True, slots=True)
class HeaderLine:
    scenario: str
    role: str
    date: str
    turn: int
    max_turns: int
    seed: int


class GameHeader(Widget):
    """Always shows where the player is; the left part is shortened first when the line is narrow."""

    line: reactive[HeaderLine | None] = reactive(None)

    def render(self) -> Content:
        line = self.line
        if line is None:
            return Content("")
        right = Content.assemble(line.date, "  ", (f"Turn {line.turn}/{line.max_turns}", "bold"),
                                 ("  seed ", "dim"), (str(line.seed), "dim"))
        left = Content.assemble((line.scenario, "bold"), "  ", (line.role, "$text-accent"))
        room = self.size.width - right.cell_length - 2
        if left.cell_length > room:
            left = left.truncate(max(0, room - 1), ellipsis=True)
        return Content.assemble(left, " " * max(1, self.size.width - left.cell_length - right.cell_length), right)
