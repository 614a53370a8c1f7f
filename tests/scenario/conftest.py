"""Fixtures for the loader's tests: the valid base scenario, and the base with a broken file laid over it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
VALID = DATA / "valid"
BROKEN = DATA / "broken"


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A fresh copy of tests/data/valid that a test may change."""
    folder = tmp_path / "scenario"
    shutil.copytree(VALID, folder)
    return folder


@pytest.fixture
def broken(base: Path) -> Callable[[str], Path]:
    """The base with every file of tests/data/broken/<rule>/ copied over it (replacing or adding)."""

    def make(rule: str) -> Path:
        for file in (BROKEN / rule).iterdir():
            shutil.copyfile(file, base / file.name)
        return base

    return make
