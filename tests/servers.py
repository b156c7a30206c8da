"""Real PostgreSQL and Redis for integration tests (started by `scripts/services.sh`).

Under `CI=true` a server that does not answer fails the test; elsewhere it is skipped with the
reason, so a contributor without the servers still runs everything else.
"""

from __future__ import annotations

import os
import socket
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


def require_server(url: str, default_port: int, what: str) -> str:
    """`url` when the server answers; otherwise fail (CI) or skip (elsewhere) saying why."""
    if _answers(url, default_port):
        return url
    message = f"{what} is not answering at {url}: run scripts/services.sh"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """A database the tests may create schemas in (`ATAZAN_TEST_POSTGRES_URL` overrides)."""
    url = os.environ.get("ATAZAN_TEST_POSTGRES_URL", POSTGRES_URL)
    return require_server(url, 5432, "PostgreSQL")


@pytest.fixture(scope="session")
def redis_url() -> str:
    """A Redis server without a db number; each lane appends its own (`/1` … `/14`)."""
    return require_server(os.environ.get("ATAZAN_TEST_REDIS_URL", REDIS_URL), 6379, "Redis")
