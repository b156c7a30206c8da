"""deploy/debian's entrypoints, run on this machine's Debian PostgreSQL and Redis (no Docker):
what the official images do on first start, which compose.scale.yaml relies on."""

from __future__ import annotations

import asyncio
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pytest
import redis

from bench.load.processes import free_port
from bench.load.servers import postgres_bin
from tests.servers import missing

REPO = Path(__file__).resolve().parents[2]
DEBIAN = REPO / "deploy" / "debian"


def _postgres_bin() -> Path:
    found = postgres_bin()
    if found is None:
        missing("PostgreSQL is not installed (scripts/services.sh installs it)")
    return found


@pytest.fixture
def scratch() -> Iterator[Path]:
    """A directory the postgres user can use when the tests run as root (initdb refuses root)."""
    path = Path(tempfile.mkdtemp(prefix="atazan-pg-entry-", dir="/tmp"))
    if os.geteuid() == 0:
        postgres = pwd.getpwnam("postgres")
        os.chown(path, postgres.pw_uid, postgres.pw_gid)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def test_postgres_first_start_makes_the_user_password_and_database(scratch: Path) -> None:
    port = free_port()
    env = {
        "PATH": f"{_postgres_bin()}:/usr/bin:/bin",
        "PGDATA": str(scratch / "data"),
        "POSTGRES_USER": "atazan",
        "POSTGRES_PASSWORD": "s3cret-pw",
        "POSTGRES_DB": "atazan",
    }
    # run a copy in the scratch dir: the postgres user may not reach a checkout under a private
    # directory (a clone in `mktemp -d`, mode 0700), and the entrypoint uses no file beside it
    entrypoint = scratch / "postgres-entrypoint.sh"
    shutil.copy2(DEBIAN / "postgres-entrypoint.sh", entrypoint)
    command = [str(entrypoint), "postgres", "-p", str(port),
               "-k", str(scratch), "-c", "listen_addresses=127.0.0.1"]  # fmt: skip
    server = subprocess.Popen(
        _as_postgres(["env", *(f"{k}={v}" for k, v in env.items()), *command]),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        url = f"postgresql://atazan:s3cret-pw@127.0.0.1:{port}/atazan"
        assert asyncio.run(_first_answer(url, server)) == ("atazan", "atazan")
        wrong = url.replace("s3cret-pw", "wrong")
        with pytest.raises(asyncpg.InvalidPasswordError):
            asyncio.run(asyncpg.connect(wrong, timeout=5))
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "new cluster" in output
    assert (scratch / "data" / "PG_VERSION").is_file()


async def _first_answer(url: str, server: subprocess.Popen[str]) -> tuple[str, str]:
    deadline = time.monotonic() + 60
    while True:
        try:
            connection = await asyncpg.connect(url, timeout=5)
        except (OSError, asyncpg.CannotConnectNowError):
            if server.poll() is not None or time.monotonic() > deadline:
                out = server.stdout.read() if server.stdout else ""
                pytest.fail(f"postgres did not answer (exit {server.poll()}): {out[-2000:]}")
            await asyncio.sleep(0.3)
            continue
        try:
            row = await connection.fetchrow("SELECT current_user, current_database()")
            assert row is not None
            return str(row[0]), str(row[1])
        finally:
            await connection.close()


def test_redis_without_a_config_file_serves_other_hosts(tmp_path: Path) -> None:
    """Protected mode off (the other containers are not loopback), the compose command's
    options kept."""
    server_bin = shutil.which("redis-server")
    if server_bin is None:
        missing("redis-server is not installed (scripts/services.sh installs it)")
    port = free_port()
    command = [str(DEBIAN / "redis-entrypoint.sh"), "redis-server", "--appendonly", "yes",
               "--port", str(port), "--bind", "127.0.0.1", "--dir", str(tmp_path)]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, cwd=tmp_path)
    client = redis.Redis(host="127.0.0.1", port=port, socket_timeout=5)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    pytest.fail("redis-server did not answer")
                time.sleep(0.1)
        assert client.config_get("protected-mode") == {"protected-mode": "no"}
        assert client.config_get("appendonly") == {"appendonly": "yes"}
    finally:
        client.close()
        server.terminate()
        server.wait(timeout=10)
