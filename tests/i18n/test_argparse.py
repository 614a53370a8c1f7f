"""argparse's own words (usage, headings, -h, every error it prints) in the player's language; English as argparse's."""

from __future__ import annotations

import argparse
import ast
import gettext
import inspect

import pytest

from game import argparse_messages, i18n
from game.cli import build_parser, main

# (the command line after --lang, what the Spanish must say, argparse's English that must be gone)
ERRORS = [
    (["play", "--seed", "x"], "argumento --seed: valor int no válido: 'x'", "invalid int value"),
    (["class"], "faltan estos argumentos obligatorios: action, NAME", "the following arguments are required"),
    (["play", "--bogus"], "argumentos no reconocidos: --bogus", "unrecognized arguments"),
    (["play", "--seed"], "argumento --seed: se esperaba un argumento", "expected one argument"),
    (["class", "nope", "x"], "opción no válida: 'nope' (elige entre 'report', 'show')", "invalid choice"),
    (["pla"], "argumento COMMAND: opción no válida: 'pla'", "choose from"),
    (["play", "--odds", "--no-odds"], "argumento --no-odds: no se permite junto con el argumento --odds",
     "not allowed with"),
    (["play", "--watch=yes"], "argumento --watch: no lleva valor: se ignoró 'yes'", "ignored explicit argument"),
    (["play", "--o", "x"], "opción ambigua: --o puede ser", "ambiguous option"),
]


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


@pytest.mark.parametrize("args, spanish, english", ERRORS, ids=[" ".join(e[0]) for e in ERRORS])
def test_argparse_errors_are_in_spanish(args, spanish, english, capsys, monkeypatch):
    monkeypatch.setenv("CRISIS_LANG", "en")  # main() passes --lang on to CRISIS_LANG: put back afterwards
    status, out, err = _run(["--lang", "es", *args], capsys)
    assert status == 2 and out == ""
    usage, error = err.splitlines()[0], err.splitlines()[-1]
    assert usage.startswith("uso: crisis") and error.startswith("crisis") and ": error: " in error
    assert spanish in error, err
    assert english not in err and "usage:" not in err


@pytest.mark.parametrize("args", [e[0] for e in ERRORS] + [["--help"], ["play", "--help"], ["simulate", "-h"]],
                         ids=[" ".join(e[0]) for e in ERRORS] + ["help", "play help", "simulate help"])
def test_english_is_argparses_own_byte_for_byte(args, capsys, monkeypatch):
    """The English a player reads is exactly what a plain argparse parser prints, untouched by the routing."""
    monkeypatch.setenv("CRISIS_LANG", "en")
    monkeypatch.setenv("COLUMNS", "100")
    ours = _run(["--lang", "en", *args], capsys)
    i18n.set_language("en")
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["--lang", "en", *args])  # argparse with the gettext module's own lookups
    assert ours == (exit_.value.code, *capsys.readouterr())
    assert ours[2].startswith("usage: crisis") or ours[1].startswith("usage: crisis")


def test_the_seed_error_reads_as_argparse_writes_it_in_english(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    status, _out, err = _run(["play", "--seed", "x"], capsys)
    assert status == 2
    assert err.splitlines()[-1] == "crisis play: error: argument --seed: invalid int value: 'x'"


def test_help_is_in_spanish(capsys, monkeypatch):
    monkeypatch.setenv("CRISIS_LANG", "en")
    status, out, _err = _run(["--lang", "es", "simulate", "--help"], capsys)
    assert status == 0
    assert out.startswith("uso: crisis simulate")
    assert "\nargumentos posicionales:\n" in out and "\nopciones:\n" in out
    assert "muestra esta ayuda y termina" in out
    assert not any(word in out for word in ("usage:", "options:", "show this help message"))


def test_the_routing_ends_with_the_parse(capsys, monkeypatch):
    """Only while the command's parser is built and run: afterwards argparse looks its words up as it always did."""
    monkeypatch.setenv("CRISIS_LANG", "en")
    _run(["--lang", "es", "play", "--seed", "x"], capsys)
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]
    with pytest.raises(SystemExit):
        build_parser().parse_args(["play", "--seed", "x"])  # built outside it: argparse's English
    assert "invalid int value: 'x'" in capsys.readouterr().err


def _argparse_messages() -> set[str]:
    """Every message the running Python's argparse looks up, read from its source."""
    found = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            found.update(arg.value for arg in node.args[:2 if node.func.id == "ngettext" else 1]
                         if isinstance(arg, ast.Constant) and isinstance(arg.value, str))
            # _(kwargs.pop('title', 'subcommands')): the default is the message
            found.update(arg.args[1].value for arg in node.args if isinstance(arg, ast.Call) and len(arg.args) == 2
                         and isinstance(arg.args[1], ast.Constant) and isinstance(arg.args[1].value, str))
    return found


def test_every_argparse_message_is_marked_or_known_never_shown():
    """A new Python whose argparse says something new fails here: mark it for the catalog, or say why not."""
    known = set(argparse_messages.MESSAGES) | set(argparse_messages.NEVER_SHOWN) | {"conflicting option strings: %s",
                                                                                   "expected %s arguments"}
    assert _argparse_messages() - known == set()


@pytest.mark.parametrize("message", argparse_messages.MESSAGES)
def test_every_marked_argparse_message_has_spanish(message):
    i18n.set_language("es")
    assert i18n._(message) != message or message in ("%(heading)s:", "%(prog)s: error: %(message)s\n")
