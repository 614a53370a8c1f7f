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


def shorter_titles(title: str) -> list[str]:
    """A scenario's title, then shorter forms of it that still read: the part before its subtitle ('The
    Strike' of 'The Strike: A Harbour in Crisis'), then fewer and fewer whole words with an ellipsis."""
    forms = [title]
    for mark in (":", " — ", " – ", " - "):
        head = title.split(mark, 1)[0].strip()
        if head and head != title:
            forms.append(head)
            break
    words = forms[-1].split()
    forms += [" ".join(words[:n]).rstrip(",;:") + "…" for n in range(len(words) - 1, 0, -1)]
    return forms


class GameHeader(Widget):
    """Always shows where the player is and whose turn it is, whole. When the line is narrow the seed goes
    first, then the scenario's title is shortened, at its subtitle, then by whole words; the role's name and
    the date and turn are cut only if nothing else is left."""

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
        gap = Content.styled(" │ ", dim)  # between the left and the right: a mark, not only spaces
        # Whose turn it is and when matter most, then the scenario's title, whole; the seed least (the new-game
        # screen, the saves and the ending show it).
        titles = shorter_titles(line.scenario)
        # (The seed only beside the whole title, so it does not come and go from one page to the next.)
        tries = [(titles[0], seeded), *((t, turn) for t in titles), ("", turn)]
        for title, right in tries:
            left = Content.assemble((title, "bold"), (SEP, dim), role) if title else role
            if left.cell_length + gap.cell_length + right.cell_length <= width:
                break
        room = width - right.cell_length - gap.cell_length
        if left.cell_length > room:
            left = left.truncate(max(0, room - 1), ellipsis=True)
        fill = " " * max(0, width - left.cell_length - gap.cell_length - right.cell_length)
        return Content.assemble(left, fill, gap, right)
