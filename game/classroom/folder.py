"""A class's folder under the player's data folder: its secrets (class code, teacher key), its records
database and its debriefs. The class name is checked before it becomes a path part."""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from pathlib import Path

from game import paths
from game.atomic import write_atomically
from game.i18n import _

from .names import check_class, is_secret, new_secret

SECRETS = "class.json"
DATABASE = "records.sqlite"


def classes_root() -> Path:
    return paths.user_home() / "classes"


@dataclass(frozen=True)
class ClassFolder:
    name: str
    path: Path
    code: str  # what a student's join address carries
    teacher_key: str  # what the teacher page's address carries

    @property
    def database(self) -> Path:
        return self.path / DATABASE

    @property
    def debriefs(self) -> Path:
        return self.path / "debriefs"

    def admits(self, code: str | None) -> bool:
        return code is not None and hmac.compare_digest(code.encode(), self.code.encode())

    def admits_teacher(self, key: str | None) -> bool:
        return key is not None and hmac.compare_digest(key.encode(), self.teacher_key.encode())


def class_folder(name: str, create: bool = True) -> ClassFolder:
    """The class `name`'s folder, made with fresh secrets the first time; FileNotFoundError when it does not
    exist and `create` is false; BadName when the name cannot be a class's."""
    path = classes_root() / check_class(name)
    file = path / SECRETS
    if not file.is_file():
        if not create:
            raise FileNotFoundError(_("no class '{name}' (looked in {path})").format(name=name, path=path))
        path.mkdir(parents=True, exist_ok=True)
        write_atomically(file, json.dumps({"code": new_secret(), "teacher_key": new_secret()}, indent=1))
    data = json.loads(file.read_text(encoding="utf-8"))
    code, key = data.get("code"), data.get("teacher_key")
    if not (isinstance(code, str) and is_secret(code) and isinstance(key, str) and is_secret(key)):
        raise ValueError(_("{file} is damaged: delete it to give the class new codes").format(file=file))
    (path / "debriefs").mkdir(exist_ok=True)
    return ClassFolder(name, path, code, key)
