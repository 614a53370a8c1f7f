"""What a historical card's tag says of when its event happened, for each kind of date a scenario may give."""

from __future__ import annotations

import datetime as dt

import pytest

from game import i18n
from game.engine.model import Happened, happened_text

D = dt.date


@pytest.mark.parametrize("lang, first, last, words", [
    ("en", D(2019, 3, 11), D(2019, 3, 11), "this happened on 11 Mar 2019"),
    ("en", D(2019, 3, 1), D(2019, 3, 31), "this happened in March 2019"),
    ("en", D(2019, 2, 1), D(2019, 2, 28), "this happened in February 2019"),
    ("en", D(2019, 2, 22), D(2019, 3, 4), "this happened 22 Feb – 4 Mar 2019"),
    ("en", D(2019, 3, 4), D(2019, 3, 11), "this happened 4 – 11 Mar 2019"),
    ("en", D(2018, 12, 28), D(2019, 1, 4), "this happened 28 Dec 2018 – 4 Jan 2019"),
    ("en", D(2019, 3, 1), D(2019, 3, 30), "this happened 1 – 30 Mar 2019"),  # not the whole month
    ("en", D(2019, 1, 1), D(2019, 12, 31), "this happened in 2019"),
    ("es", D(2019, 3, 11), D(2019, 3, 11), "esto ocurrió el 11 mar 2019"),
    ("es", D(2019, 3, 1), D(2019, 3, 31), "esto ocurrió en marzo de 2019"),
    ("es", D(2019, 2, 22), D(2019, 3, 4), "esto ocurrió 22 feb – 4 mar 2019"),
    ("es", D(2019, 1, 1), D(2019, 12, 31), "esto ocurrió en 2019"),
])
def test_the_tag_words_each_kind_of_date_as_the_game_writes_dates(lang, first, last, words):
    i18n.set_language(lang)
    assert happened_text(Happened(first, last)) == words


def test_a_card_shown_on_the_day_it_happened_does_not_say_the_day_twice():
    # The date beside the tag is that day: "23 Jan 2019  historical  this happened" is true, and fits 80 columns.
    day = D(2019, 1, 23)
    assert happened_text(Happened(day, day), shown=day) == "this happened"
    assert happened_text(Happened(day, day), shown=D(2019, 1, 28)) == "this happened on 23 Jan 2019"
    assert happened_text(Happened(D(2019, 1, 1), D(2019, 1, 31)), shown=day) == "this happened in January 2019"
