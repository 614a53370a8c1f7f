"""Loading a scenario folder in stages (files, YAML, shapes, cross-checks, freeze), with a small cache."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

from game.plain import plain

from game.engine.model import Scenario
from game.i18n import _, format_number, language

from .crosscheck import MAX_CARDS, MAX_EFFECTS, crosscheck
from .files import MANIFEST, content_hash, display_base, read_files
from .freeze import freeze
from .lint import lint, lint_reach
from .located import Sink
from .problems import Problem, Report, ScenarioError, sort_problems
from .shape import shape
from .yamlnodes import CardBudget, build_document, scan_document

# Keyed by the folder as given and as shown (messages name files that way), by the files' hash, and by the
# language the messages were written in.
_CACHE: OrderedDict[tuple[str, str, str, str], Report] = OrderedDict()
_CACHE_SIZE = 16


def check(path: str | Path) -> Report:
    """Check a scenario folder: every problem (errors and warnings) and, when valid, the Scenario."""
    folder = Path(path)
    shown = display_base(path)
    try:
        files, problems = read_files(folder, shown)
        key = (str(folder), shown, content_hash(files), language())
        if not problems and key in _CACHE:
            _CACHE.move_to_end(key)
            cached = _CACHE[key]
            return Report(cached.scenario, list(cached.problems))
        report = _check(files, problems, key[2], str(folder))
    except Exception as err:  # noqa: BLE001 - the promise is a report, never a traceback
        report = Report(None, [Problem(shown, 0, 0, _("internal error while checking ({kind}:"
                                                      " {err}); please report this as a bug").format(
                                                          kind=type(err).__name__, err=err))])
        return Report(None, _plain(report.problems))
    report = Report(report.scenario, _plain(report.problems))
    if not problems:
        _CACHE[key] = report
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return Report(report.scenario, list(report.problems))


def _plain(problems: list[Problem]) -> list[Problem]:
    """Problems as text for a terminal: a file name or a quoted value from a scenario may hold escape
    sequences, which must be shown, never sent (validate, simulate and the game all print these)."""
    return [p if plain(p.file) == p.file and plain(p.message) == p.message
            else replace(p, file=plain(p.file), message=plain(p.message)) for p in problems]


def _check(files: list, problems: list[Problem], digest: str, path: str) -> Report:
    sink = Sink()
    sink.extend(problems)
    documents = []
    budget = CardBudget(MAX_CARDS)
    scanned = []
    for f in files:  # every file scanned before any is built: ten thousand cards cost a scan, not a build
        text, found = scan_document(f.data, f.display, budget)
        sink.extend(found)
        if budget.left < 0:
            return Report(None, sort_problems(sink.problems))  # one message is enough
        scanned.append((f, text))
    for f, text in scanned:
        if text is None:
            continue
        doc, found = build_document(text, f.display)
        sink.extend(found)
        if doc is not None:
            sink.positions[f.display] = doc.positions
            if f.rel == MANIFEST:
                sink.extend(_format_mark(doc, f.display))
            documents.append((f.display, doc, f.rel == MANIFEST))
    unreadable = bool(sink.problems)
    if not unreadable and _too_big(documents, sink):
        return Report(None, sort_problems(sink.problems))
    draft = shape(documents, sink)
    if unreadable:
        # A file that could not be read would make every reference into it look wrong: stop here.
        return Report(None, sort_problems(sink.problems))
    checked = crosscheck(draft, sink)
    lint(draft, checked, sink)
    scenario = None if sink.has_errors else freeze(draft, checked, digest, path)
    if scenario is not None:
        lint_reach(draft, checked, scenario, sink)
    return Report(scenario, sort_problems(sink.problems))


def _too_big(documents: list, sink: Sink) -> bool:
    """At most MAX_EFFECTS effects in one list (a queue bomb is forty thousand), checked on the plain values
    before any model is built. (The cards were counted while the files were scanned.)"""
    found = False
    for display, doc, _manifest in documents:
        for path, effects in _effect_lists(doc.value, ()):
            if len(effects) > MAX_EFFECTS:
                sink.add("error", display, path, _("{count} effects in one list; the limit is {limit}").format(
                    count=format_number(len(effects)), limit=MAX_EFFECTS),
                         at="key")
                found = True
    return found


def _effect_lists(value, path: tuple):
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "effects" and isinstance(inner, list):
                yield path + (key,), inner
            yield from _effect_lists(inner, path + (key,))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _effect_lists(inner, path + (i,))


def _format_mark(doc, display: str) -> list[Problem]:
    """`format: 1.0` is format 1 (YAML wrote a whole number as a float); `format: true` is no format at all,
    though pydantic would read it as 1."""
    value = doc.value.get("format")
    if isinstance(value, float) and value.is_integer():
        doc.value["format"] = int(value)
    elif isinstance(value, bool):
        line, col = doc.positions.find(("format",))
        return [Problem(display, line, col, _("'format': expected the format's number, 1 or 2, got"
                                              " {value}").format(value=str(value).lower()))]
    return []


def load(path: str | Path) -> Scenario:
    """The frozen Scenario in `path`; raises ScenarioError (with every located problem) if invalid."""
    report = check(path)
    if report.scenario is None:
        raise ScenarioError(report.problems)
    return report.scenario
