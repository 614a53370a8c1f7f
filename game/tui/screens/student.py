"""In a class: the student's name, asked once before New game (any letters, accents included)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from game.i18n import N_, _


class StudentNameScreen(ModalScreen[str | None]):
    """Returns the checked name, or None when the student goes back."""

    # Kept here rather than in app.tcss: the classroom's screens stay out of the shared stylesheet.
    DEFAULT_CSS = """
    StudentNameScreen { align: center middle; }
    #student-name { width: 64; height: auto; border: round $accent; padding: 1 2; background: $surface; }
    #student-problem { color: $error; }
    """
    BINDINGS = [Binding("escape", "back", N_("Back"))]
    """Escape goes back to the title without a name."""

    def __init__(self, class_name: str) -> None:
        super().__init__()
        self.class_name = class_name

    def compose(self) -> ComposeResult:
        with Vertical(id="student-name"):
            yield Static(_("Class {name}: your name, as your teacher will see it").format(name=self.class_name),
                         markup=False)
            yield Input(placeholder=_("Your name"), max_length=200, id="student-input")
            yield Static("", id="student-problem", markup=False)

    @on(Input.Submitted, "#student-input")
    def _submitted(self, event: Input.Submitted) -> None:
        from game.classroom.names import check_student, student_problem

        problem = student_problem(event.value)
        if problem:
            self.query_one("#student-problem", Static).update(problem)
            return
        self.dismiss(check_student(event.value))

    def action_back(self) -> None:
        self.dismiss(None)
