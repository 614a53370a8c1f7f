"""Which language the game speaks, how a missing message falls back, and numbers and dates per language."""

from __future__ import annotations

import datetime as dt

import pytest

from game import i18n
from game.cli import main


@pytest.fixture
def environment(monkeypatch):
    for name in ("CRISIS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize("env, expected", [
    ({}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "es_VE.UTF-8"}, "es"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),                      # a system language the game lacks: English
    ({"LC_MESSAGES": "es_AR.UTF-8", "LANG": "en_GB.UTF-8"}, "es"),
    ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "es_MX"}, "en"),
    ({"CRISIS_LANG": "es", "LC_ALL": "en_US.UTF-8"}, "es"),
    ({"CRISIS_LANG": "en", "LANG": "es_ES.UTF-8"}, "en"),
    ({"CRISIS_LANG": "ES-ve"}, "es"),
])
def test_the_language_comes_from_crisis_lang_then_the_locale(environment, env, expected):
    for name, value in env.items():
        environment.setenv(name, value)
    assert i18n.set_language(None) == expected
    assert i18n.language() == expected


def test_an_explicit_language_wins_over_the_environment(environment):
    environment.setenv("CRISIS_LANG", "en")
    assert i18n.set_language("es") == "es"


@pytest.mark.parametrize("code", ["fr", "klingon", ""])
def test_an_unknown_language_lists_the_available_ones(code):
    with pytest.raises(i18n.UnknownLanguage, match="available: en, es"):
        i18n.set_language(code)


def test_a_missing_translation_is_english_never_empty_or_a_key():
    i18n.set_language("es")
    assert i18n._("A message no catalog has") == "A message no catalog has"
    assert i18n.ngettext("one thing nobody translated", "{n} things nobody translated", 3) == \
        "{n} things nobody translated"
    assert i18n.ngettext("one thing nobody translated", "{n} things nobody translated", 1) == \
        "one thing nobody translated"
    assert i18n.pgettext("nowhere", "Nothing") == "Nothing"
    assert i18n._("") == ""


def test_constants_marked_with_N_are_translated_where_shown():
    assert i18n.N_("anything") == "anything"


@pytest.mark.parametrize("code, date, percent, share, number, decimals", [
    ("en", "7 Jan 2019", "45%", "45.5%", "12,345", "1,234.50"),
    ("es", "7 ene 2019", "45%", "45,5%", "12.345", "1.234,50"),  # no space before "%": Rich wraps at it
])
def test_numbers_and_dates_are_written_as_the_language_writes_them(code, date, percent, share, number, decimals):
    i18n.set_language(code)
    assert i18n.format_date(dt.date(2019, 1, 7)) == date
    assert i18n.format_percent(0.45) == percent
    assert i18n.format_percent(0.455, 1) == share
    assert i18n.format_number(12345) == number
    assert i18n.format_number(1234.5, 2) == decimals


@pytest.mark.parametrize("day", [dt.date(2019, m, d) for m in range(1, 13) for d in (1, 7, 28)])
def test_english_dates_are_babels(day):
    """English is written without Babel (to start fast); it must be what Babel would write."""
    from babel.dates import format_date

    i18n.set_language("en")
    assert i18n.format_date(day) == format_date(day, "d MMM y", locale="en")
    assert i18n.format_moment(dt.datetime.combine(day, dt.time(9, 5))) == \
        format_date(day, "dd MMM", locale="en") + " 09:05"


@pytest.mark.parametrize("args", [["--lang", "fr", "validate"], ["validate", "--lang=fr"]])
def test_the_command_refuses_an_unknown_language_in_one_line(args, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.strip() == "crisis: unknown language 'fr'; available: en, es"


def test_crisis_lang_unknown_is_refused_too(monkeypatch, capsys):
    monkeypatch.setenv("CRISIS_LANG", "xx")
    assert main(["schema"]) == 2
    assert "available: en, es" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--lang", "es", "schema"], ["schema", "--lang", "es"], ["schema", "--lang=es"]])
def test_lang_is_accepted_before_and_after_the_command(args, capsys):
    assert main(args) == 0
    assert i18n.language() == "es"


def test_lang_is_passed_on_to_the_games_the_classroom_server_starts(monkeypatch, capsys):
    """`crisis --lang es serve` starts a `crisis play` per browser tab: they read CRISIS_LANG."""
    import os

    monkeypatch.setenv("CRISIS_LANG", "en")
    assert main(["--lang", "es", "schema"]) == 0
    assert os.environ["CRISIS_LANG"] == "es"
