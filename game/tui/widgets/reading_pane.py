"""A scrolling page to read (how to play, who's who, the sources) that says on its lower edge when more lies below."""

from __future__ import annotations

from textual.containers import VerticalScroll

from game.i18n import _


class ReadingPane(VerticalScroll):
    """A newcomer saw the first three entries of a long list, no hint of the rest (a scrollbar in dim colours, none
    at all without colour), and thought that was all: its bottom edge says "more below" in words while it is so."""

    DEFAULT_CSS = """
    ReadingPane {
        border-bottom: solid $primary-muted;
        border-subtitle-align: right;
        border-subtitle-color: $text-accent;
        border-subtitle-style: bold;
    }
    """

    def on_mount(self) -> None:
        # Scrolled, refilled (the glossary's search) or resized: where the page stands may have changed.
        self.watch(self, "scroll_y", self._say_where, init=False)
        self.watch(self, "virtual_size", self._say_where)

    def on_resize(self) -> None:
        self._say_where()

    def _say_where(self) -> None:
        # After the layout: a new virtual size is set before the room it has, and max_scroll_y reads both.
        self.call_after_refresh(self._update_subtitle)

    def _update_subtitle(self) -> None:
        if self.max_scroll_y <= 0:
            self.border_subtitle = ""
        elif not self.is_vertical_scroll_end:  # as drawn: scroll_y may be a fraction short
            self.border_subtitle = _("▼ more below")
        else:
            self.border_subtitle = _("▲ more above")
