"""The footer of keys, rebuilt only when the keys it shows change (not on every focus move), in the player's language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from game.i18n import N_, _

TEXTUAL_WORDS = (N_("palette"),)
"""Textual's own words in the footer (the command palette's key), for the catalog to hold: the screens' key
descriptions are marked where they are declared (`N_` in BINDINGS) and all are translated here, as shown."""


class KeyFooter(Footer):
    """Textual's footer recomposes whenever focus moves; on the game screen that doubled key-to-outcome time."""

    built_for: tuple | None = None
    """The keys (key, description, enabled) the footer last showed; None until it has shown any."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            # A key's description is declared in English (class-level BINDINGS are made before a language is
            # chosen): it is translated as it is shown, and so is its tooltip.
            if isinstance(getattr(widget, "description", None), str):
                widget.description = _(widget.description)
            if isinstance(widget.tooltip, str):
                widget.tooltip = _(widget.tooltip)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        shown = tuple((b.key, b.description, enabled) for _n, b, enabled, _t in screen.active_bindings.values()
                      if b.show)
        if shown == self.built_for:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus:  # otherwise Footer skipped the rebuild: leave it due
            self.built_for = shown
