"""Names from people and from the network are checked before they are used anywhere."""

import pytest

from game.classroom.names import class_problem, normal_room, student_problem


@pytest.mark.parametrize("name", ["Ana", "José Ángel", "Zoë O'Brien", "Łukasz", "محمد", "李雷", "Anne-Marie"])
def test_any_letters_make_a_name(name):
    assert student_problem(name) is None


@pytest.mark.parametrize("name, words", [
    ("", "Type your name"),
    ("<script>alert(1)</script>", "letters"),
    ("x" * 10_000, "too long"),
    ("../../etc", "letters"),
    ("a\x00b", "letters"),
    ("1234", "starts with a letter"),
    ("-rf", "starts with a letter"),
])
def test_bad_names_are_refused_with_a_reason(name, words):
    assert words in student_problem(name)


@pytest.mark.parametrize("name", ["demo", "history-9b", "a_1"])
def test_class_names(name):
    assert class_problem(name) is None


@pytest.mark.parametrize("name", ["", "../x", "Demo", "a/b", ".hidden", "x" * 41, "é"])
def test_a_class_name_is_never_a_raw_path_part(name):
    assert class_problem(name) is not None


def test_room_codes_are_read_forgivingly_but_strictly():
    assert normal_room(" abcde ") == "ABCDE"
    assert normal_room("ABCD") is None
    assert normal_room("AB/DE") is None
    assert normal_room("ABCD0") is None  # 0 is never in a code: it reads like O
