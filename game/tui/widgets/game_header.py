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
    """Always shows where the player is and whose turn it is; the scenario's title is shortened first when the line is narrow."""

    line: reactive[HeaderLine | None] = reactive(None)

    def render(self) -> Content:
        line = self.line
        if line is None:
            return Content("")
        right = Content.assemble(line.date, "  ", (f"Turn {line.turn}/{line.max_turns}", "bold"),
                                 ("  seed ", "dim"), (str(line.seed), "dim"))
        room = self.size.width - right.cell_length - 2
        role = Content.styled(line.role, "$text-accent")
        scenario = Content.styled(line.scenario, "bold")
        # Whose turn it is matters more than the scenario's title: the title is shortened first.
        spare = room - role.cell_length - 2
        if scenario.cell_length > spare:
            scenario = scenario.truncate(max(0, spare - 1), ellipsis=True) if spare > 4 else Content("")
        left = Content.assemble(scenario, "  ", role) if scenario.cell_length else role
        if left.cell_length > room:
            left = left.truncate(max(0, room - 1), ellipsis=True)
        return Content.assemble(left, " " * max(1, self.size.width - left.cell_length - right.cell_length), right)
