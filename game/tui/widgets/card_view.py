"""The card on the table: title, date, tag, text, sources, and its numbered options (keys 1-9 or the mouse)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.i18n import _

from ..views import CardShown, ChoiceShown


def option_prompt(choice: ChoiceShown, odds: bool) -> Content:
    number = Content.styled(f"{choice.number} ", "bold")
    parts = [number, Content(choice.label)]
    if not choice.available:
        parts += ["\n  ", Content.styled(_("unavailable: {reason}").format(reason=choice.reason), "italic")]
    elif odds:
        # "certain: he slips away" reads as it is; only a spread of chances is called odds.
        shown = choice.odds if choice.odds.startswith(_("certain")) else _("odds {odds}").format(odds=choice.odds)
        parts += ["\n  ", Content.styled(shown, "$text-muted")]
    return Content.assemble(*parts)


class CardOptions(OptionList):
    """The card's options, as tall as their lines at the width they are wrapped to.

    An option list wraps its options at its width less its scrollbar's, but Textual sizes an auto-height
    widget by its content at the whole width: a card's options, wrapped a line longer than they were sized, ran
    under a scrollbar and their last line was cut off (issue 9). With the scrollbar's gutter kept (app.tcss),
    the lines are always wrapped at one width, and the list is sized at that width too."""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return super().get_content_height(container, viewport, max(1, width - self.styles.scrollbar_size_vertical))


class CardView(Vertical):
    """Renders the card and options it is given; a choice is posted up as CardView.OptionChosen.

    The text scrolls; the options sit below it, always in view, however long the card.
    """

    class OptionChosen(Message):
        """The player picked an option (its index on the card)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    BINDINGS = [
        Binding("pagedown", "scroll_text(1)", show=False, priority=True),
        Binding("pageup", "scroll_text(-1)", show=False, priority=True),
    ]
    """The keyboard is on the options (the arrows pick one), and PageDown/PageUp read on in a text longer than
    the rows the options leave it (at 80x24 most cards), without the mouse."""

    # Vars: the view draws nothing of its own, its children redraw what changes (a repaint would draw them all).
    # Not run for their defaults at mount: the screen's bindings give them their values a moment later.
    card: var[CardShown | None] = var(None, init=False)
    choices: var[tuple[ChoiceShown, ...]] = var(tuple, init=False)
    odds: var[bool] = var(True, init=False)

    def compose(self) -> ComposeResult:
        # The text never takes the keyboard from the options (PageUp/PageDown scroll it from there).
        with VerticalScroll(id="card-scroll", can_focus=False):
            yield Static(id="card-title", markup=False)
            yield Static(id="card-meta")
            yield Static(id="card-text", markup=False)
            yield Static(id="card-sources")
        yield CardOptions(id="options")

    def watch_card(self, card: CardShown | None) -> None:
        if card is None:
            return
        self.query_one("#card-title", Static).update(card.title)
        self._show_meta()
        self.query_one("#card-text", Static).update(card.text)
        sources = self.query_one("#card-sources", Static)
        sources.update(Content.assemble((_("Sources: "), "italic"), card.sources) if card.sources else "")
        sources.display = bool(card.sources)
        self.query_one("#card-scroll").scroll_home(animate=False)

    def watch_choices(self) -> None:
        self._fill_options()

    def watch_odds(self) -> None:
        self._fill_options()

    def on_resize(self) -> None:
        self._show_meta()
        self._fit()

    def _show_meta(self) -> None:
        """The date, the tag and what the tag means. The tag says it on the card itself: a first-time player never
        opened the help to learn it. Where the line would wrap, the meaning goes whole under the date, so that the
        day it names ("this happened on 23 Jan 2019") is never cut in two."""
        card = self.card
        if card is None:
            return
        tag = (Content.styled(" " + _("historical") + " ", "reverse") if card.historical
               else Content.styled(" " + _("what if") + " ", "reverse italic"))
        meta = self.query_one("#card-meta", Static)
        line = Content.assemble(card.date, "  ", tag, ("  " + card.meaning, "$text-muted"))
        if 0 < meta.content_size.width < line.cell_length:
            line = Content.assemble(card.date, "  ", tag, "\n", (card.meaning, "$text-muted"))
        meta.update(line)

    def _fit(self) -> None:
        # The options come right under the text; the text gets the rows the options leave and scrolls in them.
        # (CSS cannot say "auto, but at most what is left": fr in max-height does not shrink it.)
        if not self.size.height:
            return  # hidden under an outcome: measured when the next card's options fill it, shown
        options = self.query_one("#options", OptionList)
        self.query_one("#card-scroll").styles.max_height = max(3, self.size.height - options.outer_size.height)

    def _fill_options(self) -> None:
        options = self.query_one("#options", OptionList)
        options.clear_options()
        options.add_options([Option(option_prompt(v, self.odds), id=str(v.index), disabled=not v.available)
                             for v in self.choices])
        options.highlighted = None  # nothing picked: Enter does nothing until an option is chosen on purpose
        self.call_after_refresh(self._fit)

    @on(OptionList.OptionSelected, "#options")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.OptionChosen(int(event.option_id)))

    def action_scroll_text(self, pages: int) -> None:
        text = self.query_one("#card-scroll", VerticalScroll)
        (text.scroll_page_down if pages > 0 else text.scroll_page_up)(animate=False)

    def focus_options(self) -> None:
        """The keyboard on the options, none of them picked: a key pressed once too often plays nothing."""
        options = self.query_one("#options", OptionList)
        options.highlighted = None
        options.focus()
