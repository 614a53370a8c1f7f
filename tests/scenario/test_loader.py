"""A valid scenario freezes into the engine objects the format promises."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from game.engine import model as m
from game.engine.expr import parse
from game.scenario import check, load


def test_valid_base_loads_without_problems(base):
    report = check(base)
    assert report.ok and report.problems == []


def test_manifest_calendar_and_sources(base):
    s = load(base)
    assert (s.id, s.title, s.version, s.licence, s.authors, s.languages) == (
        "base", "Base", "1", "CC0-1.0", ("Tests",), ("en",))
    assert s.calendar == m.Calendar(dt.date(2026, 1, 5), 7, 6, "stalemate")
    # An unquoted date in a source is free text all the same.
    assert s.sources == (m.Source("memo", "Test desk", "2026-01-01", "An invented source."),)
    assert s.path == str(base)


def test_meters_keep_file_order_and_their_role_starts(base):
    s = load(base)
    assert [(x.id, x.lo, x.hi, x.start) for x in s.meters] == [("order", 0, 100, 50), ("money", 0, 10, 5)]
    assert s.meter_index("money") == 1
    assert s.meters[0].start_for("rebel") == 40 and s.meters[0].start_for("chief") == 50
    assert s.faction_of("order").id == "guards" and s.faction_of("money") is None


def test_card_dates_become_turns_and_defaults_apply(base):
    s = load(base)
    patrol, riot = s.card("patrol"), s.card("riot")
    # 2026-01-05 is turn 1; 2026-02-01 falls in the fourth week.
    assert (patrol.first_turn, patrol.last_turn) == (1, 4)
    assert patrol.roles == frozenset({"chief", "rebel"})
    assert patrol.once and patrol.cooldown == 0
    assert (riot.once, riot.cooldown, riot.weight.const) == (False, 1, 0)
    assert patrol.sources == (m.Citation("memo"), m.Citation("memo", "the same memo"))


def test_options_outcomes_and_effects(base):
    s = load(base)
    gamble, wait = s.card("patrol").options
    assert [o.chance.const if o.chance else None for o in gamble.outcomes] == [0.5, None]
    assert gamble.outcomes[0].effects == (m.Shift(0, 10), m.Shift(1, -2))
    assert gamble.outcomes[1].effects == (m.Shift(0, -10), m.SetFlag("alarm", True), m.Queue("riot", 2))
    assert gamble.unavailable == "Not enough money."
    # The shorthand (text + effects) is one certain outcome.
    assert wait.outcomes == (m.Outcome(None, "Nothing happens.", ()),) and wait.condition is None
    send, give_up = s.card("riot").options
    assert send.outcomes[0].effects == (m.SetMeter(1, 0), m.SetFlag("alarm", False))
    assert give_up.outcomes[0].effects == (m.End("order_lost"),)


def test_structured_conditions_behave_like_their_string_form(base):
    s = load(base)
    structured = s.card("patrol").options[0].condition
    text = parse("money >= 2 and not flag.alarm", {"order": 0, "money": 1}, {"alarm"})
    for meters in [(50, 0), (50, 2), (50, 9)]:
        for flags in [frozenset(), frozenset({"alarm"})]:
            assert structured(meters, flags, 1) == text(meters, flags, 1)
    assert structured((50, 5), frozenset(), 1) is True


def test_numbers_and_expressions(base):
    s = load(base)
    assert s.card("patrol").weight((50, 5), frozenset(), 1) == 1.5
    assert s.role("chief").score((50, 5), frozenset(), 1) == 45
    assert s.role("rebel").score is None
    assert s.card("riot").condition((50, 0), frozenset({"alarm"}), 1) is True


def test_endings_results_and_check_order(base):
    s = load(base)
    assert s.ending("order_kept").results == {"chief": "win", "rebel": "loss"}
    assert [e.id for e in s.checked_endings] == ["order_lost", "order_kept"]
    assert s.ending("stalemate").condition is None
    assert s.ending("order_lost").condition((10, 0), frozenset(), 1) is True
    assert [r.goals for r in s.roles] == [("order_kept",), ("order_lost",)]


def test_content_hash_names_the_exact_files(base: Path):
    first = load(base).content_hash
    assert len(first) == 64 and load(base).content_hash == first
    cards = base / "cards.yaml"
    cards.write_text(cards.read_text().replace("A patrol", "A night patrol"))
    changed = load(base)
    # A changed file is read again, not served from the cache.
    assert changed.card("patrol").title == "A night patrol"
    assert changed.content_hash != first


def test_a_fixed_file_is_checked_again(base: Path):
    cards = base / "cards.yaml"
    good = cards.read_text()
    cards.write_text(good.replace("weight: 0", "weight: -3"))
    assert not check(base).ok
    cards.write_text(good)
    assert check(base).ok


def test_quoted_iso_dates_are_accepted(base: Path):
    cards = base / "cards.yaml"
    cards.write_text(cards.read_text().replace("from: 2026-01-05", 'from: "2026-01-12"'))
    assert load(base).card("patrol").first_turn == 2
