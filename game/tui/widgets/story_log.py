"""The story so far, one entry per turn, newest at the bottom; scrolls."""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from game.i18n import _

Story = Callable[[], tuple[tuple[str, str], ...]]
"""The story so far, (heading, text) per entry, worked out when the log is drawn (and then kept): hidden, the log
asks for none of it."""


def no_story() -> tuple[tuple[str, str], ...]:
    return ()


class LogText(Static):
    """The entries' text, put together when it is drawn: below 110 columns the log is hidden until `l`, and the
    story of every turn so far was worked out and set on each page while nobody could see it (issue 9, speed).
    Hidden, the widget is neither measured nor drawn, so the story waits; shown, it is worked out once for the
    frame that shows it."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.story: Story = no_story
        self._text: Content | None = None

    def show(self, story: Story) -> None:
        self.story, self._text = story, None
        self.refresh(layout=True)

    def render(self) -> Content:
        if self._text is None:
            entries = self.story()
            if not entries:
                self._text = Content.styled(_("Nothing has happened yet."), "italic")
            else:
                self._text = Content("\n\n").join(Content.assemble((heading, "bold"), "\n", body)
                                                  for heading, body in entries)
        return self._text


class StoryLog(VerticalScroll):
    """Renders the entries it is given and keeps the newest in view."""

    entries: var[Story] = var(lambda: no_story)  # a var: the log's text redraws itself

    def compose(self) -> ComposeResult:
        yield Static(_("The story so far"), id="log-title")
        yield LogText(id="log-text")

    def watch_entries(self, entries: Story) -> None:
        self.query_one(LogText).show(entries)
        self.call_after_refresh(self.scroll_end, animate=False)

    def on_show(self) -> None:
        # While hidden the log has no size to scroll in: it opens on the newest entry when it is shown.
        self.call_after_refresh(self.scroll_end, animate=False)
