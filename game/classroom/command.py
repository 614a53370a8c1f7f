"""`crisis serve` and `crisis class`: read the arguments' meaning, build the server or the report, hand over."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .folder import class_folder
from .names import BadName


def run_serve(args: argparse.Namespace) -> int:
    from .scenarios import room_scenario
    from .server import ClassServer, is_local

    if not is_local(args.host) and not args.klass:
        print(f"crisis: serving on {args.host} reaches other machines, so it needs a class: add --class NAME"
              " (students then need its join address, with the class code)", file=sys.stderr)
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
        print(f"The report of class {klass.name}: {path}")
        return 0
    print(f"Class {klass.name}: {klass.path}")
    print(f"Students' class code: {klass.code}")
    print(f"Teacher key: {klass.teacher_key}")
    return 0
