"""Saves on disk: atomic writes, clear refusals, and one bad save never hides the others."""

import json
import os
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game import saves
from game.engine import Log
from game.engine.replay import LOG_VERSION

LOG = Log("tutorial", "abc123", "mayor", 7, (0, 1, 0))


def test_a_save_round_trips_and_leaves_no_temp_files(tmp_path):
    path = saves.write_save(tmp_path / "slot1.json", LOG, {"note": "before the vote"})
    save = saves.read_save(path)
    assert save.log == LOG and save.meta["note"] == "before the vote" and save.turn == 4
    assert [p.name for p in tmp_path.iterdir()] == ["slot1.json"]


def test_a_failed_write_keeps_the_previous_save(tmp_path, monkeypatch):
    path = saves.write_save(tmp_path / "slot1.json", LOG)

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        saves.write_save(path, Log("tutorial", "abc123", "mayor", 7, (1,)))
    monkeypatch.undo()
    assert saves.read_save(path).log == LOG
    assert [p.name for p in tmp_path.iterdir()] == ["slot1.json"]


@pytest.mark.parametrize("content, words", [
    (b'{"kind": "crisis-save", "version": 1, "scen', "damaged or cut short"),
    (b"\xff\xfe\x00garbage", "damaged or cut short"),
    (b"[1, 2]", "not a crisis saved game"),
    (json.dumps(dict(LOG.to_dict(), kind="crisis-save", version=LOG_VERSION + 1)).encode(), "newer version"),
    (json.dumps({"kind": "crisis-save", "version": 1}).encode(), "incomplete"),
    (json.dumps(dict(LOG.to_dict(), kind="crisis-save", version=1, role="")).encode(), "cannot be replayed exactly"),
])
def test_bad_saves_are_refused_with_a_reason(tmp_path, content, words):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(saves.SaveError, match=words):
        saves.read_save(path)


def test_listing_shows_good_and_bad_saves_side_by_side():
    saves.write_save(saves.slot_path("good"), LOG)
    saves.slot_path("broken").write_text("{")
    listed = {e.path.stem: e for e in saves.list_saves()}
    assert listed["good"].save.log == LOG and listed["good"].error == ""
    assert listed["broken"].save is None and "damaged" in listed["broken"].error


def test_autosave_is_the_latest_game():
    assert saves.latest_autosave() is None
    saves.autosave(LOG)
    assert saves.latest_autosave().log == LOG


@pytest.mark.parametrize("name", ["maría", "Größe", "save 1", "Ünïcode 名前", "before-the_vote", "42", "हिन्दी"])
def test_a_slot_name_may_be_any_letters_and_lands_in_the_save_folder(name):
    assert saves.slot_problem(name) is None
    path = saves.slot_file(name)
    assert path.parent == saves.paths.saves() and path.suffix == ".json"
    saves.write_save(path, LOG)
    assert [e.save.log for e in saves.list_saves() if e.path.stem == path.stem] == [LOG]


def test_the_same_accented_name_typed_two_ways_is_one_save():
    composed, decomposed = "mar\u00eda", "mari\u0301a"
    assert saves.slot_file(composed) == saves.slot_file(decomposed)


@pytest.mark.parametrize("name, words", [
    ("", "Type a name"),
    ("   ", "Type a name"),
    ("../evil", "/"),
    ("a/b", "/"),
    ("a\\b", "\\"),
    (".hidden", "cannot start with a dot"),
    ("v1.2", "'.'"),
    ("red\x1b[31m", "control characters"),
    ("tab\there", "control characters"),
    ("x" * 101, "too long"),
    ("\U00020000" * 60, "too long"),  # 60 letters, but 240 bytes
    ("autosave", "the game's own"),
    ("AutoSave", "the game's own"),
    ("con", "reserved"),
    ("a*b", "'*'"),
])
def test_a_bad_slot_name_is_refused_with_a_reason(name, words):
    problem = saves.slot_problem(name)
    assert problem is not None and words in problem
    with pytest.raises(saves.SaveError, match=re.escape(words)):
        saves.slot_file(name)


@given(st.text(max_size=120))
def test_whatever_is_typed_a_slot_is_a_file_in_the_save_folder_or_refused(name):
    try:
        path = saves.slot_file(name)
    except saves.SaveError as err:
        assert str(err) == saves.slot_problem(name)
        return
    assert path.parent == saves.paths.saves() and path.name == unicodedata.normalize("NFC", name.strip()) + ".json"


def test_a_slot_name_never_means_a_file_in_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Makefile").write_text("all:\n")
    assert saves.slot_path("Makefile") == saves.paths.saves() / "Makefile.json"
    assert saves.slot_path("./Makefile").resolve() == tmp_path / "Makefile"  # a path still names a file
    with pytest.raises(saves.SaveError, match=re.escape("(not '?')")):
        saves.slot_path("What?")
