"""The old name of tests/sim/harbour_draft.py, kept for tests/engine/test_fast.py, which imports it.
It is not the bundled tutorial: see harbour_draft.py."""

from .harbour_draft import build

__all__ = ["build"]
