"""Real PostgreSQL and Redis for integration tests (started by `scripts/services.sh`).

Under `CI=true` a server that does not answer fails the test; elsewhere it is skipped with the
reason, so a contributor without the servers still runs everything else.
"""

from __future__ import annotations

import fcntl
import os
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

import pytest

POSTGRES_URL = "postgresql://atazan:atazan@127.0.0.1:5432/atazan_test"
REDIS_URL = "redis://127.0.0.1:6379"


def _answers(url: str, default_port: int) -> bool:
    parts = urlsplit(url)
    address = (parts.hostname or "127.0.0.1", parts.port or default_port)
    try:
        with socket.create_connection(address, timeout=2):
            return True
    except OSError:
        return False


def missing(message: str) -> NoReturn:
    """A prerequisite is missing: a failure under CI (which installs everything), else a skip."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def require_server(url: str, default_port: int, what: str) -> str:
    """`url` when the server answers; otherwise fail (CI) or skip (elsewhere) saying why."""
    if _answers(url, default_port):
        return url
    missing(f"{what} is not answering at {url}: run scripts/services.sh")


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """A database the tests may create schemas in (`ATAZAN_TEST_POSTGRES_URL` overrides)."""
    url = os.environ.get("ATAZAN_TEST_POSTGRES_URL", POSTGRES_URL)
    return require_server(url, 5432, "PostgreSQL")


@pytest.fixture(scope="session")
def redis_url() -> str:
    """A Redis server without a db number; each lane appends its own (`/1` … `/14`)."""
    return require_server(os.environ.get("ATAZAN_TEST_REDIS_URL", REDIS_URL), 6379, "Redis")


@contextmanager
def exclusive(name: str) -> Iterator[None]:
    """Hold a machine-wide lock named `name`: two test runs on one machine (two checkouts, or
    CI beside a developer) take turns on a shared Redis database instead of flushing each
    other's keys mid-test."""
    path = Path(tempfile.gettempdir()) / f"atazan-test-{name}.lock"
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def require_prepared(data_dir: Path) -> Path:
    """`data_dir` when `atazan setup` has built a live corpus version there; otherwise fail
    (CI, which runs setup first) or skip (elsewhere) saying what to run."""
    from retrieval.versions import VersionStore

    if VersionStore(data_dir).live() is not None:
        return data_dir
    missing(f"no corpus version in {data_dir}: run `atazan setup`")
