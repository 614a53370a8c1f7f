"""Processes: Ctrl-C during `simulate --jobs 2` ends the workers with one line; killing the parent leaves none."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, VALID

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to find the workers")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _until(test, limit: float = 30.0):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = test()
        if value:
            return value
        time.sleep(0.05)  # polling, not waiting a fixed time
    return test()


def _start() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "game", "simulate", str(VALID), "--runs", "5000000", "--jobs", "2"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def test_ctrl_c_ends_the_workers_with_one_line():
    proc = _start()
    try:
        workers = _until(lambda: len(_children(proc.pid)) >= 2 and _children(proc.pid))
        assert workers, "the workers never started"
        os.killpg(proc.pid, signal.SIGINT)  # what the terminal does on Ctrl-C: the whole group
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130 and err == "interrupted\n", err
    assert _until(lambda: not any(_alive(w) for w in workers), 10)


def test_killing_the_parent_leaves_no_workers():
    proc = _start()
    workers: list[int] = []
    try:
        workers = _until(lambda: len(_children(proc.pid)) >= 2 and _children(proc.pid))
        assert workers, "the workers never started"
        proc.kill()
        proc.wait(timeout=10)
        assert _until(lambda: not any(_alive(w) for w in workers), 10), "a worker outlived its parent"
    finally:
        for w in workers:  # only if the test failed: never leave one running
            if _alive(w):
                os.kill(w, signal.SIGKILL)
