"""The ending screen: how the game ended and what it means for the role, every meter over time, the decisions."""

from __future__ import annotations

import os

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from game import paths

from ..record import Record
from ..views import date_text, option_odds, role_name, shown
from ..widgets.key_footer import KeyFooter
from ..widgets.meter_chart import MeterChart, Series

VERDICT = {"win": "You win.", "loss": "You lose.", "draw": "A draw."}
CONTINUATIONS = 200  # bot games played on from each turning point: enough for a share, quick on any scenario


def key_steps(record: Record) -> list[int]:
    """The turning points, and the last decision."""
    return sorted(set(record.turning_points()) | ({len(record.steps) - 1} if record.steps else set()))


def continuation_counts(record: Record) -> dict[int, int]:
    """For each key step: how many of CONTINUATIONS games played on from that decision end like this one."""
    from game.sim.runner import continuations

    ending = record.state.ending
    role = record.player
    return {n: continuations(record.steps[n].before, runs=CONTINUATIONS, seed=n, role=role).tally.endings.get(ending, 0)
            for n in key_steps(record)}


def decisions(record: Record, counts: dict[int, int] | None = None) -> Content:
    """Every decision, each role's in a two-sided game, with its odds; the turning points marked."""
    turning = set(record.turning_points())
    last = len(record.steps) - 1
    sc = record.scenario
    reader = record.player if sc.two_sided else None
    lines = []
    for n, step in enumerate(record.steps):
        card = step.before.current_card
        mark = "  ◆ turning point" if n in turning else "  ■ the last decision" if n == last else ""
        if counts and n in counts:
            mark += f": from here, {counts[n]} of {CONTINUATIONS} games end this way"
        who = f"  {role_name(sc, step.role)}" if sc.two_sided else ""
        lines.append(Content.assemble(
            (f"Turn {step.before.turn:>2}", "bold"), (who, "$text-accent"),
            f"  {shown(card.title, step.before, reader)}: ", (step.chosen.label, "italic"),
            (f"  (odds {option_odds(step.view, sc)}, got {step.rolled.probability:.0%})", "$text-muted"),
            (mark, "bold $text-accent")))
    return Content("\n").join(lines) if lines else Content("No decisions were made.")


def verdict(result: str, role_name: str) -> str:
    wanted = "this ending is one of your goals" if result == "win" else "you wanted another ending"
    return f"  {VERDICT[result]} As {role_name}, {wanted}."


class EndingScreen(Screen):
    """Reads the finished record it is given; the debrief is written on request and its path shown."""

    BINDINGS = [
        Binding("e", "export", "Export debrief"),
        Binding("n", "new", "New game"),
        Binding("t,escape", "title", "Title", key_display="t"),
        Binding("q", "app.quit", "Quit"),
    ]
    """The ending's actions: export, play again, or leave."""

    def __init__(self, record: Record) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        record = self.record
        state = record.state
        sc = record.scenario
        ending = sc.ending(state.ending)
        # Whose result this is: the person (or, on one keyboard, each person) playing.
        people = record.seats.people if record.seats and sc.two_sided else (record.player,)
        names = " & ".join(sc.role(r).name for r in people)
        yield Static(Content.assemble((sc.title, "bold"), "  ", (names, "$text-accent"),
                                      (f"  seed {state.seed}", "dim")), id="ending-header")
        with VerticalScroll(id="ending-body"):
            yield Static(Content.assemble((shown(ending.title, state, None), "bold"),
                                          f"   {date_text(state.date)}, turn {state.turn}"), id="ending-title")
            texts = []
            for role in people:
                result = ending.result_for(role)
                yield Static(Content.assemble((f" {result.upper()} ", "reverse bold"), verdict(result, sc.role(role).name)),
                             classes=f"verdict result-{result}")
                text = shown(ending.text_for(role), state, role) if sc.two_sided else ending.text
                if text not in texts:
                    texts.append(text)
            for text in texts:
                yield Static(text, classes="ending-text", markup=False)
            if ending.history:
                yield Static(Content.assemble(("In reality: ", "bold"), ending.history), id="ending-history")
            yield Static("The meters, turn by turn", classes="section")
            yield MeterChart(id="chart")
            yield Static("Every decision" if sc.two_sided else "Your decisions", classes="section")
            yield Static(decisions(record), id="decisions")
            yield Static(id="export-path")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        series = self.record.series()
        seats = self.record.seats
        # A bot game's chart keeps the player's hidden meters hidden; on one keyboard both people see all.
        reader = self.record.player if self.record.scenario.two_sided and not seats.hot_seat else None
        self.query_one(MeterChart).series = tuple(
            Series(m.label, m.lo, m.hi, tuple(series[m.id])) for m in self.record.scenario.meters if m.visible_to(reader))
        self.run_worker(self._how_else_it_could_end, thread=True, exit_on_error=False)

    def _how_else_it_could_end(self) -> None:
        # Bot games from each turning point, off the UI thread; the line appears when they are done.
        counts = continuation_counts(self.record)
        self.app.call_from_thread(self.query_one("#decisions", Static).update, decisions(self.record, counts))

    def action_export(self) -> None:
        from ..debrief import export

        try:
            md, data = export(self.record, paths.exports())
        except OSError as err:
            self.notify(f"Could not write the debrief: {err.strerror or err}", severity="error", timeout=10)
            return
        # The folder on a line of its own and each file name on its own, so a long path never breaks a
        # name across lines (a player copies these).
        self.query_one("#export-path", Static).update(Content.assemble(
            ("Debrief written to ", "bold"), f"{md.parent}{os.sep}", "\n  ", md.name, "\n  ", data.name))
        self.query_one("#ending-body", VerticalScroll).scroll_end(animate=False)
        self.notify(f"In {md.parent}{os.sep}", title="Debrief written")

    def action_new(self) -> None:
        self.app.new_game(self.record.scenario.id, odds=True)

    def action_title(self) -> None:
        self.app.title_screen()
