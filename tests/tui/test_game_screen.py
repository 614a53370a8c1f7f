"""The game screen as a player uses it: sizes, the log, unavailable options, and the panels it opens."""

from __future__ import annotations

import re

import pytest

from game.tui.app import build_app
from game.tui.screens.game import GameScreen
from game.tui.screens.glossary import GlossaryScreen
from game.tui.screens.help import HelpScreen
from game.tui.screens.sources import SourcesScreen

from .play import opened, play_turn, screen_text, strike


def fits(app) -> bool:
    """Every visible widget lies inside the terminal (what scrolls inside a container that fits is read by
    scrolling it: only the container must fit)."""
    width, height = app.size

    def scrolled(w) -> bool:
        # a container inside the screen (a screen that scrolls is itself too big)
        return any(a is not app.screen and getattr(a, "is_scrollable", False) and a.allow_vertical_scroll
                   for a in w.ancestors[:-1])

    return all(w.region.right <= width and w.region.bottom <= height
               for w in app.screen.walk_children() if w.display and w.region.area and not scrolled(w))


async def test_resizing_from_120x40_to_80x24_keeps_the_game_readable():
    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=(120, 40)) as pilot:
        await play_turn(pilot)
        log = app.screen.query_one("#log")
        assert log.display and "The story so far" in screen_text(app)  # wide: the story log has a column
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        text = screen_text(app)
        assert not log.region.area and "The story so far" not in text  # narrow: it folds away
        assert "Turn 2/8" in text and "Public trust" in text and "1 " in text and fits(app)
        await pilot.press("l")
        assert "The story so far" in screen_text(app) and fits(app)
        await pilot.press("l")
        await play_turn(pilot)
        assert "Turn 3/8" in screen_text(app) and fits(app)


async def test_meters_show_the_change_from_last_turn_with_arrow_and_sign():
    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        # nothing has changed yet (a certain option's odds use the arrows too, for where it would move a meter)
        assert not re.search(r"[▲▼] ?[+-]\d", screen_text(app))
        await pilot.press("1")  # seed 3: the reporters print the strikers' side, trust 50 -> 45
        text = screen_text(app)
        assert "Public trust 50→45 (▼-5)" in text and "Rolled 75.7 out of 100. This result needed 60 to 100" in text
        lines = text.splitlines()  # the meter's name, then its bar with the value and the change
        assert any("Public trust" in line and "45" in below and "▼ -5" in below
                   for line, below in zip(lines, lines[1:]))
        await pilot.press("space")
        assert "Turn 2/8" in screen_text(app)


def seed_with_an_unavailable_option() -> tuple[int, int]:
    """A seed and number of first-option turns after which the mayor faces a greyed-out option."""
    from game.tui.record import Record

    sc = strike()
    for seed in range(200):
        record = Record.new(sc, "mayor", seed)
        for turns in range(8):
            if record.state.over:
                break
            if not all(v.available for v in record.options()):
                return seed, turns
            record = record.play(next(v.index for v in record.options() if v.available))
    raise AssertionError("no strike game offers an unavailable option")


async def test_an_unavailable_option_is_greyed_with_its_reason_and_its_key_does_nothing():
    seed, turns = seed_with_an_unavailable_option()
    app = build_app(scenario="strike", role="mayor", seed=seed)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:  # the toast is how the player is told
        for _ in range(turns):
            await play_turn(pilot)
        screen = app.screen
        blocked = next(v for v in screen.record.options() if not v.available)
        assert "unavailable: " + " ".join(blocked.reason.split()[:4]) in screen_text(app)
        steps = len(screen.record.steps)
        await pilot.press(str(blocked.index + 1))
        assert len(screen.record.steps) == steps and screen.outcome is None
        assert f"Option {blocked.index + 1} is not available" in screen_text(app)


async def test_help_glossary_and_sources_open_by_key_and_from_the_command_palette():
    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        for key, screen, words in (("question_mark", HelpScreen, "one card at a time"), ("g", GlossaryScreen, "Port Ellis"),
                                   ("r", SourcesScreen, "An invented town")):
            await pilot.press(key)
            await pilot.pause()  # the help page's Markdown is laid out after it mounts
            assert isinstance(app.screen, screen) and words in screen_text(app)
            await pilot.press("escape")
            assert isinstance(app.screen, GameScreen)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"How to play", "Who's who", "Sources", "Save game", "High contrast"} <= titles


async def test_the_glossary_filters_as_you_type():
    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        assert "Port Ellis" in screen_text(app) and "Public trust" in screen_text(app)
        await pilot.press(*"harbour")
        assert "Port Ellis" in screen_text(app) and "Public trust" not in screen_text(app)
        await pilot.press(*"zzz")
        assert "Nothing matches." in screen_text(app)


async def test_f2_switches_the_high_contrast_theme():
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        assert app.theme == "crisis-high-contrast"
        await pilot.press("f2")
        assert app.theme != "crisis-high-contrast"


async def test_the_mouse_plays_too():
    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#options", offset=(4, 1))  # the first option's label, under the rule
        assert "Rolled 75.7 out of 100" in screen_text(app)
        await pilot.click("#continue")
        assert "Turn 2/8" in screen_text(app) and isinstance(app.screen, GameScreen)
        assert len(app.screen.record.steps) == 1


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_on_an_outcome_the_footer_names_every_key_that_moves_on(size, lang, monkeypatch):
    # Play-test: Enter and Space both went on from an outcome, but the footer said only "space Next".
    from game import i18n
    from game.i18n import _

    monkeypatch.setenv("CRISIS_LANG", lang)
    i18n.set_language(lang)
    keys = [k.strip() for b in GameScreen.BINDINGS if b.action == "next" for k in b.key.split(",")]
    assert {"space", "enter"} <= set(keys)
    for key in keys:
        app = build_app(scenario="venezuela-2019", role="guaido", opponent="historical", seed=3)
        async with app.run_test(size=size) as pilot:
            await opened(pilot)
            card_footer = screen_text(app).splitlines()[-1]
            await play_turn(pilot)  # a choice, then Space: the next page of what followed is an outcome too
            assert app.screen.outcome is not None
            footer = screen_text(app).splitlines()[-1]
            # each page names the keys that work on it: on a card the numbers, on an outcome the keys going on
            assert f"1-9 {_('Choose')}" in card_footer and f" {_('Next')} " not in card_footer, card_footer
            assert _("Choose") not in footer, footer
            # the key shown before 'Next', or before 'Read on' while the page has more below (issue 9 r2)
            said = _("Read on ↓") if _("Read on ↓") in footer else _("Next")
            named = footer.split(" " + said)[0].split()[-1]
            assert _(key) in named.split("/"), footer
            await pilot.press("end")  # read to its end: the key moves on
            await pilot.pause()
            before = app.screen.read[app.screen.reader]
            await pilot.press(key)
            await pilot.pause()
            assert app.screen.read[app.screen.reader] == before + 1 or app.screen.outcome is None


async def test_a_number_typed_as_the_game_opens_plays_the_option_and_shows_its_page():
    # The outcome page joins the screen just after the first card is drawn (issue 9, speed): a number typed ahead
    # of it still plays the option and shows its page, with the keyboard on Next.
    from textual.widgets import Button

    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")  # seed 3: the reporters print the strikers' side, trust 50 -> 45
        await pilot.pause()
        assert "Public trust 50→45 (▼-5)" in screen_text(app)
        assert isinstance(app.focused, Button) and app.focused.id == "continue"
        await pilot.press("enter")
        await pilot.pause()
        assert "Turn 2/8" in screen_text(app)
