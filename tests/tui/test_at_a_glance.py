"""What a first-time player must read at a glance, at every supported size and in both languages (issue 9): what
a card's historical / what-if tag means, the header's role and date, each meter's name in its short label."""

from __future__ import annotations

from dataclasses import replace

import pytest

from game import i18n
from game.engine.model import happened_text
from game.i18n import _
from game.tui.app import build_app

from .play import opened, screen_text

SIZES = [(80, 24), (100, 30), (120, 40), (160, 50)]
IDS = ["80x24", "100x30", "120x40", "160x50"]


async def a_game(pilot):
    """The game screen with its first card on show (the pages before it read)."""
    await opened(pilot)
    screen = pilot.app.screen
    while screen.outcome is not None:
        await pilot.press("space")
    await pilot.pause()
    return screen


def flat(text: str) -> str:
    return " ".join(text.split())


def guaido_against_history(lang: str, monkeypatch):
    """Venezuela 2019 played as Guaidó against the historical bot, in `lang`."""
    monkeypatch.setenv("CRISIS_LANG", lang)
    i18n.set_language(lang)
    return build_app(scenario="venezuela-2019", role="guaido", opponent="historical", seed=3)


async def on_the_table(pilot, index: int) -> None:
    """The scenario's card `index` on the table, as the game's first card."""
    screen = pilot.app.screen
    screen.record = replace(screen.record, first=replace(screen.record.state, card=index), steps=())
    await pilot.pause()


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_a_cards_tag_says_what_it_means_on_the_card(size, lang, monkeypatch):
    # Play-test: the card's "historical" / "what if" tag was explained only in the help and the debrief.
    app = guaido_against_history(lang, monkeypatch)
    async with app.run_test(size=size) as pilot:
        screen = await a_game(pilot)
        cards = screen.record.state.scenario.cards
        for historical in (True, False):
            i = next(k for k, c in enumerate(cards)
                     if "guaido" in c.roles and not c.event and c.historical == historical)
            await on_the_table(pilot, i)
            tag, meaning = ((_("historical"), happened_text(cards[i].happened)) if historical
                            else (_("what if"), _("this did not happen")))
            rows = [line.split("▕")[-1].split("▏")[0].strip() for line in screen_text(app).splitlines()]
            k = next(k for k, r in enumerate(rows) if tag in r)  # the tag beside the date, its meaning after it
            # The meaning reads whole: on the tag's line, or (where the line would wrap) on the next one.
            assert flat(rows[k]).endswith(f"{tag} {meaning}") or (
                flat(rows[k]).endswith(tag) and flat(rows[k + 1]) == meaning), rows[k:k + 2]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", SIZES, ids=IDS)
@pytest.mark.parametrize("role", ["guaido", "maduro"])
async def test_the_header_shows_whose_turn_and_when_whole_and_the_title_never_cut_mid_word(role, size, lang,
                                                                                           monkeypatch):
    # Play-test at 80x24: "Venezuela 2019: T… · Juan Guaidó's turn": the title was cut to a letter to keep the
    # seed. The seed goes first, then the title's subtitle, then whole words.
    from game.tui.widgets.game_header import shorter_titles

    monkeypatch.setenv("CRISIS_LANG", lang)
    i18n.set_language(lang)
    app = build_app(scenario="venezuela-2019", role=role, opponent="historical", seed=48213)
    async with app.run_test(size=size) as pilot:
        screen = await a_game(pilot)
        for _page in range(2):
            line = screen.header
            header = screen_text(app).splitlines()[0]
            assert line.role in header and line.date in header, header
            assert _("Turn {turn}/{last}").format(turn=line.turn, last=line.max_turns) in header, header
            title = header.split(" · ")[0].strip()
            assert title in shorter_titles(line.scenario), header
            if size[0] >= 100:
                assert title == line.scenario, header
            if size[0] >= 120:
                assert _("seed {seed}").format(seed=48213) in header, header
            await pilot.press("1")
            await pilot.pause()


def test_a_title_is_shortened_at_its_subtitle_then_by_whole_words():
    from game.tui.widgets.game_header import shorter_titles

    assert shorter_titles("Venezuela 2019: Two Presidents") == ["Venezuela 2019: Two Presidents", "Venezuela 2019",
                                                                "Venezuela…"]
    assert shorter_titles("The harbour strike") == ["The harbour strike", "The harbour…", "The…"]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["80x24", "100x30"])
@pytest.mark.parametrize("scenario, roles", [("tutorial", ("union", "mayor")),
                                             ("venezuela-2019", ("guaido", "maduro"))])
async def test_every_meter_the_role_sees_is_named_whole_in_the_panel(scenario, roles, size, lang, monkeypatch):
    # Play-test at 80x24: "Strikers' resol…": a name too long to sit beside the figures was cut. Each meter shows
    # its name, or the scenario's short name for it, whole; the full name is its tooltip and in the who's who.
    monkeypatch.setenv("CRISIS_LANG", lang)
    i18n.set_language(lang)
    for role in roles:
        app = build_app(scenario=scenario, role=role, opponent="historical", seed=3)
        async with app.run_test(size=size) as pilot:
            screen = await a_game(pilot)
            panel = [line.split("▕")[0] for line in screen_text(app).splitlines()[1:-1]]
            assert not any("…" in line for line in panel), "\n".join(panel)
            for meter in screen.record.scenario.meters:
                if meter.visible_to(role):
                    named = [n for n in (meter.label, meter.short) if n and any(n in line for line in panel)]
                    assert named, f"{meter.label!r} is not named whole:\n" + "\n".join(panel)
