"""What two newcomers tripped over in ten whole games at 80x24 and 120x40 (issue 9, second round)."""

from __future__ import annotations

import pytest

from game.tui.app import build_app
from game.tui.screens.game import GameScreen
from game.tui.widgets.outcome_view import OutcomeView, PageBody

from .play import opened, screen_text


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_enter_never_leaves_a_page_with_text_below_the_fold(size):
    """At 120x40 'Then the world acted: 2 events, told below.' was followed by events nobody saw: Enter moved on.
    Now Enter (and Space) read on a page at a time while some of it is unread, and the button and the footer say
    so; only on a page read to its end does the key move on."""
    app = build_app(scenario="venezuela-2019", role="guaido", opponent="historical", seed=3)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        screen = app.screen
        scrolled = 0
        for _ in range(60):
            if not isinstance(app.screen, GameScreen):
                break
            if screen.outcome is None:
                await pilot.press("1")
                await pilot.pause()
                continue
            body = screen.query_one(PageBody)
            page, unread = screen.outcome, body.scroll_y < body.max_scroll_y
            text = screen_text(app)
            if unread:
                assert "Read on" in text.splitlines()[-1] and "Read on ↓  (Enter)" in text
                assert "Next  (Enter)" not in text
            else:
                assert "Read on" not in text
            await pilot.press("enter")
            await pilot.pause()
            if unread:
                assert screen.outcome is page, "Enter left a page with text below the fold"
                scrolled += 1
        assert scrolled, "no page was longer than the screen: the test proved nothing"


async def test_the_view_reads_on_before_it_lets_the_page_go():
    app = build_app(scenario="venezuela-2019", role="guaido", opponent="historical", seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        view = app.screen.query_one(OutcomeView)
        while app.screen.outcome is None:
            await pilot.press("1")
            await pilot.pause()
        body = view.query_one(PageBody)
        while body.scroll_y < body.max_scroll_y:
            before = body.scroll_y
            assert view.read_on()
            await pilot.pause()
            assert body.scroll_y > before
        assert not view.read_on()


def _step_of(record, label):
    return record.play(next(v.index for v in record.options() if v.label == label))


def test_a_label_with_brackets_is_quoted_in_the_roll_not_bracketed_again():
    # 'This result (officers pass it around (as in 2019)) needed 0 to 92'
    from game.engine import OptionChosen, OptionView, OutcomeRolled, Turn
    from game.tui.record import Step
    from game.tui.views import roll_text

    view = OptionView(0, "gamble", True, "", (0.92, 0.08), False, ("officers pass it around (as in 2019)", ""))
    turn = Turn(None, (OptionChosen(1, "c", 0, "gamble"),
                       OutcomeRolled(1, "c", 0, 0, 0.92, 0.5, "", label="officers pass it around (as in 2019)")))
    said = roll_text(Step(None, (view,), turn))
    assert said == ("Rolled 50.0 out of 100. The result “officers pass it around (as in 2019)” needed 0 to 92:"
                    " a 92% chance.")


def test_a_world_event_is_dated_once():
    # 'The world, 13 Jan 2019: Stopped on the motorway — 13 Jan 2019. Intelligence agents ...'
    from game.scenario import load, resolve_scenario
    from game.tui.record import Record
    from game.tui.seats import Seats
    from game.tui.views import log_entries, outcome_shown

    sc = load(resolve_scenario("venezuela-2019"))
    record = Record.new(sc, "guaido", 3, Seats.against(sc, "guaido", "historical")).play_bots()
    for _ in range(4):
        record = record.play(next(v.index for v in record.options() if v.available)).play_bots()
    pages = [outcome_shown(record, step, "guaido") for step in record.steps]
    worlds = [w for page in pages for w in page.world if w.heading.startswith("The world, ")]
    assert worlds, "no world event in four turns: the test proved nothing"
    for w in worlds:
        day = w.heading.removeprefix("The world, ").split(":")[0]
        assert f"{w.heading} {w.text}".count(day) == 1, w
    for heading, body in log_entries(record, "guaido"):
        if heading.endswith("the world"):
            day = heading.split(" · ")[1]
            assert day not in body, (heading, body)


def test_the_ending_lists_a_decision_by_the_result_that_came_not_a_roll():
    # '(odds 80% … / 20% …, got 80%)' read like a roll of 80.
    from game.i18n import _

    assert "got" not in _("odds {odds}; the {chance} result came")
    assert _("odds {odds}; the {chance} result came").format(odds="80% a / 20% b", chance="80%") == \
        "odds 80% a / 20% b; the 80% result came"


@pytest.mark.parametrize("lang, yes, no", [("en", "y", "n"), ("es", "s", "n")])
async def test_the_quit_dialog_answers_to_its_letters_shown_on_its_buttons(lang, yes, no, monkeypatch):
    # The quit dialog ignored y and n: a newcomer typed y and nothing happened.
    from game import i18n
    from game.tui.screens.confirm import ConfirmScreen
    from game.tui.screens.title import TitleScreen

    monkeypatch.setenv("CRISIS_LANG", lang)
    i18n.set_language(lang)
    try:
        app = build_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("escape")
            assert isinstance(app.screen, ConfirmScreen)
            text = screen_text(app)
            assert f"({yes})" in text and f"({no})" in text
            await pilot.press(no)
            assert isinstance(app.screen, TitleScreen) and app.return_code is None
            await pilot.press("escape", yes)
        assert app.return_code == 0
    finally:
        i18n.set_language("en")


async def test_a_number_with_no_option_says_so():
    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:  # the toast is how the player is told
        await opened(pilot)
        count = len(app.screen.record.options())
        await pilot.press(str(count + 1))
        await pilot.pause()
        assert app.screen.outcome is None
        assert f"There is no option {count + 1}" in " ".join(screen_text(app).split())


def test_the_log_numbers_a_world_event_as_its_page_did_and_keeps_the_odds_and_the_roll():
    # The log labelled a 4 Mar event 'Turn 9' while play showed it on turn 8's pages (the header's turn), and
    # left out the odds and the roll the pages had shown.
    from game.tui.record import Record
    from game.tui.seats import Seats
    from game.tui.views import CERTAIN, log_entries

    from .duel import duel

    sc = duel()
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "random")).play_bots()
    while not record.state.over and len(record.steps) < 6:
        record = record.play(next(v.index for v in record.options() if v.available)).play_bots()
    entries = log_entries(record, "union", odds=True)
    world = [heading for heading, _body in entries if heading.endswith("the world")]
    followed = [step.before.turn for step in record.steps for h in step.happened if not getattr(h, "passed", False)
                and hasattr(h, "drawn")]
    assert world and [int(h.split(" · ")[0].removeprefix("Turn ")) for h in world] == followed
    rolled = [s for s in record.steps if s.rolled.probability < CERTAIN]
    assert rolled, "no move was rolled: the test proved nothing"
    bodies = " ".join(body for _h, body in entries)
    assert bodies.count("; rolled ") == len(rolled) and ". Odds " in bodies
    assert "rolled" not in " ".join(body for _h, body in log_entries(record, "union"))  # --no-odds: no roll


@pytest.mark.parametrize("lang", ["es", "en"])
async def test_a_card_with_many_options_keeps_its_text_readable_at_80x24(lang, monkeypatch):
    # The Spanish Maduro's cards of long options left their text two lines at 80x24.
    from game import i18n

    monkeypatch.setenv("CRISIS_LANG", lang)
    i18n.set_language(lang)
    try:
        app = build_app(scenario="venezuela-2019", role="maduro", opponent="historical", seed=3)
        async with app.run_test(size=(80, 24)) as pilot:
            await opened(pilot)
            screen, cards, most = app.screen, 0, 0
            for _ in range(40):
                if not isinstance(app.screen, GameScreen) or cards >= 6:
                    break
                if screen.outcome is None:
                    await pilot.pause()
                    pane, story = screen.query_one("#card-scroll"), screen.query_one("#card-text")
                    most = max(most, len(screen.record.options()))
                    seen = pane.region.intersection(story.region).height  # the story's lines in view
                    assert seen >= min(4, story.region.height), (cards, seen)
                    cards += 1
                    await pilot.press("1")
                else:
                    await pilot.press("end", "enter")
                await pilot.pause()
            assert cards >= 3 and most >= 3
    finally:
        i18n.set_language("en")


async def test_a_certain_options_moves_take_the_room_the_card_has():
    # The one-line limit on a certain option's moves was the 80-column one at every width: cut to '…' at 120
    # and 160 columns, where the line had room for them all.
    from game.tui.views import MOVES_WIDTH, choices_shown

    app = build_app(scenario="venezuela-2019", role="maduro", opponent="historical", seed=3)
    async with app.run_test(size=(160, 50)) as pilot:
        await opened(pilot)
        screen = app.screen
        while screen.outcome is not None:
            await pilot.press("end", "enter")
            await pilot.pause()
        room = screen.moves_room
        assert room > MOVES_WIDTH + 20
        narrow = choices_shown(screen.record.options(), screen.record.state, "maduro", screen.names)
        wide = screen.choices
        cut = [(a.odds, b.odds) for a, b in zip(narrow, wide) if a.odds.endswith("…")]
        assert cut, "no certain option was cut at 80 columns: the test proved nothing"
        for short, whole in cut:
            assert not whole.endswith("…") and len(whole) > len(short), (short, whole)
            assert whole in " ".join(screen_text(app).split()) or len(whole) > room


@pytest.mark.parametrize("ends, rows, labels", [
    ([100, 100, 40], 20, [("C", 40), ("A,B", 100)]),  # A under B at 100: one label names both
    ([100, 97, 40], 20, [("C", 40), ("A,B", 97)]),  # within a row of each other (100/19 a row)
    ([100, 80, 40], 20, [("C", 40), ("B", 80), ("A", 100)]),
])
def test_lines_ending_together_share_one_label_and_every_line_has_its_own_glyph(ends, rows, labels):
    # At 80 columns the chart hid a line's letter where lines met, and its braille lines looked alike without colour.
    from game.tui.widgets.meter_chart import KEY_GLYPHS, MARKERS, end_labels

    assert end_labels(ends, 0, 100, rows) == labels
    assert len(set(MARKERS)) == len(MARKERS) and len(set(KEY_GLYPHS)) == len(KEY_GLYPHS)


def test_what_settled_the_game_names_a_meter_as_the_panel_beside():
    from game.engine.explain import Term
    from game.scenario import load, resolve_scenario
    from game.tui.settled import term_text

    sc = load(resolve_scenario("venezuela-2019"))
    meter = next(m for m in sc.meters if m.short and m.short.casefold() not in m.label.casefold())
    term = Term("meter", "<=", 45, 31, meter.id)
    assert term_text(sc, term, names={meter.id: meter.short}) == f"{meter.short} 31 (45 or less)"


def test_a_card_is_dated_once():
    # 'A call from Moscow / 4 Feb 2019 historical / 4 Feb 2019. The day after Washington ...'
    from game.scenario import load, resolve_scenario
    from game.tui.record import Record
    from game.tui.seats import Seats
    from game.tui.views import card_shown

    sc = load(resolve_scenario("venezuela-2019"))
    record = Record.new(sc, "maduro", 11, Seats.against(sc, "maduro", "greedy")).play_bots()
    checked = 0
    for _ in range(8):
        card = card_shown(record.state, "maduro")
        assert not card.text.startswith(card.date), card.text[:40]
        checked += sc.card(record.state.current_card.id).text_for("maduro").startswith("{date}")
        record = record.play(next(v.index for v in record.options() if v.available)).play_bots()
    assert checked, "no card opened with its date: the test proved nothing"


async def test_a_number_on_an_outcome_page_says_what_goes_on():
    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await opened(pilot)
        await pilot.press("1")
        await pilot.pause()
        page = app.screen.outcome
        assert page is not None
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.outcome is page
        assert "Space or Enter goes on." in " ".join(screen_text(app).split())  # the toast, over the meters


async def test_behind_the_story_log_the_footer_offers_no_numbers():
    """At 80x24 the log takes the card's place and the numbers are ignored: the footer said "1-9 Choose"."""
    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        footer = lambda: screen_text(app).splitlines()[-1]  # noqa: E731
        assert "Choose" in footer()
        await pilot.press("l")
        await pilot.pause()
        assert "Choose" not in footer() and "Next" not in footer() and "Log" in footer()
        await pilot.press("l")
        await pilot.pause()
        assert "Choose" in footer()


async def test_a_notice_about_a_page_goes_with_the_page():
    """"No card to choose from on this page" stayed on the next card, over the meter panel's last rows."""
    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await opened(pilot)
        await pilot.press("1")
        await pilot.pause()
        assert app.screen.outcome is not None
        await pilot.press("1")
        await pilot.pause()
        assert "No card to choose" in screen_text(app)
        while app.screen.outcome is not None:
            await pilot.press("space")
            await pilot.pause()
        assert "No card to choose" not in screen_text(app)


async def test_a_notice_about_a_page_goes_with_it_and_leaves_the_others_up():
    """Taking down the page's warning took down every toast with it: 'Saved as ...' went too."""
    app = build_app(scenario="strike", role="mayor", seed=3)
    app.NOTIFICATION_TIMEOUT = 600  # up until taken down: the test does not race the clock
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await opened(pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # the name it suggests
        await pilot.pause()
        assert "Saved as '" in " ".join(screen_text(app).split())
        await pilot.press("9")  # no option 9 on the card: a warning about this page
        await pilot.pause()
        assert "There is no option 9" in " ".join(screen_text(app).split())
        await pilot.press("1")
        await pilot.pause()
        assert app.screen.outcome is not None
        shown = " ".join(screen_text(app).split())
        assert "There is no option 9" not in shown and "Saved as '" in shown
