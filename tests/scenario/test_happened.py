"""A historical card's `happened`: the real date of its event, read in each of its forms, and given by every
historical card the game ships (a teacher reads the card's tag as the day it happened)."""

from __future__ import annotations

import datetime as dt

import pytest

from game.paths import bundled_scenarios
from game.scenario import check, load

D = dt.date
CARD = """cards:
  - id: patrol
    title: A patrol
    text: The guards ask for orders.
    historical: true
    happened: {value}
    options:
      - label: Wait
        text: Nothing happens.
"""


@pytest.mark.parametrize("value, first, last", [
    ("2019-03-11", D(2019, 3, 11), D(2019, 3, 11)),  # a bare date, which YAML reads as a date
    ('"2019-03-11"', D(2019, 3, 11), D(2019, 3, 11)),
    ("2019-03", D(2019, 3, 1), D(2019, 3, 31)),
    ("2019-02", D(2019, 2, 1), D(2019, 2, 28)),
    ("2020-02", D(2020, 2, 1), D(2020, 2, 29)),
    ("2019-12", D(2019, 12, 1), D(2019, 12, 31)),
    ("2019-02-22..2019-03-04", D(2019, 2, 22), D(2019, 3, 4)),
    ("2019-03-11..2019-03-11", D(2019, 3, 11), D(2019, 3, 11)),
    ("2019", D(2019, 1, 1), D(2019, 12, 31)),
    ('"2019"', D(2019, 1, 1), D(2019, 12, 31)),
    ("9999-12", D(9999, 12, 1), D(9999, 12, 31)),  # the calendar's last month, whose next does not exist
])
def test_each_form_of_happened_is_read_as_its_first_and_last_day(base, value, first, last):
    (base / "cards.yaml").write_text(CARD.format(value=value), encoding="utf-8")
    card = next(c for c in load(base).cards if c.id == "patrol")
    assert (card.happened.first, card.happened.last) == (first, last)


@pytest.mark.parametrize("value", ["0000", '"0000-05"', "10000"])
def test_a_year_outside_the_calendar_is_told_in_the_games_words(base, value):
    (base / "cards.yaml").write_text(CARD.format(value=value), encoding="utf-8")
    problems = [p.message for p in check(base).problems if p.severity == "error"]
    assert problems and all("out of range" not in m and "year" in m or "not a date" in m for m in problems), problems


def test_a_card_without_happened_has_none(base):
    assert all(c.happened is None for c in load(base).cards)


SHIPPED = sorted(p.name for p in bundled_scenarios().iterdir() if (p / "scenario.yaml").exists())


@pytest.mark.parametrize("name", SHIPPED)
def test_every_historical_card_of_a_bundled_scenario_says_when_it_happened(name):
    report = check(bundled_scenarios() / name)
    assert report.ok, str(report)
    undated = [c.id for c in report.scenario.cards if c.historical and c.happened is None]
    assert undated == []
    assert any(c.historical for c in report.scenario.cards)  # the test has something to look at
