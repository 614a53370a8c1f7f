"""Text that YAML may read as something else: a version and a source's date take a bare whole number or date as
written, and refuse a decimal or true/false with the same message, whichever key it is."""

from __future__ import annotations

import pytest

from game.scenario import check

VALUES = [("2", "2"), ("2026-01-01", "2026-01-01"), ('"1.10"', "1.10"), ("'2019'", "2019")]
REFUSED = [("1.10", "expected text, got 1.1; put it in quotes"),
           ("yes", "expected text, got true; put it in quotes"),
           ("[1, 2]", "expected text, got a list")]


def _with(base, key: str, value: str):
    manifest = base / "scenario.yaml"
    text = manifest.read_text()
    old = {"version": 'version: "1"', "date": "    date: 2026-01-01"}[key]
    assert old in text
    manifest.write_text(text.replace(old, old.split(":")[0] + ": " + value))
    return check(base)


@pytest.mark.parametrize("key", ["version", "date"])
@pytest.mark.parametrize("written, read", VALUES)
def test_a_bare_whole_number_or_date_is_read_as_written(base, key, written, read):
    report = _with(base, key, written)
    assert report.ok, str(report)
    sc = report.scenario
    assert (sc.version if key == "version" else sc.sources[0].date) == read


@pytest.mark.parametrize("key", ["version", "date"])
@pytest.mark.parametrize("written, message", REFUSED)
def test_a_decimal_or_a_truth_value_is_refused_with_one_message(base, key, written, message):
    (problem,) = _with(base, key, written).errors
    assert problem.message == f"'{key}': {message}"
