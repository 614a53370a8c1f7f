"""The game in headless Chromium (Debian's, driven by Playwright): the title screen in a page, keys that play a
turn, two pages in one room, the teacher page following them, and the report with its charts.

The page draws the terminal on canvases, so these tests wait on what the game records (the class's database)
and keep screenshots in build/test-artifacts/ to look at."""

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "test-artifacts"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (.ci/run installs it)")
TIMEOUT = 60  # seconds for anything to happen; the tests wait on conditions, never on the clock alone


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition, what: str, timeout: float = TIMEOUT, step=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if step:
            step()
        else:
            time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    home = tmp_path_factory.mktemp("served-home")
    port = free_port()
    env = dict(os.environ, CRISIS_HOME=str(home))
    server = subprocess.Popen([sys.executable, "-m", "game", "serve", "--class", "demo", "--port", str(port),
                               "--scenario", "tutorial"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        def listening():
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return True
            except OSError:
                return False
        wait_for(listening, "the server to listen")
        secrets = json.loads((home / "classes" / "demo" / "class.json").read_text())
        yield {"url": f"http://127.0.0.1:{port}", "home": home, "db": home / "classes" / "demo" / "records.sqlite",
               **secrets}
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield b
        b.close()


def decisions(db: Path, student: str) -> int:
    if not db.exists():
        return 0
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM decisions d JOIN games g ON g.id = d.game_id JOIN students s"
                           " ON s.id = g.student_id WHERE s.name = ? AND d.seat = 'person'", (student,)).fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        con.close()


def games(db: Path, student: str) -> int:
    if not db.exists():
        return 0
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM games g JOIN students s ON s.id = g.student_id WHERE s.name = ?",
                           (student,)).fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        con.close()


def terminal_up(page) -> None:
    page.wait_for_selector("body.-first-byte", state="attached", timeout=TIMEOUT * 1000)  # the game's first output arrived
    page.click("#terminal")


def play_a_turn(page, db: Path, student: str) -> None:
    """Press 1 for this student's option, paging on with Enter past what comes before their card, until the
    class's records hold a decision of theirs."""
    before = decisions(db, student)
    tries = iter(range(200))

    def press():
        next(tries)
        page.keyboard.press("1")
        page.wait_for_timeout(300)
        if decisions(db, student) == before:
            page.keyboard.press("Enter")
            page.wait_for_timeout(300)
    wait_for(lambda: decisions(db, student) > before, f"a decision by {student}", step=press)


def test_the_title_screen_in_a_page_and_keys_that_play_a_turn(served, browser):
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(f"{served['url']}/play?code={served['code']}")
    terminal_up(page)
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / "title.png"))
    page.keyboard.press("n")
    page.wait_for_timeout(500)
    page.keyboard.type("Zoë")
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    started = iter(range(40))

    def enter():  # through the form's lists to Start (Ctrl+S does not reach the game from every browser)
        next(started)
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
    wait_for(lambda: games(served["db"], "Zoë"), "Zoë's game to start", step=enter)
    play_a_turn(page, served["db"], "Zoë")
    page.screenshot(path=str(ARTIFACTS / "turn-played.png"))
    page.close()


def test_two_pages_play_one_room_the_teacher_follows_and_the_report_has_charts(served, browser):
    ana = browser.new_page(viewport={"width": 1200, "height": 800})
    ana.goto(f"{served['url']}/?code={served['code']}")
    ana.fill("#create input[name=name]", "Ana")
    ana.select_option("#create select[name=role]", "mayor")
    ana.click("#create button")
    terminal_up(ana)
    room = ana.url.split("room=")[1].split("&")[0]
    bea = browser.new_page(viewport={"width": 1200, "height": 800})
    bea.goto(f"{served['url']}/?code={served['code']}")
    bea.fill("#join input[name=name]", "Beatriz Ñ")
    bea.fill("#join input[name=room]", room.lower())
    bea.click("#join button")
    terminal_up(bea)
    play_a_turn(ana, served["db"], "Ana")
    bea.wait_for_timeout(500)
    play_a_turn(bea, served["db"], "Beatriz Ñ")
    ana.screenshot(path=str(ARTIFACTS / "room-ana.png"))
    bea.screenshot(path=str(ARTIFACTS / "room-beatriz.png"))

    teacher = browser.new_page(viewport={"width": 1200, "height": 800})
    teacher.goto(f"{served['url']}/teacher?key={served['teacher_key']}")
    table = teacher.inner_text("#games")
    assert "Ana" in table and "Beatriz Ñ" in table and room in table
    teacher.screenshot(path=str(ARTIFACTS / "teacher.png"), full_page=True)
    teacher.click("#report")
    teacher.wait_for_selector("#students", timeout=TIMEOUT * 1000)
    assert teacher.locator("figure.chart svg").count() >= 3
    box = teacher.locator("figure.chart svg").first.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 50  # drawn, not just present
    assert "Beatriz Ñ" in teacher.inner_text("#student-table")
    teacher.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)

    # Beatriz's tab closes; she opens the room again with her name and code, and the game goes on.
    bea.close()
    bea = browser.new_page(viewport={"width": 1200, "height": 800})
    bea.goto(f"{served['url']}/?code={served['code']}")
    bea.fill("#join input[name=name]", "Beatriz Ñ")
    bea.fill("#join input[name=room]", room)
    bea.click("#join button")
    terminal_up(bea)
    play_a_turn(ana, served["db"], "Ana")
    play_a_turn(bea, served["db"], "Beatriz Ñ")
    bea.screenshot(path=str(ARTIFACTS / "room-beatriz-back.png"))
    con = sqlite3.connect(served["db"])
    rows = con.execute("SELECT s.name, count(*) FROM games g JOIN students s ON s.id = g.student_id"
                       " WHERE g.room = ? GROUP BY s.name", (room,)).fetchall()
    assert sorted(rows) == [("Ana", 1), ("Beatriz Ñ", 1)]  # one game each, continued, not begun again
    for page in (ana, bea, teacher):
        page.close()
