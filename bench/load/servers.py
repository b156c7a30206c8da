"""A private PostgreSQL and Redis for one load run: own port, own data dir under the run's
work dir, stopped and started at will. The machine's shared servers (5432, 6379), which other
test runs use, are never touched."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from bench.load.processes import free_port

PG_USER = "atazan"


def postgres_bin() -> Path | None:
    """The newest Debian PostgreSQL's binaries (initdb, postgres), if installed."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"), key=_version_key)
    return found[-1].parent if found else None


def _version_key(path: Path) -> int:
    name = path.parent.parent.name
    return int(name) if name.isdigit() else 0


def servers_missing_reason() -> str | None:
    if postgres_bin() is None:
        return "PostgreSQL is not installed (apt-get install postgresql; scripts/services.sh does)"
    if shutil.which("redis-server") is None:
        return "redis-server is not installed (apt-get install redis-server)"
    return None


def _wait_port(port: int, process: subprocess.Popen[bytes], what: str, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode} while starting")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{what} did not listen on 127.0.0.1:{port} within {timeout_s:.0f} s")


class PrivateServer:
    """A server process on its own port that can be stopped and started again."""

    what = "server"
    # PostgreSQL's smart shutdown (SIGTERM) would wait for the replicas to disconnect;
    # SIGINT is its fast shutdown (rolls back, disconnects them). Redis quits on SIGTERM.
    stop_signal = signal.SIGTERM

    def __init__(self) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix=f"atazan-{self.what.lower()}-"))
        self.port = free_port()
        self.log_path = self.workdir / "server.log"
        self.process: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        raise NotImplementedError

    def user(self) -> str | None:
        return None

    def start(self, timeout_s: float = 30.0) -> None:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                self.command(), stdout=log, stderr=subprocess.STDOUT, cwd=self.workdir,
                user=self.user(),
            )  # fmt: skip
        _wait_port(self.port, self.process, self.what, timeout_s)

    def stop(self, timeout_s: float = 30.0) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(self.stop_signal)
        try:
            process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)


class PrivatePostgres(PrivateServer):
    """`initdb` + `postgres -D` in a temp dir (as the `postgres` user when run as root: it
    refuses root), trust auth on the loopback only; database `postgres`, role `atazan`."""

    what = "PostgreSQL"
    stop_signal = signal.SIGINT

    def __init__(self) -> None:
        found = postgres_bin()
        if found is None:
            raise RuntimeError(str(servers_missing_reason()))
        super().__init__()
        self.bin = found
        self.data = self.workdir / "pgdata"
        self.url = f"postgresql://{PG_USER}@127.0.0.1:{self.port}/postgres"
        if self.user() is not None:
            shutil.chown(self.workdir, "postgres")

    def user(self) -> str | None:
        return "postgres" if os.geteuid() == 0 else None

    def init(self) -> None:
        subprocess.run(
            [str(self.bin / "initdb"), "-D", str(self.data), "-U", PG_USER, "-A", "trust",
             "-E", "UTF8", "--no-sync"],
            check=True, capture_output=True, timeout=120, user=self.user(), cwd=self.workdir,
        )  # fmt: skip

    def command(self) -> list[str]:
        return [
            str(self.bin / "postgres"), "-D", str(self.data), "-p", str(self.port),
            "-k", str(self.workdir), "-c", "listen_addresses=127.0.0.1",
        ]  # fmt: skip


class PrivateRedis(PrivateServer):
    """redis-server without persistence: a restart loses every key, as a crashed cache does."""

    what = "Redis"

    def __init__(self) -> None:
        super().__init__()
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def command(self) -> list[str]:
        return [
            "redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "",
            "--appendonly", "no", "--dir", str(self.workdir),
        ]  # fmt: skip
