"""The start-up holds the garbage collector off (game.tui.run) and always turns it on again: a game that ran
without it would grow with every key."""

from __future__ import annotations

import argparse
import gc

from game.tui import run


def test_the_collector_is_on_again_after_a_start_that_fails(capsys):
    assert run(argparse.Namespace(scenario="no-such-scenario", role="nobody")) == 1
    assert "no-such-scenario" in capsys.readouterr().err
    assert gc.isenabled()


def test_the_collector_is_on_again_after_a_start_with_no_terminal(capsys):
    assert run(argparse.Namespace(scenario="tutorial", role="mayor", seed=3)) == 2  # pytest's output is no terminal
    assert "needs a terminal" in capsys.readouterr().err
    assert gc.isenabled()
