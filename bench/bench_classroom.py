"""The classroom served to browsers: server start to the title screen in Chromium, memory per student session,
and with 30 sessions open the total memory and the median key-to-outcome time.

Key-to-outcome is measured from the key press in the page to the decision's row in the class's database,
which the game writes right after it resolves the turn and puts the outcome on screen. Memory is the resident
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


def until(condition, limit: float = 60.0, step: float = 0.005):
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        if condition():
            return True
        time.sleep(step)
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
        code = json.loads((home / "classes" / "bench" / "class.json").read_text())["code"]
        db = home / "classes" / "bench" / "records.sqlite"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            pages = []

            def open_session():
                page = browser.new_page(viewport={"width": 1100, "height": 700})
                page.goto(f"{url}/play?code={code}")
                page.wait_for_selector("body.-first-byte", state="attached", timeout=60_000)
                pages.append(page)
                return page

            open_session()
            first = time.perf_counter() - t0
            print(f"server start to the title screen in Chromium: {first:.2f} s")
            base = rss_kib(server.pid)
            for _ in range(args.sessions - 1):
                open_session()
            until(lambda: len(children(server.pid)) >= args.sessions, 30, 0.05)
            time.sleep(1.0)  # let each game finish drawing its title before memory is read
            games = [rss_kib(c) for c in children(server.pid)]
            total = rss_kib(server.pid) + sum(games)
            print(f"memory per student session (its game process): median {statistics.median(games) / 1024:.0f} MiB"
                  f" over {len(games)} sessions; the server itself {rss_kib(server.pid) / 1024:.0f} MiB"
                  f" ({base / 1024:.0f} MiB with one session)")
            print(f"with {len(games)} sessions open: total {total / 1024:.0f} MiB")

            for n, page in enumerate(pages):  # each student: New game, a name, Start
                page.click("#terminal")
                page.keyboard.press("n")
                page.wait_for_timeout(150)
                page.keyboard.type(f"Student {chr(65 + n % 26)}")
                page.keyboard.press("Enter")
                page.wait_for_timeout(150)
                page.keyboard.press("Control+s")
            times = []
            for page in pages:
                for _ in range(30):
                    before = decisions(db)
                    start = time.perf_counter()
                    page.keyboard.press("1")
                    if until(lambda: decisions(db) > before, 3.0):
                        times.append(time.perf_counter() - start)
                        break
                    page.keyboard.press("Enter")  # the world's opening events first, page by page
            if times:
                print(f"key to outcome with {len(pages)} sessions open: median {statistics.median(times) * 1000:.0f} ms,"
                      f" slowest {max(times) * 1000:.0f} ms ({len(times)} turns)")
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
