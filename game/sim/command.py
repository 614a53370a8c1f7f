"""`crisis simulate`: reads the arguments, loads the scenario or save, runs the batches, writes the output."""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
import time
from pathlib import Path

from game.atomic import write_atomically
from game.i18n import _
from game.plain import plain, plain_lines

from game.bots import UnknownPolicy, get_policy
from .report import render, to_dict
from .runner import Batch, simulate

USAGE, FAILED = 2, 1


class _Stop(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def run(args: argparse.Namespace) -> int:
    try:
        if args.scenario is not None and not args.scenario.strip():
            raise _Stop(_("an empty scenario name: give a scenario id or folder, or leave it out for the default"),
                        USAGE)
        if args.out:
            _check_out(args.out)  # before the games, so a refused --out costs nothing
        if args.matrix or args.scan:
            text = _tables(args)
        else:
            scenario, batches, roles = _plan(args)
            summaries = [s for s in _simulate(scenario, batches, args) if s.role in roles]
            if args.json:
                objects = [to_dict(s) for s in summaries]
                many = len(objects) > 1 or (args.role == "all" and not args.from_save)
                text = json.dumps(objects if many else objects[0], indent=2) + "\n"
            else:
                text = "\n".join(render(s) for s in summaries)
        if not args.json:
            text = plain_lines(text)  # a label from a scenario file is shown, its escape sequences never sent
        if args.out:
            _write_out(Path(args.out), text)
        else:
            sys.stdout.write(text)
        return 0
    except _Stop as stop:
        print(_("crisis simulate: {message}").format(message=plain_lines(str(stop))), file=sys.stderr)
        return stop.code


def _simulate(scenario, batches: list[Batch], args: argparse.Namespace):
    progress = _Progress(enabled=not args.json and sys.stdout.isatty())
    try:
        return simulate(scenario, batches, args.jobs, progress)
    finally:
        progress.close()


def _check_counts(args: argparse.Namespace) -> None:
    if args.runs < 1:
        raise _Stop(_("--runs must be at least 1, not {runs}").format(runs=args.runs), USAGE)
    if args.jobs is not None and args.jobs < 1:
        raise _Stop(_("--jobs must be at least 1, not {jobs}").format(jobs=args.jobs), USAGE)


def policies(spec: str | None, scenario) -> tuple[str, dict[str, str]]:
    """`--policy`: one name for every role, or ROLE=NAME pairs separated by commas (roles not named
    play the one bare name given, else random). Returns (the default, {role: policy})."""
    roles = [r.id for r in scenario.roles]
    default, seats = None, {}
    for part in (spec or "random").split(","):
        role, eq, name = part.strip().rpartition("=")
        if not name:
            raise _Stop(_("--policy: '{part}' names no policy (use NAME or ROLE=NAME,ROLE=NAME)").format(
                part=part), USAGE)
        if eq:
            if role not in roles:
                raise _Stop(_("--policy: no role '{role}' in scenario '{id}' (roles: {roles})").format(
                    role=role, id=scenario.id, roles=', '.join(roles)), USAGE)
            seats[role] = name
        elif default is not None:
            raise _Stop(_("--policy: two policies for every role ('{default}' and '{name}')").format(
                default=default, name=name), USAGE)
        else:
            default = name
    default = default or "random"
    for role in roles:
        try:
            get_policy(seats.get(role, default)).chooser(scenario, role)
        except UnknownPolicy as err:
            raise _Stop(str(err), USAGE) from None
    return default, seats


def _plan(args: argparse.Namespace):
    """The scenario, its batches, and the roles to report on."""
    _check_counts(args)
    if args.from_save:
        return _plan_from_save(args)
    scenario = _load(args.scenario)
    chosen = _roles(args, scenario)
    default, seats = policies(args.policy, scenario)
    if scenario.two_sided:
        batch = Batch(None, default, args.runs, args.seed, None, tuple(seats.items()))
        return scenario, [batch], chosen
    return scenario, [Batch(role, seats.get(role, default), args.runs, args.seed) for role in chosen], chosen


def _roles(args: argparse.Namespace, scenario) -> list[str]:
    roles = [r.id for r in scenario.roles]
    if args.role != "all" and args.role not in roles:
        raise _Stop(_("no role '{role}' in scenario '{id}' (roles: {roles}, or all)").format(
            role=args.role, id=scenario.id, roles=', '.join(roles)), USAGE)
    return roles if args.role == "all" else [args.role]


def _plan_from_save(args: argparse.Namespace):
    from game.engine import ReplayError, replay
    from game.saves import SaveError, read_log, slot_path

    try:  # a save slot's name, as `play --resume NAME` takes it, or a path
        log = read_log(slot_path(args.from_save))
    except SaveError as err:
        raise _Stop(str(err), FAILED) from None
    except OSError as err:
        raise _Stop(_("cannot read {from_save}: {reason}").format(
            from_save=args.from_save, reason=err.strerror or err), FAILED) from None
    scenario = _load(args.scenario or log.scenario_id)
    if log.role and args.role not in ("all", log.role):
        raise _Stop(_("the saved game is played as '{role}', not '{asked}'").format(
            role=log.role, asked=args.role), USAGE)
    chosen = _roles(args, scenario) if not log.role else [log.role]
    default, seats = policies(args.policy, scenario)
    try:
        state = replay(scenario, log)
    except ReplayError as err:
        raise _Stop(str(err), FAILED) from None
    if scenario.two_sided:
        return scenario, [Batch(None, default, args.runs, args.seed, state, tuple(seats.items()))], chosen
    return scenario, [Batch(log.role, seats.get(log.role, default), args.runs, args.seed, state)], chosen


def _tables(args: argparse.Namespace) -> str:
    """`--matrix` and `--scan`: many batches, one table each."""
    from . import matrix, scan

    _check_counts(args)
    if args.from_save:
        raise _Stop(_("--matrix and --scan play new games; they cannot continue a save (--from)"), USAGE)
    if args.policy is not None:
        raise _Stop(_("--matrix and --scan choose their own policies; leave out --policy"), USAGE)
    if not 0 < args.threshold < 1:
        raise _Stop(_("--threshold must be between 0 and 1, not {threshold}").format(threshold=args.threshold), USAGE)
    scenario = _load(args.scenario)
    roles = _roles(args, scenario)
    out: dict = {}
    texts = []
    if args.matrix:
        batches = matrix.plan(scenario, roles, args.runs, args.seed)
        t0 = time.perf_counter()
        summaries = _simulate(scenario, batches, args)
        out["matrix"] = matrix.to_dict(scenario, summaries, args.runs, args.seed, time.perf_counter() - t0)
        texts.append(matrix.render(out["matrix"]))
    if args.scan:
        planned = scan.plan(scenario, roles, args.runs, args.seed)
        summaries = _simulate(scenario, [b for _role, _rule, b in planned], args)
        out["scan"] = scan.to_dict(scenario, planned, summaries, args.threshold, args.runs, args.seed)
        texts.append(scan.render(out["scan"]))
    return json.dumps(out, indent=2) + "\n" if args.json else "\n".join(texts)


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


def _check_out(out: str) -> None:
    """--out names a regular file or nothing yet: never a device, a FIFO, a folder or a link (writing
    replaces the file, which would turn /dev/full into a regular file, or write wherever a link leads)."""
    shown = plain(out, 200)
    if "\0" in out:
        raise _Stop(_("--out: a file name cannot hold a NUL character"), USAGE)
    try:
        info = os.lstat(out)
    except FileNotFoundError:
        return
    except OSError as err:
        raise _Stop(_("--out: cannot use {shown}: {reason}").format(
            shown=shown, reason=err.strerror or err), FAILED) from None
    if stat.S_ISLNK(info.st_mode):
        raise _Stop(_("--out: {shown} is a symbolic link; give the file itself").format(shown=shown), FAILED)
    if stat.S_ISDIR(info.st_mode):
        raise _Stop(_("--out: {shown} is a folder; give a file name").format(shown=shown), FAILED)
    if not stat.S_ISREG(info.st_mode):
        raise _Stop(_("--out: {shown} is not a regular file (a device or a pipe); --out writes only files").format(
            shown=shown), FAILED)


def _write_out(path: Path, text: str) -> None:
    _check_out(str(path))
    try:
        write_atomically(path, text)
    except OSError as err:
        raise _Stop(_("cannot write {path}: {reason}").format(
            path=plain(path, 200), reason=err.strerror or err), FAILED) from None


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

            self.bar = Progress(TextColumn(_("simulating")), BarColumn(), TextColumn("{task.completed:,}/{task.total:,}"),
                                TimeRemainingColumn(), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("simulate", total=total)
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
