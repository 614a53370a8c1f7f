"""Each effect kind is declared once with every part the engine needs, and each operator once for
evaluation, interval analysis and display: a kind or operator missing a part fails here, not silently."""

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.effects import KINDS, Effect
from game.engine.expr import parse, render
from game.engine.operators import FALSE, OPERATORS, TRUE

PARTS = ("compile", "widen", "describe")


def test_every_effect_class_is_a_declared_kind():
    # dataclass(slots=True) leaves the class it replaced behind as a subclass too: compare names.
    declared = {c.__qualname__ for c in Effect.__subclasses__() if c.__module__ == "game.engine.effects"}
    assert declared == {k.__qualname__ for k in KINDS}


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_every_kind_has_every_part(kind):
    for part in PARTS:
        assert getattr(kind, part) is not getattr(Effect, part), f"{kind.__name__} lacks its {part} part"
    assert kind.key and "when" in kind.__dataclass_fields__


def test_a_kind_without_its_parts_is_refused_loudly():
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Halfway(Effect):
        when: object = None

    try:
        for part, args in (("compile", (None,)), ("widen", (None,)), ("describe", (None,))):
            with pytest.raises(NotImplementedError, match=part):
                getattr(Halfway(), part)(*args)
    finally:
        # Keep the registry test above honest for the rest of the run.
        import gc

        del Halfway
        gc.collect()


def test_the_parser_reads_every_operator_and_render_writes_it_back():
    for symbol, op in OPERATORS.items():
        text = f"a {symbol} b"
        expr = parse(text, {"a": 0, "b": 1}, ())
        assert expr.tree[:2] == (op.kind, symbol)
        assert render(expr.tree) == text


VALUES = st.integers(-50, 50)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(OPERATORS)), VALUES, VALUES, VALUES, VALUES)
def test_an_operator_s_interval_holds_every_value_it_computes(symbol, a1, a2, b1, b2):
    op = OPERATORS[symbol]
    a, b = (min(a1, a2), max(a1, a2)), (min(b1, b2), max(b1, b2))
    lo, hi = op.interval(a, b)
    for x, y in itertools.product(range(a[0], a[1] + 1, max(1, (a[1] - a[0]) // 5)),
                                  range(b[0], b[1] + 1, max(1, (b[1] - b[0]) // 5))):
        v = float(op.apply(x, y))
        if op.kind == "cmp":
            assert (lo, hi) != (TRUE if not v else FALSE)
        else:
            assert lo - 1e-9 <= v <= hi + 1e-9 or math.isinf(lo) or math.isinf(hi)


def test_dividing_by_zero_gives_zero_everywhere():
    div = OPERATORS["/"]
    assert div.apply(7, 0) == 0.0
    assert div.interval((3.0, 9.0), (0.0, 0.0)) == (0.0, 0.0)
    e = parse("a / b", {"a": 0, "b": 1}, ())
    assert e((7, 0), frozenset(), 1) == 0.0
    assert parse("7 / 0", {}, ()).const == 0.0


LEAVES = st.one_of(
    st.integers(-10**9, 10**9).map(lambda v: ("num", v)),
    st.floats(-1e9, 1e9, allow_nan=False).map(lambda v: ("num", v)),
    st.sampled_from([("meter", 0, "a"), ("meter", 1, "b"), ("turn",)]),
)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from("+-*/"), LEAVES, LEAVES, st.integers(-10**9, 10**9), st.integers(-10**9, 10**9),
       st.integers(1, 10_000))
def test_arithmetic_on_two_leaves_computes_what_the_operator_table_says(symbol, a, b, x, y, turn):
    # Two leaves (meters, numbers within a billion, the turn) are computed with Python's own operators,
    # without the table's saturation: the value must be the table's all the same.
    from game.engine.closures import compile_tree

    meters = (x, y)

    def value(leaf):
        return leaf[1] if leaf[0] == "num" else turn if leaf[0] == "turn" else meters[leaf[1]]

    fast = compile_tree(("arith", symbol, a, b))(meters, frozenset(), turn)
    assert fast == OPERATORS[symbol].apply(value(a), value(b))
