"""The load dialog: every save in the player's folder, newest first; damaged ones shown with the reason."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from game import saves
from game.i18n import N_, _, format_moment


def describe(entry: saves.SaveEntry) -> Content:
    when = format_moment(dt.datetime.fromtimestamp(entry.modified))
    if entry.save is None:
        return Content.assemble((entry.path.stem, "bold"), f"  {when}\n  ",
                                (_("cannot be opened: {error}").format(error=entry.error), "italic"))
    meta = entry.save.meta
    what = ", ".join(str(x) for x in (meta.get("role_name"), meta.get("scenario_title")) if x) or entry.save.log.scenario_id
    state = _("finished") if meta.get("over") else _("turn {turn}").format(turn=entry.save.turn)
    seed = _("seed {seed}").format(seed=entry.save.log.seed)
    return Content.assemble((entry.path.stem, "bold"), f"  {when}\n  {what}, {state}, {seed}")


class LoadScreen(ModalScreen[Path | None]):
    """Returns the chosen save's path, or None."""

    BINDINGS = [Binding("escape", "cancel", N_("Back"))]
    """Escape closes the dialog without loading."""

    def compose(self) -> ComposeResult:
        entries = saves.list_saves()
        with Vertical(classes="dialog"):
            yield Static(_("Load a saved game"), classes="dialog-title")
            if entries:
                yield OptionList(*[Option(describe(e), id=str(e.path), disabled=e.save is None) for e in entries],
                                 id="saves")
            else:
                yield Static(_("No saved games yet. The game saves itself after every turn."), id="no-saves")
            yield Button(_("Back"), id="back", compact=True)

    @on(OptionList.OptionSelected, "#saves")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Path(event.option_id))

    @on(Button.Pressed, "#back")
    def action_cancel(self) -> None:
        self.dismiss(None)
