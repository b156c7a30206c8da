"""Both storage backends for the same tests: SQLite files in tmp_path, PostgreSQL schemas
(fresh per test, dropped after it) in the test server's database."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import asyncpg
import pytest

from bot.storage import Storage
from bot.storage.postgres import PostgresStorage, migrate_database
from bot.storage.sqlite import SqliteStorage

# Test ids read `[sqlite]` / `[postgres]`; the PostgreSQL ones skip (fail under CI) without
# the server, through the `postgres_url` fixture.
BACKENDS = ("sqlite", "postgres")


def schema_url(server_url: str, schema: str) -> str:
    """The server's URL with every connection's search_path set to `schema` (asyncpg passes
    unknown query parameters on as server settings)."""
    parts = urlsplit(server_url)
    query = "&".join(filter(None, [parts.query, urlencode({"search_path": schema})]))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


class Schemas:
    """Fresh, empty schemas in the test database; all dropped by `drop_all`."""

    def __init__(self, server_url: str) -> None:
        self.server_url = server_url
        self._created: list[str] = []

    async def create(self) -> str:
        """A new schema's URL (nothing in it: not migrated)."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        conn = await asyncpg.connect(self.server_url)
        try:
            await conn.execute(f"CREATE SCHEMA {name}")
        finally:
            await conn.close()
        self._created.append(name)
        return schema_url(self.server_url, name)

    async def drop_all(self) -> None:
        if not self._created:
            return
        conn = await asyncpg.connect(self.server_url)
        try:
            for name in self._created:
                await conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        finally:
            await conn.close()
        self._created.clear()


class RepoOpener:
    """Opens storages on one backend; the same `name` is the same database (reopening it
    tests what persists), a new name a fresh one. Everything opened is closed after the test."""

    def __init__(self, backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
        self.backend = backend
        self._tmp_path = tmp_path
        self._request = request
        self._schemas: Schemas | None = None
        self._urls: dict[str, str] = {}
        self.opened: list[Storage] = []

    async def url(self, name: str, *, key: str) -> str:
        """The migrated PostgreSQL schema behind `name` (created on first use)."""
        if name not in self._urls:
            if self._schemas is None:
                self._schemas = Schemas(self._request.getfixturevalue("postgres_url"))
            self._urls[name] = await self._schemas.create()
            await migrate_database(self._urls[name], hash_key=key)
        return self._urls[name]

    async def __call__(
        self, name: str = "main", *, key: str = "test-key", retention_days: int = 90
    ) -> Storage:
        storage: SqliteStorage | PostgresStorage
        if self.backend == "sqlite":
            path = self._tmp_path / f"{name}.sqlite3"
            storage = await SqliteStorage.open(path, hash_key=key, retention_days=retention_days)
        else:
            url = await self.url(name, key=key)
            storage = await PostgresStorage.open(url, hash_key=key, retention_days=retention_days)
        storage.retry_delays = (0.0, 0.0)
        self.opened.append(storage)
        return storage

    async def close_all(self) -> None:
        for storage in self.opened:
            await storage.close()
        if self._schemas is not None:
            await self._schemas.drop_all()


async def query(repo: Storage, sql: str) -> list[tuple[Any, ...]]:
    """Rows of one parameterless SELECT, whichever the backend (for asserting what is stored)."""
    if isinstance(repo, SqliteStorage):
        async with repo._conn.execute(sql) as cursor:
            return [tuple(row) for row in await cursor.fetchall()]
    assert isinstance(repo, PostgresStorage)
    return [tuple(row) for row in await repo._pool.fetch(sql)]


async def stored_text(repo: Storage, tables: tuple[str, ...] = ()) -> str:
    """Everything stored in `tables` (default: every table of the schema), as text: for
    PostgreSQL, where there is no file to read."""
    assert isinstance(repo, PostgresStorage)
    if not tables:
        found = await repo._pool.fetch(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        tables = tuple(str(row[0]) for row in found)
    rows = []
    for table in tables:
        rows += await repo._pool.fetch(f"SELECT row_to_json(t)::text FROM {table} t")
    return "\n".join(row[0] for row in rows)
