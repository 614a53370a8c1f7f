"""Who's who: the scenario's glossary, factions and meters, filtered as the player types."""

from __future__ import annotations

import unicodedata

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from game.engine import Scenario
from game.i18n import N_, _

from ..widgets.reading_pane import ReadingPane


def entries(scenario: Scenario) -> list[tuple[str, str, str]]:
    """(name, kind, description) for every glossary entry, faction and meter."""
    found = [(g.name, g.kind, g.description) for g in scenario.glossary]
    found += [(f.name, _("faction"), f.description) for f in scenario.factions]
    found += [(m.label, _("meter"), _("{description} ({lo} to {hi})").format(description=m.description, lo=m.lo, hi=m.hi))
              for m in scenario.meters]
    return found


def folded(text: str) -> str:
    """`text` as the search compares it: any case, accents or none ("maria" finds María, "Facción" faccion)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def matching(found: list[tuple[str, str, str]], query: str) -> list[tuple[str, str, str]]:
    words = folded(query).split()
    return [e for e in found if all(w in folded(" ".join(e)) for w in words)]


SCROLLING = (("up", "scroll_up"), ("down", "scroll_down"), ("pageup", "scroll_page_up"),
             ("pagedown", "scroll_page_down"), ("ctrl+home", "scroll_home"), ("ctrl+end", "scroll_end"))
"""The keys that scroll the list while the search box has the focus, and the list's method each calls (Home and
End move in the search box)."""


class GlossaryScreen(ModalScreen[None]):
    """Type to filter; the arrows and PgUp/PgDn scroll; Escape closes."""

    BINDINGS = [Binding("escape", "close", N_("Close")),
                *(Binding(key, f"scroll_list('{how}')", show=False) for key, how in SCROLLING)]
    """Escape closes the glossary; letters go to the search box, and the keys that scroll scroll the list from
    the start (the search box has the focus, and took none of them: the list stood still until Tab)."""

    def __init__(self, scenario: Scenario) -> None:
        super().__init__()
        self.entries = entries(scenario)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(_("Who's who"), classes="dialog-title")
            yield Input(placeholder=_("Search names and descriptions"), id="search", compact=True)
            yield ReadingPane(Static(id="entries"), id="entries-pane")
            yield Static(_("Type to search · ↑ ↓ PgUp PgDn to scroll") + " · " + _("Escape to close"),
                         classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self._show("")

    @on(Input.Changed, "#search")
    def _search(self, event: Input.Changed) -> None:
        self._show(event.value)
        self.query_one(ReadingPane).scroll_home(animate=False)  # the first match, not the middle of the last list

    def _show(self, query: str) -> None:
        shown = matching(self.entries, query)
        if not shown:
            self.query_one("#entries", Static).update(Content.styled(_("Nothing matches."), "italic"))
            return
        self.query_one("#entries", Static).update(Content("\n\n").join(
            Content.assemble((name, "bold"), (f"  {kind}" if kind else "", "italic $text-muted"), "\n", text)
            for name, kind, text in shown))

    def action_scroll_list(self, how: str) -> None:
        getattr(self.query_one(ReadingPane), how)(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
