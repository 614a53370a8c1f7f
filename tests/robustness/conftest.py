"""Shared pieces of the robustness suite: scenario copies edited in place, and the crisis command run as a user runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "tests" / "data" / "valid"
VALID2 = ROOT / "tests" / "data" / "valid2"


def scenario_copy(target: Path, edit, base: Path = VALID) -> Path:
    """A copy of a valid test scenario, its YAML files read into {file name: value}, edited, written back."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(base, target)
    docs = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in target.glob("*.yaml")}
    edit(docs)
    for name, value in docs.items():
        (target / name).write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def crisis(*args: str, env: dict | None = None, timeout: float = 60, cwd: Path | None = None,
           stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    """`crisis ARGS` in a fresh interpreter, as a user would run it; its output captured as text."""
    full = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, timeout=timeout,
                          env=full, cwd=cwd or ROOT, stdin=stdin)


def no_traceback(result: subprocess.CompletedProcess) -> None:
    both = result.stdout + result.stderr
    assert "Traceback" not in both, both[-3000:]
    assert "internal error" not in both, both[-3000:]
