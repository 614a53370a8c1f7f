"""Shared pieces of the classroom tests: the two-sided tutorial, a class folder in the test's own home."""

import pytest

from game.classroom.folder import class_folder


@pytest.fixture(scope="session")
def tutorial():
    from game.scenario import load, resolve_scenario

    return load(resolve_scenario("tutorial"))


@pytest.fixture
def klass():
    return class_folder("test-class")
