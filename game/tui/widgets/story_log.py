"""The story so far, one entry per turn, newest at the bottom; scrolls."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from game.i18n import _


class StoryLog(VerticalScroll):
    """Renders the entries it is given and keeps the newest in view."""

    entries: var[tuple[tuple[str, str], ...]] = var(tuple)  # a var: the log's text redraws itself

    def compose(self) -> ComposeResult:
        yield Static(_("The story so far"), id="log-title")
        yield Static(id="log-text")

    def watch_entries(self, entries: tuple[tuple[str, str], ...]) -> None:
        if not entries:
            text = Content.styled(_("Nothing has happened yet."), "italic")
        else:
            text = Content("\n\n").join(Content.assemble((heading, "bold"), "\n", body) for heading, body in entries)
        self.query_one("#log-text", Static).update(text)
        self.call_after_refresh(self.scroll_end, animate=False)

    def on_show(self) -> None:
        # While hidden the log has no size to scroll in: it opens on the newest entry when it is shown.
        self.call_after_refresh(self.scroll_end, animate=False)
