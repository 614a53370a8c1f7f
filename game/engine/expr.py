"""Conditions and numeric expressions: parsed once by a whitelist over `ast`, compiled to closures.

A compiled expression is called as ``fn(meters, flags, turn)``: ``meters`` a tuple of ints in the
scenario's meter order, ``flags`` a frozenset of the flag ids that are set, ``turn`` the turn number.

Both forms of a condition (the one-line string and the structured mapping) become the same small
tree of tuples, kept beside the closure so that tools can reason about it (dead-content analysis):

    ("num", value)              ("meter", index, id)        ("flag", id)       ("turn",)
    ("not", a)                  ("and", (a, b, ...))        ("or", (a, b, ...))
    ("cmp", op, a, b)  op in  <  <=  >  >=  ==  !=
    ("arith", op, a, b) op in  +  -  *  /   (x / 0 is 0)
    ("neg", a)
"""

from __future__ import annotations

import ast
import operator
from dataclasses import dataclass
from typing import Callable, Collection, Mapping

Fn = Callable[[tuple, frozenset, int], object]

CMP_OPS: dict[str, Callable[[object, object], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt,
    ">=": operator.ge, "==": operator.eq, "!=": operator.ne,
}
ARITH_OPS = ("+", "-", "*", "/")
_AST_CMP = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}
_AST_ARITH = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
MAX_LENGTH = 500
MAX_DEPTH = 40


class ExprError(ValueError):
    """A problem in an expression, at a 0-based line and column within its text."""

    def __init__(self, message: str, line: int = 0, col: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


@dataclass(frozen=True, slots=True)
class Expr:
    """A compiled condition or number. `const` is set when it does not depend on the game."""

    text: str
    tree: tuple
    fn: Fn
    const: float | None = None

    def __call__(self, meters: tuple, flags: frozenset, turn: int):
        return self.fn(meters, flags, turn)

    def __reduce__(self):
        # Closures do not pickle; the tree does, and compiling it again gives the same function.
        return (_rebuild, (self.text, self.tree))

    @classmethod
    def from_tree(cls, tree: tuple, text: str = "") -> "Expr":
        tree = _fold(tree)
        const = tree[1] if tree[0] == "num" else None
        return cls(text or render(tree), tree, _compile(tree), const)

    @classmethod
    def number(cls, value: float) -> "Expr":
        return cls.from_tree(("num", value), repr(value))


def _rebuild(text: str, tree: tuple) -> Expr:
    return Expr.from_tree(tree, text)


def parse(text: str, meters: Mapping[str, int], flags: Collection[str]) -> Expr:
    """Parse the one-line form, checking every name against the scenario's meters and flags."""
    if len(text) > MAX_LENGTH:
        raise ExprError(f"expression is {len(text)} characters long; the limit is {MAX_LENGTH}")
    if not text.strip():
        raise ExprError("expression is empty")
    try:
        node = ast.parse(text.strip() if "\n" in text else text, mode="eval")
    except SyntaxError as err:
        line = (err.lineno or 1) - 1
        # At the end of the input Python reports offset 0: point just past the text instead.
        col = (err.offset - 1) if err.offset else len(text.rstrip())
        raise ExprError(f"not a valid expression ({err.msg})", line, col) from None
    return Expr.from_tree(_Reader(meters, flags).read(node.body, 0), text)


class _Reader:
    def __init__(self, meters: Mapping[str, int], flags: Collection[str]) -> None:
        self.meters = meters
        self.flags = flags

    def fail(self, node: ast.AST, message: str) -> ExprError:
        return ExprError(message, getattr(node, "lineno", 1) - 1, getattr(node, "col_offset", 0))

    def read(self, node: ast.AST, depth: int) -> tuple:
        if depth > MAX_DEPTH:
            raise self.fail(node, "expression is nested too deeply")
        d = depth + 1
        if isinstance(node, ast.BoolOp):
            kind = "and" if isinstance(node.op, ast.And) else "or"
            return (kind, tuple(self.read(v, d) for v in node.values))
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Not):
                return ("not", self.read(node.operand, d))
            if isinstance(node.op, ast.USub):
                return ("neg", self.read(node.operand, d))
            if isinstance(node.op, ast.UAdd):
                return self.read(node.operand, d)
            raise self.fail(node, "the operator '~' is not allowed; use not, and, or")
        if isinstance(node, ast.BinOp):
            op = _AST_ARITH.get(type(node.op))
            if op is None:
                raise self.fail(node, "only + - * / are allowed between numbers")
            return ("arith", op, self.read(node.left, d), self.read(node.right, d))
        if isinstance(node, ast.Compare):
            parts = []
            left = self.read(node.left, d)
            for op_node, right_node in zip(node.ops, node.comparators):
                op = _AST_CMP.get(type(op_node))
                if op is None:
                    raise self.fail(node, "only < <= > >= == != are allowed in comparisons")
                right = self.read(right_node, d)
                parts.append(("cmp", op, left, right))
                left = right
            return parts[0] if len(parts) == 1 else ("and", tuple(parts))
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool):
                return ("num", 1 if node.value else 0)
            if isinstance(node.value, (int, float)):
                return ("num", node.value)
            raise self.fail(node, f"only numbers are allowed here, not {type(node.value).__name__}")
        if isinstance(node, ast.Name):
            name = node.id
            if name == "turn":
                return ("turn",)
            if name in ("true", "false"):
                return ("num", 1 if name == "true" else 0)
            if name in self.meters:
                return ("meter", self.meters[name], name)
            if name == "flag":
                raise self.fail(node, "write flag.NAME to test a flag")
            hint = _near(name, list(self.meters) + ["turn"])
            raise self.fail(node, f"unknown name '{name}'" + (f"; did you mean '{hint}'?" if hint else
                                                              "; names are meters, flag.NAME or turn"))
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id == "flag":
                if node.attr not in self.flags:
                    hint = _near(node.attr, list(self.flags))
                    raise self.fail(node, f"unknown flag '{node.attr}'"
                                    + (f"; did you mean 'flag.{hint}'?" if hint else "; declare it under flags:"))
                return ("flag", node.attr)
            raise self.fail(node, "attributes are not allowed; only flag.NAME")
        if isinstance(node, ast.Call):
            raise self.fail(node, "function calls are not allowed in expressions")
        if isinstance(node, ast.Subscript):
            raise self.fail(node, "subscripts ([...]) are not allowed in expressions")
        if isinstance(node, ast.Lambda):
            raise self.fail(node, "lambdas are not allowed in expressions")
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            raise self.fail(node, "comprehensions are not allowed in expressions")
        if isinstance(node, ast.IfExp):
            raise self.fail(node, "'x if c else y' is not allowed in expressions")
        raise self.fail(node, f"'{type(node).__name__}' is not allowed in expressions")


def _near(name: str, candidates: list[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return found[0] if found else None


def _fold(tree: tuple) -> tuple:
    """Fold parts that do not depend on the game into numbers."""
    kind = tree[0]
    if kind in ("and", "or"):
        parts = tuple(_fold(p) for p in tree[1])
        return (kind, parts)
    if kind in ("not", "neg"):
        inner = _fold(tree[1])
        if inner[0] == "num":
            return ("num", (not inner[1]) if kind == "not" else -inner[1])
        return (kind, inner)
    if kind in ("cmp", "arith"):
        a, b = _fold(tree[2]), _fold(tree[3])
        if a[0] == "num" and b[0] == "num":
            x, y = a[1], b[1]
            if kind == "cmp":
                return ("num", CMP_OPS[tree[1]](x, y))
            return ("num", x + y if tree[1] == "+" else x - y if tree[1] == "-" else x * y if tree[1] == "*"
                    else _div(x, y))
        return (kind, tree[1], a, b)
    return tree


def _div(a, b):
    return a / b if b else 0.0


_ARITH = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": _div}


def _compile(tree: tuple) -> Fn:
    """A closure per node, built once. The commonest shapes (a meter against a number, a flag, a
    conjunction of those) get closures with no inner calls, since they sit on the draw's hot path.
    Nothing is ever generated as source and run: a scenario's text cannot become code."""
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
        op = tree[1]
        a, b = tree[2], tree[3]
        if op == "/" and b[0] == "num":
            if not b[1]:
                return lambda m, f, t: 0.0  # dividing by zero gives 0
            return _binary(operator.truediv, a, b)
        fop = _ARITH.get(op)
        if fop is None:
            raise ValueError(f"unknown operator {op!r}")
        return _binary(fop, a, b)
    raise ValueError(f"unknown expression node {kind!r}")


def _compile_cmp(op: str, a: tuple, b: tuple) -> Fn:
    fop = CMP_OPS.get(op)
    if fop is None:
        raise ValueError(f"unknown comparison {op!r}")
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


def render(tree: tuple) -> str:
    """The one-line form of a tree (used to show structured conditions to players)."""
    kind = tree[0]
    if kind == "num":
        v = tree[1]
        return str(int(v)) if float(v).is_integer() else repr(v)
    if kind == "meter":
        return tree[2]
    if kind == "flag":
        return f"flag.{tree[1]}"
    if kind == "turn":
        return "turn"
    if kind == "not":
        return f"not {_paren(tree[1])}"
    if kind == "neg":
        return f"-{_paren(tree[1])}"
    if kind in ("and", "or"):
        return f" {kind} ".join(_paren(p) for p in tree[1])
    return f"{_paren(tree[2])} {tree[1]} {_paren(tree[3])}"


def _paren(tree: tuple) -> str:
    text = render(tree)
    return f"({text})" if tree[0] in ("and", "or", "arith", "cmp") else text


def names(tree: tuple) -> tuple[set[str], set[str]]:
    """The meter ids and flag ids a tree reads."""
    meters: set[str] = set()
    flags: set[str] = set()

    def walk(node: tuple) -> None:
        kind = node[0]
        if kind == "meter":
            meters.add(node[2])
        elif kind == "flag":
            flags.add(node[1])
        elif kind in ("and", "or"):
            for p in node[1]:
                walk(p)
        elif kind in ("not", "neg"):
            walk(node[1])
        elif kind in ("cmp", "arith"):
            walk(node[2])
            walk(node[3])

    walk(tree)
    return meters, flags


def compile_tree(tree: tuple) -> Fn:
    """The closure for an already-checked tree (a part of a condition, say)."""
    return _compile(_fold(tree))
