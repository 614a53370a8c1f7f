"""The terminal game in Spanish (`crisis --lang es play`), and in English: every screen walked at 80x24 and
120x40, each failing if a word of the interface in the other language is on it (English left in the Spanish
game) or a line of its own is cut off."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from game import i18n, paths
from game.i18n import _
from game.tui.app import build_app
from game.tui.screens.ending import EndingScreen
from game.tui.screens.glossary import matching
from game.tui.screens.hand_over import HandOverScreen
from game.tui.screens.new_game import NewGameScreen
from game.tui.seats import bot_policies
from game.tui.views import citations_text
from game.tui.widgets.key_footer import KeyFooter

from .play import all_text, opened, play_to_the_end, screen_text, settle

SIZES = [(80, 24), (120, 40)]
IDS = [f"{w}x{h}" for w, h in SIZES]
WORD = re.compile(r"[A-Za-z][A-Za-z']+")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


# What each language's screens say in words of their own (the help page's and the debrief's first lines).
SAID = {
    "en": {"tagline": "Every choice is a gamble.", "help": ("How to play", "You lead one side of a crisis"),
           "debrief": ("# Debrief: ", "## Turn by turn")},
    "es": {"tagline": "Cada decisión es una apuesta.", "help": ("Cómo se juega", "Llevas las riendas de un bando"),
           "debrief": ("# Informe: ", "## Turno a turno")},
}


@pytest.fixture(autouse=True, params=["es", "en"])
def lang(request, monkeypatch) -> str:
    monkeypatch.setenv("CRISIS_LANG", request.param)
    i18n.set_language(request.param)
    return request.param


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(PLACEHOLDER.sub(" ", text))}


def foreign_words() -> dict[str, set[str]]:
    """Per language, the words of the interface's messages (the crisis-tui catalog) in the other language that
    its own never use: any of them on a Spanish screen is a message left in English, and the reverse. Short
    words (a, of, to; de, la) are left out, since a scenario's text may use them too."""
    with (i18n.LOCALE_DIR / "es" / "LC_MESSAGES" / "crisis-tui.po").open("rb") as handle:
        catalog = read_po(handle, locale="es")
    english, spanish = set(), set()
    for m in catalog:
        if not m.id:
            continue
        for text in (m.id if isinstance(m.id, tuple) else (m.id,)):
            english |= _words(text)
        for text in (m.string if isinstance(m.string, tuple) else (m.string,)):
            spanish |= _words(text)
    return {"es": {w for w in english - spanish if len(w) >= 4}, "en": {w for w in spanish - english if len(w) >= 4}}


FOREIGN = foreign_words()


def published(scenario) -> set[str]:
    """Words a scenario quotes as published (its sources' outlets and titles, its cards' citations): English by
    design, in any language."""
    texts = [f"{s.outlet} {s.title} {s.url}" for s in scenario.sources]
    texts += [citations_text(scenario, c.sources) for c in scenario.cards]
    return _words(" ".join(texts))


EDGES = re.compile(r"[\u2500-\u259f]+")  # box drawing and block elements: borders, bars, rules


def flat(text: str) -> str:
    """The words in order, wrapped lines joined."""
    return " ".join(text.split())


def readings(text: str) -> list[str]:
    """The screen read whole, then column by column (panels side by side, a dialog inside its border): a text
    wrapped in its own column reads on in that column."""
    columns: dict[int, list[str]] = {}
    for line in text.splitlines():
        for k, part in enumerate(EDGES.split(line)):
            columns.setdefault(k, []).append(part)
    return [flat(text)] + [flat("\n".join(lines)) for lines in columns.values()]


def check(app, *whole: str, text: str | None = None, english: bool = True) -> None:
    """No English of the interface on the screen (or in `text`), each of `whole` shown in full (so not cut
    off), and every key of the footer shown whole in Spanish. `english=False`: the screen also shows a
    scenario's own English, so only the rest is checked."""
    shown = screen_text(app) if text is None else text
    scenario = getattr(app.screen, "record", None)
    allowed = published(scenario.scenario) if scenario is not None else set()
    allowed |= set(bot_policies())  # the bots' names are what --opponent takes, in any language
    left = (_words(shown) & FOREIGN[i18n.language()]) - allowed if english else set()
    assert not left, f"Another language's words on the {type(app.screen).__name__}: {sorted(left)}\n{shown}"
    read = readings(shown)
    for part in whole:
        assert any(flat(part) in r for r in read), f"{part!r} is not shown whole on the {type(app.screen).__name__}\n{shown}"
    footers = app.screen.query(KeyFooter)
    if text is None and footers:
        last = shown.splitlines()[-1]
        left_out = footers.first().left_out  # the keys that do nothing on the page on show (a card's numbers on an outcome)
        renamed = footers.first().renamed  # a key named for what it does now (Space/Enter: 'Read on' down a long page)
        for _n, binding, _enabled, _tip in app.screen.active_bindings.values():
            action = binding.action.split("(")[0]
            if binding.show and action not in left_out:
                said = renamed.get(action) or _(binding.description)
                assert f"{app.get_key_display(binding)} {said}" in last, (binding, last)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
async def test_the_title_help_load_and_quit(size, lang):
    app = build_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        check(app, _("New game"), _("Load a saved game"), _("How to play"), _("Quit"), SAID[lang]["tagline"])
        await pilot.press("question_mark")
        await pilot.pause()
        check(app, *SAID[lang]["help"], _("Escape to close"))
        await pilot.press("escape", "l")
        await pilot.pause()
        check(app, _("Load a saved game"), _("No saved games yet. The game saves itself after every turn."),
              _("Back"))
        await pilot.press("escape", "q")
        await pilot.pause()
        check(app, _("Quit crisis?"), _("Quit"), _("Cancel"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
async def test_the_new_game_screen_in_spanish_says_when_a_scenario_has_no_spanish(size, lang):
    if lang != "es":
        pytest.skip("the note is for a language the scenario lacks")
    app = build_app(scenario="strike")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, NewGameScreen)
        note = "Este escenario no tiene traducción al español; se muestra en inglés."
        assert note in flat(all_text(app))
        strike = app.screen.scenario
        role = strike.role(app.screen.role).name
        # The strike's own text is English (it has no translation): only the form's words are checked.
        form = "\n".join(line.split("▏")[0] for line in screen_text(app).splitlines()[1:])  # left of the briefing
        check(app, text=form)
        check(app, _("New game: pick a scenario and a role, then Start"), _("Scenario"), _("Role"),
              _("Start: {role}").format(role=role), english=False)
        check(app, note, text=flat(all_text(app)), english=False)
        scenarios = app.screen.query_one("#scenarios")
        tutorial = next(k for k, c in enumerate(app.screen.choices) if c.scenario and c.scenario.id == "tutorial")
        scenarios.highlighted = tutorial
        await pilot.pause()
        assert note not in flat(all_text(app))
        check(app, _("Opponent"))
        app.screen.query_one("#start").scroll_visible(animate=False)  # the form scrolls on a short terminal
        await pilot.pause()
        check(app, _("Show the odds"), _("Seed"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
async def test_a_game_against_a_bot_to_its_ending(size, lang):
    app = build_app(scenario="tutorial", role="union", opponent="random", seed=3)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        screen = app.screen
        sc = screen.record.scenario
        mayor, union = sc.role("mayor").name, sc.role("union").name
        # The mayor moves first: the game opens on the opponent's move.
        check(app, _("{role}'s move").format(role=mayor), _("Next card  (Enter)"))
        bot = {"en": "random", "es": "azar"}[lang]  # the bot by its name in the player's language
        assert _("bot: {bot}").format(bot=bot) in flat(all_text(app))
        await pilot.press("space")
        await pilot.pause()
        check(app, _("{role}'s turn").format(role=union), _("{role}'s view").format(role=union))
        assert {_("historical"), _("what if")} & set(screen_text(app).split())
        await pilot.press("1")
        await pilot.pause()
        check(app, _("Your move, {role}").format(role=union))
        for key, whole in (("s", (_("Save the game"), _("Save"), _("Cancel"))),
                           ("g", (_("Who's who"), _("Search names and descriptions"))),
                           ("r", (_("Sources: {title}").format(title=sc.title), _("Escape to close"))),
                           ("l", (_("The story so far"),))):
            if key == "l" and app.screen.has_class("-wide"):
                check(app, *whole)  # the log has its own column: `l` would hide it
                continue
            await pilot.press(key)
            await pilot.pause()
            check(app, *whole)
            await pilot.press("escape" if key != "l" else "l")
            await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        check(app, _("Search for commands…"), _("High contrast"))
        titles = [str(c.title) for c in app.get_system_commands(app.screen)]
        # Textual's keys panel speaks only English: offered in English only (How to play lists the keys)
        assert (_("Keys") in titles) == (lang == "en") and _("How to play") in titles
        await pilot.press("escape")
        await pilot.pause()
        await play_to_the_end(pilot, each=check)
        assert isinstance(app.screen, EndingScreen)
        await settle(pilot)
        check(app)
        check(app, _("Every decision"), _("The meters, turn by turn"), text=all_text(app))
        await pilot.press("m")
        await pilot.pause()
        check(app)
        await pilot.press("e")
        await pilot.pause()
        [written] = paths.exports().glob("*.md")
        # The folder and the files' names are names, not words: the same in any language.
        names = (str(paths.exports()), written.name, written.with_suffix(".json").name)
        shown = screen_text(app)
        for name in names:
            shown = shown.replace(name, "")
        check(app, _("Debrief written to "), text=shown)
        debrief = written.read_text(encoding="utf-8")
        # The command that replays the game is a command: its options are the same in any language.
        check(app, *SAID[lang]["debrief"], text=re.sub(r"`[^`]*`", "", debrief))
        assert _("- Opponent: {opponent}").format(opponent=bot) in debrief


@pytest.mark.parametrize("size", SIZES, ids=IDS)
async def test_a_game_with_a_friend_hands_over(size):
    app = build_app(scenario="tutorial", role="mayor", opponent="friend", seed=3)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        union = app.screen.record.scenario.role("union").name
        await pilot.press("1")
        await pilot.pause()
        check(app, _("Pass the keyboard  (Enter)"))
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, HandOverScreen)
        check(app, _("{role}'s turn").format(role=union), _("Pass the keyboard, then press Enter."))



@pytest.mark.parametrize("query, found", [("guaido", "Guaidó"), ("GUAIDÓ", "Guaidó"), ("faccion", "facción"),
                                          ("Fuerza armada", "Fuerza Armada"), ("nino", "niño")])
def test_who_is_who_finds_a_name_typed_with_or_without_its_accents(query, found):
    entries = [("Juan Guaidó", "persona", "Presidente de la Asamblea Nacional"), ("Ejército", "facción", "La Fuerza Armada"),
               ("Un niño", "persona", "")]
    assert any(found in " ".join(e) for e in matching(entries, query))
    assert not matching(entries, "maduro")


def test_the_spanish_help_has_every_section_and_key_of_the_english():
    """help.es.md is a translation of help.md: when a section or a key is added to one, the other follows."""
    english, spanish = ((paths.assets() / name).read_text(encoding="utf-8") for name in ("help.md", "help.es.md"))
    for text in (english, spanish):
        assert text.count("\n## ") and text.count("\n| `")
    assert spanish.count("\n## ") == english.count("\n## ")
    assert spanish.count("\n| `") == english.count("\n| `")
