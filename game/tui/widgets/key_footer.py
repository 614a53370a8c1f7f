"""The footer of keys, rebuilt only when the keys it shows change (not on every focus move)."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's footer recomposes whenever focus moves; on the game screen that doubled key-to-outcome time."""

    built_for: tuple | None = None
    """The keys (key, description, enabled) the footer last showed; None until it has shown any."""

    def bindings_changed(self, screen: Screen) -> None:
        shown = tuple((b.key, b.description, enabled) for _n, b, enabled, _t in screen.active_bindings.values()
                      if b.show)
        if shown == self.built_for:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus:  # otherwise Footer skipped the rebuild: leave it due
            self.built_for = shown
