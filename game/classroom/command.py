"""`crisis serve` and `crisis class`: read the arguments' meaning, build the server or the report, hand over."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.i18n import _

from .folder import class_folder
from .names import BadName


def run_serve(args: argparse.Namespace) -> int:
    from .scenarios import room_scenario
    from .server import ClassServer, is_local

    if not is_local(args.host) and not args.klass:
        print(_("crisis: serving on {host} reaches other machines, so it needs a class: add --class NAME"
                " (students then need its join address, with the class code)").format(
                    host=args.host), file=sys.stderr)
        return 2
    try:
        klass = class_folder(args.klass) if args.klass else None
    except (BadName, ValueError) as err:
        print(f"crisis: {err}", file=sys.stderr)
        return 2
    server = ClassServer(host=args.host, port=args.port, klass=klass, room_scenario=room_scenario(args.scenario),
                         scenario=args.scenario)
    server.serve()
    return 0


def run_class(args: argparse.Namespace) -> int:
    from .report import write_report

    try:
        klass = class_folder(args.name, create=False)
    except (BadName, FileNotFoundError, ValueError) as err:
        print(f"crisis: {err}", file=sys.stderr)
        return 2
    if args.action == "report":
        path = write_report(klass, Path(args.out) if args.out else None)
        print(_("The report of class {name}: {path}").format(name=klass.name, path=path))
        return 0
    print(_("Class {name}: {path}").format(name=klass.name, path=klass.path))
    print(_("Students' class code: {code}").format(code=klass.code))
    print(_("Teacher key: {teacher_key}").format(teacher_key=klass.teacher_key))
    return 0
