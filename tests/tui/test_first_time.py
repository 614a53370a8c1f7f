"""Issue 9, as a first-time player met it: what the keys do while the log covers the card, what Enter does
after an outcome, the log on a wide screen, options and buttons in view, a header that reads, meters that read
at every size, the game's English, and which way each meter should go."""

from __future__ import annotations

import re

import pytest
from textual.app import App

from game.tui.app import build_app
from game.tui.screens.game import GameScreen
from game.tui.widgets.meter_panel import MeterPanel

from .play import first_available, header_text, opened, play_turn, screen_text
from .test_dialogs import wheel

SIZES = [(80, 24), (100, 30), (120, 40)]


def panel_text(app) -> str:
    """What the meter panel shows, as the player reads it: the screen's rows cut to the panel's columns."""
    area = app.screen.query_one(MeterPanel).region
    rows = screen_text(app).splitlines()
    return "\n".join(rows[y][area.x:area.right] if y < len(rows) else "" for y in range(area.y, area.bottom))


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_keys_do_not_play_a_card_the_story_log_covers(size):
    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        await pilot.press("l")
        assert "The story so far" in screen_text(app) and "The walkout" not in screen_text(app)
        await pilot.press("1", "2", "space", "enter")
        assert screen.record.steps == () and screen.outcome is None
        await pilot.press("l", "1")  # the card is back: now its keys play it
        assert len(screen.record.steps) == 1


async def test_the_key_that_dismisses_an_outcome_never_plays_the_next_card():
    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await pilot.press("1")
        assert screen.outcome is not None
        await pilot.press("enter")  # Next card
        assert screen.outcome is None and len(screen.record.steps) == 1
        await pilot.press("enter")  # pressed once too often: the new card stays unplayed
        assert screen.outcome is None and len(screen.record.steps) == 1
        await pilot.press("down", "enter")  # an option picked on purpose is played
        assert len(screen.record.steps) == 2


async def test_on_a_wide_terminal_l_toggles_the_log_and_leaves_the_meters():
    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "The story so far" in screen_text(app) and "Public trust" in screen_text(app)
        await pilot.press("l")
        assert "The story so far" not in screen_text(app) and "Public trust" in screen_text(app)
        await pilot.press("l")
        assert "The story so far" in screen_text(app) and "Public trust" in screen_text(app)


@pytest.mark.parametrize("role", ["guaido", "maduro"])
@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_every_option_and_the_next_button_stay_in_view(role, size):
    app = build_app(scenario="venezuela-2019", role=role, opponent="random", seed=1)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        for _ in range(8):
            if app.screen is not screen:
                break
            if screen.outcome is None:
                assert screen.query_one("#options").max_scroll_y == 0, "the last option is scrolled away"
                await pilot.press(str(first_available(screen.record)))
            else:
                assert "(Enter)" in screen_text(app), "Next is below the fold"
                await pilot.press("space")
            await pilot.pause()


async def test_a_long_outcome_page_scrolls_with_the_keys_at_once_and_next_stays_in_reach():
    # At 80x24 an outcome with its changes and the opponent's move runs past the fold: the arrows, PageDown
    # and End must scroll it without a Tab first, and Enter must still move on.
    app = build_app(scenario="venezuela-2019", role="guaido", opponent="adaptive", seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        body = screen.query_one("#outcome-body")
        for _ in range(30):  # to the first page that does not fit
            if screen.outcome is not None and body.max_scroll_y > 0:
                break
            await pilot.press("space" if screen.outcome is not None else str(first_available(screen.record)))
            await pilot.pause()
        else:
            pytest.fail("no outcome page ran past the fold at 80x24")
        page = screen.outcome
        await pilot.press("down")
        assert body.scroll_y == 1, "Down did not scroll the page"
        await pilot.press("end")
        assert body.scroll_y == body.max_scroll_y, "End did not reach the page's end"
        await pilot.press("home", "pagedown")
        assert body.scroll_y > 1, "PageDown did not scroll the page"
        await pilot.press("home")
        await wheel(pilot, down=True)
        assert body.scroll_y > 0, "the mouse wheel did not scroll the page"
        assert "(Enter)" in screen_text(app).splitlines()[-2], "Next is not in view"
        await pilot.press("enter")  # some of the page is still below: Enter reads on (issue 9 r2)
        assert screen.outcome is page and body.scroll_y > 0, "Enter left a page half read"
        await pilot.press("end")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.outcome is not page, "Enter did not move on"


async def test_a_long_card_scrolls_with_pagedown_while_the_keyboard_is_on_its_options():
    # At 80x24 the Venezuelan cards' text runs past the rows the options leave it: PageDown and PageUp read
    # on, without the mouse, and pick no option.
    app = build_app(scenario="venezuela-2019", role="guaido", opponent="random", seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        text = screen.query_one("#card-scroll")
        assert text.max_scroll_y > 0, "the first card fits: pick a longer one"
        await pilot.press("pagedown")
        assert text.scroll_y > 0, "PageDown did not scroll the card's text"
        assert screen.query_one("#options").highlighted is None and screen.outcome is None
        await pilot.press("pageup")
        assert text.scroll_y == 0


@pytest.mark.parametrize("size", SIZES)
async def test_a_notice_never_hides_the_options(size):
    # The notices of a game's start (the unfinished game kept under a name) and of a save stay up for seconds:
    # the options must read all the while.
    async with build_app(scenario="venezuela-2019", role="guaido", opponent="adaptive", seed=3).run_test() as pilot:
        await play_turn(pilot)
    app = build_app(scenario="venezuela-2019", role="guaido", opponent="adaptive", seed=4)
    async with app.run_test(size=size, notifications=True) as pilot:
        await opened(pilot)
        area = app.screen.query_one("#options").region

        def options_shown() -> list[str]:
            rows = screen_text(app).splitlines()
            return [rows[y][area.x:area.right].rstrip() for y in range(area.y, area.bottom)]

        assert "Autosave kept" in screen_text(app)
        app.clear_notifications()
        await pilot.pause()
        alone = options_shown()
        assert "".join(alone).strip()
        app.notify("Your unfinished game was kept as 'guaido-seed3-turn2' (/home/player/.local/share/crisis/"
                   "saves/guaido-seed3-turn2.json): Load opens it.", title="Autosave kept")
        await pilot.press("s", "enter")  # and a save under the name offered
        await pilot.pause()
        assert "Saved as" in screen_text(app)
        assert options_shown() == alone, "a notice covers the options"


async def test_the_story_log_opens_on_the_latest_entry():
    from game.tui.views import log_entries

    app = build_app(scenario="venezuela-2019", role="guaido", opponent="random", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        while len(screen.record.steps) < 12:
            await pilot.press("space" if screen.outcome is not None else str(first_available(screen.record)))
            await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        latest, _body = log_entries(screen.record, "guaido", screen.read["guaido"])[-1]
        assert latest[:30] in screen_text(app)


@pytest.mark.parametrize("role, name", [("maduro", "Nicolás Maduro"), ("guaido", "Juan Guaidó")])
@pytest.mark.parametrize("width", [80, 120])
async def test_the_header_names_the_role_whole_and_keeps_its_parts_apart(role, name, width):
    app = build_app(scenario="venezuela-2019", role=role, opponent="random", seed=48213)
    async with app.run_test(size=(width, 24)) as pilot:
        screen = app.screen
        for _ in range(3):
            header = header_text(app)
            assert name in header or {"Nicolás Maduro", "Juan Guaidó"} - {name} <= set(re.findall(r"\w+ \w+(?=.s (?:move|turn))", header))
            squeezed = header.replace(" ", "")  # read with the spaces lost, as a screen reader or a copy may
            assert not re.search(r"(turn|move)\d", squeezed) and not re.search(r"\d+/\d+seed", squeezed), header
            await pilot.press("space" if screen.outcome is not None else "1")
            await pilot.pause()


@pytest.mark.parametrize("role", ["guaido", "maduro"])
async def test_at_80x24_every_meter_the_role_sees_is_in_view_without_scrolling(role):
    app = build_app(scenario="venezuela-2019", role=role, opponent="random", seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        panel = app.screen.query_one(MeterPanel)
        assert len(panel.readings) >= 12
        assert panel.max_scroll_y == 0, "the meter panel scrolls: some meters are below the fold"
        text = panel_text(app)
        for reading in panel.readings.values():
            assert any(name and name[:8] in text for name in (reading.label, reading.short)), reading.label


async def test_the_mouse_on_a_meter_or_a_heading_tells_what_it_is():
    app = build_app(scenario="venezuela-2019", role="guaido", opponent="random", seed=3)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        panel = app.screen.query_one(MeterPanel)
        rows = panel_text(app).splitlines()
        first = next(iter(panel.readings.values()))
        at = next(n for n, row in enumerate(rows) if (first.short or first.label)[:8] in row)
        await pilot.hover("#meters", offset=(4, at))
        assert app.screen.query_one("MeterRows").tooltip.startswith(f"{first.label}: {first.description}")
        heading = next(n for n, row in enumerate(rows) if "The armed forces" in row)
        await pilot.hover("#meters", offset=(4, heading))
        assert app.screen.query_one("MeterRows").tooltip  # the faction's description


@pytest.mark.parametrize("size", SIZES)
async def test_every_meter_shows_its_level_as_a_bar(size):
    app = build_app(scenario="venezuela-2019", role="guaido", opponent="random", seed=3)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        rows = panel_text(app).splitlines()
        checked = 0
        for reading in app.screen.query_one(MeterPanel).readings.values():
            at = next((n for n, row in enumerate(rows) if any(name and name[:6] in row
                                                              for name in (reading.label, reading.short))), None)
            if at is None:
                continue  # scrolled out of the panel (a small terminal): the other sizes cover it
            drawn = "\n".join(rows[at:at + 2])
            assert "█" in drawn or "░" in drawn, f"no bar for {reading.label}: {drawn!r}"
            checked += 1
        assert checked >= 10


def test_the_games_own_words_read_as_english():
    from game.engine import FollowUpQueued
    from game.tui.views import change_lines, chance_phrase

    sc = build_app(scenario="strike", role="mayor", seed=3).opening.record.scenario
    # Issue 9 r2: "Something will follow in 1 turn." was vague: what the player can know is that a consequence comes.
    assert change_lines([FollowUpQueued("x", 5)], sc, 4) == ["A consequence of this comes next turn at the earliest."]
    assert change_lines([FollowUpQueued("x", 7)], sc, 4) == ["A consequence of this comes in 3 turns at the earliest."]
    assert [chance_phrase(p) for p in ("85%", "8%", "11%", "18%", "40%", "1%", "<1%", ">99%")] == [
        "an 85% chance", "an 8% chance", "an 11% chance", "an 18% chance", "a 40% chance", "a 1% chance",
        "a <1% chance", "a >99% chance"]


async def test_without_the_odds_the_roll_line_is_hidden_too():
    app = build_app(scenario="strike", role="mayor", seed=3, odds=False)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "odds" not in screen_text(app)
        await pilot.press("1")
        text = screen_text(app)
        assert "Public trust 50→45" in text and "Rolled" not in text and "%" not in text


async def test_the_meter_panel_shows_which_way_the_role_wants_each_meter():
    from game.scenario import load, resolve_scenario

    shown = {m.id: m.short or m.label for m in load(resolve_scenario("venezuela-2019")).meters}
    us, generals = shown["usa"], shown["high_command"]
    for role, up, down in (("guaido", us, generals), ("maduro", generals, us)):
        app = build_app(scenario="venezuela-2019", role=role, opponent="random", seed=3)
        async with app.run_test(size=(120, 40)):
            rows = screen_text(app).splitlines()
            assert any(up in r and "↑" in r.split(up)[0][-3:] for r in rows), role
            assert any(down in r and "↓" in r.split(down)[0][-3:] for r in rows), role


async def test_the_game_screen_stands_alone_and_says_when_the_game_is_over():
    """Any app can host the game screen: it posts GameScreen.Finished, and the app decides what comes next."""
    from game.tui.loading import load_scenario, new_game

    record = new_game(load_scenario("strike"), "mayor", 3)
    while len(record.steps) < 5 and not record.state.over:
        record = record.play(next(v.index for v in record.options() if v.available))
    finished = []

    class Host(App):
        def on_mount(self) -> None:
            self.push_screen(GameScreen(record, True))

        def on_game_screen_finished(self, message: GameScreen.Finished) -> None:
            finished.append(message.record)

    app = Host()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        while not finished:
            await pilot.press("space" if screen.outcome is not None else str(first_available(screen.record)))
            await pilot.pause()
        assert finished[0].state.over


async def test_the_new_game_screen_reads_the_scenarios_off_the_ui_thread(monkeypatch):
    import threading

    from game.tui import loading
    from game.tui.screens.new_game import NewGameScreen

    threads = []
    real = loading.scenario_choices

    def watched():
        threads.append(threading.current_thread() is threading.main_thread())
        return real()

    monkeypatch.setattr(loading, "scenario_choices", watched)
    app = build_app(scenario="strike", seed=9)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, NewGameScreen) and app.screen.scenario.id == "strike"
    assert threads == [False]


def test_the_tui_reads_no_private_textual_attributes():
    from pathlib import Path

    root = Path(__file__).parents[2]
    # The game screen's constructor gives the record its first value with set_reactive (Textual's way, before
    # mount); after that the record is assigned, so that its computes and bindings run.
    private = re.compile(r"\._(bindings_ready|compositor|notifications|nodes|driver)\b"
                         r"|set_reactive\(GameScreen\.record, (?!record\))")
    found = [f"{p}:{n}" for folder in ("game/tui", "tests/tui") for p in sorted((root / folder).rglob("*.py"))
             for n, line in enumerate(p.read_text().splitlines(), 1) if private.search(line)
             and p.name != "test_first_time.py"]
    assert found == []


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_enter_space_and_the_scroll_keys_work_wherever_the_focus_is(size):
    # Play-test e1 at 80x24: the story pane scrolled only after Tab, and once it had the focus Enter no longer
    # moved on from 'Next card (Enter)'; only Space did. Tab, or a click on the text, must change nothing.
    app = build_app(scenario="venezuela-2019", role="guaido", opponent="adaptive", seed=3)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        screen = app.screen
        body = screen.query_one("#outcome-body")
        for moved_on_with in ("enter", "space", "enter", "space"):
            while screen.outcome is None:
                await pilot.press(str(first_available(screen.record)))
                await pilot.pause()
            page = screen.outcome
            await pilot.press("tab")
            await pilot.click("#outcome-body")
            await pilot.press("tab", "shift+tab")
            if body.max_scroll_y > 0:
                await pilot.press("down")
                assert body.scroll_y == 1, "Down did not scroll the page"
                await pilot.press("pagedown", "up", "pageup")
                assert body.scroll_y == 0, "PageUp did not scroll back"
                await pilot.press("end")  # read to its end: the key moves on (before, it reads on)
            await pilot.press(moved_on_with)
            await pilot.pause()
            assert screen.outcome is not page, f"{moved_on_with} did not move on"


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("role", ["guaido", "maduro"])
async def test_every_venezuelan_card_shows_all_its_options_at_80x24(role, lang, monkeypatch):
    # Play-test e1 at 80x24: the options had a scrollbar on 32 of Guaidó's 51 cards, only one option of 30
    # April showed, another stopped mid-line, and only a Tab to them scrolled them. Every card the role can be
    # dealt, shown in turn on the game screen: each option's label and odds on screen, no scrolling needed.
    from dataclasses import replace

    from game import i18n

    monkeypatch.setenv("CRISIS_LANG", lang)
    i18n.set_language(lang)
    app = build_app(scenario="venezuela-2019", role=role, opponent="adaptive", seed=1, odds=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        while screen.outcome is not None:
            await pilot.press("space")
        record, state = screen.record, screen.record.state
        options = screen.query_one("#options")
        dealt = [i for i, card in enumerate(state.scenario.cards) if role in card.roles and not card.event]
        assert len(dealt) > 40
        for i in dealt:
            screen.record = replace(record, first=replace(state, card=i), steps=())
            await pilot.pause()
            await pilot.pause()  # the card lays out in two frames: the options measured, then the text the rest
            card = state.scenario.cards[i]
            assert options.max_scroll_y == 0 and options.region.bottom <= 23, f"{card.id}: the options scroll"
            shown = " ".join(line.split("▕")[-1].strip() for line in screen_text(app).splitlines())
            for choice in screen.choices:
                assert " ".join(f"{choice.number} {choice.label}".split()) in " ".join(shown.split()), card.id
