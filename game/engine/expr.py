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
from dataclasses import dataclass
from typing import Collection, Mapping

from game.i18n import _

from .closures import Fn, compile_tree, fold
from .operators import BY_NODE
MAX_LENGTH = 500
MAX_DEPTH = 40
MAX_NUMBER = 10**9  # as the scenario loader's limit on a file's numbers: finite, within a billion either way


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
        tree = fold(tree)
        const = tree[1] if tree[0] == "num" else None
        return cls(text or render(tree), tree, compile_tree(tree), const)

    @classmethod
    def number(cls, value: float) -> "Expr":
        return cls.from_tree(("num", value), repr(value))


def _rebuild(text: str, tree: tuple) -> Expr:
    return Expr.from_tree(tree, text)


def parse(text: str, meters: Mapping[str, int], flags: Collection[str]) -> Expr:
    """Parse the one-line form, checking every name against the scenario's meters and flags."""
    if len(text) > MAX_LENGTH:
        raise ExprError(_("expression is {count} characters long; the limit is {limit}").format(
            count=len(text), limit=MAX_LENGTH))
    if not text.strip():
        raise ExprError(_("expression is empty"))
    try:
        node = ast.parse(text.strip() if "\n" in text else text, mode="eval")
    except SyntaxError as err:
        line = (err.lineno or 1) - 1
        # At the end of the input Python reports offset 0: point just past the text instead.
        col = (err.offset - 1) if err.offset else len(text.rstrip())
        raise ExprError(_("not a valid expression ({msg})").format(msg=err.msg), line, col) from None
    return Expr.from_tree(_Reader(meters, flags).read(node.body, 0), text)


class _Reader:
    def __init__(self, meters: Mapping[str, int], flags: Collection[str]) -> None:
        self.meters = meters
        self.flags = flags

    def fail(self, node: ast.AST, message: str) -> ExprError:
        return ExprError(message, getattr(node, "lineno", 1) - 1, getattr(node, "col_offset", 0))

    def read(self, node: ast.AST, depth: int) -> tuple:
        if depth > MAX_DEPTH:
            raise self.fail(node, _("expression is nested too deeply"))
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
            raise self.fail(node, _("the operator '~' is not allowed; use not, and, or"))
        if isinstance(node, ast.BinOp):
            op = BY_NODE.get(type(node.op))
            if op is None or op.kind != "arith":
                raise self.fail(node, _("only + - * / are allowed between numbers"))
            return ("arith", op.symbol, self.read(node.left, d), self.read(node.right, d))
        if isinstance(node, ast.Compare):
            parts = []
            left = self.read(node.left, d)
            for op_node, right_node in zip(node.ops, node.comparators):
                op = BY_NODE.get(type(op_node))
                if op is None or op.kind != "cmp":
                    raise self.fail(node, _("only < <= > >= == != are allowed in comparisons"))
                right = self.read(right_node, d)
                parts.append(("cmp", op.symbol, left, right))
                left = right
            return parts[0] if len(parts) == 1 else ("and", tuple(parts))
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool):
                return ("num", 1 if node.value else 0)
            if isinstance(node.value, (int, float)):
                if not -MAX_NUMBER <= node.value <= MAX_NUMBER:  # NaN and infinities fail too
                    raise self.fail(node, _("a number is out of range: numbers are finite and lie between"
                                            " -{max_number:,} and {max_number:,}").format(max_number=MAX_NUMBER))
                return ("num", node.value)
            raise self.fail(node, _("only numbers are allowed here, not {kind}").format(
                kind=type(node.value).__name__))
        if isinstance(node, ast.Name):
            name = node.id
            if name == "turn":
                return ("turn",)
            if name in ("true", "false"):
                return ("num", 1 if name == "true" else 0)
            if name in self.meters:
                return ("meter", self.meters[name], name)
            if name == "flag":
                raise self.fail(node, _("write flag.NAME to test a flag"))
            hint = _near(name, list(self.meters) + ["turn"])
            raise self.fail(node, _("unknown name '{name}'").format(name=name)
                            + (_("; did you mean '{name}'?").format(name=hint) if hint else
                               _("; names are meters, flag.NAME or turn")))
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id == "flag":
                if node.attr not in self.flags:
                    hint = _near(node.attr, list(self.flags))
                    raise self.fail(node, _("unknown flag '{flag}'").format(flag=node.attr)
                                    + (_("; did you mean 'flag.{flag}'?").format(flag=hint) if hint else
                                       _("; declare it under flags:")))
                return ("flag", node.attr)
            raise self.fail(node, _("attributes are not allowed; only flag.NAME"))
        if isinstance(node, ast.Call):
            raise self.fail(node, _("function calls are not allowed in expressions"))
        if isinstance(node, ast.Subscript):
            raise self.fail(node, _("subscripts ([...]) are not allowed in expressions"))
        if isinstance(node, ast.Lambda):
            raise self.fail(node, _("lambdas are not allowed in expressions"))
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            raise self.fail(node, _("comprehensions are not allowed in expressions"))
        if isinstance(node, ast.IfExp):
            raise self.fail(node, _("'x if c else y' is not allowed in expressions"))
        raise self.fail(node, _("'{kind}' is not allowed in expressions").format(kind=type(node).__name__))


def _near(name: str, candidates: list[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return found[0] if found else None


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
