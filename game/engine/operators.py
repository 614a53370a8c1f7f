"""The operators of expressions, each declared once: how it is written, parsed, evaluated and bounded.

One table serves the parser (expr.py, through the `ast` node each operator comes from), the closures
that evaluate (closures.py), constant folding, the interval analysis (reach.py) and display
(expr.render). A rule such as "x / 0 is 0" lives in one place: the operator's `apply` and `interval`.
"""

from __future__ import annotations

import ast
import math
import operator
from dataclasses import dataclass
from typing import Callable

Interval = tuple[float, float]
TRUE, FALSE, MAYBE = (1, 1), (0, 0), (0, 1)
INF = math.inf


@dataclass(frozen=True, slots=True)
class Operator:
    symbol: str  # as written in an expression
    kind: str  # "arith" (a number) or "cmp" (true or false)
    node: type  # the ast operator class the parser reads it from
    apply: Callable[[object, object], object]  # on two numbers
    interval: Callable[[Interval, Interval], Interval]  # on two intervals: every value it can take


# Arithmetic saturates here: a result beyond this bound is the bound (and NaN, which cannot arise from
# finite operands, would be 0). A scenario's numbers lie within a billion, so no game the validator has
# always accepted comes near it; what it stops is a chain of products that overflows a float to infinity
# or grows an integer past what converts to a float, which would crash a draw or a shift.
LIMIT = 1e300


def bounded(x):
    if -LIMIT <= x <= LIMIT:
        return x
    return LIMIT if x > 0 else -LIMIT if x < 0 else 0.0


def divide(a, b):
    """a / b, where dividing by zero gives 0 (a scenario's arithmetic never fails)."""
    return bounded(a / b) if b else 0.0


def _plus(a, b):
    return bounded(a + b)


def _minus(a, b):
    return bounded(a - b)


def _product(a, b):
    return bounded(a * b)


def _add(a: Interval, b: Interval) -> Interval:
    return (a[0] + b[0], a[1] + b[1])


def _sub(a: Interval, b: Interval) -> Interval:
    return (a[0] - b[1], a[1] - b[0])


def _times(x: float, y: float) -> float:
    return 0.0 if x == 0 or y == 0 else x * y  # 0 * inf is 0 here: a zero factor is exactly zero


def _mul(a: Interval, b: Interval) -> Interval:
    products = [_times(x, y) for x in a for y in b]
    return (min(products), max(products))


def _div(a: Interval, b: Interval) -> Interval:
    (al, ah), (bl, bh) = a, b
    if bl == 0 and bh == 0:
        return (0.0, 0.0)  # dividing by zero gives 0
    if bl <= 0 <= bh:
        return (0.0, 0.0) if al == 0 and ah == 0 else (-INF, INF)
    quotients = [x / y for x in (al, ah) for y in (bl, bh) if not (math.isinf(x) and math.isinf(y))]
    return (min(quotients), max(quotients)) if len(quotients) == 4 else (-INF, INF)


def _less(strict: bool):
    def bound(a: Interval, b: Interval) -> Interval:
        (al, ah), (bl, bh) = a, b
        if strict:
            return TRUE if ah < bl else FALSE if al >= bh else MAYBE
        return TRUE if ah <= bl else FALSE if al > bh else MAYBE
    return bound


def _greater(strict: bool):
    less = _less(strict)
    return lambda a, b: less(b, a)


def _equal(a: Interval, b: Interval) -> Interval:
    (al, ah), (bl, bh) = a, b
    return TRUE if al == ah == bl == bh else FALSE if ah < bl or bh < al else MAYBE


def _not_equal(a: Interval, b: Interval) -> Interval:
    lo, hi = _equal(a, b)
    return (1 - hi, 1 - lo)


OPERATORS: dict[str, Operator] = {op.symbol: op for op in (
    Operator("+", "arith", ast.Add, _plus, _add),
    Operator("-", "arith", ast.Sub, _minus, _sub),
    Operator("*", "arith", ast.Mult, _product, _mul),
    Operator("/", "arith", ast.Div, divide, _div),
    Operator("<", "cmp", ast.Lt, operator.lt, _less(True)),
    Operator("<=", "cmp", ast.LtE, operator.le, _less(False)),
    Operator(">", "cmp", ast.Gt, operator.gt, _greater(True)),
    Operator(">=", "cmp", ast.GtE, operator.ge, _greater(False)),
    Operator("==", "cmp", ast.Eq, operator.eq, _equal),
    Operator("!=", "cmp", ast.NotEq, operator.ne, _not_equal),
)}
BY_NODE: dict[type, Operator] = {op.node: op for op in OPERATORS.values()}
