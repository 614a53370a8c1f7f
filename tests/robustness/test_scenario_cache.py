"""Nothing read from disk runs code: a planted scenario cache entry is a miss, and a changed scenario file is never
served stale, whatever its size and modification time."""

from __future__ import annotations

import dataclasses
import datetime
import os
import pickle
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import scenario_cache
from game.engine import Expr

from .conftest import VALID


class _Boom:
    def __reduce__(self):
        return (os.system, ("touch PWNED",))


class _Planted:
    """Pickles as the cache's own builder of model objects, handed a class that is not a scenario's."""

    def __init__(self, cls, values) -> None:
        self.cls, self.values = cls, values

    def __reduce__(self):
        return (scenario_cache._instance, (self.cls, self.values))


def _payloads(sig: str) -> list[bytes]:
    evil = pickle.dumps(_Boom())
    head = f"crisis-scenario-cache {sig}\n".encode()
    return [
        head + pickle.dumps(_Planted(subprocess.Popen, (["touch", "PWNED"],))),  # the builder, a class of the attacker's
        head + pickle.dumps(_Planted(os.system, ("touch PWNED",))),
        head + pickle.dumps(_Planted(datetime.date, (2019, 1, 23))),  # allowed in the stream, but not a model class
        evil,  # the old format: a bare pickle
        pickle.dumps((sig, _Boom())),
        f"crisis-scenario-cache {sig}\n".encode() + evil,  # the right signature, a body that runs code
        f"crisis-scenario-cache {sig}\n".encode() + pickle.dumps(print),
        f"crisis-scenario-cache {sig}\n".encode() + pickle.dumps(shutil.rmtree),
    ]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "scenario"
    shutil.copytree(VALID, target)
    return target


def test_a_planted_cache_entry_never_runs_code(folder, tmp_path):
    scenario_cache.load(str(folder))
    entry = scenario_cache._entry(folder)
    assert entry.exists()
    for payload in _payloads(scenario_cache.signature(folder)):
        entry.write_bytes(payload)
        assert scenario_cache.cached(folder) is None
        assert scenario_cache.load(str(folder)).id == "base"  # a miss is a normal load
        assert not (tmp_path / "PWNED").exists()


@pytest.mark.parametrize("ref", [None, "tutorial"])
def test_a_scenario_read_from_the_cache_is_the_one_the_loader_made(ref):
    from game.scenario import load as load_checked, resolve_scenario

    fresh = load_checked(resolve_scenario(ref))
    scenario_cache.load(ref)  # kept
    cached = scenario_cache.load(ref)
    assert cached is not None and scenario_cache.cached(scenario_cache.folder_of(ref)) is not None
    assert _same(cached, fresh)


def _same(a, b) -> bool:
    """Equal field for field, down to every card's effects, an expression by its text and tree (its compiled
    function is made anew on each load)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Expr):
        return (a.text, a.tree, a.const) == (b.text, b.tree, b.const)
    if dataclasses.is_dataclass(a):
        return all(_same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return a == b


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.binary(max_size=300))
def test_any_bytes_in_a_cache_entry_are_only_a_miss(folder, junk):
    entry = scenario_cache._entry(folder)
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_bytes(f"crisis-scenario-cache {scenario_cache.signature(folder)}\n".encode() + junk)
    assert scenario_cache.cached(folder) is None


def test_a_change_with_the_same_size_and_mtime_is_not_served_stale(folder):
    first = scenario_cache.load(str(folder))
    manifest = folder / "scenario.yaml"
    before = os.stat(manifest)
    text = manifest.read_text(encoding="utf-8")
    changed = text.replace("title: Base", "title: Bass")
    assert len(changed) == len(text)
    manifest.write_text(changed, encoding="utf-8")
    os.utime(manifest, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert scenario_cache.cached(folder) is None
    assert scenario_cache.load(str(folder)).title == "Bass" != first.title


def test_a_fifo_among_the_scenario_files_is_a_miss_not_a_hang(folder):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(folder / "extra.yaml")
    assert scenario_cache.signature(folder) is None
    assert scenario_cache.cached(folder) is None
