"""The classroom served to browsers: server start to the title screen in Chromium, memory per student session,
and with 30 sessions open the total memory and the median key-to-outcome time.

Key-to-outcome is measured from the key press in the page to the first screen update the page receives
after it, for the presses that made a decision (the class's database then holds the decision's row). Memory is the resident
memory (RSS) of the server and its game processes, read from /proc; the browser's own is not counted (in a
class it is on the students' machines). Run: .venv/bin/python bench/bench_classroom.py [--sessions N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def decisions(db: Path) -> int:
    try:
        con = sqlite3.connect(db)
        try:
            return con.execute("SELECT count(*) FROM decisions WHERE seat = 'person'").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def games(db: Path) -> int:
    try:
        con = sqlite3.connect(db)
        try:
            return con.execute("SELECT count(*) FROM games").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def until(condition, limit: float = 60.0, step: float = 0.005):
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def pumping(page, condition, limit: float) -> bool:
    """Wait for `condition`, letting Playwright deliver the page's events meanwhile (a plain sleep would not)."""
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        if condition():
            return True
        page.wait_for_timeout(5)
    return False


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=30)
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print("bench_classroom: needs Debian's chromium (apt-get install chromium); skipped")
        return 0
    from playwright.sync_api import sync_playwright

    home = Path(tempfile.mkdtemp(prefix="crisis-bench-"))
    port = free_port()
    env = dict(os.environ, CRISIS_HOME=str(home))
    url = f"http://127.0.0.1:{port}"
    t0 = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "game", "serve", "--class", "bench", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        def listening():
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return True
            except OSError:
                return False
        until(listening, step=0.02)
        listening_after = time.perf_counter() - t0
        code = json.loads((home / "classes" / "bench" / "class.json").read_text())["code"]
        db = home / "classes" / "bench" / "records.sqlite"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            pages = []

            socket_of = {}

            def open_session():
                page = browser.new_page(viewport={"width": 1100, "height": 700})
                page.on("websocket", lambda ws, page=page: socket_of.__setitem__(page, ws))
                page.goto(f"{url}/play?code={code}")
                page.wait_for_selector("body.-first-byte", state="attached", timeout=60_000)
                pages.append(page)
                return page

            open_session()
            first = time.perf_counter() - t0
            print(f"server start to the title screen in Chromium: {first:.2f} s (listening after {listening_after:.2f} s;"
                  " the rest is Chromium starting and the tab's game process starting)")
            base = rss_kib(server.pid)
            for _ in range(args.sessions - 1):
                open_session()
            until(lambda: len(children(server.pid)) >= args.sessions, 30, 0.05)
            time.sleep(1.0)  # let each game finish drawing its title before memory is read
            sessions = [rss_kib(c) for c in children(server.pid)]
            total = rss_kib(server.pid) + sum(sessions)
            print(f"memory per student session (its game process): median {statistics.median(sessions) / 1024:.0f}"
                  f" MiB over {len(sessions)} sessions; the server itself {rss_kib(server.pid) / 1024:.0f} MiB"
                  f" ({base / 1024:.0f} MiB with one session)")
            print(f"with {len(sessions)} sessions open: total {total / 1024:.0f} MiB")

            print(f"each tab's game takes a turn (this takes a minute or two) ...", flush=True)
            for n, page in enumerate(pages):  # each student: New game, a name, Start
                page.click("#terminal")
                page.keyboard.press("n")
                page.wait_for_timeout(150)
                page.keyboard.type(f"Student {chr(65 + n % 26)}")
                page.keyboard.press("Enter")
                page.wait_for_timeout(150)
                for _ in range(20):  # Enter through the form's lists to Start; the game row says it began
                    page.keyboard.press("Enter")
                    if pumping(page, lambda: games(db) > n, 0.5):
                        break
            times = []
            for page in pages:
                for _ in range(40):
                    before = decisions(db)
                    frames: list[float] = []
                    on_frame = lambda _payload: frames.append(time.perf_counter())  # noqa: E731
                    socket_of[page].on("framereceived", on_frame)
                    start = time.perf_counter()
                    page.keyboard.press("1")
                    decided = pumping(page, lambda: decisions(db) > before and frames, 0.6)
                    socket_of[page].remove_listener("framereceived", on_frame)
                    if decided:
                        times.append(frames[0] - start)
                        break
                    page.keyboard.press("Enter")  # the world's opening events first, page by page
                    page.wait_for_timeout(100)
            if times:
                print(f"key to outcome on screen with {len(pages)} sessions open: median"
                      f" {statistics.median(times) * 1000:.0f} ms, slowest {max(times) * 1000:.0f} ms ({len(times)} turns)")
            browser.close()
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
