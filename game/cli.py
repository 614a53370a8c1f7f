"""The `crisis` command: parses arguments, builds things, hands over. No game logic here."""

from __future__ import annotations

import argparse
import os
import sys

from game import __version__, i18n
from game.i18n import _


def build_parser() -> argparse.ArgumentParser:
    """The command's parser. Its help is in the current language; argparse's own words (usage, headings, -h,
    its errors) are too when it is built and run inside i18n.argparse_speaking(), as main() does."""
    parser = argparse.ArgumentParser(
        prog="crisis",
        description=_("A decision-simulation game for the terminal. With no command, opens the title screen."),
    )
    parser.add_argument("--version", action="version", version=f"crisis {__version__}",
                        help=_("show program's version number and exit"))
    _add_lang(parser, default=None)
    parser.set_defaults(handler=_title)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("play", help=_("play a game in the terminal"),
                       description=_("Start the game. With --role, go straight into a new game; with --resume, continue a save."))
    p.add_argument("--scenario", metavar="ID|PATH", help=_("a bundled or installed scenario's id, or a scenario folder"))
    p.add_argument("--role", metavar="ROLE", help=_("the role to play (skips the title and new-game screens)"))
    p.add_argument("--opponent", metavar="POLICY|friend",
                   help=_("in a two-sided scenario, who plays the other role: a bot (adaptive by default) or"
                          " 'friend' for a second person on this keyboard"))
    p.add_argument("--seed", type=int, metavar="N", help=_("the game's seed (random by default, always shown)"))
    odds = p.add_mutually_exclusive_group()
    odds.add_argument("--odds", dest="odds", action="store_true", default=None, help=_("show each option's odds"))
    odds.add_argument("--no-odds", dest="odds", action="store_false", help=_("hide the odds"))
    p.add_argument("--resume", nargs="?", const="", metavar="SAVE",
                   help=_("continue the latest autosave, or the named save slot or file"))
    p.add_argument("--watch", action="store_true",
                   help=_("with --scenario PATH: reload the scenario when its files change and play on from the"
                          " same turn (a broken edit shows the validator's messages and keeps the last good version)"))
    p.add_argument("--room", metavar="CODE|new",
                   help=_("pair play: 'new' opens a room (its code is shown), a room code joins one; each player"
                          " on their own screen"))
    p.add_argument("--class", dest="klass", metavar="NAME", help=_("play for a class: every decision is recorded"))
    p.add_argument("--student", metavar="NAME", help=_("the student's name in a class (asked for when missing)"))
    p.set_defaults(handler=_play)

    p = sub.add_parser("validate", help=_("check scenarios and report every problem"),
                       description=_("Validate scenario folders. With no PATH: every bundled scenario and every scenario in your scenario folder."))
    p.add_argument("paths", nargs="*", metavar="PATH", help=_("scenario folders to check"))
    p.add_argument("--where", action="store_true", help=_("print the folders searched for scenarios and exit"))
    p.add_argument("--watch", action="store_true",
                   help=_("check the scenario folder again each time one of its files changes (Ctrl+C stops)"))
    p.add_argument("--notes", action="store_true",
                   help=_("also list the notes (things worth knowing that are often meant); otherwise only counted"))
    p.add_argument("--missing", metavar="LANG", nargs="?", const="all",
                   help=_("list the texts a translation lacks, at their place in the scenario's files (every"
                          " language when LANG is left out)"))
    p.set_defaults(handler=_validate)

    p = sub.add_parser("new", help=_("write a small playable scenario to start from"),
                       description=_("Write a new two-sided scenario folder, valid and playable, with every file"
                                     " commented: a start for your own. Then: crisis validate --watch PATH."))
    p.add_argument("path", metavar="PATH", help=_("the folder to create (its name becomes the scenario's id)"))
    p.add_argument("--roles", metavar="A,B", default="leader,rival",
                   help=_("the roles' ids, comma-separated, in turn order (default: leader,rival)"))
    p.add_argument("--title", metavar="TEXT", help=_("the scenario's title (default: from the folder's name)"))
    p.set_defaults(handler=_new)

    p = sub.add_parser("schema", help=_("print the JSON Schema of scenario files"),
                       description=_("Print the JSON Schema that scenario YAML files follow (for editors)."))
    p.add_argument("--translation", action="store_true",
                   help=_("the schema of a scenario's translation files (translations/LANG/*.yaml) instead"))
    p.set_defaults(handler=_schema)

    p = sub.add_parser("simulate", help=_("play many games with bots and report the balance"),
                       description=_("Play many seeded games with a bot policy and report endings, win rates, meters and coverage."))
    p.add_argument("scenario", nargs="?", metavar="SCENARIO", help=_("a scenario id or folder (default: the bundled default)"))
    p.add_argument("--role", default="all", metavar="ROLE|all",
                   help=_("the role to report on (default: all); in a one-sided scenario, the role the bots play"))
    p.add_argument("--policy", metavar="POLICY|ROLE=POLICY,...",
                   help=_("random, historical, greedy or adaptive for every role, or one per role, as in"
                          " mayor=greedy,union=historical (default: random); also always:K, raise:METER, lower:METER"))
    p.add_argument("--runs", type=int, default=1000, metavar="N", help=_("games per role (default: 1000)"))
    p.add_argument("--seed", type=int, default=0, metavar="S", help=_("master seed (default: 0)"))
    p.add_argument("--jobs", type=int, default=None, metavar="J", help=_("worker processes (default: all cores)"))
    p.add_argument("--json", action="store_true", help=_("print JSON for programs instead of the report"))
    p.add_argument("--out", metavar="FILE", help=_("write the output to FILE instead of standard output"))
    p.add_argument("--from", dest="from_save", metavar="SAVE_FILE", help=_("continue a saved game instead of starting new ones"))
    p.add_argument("--matrix", action="store_true",
                   help=_("play every pairing of random, historical, greedy and adaptive, and print each role's"
                          " win, loss and draw rates (a row per role and policy in a one-sided scenario)"))
    p.add_argument("--scan", action="store_true",
                   help=_("look for a dominant strategy: simple fixed rules against the historical opponent,"
                          " flagged when they win too often"))
    p.add_argument("--threshold", type=float, default=0.55, metavar="P",
                   help=_("--scan flags a rule when the lower end of its win rate's 95%% interval is above P"
                          " (default: 0.55)"))
    p.set_defaults(handler=_simulate)

    p = sub.add_parser("serve", help=_("serve the game to browsers (a class, pair play, the teacher page)"),
                       description=_("Serve the game to web browsers: every tab is its own game. It listens on"
                                     " 127.0.0.1 unless --host says otherwise, which needs --class."))
    p.add_argument("--host", default="127.0.0.1", metavar="H", help=_("the address to listen on (default: 127.0.0.1)"))
    p.add_argument("--port", type=int, default=8000, metavar="P", help=_("the port (default: 8000)"))
    p.add_argument("--class", dest="klass", metavar="NAME",
                   help=_("serve a class: students need its join address, games are recorded, /teacher shows them"))
    p.add_argument("--scenario", metavar="ID",
                   help=_("the two-sided scenario rooms for pair play use (default: the bundled default, if two-sided)"))
    p.set_defaults(handler=_serve)

    p = sub.add_parser("class", help=_("a class's codes and its report"),
                       description=_("Show a class's codes, or write its report as one HTML page."))
    p.add_argument("action", choices=["report", "show"], help=_("report: write the class report; show: print its codes"))
    p.add_argument("name", metavar="NAME", help=_("the class's name"))
    p.add_argument("--out", metavar="FILE.html", help=_("where to write the report (default: in the class folder)"))
    p.set_defaults(handler=_class)
    for command in sub.choices.values():
        # Accepted after the command too (`crisis play --lang es`); SUPPRESS keeps a subcommand from
        # resetting the value given before it.
        _add_lang(command, default=argparse.SUPPRESS)
    return parser


def _add_lang(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--lang", metavar="CODE", default=default,
                        help=_("the language to speak: {languages} (default: CRISIS_LANG, then the system's"
                               " locale, then English)").format(languages=", ".join(i18n.available())))


def _lang_in(argv: list[str]) -> str | None:
    """The value of --lang anywhere before a bare '--', found before argparse runs so that even --help
    and argparse's errors are in the language asked for."""
    found = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            found = argv[i + 1]
        elif arg.startswith("--lang="):
            found = arg[len("--lang="):]
    return found


def _title(args: argparse.Namespace) -> int:
    return _play(args)


def _play(args: argparse.Namespace) -> int:
    from game.tui import run

    return run(args)


def _validate(args: argparse.Namespace) -> int:
    from game.scenario.command import run_validate

    return run_validate(args.paths, where=args.where, watch=args.watch, notes=args.notes, missing=args.missing)


def _new(args: argparse.Namespace) -> int:
    from game.scenario.scaffold import run_new

    return run_new(args.path, args.roles, args.title)


def _schema(args: argparse.Namespace) -> int:
    from game.scenario.command import run_schema

    return run_schema(translation=args.translation)


def _simulate(args: argparse.Namespace) -> int:
    from game.sim.command import run

    return run(args)


def _serve(args: argparse.Namespace) -> int:
    from game.classroom.command import run_serve

    return run_serve(args)


def _class(args: argparse.Namespace) -> int:
    from game.classroom.command import run_class

    return run_class(args)


def main(argv: list[str] | None = None) -> int:
    _forgiving_output()
    argv = sys.argv[1:] if argv is None else list(argv)
    asked = _lang_in(argv)
    try:
        chosen = i18n.set_language(asked)
    except i18n.UnknownLanguage as err:
        print(f"crisis: {err}", file=sys.stderr)
        return 2
    if asked is not None:
        # The games the classroom server starts, one process a tab, speak it too.
        os.environ["CRISIS_LANG"] = chosen
    with i18n.argparse_speaking():
        args = build_parser().parse_args(argv)
    from game import paths

    streams = sys.stdout, sys.stderr
    try:
        paths.check_home()
        if args.command == "validate":
            # Validate prints what a shared scenario holds (its folder's name, quoted values): shown, never
            # sent as a terminal command. (simulate makes its own report plain; play draws with Textual.)
            sys.stdout, sys.stderr = _PlainText(sys.stdout), _PlainText(sys.stderr)
        return args.handler(args)
    except paths.HomeError as err:
        print(f"crisis: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        sys.stdout, sys.stderr = streams


class _PlainText:
    """A text stream that writes control characters as visible escapes (see game.plain)."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from game.plain import plain_lines

        self._stream.write(plain_lines(text))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _forgiving_output() -> None:
    """Output a terminal's encoding cannot show (PYTHONIOENCODING=ascii, a C locale) becomes '?' and
    escapes, never a UnicodeEncodeError in the middle of a report."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
                stream.reconfigure(errors="backslashreplace" if stream is sys.stderr else "replace")
        except (AttributeError, ValueError, OSError):
            pass
