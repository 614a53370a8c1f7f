"""The game screen as a first-time player read it (issue 9): the meters' changes say what they are measured from,
and agree with the pages read."""

from __future__ import annotations

import pytest

from game.tui.app import build_app
from game.tui.screens.game import GameScreen

from .play import opened, screen_text


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_the_change_beside_each_meter_says_from_when_and_adds_up_the_pages_read(size):
    app = build_app(scenario="venezuela-2019", role="maduro", opponent="adaptive", seed=5)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        screen = app.screen
        pages: list[dict[str, int]] = []
        cards, last = 0, None
        while isinstance(app.screen, GameScreen) and cards < 4:
            text = screen_text(app)
            if screen.outcome is not None:
                # A page: the changes beside the meters are this page's, as its text tells them.
                assert "▲▼ on this page" in text
                if screen.outcome is not last:  # Space reads on down a long page before it turns it
                    pages.append({m: r.delta for m, r in screen.readings.items()})
                    last = screen.outcome
                await pilot.press("space")
            else:
                if screen.record.steps and any(s.role == "maduro" for s in screen.record.steps):
                    assert "▲▼ since your last card" in text
                    # Since the last card: the sum of every page read since, meter by meter.
                    for m, reading in screen.readings.items():
                        assert reading.delta == sum(p[m] for p in pages), m
                elif screen.record.steps:
                    assert "▲▼ since the game began" in text
                pages = []
                cards += 1
                await pilot.press("1")
            await pilot.pause()
        assert cards == 4


async def test_a_one_role_games_first_card_has_no_changes_to_measure():
    app = build_app(scenario="strike", role="mayor", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        assert "▲▼" not in screen_text(app)
        await pilot.press("1", "space")
        await pilot.pause()
        assert "▲▼ since your last card" in screen_text(app)


@pytest.mark.parametrize("name", ["help.md", "help.es.md"])
def test_how_to_play_claims_no_hidden_meters_where_both_sides_see_them_all(name):
    from game import paths
    from game.scenario import installed, load

    text = " ".join((paths.assets() / name).read_text(encoding="utf-8").split())
    for folder in installed():
        scenario = load(folder)
        if not scenario.two_sided:
            continue
        seen = {r.id: {m.id for m in scenario.meters if m.visible_to(r.id)} for r in scenario.roles}
        if len({frozenset(s) for s in seen.values()}) == 1:  # both sides see the same meters (Venezuela)
            assert "only its own meters" not in text and "solo sus propios indicadores" not in text, folder.name
    # What is true of every scenario: a side sees what its role may see, and the arrows say which way it wants each.
    assert {"help.md": "the meters its role may see", "help.es.md": "los indicadores que su papel puede ver"}[name] \
        in text


async def test_an_option_that_ends_the_game_says_what_that_ending_means_for_whoever_chooses():
    from game.tui.app import CrisisApp
    from game.tui.opening import Opening
    from game.tui.record import Record
    from game.tui.seats import Seats
    from game.tui.views import choices_shown, outcome_shown

    from .duel import duel

    sc = duel()
    record = Record.new(sc, "union", 3, Seats.against(sc, "union", "random")).play_bots()
    assert record.state.role == "union"

    app = CrisisApp(Opening(record=record, odds=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        if app.screen.outcome is not None:  # the mayor's move first
            await pilot.press("space")
            await pilot.pause()
        text = " ".join(screen_text(app).split())
        # The union's strike may end in the lockout: a loss for the union, who is choosing.
        assert "(ends the game: Lockout, a loss for you)" in text
    # Read by the other side (the mayor, facing a union bot), the same move says what the ending means for the
    # reader (issue 9 r2: Guaidó read "a draw for Nicolás Maduro" and had to work out what it meant for him).
    after = record.play(next(v.index for v in record.options() if v.label == "Call a strike"))
    page = outcome_shown(after, after.steps[-1], "mayor")
    assert "Lockout, a win for you" in page.odds and "Union Leader" not in page.odds
    assert "a loss for you" in choices_shown(record.options(), record.state, "union")[0].odds


async def test_a_cards_options_show_whole_when_the_card_comes_back_from_under_an_outcome():
    # The game hides the card under each outcome and shows it again with the next card's options. After a card
    # whose options needed a scrollbar, the next card's were measured with that scrollbar and laid out without
    # it: its last option's odds were cut off ("probabilidad 85 % miles marchan con"), empty rows below.
    from pathlib import Path

    from textual.app import App

    from game.tui.views import CardShown, ChoiceShown
    from game.tui.widgets.card_view import CardView

    class Host(App):
        CSS_PATH = str(Path(__file__).parents[2] / "game" / "tui" / "app.tcss")

        def compose(self):
            yield CardView(id="card")

    words = "thousands march with candles through the dark streets of the capital while police watch".split()

    def option(n: int, label: list[str], odds: str) -> ChoiceShown:
        return ChoiceShown(n, n - 1, " ".join(label), True, "", odds)

    app = Host()
    cut = []
    async with app.run_test(size=(60, 30)) as pilot:
        view = app.query_one(CardView)
        view.card = CardShown("A blackout", "11 Mar 2019", "The country is dark. " * 8, True, "", "this happened")
        for extra in range(36):  # labels and odds of every length around a line's width
            view.choices = tuple(option(k, words * 3, "50% yes / 50% no") for k in range(1, 6))  # a scrollbar
            await pilot.pause()
            view.display = False  # an outcome on show
            await pilot.pause()
            odds = "85% thousands march " + "with candles " * (extra // 3) + "THE END"
            view.choices = (option(1, ["Declare", "an", "emergency"], "certain"), option(2, words[:4 + extra % 9], odds))
            view.display = True
            await pilot.pause()
            await pilot.pause()
            text = " ".join(screen_text(app).split())
            scrolled = view.query_one("#options").max_scroll_y  # two short options need no scrolling
            if "THE END" not in text or "The country is dark. The country is dark." not in text or scrolled:
                cut.append(extra)
    assert cut == []
