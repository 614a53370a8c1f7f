"""argparse's own messages that a player can see, marked so that `make messages` puts them in the `crisis` catalog.

argparse looks them up itself (game.i18n.argparse_speaking routes the lookup to our catalog); they are listed
here, exactly as argparse writes them (Python 3.11 to 3.13), only so that extraction finds them. Its messages
about a parser built wrongly (a conflicting option, a missing dest=) are a programmer's and stay English, as
are those of features the command does not use (files opened by argparse, deprecated options, counted
arguments). tests/i18n/test_argparse.py reads the running Python's argparse and fails on a message that is
in neither group.
"""

from game.i18n import N_

MESSAGES = (
    # help
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("%(heading)s:"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    # errors
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("unexpected option string: %s"),
)

# What argparse can say that a player of `crisis` never sees: a parser built wrongly, or a feature unused.
NEVER_SHOWN = (
    ".__call__() not defined",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    'argument "-" with mode %r',
    "can't open '%(filename)s': %(error)s",
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "conflicting option string: %s",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "subcommands",
    "expected %s argument",
    "%r is not callable",
    " (default: %(default)s)",
    "command '%(parser_name)s' is deprecated",
    "option '%(option)s' is deprecated",
    "argument '%(argument_name)s' is deprecated",
    "%(prog)s: warning: %(message)s\n",
)
