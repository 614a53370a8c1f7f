"""`crisis simulate`: reads the arguments, loads the scenario or save, runs the batches, writes the output."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from game.atomic import write_atomically

from .policies import UnknownPolicy, get_policy
from .report import render, to_dict
from .runner import Batch, simulate

USAGE, FAILED = 2, 1


class _Stop(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def run(args: argparse.Namespace) -> int:
    try:
        scenario, batches = _plan(args)
        progress = _Progress(enabled=not args.json and sys.stdout.isatty())
        try:
            summaries = simulate(scenario, batches, args.jobs, progress)
        finally:
            progress.close()
        if args.json:
            objects = [to_dict(s) for s in summaries]
            text = json.dumps(objects if args.role == "all" and not args.from_save else objects[0], indent=2) + "\n"
        else:
            text = "\n".join(render(s) for s in summaries)
        if args.out:
            _write_out(Path(args.out), text)
        else:
            sys.stdout.write(text)
        return 0
    except _Stop as stop:
        print(f"crisis simulate: {stop}", file=sys.stderr)
        return stop.code


def _plan(args: argparse.Namespace):
    if args.runs < 1:
        raise _Stop(f"--runs must be at least 1, not {args.runs}", USAGE)
    if args.jobs is not None and args.jobs < 1:
        raise _Stop(f"--jobs must be at least 1, not {args.jobs}", USAGE)
    try:
        get_policy(args.policy)
    except UnknownPolicy as err:
        raise _Stop(str(err), USAGE) from None
    if args.from_save:
        return _plan_from_save(args)
    scenario = _load(args.scenario)
    roles = [r.id for r in scenario.roles]
    if args.role != "all" and args.role not in roles:
        raise _Stop(f"no role '{args.role}' in scenario '{scenario.id}' (roles: {', '.join(roles)}, or all)", USAGE)
    chosen = roles if args.role == "all" else [args.role]
    return scenario, [Batch(role, args.policy, args.runs, args.seed) for role in chosen]


def _plan_from_save(args: argparse.Namespace):
    from game.engine import ReplayError, replay
    from game.saves import SaveError, read_log

    try:
        log = read_log(Path(args.from_save))
    except SaveError as err:
        raise _Stop(str(err), FAILED) from None
    except OSError as err:
        raise _Stop(f"cannot read {args.from_save}: {err.strerror or err}", FAILED) from None
    scenario = _load(args.scenario or log.scenario_id)
    if args.role not in ("all", log.role):
        raise _Stop(f"the saved game is played as '{log.role}', not '{args.role}'", USAGE)
    try:
        state = replay(scenario, log)
    except ReplayError as err:
        raise _Stop(str(err), FAILED) from None
    return scenario, [Batch(log.role, args.policy, args.runs, args.seed, state)]


def _load(ref: str | None):
    from game import scenario_cache

    try:
        return scenario_cache.load(ref)
    except Exception as err:
        # Imported only on failure: a cached scenario must not cost the loader's import (pydantic, yaml).
        from game.scenario import ScenarioError

        if isinstance(err, ScenarioError):
            raise _Stop(str(err), FAILED) from None
        raise


def _write_out(path: Path, text: str) -> None:
    try:
        write_atomically(path, text)
    except OSError as err:
        raise _Stop(f"cannot write {path}: {err.strerror or err}", FAILED) from None


class _Progress:
    """A progress bar that appears only once a run looks set to take more than about a second."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.perf_counter()
        self.bar = None
        self.task = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or done >= total:
            return
        if self.bar is None:
            elapsed = time.perf_counter() - self.started
            if elapsed < 0.25 or elapsed / done * total < 1.0:
                return
            from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("simulating"), BarColumn(), TextColumn("{task.completed:,}/{task.total:,}"),
                                TimeRemainingColumn(), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("simulate", total=total)
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
