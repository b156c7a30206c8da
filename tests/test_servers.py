"""The test-server fixtures fail in CI and skip elsewhere when a server is down."""

from __future__ import annotations

import socket

import pytest

from tests.servers import require_server


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_down_server_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="PostgreSQL is not answering"):
        require_server(f"postgresql://x@127.0.0.1:{_closed_port()}/db", 5432, "PostgreSQL")


def test_down_server_skips_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"run scripts/services\.sh"):
        require_server(f"redis://127.0.0.1:{_closed_port()}", 6379, "Redis")


def test_answering_server_is_returned() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        url = f"redis://127.0.0.1:{server.getsockname()[1]}"
        assert require_server(url, 6379, "Redis") == url
