"""What a decision led to: whose move, the roll against its odds, the result, every change, the world's events."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import Button, Static

from game.i18n import _

from ..views import OutcomeShown


class PageBody(VerticalScroll, can_focus=False):
    """The outcome's text: says (Measured) whether some of it is below the fold, as it scrolls or resizes."""

    class Measured(Message):
        def __init__(self, unread: bool) -> None:
            super().__init__()
            self.unread = unread

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._told()

    def watch_show_vertical_scrollbar(self) -> None:
        self._told()

    def on_resize(self) -> None:
        self._told()

    @property
    def unread(self) -> bool:
        """Some of the page is still below the fold."""
        return self.scroll_y < self.max_scroll_y

    def _told(self) -> None:
        self.post_message(self.Measured(self.unread))


class OutcomeView(Vertical):
    """Shows the outcome it is given; Enter, Space or the button post OutcomeView.Continue.

    The text scrolls; the button sits below it, always in view, however many changes the outcome made."""

    class Continue(Message):
        """The player has read the outcome."""

    class More(Message):
        """Whether part of the page is still below the fold (Enter then reads on, a page at a time)."""

        def __init__(self, unread: bool) -> None:
            super().__init__()
            self.unread = unread

    BINDINGS = [
        Binding("up", "scroll_body('up')", show=False),
        Binding("down", "scroll_body('down')", show=False),
        Binding("pageup", "scroll_body('page_up')", show=False),
        Binding("pagedown", "scroll_body('page_down')", show=False),
        Binding("home", "scroll_body('home')", show=False),
        Binding("end", "scroll_body('end')", show=False),
    ]
    """The keyboard stays on the button (Enter moves on), and the keys that scroll scroll the text above it: a
    long page (the changes, the opponent's move) reads at once, without a Tab to the text first."""

    # Vars: the view draws nothing of its own, its children redraw what changes (a repaint would draw them all).
    shown: var[OutcomeShown | None] = var(None)
    button: var[str] = var("")  # what Enter leads to: the game screen gives it at once
    unread: var[bool] = var(False, init=False)
    """Part of the page is below the fold: Enter reads on (a pager's way) rather than leaving it unread."""

    def compose(self) -> ComposeResult:
        # The text never takes the keyboard (the keys that scroll it work from the button): focused by a Tab or a
        # click, it kept Enter from moving on (play-test e1).
        with PageBody(id="outcome-body"):
            yield Static(id="outcome-who", markup=False)
            yield Static(id="outcome-choice")
            yield Static(id="outcome-odds", markup=False)
            yield Static(id="outcome-roll")
            yield Static(id="outcome-text", markup=False)
            yield Static(id="outcome-changes")
            yield Static(id="outcome-world")
        button = Button(_("Next card"), id="continue", variant="primary", compact=True)
        # Every Enter counts: the button's flash ignored a second press within a fifth of a second, and a page
        # read on with one Enter then kept the next one (reading on, or moving on) or not by the clock.
        button.active_effect_duration = 0
        yield button

    def watch_shown(self, shown: OutcomeShown | None) -> None:
        if shown is None:
            return
        who = self.query_one("#outcome-who", Static)
        who.update(shown.heading)
        who.display = bool(shown.heading)
        who.set_class(not shown.mine, "-other")
        self.query_one("#outcome-choice", Static).update(Content.assemble(*shown.choice))
        odds = self.query_one("#outcome-odds", Static)
        odds.update(shown.odds)
        odds.display = bool(shown.odds)
        # The world's opening events have no roll of their own, no result text and no changes of their own.
        for name, content in (("#outcome-roll", Content.styled(shown.roll, "$text-muted")),
                              ("#outcome-text", Content(shown.text)),
                              ("#outcome-changes", Content("\n".join(shown.changes)))):
            static = self.query_one(name, Static)
            static.update(content)
            static.display = bool(content)
        world = self.query_one("#outcome-world", Static)
        world.update(Content("\n").join(  # each event: its heading, what happened, then what it changed
            Content.assemble((w.heading, "bold"), ("\n" + w.text) if w.text else "",
                             *(("\n  " + line, "") for line in w.lines))
            for w in shown.world))
        world.display = bool(shown.world)
        body = self.query_one(PageBody)
        body.scroll_home(animate=False)
        self.call_after_refresh(lambda: self._set_unread(body.unread))  # once the new page is laid out

    def _set_unread(self, unread: bool) -> None:
        self.unread = unread

    @on(PageBody.Measured)
    def _measured(self, message: PageBody.Measured) -> None:
        message.stop()
        self._set_unread(message.unread)

    def watch_unread(self) -> None:
        self.watch_button(self.button)
        self.post_message(self.More(self.unread))

    def watch_button(self, label: str) -> None:
        button = self.query_one("#continue", Button)
        # The footer names Space/Enter on such a page in the same words (GameScreen): one name for one action.
        button.label = _("Read on ↓") + "  (Enter)" if self.unread else label
        button.refresh(layout=True)  # a shorter label than the last: the button shrinks to it

    def read_on(self) -> bool:
        """Enter or Space on the page: scroll down a page when some of it is unread (True); else False, and
        the page may be left."""
        body = self.query_one(PageBody)
        if not body.unread:
            return False
        body.scroll_page_down(animate=False)
        return True

    @on(Button.Pressed, "#continue")
    def _continue(self, event: Button.Pressed) -> None:
        event.stop()
        if not self.read_on():
            self.post_message(self.Continue())

    def action_scroll_body(self, where: str) -> None:
        body = self.query_one(PageBody)
        if where in ("home", "end"):
            # At once, not after the next refresh: a Space typed right after End must find the page read, and
            # move on rather than read on (Textual defers these two by default).
            (body.scroll_home if where == "home" else body.scroll_end)(animate=False, immediate=True)
            return
        {"up": body.scroll_up, "down": body.scroll_down, "page_up": body.scroll_page_up,
         "page_down": body.scroll_page_down}[where](animate=False)

    def focus_continue(self) -> None:
        self.query_one("#continue", Button).focus()
