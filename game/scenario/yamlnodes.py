"""Safe YAML: libyaml events and nodes, anchors and tags refused, plain values with their positions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from yaml.constructor import SafeConstructor

from game.i18n import _

from .problems import Problem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 64
# Every number in a scenario lies within a billion either way, and is finite: a game's arithmetic on such
# numbers can always be computed (no float overflow, no integer past Python's digit limit, no NaN).
MAX_NUMBER = 10**9
MAX_ITEMS = 5000  # in one list, as many as a scenario's cards: a longer list is refused before it is built
_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {"!"} | {_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")}
_CONSTRUCT = SafeConstructor()
_SCALARS = {
    _CORE + "int": _CONSTRUCT.construct_yaml_int,
    _CORE + "float": _CONSTRUCT.construct_yaml_float,
    _CORE + "bool": _CONSTRUCT.construct_yaml_bool,
    _CORE + "timestamp": _CONSTRUCT.construct_yaml_timestamp,
    _CORE + "null": lambda node: None,
}

# C0 and C1 controls and DEL, but not tab or newline: YAML's double-quoted escapes ("\e", "\x9b") can write them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NODE_STARTS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent)

Path = tuple  # a value's path in a document: ("cards", 3, "options", 0, "label")


@dataclass(frozen=True, slots=True)
class Spot:
    """Where a value sits (0-based): its key, when it has one, and the value itself."""

    key: tuple[int, int] | None
    value: tuple[int, int]
    style: str | None = None  # a scalar's style: None plain, ' or " quoted, | or > block


@dataclass(slots=True)
class Positions:
    """The map from value paths to places in one file."""

    spots: dict[Path, Spot] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def find(self, path: Path, at: str = "value") -> tuple[int, int]:
        """The 1-based (line, col) of `path`'s key or value; for a missing path, its nearest parent."""
        path = tuple(path)
        for n in range(len(path), -1, -1):
            spot = self.spots.get(path[:n])
            if spot is None:
                continue
            exact = n == len(path)
            use_key = spot.key is not None and (at == "key" or not exact)
            line, col = spot.key if use_key else spot.value  # type: ignore[misc]
            return line + 1, col + 1
        return 1, 1


@dataclass(slots=True)
class Document:
    """One scenario file as plain Python values, with positions for every value."""

    value: dict
    positions: Positions
    refused: list[Path] = field(default_factory=list)  # read in part: the values reported, for the caller to drop


@dataclass(slots=True)
class CardBudget:
    """The cards a scenario may still have, counted across its files while they are scanned: a scenario of
    ten thousand cards is refused before its YAML is built, not after seconds of checking."""

    cards: int
    left: int = -1

    def __post_init__(self) -> None:
        if self.left < 0:
            self.left = self.cards


def read_document(data: bytes, display: str, budget: CardBudget | None = None, *, in_part: bool = False
                  ) -> tuple[Document | None, list[Problem]]:
    """Decode, scan and convert one file. Never raises: every failure is a located problem.

    in_part: a problem in one value (a control character, an anchor, an alias, a tag, a duplicate key) leaves
    the rest of the file readable: the Document comes back with those values' paths in `refused`, for the caller
    to drop. Only a file that cannot be read as a whole (not UTF-8, not YAML, not a mapping, too deep, too
    long) comes back as None. A translation is read this way: one bad text falls back, not the whole file."""
    if not in_part:
        text, problems = scan_document(data, display, budget)
        if text is None:
            return None, problems
        return build_document(text, display)
    text, problems = _decode(data, display)
    if text is None:
        return None, problems
    aliases: set[tuple[int, int]] = set()
    scanned, whole = _scan(text, display, budget, aliases=aliases)
    if not whole:
        return None, scanned
    doc, built = build_document(text, display, in_part=True)
    if doc is None:
        return None, scanned + built
    # What the scan refused (an anchor, a tag) sits at a value's or a key's place: that value is dropped. An
    # alias's value was dropped by the conversion, which converts a node once.
    places = {}
    for path, spot in doc.positions.spots.items():
        places[spot.value] = path
        if spot.key is not None:
            places[spot.key] = path
    for problem in scanned:
        if (problem.line, problem.col) in aliases:
            continue
        path = places.get((problem.line - 1, problem.col - 1))
        if path is None or not path:
            return None, scanned + built  # belt and braces: a problem not at a value leaves nothing to trust
        doc.refused.append(path)
    return doc, scanned + built


def scan_document(data: bytes, display: str, budget: CardBudget | None = None
                  ) -> tuple[str | None, list[Problem]]:
    """The cheap first stage: decode and walk the events (no node built). The text, or None and why not."""
    text, problems = _decode(data, display)
    if text is None:
        return None, problems
    problems, _whole = _scan(text, display, budget)
    return (None if problems else text), problems


def _decode(data: bytes, display: str) -> tuple[str | None, list[Problem]]:
    if b"\0" in data:
        line, col = _offset_to_position(data, data.index(b"\0"))
        return None, [Problem(display, line, col, _("binary file (it holds a NUL byte); scenario files are"
                                                    " UTF-8 text"))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, col = _offset_to_position(data, err.start)
        return None, [Problem(display, line, col, _("not UTF-8 text (byte 0x{byte:02x} cannot be"
                                                    " decoded); save the file as UTF-8").format(
                                                        byte=data[err.start]))]
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return None, [Problem(display, 1, 1, _("empty file; expected sections such as 'cards:' or 'meters:'"))]
    return text, []


def build_document(text: str, display: str, *, in_part: bool = False) -> tuple[Document | None, list[Problem]]:
    """The second stage, on a scanned text: nodes, then plain values with their positions (in_part: see
    read_document)."""
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError as err:
        return None, [_yaml_problem(err, display)]
    except (RecursionError, ValueError) as err:  # belt and braces: the scan should have caught it
        return None, [Problem(display, 1, 1, _("cannot read the YAML: {err}").format(err=err))]
    if node is None:
        return None, [Problem(display, 1, 1, _("empty file (only comments); expected sections such as"
                                               " 'cards:' or 'meters:'"))]
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.SequenceNode):
        return None, [Problem(display, line, col, _("the file is a list at the top level; it must be a"
                                                    " mapping of sections, e.g. 'cards:' followed by the list"))]
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(display, line, col, _("the file is a single value; it must be a mapping of"
                                                    " sections, e.g. 'cards:' followed by the list"))]
    positions = Positions(lines=text.splitlines())
    problems: list[Problem] = []
    doc = Document({}, positions)
    doc.value = _convert(node, (), None, doc, problems, display, set())
    return (None if problems and not in_part else doc), problems


def _scan(text: str, display: str, budget: CardBudget | None = None, *,
          aliases: set[tuple[int, int]] | None = None) -> tuple[list[Problem], bool]:
    """Walk the event stream first: refuse anchors, aliases, custom tags and deep nesting before
    anything is built, so that an alias bomb costs no more than reading its few events; count the
    top-level cards against the budget. Also whether the whole text was walked and may be built (an alias
    stops the walk unless `aliases` collects their places: a file read in part, whose conversion visits each
    node once)."""
    problems: list[Problem] = []
    depth = 0
    top_key = True  # whether the next node at depth 1 is a key of the top mapping
    cards_next = in_cards = False
    items: list[int] = []  # for each open container: the items of a list so far (-1 for a mapping)
    try:
        for event in yaml.parse(text, Loader=Loader):
            mark = event.start_mark
            here = (display, mark.line + 1, mark.column + 1)
            if isinstance(event, _NODE_STARTS) and items and items[-1] >= 0:
                items[-1] += 1
                if items[-1] > MAX_ITEMS:
                    problems.append(Problem(*here, _("a list of more than {max_items:,} items").format(
                        max_items=MAX_ITEMS)))
                    break
            if budget is not None and isinstance(event, _NODE_STARTS):
                if depth == 1:
                    if top_key:
                        cards_next = isinstance(event, yaml.ScalarEvent) and event.value == "cards"
                    else:
                        in_cards = cards_next and isinstance(event, yaml.SequenceStartEvent)
                    top_key = not top_key
                elif depth == 2 and in_cards:
                    budget.left -= 1
                    if budget.left < 0:
                        problems.append(Problem(*here, _("too many cards: a scenario may have at most"
                                                         " {cards}").format(cards=budget.cards)))
                        break
            if isinstance(event, yaml.AliasEvent):
                if aliases is not None:
                    aliases.add(here[1:])
                problems.append(Problem(*here, _("alias '*{anchor}' is not allowed; anchors and"
                                                 " aliases are refused in scenario files: write the value out").format(
                                                     anchor=event.anchor)))
            elif getattr(event, "anchor", None):
                problems.append(Problem(*here, _("anchor '&{anchor}' is not allowed; anchors and"
                                                 " aliases are refused in scenario files: write the value out").format(
                                                     anchor=event.anchor)))
            tag = getattr(event, "tag", None)
            if tag is not None and tag not in _ALLOWED_TAGS:
                shown = tag.replace(_CORE, "!!")
                problems.append(Problem(*here, _("tag '{shown}' is not allowed; scenario files hold plain"
                                                 " values only").format(shown=shown)))
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                items.append(0 if isinstance(event, yaml.SequenceStartEvent) else -1)
                if depth > MAX_DEPTH:
                    problems.append(Problem(*here, _("nested more than {max_depth} levels deep").format(
                        max_depth=MAX_DEPTH)))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
                items.pop()
                if depth == 1:
                    in_cards = False
            if problems and ((isinstance(event, yaml.AliasEvent) and aliases is None) or depth > MAX_DEPTH
                             or len(problems) >= 20):
                break
        else:
            return problems, True
    except yaml.YAMLError as err:
        problems.append(_yaml_problem(err, display))
    return problems, False


def _yaml_problem(err: yaml.YAMLError, display: str) -> Problem:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = getattr(err, "problem", None)
    context = getattr(err, "context", None)
    message = _("invalid YAML: {problem}").format(problem=problem or err)
    if problem and "mapping values are not allowed" in problem:
        message += _("; text that contains ': ' must be put in quotes")
    context_mark = getattr(err, "context_mark", None)
    if context and context_mark is not None:
        message += _(" ({context} at line {line})").format(context=context, line=context_mark.line + 1)
    return Problem(display, line, col, message)


def _offset_to_position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    return line, offset - (before.rfind(b"\n") + 1) + 1


def _convert(node: yaml.Node, path: Path, key: tuple[int, int] | None, doc: Document,
             problems: list[Problem], display: str, seen: set[int]) -> object:
    if id(node) in seen:
        # An alias (the scan reported it): the node is not converted again, so an alias bomb stays small.
        doc.refused.append(path)
        return None
    seen.add(id(node))
    positions = doc.positions
    start = (node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.MappingNode):
        positions.spots[path] = Spot(key, start)
        out: dict = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            kl, kc = key_node.start_mark.line, key_node.start_mark.column
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(display, kl + 1, kc + 1, _("a key must be a plain word, not a list"
                                                                   " or mapping")))
                continue
            # The key's text as written: `yes:` or `1:` stay the strings "yes" and "1".
            name = key_node.value
            if name in first_line:
                problems.append(Problem(display, kl + 1, kc + 1, _("duplicate key '{name}' (first at line"
                                                                   " {line})").format(
                                                                       name=name, line=first_line[name])))
                doc.refused.append(path + (name,))  # which of the two was meant is not known: neither is used
                continue
            first_line[name] = kl + 1
            out[name] = _convert(value_node, path + (name,), (kl, kc), doc, problems, display, seen)
        return out
    if isinstance(node, yaml.SequenceNode):
        positions.spots[path] = Spot(key, start)
        return [_convert(item, path + (i,), None, doc, problems, display, seen)
                for i, item in enumerate(node.value)]
    positions.spots[path] = Spot(key, start, node.style or None)
    construct = _SCALARS.get(node.tag)
    if construct is None:
        control = _CONTROL.search(node.value)
        if control:
            # Written as "\e]0;..." in double quotes: text that would be a terminal command when shown.
            problems.append(Problem(display, node.start_mark.line + 1, node.start_mark.column + 1,
                                    _("control character U+{code:04X} in the text; scenario text is"
                                      " plain text (a new line or a tab at most)").format(code=ord(control.group()))))
            doc.refused.append(path)
        return node.value
    try:
        value = construct(node)
    except (ValueError, OverflowError, TypeError, yaml.YAMLError):
        # Looks like a date but is not one (2026-02-30): keep the text, and let the field that
        # expects a date say why it is wrong. (A number past the digit limit lands here too.)
        if node.tag in (_CORE + "int", _CORE + "float"):
            problems.append(_number_problem(display, node, node.value))
            doc.refused.append(path)
        return node.value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not -MAX_NUMBER <= value <= MAX_NUMBER:
        problems.append(_number_problem(display, node, node.value))  # NaN fails the test too
        doc.refused.append(path)
    return value


def _number_problem(display: str, node: yaml.Node, written: str) -> Problem:
    shown = written if len(written) <= 24 else written[:20] + "..."
    return Problem(display, node.start_mark.line + 1, node.start_mark.column + 1,
                   _("the number {shown} is out of range: numbers in a scenario are finite and lie between"
                     " -{max_number:,} and {max_number:,}").format(shown=shown, max_number=MAX_NUMBER))
