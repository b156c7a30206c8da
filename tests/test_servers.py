"""The test-server fixtures fail in CI and skip elsewhere when a server is down."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.servers import require_server

REPO = Path(__file__).resolve().parents[1]


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


def test_exclusive_makes_a_second_holder_wait(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    from tests.servers import exclusive

    script = "\n".join(
        [
            "import sys, time",
            "sys.path.insert(0, sys.argv[1])",
            "from tests.servers import exclusive",
            "with exclusive('selftest'):",
            "    print(time.monotonic(), flush=True)",
        ]
    )
    with exclusive("selftest"):
        child = subprocess.Popen(
            [sys.executable, "-c", script, str(REPO)], stdout=subprocess.PIPE, text=True
        )
        time.sleep(1.0)
        released = time.monotonic()
    entered = float(child.communicate(timeout=30)[0])
    assert entered >= released
