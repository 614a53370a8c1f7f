"""The one place for language: which one is spoken, its messages (gettext catalogs) and its numbers and dates.

Messages. `_("Turn")` looks a message up in the current language's catalogs, `ngettext(one, many, n)`
picks a plural form (every count goes through it: never "1 turn(s)"), `pgettext(context, message)`
tells apart two uses of one English word. The catalogs are the standard library's gettext `.mo`
files in `game/locale/<code>/LC_MESSAGES/`, one per domain, chained: `crisis` (everything outside the
TUI) first, then `crisis-tui` (game/tui and the help text). A message a catalog lacks, or translates
to nothing, comes back in English: never empty, never a key.

Constants. A module-level string must not be translated when the module is imported (the language
is chosen later, by `--lang`), so it is marked with `N_("...")`, which returns it unchanged and lets
`make messages` find it, and translated where it is shown: `_(CONSTANT)`. That is the whole rule;
there are no lazy strings. `_` is safe to call at any time: before a language is chosen, the first
lookup chooses it from the environment (`set_language(None)`).

Choosing. `set_language(code)`; with None: `CRISIS_LANG`, then the system locale (LC_ALL, then
LC_MESSAGES, then LANG, POSIX-fashion: the first one set wins), then English. An unknown code given
on purpose (`--lang`, `CRISIS_LANG`) raises `UnknownLanguage`, whose message lists the available
ones; a system locale in a language the game lacks is simply English.

argparse. It looks its own words up (usage, the section headings, -h's help, every error) with the
gettext module's global functions, bound to `_` and `ngettext` in its module; `argparse_speaking()`
routes those two names to this module while the command's parser is built and run, so they come
from the `crisis` catalog (game/argparse_messages.py marks them). English is byte for byte argparse's.

Numbers and dates. `format_date`, `format_moment`, `format_percent` and `format_number` write them
as the language does ("7 ene 2019", "45 %", "12.345"). English is written by the standard library,
exactly as the game always has (a test holds it equal to Babel's); other languages go through Babel,
imported only when first needed so that the game's start stays fast.
"""

from __future__ import annotations

import datetime as _dt
import gettext as _gettext
import os
import re
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Iterator

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAINS = ("crisis", "crisis-tui")
ENGLISH = "en"
# The Babel locale each language's numbers and dates follow: plain Spanish writes "45 %" and
# "12.345,5", as the issue asks; a regional variant can be chosen here without touching callers.
_BABEL_LOCALES = {"es": "es"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")

_language: str | None = None
_catalog: _gettext.NullTranslations = _gettext.NullTranslations()


class UnknownLanguage(ValueError):
    """A language asked for by name that the game has no catalog for; the message lists those it has."""


def N_(message: str) -> str:
    """Mark a constant for translation without translating it now: translate it with `_` where it is shown."""
    return message


def _(message: str) -> str:
    """`message` in the current language, or `message` itself when the language has no translation of it."""
    if not message:
        return message
    translated = _current().gettext(message)
    return translated or message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted message that suits `n` in the current language (English: singular for 1)."""
    translated = _current().ngettext(singular, plural, n)
    return translated or (singular if n == 1 else plural)


def pgettext(context: str, message: str) -> str:
    """`message` as translated in `context`, for one English word with two meanings ("Turn" the noun and the verb)."""
    translated = _current().pgettext(context, message)
    return translated or message


@contextmanager
def argparse_speaking() -> Iterator[None]:
    """argparse's own words in the current language while the block runs (build the parser and parse inside it).

    argparse calls the gettext module's `gettext` and `ngettext` through the names `_` and `ngettext` it
    imported; those two names, and nothing else, point here for the block and are put back after it, so no
    other use of gettext (nor a parser built elsewhere) changes. A message the catalog lacks stays argparse's."""
    import argparse

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def available() -> list[str]:
    """Every language the game speaks: English, and each with a compiled `crisis` catalog."""
    found = {ENGLISH}
    if LOCALE_DIR.is_dir():
        for entry in LOCALE_DIR.iterdir():
            if (entry / "LC_MESSAGES" / f"{DOMAINS[0]}.mo").is_file():
                found.add(entry.name)
    return sorted(found)


def language() -> str:
    """The current language's code: "en", "es"."""
    _current()
    assert _language is not None
    return _language


def set_language(code: str | None) -> str:
    """Speak `code` from now on (None: decide from the environment); returns the code chosen.

    Raises UnknownLanguage for a code (given here or in CRISIS_LANG) the game has no catalog for."""
    global _language, _catalog
    chosen = _normalise(code) if code is not None else _from_environment()
    if chosen not in available():
        given = code if code is not None else os.environ.get("CRISIS_LANG", "")
        raise UnknownLanguage(_unknown_message(given))
    _catalog = _load(chosen)
    _language = chosen
    return chosen


def _unknown_message(given: str) -> str:
    return f"unknown language {given!r}; available: {', '.join(available())}"


def _normalise(code: str) -> str:
    """'es_VE.UTF-8', 'es-VE' and 'ES' are all "es": the game has one catalog per language."""
    base = code.strip().split(".")[0].split("@")[0]
    return base.replace("-", "_").split("_")[0].lower()


def _from_environment() -> str:
    wanted = os.environ.get("CRISIS_LANG", "").strip()
    if wanted:
        code = _normalise(wanted)
        if code not in available():
            raise UnknownLanguage(_unknown_message(wanted))
        return code
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip()
        if value:
            code = _normalise(value)
            return code if code in available() else ENGLISH
    return ENGLISH


def _load(code: str) -> _gettext.NullTranslations:
    """The chained catalogs of `code`: `crisis`, then `crisis-tui`, then English (the message itself)."""
    first: _gettext.NullTranslations = _gettext.NullTranslations()
    if code == ENGLISH:
        return first
    chain: list[_gettext.NullTranslations] = []
    for domain in DOMAINS:
        path = LOCALE_DIR / code / "LC_MESSAGES" / f"{domain}.mo"
        if path.is_file():
            with path.open("rb") as handle:
                chain.append(_gettext.GNUTranslations(handle))
    if not chain:
        return first
    for catalog in chain[1:]:
        chain[0].add_fallback(catalog)
    return chain[0]


def _current() -> _gettext.NullTranslations:
    if _language is None:
        try:
            set_language(None)
        except UnknownLanguage:
            # Looked up lazily (a library use, not the command): a bad CRISIS_LANG is the command's to report.
            set_language(ENGLISH)
    return _catalog


def _babel_locale() -> str:
    code = language()
    return _BABEL_LOCALES.get(code, code)


def language_name(code: str) -> str:
    """A language's own name for itself: "English", "español"."""
    if code == ENGLISH:
        return "English"
    from babel import Locale

    return Locale.parse(_BABEL_LOCALES.get(code, code)).get_display_name(_BABEL_LOCALES.get(code, code)) or code


def format_date(d: _dt.date) -> str:
    """A day as the game writes it: "7 Jan 2019", "7 ene 2019"."""
    if language() == ENGLISH:
        return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    from babel.dates import format_date as babel_date

    return babel_date(d, "d MMM y", locale=_babel_locale())


def format_month(d: _dt.date) -> str:
    """A month as the game writes it: "March 2019", "marzo de 2019"."""
    if language() == ENGLISH:
        return f"{_MONTH_NAMES[d.month - 1]} {d.year}"
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", d, locale=_babel_locale())


def format_days(first: _dt.date, last: _dt.date) -> str:
    """The days from `first` to `last`, as the game writes a date, saying a year or a month once: "22 Feb – 4 Mar
    2019", "4 – 11 Mar 2019", "28 Dec 2018 – 4 Jan 2019"."""
    if first.year != last.year:
        return f"{format_date(first)} – {format_date(last)}"
    if first.month == last.month:
        return f"{first.day} – {format_date(last)}"
    if language() == ENGLISH:
        return f"{first.day} {_MONTHS[first.month - 1]} – {format_date(last)}"
    from babel.dates import format_date as babel_date

    return f"{babel_date(first, 'd MMM', locale=_babel_locale())} – {format_date(last)}"


def format_moment(when: _dt.datetime) -> str:
    """A day and time of this year, as a list of saves shows it: "07 Jan 13:45", "07 ene 13:45"."""
    if language() == ENGLISH:
        return f"{when.day:02d} {_MONTHS[when.month - 1]} {when.hour:02d}:{when.minute:02d}"
    from babel.dates import format_datetime as babel_datetime

    return babel_datetime(when, "dd MMM HH:mm", locale=_babel_locale())


def format_percent(x: float, digits: int = 0) -> str:
    """A share (0.45) as a percentage with `digits` decimals: "45%", "45,5%" (rounded as Python rounds it)."""
    rounded = f"{x:.{digits}%}"
    if language() == ENGLISH:
        return rounded
    from babel.numbers import format_percent as babel_percent

    # Rounded once, by Python, so every language shows the same figure; Babel only writes it. The no-break
    # space some languages put before the sign ("52\u00a0%") is left out: Rich wraps lines at it (its issues
    # #3545 and #4196), and a "%" alone at the start of a line reads worse than "52%", which Spanish also writes.
    written = babel_percent(Decimal(rounded[:-1]) / 100, _pattern("percent", digits), locale=_babel_locale())
    return re.sub(r"[\u00a0\u202f ]%", "%", written)


def format_number(n: float, digits: int | None = None) -> str:
    """A number with the language's grouping and decimal mark: "12,345.5", "12.345,5"; `digits` fixes the decimals."""
    if language() == ENGLISH:
        return f"{n:,}" if digits is None else f"{n:,.{digits}f}"
    from babel.numbers import format_decimal

    if digits is None:
        return format_decimal(n, locale=_babel_locale())
    return format_decimal(Decimal(f"{n:.{digits}f}"), _pattern("decimal", digits), locale=_babel_locale())


def _pattern(kind: str, digits: int) -> str:
    """The language's own number pattern ("#,##0\u00a0%") with exactly `digits` decimals."""
    from babel import Locale

    formats = getattr(Locale.parse(_babel_locale()), f"{kind}_formats")
    pattern = formats[None].pattern.split(";")[0]
    return re.sub(r"0(\.[0#]*)?", "0" + ("." + "0" * digits if digits else ""), pattern, count=1)
