"""Suite-wide set-up: colour on (NO_COLOR turns Textual monochrome and breaks snapshots), a private home."""

import pytest


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch, tmp_path_factory):
    monkeypatch.delenv("NO_COLOR", raising=False)
    # Never touch the real player's saves or scenarios.
    monkeypatch.setenv("CRISIS_HOME", str(tmp_path_factory.mktemp("crisis-home")))
