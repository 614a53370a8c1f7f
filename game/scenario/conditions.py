"""Compiling a scenario's conditions and numbers into engine expressions, errors at file positions."""

from __future__ import annotations

import difflib

from game.engine.expr import Expr, ExprError, names, parse
from game.i18n import _

from .located import Item, Sink
from .fields import AllTest, AnyTest, FlagTest, MeterTest, NotTest
from .problems import Problem

_COMPARISONS = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<=", "eq": "==", "ne": "!="}


class Expressions:
    """Compiles every condition and number once, remembering each by (file, path) for freezing."""

    def __init__(self, sink: Sink, meters: dict[str, int], flags: set[str]) -> None:
        self.sink = sink
        self.meters = meters
        self.flags = flags
        self.compiled: dict[tuple[str, tuple], Expr] = {}
        self.tested_flags: set[str] = set()

    def get(self, item: Item, sub: tuple) -> Expr | None:
        return self.compiled.get((item.file, item.path + tuple(sub)))

    def condition(self, item: Item, sub: tuple, value: object) -> Expr | None:
        if value is None:
            return None
        tree = self._tree(item, tuple(sub), value)
        if tree is None:
            return None
        try:
            expr = Expr.from_tree(tree, value if isinstance(value, str) else "")
        except ExprError as err:  # e.g. a structured condition nested beyond the compiler's limit
            self.sink.error(item, sub, err.message, at="key")
            return None
        return self._keep(item, sub, expr)

    def number(self, item: Item, sub: tuple, value: float | str | None) -> Expr | None:
        if value is None:
            return None
        if isinstance(value, str):
            expr = self._parse(item, tuple(sub), value)
            return None if expr is None else self._keep(item, sub, expr)
        # 10 rather than 10.0 when the expression is shown to a player or an author.
        return self._keep(item, sub, Expr.number(int(value) if float(value).is_integer() else value))

    def _keep(self, item: Item, sub: tuple, expr: Expr) -> Expr:
        self.compiled[(item.file, item.path + tuple(sub))] = expr
        self.tested_flags |= names(expr.tree)[1]
        return expr

    def _parse(self, item: Item, sub: tuple, text: str) -> Expr | None:
        # A literal block (|) may spread an expression over lines; joined with spaces, every
        # character keeps its offset, so an error can still be mapped back to its line.
        flat = text.replace("\n", " ")
        lead = len(flat) - len(flat.lstrip())
        try:
            return parse(flat.strip(), self.meters, self.flags)
        except ExprError as err:
            self._located(item, sub, text, lead + err.col, err.message)
            return None

    def _tree(self, item: Item, sub: tuple, value: object) -> tuple | None:
        if isinstance(value, str):
            expr = self._parse(item, sub, value)
            return None if expr is None else expr.tree
        if isinstance(value, MeterTest):
            return self._meter_test(item, sub, value)
        if isinstance(value, FlagTest):
            if value.flag not in self.flags:
                self._unknown(item, sub + ("flag",), "flag", value.flag, self.flags)
                return None
            return ("flag", value.flag)
        if isinstance(value, NotTest):
            inner = self._tree(item, sub + ("not",), value.not_)
            return None if inner is None else ("not", inner)
        if isinstance(value, (AllTest, AnyTest)):
            key, parts = ("all", value.all_) if isinstance(value, AllTest) else ("any", value.any_)
            trees = [self._tree(item, sub + (key, i), part) for i, part in enumerate(parts)]
            if any(t is None for t in trees):
                return None
            return ("and" if key == "all" else "or", tuple(trees))
        return None

    def _meter_test(self, item: Item, sub: tuple, test: MeterTest) -> tuple | None:
        if test.meter == "turn":
            subject: tuple = ("turn",)
        elif test.meter in self.meters:
            subject = ("meter", self.meters[test.meter], test.meter)
        else:
            self._unknown(item, sub + ("meter",), "meter", test.meter, set(self.meters) | {"turn"})
            return None
        parts = tuple(("cmp", op, subject, ("num", getattr(test, key)))
                      for key, op in _COMPARISONS.items() if getattr(test, key) is not None)
        if not parts:
            self.sink.error(item, sub, _("a meter test needs one of {comparisons}").format(
                comparisons=', '.join(_COMPARISONS)), at="key")
            return None
        return parts[0] if len(parts) == 1 else ("and", parts)

    def _unknown(self, item: Item, sub: tuple, kind: str, name: str, known: set[str]) -> None:
        near = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
        hint = _("; did you mean '{name}'?").format(name=near[0]) if near else ""
        self.sink.error(item, sub, _("unknown {kind} '{name}'{hint}").format(kind=_(kind), name=name, hint=hint))

    def _located(self, item: Item, sub: tuple, text: str, offset: int, message: str) -> None:
        locate(self.sink, item, sub, text, offset, message)


def locate(sink: Sink, item: Item, sub: tuple, text: str, offset: int, message: str) -> None:
    """An error at an offset inside a scalar's text, mapped to the file: the scalar's start, plus one for an
    opening quote; in a literal block (|), the offset's line below the key, at its indentation; in a folded
    block (>), the source line whose words hold the offset (folding joins lines with one space)."""
    path = item.path + tuple(sub)
    spot = sink.spot(item.file, path)
    if spot is None:
        sink.add("error", item.file, path, message)
        return
    line, col = spot.value
    if spot.style == "|":
        lines = sink.positions[item.file].lines
        line += 1 + text.count("\n", 0, offset)
        source = lines[line] if line < len(lines) else ""
        col = len(source) - len(source.lstrip(" ")) + offset - (text.rfind("\n", 0, offset) + 1)
    elif spot.style == ">":
        line, col = _folded(sink.positions[item.file].lines, line, offset)
    else:
        col += (1 if spot.style in ("'", '"') else 0) + offset
    sink.problems.append(Problem(item.file, line + 1, col + 1, message))


def _folded(lines: list[str], line: int, offset: int) -> tuple[int, int]:
    """(line, col), 0-based, of an offset into a folded block scalar that starts below `line`."""
    indent = None
    for n in range(line + 1, len(lines)):
        source = lines[n]
        words = source.strip(" ")
        if not words:
            offset -= 1  # a blank line folds into a line break
            continue
        here = len(source) - len(source.lstrip(" "))
        if indent is None:
            indent = here
        elif here < indent:
            break
        if offset <= len(words):
            return n, here + offset
        offset -= len(words) + 1
    return line + 1, (indent or 0) + max(offset, 0)
