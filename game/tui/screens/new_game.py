"""The new-game screen: pick the scenario and the role (its briefing beside), the opponent in a two-sided
scenario (a bot, or a friend on this keyboard), the odds, and the seed."""

from __future__ import annotations

import asyncio

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option

from game.engine import Scenario
from game.i18n import N_, _, language

from .. import loading
from ..loading import ScenarioChoice, new_game
from ..record import Record
from ..opening import random_seed
from ..seats import FRIEND, bot_name, bot_policies, default_opponent
from ..widgets.key_footer import KeyFooter


def language_in_words(code: str) -> str:
    """A language's name in the player's language: "Spanish", "inglés"."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).get_display_name(language()) or code
    except (ValueError, UnknownLocaleError):
        return code


def fallback_note(scenario: Scenario) -> str:
    """'This scenario has no Spanish translation; it is shown in English.' when the player's language is not
    among the scenario's, else ''."""
    try:
        from game.scenario.translations import falls_back, shown_language
    except ImportError:  # before scenarios could carry translations: every scenario is shown as written
        return ""
    wanted = language()
    if not falls_back(scenario, wanted):
        return ""
    return _("This scenario has no {wanted} translation; it is shown in {shown}.").format(
        wanted=language_in_words(wanted), shown=language_in_words(shown_language(scenario, wanted)))


def briefing(scenario: Scenario, role_id: str | None) -> Content:
    """The scenario's title, then the chosen role and what winning, a draw and losing are for it, before its
    briefing and the scenario's story: at 80x24 the pane shows a dozen lines, and a player must know what
    they play for without scrolling for it (the briefings say it in their last paragraph)."""
    parts: list = [(scenario.title, "bold"), f"  v{scenario.version}\n"]
    note = fallback_note(scenario)
    if note:
        parts += [(note, "italic $text-warning"), "\n"]
    if role_id is not None:
        role = scenario.role(role_id)
        parts += ["\n", (role.name, "bold $text-accent")]
        if role.title:
            parts += [f", {role.title}"]
        for result, heading in (("win", _("You win with: ")), ("draw", _("A draw: ")), ("loss", _("You lose with: "))):
            titles = [e.title for e in scenario.endings if e.result_for(role_id) == result]
            if titles:
                parts += ["\n", (heading, "bold"), "; ".join(titles)]
        parts += ["\n\n", role.briefing.strip(), "\n\n"]
    parts += [scenario.description.strip()]
    if role_id is not None:
        meters = "\n".join(f"  {m.label}: {m.description}" for m in scenario.meters if m.visible_to(role_id))
        parts += ["\n\n", (_("The meters") + "\n", "bold"), meters]
    return Content.assemble(*parts)


class NewGameScreen(Screen):
    """The choices here are a form, held by its widgets until Start; the game begins on the game screen.

    The installed scenarios are read and checked in a worker thread: the form is drawn at once and filled in.
    Keys pressed meanwhile are held, not lost: once the form is filled they act on it in the order typed, so a
    player who types ahead gets the choice they typed, not the defaults."""

    class Start(Message):
        """The player pressed Start: the app opens the new game."""

        def __init__(self, record: Record, odds: bool) -> None:
            super().__init__()
            self.record = record
            self.odds = odds

    class Back(Message):
        """The player went back to the title."""

    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    """On a short terminal (80x24) the lists lose their borders' top and bottom rows, so the whole form, down to
    Start, is in view without scrolling (app.tcss)."""

    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        Binding("ctrl+s", "start", N_("Start")),
    ]
    """Escape returns to the title; ctrl+s starts from anywhere on the form (so does Enter on Start)."""

    def __init__(self, scenario: str | None = None, seed: int | None = None, odds: bool = True) -> None:
        super().__init__()
        self.preset = scenario
        self.seed = random_seed() if seed is None else seed
        self.odds = odds
        self.choices: list[ScenarioChoice] = []
        self.held: list[events.Key] | None = []  # keys typed before the form is ready; None once they have acted
        self.passing: events.Key | None = None  # the held key acting now
        self.arrived = asyncio.Event()  # the held key acting now has come through this screen
        self.listed: int | None = None  # the scenario whose roles are listed

    def compose(self) -> ComposeResult:
        yield Static(_("New game: pick a scenario and a role, then Start"), id="new-heading")
        # How to move, said where a newcomer looks first (the lists answer only to keys nobody names).
        yield Static(_("↑↓ move in a list · Enter picks and goes on · Tab next · Esc back"), id="new-keys")
        with Horizontal(id="new-body"):
            with VerticalScroll(id="new-form"):
                yield Static(_("Scenario"), classes="form-label")
                yield OptionList(Option(_("Reading the scenarios…"), disabled=True), id="scenarios")
                yield Static(_("Role"), classes="form-label")
                yield OptionList(id="roles")
                yield Static(_("Opponent"), classes="form-label", id="opponent-label")
                yield OptionList(id="opponents")
                yield Checkbox(_("Show the odds"), self.odds, id="odds", compact=True)
                with Horizontal(id="seed-row"):
                    yield Static(_("Seed") + " ", classes="form-label")
                    yield Input(str(self.seed), id="seed", type="integer", compact=True)
                yield Button(_("Start"), id="start", variant="primary", compact=True)
            yield VerticalScroll(Static(id="briefing", markup=False), id="briefing-pane")
        yield KeyFooter(compact=True)

    @staticmethod
    def _scenario_option(i: int, choice: ScenarioChoice) -> Option:
        if choice.scenario is None:
            return Option(Content.assemble(choice.path.name, ("  " + _("(cannot be loaded)"), "italic")), id=str(i),
                          disabled=True)
        return Option(choice.scenario.title, id=str(i))

    def on_mount(self) -> None:
        self.query_one("#opponent-label").display = self.query_one("#opponents").display = False
        # Nothing to choose yet: the form waits, greyed, and every key comes to the screen to be held.
        self.query_one("#new-form").disabled = True
        self.set_focus(None)
        self._read_scenarios()

    def on_key(self, event: events.Key) -> None:
        """Holds a key typed before the form is ready (Escape still goes back at once)."""
        if event is self.passing:
            self.arrived.set()
        if self.held is None or event is self.passing or event.key == "escape":
            return
        # Sent as from the app, as the terminal's keys are: a key sent by this screen would stop bubbling here,
        # before the app runs the focused widget's binding.
        self.held.append(events.Key(event.key, event.character).set_sender(self.app))
        event.stop()
        event.prevent_default()

    @work(exclusive=True, group="type-ahead")
    async def _type_ahead(self) -> None:
        # One held key at a time, each once the last has done its work (a key that moves the focus, Enter on a
        # role, changes where the next one goes), as if typed now; keys typed meanwhile wait their turn. A key
        # comes back through this screen on its way to the app's bindings; one a widget keeps (a digit in the
        # seed) does not, so the wait for it is bounded.
        while self.held:
            self.passing = self.held.pop(0)
            self.arrived.clear()
            self.app.post_message(self.passing)
            # Waited on through this screen: the app's own refresh cannot be awaited outside a test.
            for _round in range(8):
                await self.wait_for_refresh()
                if self.arrived.is_set():
                    break
            for _round in range(2):  # its binding runs, and what that posts is handled
                await self.wait_for_refresh()
        self.held = self.passing = None

    @work(thread=True, exclusive=True)
    def _read_scenarios(self) -> None:
        # Loading and checking every installed scenario reads the disk: never on the UI thread.
        choices = loading.scenario_choices()
        self.app.call_from_thread(self._show_scenarios, choices)

    def _show_scenarios(self, choices: list[ScenarioChoice]) -> None:
        self.choices = choices
        scenarios = self.query_one("#scenarios", OptionList)
        scenarios.clear_options()
        scenarios.add_options([self._scenario_option(i, c) for i, c in enumerate(choices)])
        wanted = 0
        for i, c in enumerate(self.choices):
            if c.scenario is not None and self.preset in (c.scenario.id, str(c.path)):
                wanted = i
        scenarios.highlighted = wanted
        self._scenario_changed()  # its roles now, not when the highlight's message comes: held keys act on them
        self.query_one("#new-form").disabled = False
        # The cursor starts where the first choice is still to be made: on the scenarios when there are several
        # and none was named (the form reads top down, so keys typed ahead meant them: Enter picked a role
        # before), on the roles when the scenario is settled. Keys typed ahead go where the cursor is.
        loadable = sum(c.scenario is not None for c in choices)
        first = "#roles" if self.preset is not None or loadable <= 1 else "#scenarios"
        self.query_one(first, OptionList).focus()
        self.call_after_refresh(self._type_ahead)  # once the roles are listed

    @property
    def scenario(self) -> Scenario | None:
        index = self.query_one("#scenarios", OptionList).highlighted
        return None if index is None or index >= len(self.choices) else self.choices[index].scenario

    @property
    def role(self) -> str | None:
        roles = self.query_one("#roles", OptionList)
        return None if roles.highlighted is None else roles.get_option_at_index(roles.highlighted).id

    @property
    def opponent(self) -> str | None:
        """A bot's name or FRIEND in a two-sided scenario; None in a one-role one."""
        opponents = self.query_one("#opponents", OptionList)
        if self.scenario is None or not self.scenario.two_sided or opponents.highlighted is None:
            return None
        return opponents.get_option_at_index(opponents.highlighted).id

    def _fill_opponents(self, two_sided: bool) -> None:
        opponents = self.query_one("#opponents", OptionList)
        self.query_one("#opponent-label").display = opponents.display = two_sided
        if not two_sided or opponents.option_count:
            return
        bots = bot_policies()
        opponents.add_options([Option(Content.assemble((bot_name(name), "bold"), "  ", (about if about != bot_name(name) else "", "$text-muted")),
                                      id=name) for name, about in bots.items()])
        opponents.add_option(Option(Content.assemble((_("A friend"), "bold"), "  ", (_("on this keyboard"), "$text-muted")),
                                    id=FRIEND))
        opponents.highlighted = list(bots).index(default_opponent())

    @on(OptionList.OptionHighlighted, "#scenarios")
    def _scenario_changed(self) -> None:
        scenario = self.scenario
        index = self.query_one("#scenarios", OptionList).highlighted
        if index == self.listed:
            return  # its roles are listed already (when the scenarios came, before keys typed ahead acted)
        self.listed = index
        roles = self.query_one("#roles", OptionList)
        roles.clear_options()
        if scenario is None:
            self._fill_opponents(False)
            if index is None or index >= len(self.choices):
                return  # still reading them
            error = self.choices[index].error
            self.query_one("#briefing", Static).update(Content(_("This scenario cannot be loaded:") + f"\n{error}"))
            return
        roles.add_options([Option(r.name, id=r.id) for r in scenario.roles])
        roles.highlighted = 0
        self._fill_opponents(scenario.two_sided)

    @on(OptionList.OptionHighlighted, "#roles")
    def _role_changed(self) -> None:
        self._label_start()

    @on(OptionList.OptionHighlighted, "#opponents")
    def _label_start(self) -> None:
        if self.scenario is not None and self.role is not None:
            self.query_one("#briefing", Static).update(briefing(self.scenario, self.role))
            self.query_one("#briefing-pane").scroll_home(animate=False)  # another role: its goals, at the top
            role = self.scenario.role(self.role).name
            opponent = self.opponent
            if opponent is None:
                label = _("Start: {role}").format(role=role)
            elif opponent == FRIEND:
                label = _("Start: {role} with a friend").format(role=role)
            else:
                label = _("Start: {role} vs {opponent}").format(role=role, opponent=bot_name(opponent))
            # The whole choice, wrapped inside the form when it is wider (app.tcss: at most the form's width):
            # a label cut short reads as another choice ("Start: <role>" against nobody).
            start = self.query_one("#start", Button)
            start.label = label
            start.refresh(layout=True)  # the button was sized to its first label: it grows (or shrinks) to this one

    @on(OptionList.OptionSelected, "#scenarios")
    def _scenario_picked(self) -> None:
        self.query_one("#roles", OptionList).focus()

    @on(OptionList.OptionSelected, "#roles")
    def _role_picked(self) -> None:
        opponents = self.query_one("#opponents", OptionList)
        (opponents if opponents.display else self.query_one("#start", Button)).focus()

    @on(OptionList.OptionSelected, "#opponents")
    def _opponent_picked(self) -> None:
        self.query_one("#start", Button).focus()

    @on(Button.Pressed, "#start")
    @on(Input.Submitted, "#seed")
    def action_start(self) -> None:
        scenario, role = self.scenario, self.role
        seed_text = self.query_one("#seed", Input).value.strip()
        if scenario is None or role is None:
            self.notify(_("Pick a scenario and a role first."), severity="warning")
            return
        try:
            seed = int(seed_text)
        except ValueError:
            self.notify(_("The seed must be a whole number."), severity="error")
            self.query_one("#seed", Input).focus()
            return
        record = new_game(scenario, role, seed, self.opponent)
        self.post_message(self.Start(record, self.query_one("#odds", Checkbox).value))

    def action_back(self) -> None:
        self.post_message(self.Back())
