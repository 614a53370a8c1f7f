"""The new-game screen as a first-time player meets it: keys typed while it reads the scenarios, and a Start
button that names the whole choice (issue 9)."""

from __future__ import annotations

import threading
from contextlib import aclosing

import pytest

from game import i18n
from game.i18n import _
from game.tui.app import build_app

from .play import screen_text, settle


@pytest.fixture
def slow_reading(monkeypatch):
    """The scenarios take as long as the test says: reading them waits until the event is set."""
    from game.tui import loading

    ready = threading.Event()
    real = loading.scenario_choices

    def slow():
        ready.wait(30)
        return real()

    monkeypatch.setattr(loading, "scenario_choices", slow)
    yield ready
    ready.set()


async def each_role(size, lang, monkeypatch):
    """Venezuela's new-game form in `lang` at `size`, with its first role picked, then its second."""
    monkeypatch.setenv("CRISIS_LANG", lang)
    i18n.set_language(lang)
    app = build_app(scenario="venezuela-2019", seed=5)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for keys in ((), ("down",)):
            await pilot.press(*keys)
            await pilot.pause()
            yield pilot, app, app.screen


async def test_keys_typed_while_the_scenarios_are_read_act_once_they_are(slow_reading):
    from game.tui.screens.new_game import NewGameScreen

    app = build_app(scenario="venezuela-2019", seed=5)
    async with app.run_test(size=(120, 40)) as pilot:
        form = app.screen
        assert isinstance(form, NewGameScreen)
        # The player reads the list, then types: the second role, Enter to pick it (the focus moves on to the
        # opponents), up to the third bot, Enter; all before the scenarios are there.
        await pilot.press("down", "enter", "up", "enter")
        assert form.scenario is None and form.role is None
        slow_reading.set()
        await settle(pilot)
        for _turn in range(100):  # the held keys act one by one, each once the last is done
            if form.held is None:
                break
            await settle(pilot)
        assert form.scenario.id == "venezuela-2019"
        assert form.role == form.scenario.roles[1].id
        bots = [o.id for o in form.query_one("#opponents").options]
        assert form.opponent == bots[bots.index("adaptive") - 1]
        assert app.focused is form.query_one("#start")
        # And keys after that act at once, as ever.
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "down")  # past the seed and the odds
        assert form.opponent == bots[bots.index("adaptive")]


async def test_escape_while_the_scenarios_are_read_goes_back_at_once(slow_reading):
    from game.tui.screens.new_game import NewGameScreen

    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, NewGameScreen)
        await pilot.press("down", "escape")
        assert not isinstance(app.screen, NewGameScreen)
        slow_reading.set()
        await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["en", "es"])
async def test_the_start_button_names_the_whole_choice(size, lang, monkeypatch):
    from game.tui.seats import bot_name

    async with aclosing(each_role(size, lang, monkeypatch)) as roles:
        async for pilot, app, form in roles:  # Guaidó, then Maduro, each against the default bot
            role = form.scenario.role(form.role).name
            start = form.query_one("#start")
            start.scroll_visible(animate=False)
            await pilot.pause()
            whole = _("Start: {role} vs {opponent}").format(role=role, opponent=bot_name("adaptive"))
            shown = " ".join(line.split("▏")[0].strip() for line in screen_text(app).splitlines())
            assert whole in " ".join(shown.split()), shown
            assert start.region.right <= form.query_one("#new-form").scrollable_content_region.right


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["en", "es"])
async def test_how_to_start_and_what_winning_means_are_in_view_without_scrolling(size, lang, monkeypatch):
    # Play-test e1 at 80x24: the odds, the seed and Start were below the fold (only '^s Start' showed), and
    # the role's 'YOU WIN if...' was pages down its briefing, so 'ends the game: The generals take over' on a
    # card gave no idea whether that was a win.
    async with aclosing(each_role(size, lang, monkeypatch)) as roles:
        async for _pilot, app, form in roles:  # Guaidó, then Maduro
            scenario = form.scenario
            shown = screen_text(app)
            for widget in ("#odds", "#seed", "#start"):
                region = form.query_one(widget).region
                assert region.area and region.bottom <= size[1] - 1, f"{widget} is below the fold"
            assert _("Show the odds") in shown and _("Seed") in shown
            assert _("Start: {role} vs {opponent}").split("{")[0] in shown
            pane = " ".join(" ".join(line.split("▏")[-1].split()) for line in shown.splitlines()[1:-1])
            for result, words in (("win", _("You win with: ")), ("draw", _("A draw: ")),
                                  ("loss", _("You lose with: "))):
                titles = "; ".join(e.title for e in scenario.endings if e.result_for(form.role) == result)
                assert " ".join(f"{words}{titles}".split()) in pane, pane


@pytest.mark.parametrize("lang", ["en", "es"])
async def test_every_opponent_on_the_list_says_in_a_line_how_it_plays(lang, monkeypatch):
    # Play-test: "random" stood alone on the list while the others read "historical  as it happened", because
    # its description was its own name. Every policy the engine offers is walked, not a list written here.
    from game.bots import POLICIES
    from game.tui.seats import bot_name

    async with aclosing(each_role((120, 40), lang, monkeypatch)) as roles:
        async for _pilot, app, form in roles:
            shown = {o.id: str(o.prompt) for o in form.query_one("#opponents").options}
            assert set(POLICIES) <= set(shown)
            for name in POLICIES:
                line = shown[name]
                assert line.startswith(bot_name(name)), line
                about = line.removeprefix(bot_name(name)).strip()
                assert about and about != bot_name(name), f"{name}: no description on the list ({line!r})"
            break


async def test_from_the_title_the_cursor_starts_on_the_scenarios_and_keys_typed_ahead_go_there(slow_reading):
    # Issue 9 r2: a newcomer typed Down, Enter for the second scenario while the list was read; the keys went to
    # the role list, and Enter picked a role. With no scenario named, the cursor starts on the scenarios.
    from game.tui.screens.new_game import NewGameScreen

    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, NewGameScreen)
        await pilot.press("down", "enter")
        slow_reading.set()
        for _turn in range(100):
            await settle(pilot)
            if form.held is None:
                break
        names = [o.prompt for o in form.query_one("#scenarios").options]
        assert form.query_one("#scenarios").highlighted == 1 and len(names) > 1
        assert app.focused is form.query_one("#roles") and form.query_one("#roles").highlighted == 0
        text = screen_text(app)
        assert "↑↓ move in a list" in text and "Tab next" in text  # how to move, said on the form


async def test_the_picked_choices_read_without_colour():
    # Without colour (NO_COLOR) the highlighted role or opponent was a background shade, invisible: it is bold
    # and underlined too, in the lists with the keyboard and without.
    app = build_app(scenario="venezuela-2019", seed=5)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "text-decoration: underline" in app.export_screenshot()
        for name in ("#scenarios", "#roles", "#opponents"):
            styles = app.screen.query_one(name).get_component_styles("option-list--option-highlighted")
            assert "underline" in str(styles.text_style) and "bold" in str(styles.text_style), name
