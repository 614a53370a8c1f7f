"""Two-sided games on screen: against a bot, hot-seat on one keyboard, hidden meters, odds with labels, saves."""

from __future__ import annotations

import re

import pytest

from game import saves
from game.engine import digest
from game.tui.app import CrisisApp, build_app
from game.tui.loading import save_meta
from game.tui.record import Record
from game.tui.screens.ending import EndingScreen
from game.tui.screens.game import GameScreen
from game.tui.screens.hand_over import HandOverScreen
from game.tui.seats import Seats
from game.tui.views import card_shown, log_entries, meter_readings, odds_text

from .duel import duel, duel_opening
from .play import all_text, opened, screen_text, settle
from .test_game_screen import fits


def app_for(role: str, opponent: str | None, seed: int = 3) -> CrisisApp:
    return build_app(scenario="tutorial", role=role, opponent=opponent, seed=seed)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_game_against_a_bot_to_its_end_shows_every_move_of_the_opponent(size):
    app = app_for("union", None)  # the default opponent: the adaptive bot
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        # The mayor moves first: the game opens on the bot's move, before the union's card.
        text = screen_text(app)
        assert "The Mayor's move (bot: adaptive)" in text and "The Mayor drew “The walkout”" in text and fits(app)
        # the rival's option quoted: its words speak to the rival, not to the reader
        page = " ".join(m[1].strip() for m in re.finditer(r"▕([^▏\n]*)", text))  # the page between its borders
        assert re.search(r"The Mayor drew “The walkout” and chose “[^”]+”", page), page
        assert ("Odds: " in text or "single possible" in text) and "Town funds" not in text  # the union never sees the town's funds
        seen_opponent = 0
        while isinstance(app.screen, GameScreen):
            text = screen_text(app)
            assert fits(app) and "Town funds" not in text
            if screen.outcome is None:
                assert "The Union Leader's turn" in text
                await pilot.press("1")
            else:
                seen_opponent += "The Mayor's move" in text
                await pilot.press("space")
            await pilot.pause()
        assert seen_opponent == sum(s.role == "mayor" for s in screen.record.steps) >= 1
        assert isinstance(app.screen, EndingScreen)
        record = app.screen.record
        ending = record.scenario.ending(record.state.ending)
        text = screen_text(app)
        assert ending.title in text and ending.result_for("union").upper() in text and "The Union Leader" in text
        assert "Every decision" in all_text(app) and "The Mayor" in all_text(app)  # both roles' decisions
        await app.workers.wait_for_complete()


async def test_hot_seat_hands_over_between_people_and_hides_the_previous_card():
    app = app_for("mayor", "friend")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        text = screen_text(app)
        assert "The Mayor's turn" in text and "Town funds" in text and "Strikers' resolve" not in text
        assert "Talk to the reporters first" in text
        await pilot.press("1")
        assert "Your move, The Mayor" in screen_text(app) and "Pass the keyboard" in screen_text(app)
        await pilot.press("space")
        assert isinstance(app.screen, HandOverScreen)
        text = screen_text(app)
        assert "The Union Leader's turn" in text and "Pass the keyboard, then press Enter" in text
        assert "The walkout" not in text and "reporters" not in text and "Town funds" not in text
        await pilot.press("enter")
        assert app.screen is screen and screen.reader == "union"
        text = screen_text(app)
        assert "The Mayor's move (a friend)" in text and "reporters first" in text
        assert "Town funds" not in text  # the union never sees the town's funds, nor their changes
        await pilot.press("space")
        text = screen_text(app)
        assert "The Union Leader's turn" in text and "Keep to the picket line" in text
        assert "Strikers' resolve" in text and "Town funds" not in text
        await pilot.press("1")
        await pilot.press("space")
        assert isinstance(app.screen, HandOverScreen) and "The Mayor's turn" in screen_text(app)


async def test_the_number_keys_count_the_options_the_player_sees():
    app = app_for("union", "random")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await pilot.press("space")  # read the mayor's move
        views = screen.record.options()
        assert [v.label for v in views] == ["March the members through the town", "Keep to the picket line"]
        assert views[1].index == 3 and "2 Keep to the picket line" in screen_text(app)
        await pilot.press("2")
        assert screen.record.steps[1].chosen.label == "Keep to the picket line"


async def test_a_two_sided_game_resumes_with_its_seats_and_the_same_state():
    app = app_for("union", "random", seed=8)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        while len(screen.record.steps) < 5 and isinstance(app.screen, GameScreen):
            await pilot.press("space" if screen.outcome is not None else "1")
            await pilot.pause()
        played = screen.record
    assert saves.latest_autosave().meta["seats"] == {"mayor": "random", "union": "person"}
    again = build_app(resume="")
    async with again.run_test(size=(100, 30)):
        restored = again.screen.record
        assert digest(restored.state) == digest(played.state) and restored.seats == played.seats
        assert "The Union Leader's" in screen_text(again)


def test_a_saved_two_sided_game_resumes_with_its_seats_and_the_same_state(tmp_path):
    sc = duel()
    played = Record.new(sc, "union", 5, Seats.against(sc, "union", "random"))
    for _ in range(3):
        if played.state.over:
            break
        played = played.play(played.options()[-1].index).play_bots()
    path = saves.write_save(tmp_path / "duel.json", played.log, save_meta(played, True))
    save = saves.read_save(path)
    assert save.meta["seats"] == {"mayor": "random", "union": "person"} and save.log.role == ""
    restored = Record.restore(sc, save.log, Seats.from_meta(sc, save.log.role, save.meta))
    assert digest(restored.state) == digest(played.state) and restored.seats == played.seats
    assert log_entries(restored, "union") == log_entries(played, "union")


def test_bots_choose_the_same_for_the_same_seed_and_position():
    sc = duel()
    games = [Record.new(sc, "union", 11, Seats.against(sc, "union", "random")) for _ in range(2)]
    for _ in range(3):
        games = [g.play(g.options()[0].index).play_bots() if not g.state.over else g for g in games]
    assert digest(games[0].state) == digest(games[1].state)


def test_hidden_meters_and_placeholders_are_per_reader():
    sc = duel()
    record = Record.new(sc, "mayor", 3, Seats.against(sc, "mayor", "friend"))
    assert set(meter_readings(record, "mayor")) == {"pay", "budget"}
    assert set(meter_readings(record, "union")) == {"pay", "fund"}
    assert card_shown(record.state, "mayor").text == "On 2 Mar 2026 pay stands at 50."


@pytest.mark.parametrize("chances, labels, ends, shown", [
    ((0.62, 0.38), ("the crowd holds", "arrested"), (), "62% the crowd holds / 38% arrested"),
    ((0.5, 0.5), ("", "arrested"), (None, "Lockout"), "50% otherwise / 50% arrested (ends the game: Lockout)"),
    ((1.0,), ("",), ("A deal is struck",), "certain (ends the game: A deal is struck)"),
    ((1.0,), ("signed",), (None,), "certain: signed"),
    ((0.6, 0.4), (), (), "60% / 40%"),
])
def test_odds_name_their_outcomes_and_mark_the_endings(chances, labels, ends, shown):
    assert odds_text(chances, labels, ends) == shown


def test_the_story_log_tells_the_world_events():
    sc = duel()
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "random"))
    while record.state.turn < 3 and not record.state.over:
        record = record.play(record.options()[-1].index).play_bots()
    assert any(body.startswith("The world: A storm — the docks flood. A storm hits the coast. Cranes topple in the wind.")
               for _h, body in log_entries(record, "union"))


def test_a_move_page_says_the_world_acted_after_it():
    """The meter panel adds the world's events to the move's changes: the move's own lines say the world acted and
    where it is told, since at 80x24 the events start below the fold."""
    from game.tui.views import outcome_shown

    sc = duel()
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "random"))
    while not record.state.over:
        record = record.play(record.options()[-1].index).play_bots()
    pages = [(outcome_shown(record, step, "union"), step) for step in record.steps]
    assert any(step.world for _page, step in pages), "the world never acted in this game"
    for page, step in pages:
        told = any("Then the world acted" in line for line in page.changes)
        assert told == bool(step.world), (step.world, page.changes)


def test_the_debrief_of_a_two_sided_game_has_both_roles_and_the_seats(tmp_path):
    import json

    from game.tui import debrief

    sc = duel()
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "random"))
    while not record.state.over:
        record = record.play(record.options()[-1].index).play_bots()
    md, data = debrief.export(record, tmp_path)
    body = json.loads(data.read_text())
    assert body["seats"] == {"mayor": "random", "union": "person"} and body["role"] == "union"
    assert {t["role"] for t in body["turns"]} == {"mayor", "union"}
    text = md.read_text()
    assert "--role union --opponent random" in text and "The Mayor, Round of talks" in text
    assert "- Role:" in text and "- Opponent: random" in text and body["hot_seat"] is False


def test_a_hot_seat_debrief_says_both_leaders_were_played_at_one_keyboard(tmp_path):
    # Play-test e1: "Role: Juan Guaidó… Opponent: friend" read as if one leader were the reader's.
    import json

    from game.tui import debrief

    sc = duel()
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "friend"))
    while not record.state.over:
        record = record.play(record.options()[-1].index)
    md, data = debrief.export(record, tmp_path)
    text = md.read_text()
    union, mayor = (f"{sc.role(r).name}, {sc.role(r).title}" if sc.role(r).title else sc.role(r).name
                    for r in ("union", "mayor"))
    assert "- Played by people taking turns at one keyboard: " in text and union in text and mayor in text
    assert "- Role:" not in text and "Opponent" not in text
    assert "--opponent friend --seed 3" in text  # the replay still takes the same command
    body = json.loads(data.read_text())
    assert body["hot_seat"] is True and set(body["seats"].values()) == {"person"}


def test_the_debrief_tells_the_worlds_events_with_their_placeholders_filled(tmp_path):
    """A world event's text may say {date} or {meter.X}: the debrief shows it as the game did, never raw."""
    import json
    from pathlib import Path

    from game.scenario import load
    from game.tui import debrief

    sc = load(Path(__file__).resolve().parents[1] / "data" / "valid2")
    assert any("{date}" in o.text for c in sc.cards if c.event for opt in c.options for o in opt.outcomes)
    told = 0
    for seed in range(1, 30):
        record = Record.new(sc, "rebel", seed, Seats.against(sc, "rebel", "random"))
        while not record.state.over:
            record = record.play(record.options()[-1].index).play_bots()
        md, data = debrief.export(record, tmp_path / str(seed))
        worlds = [w for t in json.loads(data.read_text())["turns"] for w in t["world"]]
        told += sum("It goes well on" in w["text"] for w in worlds)
        assert not any("{" in w["text"] or "{" in w["title"] for w in worlds), worlds
        assert "{date}" not in md.read_text() and "{meter." not in md.read_text()
    assert told, "the festival's placeholder text was never rolled"


async def test_a_resumed_hot_seat_game_opens_on_the_hand_over():
    async with app_for("mayor", "friend").run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
    again = build_app(resume="")
    async with again.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        assert isinstance(again.screen, HandOverScreen) and "The Union Leader's turn" in screen_text(again)
        await pilot.press("enter")
        assert "The Mayor's move (a friend)" in screen_text(again)


async def test_the_new_game_screen_offers_the_bots_and_a_friend_for_a_two_sided_scenario():
    from game.tui.screens.new_game import NewGameScreen

    app = build_app(scenario="tutorial", seed=5)
    async with app.run_test(size=(100, 30)) as pilot:
        form = app.screen
        await settle(pilot)  # the scenarios are read in a worker
        assert isinstance(form, NewGameScreen) and form.opponent == "adaptive"
        text = screen_text(app)
        assert "Opponent" in text and "adaptive  careful" in text and "A friend  on this keyboard" in text
        await pilot.press("down", "enter")  # the union leader, then on to the opponents
        while form.opponent != "friend":
            await pilot.press("down")
        await pilot.press("enter", "enter")  # pick the friend, then Start
        assert isinstance(app.screen, GameScreen)
        assert app.screen.record.seats.to_meta() == {"mayor": "person", "union": "person"}


def test_the_worlds_opening_events_are_the_ones_start_played():
    from game.engine import MeterChanged

    sc = duel_opening()
    record = Record.new(sc, "union", 1, Seats.against(sc, "union", "random"))
    opening = record.prologue
    assert opening is not None and opening.world
    meters = list(opening.meters_before)
    for change in (e for w in opening.world for e in w.events if isinstance(e, MeterChanged)):
        i = sc.meter_index(change.meter)
        assert meters[i] == change.before
        meters[i] = change.after
    assert tuple(meters) == record.first.meters
    assert log_entries(record, "union")[0][1].startswith("The world: ")


async def test_a_game_opens_on_the_worlds_first_events():
    from game.tui.opening import Opening

    sc = duel_opening()
    record = Record.new(sc, "mayor", 1, Seats.against(sc, "mayor", "random"))
    app = CrisisApp(Opening(record=record, odds=True))
    async with app.run_test(size=(100, 30)) as pilot:
        text = screen_text(app)
        assert "The world's move" in text and "before anyone moves" in text and "The world, 2 Mar 2026: A storm" in text
        await pilot.press("space")
        assert app.screen.outcome is None and "Round of talks" in screen_text(app)
