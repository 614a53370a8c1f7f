"""The message catalogs are complete, fresh and compiled: every marked message has a Spanish translation,
no catalog lags behind the code, and each .mo the game reads says what its .po says."""

from __future__ import annotations

import gettext
import re
from pathlib import Path
from string import Formatter

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from game import i18n

LOCALE = i18n.LOCALE_DIR
GAME = LOCALE.parent
LANGUAGES = [code for code in i18n.available() if code != i18n.ENGLISH]
CATALOGS = [(code, domain) for code in LANGUAGES for domain in i18n.DOMAINS]
_PERCENT = re.compile(r"%\((\w+)\)")


def _po(code: str, domain: str):
    with (LOCALE / code / "LC_MESSAGES" / f"{domain}.po").open("rb") as handle:
        return read_po(handle, locale=code)


def _strings(message) -> tuple[str, ...]:
    # A plural's forms: a tuple from a .po, a list from a .mo.
    return tuple(message.string) if isinstance(message.string, (tuple, list)) else (message.string,)


def _ids(message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, (tuple, list)) else (message.id,)


def test_spanish_is_available():
    assert "es" in LANGUAGES


@pytest.mark.parametrize("code, domain", CATALOGS)
def test_every_message_is_translated(code, domain):
    missing = [_ids(m)[0] for m in _po(code, domain) if m.id and (m.fuzzy or not all(_strings(m)))]
    assert not missing, f"{len(missing)} untranslated or fuzzy in {code}/{domain}.po: {missing[:10]}"


def _fields(text: str) -> tuple[set[str], set[str]]:
    """The {placeholders} str.format fills (with their conversions and specs) and the %(name)s ones Jinja's fills."""
    try:
        braces = {f"{name}!{conv}:{spec}" for _lit, name, spec, conv in Formatter().parse(text) if name is not None}
    except ValueError as err:
        braces = {f"malformed: {err}"}
    return braces, set(_PERCENT.findall(text))


def _forms_for_one(catalog) -> set[int]:
    """The plural forms a language uses for the number one and no other (Spanish: the first)."""
    form = gettext.c2py(catalog.plural_expr)
    return {k for k in range(catalog.num_plurals) if {n for n in range(1000) if form(n) == k} == {1}}


@pytest.mark.parametrize("code, domain", CATALOGS)
def test_translations_keep_the_placeholders(code, domain):
    """A translation fills the same placeholders as its English, or .format() fails (or shows a brace) at run time."""
    wrong = []
    catalog = _po(code, domain)
    for m in catalog:
        if not m.id:
            continue
        wanted = _fields(_ids(m)[-1])
        for form, string in enumerate(_strings(m)):
            # The form a language keeps for one alone may leave out the count, as the English singular does
            # ('A consequence of this comes next turn at the earliest.', 'Una consecuencia de esto llega el próximo turno como pronto.').
            alone = form in _forms_for_one(catalog) and _fields(string) == _fields(_ids(m)[0])
            if string and _fields(string) != wanted and not alone:
                wrong.append((_ids(m)[0], string))
    assert not wrong, f"placeholders changed in {code}/{domain}.po: {wrong[:5]}"


@pytest.mark.parametrize("code, domain", CATALOGS)
def test_the_form_for_one_says_one_as_the_english_singular_does(code, domain):
    """Where the English singular says its one in words ('A consequence of this comes in {turns} turns at the earliest.'), the
    translation's form for one does too: '1 consecuencia de esto llega dentro de 2 turnos' read stiffly."""
    catalog = _po(code, domain)
    stiff = []
    for m in catalog:
        if m.pluralizable:
            count = _fields(m.id[1])[0] - _fields(m.id[0])[0]  # what the plural fills that the singular leaves out
            stiff += [m.string[k] for k in _forms_for_one(catalog) if count & _fields(m.string[k])[0]]
    assert not stiff, f"a number where {code} says one in words: {stiff}"


@pytest.mark.parametrize("domain", i18n.DOMAINS)
def test_catalogs_are_not_stale(domain, tmp_path, monkeypatch):
    """What `make messages` would extract today is exactly what the template and every .po hold."""
    out = tmp_path / f"{domain}.pot"
    monkeypatch.chdir(GAME)
    CommandLineInterface().run(["pybabel", "--quiet", "extract", "-F", f"locale/{domain}.cfg", "-k", "N_",
                                "-k", "ngettext:1,2", "-k", "pgettext:1c,2", "-o", str(out), "."])
    with out.open("rb") as handle:
        extracted = {(m.context, m.id) for m in read_po(handle) if m.id}
    with (LOCALE / f"{domain}.pot").open("rb") as handle:
        template = {(m.context, m.id) for m in read_po(handle) if m.id}
    assert template == extracted, (f"game/locale/{domain}.pot is stale: run `make messages`"
                                   f" (new: {sorted(extracted - template, key=str)[:5]},"
                                   f" gone: {sorted(template - extracted, key=str)[:5]})")
    for code in LANGUAGES:
        held = {(m.context, m.id) for m in _po(code, domain) if m.id}
        assert held == extracted, f"{code}/{domain}.po is stale: run `make messages`"


def _text(context: str | bytes | None) -> str | None:
    return context.decode("utf-8") if isinstance(context, bytes) else context


@pytest.mark.parametrize("code, domain", CATALOGS)
def test_compiled_catalog_matches_its_source(code, domain):
    with (LOCALE / code / "LC_MESSAGES" / f"{domain}.mo").open("rb") as handle:
        # read_mo gives a message's context as bytes, read_po as text
        compiled = {(_text(m.context), _ids(m)): _strings(m) for m in read_mo(handle) if m.id}
    written = {(m.context, _ids(m)): _strings(m) for m in _po(code, domain) if m.id and not m.fuzzy and all(_strings(m))}
    assert compiled == written, f"{code}/{domain}.mo is not compiled from its .po: run `make messages`"
