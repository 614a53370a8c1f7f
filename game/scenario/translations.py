"""A scenario's translations: translations/<language>/*.yaml read safely, checked against the English, applied.

A translation file gives only text, keyed by the same ids as the scenario (see scenarios/README.md,
"Translations"). Every text field is optional: one left out falls back to the scenario's own text, and
`crisis validate` counts it as missing. What is wrong in a translation (an id the scenario does not have,
lists of another length, text where the scenario has none, placeholders that differ) is reported at its
place in the translation file, and that text is not used: the game shows the scenario's own instead.
"""

from __future__ import annotations

import difflib
import os
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Iterator, Union

from pydantic import Discriminator, Field, StringConstraints, Tag, ValidationError

from game.i18n import N_, _

from .fields import Strict
from .files import MANIFEST, MAX_FILES, TRANSLATIONS, ScenarioFile, display_base, list_files, read_files, read_one
from .located import Sink
from .names import NOUNS
from .problems import Problem, sort_problems
from .yamlnodes import read_document

if TYPE_CHECKING:
    from game.engine.model import Scenario

    from .shape import Draft

# en, es, pt-BR, zh-Hant: what a folder under translations/ may be called.
LANGUAGE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}")

# --- the file's shape ----------------------------------------------------------------------------------------

Text = Annotated[str, StringConstraints(min_length=1)]
TextOrRoles = Annotated[
    Union[Annotated[Text, Tag("text")], Annotated[dict[str, Text], Tag("role texts")]],
    Discriminator(lambda value: "role texts" if isinstance(value, dict) else "text"),
]


class ScenarioText(Strict):
    title: Text | None = Field(None, description="the scenario's title")
    description: Text | None = Field(None, description="the paragraph for the scenario picker")


class RoleText(Strict):
    name: Text | None = Field(None, description="the role's name")
    title: Text | None = Field(None, description="the line under the name (where the scenario has one)")
    briefing: Text | None = Field(None, description="what the player is told at the start")


class MeterText(Strict):
    label: Text | None = Field(None, description="the meter's name on screen")
    short: Annotated[str, StringConstraints(min_length=1, max_length=16)] | None = Field(
        None, description="the shorter name, at most 16 characters (where the scenario has one)")
    description: Text | None = Field(None, description="one line")


class FactionText(Strict):
    name: Text | None = Field(None, description="the faction's name")
    description: Text | None = Field(None, description="one line")


class FlagText(Strict):
    description: Text | None = Field(None, description="what it means when set")


class GlossaryText(Strict):
    name: Text | None = Field(None, description="the name shown")
    kind: Text | None = Field(None, description="person, institution, place, ...")
    description: Text | None = Field(None, description="who or what it is")


class SourceText(Strict):
    summary: Text | None = Field(None, description="one line, in your own words")
    outlet: Text | None = Field(None, description="who published it, where the scenario describes it in words (an"
                                                  " unnamed column, 'Reuters (in ...)'); a name stays as it is."
                                                  " Never reported missing")
    date: Text | None = Field(None, description="the date where the scenario gives it in words ('late January"
                                                " 2019'). Never reported missing")


class EndingText(Strict):
    title: Text | None = Field(None, description="the ending's heading")
    text: TextOrRoles | None = Field(None, description="what the player reads: text, or {role id: text} where the"
                                                       " scenario gives a text per role")
    history: Text | None = Field(None, description="what happened in reality")
    sources: dict[str, Text] = Field({}, description="{source id: the note on this citation}, where the scenario"
                                                     " cites the source with a note")


class OutcomeText(Strict):
    label: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = Field(
        None, description="the result's short name, at most 40 characters")
    text: Text | None = Field(None, description="what the player reads when this happens")


class OptionText(Strict):
    label: Text | None = Field(None, description="the choice, as the player sees it")
    text: Text | None = Field(None, description="the certain result's text (where the scenario's option has"
                                                " text instead of outcomes)")
    unavailable: Text | None = Field(None, description="why the option is greyed out")
    outcomes: list[OutcomeText] | None = Field(None, description="the outcomes, in the scenario's order")


class CardText(Strict):
    title: Text | None = Field(None, description="the card's heading")
    text: TextOrRoles | None = Field(None, description="what the player reads: text, or {role id: text} where the"
                                                       " scenario gives a text per role")
    note: Text | None = Field(None, description="the reasoning behind the odds, for teachers")
    options: list[OptionText] | None = Field(None, description="the options, in the scenario's order")
    outcomes: list[OutcomeText] | None = Field(None, description="a world event's outcomes, in the scenario's order")
    sources: dict[str, Text] = Field({}, description="{source id: the note on this citation}, where the scenario"
                                                     " cites the source with a note")


class TranslationFile(Strict):
    """translations/<language>/*.yaml: the text of a scenario in another language, keyed by the scenario's ids."""

    scenario: ScenarioText | None = Field(None, description="the manifest's title and description")
    roles: dict[str, RoleText] = Field({}, description="{role id: its text}")
    meters: dict[str, MeterText] = Field({}, description="{meter id: its text}")
    factions: dict[str, FactionText] = Field({}, description="{faction id: its text}")
    flags: dict[str, FlagText] = Field({}, description="{flag id: its text}")
    glossary: dict[str, GlossaryText] = Field({}, description="{entry id: its text}")
    sources: dict[str, SourceText] = Field({}, description="{source id: its summary}")
    endings: dict[str, EndingText] = Field({}, description="{ending id: its text}")
    cards: dict[str, CardText] = Field({}, description="{card id: its text}")


SECTIONS = tuple(k for k in TranslationFile.model_fields if k != "scenario")

# --- reading ---------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Language:
    """One language's translation: each text by its key ((section, id, field, ...) -> text), where it was
    written (key -> (file, path in the file)), and every problem found."""

    code: str
    texts: dict[tuple, str] = field(default_factory=dict)
    where: dict[tuple, tuple[str, tuple]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    missing: list[Problem] = field(default_factory=list)  # each untranslated text, located in the scenario's file
    total: int = 0  # the scenario's texts

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def complete(self) -> bool:
        return not self.missing and not self.problems


def language_folders(folder: Path) -> list[str]:
    """The folders under translations/, sorted (hidden ones left out); [] when there are none."""
    try:
        with os.scandir(folder / TRANSLATIONS) as entries:
            return sorted(e.name for e in entries if not e.name.startswith(".") and e.is_dir(follow_symlinks=False))
    except OSError:
        return []


def _read_language(folder: Path, shown: str, code: str, sink: Sink) -> list[tuple[str, dict]]:
    """(file shown, its plain value) for each readable translation file of one language."""
    base = folder / TRANSLATIONS / code
    rels = list_files(base, content=False)
    where = str(Path(shown) / TRANSLATIONS / code)
    if len(rels) > MAX_FILES or (rels and rels[-1] == "..."):
        sink.extend([Problem(where, 0, 0, _("more than {max_files} YAML files; a translation may have at most"
                                            " {max_files}").format(max_files=MAX_FILES))])
        return []
    try:
        inside = folder.resolve()
    except (OSError, RuntimeError) as err:
        sink.extend([Problem(where, 0, 0, _("cannot read the folder: {reason}").format(
            reason=getattr(err, "strerror", None) or err))])
        return []
    found = []
    for rel in rels:
        display = str(Path(where) / rel)
        data, problem = read_one(base / rel, display, inside)
        if problem:
            sink.extend([_unread(problem)])
            continue
        doc, problems = read_document(data, display, in_part=True)
        if doc is None:
            sink.extend(problems[:-1] + [_unread(p) for p in problems[-1:]])
            continue
        sink.extend(problems)
        for path in doc.refused:  # a control character, an anchor, a duplicate key: that text falls back
            _prune(doc.value, path)
        sink.positions[display] = doc.positions
        found.append((display, doc.value))
    return found


def _unread(problem: Problem) -> Problem:
    """A problem that keeps a whole file from being read, saying so: none of its texts is shown."""
    return replace(problem, message=_("{problem} (nothing in this file is used until it is fixed)").format(
        problem=problem.message))


def _validate_file(display: str, value: dict, sink: Sink) -> dict:
    """The file with what has the wrong shape taken out (each problem reported): the rest is still used."""
    from .shape import translate

    try:
        TranslationFile.model_validate(value)
        return value
    except ValidationError as err:
        errors = err.errors(include_url=False)
    for error in errors:
        path, at, message = translate(error, TranslationFile)
        if error["type"] == "string_too_short":
            message = _("empty text: leave the key out to show the scenario's own text")
        sink.add("error", display, path, message, at)
        _prune(value, path)
    try:
        TranslationFile.model_validate(value)
        return value
    except ValidationError:
        return {}  # belt and braces: what could not be pruned is reported above, and nothing of the file is used


def _prune(value, path: tuple) -> None:
    """Take out the value at `path`: a key is removed, a list's item left empty (the items after it keep their
    places)."""
    *parents, last = path or (None,)
    for step in parents:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            return
    if isinstance(value, dict) and last in value:
        del value[last]
    elif isinstance(value, list) and isinstance(last, int) and 0 <= last < len(value):
        value[last] = {}


# --- the scenario's texts, as a translation keys them ---------------------------------------------------------

FIELDS = {"roles": ("name", "title", "briefing"), "meters": ("label", "short", "description"),
          "factions": ("name", "description"), "flags": ("description",), "glossary": ("name", "kind", "description"),
          "sources": ("summary", "outlet", "date"), "endings": ("title", "text", "history"),
          "cards": ("title", "text", "note")}
# Texts a translation may give but need not: a source's outlet and date are mostly names and ISO dates, the
# same in every language, so leaving them out is not "missing".
OPTIONAL = {("sources", "outlet"), ("sources", "date")}


def _english_value(section: str, model) -> dict:
    """An item's texts in the translation file's shape (options and outcomes as lists)."""
    out = {name: getattr(model, name) for name in FIELDS[section] if getattr(model, name, None)}
    notes = {c.id: c.note for c in getattr(model, "sources", None) or () if not isinstance(c, str) and c.note}
    if notes and section in ("cards", "endings"):
        out["sources"] = notes  # a citation's note: (cards, id, "sources", source id)
    if section == "cards":
        if model.options:
            out["options"] = [_option(o) for o in model.options]
        if model.outcomes:
            out["outcomes"] = [_outcome(o) for o in model.outcomes]
    return out


def _option(option) -> dict:
    out = {name: getattr(option, name) for name in ("label", "text", "unavailable") if getattr(option, name)}
    if option.outcomes:
        out["outcomes"] = [_outcome(o) for o in option.outcomes]
    return out


def _outcome(outcome) -> dict:
    return {name: getattr(outcome, name) for name in ("label", "text") if getattr(outcome, name)}


@dataclass(slots=True)
class English:
    """The scenario's own texts by key, each with where it is written, and the shape of its lists."""

    texts: dict[tuple, str] = field(default_factory=dict)
    where: dict[tuple, tuple[str, tuple]] = field(default_factory=dict)
    ids: dict[str, list[str]] = field(default_factory=dict)
    lists: dict[tuple, int] = field(default_factory=dict)  # (cards, id, options) -> its length
    mapped: set[tuple] = field(default_factory=set)  # the texts given per role
    language: str = "en"
    languages: list[str] = field(default_factory=list)
    manifest: str = ""
    format: int = 1
    positions: dict = field(default_factory=dict)


def english_of(draft: "Draft", positions: dict) -> English:
    english = English(format=draft.format, manifest=draft.manifest or "", positions=positions)
    languages = draft.head.get("languages") or ["en"]
    english.languages = list(languages)
    english.language = languages[0]
    for name in ("title", "description"):
        if draft.head.get(name):
            english.texts[("scenario", name)] = draft.head[name]
            english.where[("scenario", name)] = (english.manifest, (name,))
    for section in SECTIONS:
        english.ids[section] = [item.model.id for item in draft.sections[section]]
        for item in draft.sections[section]:
            key = (section, item.model.id)
            for sub, text in _flatten(_english_value(section, item.model), ()):
                english.texts[key + sub] = text
                english.where[key + sub] = (item.file, item.path + sub)
            for sub, length in _lengths(_english_value(section, item.model), ()):
                english.lists[key + sub] = length
            for name in ("text",):
                if isinstance(getattr(item.model, name, None), dict):
                    english.mapped.add(key + (name,))
    return english


def _flatten(value, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _flatten(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _flatten(v, path + (i,))
    elif isinstance(value, str):
        yield path, value


def _lengths(value, path: tuple) -> Iterator[tuple[tuple, int]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _lengths(v, path + (k,))
    elif isinstance(value, list):
        yield path, len(value)
        for i, v in enumerate(value):
            yield from _lengths(v, path + (i,))


# --- checking one language against the scenario ----------------------------------------------------------------

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")  # as the engine reads placeholders (game/engine/text.py)


def placeholders(text: str) -> Counter:
    """The placeholders in a text ({date}, {meter.street}), and any lone brace, counted."""
    return Counter("{" + (m.group(1) or "").strip() + "}" if m.group(1) is not None else m.group(0)
                   for m in _TOKEN.finditer(text) if m.group(0) not in ("{{", "}}"))


def _shown(tokens: Counter) -> str:
    return ", ".join(sorted(tokens.elements())) or _("none")


def _noun(section: str) -> str:
    return _("scenario") if section == "scenario" else _(NOUNS[section])


def check_language(english: English, code: str, files: list[tuple[str, dict]], sink: Sink) -> Language:
    """One language's texts that fit the scenario; every problem goes to `sink`, located in the translation."""
    lang = Language(code)
    first: dict[tuple, tuple[str, tuple]] = {}
    for display, raw in files:
        value = _validate_file(display, raw, sink)
        entries: list[tuple[str, str | None, dict]] = []
        if isinstance(value.get("scenario"), dict):
            entries.append(("scenario", None, value["scenario"]))
        for section in SECTIONS:
            entries.extend((section, ident, entry) for ident, entry in (value.get(section) or {}).items())
        for section, ident, entry in entries:
            key = (section,) if ident is None else (section, ident)
            if key in first:
                file, path = first[key]
                line, col = sink.positions[file].find(path, "key")
                what = _("the scenario's text") if ident is None else f"{_noun(section)} '{ident}'"
                sink.add("error", display, key, _("{what} is already translated at {file}:{line}:{col}; translate"
                                                  " each in one file only").format(
                                                      what=what, file=file, line=line, col=col), at="key")
                continue
            first[key] = (display, key)
            if ident is not None and ident not in english.ids[section]:
                near = difflib.get_close_matches(ident, english.ids[section], n=1, cutoff=0.6)
                hint = _("; did you mean '{name}'?").format(
                    name=near[0]) if near else _(" (renamed or removed from the scenario?)")
                sink.add("error", display, key, _("{noun} '{ident}' does not exist in the scenario{hint}").format(
                    noun=_noun(section), ident=ident, hint=hint),
                         at="key")
                continue
            _check_entry(english, lang, display, key, entry, sink)
    needed = [key for key in english.texts if (key[0], key[-1]) not in OPTIONAL]
    for key in needed:
        if key not in lang.texts:
            file, path = english.where[key]
            line, col = english.positions[file].find(path) if file in english.positions else (0, 0)
            lang.missing.append(Problem(file, line, col, _("no {code} translation of {what}").format(
                code=code, what=describe_key(key)), "note"))
    lang.total = len(needed)
    return lang


def _check_entry(english: English, lang: Language, display: str, key: tuple, entry: dict, sink: Sink) -> None:
    """The texts of one translated item: shapes and lengths as the scenario's, placeholders as its."""
    wrong: list[tuple] = []  # paths already reported: nothing under them is reported again
    if isinstance(entry.get("text"), (str, dict)) and key[0] in ("cards", "endings"):
        mapped = key + ("text",) in english.mapped
        if mapped and isinstance(entry["text"], str):
            roles = [k[-1] for k in english.texts if k[:-1] == key + ("text",)]
            sink.add("error", display, key + ("text",), _("the scenario gives this text per role ({roles}):"
                                                           " give {{role id: text}} for each").format(
                                                               roles=', '.join(roles)), at="key")
            wrong.append(("text",))
        elif not mapped and isinstance(entry["text"], dict):
            sink.add("error", display, key + ("text",), _("the scenario gives one text for every role here: give one"
                                                           " text, not {role id: text}"), at="key")
            wrong.append(("text",))
    for sub, length in _lengths(entry, ()):
        theirs = english.lists.get(key + sub)
        if any(sub[:len(w)] == w for w in wrong):
            continue
        name = sub[-1]
        if theirs is None:
            why = {"options": _("a world event has no options: its results are under 'outcomes'"),
                   "outcomes": _("its result is certain: translate its 'text'")}.get(name, "")
            sink.add("error", display, key + sub, _("the scenario has no {name} here; {why}").format(
                name=name, why=why) if why else
                     _("the scenario has no {name} here").format(name=name), at="key")
            wrong.append(sub)
        elif theirs != length:
            sink.add("error", display, key + sub, _("{count} {key} here, but the scenario has {theirs}: give one"
                                                    " for each, in its order ({{}} for one left untranslated)").format(
                                                        
                                                        count=length, key=name[:-1] if length == 1 else name,
                                                        theirs=theirs),
                     at="key")
            wrong.append(sub)
    for sub, text in _flatten(entry, ()):
        if any(sub[:len(w)] == w for w in wrong):
            continue
        full = key + sub
        original = english.texts.get(full)
        if original is None:
            if full[:-1] in english.mapped or (len(sub) >= 2 and sub[-2] == "text"):
                message = _("role '{role}' has no text of its own here in the scenario; leave it out").format(
                    role=sub[-1])
            else:
                message = _("the scenario has no {field} here, so there is nothing to translate; leave it out").format(
                    field=_field(sub))
            sink.add("error", display, full, message, at="key")
            continue
        if english.format >= 2:
            ours, theirs = placeholders(text), placeholders(original)
            if ours != theirs:
                sink.add("error", display, full, _("placeholders differ from the scenario's text: it has"
                                                   " {theirs}; this has {ours}").format(
                                                       theirs=_shown(theirs), ours=_shown(ours)))
                continue
        lang.texts[full] = text
        lang.where[full] = (display, full)


def _field(sub: tuple) -> str:
    return next((s for s in reversed(sub) if isinstance(s, str)), "text")


# The list steps of a key as a message names them ("option 1, outcome 2").
STEPS = {"options": N_("option"), "outcomes": N_("outcome")}


def describe_key(key: tuple) -> str:
    """("cards", "walkout", "options", 0, "outcomes", 1, "text") -> "card 'walkout', option 1, outcome 2: text"."""
    if key[0] == "scenario":
        return _("the scenario's {field}").format(field=key[1])
    parts = [f"{_noun(key[0])} '{key[1]}'"]
    if len(key) == 4 and key[2] == "sources":
        return _("{item}: the note on its citation of '{source}'").format(item=parts[0], source=key[3])
    rest = list(key[2:])
    names = []
    while rest:
        step = rest.pop(0)
        if rest and isinstance(rest[0], int):
            parts.append(f"{_(STEPS.get(str(step), str(step)))} {rest.pop(0) + 1}")
        else:
            names.append(str(step))
    name = _(" for ").join(names)  # "text for mayor": a role's own text
    return ", ".join(parts) + f": {name}"


# --- the scenario's languages ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Translations:
    """What `crisis validate` reports: each language's texts and problems, and the problems of the folder itself."""

    language: str  # the scenario's own language (the first of its manifest's languages)
    languages: dict[str, Language] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.all_problems if p.severity == "error"]

    @property
    def all_problems(self) -> list[Problem]:
        return sort_problems(self.problems + [p for lang in self.languages.values() for p in lang.problems])


def _english(folder: Path, shown: str) -> English | None:
    """The scenario's own texts with their places; None when the scenario does not load (the loader says why)."""
    from .loader import check
    from .shape import shape

    if not check(folder).ok:
        return None
    files, problems = read_files(folder, shown)
    if problems:
        return None
    documents, positions = [], {}
    for f in files:
        doc, _found = read_document(f.data, f.display)
        if doc is None:
            return None
        positions[f.display] = doc.positions
        documents.append((f.display, doc, f.rel == MANIFEST))
    return english_of(shape(documents, Sink()), positions)


def check_translations(path: str | Path, only: str | None = None) -> Translations | None:
    """Every language a scenario folder ships, checked against the scenario (`only`: that one language);
    None when the scenario itself does not load."""
    folder = Path(path)
    shown = display_base(path)
    english = _english(folder, shown)
    if english is None:
        return None
    result = Translations(english.language)
    where = Sink()
    where.positions.update(english.positions)
    folders = language_folders(folder)
    _check_listing(folder, shown, english, folders, where)
    result.problems = where.problems
    for code in folders:
        if not LANGUAGE.fullmatch(code) or code == english.language or (only and code != only):
            continue
        sink = Sink()
        files = _read_language(folder, shown, code, sink)
        lang = check_language(english, code, files, sink)
        lang.problems = sort_problems(sink.problems)
        result.languages[code] = lang
    return result


def _check_listing(folder: Path, shown: str, english: English, folders: list[str], sink: Sink) -> None:
    """The languages in translations/ and in the manifest's `languages` agree; nothing else is in the folder."""
    manifest = english.manifest
    listed = english.languages
    spots = english.positions[manifest].spots if manifest in english.positions else {}
    at = ("languages",) if ("languages",) in spots else ("id",)  # where a missing listing would go
    for code in folders:
        there = str(Path(shown) / TRANSLATIONS / code)
        if not LANGUAGE.fullmatch(code):
            sink.add("error", there, (), _("'{code}' is not a language code: name each translation's folder by its"
                                           " language (es, fr, pt-BR)").format(code=code))
        elif code == english.language:
            sink.add("error", there, (), _("'{code}' is the scenario's own language (the first of its 'languages'):"
                                           " its text is in the scenario's files, not in a translation").format(
                                               code=code))
        elif code not in listed:
            sink.add("error", manifest, at, _("translations/{code}/ holds a translation, but 'languages' does not"
                                              " list '{code}': add it (languages: [{languages}])").format(
                                                  code=code, languages=", ".join(listed + [code])))
    for i, code in enumerate(listed[1:], start=1):
        if code not in folders:
            sink.add("error", manifest, ("languages", i), _("'languages' lists '{code}', but there is no"
                                                            " translations/{code}/ folder with its translation").format(
                                                                code=code))
    try:
        strays = [p for p in (folder / TRANSLATIONS).iterdir() if p.is_file() and p.name.endswith((".yaml", ".yml"))]
    except OSError:
        strays = []
    for path in sorted(strays):
        sink.add("error", str(Path(shown) / TRANSLATIONS / path.name), (),
                 _("a translation file belongs in a folder named by its language: translations/<language>/"))


# --- the scenario in a language ------------------------------------------------------------------------------


def _folder_of(where: "str | Path | Scenario") -> Path | None:
    if isinstance(where, (str, Path)):
        return Path(where)
    return Path(where.path) if getattr(where, "path", "") else None


def scenario_languages(where: "str | Path | Scenario") -> list[str]:
    """The languages a scenario can be shown in: its own (first) and each other one its manifest lists that has
    a translations/<language>/ folder. `where` is its folder, or the loaded Scenario."""
    if isinstance(where, (str, Path)):
        from .loader import check

        report = check(where)
        if report.scenario is None:
            return []
        listed = list(report.scenario.languages) or ["en"]
    else:
        listed = list(where.languages) or ["en"]
    return _languages(listed, _folder_of(where))


def _languages(listed: list[str], folder: Path | None) -> list[str]:
    there = set(language_folders(folder)) if folder is not None else set()
    return [listed[0]] + [code for code in listed[1:] if code in there]


def shown_language(where: "str | Path | Scenario", wanted: str | None) -> str:
    """The language the scenario is shown in for a player who wants `wanted`: that one when it has it, else its
    own. A screen says so when the two differ ("This scenario has no Spanish translation; shown in English")."""
    return _shown_in(scenario_languages(where) or ["en"], wanted)


def _shown_in(languages: list[str], wanted: str | None) -> str:
    if wanted in languages:
        return wanted
    base = _base(wanted or "")
    return base if base in languages else languages[0]


def falls_back(where: "str | Path | Scenario", wanted: str | None) -> bool:
    """Whether a player who wants `wanted` sees the scenario in another language (its own): what the new-game
    screen tells the player."""
    return wanted is not None and _base(shown_language(where, wanted)) != _base(wanted)


def _base(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


def player_language() -> str | None:
    """The language the player asked for (game.i18n's), None before one is set."""
    try:
        from game.i18n import language
    except ImportError:  # game.i18n arrives with the interface's translation (issue 14)
        return None
    return language()


def played_in(scenario: "Scenario") -> str:
    """The language a game on this scenario is shown in now: the player's when the scenario has it, else its own.
    What a debrief records."""
    return shown_language(scenario, player_language())


def translated(scenario: "Scenario", wanted: str | None, folder: str | Path | None = None) -> "Scenario":
    """The scenario with its text in the language a player wants, text by text, where it has a translation and
    that text is sound; every other text stays the scenario's own. The rules (ids, numbers, effects) are the
    same objects: a save and its content hash are those of the scenario, whatever its language. `folder`: where
    it was loaded from (default: the scenario's path)."""
    where = Path(folder) if folder is not None else _folder_of(scenario)
    listed = list(scenario.languages) or ["en"]
    code = _shown_in(_languages(listed, where), wanted)
    if where is None or code == listed[0]:
        return scenario
    found = check_translations(where, only=code)
    if found is None or code not in found.languages:
        return scenario
    return apply(scenario, found.languages[code].texts)


def apply(sc: "Scenario", texts: dict[tuple, str]) -> "Scenario":
    """`sc` with each text that `texts` gives ((section, id, field, ...) -> text) in place of its own."""
    def t(key: tuple, own: str) -> str:
        return texts.get(key, own) if own else own

    def read(key: tuple, text: str, per_role) -> dict:
        """A text, or a text per role (the first role's is the text shown where no role reads it)."""
        if per_role:
            new = {role: t(key + ("text", role), each) for role, each in per_role.items()}
            return {"text": next(iter(new.values())), "texts": new}
        return {"text": t(key + ("text",), text)}

    def outcomes(key: tuple, outs: tuple) -> tuple:
        return tuple(replace(o, label=t(key + ("outcomes", i, "label"), o.label),
                             text=t(key + ("outcomes", i, "text"), o.text)) for i, o in enumerate(outs))

    def card(c):
        key = ("cards", c.id)
        own = read(key, c.text, c.texts)
        if c.event:
            option = c.options[0] if c.options else None
            if option is not None and not any(k[:3] == key + ("outcomes",) for k in texts) \
                    and len(option.outcomes) == 1 and option.outcomes[0].text == c.text:
                # An event with a certain result reads its card's text.
                option = replace(option, outcomes=(replace(option.outcomes[0], text=own["text"]),))
            elif option is not None:
                option = replace(option, outcomes=outcomes(key, option.outcomes))
            options = (option,) if option is not None else ()
        else:
            options = tuple(_option(key + ("options", o), opt) for o, opt in enumerate(c.options))
        return replace(c, title=t(key + ("title",), c.title), note=t(key + ("note",), c.note), options=options,
                       sources=citations(key, c.sources), **own)

    def citations(key: tuple, cited: tuple) -> tuple:
        return tuple(replace(c, note=t(key + ("sources", c.source), c.note)) for c in cited)

    def _option(key: tuple, opt):
        if key + ("text",) in texts and len(opt.outcomes) == 1:
            outs = (replace(opt.outcomes[0], text=texts[key + ("text",)]),)
        else:
            outs = outcomes(key, opt.outcomes)
        return replace(opt, label=t(key + ("label",), opt.label), unavailable=t(key + ("unavailable",), opt.unavailable),
                       outcomes=outs)

    def fields(section: str, item, names: tuple[str, ...]):
        return replace(item, **{n: t((section, item.id, n), getattr(item, n)) for n in names})

    return replace(
        sc, title=t(("scenario", "title"), sc.title), description=t(("scenario", "description"), sc.description),
        roles=tuple(fields("roles", r, ("name", "title", "briefing")) for r in sc.roles),
        meters=tuple(fields("meters", m, ("label", "short", "description")) for m in sc.meters),
        factions=tuple(fields("factions", f, ("name", "description")) for f in sc.factions),
        flags=tuple(fields("flags", f, ("description",)) for f in sc.flags),
        glossary=tuple(fields("glossary", g, ("name", "kind", "description")) for g in sc.glossary),
        sources=tuple(fields("sources", s, ("summary", "outlet", "date")) for s in sc.sources),
        endings=tuple(replace(fields("endings", e, ("title", "history")), sources=citations(("endings", e.id), e.sources),
                              **read(("endings", e.id), e.text, e.texts)) for e in sc.endings),
        cards=tuple(card(c) for c in sc.cards),
    )
