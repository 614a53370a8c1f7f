"""What a class, a student, a room and the class's secrets may be called: checked once, here, before any of
them reaches a file name, a database row or a page."""

from __future__ import annotations

import re
import secrets
import unicodedata

from game.i18n import _

MAX_STUDENT_NAME = 60  # characters
CLASS_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
# Room codes avoid letters that read alike (0/O, 1/I/L): a student copies one from a classmate's screen.
ROOM_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ROOM_LENGTH = 5
SECRET = re.compile(r"[A-Za-z0-9_-]{16,64}")


class BadName(ValueError):
    """A name that cannot be used, with a sentence fit to show the person who typed it."""


def class_problem(name: str) -> str | None:
    if not CLASS_NAME.fullmatch(name or ""):
        return _("A class name is 1 to 40 lowercase letters a-z, digits, - and _, starting with a letter or"
                 " digit (for example 'history-9b').")
    return None


def check_class(name: str) -> str:
    problem = class_problem(name)
    if problem:
        raise BadName(problem)
    return name


def normal_student(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split())


def student_problem(name: str) -> str | None:
    """Any letters of any script (accents included), with spaces, hyphens, apostrophes and dots between them."""
    name = normal_student(name)
    if not name:
        return _("Type your name.")
    if len(name) > MAX_STUDENT_NAME:
        return _("That name is too long: at most {limit} characters.").format(limit=MAX_STUDENT_NAME)
    for i, c in enumerate(name):
        cat = unicodedata.category(c)
        if cat[0] == "L" or (i and cat[0] == "M") or c in " -'’." or cat == "Nd":
            continue
        return _("A name is letters, spaces, - and ' (not {character!r}).").format(character=c)
    if unicodedata.category(name[0])[0] != "L":
        return "A name starts with a letter."
    return None


def check_student(name: str) -> str:
    problem = student_problem(name)
    if problem:
        raise BadName(problem)
    return normal_student(name)


def new_room_code() -> str:
    return "".join(secrets.choice(ROOM_ALPHABET) for _ in range(ROOM_LENGTH))


def normal_room(code: str) -> str | None:
    """The room code a person typed, upper-cased and trimmed; None when it cannot be one."""
    code = (code or "").strip().upper()
    if len(code) == ROOM_LENGTH and all(c in ROOM_ALPHABET for c in code):
        return code
    return None


def new_secret() -> str:
    return secrets.token_urlsafe(18)


def is_secret(text: str) -> bool:
    return bool(SECRET.fullmatch(text or ""))
