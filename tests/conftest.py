"""Suite-wide set-up: colour on (NO_COLOR turns Textual monochrome and breaks snapshots), a private home."""

import pytest


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch, tmp_path_factory):
    monkeypatch.delenv("NO_COLOR", raising=False)
    # Never touch the real player's saves or scenarios.
    monkeypatch.setenv("CRISIS_HOME", str(tmp_path_factory.mktemp("crisis-home")))
    # English unless a test asks for another language, whatever the machine's locale (subprocesses too).
    monkeypatch.setenv("CRISIS_LANG", "en")
    from game import i18n

    i18n.set_language("en")
