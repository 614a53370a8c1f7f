"""Fixtures for the loader's tests (the valid base scenarios, and a base with a broken file laid over it) and for
the Venezuela tests (the bundled scenario in English and Spanish).

A broken fixture named f2_* is laid over tests/data/valid2 (format 2), any other over tests/data/valid (format 1).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest

from game.scenario import load, resolve_scenario
from game.scenario.translations import translated

DATA = Path(__file__).resolve().parent.parent / "data"
VALID = DATA / "valid"
VALID2 = DATA / "valid2"
BROKEN = DATA / "broken"


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A fresh copy of tests/data/valid that a test may change."""
    folder = tmp_path / "scenario"
    shutil.copytree(VALID, folder)
    return folder


@pytest.fixture
def broken(base: Path) -> Callable[[str], Path]:
    """The base (valid2 for an f2_ rule) with every file of tests/data/broken/<rule>/ copied over it
    (replacing or adding)."""

    def make(rule: str) -> Path:
        if rule.startswith("f2_"):
            shutil.rmtree(base)
            shutil.copytree(VALID2, base)
        for file in (BROKEN / rule).iterdir():
            shutil.copyfile(file, base / file.name)
        return base

    return make


@pytest.fixture
def base2(tmp_path: Path) -> Path:
    """A fresh copy of tests/data/valid2, the format-2 base, that a test may change."""
    folder = tmp_path / "scenario2"
    shutil.copytree(VALID2, folder)
    return folder


@pytest.fixture(scope="session")
def scenario():
    """The bundled Venezuela scenario, loaded once, for the test_venezuela_* modules (a module may name its own)."""
    return load(resolve_scenario("venezuela-2019"))


@pytest.fixture(scope="session")
def spanish(scenario):
    """The Venezuela scenario as a Spanish player reads it."""
    return translated(scenario, "es")
