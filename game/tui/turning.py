"""The turning points of a game: each role's decisions that moved the meters most, and how often bot games
played on from them end the way this one did. No Textual here: the ending screen and the debrief read it."""

from __future__ import annotations

from typing import Callable

from game.engine import MeterChanged

from .record import Record, Step

CONTINUATIONS = 200  # bot games played on from each turning point: enough for a share, quick on any scenario
BATCH = 8  # games played between two looks at `stop`: a quit waits for at most this many


class Stopped(Exception):
    """`stop` said to give up: the app is quitting or the screen has gone."""


def weight(step: Step, reader: str | None = None) -> float:
    """How far the decision's own outcome moved the meters `reader` may see, each change over its meter's
    range (the world's events after it are not the decision's doing)."""
    meters = {m.id: m for m in step.before.scenario.meters}
    return sum(abs(e.after - e.before) / max(1, meters[e.meter].hi - meters[e.meter].lo)
               for e in step.own if isinstance(e, MeterChanged) and meters[e.meter].visible_to(reader))


def turning_points(record: Record, reader: str | None = None) -> list[int]:
    """The steps (indices, in order) that turned the game: the three heaviest in a one-role game, each
    role's two heaviest in a two-sided one, so that both leaders' are there."""
    sc = record.scenario
    most = 2 if sc.two_sided else 3
    found: set[int] = set()
    for role in (sc.order if sc.two_sided else (None,)):
        ranked = sorted(((weight(s, reader), -n) for n, s in enumerate(record.steps) if role is None or s.role == role))
        found |= {-n for w, n in ranked[-most:] if w > 0}
    return sorted(found)


def key_steps(record: Record, reader: str | None = None) -> list[int]:
    """The turning points, and the last decision."""
    last = {len(record.steps) - 1} if record.steps else set()
    return sorted(set(turning_points(record, reader)) | last)


def games_ending_alike(record: Record, n: int, stop: Callable[[], bool] = lambda: False,
                       runs: int = CONTINUATIONS) -> int:
    """Of `runs` games played on by random bots (every role) from step `n`'s decision, how many end as this
    one did; the same games, seeded by `n`, as `game.sim.runner.continuations`. Raises Stopped when `stop`
    says so, looked at every BATCH games."""
    from game.sim.runner import Batch, play_chunk

    state = record.steps[n].before
    sc = state.scenario
    batch = Batch(None if sc.two_sided else state.role, "random", runs, n, state)
    same = 0
    for lo in range(0, runs, BATCH):
        if stop():
            raise Stopped
        # Every role's tally holds the same games: the first one's endings are the games' endings.
        same += play_chunk(sc, batch, lo, min(lo + BATCH, runs))[0].endings.get(record.state.ending, 0)
    return same
