"""The footer of keys, rebuilt only when the keys it shows change (not on every focus move), in the player's language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from game.i18n import N_, _

TEXTUAL_WORDS = (N_("palette"),)
"""Textual's own words in the footer (the command palette's key), for the catalog to hold: the screens' key
descriptions are marked where they are declared (`N_` in BINDINGS) and all are translated here, as shown."""

PALETTE_EDGE = 3  # the palette key's border and padding, beside its key and description


def _width(key) -> int:
    """The columns a key of the footer takes: its key, a space, its description, and the gap after it."""
    return len(getattr(key, "key_display", "")) + 1 + len(getattr(key, "description", "")) + 1


class KeyFooter(Footer):
    """Textual's footer recomposes whenever focus moves; on the game screen that doubled key-to-outcome time.

    When the screen's keys and the command palette's do not all fit on the line (a longer language at 80
    columns), the palette's gives way: it is listed in the help, and ctrl+p still opens it."""

    built_for: tuple | None = None
    """The keys (key, description, enabled) the footer last showed; None until it has shown any."""
    palette_fits: bool | None = None
    """Whether the palette's key had room the last time the footer was built."""
    _widths: tuple[int, int] = (0, 0)
    """The columns the screen's keys take, and the palette's (0: none), as last built."""
    left_out: frozenset[str] = frozenset()
    """Actions whose keys are not shown: the screen's keys that do nothing on the page on show (see leave_out)."""
    renamed: dict[str, str] = {}
    """Action -> what its key does now, where that is not its binding's description (see describe)."""

    def compose(self) -> ComposeResult:
        keys, palette = [], None
        for widget in super().compose():
            # A key's description is declared in English (class-level BINDINGS are made before a language is
            # chosen): it is translated as it is shown, and so is its tooltip.
            if isinstance(getattr(widget, "description", None), str):
                widget.description = _(widget.description)
            if isinstance(widget.tooltip, str):
                widget.tooltip = _(widget.tooltip)
            if self._action(widget) in self.renamed:
                widget.description = self.renamed[self._action(widget)]
            if widget.has_class("-command-palette"):
                palette = widget
            else:
                widget.display = not self._left_out(widget)
                keys.append(widget)
        yield from keys
        self._widths = (sum(_width(k) for k in keys), _width(palette) + PALETTE_EDGE if palette is not None else 0)
        self.palette_fits = palette is not None and self._palette_has_room()
        if self.palette_fits:
            yield palette

    def leave_out(self, actions: frozenset[str]) -> None:
        """Hide the keys of `actions` (by name, without parameters: "choose"), show the others. The screen's
        bindings stay as they are: changing them rebuilt the footer on every page, a third of key-to-outcome."""
        if actions == self.left_out:
            return
        self.left_out = actions
        for key in self.children:
            if not key.has_class("-command-palette"):
                key.display = not self._left_out(key)
        self.refresh()  # the whole line: the keys shift, and the cells a longer line took must be cleared

    def describe(self, action: str, description: str | None) -> None:
        """Name what the key of `action` does now (None: its binding's own words), without rebuilding the
        footer: Space/Enter reads on down a long page, then moves on, and the footer says which."""
        renamed = dict(self.renamed)
        if description is None:
            renamed.pop(action, None)
        else:
            renamed[action] = description
        if renamed == self.renamed:
            return
        self.renamed = renamed
        for key in self.children:
            if self._action(key) == action and hasattr(key, "description"):
                key.description = description if description is not None else _(self._declared(action, key))
                key.refresh(layout=True)
        self.refresh()  # the whole line: 'Read on ↓' -> 'Next' left the old line's last letters behind

    def _declared(self, action: str, key) -> str:
        binding = next((b for _n, b, _e, _t in self.screen.active_bindings.values() if b.action == action), None)
        return binding.description if binding is not None else key.description

    @staticmethod
    def _action(key) -> str:
        return str(getattr(key, "action", "")).split("(")[0]

    def _left_out(self, key) -> bool:
        return self._action(key) in self.left_out

    def _palette_has_room(self) -> bool:
        keys, palette = self._widths
        return palette > 0 and keys + palette <= self.app.size.width

    def on_resize(self) -> None:
        # A wider or narrower terminal may give the palette's key room, or take it away.
        if self.palette_fits is not None and self._palette_has_room() != self.palette_fits:
            self.refresh(recompose=True)

    def bindings_changed(self, screen: Screen) -> None:
        shown = tuple((b.key, b.description, enabled) for _n, b, enabled, _t in screen.active_bindings.values()
                      if b.show)
        if shown == self.built_for:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus:  # otherwise Footer skipped the rebuild: leave it due
            self.built_for = shown
