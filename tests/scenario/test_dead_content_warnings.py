"""`crisis validate` reports content no game can reach as located warnings, and still exits 0."""

from pathlib import Path

from game.cli import main

DEAD = Path(__file__).parents[1] / "data" / "sim" / "dead"


def test_dead_cards_options_and_endings_are_warned_at_their_conditions(capsys):
    assert main(["validate", str(DEAD)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()

    def line_with(words: str) -> str:
        found = [ln for ln in lines if words in ln]
        assert found, f"no line with {words!r} in:\n{out}"
        return found[0]

    assert ":59:11: warning: card 'overfunded' can never be drawn" in line_with("overfunded")
    assert "funds is always 20" in line_with("overfunded")
    assert ":49:15: warning:" in line_with("'Disband'") and "army stays within 50..100" in line_with("'Disband'")
    assert ":86:11: warning: ending 'army_gone' can never be reached" in line_with("army_gone")
    assert "(5 warnings)" in lines[-1]


def test_bundled_scenarios_have_no_dead_content(capsys):
    assert main(["validate", "tutorial", "venezuela-2019"]) == 0
    out = capsys.readouterr().out
    assert "warning" not in out and out.count("OK ") == 2
