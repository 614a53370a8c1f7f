"""The ending: the chart of the meters with both leaders' turning decisions, the bot games played on from
them (and stopped when the player quits), and a debrief written once however often `e` is pressed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import threading

import pytest
from textual.worker import WorkerState

from game import paths
from game.scenario import load, resolve_scenario
from game.sim.runner import continuations
from game.tui import debrief, turning
from game.tui.app import CrisisApp, build_app
from game.tui.opening import Opening
from game.tui.record import Record
from game.tui.screens import ending
from game.tui.screens.ending import EndingScreen, chart_pages
from game.tui.seats import Seats

from .duel import duel
from .play import opened, play_to_the_end, screen_text


def finished(scenario, role: str, opponent: str, seed: int = 3) -> Record:
    record = Record.new(scenario, role, seed, Seats.against(scenario, role, opponent))
    while not record.state.over:
        record = record.play(next(v.index for v in record.options() if v.available)).play_bots()
    return record


def test_exporting_one_game_twice_writes_one_debrief(tmp_path):
    # Bug 12: every `e` wrote another pair of files, a second apart.
    record = finished(load(resolve_scenario("tutorial")), "union", "greedy")
    first = debrief.export(record, tmp_path, now=dt.datetime(2026, 3, 2, 9, 30))
    assert debrief.already_written(record, tmp_path) == first
    again = debrief.export(record, tmp_path, now=dt.datetime(2026, 3, 2, 9, 31))
    assert again == first and sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in first)
    other = finished(load(resolve_scenario("tutorial")), "union", "greedy", seed=4)
    assert debrief.already_written(other, tmp_path) is None  # another game is another debrief


async def test_the_second_e_says_where_the_debrief_already_is():
    app = build_app(scenario="tutorial", role="union", opponent="greedy", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        await play_to_the_end(pilot)
        assert isinstance(app.screen, EndingScreen)
        await pilot.press("e")
        await pilot.pause()
        written = sorted(p.name for p in paths.exports().iterdir())
        assert len(written) == 2 and "Debrief written to" in screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        assert sorted(p.name for p in paths.exports().iterdir()) == written
        text = screen_text(app).replace("\n", "")
        assert "already in" in text and written[1] in text
        await app.workers.wait_for_complete()


async def test_at_80x24_the_player_can_read_where_the_debrief_went(tmp_path, monkeypatch):
    # Play-test e1: a toast over the ending's foot cut the path, "Debrief written to /tmp/e1/home/debri▌".
    home = tmp_path / "a-rather-long-folder-name-for-a-home" / "crisis-data"
    monkeypatch.setenv("CRISIS_HOME", str(home))
    app = build_app(scenario="tutorial", role="union", opponent="greedy", seed=3)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await play_to_the_end(pilot)
        await pilot.press("e")
        await pilot.pause()
        written = sorted(paths.exports().iterdir())
        assert len(written) == 2
        rows = screen_text(app).splitlines()
        for path in written:
            assert any(row.strip() == path.name for row in rows), rows
        said = "".join(row.rstrip(" ▁▂▃▄▅▆▇█").strip() for row in rows)  # without the scrollbar's thumb
        assert f"Debrief written to{written[0].parent}{os.sep}" in said
        assert not app.screen.query("Toast")  # nothing drawn over the lines that say it
        await app.workers.wait_for_complete()


async def test_quitting_while_the_bot_games_run_stops_them(monkeypatch):
    # Games played on that would take hours unless the worker sees the cancellation and stops.
    looked, stopped, returned = threading.Event(), threading.Event(), threading.Event()
    real = turning.games_ending_alike

    def endless(record, n, stop, runs=turning.CONTINUATIONS):
        def watched() -> bool:
            looked.set()
            if stop():
                stopped.set()
                return True
            return False
        try:
            return real(record, n, watched, runs=10**9)
        finally:
            returned.set()

    monkeypatch.setattr(ending, "games_ending_alike", endless)
    app = build_app(scenario="tutorial", role="union", opponent="greedy", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        await play_to_the_end(pilot)
        assert isinstance(app.screen, EndingScreen)
        (worker,) = [w for w in app.workers if w.name == "how_else_it_could_end"]
        while not looked.is_set():  # the bot games are under way
            await pilot.pause()
        await pilot.press("q", "y")
    assert app.return_code == 0 and worker.state == WorkerState.CANCELLED
    # A generous guard against a hang, not a measure of speed: it returns within BATCH games.
    assert returned.wait(60) and stopped.is_set()


def test_the_bot_games_are_the_continuations_of_the_simulator():
    record = finished(load(resolve_scenario("tutorial")), "union", "greedy")
    for n in turning.key_steps(record):
        runner = continuations(record.steps[n].before, runs=40, seed=n, role="union")
        assert turning.games_ending_alike(record, n, runs=40) == runner.tally.endings.get(record.state.ending, 0)


def test_the_turning_points_are_both_leaders_decisions():
    sc = load(resolve_scenario("venezuela-2019"))
    record = finished(sc, "guaido", "greedy")
    roles = {record.steps[n].role for n in turning.turning_points(record)}
    assert roles == set(sc.order)
    marks = chart_pages(record, "guaido")[0].marks
    assert {m.side for m in marks} == {0, 1} and all(m.text.startswith("Turn ") for m in marks)


@pytest.mark.parametrize("opponent, hidden", [("random", True), ("friend", False)])
def test_the_chart_keeps_hidden_meters_hidden_in_a_bot_game(opponent, hidden):
    sc = duel()
    record = finished(sc, "union", opponent)
    reader = "union" if opponent != "friend" else None
    labels = {s.label for page in chart_pages(record, reader) for s in page.series}
    assert ("Town budget" not in labels) == hidden and "Pay" in labels and "Strike fund" in labels


async def test_a_bot_games_ending_never_shows_a_meter_hidden_from_the_player():
    app = build_app(scenario="tutorial", role="union", opponent="greedy", seed=3)
    async with app.run_test(size=(120, 40)) as pilot:
        await play_to_the_end(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Town funds" not in screen_text(app)
        await pilot.press("m")  # the chart
        text = screen_text(app)
        assert "Every meter you can see" in text and "Strikers' resolve" in text and "Town funds" not in text


async def test_the_meters_of_a_large_scenario_come_a_page_at_a_time():
    sc = load(resolve_scenario("venezuela-2019"))
    record = finished(sc, "guaido", "greedy")
    pages = chart_pages(record, "guaido")
    seen = [s.label for p in pages for s in p.series]
    assert sorted(seen) == sorted(m.label for m in sc.meters if m.visible_to("guaido")) and len(pages) > 1
    app = CrisisApp(Opening(record=record))  # a finished game opens on its ending, as a resumed one does
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, EndingScreen) and "page 1 of" not in screen_text(app)  # the decisions come first
        await pilot.press("m")  # brings the chart into view
        assert "page 1 of" in screen_text(app)
        await pilot.press("m")  # then turns its pages
        assert "page 2 of" in screen_text(app) and "Lima Group" not in screen_text(app).split("page 2 of")[0]
        screen.workers.cancel_all()


def test_the_debrief_has_both_roles_the_seats_and_historys_options():
    sc = load(resolve_scenario("tutorial"))
    record = finished(sc, "union", "random")
    data = debrief.as_data(record)
    assert {t["role"] for t in data["turns"]} == set(sc.order)
    assert {t["seat"] for t in data["turns"]} == {"person", "random"}
    assert all(t["historical_choice"] == any(o["historical"] and o["index"] == t["choice"] for o in t["options"])
               for t in data["turns"])
    assert any(o["historical"] for t in data["turns"] for o in t["options"])
    assert {t["role"] for t in data["turns"] if t["turning_point"]} == set(sc.order)
    md = debrief.as_markdown(record)
    assert "history's choice" in md and "played by a bot (random)" in md and "played by a person" in md
    # Play-test e1: a bare "historical" / "what if" meant nothing to a first-time reader; and a historical card
    # says when it happened (the walkout, on turn 1, by its `happened`), since its game date need not be that day.
    assert "*historical: this happened on 2 Mar 2026*" in md
    json.dumps(data)


def test_the_debrief_has_the_worlds_opening_events():
    # The duel with its storm moved to the first turn: it strikes before anyone's first move.
    sc = duel()
    sc = dataclasses.replace(sc, cards=tuple(dataclasses.replace(c, fixed_turn=1) if c.event else c for c in sc.cards))
    record = finished(sc, "union", "random")
    assert record.prologue is not None
    data = debrief.as_data(record)
    assert data["opening"] == [{"turn": 1, "date": "2026-03-02", "card": "storm", "title": "A storm", "outcome": 0,
                                "label": "the docks flood", "text": "Cranes topple in the wind.",
                                "meters": [{"meter": "budget", "before": 60, "after": 56}]}]
    md = debrief.as_markdown(record)
    assert "## Before the first move" in md and "A storm — the docks flood. A storm hits the coast. Cranes topple in the wind." in md and "Town budget: 60 → 56" in md


SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_chart_at(snap_compare, size):
    async def to_the_chart(pilot):
        await play_to_the_end(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        chart = pilot.app.screen.query_one("#meter-chart")
        chart.scroll_visible(top=True, animate=False)
        await pilot.pause()

    assert snap_compare(build_app(scenario="tutorial", role="union", opponent="greedy", seed=3), terminal_size=size,
                        run_before=to_the_chart)


def test_a_certain_choice_reads_certain_in_the_list_of_decisions():
    """Nothing was rolled for an option with one result: the list says so, not "odds certain, got 100%"."""
    sc = duel()
    record = finished(sc, "union", "random")
    text = ending.decisions(record, [], "union").plain
    certain = [s for s in record.steps if s.rolled.probability >= 0.9995]
    assert certain, "the game had no certain choice"
    assert "got 100" not in text and "odds certain" not in text and "  certain" in text


def test_the_list_of_decisions_says_the_share_the_odds_gave_the_result():
    """A play-tester read '(odds 63% a couple of governments wait / 37% the lobbying backfires, got 38%)': the
    result's chance was rounded on its own while the odds share out whole percents. 'got' is the odds' share."""
    from game.tui.views import shares

    games = [(finished(load(resolve_scenario(name)), role, "random", seed), role)
             for name, role in (("tutorial", "union"), ("venezuela-2019", "guaido")) for seed in range(1, 9)]
    rolled = [(r, role, n, s) for r, role in games for n, s in enumerate(r.steps) if s.rolled.probability < 0.9995]
    assert any(f"{s.rolled.probability * 100:.0f}%" != shares(s.view.chances)[s.rolled.outcome]
               for *_, s in rolled), "no roll whose chance rounds apart from its share: the test shows nothing"
    for record, role, n, step in rolled:
        line = ending.decisions(record, [], role).plain.splitlines()[n]
        assert line.count(" came, ") == 1  # not 'got 80%', which reads like a roll
        got = line.split(" came, ")[1].split("  ")[0]  # up to the turning point's mark
        assert got == shares(step.view.chances)[step.rolled.outcome], line


def test_the_list_of_decisions_names_the_result_that_came():
    """'the 50% result came' did not say which when both results were 50%: the result is named."""
    games = [(finished(load(resolve_scenario("venezuela-2019")), "guaido", "random", seed), "guaido")
             for seed in range(1, 9)]
    rolled = [(r, role, n, s) for r, role in games for n, s in enumerate(r.steps)
              if s.rolled.probability < 0.9995 and s.rolled.label]
    assert rolled, "no labelled roll: the test shows nothing"
    for record, role, n, step in rolled:
        line = ending.decisions(record, [], role).plain.splitlines()[n]
        assert f"; “{ending.quotable(step.rolled.label)}” came, " in line, line


async def test_q_on_the_ending_asks_first_as_help_says():
    """A newcomer pressed q on the ending and crisis closed at once, while help says "q asks first"."""
    from game.tui.screens.confirm import ConfirmScreen

    app = build_app(scenario="tutorial", role="union", opponent="greedy", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        await play_to_the_end(pilot)
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, EndingScreen) and app.is_running


async def test_the_ending_screen_asks_its_host_for_a_new_game_or_the_title():
    # The ending screen stands alone: `n` and `t` post what the player asked for, and whatever app shows the
    # screen decides where that leads (it called the crisis app's own methods by name, so no other host worked).
    from textual.app import App

    asked = []

    class Host(App):
        def on_mount(self) -> None:
            self.push_screen(EndingScreen(finished(load(resolve_scenario("tutorial")), "union", "greedy")))

        def on_ending_screen_again(self, message: EndingScreen.Again) -> None:
            asked.append(("again", message.scenario))

        def on_ending_screen_leave(self) -> None:
            asked.append(("title",))

    app = Host()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.press("t")
        await pilot.pause()
        assert asked == [("again", "tutorial"), ("title",)]
        app.screen.workers.cancel_all()


@pytest.mark.parametrize("key, screen", [("n", "NewGameScreen"), ("t", "TitleScreen")])
async def test_from_the_ending_n_opens_a_new_game_and_t_the_title(key, screen):
    app = build_app(scenario="tutorial", role="union", opponent="greedy", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        await play_to_the_end(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert type(app.screen).__name__ == screen


async def test_the_debriefs_path_stays_in_view_when_the_bot_games_finish_after_it(monkeypatch):
    # Play-test at 80x24: `e` pressed while the bot games still ran showed the path, then each count's words
    # lengthened the list of decisions above it and pushed it below the screen.
    release = threading.Event()
    real = ending.games_ending_alike

    def slow(*args, **kwargs):
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(ending, "games_ending_alike", slow)
    app = build_app(scenario="tutorial", role="union", opponent="greedy", seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await play_to_the_end(pilot)
        await pilot.press("e")
        await pilot.pause()
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        written = sorted(p.name for p in paths.exports().iterdir())
        rows = [row.strip() for row in screen_text(app).splitlines()]
        assert all(name in rows for name in written), rows


def test_the_ending_and_the_debrief_name_meters_by_their_full_labels(tmp_path):
    """The list of decisions and the debrief said "▲ China loans", a `short:` name play never showed."""
    sc = load(resolve_scenario("venezuela-2019"))
    shorts = [m.short for m in sc.meters if m.short and m.short not in m.label and m.short not in m.label.lower()]
    assert "China loans" in shorts
    seen = False
    for seed in range(1, 9):
        record = finished(sc, "maduro", "random", seed)
        text = ending.decisions(record, [], "maduro").plain
        md, _data = debrief.export(record, tmp_path / str(seed))
        written = md.read_text(encoding="utf-8")
        for short in shorts:
            assert f"▲ {short}" not in text and f"▼ {short}" not in text, short
            assert f"▲ {short}" not in written and f"▼ {short}" not in written, short
        seen = seen or any(f"▲ {m.label}" in text or f"▼ {m.label}" in text for m in sc.meters if m.short)
    assert seen, "no meter named in the list: the test shows nothing"


def deepest(text: str) -> int:
    """How deep brackets go in `text`: 1 for '(a) (b)', 2 for '(a (b))'."""
    depth = most = 0
    for char in text:
        depth += (char in "([") - (char in ")]")
        most = max(most, depth)
    return most


@pytest.mark.parametrize("name", ["tutorial", "venezuela-2019"])
def test_no_odds_put_a_bracket_inside_a_bracket(name):
    """'(odds 38% arrested (ends the game: ...))' and '42% cargoes head east (as in 2019)' inside the ending's
    brackets: the odds told in a sentence quote each label, as the outcome pages do, and are not bracketed."""
    from game.engine import options, start
    from game.tui.views import log_entries, option_odds

    sc = load(resolve_scenario(name))
    first = start(sc, None, 1)
    scanned = 0
    for index, card in enumerate(sc.cards):
        for role in sorted(card.roles) if sc.two_sided else [first.role]:
            state = dataclasses.replace(first, role=role, card=index)
            for view in options(state):
                odds = option_odds(view, state, role, quote=True)
                assert deepest(odds) <= 1, (card.id, odds)
                scanned += "(" in odds
    assert scanned, "no odds with a bracket: the test shows nothing"
    record = finished(sc, sc.order[0], "random")
    lines = ending.decisions(record, [], sc.order[0]).plain.splitlines()
    lines += [row for row in debrief.as_markdown(record).splitlines() if row.startswith("| ")]  # its odds' table
    lines += [body for _h, body in log_entries(record, sc.order[0], odds=True)]
    assert all(deepest(line) <= 1 for line in lines if "%" in line), [line for line in lines if deepest(line) > 1]
