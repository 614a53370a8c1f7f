"""Nothing read from disk runs code: a planted scenario cache entry is a miss, and a changed scenario file is never
served stale, whatever its size and modification time."""

from __future__ import annotations

import os
import pickle
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import scenario_cache

from .conftest import VALID


class _Boom:
    def __reduce__(self):
        return (os.system, ("touch PWNED",))


def _payloads(sig: str) -> list[bytes]:
    evil = pickle.dumps(_Boom())
    return [
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
