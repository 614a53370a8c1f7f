"""The server's refusals, each: no code, no key, paths out of bounds, bad names and rooms, odd websocket
messages. Every refusal leaves the server serving the others."""

import asyncio
import json

import pytest
from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient, TestServer

from game.classroom.rooms import Rooms
from game.classroom.server import ClassServer


@pytest.fixture
async def client(klass, tutorial):
    server = ClassServer(klass=klass, room_scenario=tutorial, scenario="tutorial")
    app = await server._make_app()
    async with TestClient(TestServer(app)) as c:
        c.crisis = server
        yield c


async def status(client, url, **kw):
    async with client.get(url, allow_redirects=False, **kw) as r:
        return r.status, await r.text()


def test_serving_beyond_this_machine_needs_a_class(capsys):
    from game.cli import main

    with pytest.raises(ValueError):
        ClassServer(host="0.0.0.0")
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    assert "needs a class" in capsys.readouterr().err
    assert main(["serve", "--class", "../x"]) == 2


async def test_without_the_class_code_everything_is_refused(client, klass):
    for url in ["/", "/play", "/room?name=Ana&room=new", "/static/js/textual.js", "/ws/anything",
                f"/?code={klass.teacher_key}", "/?code=" + "x" * 1000]:
        assert (await status(client, url))[0] == 403, url
    assert (await status(client, f"/?code={klass.code}"))[0] == 200


async def test_the_teacher_page_needs_the_teacher_key(client, klass):
    assert (await status(client, "/teacher"))[0] == 403
    assert (await status(client, f"/teacher?code={klass.code}"))[0] == 403
    assert (await status(client, f"/teacher?key={klass.code}"))[0] == 403
    assert (await status(client, f"/teacher/report?code={klass.code}"))[0] == 403
    code, text = await status(client, f"/teacher?key={klass.teacher_key}")
    assert code == 200 and "The class report" in text


@pytest.mark.parametrize("path", ["/static/../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
                                  "/..%2f..%2fetc/passwd", "/static/..\\..\\x", "/teacher/debrief/..%2f1.md"])
async def test_paths_out_of_bounds_are_refused(client, klass, path):
    async with client.session.get(client.make_url("") .with_path(path, encoded=True)
                                  .with_query(code=klass.code, key=klass.teacher_key)) as r:
        assert r.status in (403, 404)
        assert "root:" not in await r.text()


@pytest.mark.parametrize("name, words", [
    ("<script>alert(1)</script>", "letters"),
    ("x" * 10_000, "too long"),
    ("", "Type your name"),
])
async def test_bad_names_get_a_message_on_the_page(client, klass, name, words):
    async with client.post("/room", params={"code": klass.code}, data={"name": name, "room": "new"}) as r:
        code, text = r.status, await r.text()
    assert code == 400 and words in text
    assert "<script>alert" not in text


async def test_wrong_and_full_rooms_get_a_message_on_the_page(client, klass, tutorial):
    code, text = await status(client, "/room", params={"code": klass.code, "name": "Ana", "room": "QQQQQ"})
    assert code == 404 and "no room" in text
    code, text = await status(client, "/room", params={"code": klass.code, "name": "Ana", "room": "<b>x</b>"})
    assert code == 404 and "<b>x</b>" not in text
    rooms = Rooms(klass.database)
    seat = rooms.create(tutorial, 1, tutorial.order[0], "Bea")
    rooms.join(seat.room, "Cid")
    code, text = await status(client, "/room", params={"code": klass.code, "name": "Ana", "room": seat.room})
    assert code == 409 and "full" in text


async def test_a_new_room_redirects_to_its_code_and_opens_the_game(client, klass):
    async with client.post("/room", params={"code": klass.code}, data={"name": "José", "room": "new", "role": "union"},
                           allow_redirects=False) as r:
        assert r.status == 303
        target = r.headers["Location"]
    code, text = await status(client, target)
    assert code == 200 and "/ws/" in text
    launch = list(client.crisis.launches.values())[-1]
    assert launch.args[0] == f"--class={klass.name}" and "--student=José" in launch.args
    assert any(a.startswith("--room=") for a in launch.args)


async def test_odd_websocket_messages_are_dropped_and_the_server_keeps_serving(client, klass):
    code, text = await status(client, "/play", params={"code": klass.code})
    token = text.split("/ws/")[1].split('"')[0]
    assert (await status(client, f"/ws/not-{token}", params={"code": klass.code}))[0] == 403
    ws = await client.ws_connect(f"/ws/{token}?width=99999&height=-5", params={"code": klass.code})
    for junk in ["not json", "{}", "[]", "[1, 2]", json.dumps(["stdin", {"x": 1}]), json.dumps(["resize", "big"]),
                 json.dumps(["stdin", "x" * 20_000]), json.dumps(["exec", "rm -rf /"]), json.dumps(["ping", "p1"])]:
        await ws.send_str(junk)
    await ws.send_bytes(b"\x00\x01")
    pong = None
    async with asyncio.timeout(30):
        while pong is None:
            msg = await ws.receive()
            if msg.type == WSMsgType.TEXT and json.loads(msg.data)[0] == "pong":
                pong = json.loads(msg.data)
            assert msg.type not in (WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.ERROR)
    assert pong == ["pong", "p1"]
    await ws.close()
    # A message past the size limit closes that one connection ("message too big"), nothing else.
    ws = await client.ws_connect(f"/ws/{token}", params={"code": klass.code})
    await ws.send_str("x" * 100_000)
    async with asyncio.timeout(30):
        while (msg := await ws.receive()).type not in (WSMsgType.CLOSE, WSMsgType.CLOSED):
            pass
    assert msg.data == 1009
    assert (await status(client, f"/?code={klass.code}"))[0] == 200
    async with asyncio.timeout(30):  # each tab's game process is stopped and waited for
        while client.crisis.sessions:
            await asyncio.sleep(0.05)
