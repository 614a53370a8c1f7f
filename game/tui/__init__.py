"""The Textual game: `run(args)` is what `crisis` and `crisis play` call."""

from __future__ import annotations

import argparse
import gc
import sys
from contextlib import contextmanager


def run(args: argparse.Namespace) -> int:
    """Open the app as the arguments ask; an unusable argument is one line on stderr and exit status 1."""
    if getattr(args, "room", None) or getattr(args, "klass", None) or getattr(args, "student", None):
        from .classroom import run_class

        return run_class(args)

    with _collector_held():
        from .app import build_app
        from .opening import LoadError

        try:
            app = build_app(scenario=getattr(args, "scenario", None), role=getattr(args, "role", None),
                            seed=getattr(args, "seed", None), odds=getattr(args, "odds", None),
                            resume=getattr(args, "resume", None), opponent=getattr(args, "opponent", None),
                            watch=bool(getattr(args, "watch", False)))
        except LoadError as err:
            print(f"crisis: {err}", file=sys.stderr)
            return 1
    if not _has_terminal():
        from game.i18n import _

        print("crisis: " + _("the game needs a terminal to draw in (standard input and output are not one);"
                             " to play games without a screen, use crisis simulate"), file=sys.stderr)
        return 2
    result = app.run()
    return result if isinstance(result, int) else 0


def _has_terminal() -> bool:
    import os

    if os.environ.get("TEXTUAL_DRIVER"):  # served to a browser (textual-serve): its driver is the terminal
        return True
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def _collector_held():
    """The garbage collector off for the start-up inside, then on again with what it made frozen.

    Start-up creates ~50,000 objects that live as long as the game (Textual's and the engine's classes, the
    scenario): with the collector on, it scans them again and again on the way to the first frame (~60 ms of
    CPU there, ~15 ms now). Frozen, they are skipped by every later collection: a full one during play, which
    lands on some key press, took ~60 ms and takes ~22 ms."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()
