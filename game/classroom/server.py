"""The game in browsers: textual-serve's Server, extended with a class's codes, rooms for pair play, the
teacher page and the class report. Each browser tab runs its own `crisis play` process, started without a
shell, with arguments that were all checked here first."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import secrets
import sys
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from game.engine import Scenario
from game.i18n import _

from .folder import ClassFolder
from .pages import pages
from .names import BadName, check_student, normal_room
from .records import Records
from .rooms import RoomError, RoomFull, Rooms, SeatInUse

log = logging.getLogger("crisis.classroom")

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
MAX_SESSIONS = 120  # browser tabs at once; a class of thirty opens a few tabs each
MAX_LAUNCHES = 5000  # remembered tab addresses (the oldest are forgotten)
MAX_WS_MESSAGE = 64 * 1024
MAX_STDIN = 16 * 1024
CLASS_COOKIE = "crisis_class"
TEACHER_COOKIE = "crisis_teacher"


def is_local(host: str) -> bool:
    if host in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Launch:
    """What one tab runs: `crisis play` with these checked arguments and environment."""

    args: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()
    room: str | None = None


class GameService(AppService):
    """textual-serve's app process, started with an argument vector instead of a shell command line."""

    def __init__(self, launch: Launch, **kwargs):
        super().__init__("crisis play", **kwargs)
        self.launch = launch

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        env = super()._build_environment(width, height)
        env.update(dict(self.launch.env))
        return env

    async def _open_app_process(self, width: int = 80, height: int = 24):
        env = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "game", "play", *self.launch.args,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, env=env)
        self._stdin = process.stdin
        return process

    async def stop(self) -> None:
        """textual-serve asks the app to quit and reads to the end of its output; this also waits for the
        process to go (killing it after a few seconds), so that no finished game lingers as a zombie."""
        await super().stop()
        process, self._process = self._process, None
        if process is None:
            return
        try:
            await asyncio.wait_for(process.wait(), 5)
        except asyncio.TimeoutError:
            process.kill()
            await process.wait()
        finally:
            transport = getattr(process, "_transport", None)
            if transport is not None:
                transport.close()


class ClassServer(Server):
    """`crisis serve`: the title screen in every tab; with a class, its codes, rooms, records and teacher page."""

    def __init__(self, host: str = "127.0.0.1", port: int = 8000, klass: ClassFolder | None = None,
                 room_scenario: Scenario | None = None, scenario: str | None = None):
        if not is_local(host) and klass is None:
            raise ValueError(_("serving beyond this machine needs a class (--class NAME): its code keeps"
                               " strangers out"))
        super().__init__("crisis play", host=host, port=port, title="Crisis")
        self.klass = klass
        self.room_scenario = room_scenario
        self.scenario = scenario
        self.statics_path = Path(__import__("textual_serve").__file__).resolve().parent / "static"
        self.pages = pages()
        self.launches: OrderedDict[str, Launch] = OrderedDict()
        self.sessions = 0
        self._records: Records | None = None
        self._rooms: Rooms | None = None

    # --- addresses -----------------------------------------------------------------------------
    def join_url(self, host: str | None = None) -> str:
        query = f"/?code={self.klass.code}" if self.klass else "/"
        return f"http://{self._url_host(host)}:{self.port}{query}"

    def teacher_url(self, host: str | None = None) -> str:
        return f"http://{self._url_host(host)}:{self.port}/teacher?key={self.klass.teacher_key}" if self.klass else ""

    def _url_host(self, host: str | None) -> str:
        host = host or self.host
        if host in ("0.0.0.0", "::", ""):
            import socket

            try:
                host = socket.gethostbyname(socket.gethostname())
            except OSError:
                host = socket.gethostname()
        return f"[{host}]" if ":" in host else host

    # --- the application -----------------------------------------------------------------------
    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.guard], client_max_size=64 * 1024)
        app.add_routes([
            web.get("/", self.handle_join, name="index"),
            web.get("/play", self.handle_play, name="play"),
            web.get("/room", self.handle_room, name="room"),
            web.post("/room", self.handle_room),
            web.get("/ws/{token}", self.handle_websocket, name="websocket"),
            web.get("/teacher", self.handle_teacher, name="teacher"),
            web.get("/teacher/report", self.handle_report, name="report"),
            web.get("/teacher/debrief/{game}.{kind}", self.handle_debrief, name="debrief"),
            web.static("/static", self.statics_path, show_index=False, follow_symlinks=False, name="static"),
        ])
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def on_startup(self, app: web.Application) -> None:
        self.console.print(_("Crisis is being served on [bold]{address}[/bold]").format(address=self.join_url()),
                           highlight=False, soft_wrap=True)
        if self.klass:
            self.console.print(_("Class [bold]{name}[/bold]: students open {address}").format(
                name=self.klass.name, address=self.join_url()), highlight=False, soft_wrap=True)
            self.console.print(_("Teacher page (keep this address to yourself): {address}").format(
                address=self.teacher_url()), highlight=False, soft_wrap=True)
        self.console.print(_("Press Ctrl+C to stop."), highlight=False, soft_wrap=True)

    async def on_shutdown(self, app: web.Application) -> None:
        for store in (self._records, self._rooms):
            if store is not None:
                store.close()

    @web.middleware
    async def guard(self, request: web.Request, handler):
        """With a class, every request carries the class code (its address or its cookie), and the teacher's
        pages the teacher key too; anything else is refused before it reaches a handler."""
        if ".." in request.path.split("/") or "\\" in request.path:
            raise web.HTTPForbidden(text=_("refused: that is not an address of this game"))
        if self.klass is None:
            if request.path.startswith("/teacher"):
                raise web.HTTPForbidden(text=_("refused: the teacher page needs a class"
                                               " (crisis serve --class NAME)"))
            return await handler(request)
        teacher = request.path.startswith("/teacher")
        secret, cookie = ("key", TEACHER_COOKIE) if teacher else ("code", CLASS_COOKIE)
        check = self.klass.admits_teacher if teacher else self.klass.admits
        given = request.query.get(secret)
        if not (check(given) or check(request.cookies.get(cookie))):
            what = _("the teacher key") if teacher else _("the class code")
            raise web.HTTPForbidden(text=_("refused: this address needs {what} (ask your teacher for the join"
                                           " address)").format(what=what))
        response = await handler(request)
        if check(given) and not isinstance(response, web.WebSocketResponse) and not response.prepared:
            response.set_cookie(cookie, given, httponly=True, samesite="Strict")
        return response

    # --- pages ---------------------------------------------------------------------------------
    def _page(self, template: str, status: int = 200, **context) -> web.Response:
        body = self.pages.get_template(template).render(**context)
        return web.Response(text=body, status=status, content_type="text/html", charset="utf-8")

    def _code_query(self) -> dict:
        # Addresses the server sends a browser to carry the class code, as the join address did: no cookie needed.
        return {"code": self.klass.code} if self.klass else {}

    def _code(self) -> str:
        return self.klass.code if self.klass else ""

    async def handle_join(self, request: web.Request, error: str = "", status: int = 200,
                          name: str = "", room: str = "") -> web.Response:
        title = _("Crisis — class {name}").format(name=self.klass.name) if self.klass else "Crisis"
        roles = [] if self.room_scenario is None else [self.room_scenario.role(r) for r in self.room_scenario.order]
        return self._page("join.html", status, title=title, error=error, code=self._code(), roles=roles,
                          class_name=self.klass.name if self.klass else "", name=name[:200], room=room[:20])

    async def handle_play(self, request: web.Request) -> web.Response:
        # The title screen first, as in a terminal: --scenario would skip it (it goes to New game).
        return self._terminal(request, Launch(tuple(self._common_args(with_scenario=False))))

    async def handle_room(self, request: web.Request) -> web.Response:
        """The join forms post here (a name of any length reaches the check, and gets its sentence); once all is
        well the browser is sent to the room's own address, which reopens the same seat when reloaded."""
        q = await request.post() if request.method == "POST" else request.query
        name, wanted = str(q.get("name", "")), str(q.get("room", ""))
        if self.room_scenario is None:
            return await self.handle_join(request, _("Pair play needs a two-sided scenario, and none is installed."),
                                          400)
        try:
            name = check_student(name)
        except BadName as err:
            return await self.handle_join(request, str(err), 400, room=wanted if len(wanted) < 20 else "")
        rooms = self.rooms()
        sc = self.room_scenario
        if wanted.strip().lower() == "new":
            role = q.get("role", sc.order[0])
            if role not in sc.order:
                return await self.handle_join(request, _("Choose one of the roles listed."), 400, name=name)
            code = rooms.open(sc, secrets.randbelow(2**31))
            query = {**self._code_query(), "name": name, "room": code, "role": role}
            raise web.HTTPSeeOther(f"/room?{urlencode(query)}")
        code = normal_room(wanted)
        if request.method == "POST" and code is not None:
            query = {**self._code_query(), "name": name, "room": code, **({"role": q["role"]} if q.get("role") in sc.order else {})}
            raise web.HTTPSeeOther(f"/room?{urlencode(query)}")
        try:
            if code is None:
                raise RoomError(_("There is no room {code!r}: a room code is {length} letters and digits, as on"
                                  " your classmate's screen.").format(code=wanted.strip()[:12], length=len("ABCDE")))
            rooms.check_join(code, name)
        except SeatInUse:
            pass  # a reload: the new game waits for the closing one to let go of the seat
        except RoomError as err:
            return await self.handle_join(request, str(err), 409 if isinstance(err, RoomFull) else 404, name=name)
        # One argument each, as --flag=value: a name that starts with "-" stays a value, and no shell sees any.
        args = self._common_args(with_scenario=False) + [f"--room={code}", f"--student={name}"]
        if q.get("role") in sc.order:
            args.append(f"--role={q['role']}")
        return self._terminal(request, Launch(tuple(args), room=code))

    def _common_args(self, with_scenario: bool = True) -> list[str]:
        args: list[str] = []
        if self.klass:
            args.append(f"--class={self.klass.name}")
        if with_scenario and self.scenario:
            args.append(f"--scenario={self.scenario}")
        return args

    def _terminal(self, request: web.Request, launch: Launch) -> web.Response:
        token = self._remember(launch)
        scheme = "wss" if request.secure else "ws"
        font = request.query.get("fontsize", "16")
        return self._page("terminal.html", title="Crisis", static_url="/static/",
                          websocket_url=f"{scheme}://{request.host}/ws/{token}", room=launch.room,
                          font_size=int(font) if font.isdigit() and 8 <= int(font) <= 40 else 16)

    def _remember(self, launch: Launch) -> str:
        token = secrets.token_urlsafe(16)
        self.launches[token] = launch
        while len(self.launches) > MAX_LAUNCHES:
            self.launches.popitem(last=False)
        return token

    def records(self) -> Records:
        if self._records is None:
            self._records = Records(self.klass.database)
        return self._records

    def rooms(self) -> Rooms:
        if self._rooms is None:
            self._rooms = Rooms(self.klass.database if self.klass else None)
        return self._rooms

    async def handle_teacher(self, request: web.Request) -> web.Response:
        from .teacher import teacher_rows

        games = teacher_rows(self.records())
        return self._page("teacher.html", title=_("Class {name}").format(name=self.klass.name), refresh=3, games=games,
                          students=len({g["student"] for g in games}), key=self.klass.teacher_key,
                          join_url=self.join_url(request.host.rsplit(":", 1)[0]))

    async def handle_report(self, request: web.Request) -> web.Response:
        from .report import build_report

        text = await asyncio.get_running_loop().run_in_executor(None, build_report, self.klass)
        return web.Response(text=text, content_type="text/html", charset="utf-8")

    async def handle_debrief(self, request: web.Request) -> web.Response:
        from .debrief import debrief

        game, kind = request.match_info["game"], request.match_info["kind"]
        if not game.isdigit() or kind not in ("md", "json"):
            raise web.HTTPNotFound(text=_("no such debrief"))
        try:
            data, markdown = await asyncio.get_running_loop().run_in_executor(None, debrief, self.klass, int(game))
        except KeyError:
            raise web.HTTPNotFound(text=_("no such debrief")) from None
        if kind == "json":
            return web.Response(text=json.dumps(data, indent=1, ensure_ascii=False), content_type="application/json")
        return web.Response(text=markdown, content_type="text/markdown", charset="utf-8")

    # --- the tab's game ------------------------------------------------------------------------
    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        launch = self.launches.get(request.match_info["token"])
        if launch is None:
            raise web.HTTPForbidden(text=_("refused: this game's address has expired; open the join address"
                                           " again"))
        if self.sessions >= MAX_SESSIONS:
            raise web.HTTPServiceUnavailable(text=_("the server is full: close a tab and try again"))
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_WS_MESSAGE)
        width = _size(request.query.get("width"), 80, 20, 400)
        height = _size(request.query.get("height"), 24, 8, 200)
        service: GameService | None = None
        self.sessions += 1
        try:
            await websocket.prepare(request)
            service = GameService(launch, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                                  close=websocket.close, download_manager=self.download_manager, debug=self.debug)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # one tab's failure is logged; the server goes on serving the others
            log.exception(error)
        finally:
            try:
                if service is not None:
                    await service.stop()
            finally:
                self.sessions -= 1
        return websocket

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: AppService) -> None:
        """Pass on what the page sends: keys, sizes, pings, focus. Anything else is dropped, not obeyed."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            envelope = _envelope(message.data)
            if envelope is None:
                continue
            kind, data = envelope
            if kind == "stdin" and isinstance(data, str) and len(data) <= MAX_STDIN:
                await app_service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await app_service.set_terminal_size(_size(data.get("width"), 80, 20, 400),
                                                    _size(data.get("height"), 24, 8, 200))
            elif kind == "ping" and isinstance(data, (str, int, float)):
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()


def _envelope(text: str):
    try:
        envelope = json.loads(text)
    except ValueError:
        return None
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        return None
    return envelope[0], envelope[1] if len(envelope) > 1 else None


def _size(value, default: int, lo: int, hi: int) -> int:
    try:
        n = int(value)
    except (TypeError, ValueError):
        return default
    return max(lo, min(hi, n))


