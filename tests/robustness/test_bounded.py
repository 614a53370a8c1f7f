"""A file is read whole up to its limit, and one byte past it when it is bigger, however it changed since it
was measured."""

from __future__ import annotations

import pytest

from game.bounded import read_bounded


@pytest.mark.parametrize(("real", "measured", "limit", "expected"), [
    (0, 0, 10, 0),      # empty
    (7, 7, 10, 7),      # under the limit: all of it
    (10, 10, 10, 10),   # exactly the limit: all of it
    (11, 11, 10, 11),   # one over: the caller sees the extra byte and refuses
    (500, 500, 10, 11),  # far over: never more than one byte past the limit
    (8, 3, 10, 8),      # grew after it was measured: still read whole
    (40, 3, 10, 11),    # grew past the limit: one byte past it, as if measured then
    (2, 9, 10, 2),      # shrank: what is there
])
def test_reads_whole_or_one_past_the_limit(tmp_path, real, measured, limit, expected):
    path = tmp_path / "file"
    path.write_bytes(b"x" * real)
    with open(path, "rb") as handle:
        assert read_bounded(handle, measured, limit) == b"x" * expected
