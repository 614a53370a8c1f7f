"""Messages are marked so that extraction finds them, and the commands speak Spanish when asked."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from game import i18n
from game.cli import main

GAME = Path(i18n.__file__).resolve().parent
MARKERS = {"_", "N_", "ngettext", "pgettext"}


def _marked_inside_fstrings(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sorted({node.lineno for f in ast.walk(tree) if isinstance(f, ast.JoinedStr) for node in ast.walk(f)
                   if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS
                   and node.args and isinstance(node.args[0], ast.Constant)})  # _(variable) is a lookup, not a mark


def test_no_message_is_marked_inside_an_fstring():
    """Python 3.11's tokenizer gives an f-string as one token, so `make messages` never sees a _() inside one:
    the message would silently stay English."""
    found = {str(p.relative_to(GAME)): lines for p in sorted(GAME.rglob("*.py"))
             if (lines := _marked_inside_fstrings(p))}
    assert not found, f"_() inside an f-string (move it out): {found}"


@pytest.mark.parametrize("args, words", [
    (["--lang", "es", "validate", "tutorial"], ["OK tutorial:", "cartas", "finales"]),
    (["validate", "tutorial", "--lang", "es"], ["cartas", "finales"]),
    (["--lang", "es", "simulate", "tutorial", "--runs", "20", "--jobs", "1"],
     ["Finales", "partidas", "Victoria", "semilla"]),
    (["--lang", "es", "simulate", "tutorial", "--runs", "5", "--jobs", "1", "--policy", "nope"],
     ["estrategia desconocida 'nope'"]),
])
def test_the_commands_speak_spanish_when_asked(args, words, capsys):
    main(args)
    out = capsys.readouterr()
    for word in words:
        assert word in out.out + out.err


def test_help_and_argparse_errors_in_spanish(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "es", "play", "--seed", "x"])
    err = capsys.readouterr().err
    assert err.startswith("uso: crisis play")
    assert "crisis play: error:" in err


@pytest.mark.parametrize("n, english, spanish", [(1, "1 card", "1 carta"), (2, "2 cards", "2 cartas"),
                                                 (0, "0 cards", "0 cartas")])
def test_counts_take_the_plural_the_language_gives_them(n, english, spanish):
    for code, expected in (("en", english), ("es", spanish)):
        i18n.set_language(code)
        assert i18n.ngettext("{n} card", "{n} cards", n).format(n=n) == expected


def test_a_bots_description_follows_the_language():
    from game.bots import get_policy

    i18n.set_language("es")
    assert get_policy("historical").description == "como ocurrió"
    i18n.set_language("en")
    assert get_policy("historical").description == "as it happened"


def test_a_scenario_checked_in_one_language_is_reported_in_the_next(tmp_path):
    """The loader keeps recent reports; a report kept in Spanish must not come back to an English reader."""
    from game.scenario.loader import check

    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "scenario.yaml").write_text("format: 2\nid: broken\ntitle: T\nversion: '1'\ncolour: red\n")
    (folder / "cards.yaml").write_text("cards: []\n")
    i18n.set_language("es")
    spanish = " ".join(p.message for p in check(folder).problems)
    i18n.set_language("en")
    english = " ".join(p.message for p in check(folder).problems)
    assert "clave desconocida 'colour'" in spanish
    assert "unknown key 'colour'" in english


def _translated_at_import(path: Path) -> list[int]:
    """Lines where `_()` or `ngettext()` runs when the module is imported (module level or a class body, outside
    any function): the language is chosen after the imports, so such a string would be stuck in English."""
    found: list[int] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return  # runs later, in the language of that moment
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext",
                                                                                               "pgettext"):
            found.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def test_no_message_is_translated_when_its_module_is_imported():
    found = {str(p.relative_to(GAME)): lines for p in sorted(GAME.rglob("*.py"))
             if (lines := _translated_at_import(p))}
    assert not found, f"_() at import time (mark the constant with N_ and translate it where shown): {found}"
