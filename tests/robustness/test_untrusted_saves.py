"""A save handed in by a student is untrusted: whatever its fields and whatever the file is, reading it gives a
Save or one SaveError line, and keeping the previous autosave never writes outside the save folder nor over a
file that is there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import paths, saves
from game.engine import Log

from .conftest import ROOT, crisis, no_traceback

NASTY = ["", "/", "..", "../../x", "/some/path", "~nosuchuser", "~", "a" * 5000, "role\0nul", "\x1b]0;owned\x07",
         "con", "autosave", ".hidden", "a/b", "a\\b", "ünïcode", "\u202eevil", "mayor", "venezuela-2019", "-", " "]
texts = st.one_of(st.sampled_from(NASTY), st.text(max_size=40))
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), texts),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
FIELDS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def save_body(**fields) -> dict:
    body = {"version": 2, "kind": saves.KIND, "scenario": "tutorial", "scenario_hash": "x", "role": "",
            "seed": 3, "choices": [0, 1], "meta": {"turn": 2}}
    body.update(fields)
    return body


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")} if folder.exists() else set()


@FIELDS
@given(field=st.sampled_from(["scenario", "role", "seed", "choices", "scenario_hash", "version", "meta"]),
       value=st.one_of(texts, json_values))
def test_any_field_reads_as_a_save_or_one_line(tmp_path, field, value):
    path = tmp_path / "s.json"
    path.write_text(json.dumps(save_body(**{field: value})), encoding="utf-8")
    try:
        save = saves.read_save(path)
    except saves.SaveError as err:
        assert "\n" not in str(err) and "\x1b" not in str(err)
        return
    # What reads as a save names things only with ids, and its meta's folder is a folder.
    assert save.log.scenario_id and "/" not in save.log.scenario_id and "\0" not in save.log.role
    hint = save.meta.get("scenario_path")
    assert hint is None or Path(hint).is_dir()


@FIELDS
@given(role=texts, player=json_values, seed=st.one_of(st.integers(), st.integers(-2**200, 2**200)),
       turn=json_values)
def test_keeping_the_previous_autosave_stays_in_the_save_folder(role, player, seed, turn):
    folder = paths.saves()
    folder.mkdir(parents=True, exist_ok=True)
    for p in folder.iterdir():
        if p.is_file() and not p.name.startswith("."):
            p.unlink()
    taken = folder / "mayor-seed3-turn2.json"
    taken.write_text("a named save of the player's", encoding="utf-8")
    body = save_body(role=role, seed=seed, meta={"player": player, "turn": turn})
    saves.autosave_path().write_text(json.dumps(body), encoding="utf-8")
    outside = files_under(folder.parent.parent)
    kept = saves.keep_previous_autosave(Log("tutorial", "x", "", 1, ()))
    new = files_under(folder.parent.parent) - outside
    assert all(p.parent == folder for p in new), new
    assert taken.read_text(encoding="utf-8") == "a named save of the player's"
    if kept is not None:
        assert kept.path.parent == folder and kept.path.exists()
        assert "\x1b" not in kept.message()


def test_a_new_game_never_overwrites_a_named_save():
    folder = paths.saves()
    folder.mkdir(parents=True, exist_ok=True)
    named = folder / "mayor-seed3-turn2.json"
    for n in range(3):
        body = save_body(role="mayor", choices=[0, n], meta={"turn": 2})  # three games, one name
        saves.autosave_path().write_text(json.dumps(body), encoding="utf-8")
        if n == 0:
            named.write_text("mine", encoding="utf-8")
        kept = saves.keep_previous_autosave(Log("tutorial", "x", "", 1, ()))
        assert kept is not None and kept.path != named
    assert named.read_text(encoding="utf-8") == "mine"
    assert len(list(folder.glob("mayor-seed3-turn2*.json"))) == 4
    # Asked twice for the same game (the title screen, then the game screen), it is kept once.
    again = saves.keep_previous_autosave(Log("tutorial", "x", "", 1, ()))
    assert again is not None and len(list(folder.glob("mayor-seed3-turn2*.json"))) == 4


@pytest.mark.parametrize("content", [b"{not json", json.dumps(save_body(version=99)).encode(), b"\xff\xfe",
                                     b"[" * 100_000, b'{"version": ' + b"9" * 5000 + b"}"])
def test_an_autosave_the_game_cannot_read_is_moved_aside_and_said(content):
    folder = paths.saves()
    folder.mkdir(parents=True, exist_ok=True)
    saves.autosave_path().write_bytes(content)
    kept = saves.keep_previous_autosave(Log("tutorial", "x", "", 1, ()))
    assert kept is not None and kept.unreadable
    assert kept.path.read_bytes() == content and not saves.autosave_path().exists()
    assert "moved aside" in kept.message()


def _special(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / "special.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev_zero":
        return Path("/dev/zero")
    elif kind == "loop":
        os.symlink(tmp_path / "other.json", path)
        os.symlink(path, tmp_path / "other.json")
    elif kind == "folder":
        path.mkdir()
    elif kind == "huge":
        path.write_bytes(b" " * (saves.MAX_SAVE_BYTES + 10))
    elif kind == "deep":
        path.write_bytes(b"[" * 200_000 + b"]" * 200_000)
    elif kind == "digits":
        path.write_text('{"kind": "crisis-save", "version": 1, "seed": ' + "9" * 6000 + "}")
    elif kind == "choices_null":
        path.write_text(json.dumps(save_body(choices=None)))
    elif kind == "choices_map":
        path.write_text(json.dumps(save_body(choices={})))
    return path


@pytest.mark.parametrize("kind", ["fifo", "dev_zero", "loop", "folder", "huge", "deep", "digits", "choices_null",
                                  "choices_map"])
def test_a_save_that_is_not_a_save_file_is_one_clear_line(tmp_path, kind):
    if kind in ("fifo", "dev_zero") and not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    with pytest.raises(saves.SaveError) as err:
        saves.read_save(_special(tmp_path, kind))
    assert "\n" not in str(err.value) and "NoneType" not in str(err.value)


def test_an_autosave_link_loop_is_not_no_autosave_yet():
    folder = paths.saves()
    folder.mkdir(parents=True, exist_ok=True)
    os.symlink(folder / "loop.json", saves.autosave_path())
    os.symlink(saves.autosave_path(), folder / "loop.json")
    with pytest.raises(saves.SaveError, match="loop"):
        saves.latest_autosave()


@pytest.mark.parametrize("name", ["~nosuchuser/x.json", "a" * 5000, "/dev/zero", "x\0y"])
def test_a_save_named_on_the_command_line_is_one_line(name):
    with pytest.raises(saves.SaveError):
        saves.read_save(saves.slot_path(name))


def test_two_games_on_one_folder_never_share_an_autosave(tmp_path):
    """The second game is told (its autosave is its own file) and neither writes over the other's turns."""
    here = saves.own_autosave_path()
    assert here == saves.autosave_path()
    code = ("from game import saves; from game.engine import Log; "
            "print(saves.autosave_shared()); print(saves.autosave(Log('tutorial', 'x', '', 5, (1,))))")
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60,
                           env=dict(os.environ))
    shared, written = other.stdout.split()
    assert shared == "True" and Path(written) != saves.autosave_path() and Path(written).parent == paths.saves()
    saves.autosave(Log("tutorial", "x", "", 4, (0,)))
    assert saves.read_save(Path(written)).log.seed == 5
    assert saves.read_save(saves.autosave_path()).log.seed == 4


@pytest.mark.parametrize("home", ["~nosuchuser", "~nosuchuser/x", "a" * 5000])
def test_a_crisis_home_that_cannot_be_used_is_one_line(home):
    result = crisis("play", "--resume", env={"CRISIS_HOME": home})
    no_traceback(result)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "CRISIS_HOME" in result.stderr


@pytest.mark.parametrize("fields", [{"scenario": "/"}, {"scenario": "~nosuchuser"}, {"scenario": "a" * 5000},
                                    {"role": "mayor\0"}, {"role": "../../x"}, {"choices": None}, {"choices": {}},
                                    {"meta": {"scenario_path": "~nosuchuser"}}, {"meta": {"scenario_path": "a" * 5000}},
                                    {"meta": {"scenario_path": "/"}, "scenario": "nosuch"}, {"seed": 10**100},
                                    {"scenario_hash": None}])
def test_resuming_or_simulating_a_bad_save_is_one_line(tmp_path, fields, capsys):
    from game.cli import main

    path = tmp_path / "s.json"
    path.write_text(json.dumps(save_body(**fields)), encoding="utf-8")
    for args in (["play", "--resume", str(path)], ["simulate", "--from", str(path), "--runs", "2", "--jobs", "1"]):
        assert main(args) == 1, args
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err and "internal error" not in err, err
