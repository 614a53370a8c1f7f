"""The story so far, one entry per turn, newest at the bottom; scrolls."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from game.i18n import _


class LogText(Static):
    """The entries' text, put together when it is drawn: below 110 columns the log is hidden until `l`, and the
    text of every turn so far was rebuilt on each page while nobody could see it (issue 9, speed). Hidden, the
    widget is neither measured nor drawn, so the text waits; shown, it is built once for the frame that shows it."""

    entries: tuple[tuple[str, str], ...] = ()
    _text: Content | None = None

    def show(self, entries: tuple[tuple[str, str], ...]) -> None:
        self.entries, self._text = entries, None
        self.refresh(layout=True)

    def render(self) -> Content:
        if self._text is None:
            if not self.entries:
                self._text = Content.styled(_("Nothing has happened yet."), "italic")
            else:
                self._text = Content("\n\n").join(Content.assemble((heading, "bold"), "\n", body)
                                                  for heading, body in self.entries)
        return self._text


class StoryLog(VerticalScroll):
    """Renders the entries it is given and keeps the newest in view."""

    entries: var[tuple[tuple[str, str], ...]] = var(tuple)  # a var: the log's text redraws itself

    def compose(self) -> ComposeResult:
        yield Static(_("The story so far"), id="log-title")
        yield LogText(id="log-text")

    def watch_entries(self, entries: tuple[tuple[str, str], ...]) -> None:
        self.query_one(LogText).show(entries)
        self.call_after_refresh(self.scroll_end, animate=False)

    def on_show(self) -> None:
        # While hidden the log has no size to scroll in: it opens on the newest entry when it is shown.
        self.call_after_refresh(self.scroll_end, animate=False)
