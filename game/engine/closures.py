"""Expression trees (see expr.py) compiled to closures, once: folding, then a closure per node.

The commonest shapes (a meter against a number, a flag, a conjunction of those) get closures with
no inner calls, since they sit on the draw's hot path. Nothing is ever generated as source and run:
a scenario's text cannot become code.
"""

from __future__ import annotations

import operator
from typing import Callable

from .operators import OPERATORS

Fn = Callable[[tuple, frozenset, int], object]


def fold(tree: tuple) -> tuple:
    """Fold parts that do not depend on the game into numbers."""
    kind = tree[0]
    if kind in ("and", "or"):
        parts = tuple(fold(p) for p in tree[1])
        return (kind, parts)
    if kind in ("not", "neg"):
        inner = fold(tree[1])
        if inner[0] == "num":
            return ("num", (not inner[1]) if kind == "not" else -inner[1])
        return (kind, inner)
    if kind in ("cmp", "arith"):
        a, b = fold(tree[2]), fold(tree[3])
        if a[0] == "num" and b[0] == "num":
            return ("num", OPERATORS[tree[1]].apply(a[1], b[1]))
        return (kind, tree[1], a, b)
    return tree


def _compile(tree: tuple) -> Fn:
    """A closure per node of a folded tree."""
    kind = tree[0]
    if kind == "num":
        v = tree[1]
        return lambda m, f, t: v
    if kind == "meter":
        i = tree[1]
        return lambda m, f, t: m[i]
    if kind == "flag":
        name = tree[1]
        return lambda m, f, t: name in f
    if kind == "turn":
        return lambda m, f, t: t
    if kind == "not":
        a = tree[1]
        if a[0] == "flag":
            name = a[1]
            return lambda m, f, t: name not in f
        fa = _compile(a)
        return lambda m, f, t: not fa(m, f, t)
    if kind == "neg":
        fa = _compile(tree[1])
        return lambda m, f, t: -fa(m, f, t)
    if kind in ("and", "or"):
        parts = tree[1]
        if not parts:  # as all() and any() of nothing
            value = kind == "and"
            return lambda m, f, t: value
        fns = tuple(_compile(p) for p in parts)
        if len(fns) == 1:
            f1 = fns[0]
            return lambda m, f, t: bool(f1(m, f, t))
        if len(fns) == 2:
            f1, f2 = fns
            if kind == "and":
                return lambda m, f, t: bool(f1(m, f, t) and f2(m, f, t))
            return lambda m, f, t: bool(f1(m, f, t) or f2(m, f, t))
        if len(fns) == 3:
            f1, f2, f3 = fns
            if kind == "and":
                return lambda m, f, t: bool(f1(m, f, t) and f2(m, f, t) and f3(m, f, t))
            return lambda m, f, t: bool(f1(m, f, t) or f2(m, f, t) or f3(m, f, t))
        if kind == "and":
            def all_of(m, f, t):
                for g in fns:
                    if not g(m, f, t):
                        return False
                return True
            return all_of

        def any_of(m, f, t):
            for g in fns:
                if g(m, f, t):
                    return True
            return False
        return any_of
    if kind == "cmp":
        return _compile_cmp(tree[1], tree[2], tree[3])
    if kind == "arith":
        a, b = tree[2], tree[3]
        if _small(a) and _small(b):
            return _small_arith(tree[1], a, b)
        return _binary(_operator(tree[1], "arith").apply, a, b)
    raise ValueError(f"unknown expression node {kind!r}")


# A leaf whose size is known small: a meter or a number within a billion (the loader's limit on a file's
# numbers and meter ranges), or the turn. Arithmetic on two of them cannot overflow, so it needs none of
# the saturation the operator table applies (see operators.bounded), and runs as Python's own operators.
SMALL = 1e9


def _small(node: tuple) -> bool:
    kind = node[0]
    return kind in ("meter", "turn") or (kind == "num" and -SMALL <= node[1] <= SMALL)


def _small_arith(op: str, a: tuple, b: tuple) -> Fn:
    """`a OP b` for two small leaves (see SMALL), as the operator table computes it, without saturation.
    A divisor that is a meter or the turn is a whole number, so a quotient is never larger than its
    dividend; a fixed divisor below 1e-9 in size keeps the table's own (saturating) division."""
    if op == "/":
        if b[0] == "num":
            if abs(b[1]) < 1e-9:
                return _binary(_operator(op, "arith").apply, a, b)
            return _binary(operator.truediv, a, b)
        if b[0] == "meter":
            j = b[1]
            fa = _compile(a)
            return lambda m, f, t: fa(m, f, t) / m[j] if m[j] else 0.0
        fa = _compile(a)
        return lambda m, f, t: fa(m, f, t) / t if t else 0.0
    return _binary(_RAW[op], a, b)


_RAW = {"+": operator.add, "-": operator.sub, "*": operator.mul}


def _operator(symbol: str, kind: str):
    op = OPERATORS.get(symbol)
    if op is None or op.kind != kind:
        raise ValueError(f"unknown operator {symbol!r}")
    return op


def _compile_cmp(op: str, a: tuple, b: tuple) -> Fn:
    fop = _operator(op, "cmp").apply
    if a[0] == "meter" and b[0] == "num":
        i, v = a[1], b[1]
        if op == ">=":
            return lambda m, f, t: m[i] >= v
        if op == "<=":
            return lambda m, f, t: m[i] <= v
        if op == ">":
            return lambda m, f, t: m[i] > v
        if op == "<":
            return lambda m, f, t: m[i] < v
        return lambda m, f, t: fop(m[i], v)
    if a[0] == "turn" and b[0] == "num":
        v = b[1]
        return lambda m, f, t: fop(t, v)
    return _binary(fop, a, b)


def _binary(fop: Callable, a: tuple, b: tuple) -> Fn:
    """`a OP b`, reading meters and numbers directly rather than through a closure call each."""
    ka, kb = a[0], b[0]
    if ka == "meter":
        i = a[1]
        if kb == "num":
            v = b[1]
            return lambda m, f, t: fop(m[i], v)
        if kb == "meter":
            j = b[1]
            return lambda m, f, t: fop(m[i], m[j])
        fb = _compile(b)
        return lambda m, f, t: fop(m[i], fb(m, f, t))
    if ka == "num":
        v = a[1]
        if kb == "meter":
            j = b[1]
            return lambda m, f, t: fop(v, m[j])
        fb = _compile(b)
        return lambda m, f, t: fop(v, fb(m, f, t))
    fa = _compile(a)
    if kb == "num":
        w = b[1]
        return lambda m, f, t: fop(fa(m, f, t), w)
    if kb == "meter":
        j = b[1]
        return lambda m, f, t: fop(fa(m, f, t), m[j])
    fb = _compile(b)
    return lambda m, f, t: fop(fa(m, f, t), fb(m, f, t))


def split_flags(tree: tuple) -> tuple[frozenset, frozenset, tuple | None]:
    """A condition as (flags that must be set, flags that must be clear, the rest or None).

    The draw tests the two sets with C-level set operations and calls a closure only for the rest,
    which is most of the speed of checking a deck's conditions."""
    parts = tree[1] if tree[0] == "and" else (tree,)
    need, forbid, rest = set(), set(), []
    for part in parts:
        if part[0] == "flag":
            need.add(part[1])
        elif part[0] == "not" and part[1][0] == "flag":
            forbid.add(part[1][1])
        else:
            rest.append(part)
    if not rest:
        remainder = None
    elif len(rest) == 1:
        remainder = rest[0]
    else:
        remainder = ("and", tuple(rest))
    return frozenset(need), frozenset(forbid), remainder


def compile_tree(tree: tuple) -> Fn:
    """The closure for an already-checked tree (a part of a condition, say)."""
    return _compile(fold(tree))
