"""`crisis validate` and `crisis schema`: check scenario folders (once, or each time they change), print the schema."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from pathlib import Path

from game import paths
from game.i18n import _, ngettext

from .catalog import _manifest_id, installed, resolve_scenario
from .files import display_base
from .loader import check
from .problems import Report, ScenarioNotFound, format_problems
from .schema import schema_text, translation_schema_text


def _count(n: int, noun: str) -> str:
    """`n` of a noun, in the plural form the language gives that number."""
    forms = {
        "error": ngettext("{n} error", "{n} errors", n), "warning": ngettext("{n} warning", "{n} warnings", n),
        "note": ngettext("{n} note", "{n} notes", n), "card": ngettext("{n} card", "{n} cards", n),
        "ending": ngettext("{n} ending", "{n} endings", n),
    }
    return forms[noun].format(n=n)


def run_validate(paths_: list[str], where: bool = False, watch: bool = False,
                 changes: Iterable[list[str]] | None = None, notes: bool = False, missing: str | None = None) -> int:
    """Print every error and warning of each scenario (and its notes with `notes`; otherwise only their
    count), and of its translations, with the texts a translation lacks listed for the language `missing`
    names ("all": every language); 0 all valid, 1 any invalid, 2 a usage error. With `watch`, check the one
    folder again each time one of its files changes, until interrupted (`changes`: for tests)."""
    if where:
        print(_("bundled scenarios: {folder}").format(folder=paths.bundled_scenarios()))
        print(_("your scenarios:    {folder}").format(folder=paths.user_scenarios()))
        print(_("(set {home_env} to move your folder: scenarios are then read from"
                " ${home_env}/scenarios)").format(home_env=paths.HOME_ENV))
        return 0
    if watch and len(paths_) != 1:
        print(_("crisis validate: --watch checks one scenario folder: give its path"), file=sys.stderr)
        return 2
    folders: list[Path] = []
    for arg in paths_:
        try:
            folders.append(resolve_scenario(arg))
        except ScenarioNotFound as err:
            print(_("crisis validate: {error}").format(error=err), file=sys.stderr)
            return 2
    if not paths_:
        folders = installed()
        if not folders:
            print(_("no scenarios found (crisis validate --where shows where they are looked for)"))
            return 0
    if watch:
        return _watch(folders[0], changes, notes, missing)
    status = 0
    for folder in folders:
        if not _validate_one(folder, notes, missing):
            status = 1
    return status


def _validate_one(folder: Path, notes: bool = False, missing: str | None = None) -> bool:
    """Print one folder's problems and its summary line, which names it by its id, then its translations';
    True when it loads and its translations have no errors. Notes (often meant) are counted in the summary
    and listed only when asked for."""
    report = check(folder)
    shown = [p for p in report.problems if notes or p.severity != "note"]
    if shown:
        print(format_problems(shown))
    print(summary(folder, report, notes))
    return report.ok and _validate_translations(folder, missing)


def _validate_translations(folder: Path, missing: str | None) -> bool:
    """Each language's problems (located in its files), the texts it lacks when asked (located in the
    scenario's), and one line per language: `es: complete`, or what is wrong and how much is missing."""
    from .translations import check_translations

    found = check_translations(folder)
    if found is None:
        return True
    if found.all_problems:
        print(format_problems(found.all_problems))
    for code, lang in found.languages.items():
        if missing in (code, "all"):
            if lang.missing:
                print(format_problems(lang.missing, limit=len(lang.missing)))
        print(language_line(code, lang))
    if missing not in (None, "all") and missing not in found.languages:
        shipped = ", ".join(found.languages) or _("none")
        print(_("{missing}: no translation in this scenario (its translations: {shipped})").format(
            missing=missing, shipped=shipped))
    return not found.errors


def language_line(code: str, lang) -> str:
    """`es: complete`, or `es: 2 errors, 14 of 300 texts not translated (--missing es lists them)`."""
    if lang.complete:
        return _("{code}: complete").format(code=code)
    parts = [_count(len(lang.errors), "error")] if lang.errors else []
    if lang.missing:
        parts.append(ngettext("{missing} of {total} text not translated (--missing {code} lists them)",
                              "{missing} of {total} texts not translated (--missing {code} lists them)",
                              lang.total).format(missing=len(lang.missing), total=lang.total, code=code))
    else:
        parts.append(ngettext("every one of its {total} text translated", "every one of its {total} texts translated",
                              lang.total).format(total=lang.total))
    return f"{code}: {', '.join(parts)}"


def summary(folder: Path, report: Report, notes: bool = True) -> str:
    """`OK id: 16 cards, 6 endings (2 warnings)` or `FAILED id: 3 errors`: the scenario named by its id either
    way (by its folder when not even the manifest's id can be read)."""
    extra = [_count(len(found), noun) for found, noun in ((report.warnings, "warning"), (report.notes, "note"))
             if found]
    if report.notes and not notes:
        extra[-1] += _(": --notes lists them")
    tail = f" ({', '.join(extra)})" if extra else ""
    if report.ok and report.scenario is not None:
        s = report.scenario
        return _("OK {id}: {cards}, {endings}").format(
            id=s.id, cards=_count(len(s.cards), "card"), endings=_count(len(s.endings), "ending")) + tail
    name = _manifest_id(folder) or display_base(folder)
    return _("FAILED {name}: {errors}").format(name=name, errors=_count(len(report.errors), "error")) + tail


def _watch(folder: Path, changes: Iterable[list[str]] | None, notes: bool = False, missing: str | None = None
           ) -> int:
    if changes is None:
        from .watch import changes as watching

        changes = watching(folder)
    print(_("watching {folder} for changes to its .yaml files (Ctrl+C to stop)").format(
        folder=folder.resolve()), flush=True)
    ok = _validate_one(folder, notes, missing)
    try:
        for changed in changes:
            shown = ", ".join(Path(p).name for p in changed[:3]) + (" ..." if len(changed) > 3 else "")
            print("\n" + _("--- {time} {files} changed ---").format(
                time=time.strftime("%H:%M:%S"), files=shown), flush=True)
            ok = _validate_one(folder, notes, missing)
            sys.stdout.flush()
    except KeyboardInterrupt:
        pass
    return 0 if ok else 1


def run_schema(translation: bool = False) -> int:
    """Print the schema of scenario files, or (`translation`) of a scenario's translation files."""
    sys.stdout.write(translation_schema_text() if translation else schema_text())
    return 0
