"""The single-instance channel: a real QLocalServer and the plain-socket client."""

from __future__ import annotations

import socket
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from app.services import instance
from app.ui.instance import InstanceServer

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="Unix socket paths")


def _ask(name: str, message: dict[str, Any], out: list[Any]) -> threading.Thread:
    thread = threading.Thread(target=lambda: out.append(instance.request(name, message)))
    thread.start()
    return thread


def test_address_is_per_data_folder_and_short(tmp_path: Path) -> None:
    one, two = instance.address(tmp_path / ("a" * 120)), instance.address(tmp_path / "b")
    assert one != two
    assert instance.address(tmp_path / "b") == two
    assert len(one.encode()) < 104


def test_nobody_listening_is_none(tmp_path: Path) -> None:
    assert instance.request(instance.address(tmp_path), {"command": "activate"}) is None


def test_a_request_reaches_the_handler_and_its_reply_comes_back(qtbot, tmp_path: Path) -> None:
    seen: list[dict[str, Any]] = []

    def handler(message: dict[str, Any]) -> dict[str, Any]:
        seen.append(message)
        return {"ok": True, "echo": message["command"]}

    name = instance.address(tmp_path)
    server = InstanceServer(name, handler)
    assert server.listen()
    out: list[Any] = []
    thread = _ask(name, {"command": "capture", "mode": "region"}, out)
    qtbot.waitUntil(lambda: bool(out), timeout=5000)
    thread.join(5)
    assert out == [{"protocol": 1, "ok": True, "echo": "capture"}]
    assert seen == [{"protocol": 1, "command": "capture", "mode": "region"}]
    server.close()
    assert instance.request(name, {"command": "activate"}) is None


def test_garbage_gets_an_error_and_never_reaches_the_handler(qtbot, tmp_path: Path) -> None:
    calls: list[object] = []
    name = instance.address(tmp_path)
    server = InstanceServer(name, lambda m: calls.append(m) or {"ok": True})
    assert server.listen()
    out: list[bytes] = []

    def send_raw() -> None:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(5)
            sock.connect(name)
            sock.sendall(b"[1, 2]\n")
            out.append(sock.recv(4096))

    thread = threading.Thread(target=send_raw)
    thread.start()
    qtbot.waitUntil(lambda: bool(out), timeout=5000)
    thread.join(5)
    assert instance.decode(out[0]) == {"protocol": 1, "ok": False, "error": "not a JSON object"}
    assert calls == []
    server.close()


def test_a_handler_bug_is_an_error_reply_not_a_dead_channel(qtbot, tmp_path: Path) -> None:
    def handler(message: dict[str, Any]) -> dict[str, Any]:
        raise RuntimeError("bug")

    name = instance.address(tmp_path)
    server = InstanceServer(name, handler)
    assert server.listen()
    for _ in range(2):
        out: list[Any] = []
        thread = _ask(name, {"command": "activate"}, out)
        qtbot.waitUntil(lambda out=out: bool(out), timeout=5000)
        thread.join(5)
        assert out[0]["ok"] is False
    server.close()


def test_a_socket_left_by_a_killed_app_is_taken_over(qtbot, tmp_path: Path) -> None:
    name = instance.address(tmp_path)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(name)  # bound, never listening, then closed: what kill -9 leaves behind
    stale.close()
    assert Path(name).exists()
    assert instance.request(name, {"command": "activate"}) is None
    server = InstanceServer(name, lambda m: {"ok": True})
    assert server.listen()
    out: list[Any] = []
    thread = _ask(name, {"command": "activate"}, out)
    qtbot.waitUntil(lambda: bool(out), timeout=5000)
    thread.join(5)
    assert out[0]["ok"] is True
    server.close()


def test_a_live_instance_keeps_its_name(qtbot, tmp_path: Path) -> None:
    name = instance.address(tmp_path)
    first = InstanceServer(name, lambda m: {"ok": True, "who": "first"})
    assert first.listen()
    second = InstanceServer(name, lambda m: {"ok": True, "who": "second"})
    done: list[bool] = []
    thread = threading.Thread(target=lambda: done.append(second.listen()))
    thread.start()  # listen() pings the first, whose answer needs this thread's event loop
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    thread.join(5)
    assert done == [False]
    out: list[Any] = []
    asker = _ask(name, {"command": "activate"}, out)
    qtbot.waitUntil(lambda: bool(out), timeout=5000)
    asker.join(5)
    assert out[0]["who"] == "first"
    first.close()
