"""The Textual game: `run(args)` is what `crisis` and `crisis play` call."""

from __future__ import annotations

import argparse
import gc
import sys


def run(args: argparse.Namespace) -> int:
    """Open the app as the arguments ask; an unusable argument is one line on stderr and exit status 1."""
    if getattr(args, "room", None) or getattr(args, "klass", None) or getattr(args, "student", None):
        from .classroom import run_class

        return run_class(args)

    # The collector is held off from here to the first screen drawn. Start-up creates ~50,000 objects that live
    # as long as the game (Textual's and the engine's classes, the scenario): with the collector on, it scans
    # them again and again on the way to the first frame (~60 ms of CPU there). Frozen once built, they are
    # skipped by every later collection: a full one during play, which lands on some key press, took ~60 ms and
    # takes ~22 ms. Textual then builds and draws the first screen, ~25,000 objects more, which the collector
    # went over in some fifty collections (~8 ms of the way to the first frame, issue 9): it is let go when the
    # frame is drawn (CrisisApp.drawn), and its first collection comes while the player reads. Those objects are
    # not frozen: a screen goes when the player leaves it, and frozen, its widgets (which refer to each other)
    # would never be freed.
    gc.disable()
    try:
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
        gc.freeze()
        if not _has_terminal():
            from game.i18n import _

            print("crisis: " + _("the game needs a terminal to draw in (standard input and output are not one);"
                                 " to play games without a screen, use crisis simulate"), file=sys.stderr)
            return 2
        app.drawn = gc.enable
        result = app.run()
    finally:
        gc.enable()
    return result if isinstance(result, int) else 0


def _has_terminal() -> bool:
    import os

    if os.environ.get("TEXTUAL_DRIVER"):  # served to a browser (textual-serve): its driver is the terminal
        return True
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False

