"""The ending screen: how the game ended and what it means for the role, the meters over time, the decisions."""

from __future__ import annotations

import os

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive, var
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from game import paths
from game.i18n import N_, _, ngettext

from ..record import Record
from ..settled import ended, settled_text
from ..turning import CONTINUATIONS, Stopped, games_ending_alike, key_steps, turning_points
from ..views import CERTAIN, date_text, option_odds, quotable, role_name, shares, shown
from ..widgets.key_footer import KeyFooter
from ..widgets.meter_chart import ChartShown, Mark, MeterChart, Series

VERDICT = {"win": N_("You win."), "loss": N_("You lose."), "draw": N_("A draw.")}
RESULT = {"win": N_("win"), "loss": N_("loss"), "draw": N_("draw")}
PER_PAGE = 4  # meters on one page of the chart: more lines than this no longer read apart at 80 columns


def chart_pages(record: Record, reader: str | None) -> tuple[ChartShown, ...]:
    """The chart's pages: the meters `reader` may see that moved most first, then the others in the
    scenario's order, a few a page; each page with every turning decision marked."""
    sc = record.scenario
    series = record.series()
    visible = [m for m in sc.meters if m.visible_to(reader)]
    if len(visible) <= PER_PAGE + 1:
        groups = [visible]
    else:
        def moved(m) -> float:
            return (max(series[m.id]) - min(series[m.id])) / max(1, m.hi - m.lo)

        top = {m.id for m in sorted(visible, key=moved, reverse=True)[:PER_PAGE]}
        rest = [m for m in visible if m.id not in top]
        groups = [[m for m in visible if m.id in top]] + [rest[k:k + PER_PAGE] for k in range(0, len(rest), PER_PAGE)]
    marks = []
    for number, n in enumerate(turning_points(record, reader), start=1):
        step = record.steps[n]
        said = _("Turn {turn}, {role}: {choice}") if sc.two_sided else _("Turn {turn}: {choice}")
        marks.append(Mark(n + 1, number, sc.order.index(step.role) if sc.two_sided else 0,
                          said.format(turn=step.before.turn, role=role_name(sc, step.role),
                                      choice=shown(step.chosen.label, step.before, reader))))
    turns = (record.first.turn, *(s.before.turn for s in record.steps))
    pages = []
    for k, group in enumerate(groups):
        if len(groups) == 1:
            title = _("Every meter, decision by decision") if reader is None else _("Every meter you can see")
        elif k == 0:
            title = _("The meters that moved most (page 1 of {pages}; m for the next)").format(pages=len(groups))
        else:
            title = _("More meters (page {page} of {pages})").format(page=k + 1, pages=len(groups))
        pages.append(ChartShown(title, tuple(Series(m.label, m.lo, m.hi, tuple(series[m.id])) for m in group),
                                tuple(marks), turns))
    return tuple(pages)


def decisions(record: Record, turning: list[int], reader: str | None, counts: dict[int, int] | None = None) -> Content:
    """Every decision, each role's in a two-sided game, with its odds; the turning points numbered as on the chart."""
    number = {n: k for k, n in enumerate(turning, start=1)}
    last = len(record.steps) - 1
    sc = record.scenario
    # each meter by its full label, as the chart above names it, never by the `short:` name play never showed
    names = {m.id: m.label for m in sc.meters}
    lines = []
    for n, step in enumerate(record.steps):
        card = step.before.current_card
        mark = ("  " + _("◆{number} turning point").format(number=number[n]) if n in number
                else "  " + _("■ the last decision") if n == last else "")
        if counts and n in counts:
            mark += ngettext(": from here, {count} of {games} games end this way",
                             ": from here, {count} of {games} games end this way", counts[n]).format(
                count=counts[n], games=CONTINUATIONS)
        who = f"  {role_name(sc, step.role)}" if sc.two_sided else ""
        history = "  " + _("(history's choice)") if step.view.historical else ""
        # The odds' labels quoted and no brackets around them: a label's own '(as in 2019)', or the odds' '(ends
        # the game: ...)', read as brackets inside brackets.
        if step.rolled.probability >= CERTAIN:  # nothing was rolled: "certain", not "odds certain, got 100%"
            odds = option_odds(step.view, step.before, reader, names=names, quote=True)
        else:
            # the share the odds gave this outcome, not its chance rounded on its own ('37% ..., got 38%')
            # 'got 80%' read like a roll of 80: the result that came is the one the odds gave 80%
            # named, not only its share: 'the 50% result came' did not say which when both were 50%
            odds = option_odds(step.view, step.before, reader, names=names, quote=True)
            chance = shares(step.view.chances)[step.rolled.outcome]
            label = shown(step.rolled.label, step.before, reader)
            odds = (_("odds {odds}; “{result}” came, {chance}").format(odds=odds, result=quotable(label), chance=chance)
                    if label else _("odds {odds}; the {chance} result came").format(odds=odds, chance=chance))
        lines.append(Content.assemble(
            (_("Turn {turn}").format(turn=f"{step.before.turn:>2}"), "bold"), (who, "$text-accent"),
            f"  {shown(card.title, step.before, reader)}: ", (shown(step.chosen.label, step.before, reader), "italic"),
            (history, "$text-muted"), ("  " + odds, "$text-muted"), (mark, "bold $text-accent")))
    return Content("\n").join(lines) if lines else Content(_("No decisions were made."))


def verdict(result: str, role_name: str) -> str:
    wanted = (_("As {role}, this ending is one of your goals.") if result == "win"
              else _("As {role}, you wanted another ending."))
    return f"  {_(VERDICT[result])} {wanted.format(role=role_name)}"


class EndingScreen(Screen):
    """Reads the finished record it is given; the debrief is written on request and its path shown."""

    BINDINGS = [
        Binding("e", "export", N_("Export debrief")),
        Binding("m", "more_meters", N_("Meters")),
        Binding("n", "new", N_("New game")),
        Binding("t,escape", "title", N_("Title"), key_display="t"),
        Binding("q", "quit", N_("Quit")),
    ]
    """The ending's actions: export, page through the meters, play again, or leave."""

    page: reactive[int] = reactive(0)
    """Which page of the chart is on show."""
    chart: reactive[ChartShown] = reactive(ChartShown)
    counts: var[dict[int, int]] = var(dict, init=False)
    """Per key step, how many bot games played on from it end this way: filled in as they finish."""

    class Again(Message):
        """The player asked for a new game of this scenario: the app opens the new-game form."""

        def __init__(self, scenario: str) -> None:
            super().__init__()
            self.scenario = scenario

    class Leave(Message):
        """The player went back to the title."""

    class Counted(Message):
        """The bot games from one key step are done (posted from the worker's thread)."""

        def __init__(self, step: int, games: int) -> None:
            super().__init__()
            self.step = step
            self.games = games

    def __init__(self, record: Record) -> None:
        super().__init__()
        self.record = record
        # A bot game's chart keeps the player's hidden meters hidden; on one keyboard both people see all.
        two, seats = record.scenario.two_sided, record.seats
        self.reader = record.player if two and seats is not None and not seats.hot_seat else None
        self.pages = chart_pages(record, self.reader)
        self.turning = turning_points(record, self.reader)

    def compute_chart(self) -> ChartShown:
        return self.pages[self.page % len(self.pages)]

    def compose(self) -> ComposeResult:
        record = self.record
        state = record.state
        sc = record.scenario
        ending = sc.ending(state.ending)
        # Whose result this is: the person (or, on one keyboard, each person) playing.
        people = record.seats.people if record.seats and sc.two_sided else (record.player,)
        names = " & ".join(sc.role(r).name for r in people)
        yield Static(Content.assemble((sc.title, "bold"), "  ", (names, "$text-accent"),
                                      ("  " + _("seed {seed}").format(seed=state.seed), "dim")), id="ending-header")
        with VerticalScroll(id="ending-body"):
            yield Static(Content.assemble((shown(ending.title, state, None), "bold"),
                                          "   " + _("{date}, turn {turn}").format(date=date_text(state.day), turn=state.turn)),
                         id="ending-title")
            why = settled_text(state, ended(record), self.reader)
            if why:
                yield Static(why, id="ending-why", markup=False)
            texts = []
            for role in people:
                result = ending.result_for(role)
                yield Static(Content.assemble((f" {_(RESULT[result]).upper()} ", "reverse bold"),
                                              verdict(result, sc.role(role).name)),
                             classes=f"verdict result-{result}")
                text = shown(ending.text_for(role), state, role) if sc.two_sided else ending.text
                if text not in texts:
                    texts.append(text)
            for text in texts:
                yield Static(text, classes="ending-text", markup=False)
            if ending.history:
                yield Static(Content.assemble((_("In reality: "), "bold"), ending.history), id="ending-history")
            # The decisions first, their turning points numbered; the chart below marks them with the same numbers.
            yield Static(_("Every decision") if sc.two_sided else _("Your decisions"), classes="section")
            yield Static(decisions(record, self.turning, self.reader), id="decisions")
            yield Static(_("The meters, turn by turn"), classes="section")
            yield MeterChart(id="meter-chart").data_bind(shown=EndingScreen.chart)
            yield Static(id="export-path")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.how_else_it_could_end()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def how_else_it_could_end(self) -> None:
        """Bot games from each key step, off the UI thread; each step's count comes back as a message.
        Quitting (or leaving the screen) cancels the worker, and it stops within a few games."""
        worker = get_current_worker()
        try:
            for n in key_steps(self.record, self.reader):
                games = games_ending_alike(self.record, n, stop=lambda: worker.is_cancelled)
                self.post_message(self.Counted(n, games))
        except Stopped:
            return

    @on(Counted)
    def _counted(self, message: Counted) -> None:
        self.counts = {**self.counts, message.step: message.games}

    def watch_counts(self, counts: dict[int, int]) -> None:
        body = self.query_one("#ending-body", VerticalScroll)
        at_end = body.max_scroll_y > 0 and body.scroll_y >= body.max_scroll_y
        self.query_one("#decisions", Static).update(decisions(self.record, self.turning, self.reader, counts))
        if at_end:  # a count's words lengthen the list: what was read at the end (the debrief's path) stays
            self.call_after_refresh(body.scroll_end, animate=False)

    def action_more_meters(self) -> None:
        """Bring the chart into view; once it is, the next page of meters."""
        chart = self.query_one(MeterChart)
        body = self.query_one("#ending-body", VerticalScroll)
        top = chart.virtual_region.y
        if body.scroll_y <= top < body.scroll_y + body.scrollable_content_region.height:
            self.page = (self.page + 1) % len(self.pages)
        chart.scroll_visible(top=True, animate=False)

    def action_export(self) -> None:
        from ..debrief import already_written, export

        folder = paths.exports()
        try:
            found = already_written(self.record, folder)
            md, data = found or export(self.record, folder)
        except OSError as err:
            self.notify(_("Could not write the debrief: {error}").format(error=err.strerror or err), severity="error",
                        timeout=10)
            return
        # The folder on a line of its own and each file name on its own, so a long path never breaks a
        # name across lines (a player copies these). Told here, not in a toast: at 80x24 a toast sits over
        # these very lines and cut the path the player needs (play-test e1: "Debrief written to
        # /tmp/e1/home/debri▌").
        said = _("This game's debrief is already in ") if found else _("Debrief written to ")
        self.query_one("#export-path", Static).update(Content.assemble(
            (said, "bold"), f"{md.parent}{os.sep}", "\n  ", md.name, "\n  ", data.name))
        # Once the lines are laid out: scrolled at once, the end was the old one, and the path stayed below it
        # (seen at 80x24 in Spanish, where the chart's long lines wrap).
        body = self.query_one("#ending-body", VerticalScroll)
        self.call_after_refresh(body.scroll_end, animate=False)

    def action_new(self) -> None:
        self.post_message(self.Again(self.record.scenario.id))

    def action_title(self) -> None:
        self.post_message(self.Leave())

    def action_quit(self) -> None:
        """q asks first, as on every other screen and as help says (ctrl+q quits at once)."""
        from .confirm import ConfirmScreen

        self.app.push_screen(ConfirmScreen(_("Quit crisis?"), "", yes=_("Quit")),
                             lambda quit_: self.app.exit() if quit_ else None)
