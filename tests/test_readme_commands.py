"""Every command the README shows works as written on a fresh clone, and the README says how to reach `crisis`."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import build_parser
from game.tui.app import build_app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CRISIS = Path(sys.executable).parent / "crisis"  # what `make play` installs: .venv/bin/crisis
QUICK_RUNS = "20"  # simulate commands run for real, with this many games instead of thousands


def shell_lines() -> list[str]:
    """Each command line of the README's sh code blocks, its comment cut off."""
    lines = []
    for block in re.findall(r"^```sh\n(.*?)^```", README, flags=re.M | re.S):
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line and not line.startswith("#"):
                lines.append(line)
    return lines


def inline_commands() -> list[str]:
    """The `crisis ...` commands written in the README's text, when they are meant to be typed as they are
    (no placeholders such as ROLE, [--seed N] or a|b)."""
    spans = re.findall(r"`((?:\.venv/bin/)?crisis(?: [^`]*)?)`", README)
    spans += ["crisis play " + args for args in re.findall(r'`make play ARGS="([^"]*)"`', README)]
    return [s for s in dict.fromkeys(spans) if not re.search(r"[\[\]|]|\.\.\.|\b[A-Z]{2,}\b", s)]


def crisis_argv(line: str) -> list[str] | None:
    """The arguments of a `crisis` command line (by name or by .venv/bin/ path), or None for another command."""
    words = shlex.split(line)
    if words and words[0] in ("crisis", ".venv/bin/crisis"):
        return words[1:]
    return None


COMMANDS = [line for line in dict.fromkeys(shell_lines() + inline_commands()) if crisis_argv(line) is not None]


def test_the_readme_starts_with_make_play_and_make_test_and_says_how_to_reach_crisis():
    assert shell_lines()[:2] == ["make play", "make test"]
    assert ".venv/bin/crisis" in README and "source .venv/bin/activate" in README
    assert "command not found" in README  # named, so a reader who met it finds the answer
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^VENV\s*\?=\s*\.venv$", makefile, flags=re.M) and "-m venv $(VENV)" in makefile
    assert re.search(r'^crisis = "game\.cli:main"$', (ROOT / "pyproject.toml").read_text(), flags=re.M)
    assert CRISIS.exists(), "run the tests from the environment `make test` creates"


def test_every_make_target_the_readme_names_exists():
    targets = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.M))
    named = set(re.findall(r"\bmake ([a-z]+)", README))
    assert named and named <= targets


def test_the_readme_shows_commands_to_check():
    # The extraction itself must find what is there, or the tests below would pass on nothing.
    assert len(COMMANDS) >= 8
    assert any(c.startswith(".venv/bin/crisis") for c in COMMANDS)
    assert any(crisis_argv(c)[:1] == ["simulate"] for c in COMMANDS)


@pytest.mark.parametrize("line", COMMANDS)
def test_each_crisis_command_in_the_readme_works_as_written(line, tmp_path, monkeypatch):
    argv = crisis_argv(line)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:
        pytest.fail(f"`{line}` does not parse (exit {stop.code})")
    command = getattr(args, "command", None)
    workdir = tmp_path / "clone"  # the commands are typed in the project's folder; only scenarios/ is read there
    workdir.mkdir()
    (workdir / "scenarios").symlink_to(ROOT / "scenarios")
    if DRAFT in argv and command != "new":  # the README's writing loop starts with `crisis new my-crisis`
        made = subprocess.run([str(CRISIS), "new", DRAFT, "--roles", "king,rebel"], cwd=workdir,
                              capture_output=True, text=True, timeout=60)
        assert made.returncode == 0, made.stderr
    if command in (None, "play"):
        if args.__dict__.get("resume") is None:  # resuming needs a game played first; the saves tests cover it
            monkeypatch.chdir(workdir)
            build_app(scenario=args.__dict__.get("scenario"), role=args.__dict__.get("role"),
                      seed=args.__dict__.get("seed"), odds=args.__dict__.get("odds"),
                      opponent=args.__dict__.get("opponent"), watch=bool(args.__dict__.get("watch")))
        return
    if command == "simulate":
        argv = [*argv, "--runs", QUICK_RUNS, "--jobs", "1"]
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k not in ("CRISIS_HOME", "XDG_DATA_HOME", "NO_COLOR")}
    env["HOME"] = str(home)  # so ~/.local/share/crisis is a fresh player's folder
    if "~/.local/share/crisis" in line:
        if sys.platform != "linux":
            pytest.skip("the README's example path is the Linux one")
        play_a_turn_in(home / ".local/share/crisis", monkeypatch)
    argv = [str(home) + w[1:] if w.startswith("~/") else w for w in argv]  # as the shell expands ~
    if getattr(args, "watch", False):  # runs until Ctrl+C: it must start, check once, and wait for changes
        watching = subprocess.Popen([str(CRISIS), *argv], cwd=workdir, env=env, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True)
        try:
            first = [watching.stdout.readline() for _ in range(2)]
        finally:
            watching.terminate()
            _out, err = watching.communicate(timeout=60)
        assert first[0].startswith("watching ") and first[1].startswith("OK "), first + [err]
        return
    done = subprocess.run([str(CRISIS), *argv], cwd=workdir, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"`{line}` failed:\n{done.stderr}"
    assert "Traceback" not in done.stderr


DRAFT = "my-crisis"


def play_a_turn_in(home: Path, monkeypatch) -> None:
    """An autosave in `home`, as playing the first turn of a game leaves it."""
    import asyncio

    monkeypatch.setenv("CRISIS_HOME", str(home))

    async def play() -> None:
        app = build_app(scenario="tutorial", role="mayor", seed=1)
        async with app.run_test() as pilot:
            await pilot.press("1", "space")
            await pilot.pause()

    asyncio.run(play())
    assert (home / "saves" / "autosave.json").exists()
