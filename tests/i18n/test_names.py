"""Names in any letters: a save, a student and a message about a bad name work in Spanish as in English."""

from __future__ import annotations

import pytest

from game import i18n
from game.classroom.names import check_student, student_problem
from game.saves import slot_file, slot_problem


@pytest.mark.parametrize("name", ["María Peña", "Ñandú del año", "Árbol-2 Über", "José_Ángel"])
def test_saves_and_students_take_any_letters(name):
    assert slot_problem(name) is None
    assert slot_file(name).name == f"{name}.json"
    assert student_problem(name.replace("_", " ")) is None
    assert check_student(name.replace("_", " ")) == name.replace("_", " ")


def test_a_composed_and_a_combining_accent_are_one_save():
    assert slot_file("Mari\u0301a") == slot_file("Mar\u00eda")


@pytest.mark.parametrize("code, words", [("en", "Use letters, digits"), ("es", "Usa letras, dígitos")])
def test_a_bad_name_is_explained_in_the_players_language(code, words):
    i18n.set_language(code)
    assert slot_problem("bad/name") != slot_problem("bad*name")
    assert words in slot_problem("bad*name")
