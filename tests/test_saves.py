"""Saves on disk: atomic writes, clear refusals, and one bad save never hides the others."""

import json
import os

import pytest

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
