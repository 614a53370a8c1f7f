"""`crisis new`: a small, valid, playable two-sided scenario to start from, every file commented."""

from __future__ import annotations

import re
import sys
from importlib import resources
from pathlib import Path

from game.i18n import _

from .fields import ID_PATTERN, SCENARIO_ID_PATTERN
from .loader import check
from .names import RESERVED
from .schema import schema_text

STARTER = "starter"  # the template files, beside this module
FILES = ("scenario.yaml", "world.yaml", "cards.yaml", "events.yaml", "endings.yaml")
SCHEMA_FILE = "scenario.schema.json"


class NewError(Exception):
    """What `crisis new` cannot do, said plainly."""


def scenario_id(folder: Path) -> str:
    """The id a folder's name gives: lower case, runs of anything else made one '-'."""
    ident = re.sub(r"[^a-z0-9]+", "-", folder.name.lower()).strip("-")
    if not re.fullmatch(SCENARIO_ID_PATTERN, ident):
        raise NewError(_("cannot make a scenario id from the folder name '{name}': use letters and digits").format(
            name=folder.name))
    return ident


def role_ids(spec: str) -> list[str]:
    roles = [r.strip() for r in spec.split(",") if r.strip()]
    if len(roles) != 2:
        raise NewError(_("--roles: give two role ids, as in --roles mayor,union (got {count}); add more"
                         " roles by hand afterwards").format(count=len(roles)))
    for role in roles:
        if not re.fullmatch(ID_PATTERN, role) or len(role) > 64 or role in RESERVED:
            raise NewError(_("--roles: '{role}' is not a role id: lower-case letters, digits and _, starting"
                             " with a letter (and not a word expressions use, like 'turn')").format(role=role))
    if roles[0] == roles[1]:
        raise NewError(_("--roles: the two roles need different ids"))
    return roles


def role_name(role: str) -> str:
    return "The " + " ".join(word.capitalize() for word in role.split("_") if word)


def render(ident: str, title: str, roles: list[str]) -> dict[str, str]:
    """Each starter file's text, with the scenario's id, title and roles put in."""
    a, b = roles
    values = {"«ID»": ident, "«TITLE»": title.replace("\\", "\\\\").replace('"', '\\"'),
              "«A_NAME»": role_name(a), "«B_NAME»": role_name(b), "«A»": a, "«B»": b}
    pattern = re.compile("|".join(re.escape(k) for k in values))
    folder = resources.files(__package__) / STARTER
    return {name: pattern.sub(lambda m: values[m.group(0)], (folder / name).read_text(encoding="utf-8"))
            for name in FILES}


def write_new(path: Path, roles: str = "leader,rival", title: str | None = None) -> Path:
    """Write the starter scenario into `path` (a new or empty folder) and return it."""
    ident = scenario_id(path)
    ids = role_ids(roles)
    if title is None:
        title = " ".join(word.capitalize() for word in ident.split("-"))
    if "\n" in title or not title.strip():
        raise NewError("--title: give one line of text")
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise NewError(_("{path} already exists and is not an empty folder: pick a new path").format(path=path))
    texts = render(ident, title.strip(), ids)
    path.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (path / name).write_text(text, encoding="utf-8")
    # The schema beside the files, so that `$schema=scenario.schema.json` works wherever the folder is.
    (path / SCHEMA_FILE).write_text(schema_text(), encoding="utf-8")
    return path


def run_new(path: str, roles: str = "leader,rival", title: str | None = None) -> int:
    try:
        folder = write_new(Path(path).expanduser(), roles, title)
    except NewError as err:
        print(_("crisis new: {err}").format(err=err), file=sys.stderr)
        return 2
    report = check(folder)
    if not report.ok or report.warnings:  # the starter must always be clean: a bug if not
        print(report, file=sys.stderr)
        return 1
    print(_("wrote {id}, a two-sided scenario of {count} cards, to {folder}:").format(
        id=report.scenario.id, count=len(report.scenario.cards), folder=folder))
    for name in FILES + (SCHEMA_FILE,):
        print(f"  {folder / name}")
    print(_("next:\n"
            "  crisis validate --watch {folder}     # check it each time you save\n"
            "  crisis play --scenario {folder}      # play it\n"
            "  crisis simulate {folder}             # bot games: is every card and ending reached?\n"
            "The guide to every key: scenarios/README.md.").format(folder=folder))
    return 0
