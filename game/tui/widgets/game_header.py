"""The line above the game: scenario and role on the left, date, turn and seed on the right."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from game.i18n import _


@dataclass(frozen=True, slots=True)
class HeaderLine:
    scenario: str
    role: str
    date: str
    turn: int
    max_turns: int
    seed: int


SEP = " · "  # between the parts: they stay apart even where spaces are lost (a copy, a screen reader)


class GameHeader(Widget):
    """Always shows where the player is and whose turn it is, whole. When the line is narrow the seed goes
    first, then the scenario's title is shortened; the role's name is cut only if nothing else is left."""

    line: reactive[HeaderLine | None] = reactive(None)

    def render(self) -> Content:
        line = self.line
        if line is None:
            return Content("")
        width = self.size.width
        dim = "$text-muted"
        turn = Content.assemble(line.date, (SEP, dim),
                                (_("Turn {turn}/{last}").format(turn=line.turn, last=line.max_turns), "bold"))
        seeded = Content.assemble(turn, (SEP, dim), (_("seed {seed}").format(seed=line.seed), dim))
        role = Content.styled(line.role, "$text-accent")
        scenario = Content.styled(line.scenario, "bold")
        gap = Content.styled(" │ ", dim)  # between the left and the right: a mark, not only spaces
        right = seeded if role.cell_length + gap.cell_length + seeded.cell_length <= width else turn
        room = width - right.cell_length - gap.cell_length
        # Whose turn it is matters more than the scenario's title: the title is shortened first.
        spare = room - role.cell_length - len(SEP)
        if scenario.cell_length > spare:
            scenario = scenario.truncate(max(0, spare - 1), ellipsis=True) if spare > 6 else Content("")
        left = Content.assemble(scenario, (SEP, dim), role) if scenario.cell_length else role
        if left.cell_length > room:
            left = left.truncate(max(0, room - 1), ellipsis=True)
        fill = " " * max(0, width - left.cell_length - gap.cell_length - right.cell_length)
        return Content.assemble(left, fill, gap, right)
