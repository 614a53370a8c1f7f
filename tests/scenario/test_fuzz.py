"""Whatever the bytes or the YAML, the loader answers with a scenario or located problems, never a crash."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import check

VALID = Path(__file__).resolve().parent.parent / "data" / "valid"
VALID2 = Path(__file__).resolve().parent.parent / "data" / "valid2"
KEYS = ["cards", "meters", "flags", "endings", "roles", "id", "title", "text", "options", "outcomes", "label",
        "chance", "effects", "shift", "by", "set", "to", "flag", "queue", "end", "when", "weight", "meter",
        "gte", "not", "all", "any", "results", "from", "until", "once", "cooldown", "sources", "start",
        # format 2
        "format", "turns", "order", "events", "event", "on", "hidden_from", "start_by_role"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
    st.text(max_size=20), st.sampled_from(["order", "money", "alarm", "patrol", "chief", "order > 3",
                                           "flag.alarm", "max(1)", "1 +", "turn", "{meter.order}", "{x",
                                           "rebel", "festival", "unrest", 2]),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_with(name: str, data: bytes, base: Path = VALID):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "scenario"
        shutil.copytree(base, folder)
        (folder / name).write_bytes(data)
        return check(folder), folder


def _assert_answered(report) -> None:
    assert report.ok == (report.scenario is not None)
    assert all("internal error" not in p.message for p in report.problems), str(report)
    if not report.ok:
        assert report.errors
        assert all(p.line >= 1 and p.col >= 1 for p in report.errors), str(report)


@FUZZ
@given(data=st.binary(max_size=400), name=st.sampled_from(["cards.yaml", "scenario.yaml"]))
def test_random_bytes(data, name):
    report, _ = _check_with(name, data)
    _assert_answered(report)


@FUZZ
@given(doc=values, name=st.sampled_from(["cards.yaml", "scenario.yaml", "world.yaml"]))
def test_random_yaml_documents(doc, name):
    report, _ = _check_with(name, yaml.safe_dump(doc, allow_unicode=True).encode())
    _assert_answered(report)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, prefix + (i,))


@pytest.mark.parametrize("base", [VALID, VALID2], ids=["format1", "format2"])
@FUZZ
@given(name=st.sampled_from(["cards.yaml", "scenario.yaml", "world.yaml", "endings.yaml"]),
       pick=st.integers(0, 10**6), replacement=values)
def test_one_value_of_a_valid_scenario_replaced(base, name, pick, replacement):
    # Near-valid input reaches the cross-checks and the freeze, where random documents rarely get.
    doc = yaml.safe_load((base / name).read_text())
    paths = [p for p in _paths(doc) if p]
    path = paths[pick % len(paths)]
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = replacement
    report, _ = _check_with(name, yaml.safe_dump(doc, allow_unicode=True).encode(), base)
    _assert_answered(report)
