"""The PostgreSQL schema: versioned SQL applied by `atazan db migrate`, never by a replica.

Replicas share one database, so migrating is an operator's step run once per release; a
replica only checks that the schema is the version its code was written for.
"""

from __future__ import annotations

import logging

import asyncpg

from bot.storage.base import SchemaVersionError
from bot.storage.hash_key import HashKeyMismatch, key_fingerprint

log = logging.getLogger(__name__)

# Ordered migrations; each runs once, in one transaction, and bumps schema_version. Never
# edit a released one: append the next.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE users (
        user_key TEXT PRIMARY KEY,
        language TEXT,
        first_seen TIMESTAMPTZ NOT NULL
    );
    CREATE TABLE questions (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        asked_at TIMESTAMPTZ NOT NULL,
        user_key TEXT NOT NULL,
        chat_type TEXT NOT NULL,
        text TEXT NOT NULL,
        answered BOOLEAN NOT NULL,
        hit_ids TEXT[] NOT NULL,
        latency_ms INTEGER NOT NULL
    );
    CREATE INDEX questions_asked_at ON questions(asked_at);
    CREATE TABLE feedback (
        question_id BIGINT PRIMARY KEY REFERENCES questions(id) ON DELETE CASCADE,
        vote TEXT NOT NULL,
        reason TEXT,
        voted_at TIMESTAMPTZ NOT NULL
    );
    CREATE TABLE moderator_actions (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        acted_at TIMESTAMPTZ NOT NULL,
        moderator_id BIGINT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL
    );
    CREATE TABLE moderators (
        telegram_id BIGINT PRIMARY KEY,
        added_by BIGINT NOT NULL,
        added_at TIMESTAMPTZ NOT NULL
    );
    CREATE TABLE refused_attempts (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        attempted_at TIMESTAMPTZ NOT NULL,
        user_key TEXT NOT NULL,
        action TEXT NOT NULL
    );
    CREATE INDEX refused_attempts_at ON refused_attempts(attempted_at);
    CREATE TABLE meta (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE health_checks (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        checked_at TIMESTAMPTZ NOT NULL
    );
    """,
)

# Any constant both `atazan db migrate` runs agree on: two at once wait for each other.
_MIGRATE_LOCK = 0x61_74_61_7A_61_6E  # "atazan"


async def schema_version(conn: asyncpg.Connection) -> int:
    """0 for a database `atazan db migrate` never ran on."""
    exists = await conn.fetchval("SELECT to_regclass('schema_version') IS NOT NULL")
    if not exists:
        return 0
    version = await conn.fetchval("SELECT version FROM schema_version")
    return int(version or 0)


async def check_version(conn: asyncpg.Connection) -> None:
    """Refuse a schema older or newer than MIGRATIONS (a replica never migrates)."""
    found, known = await schema_version(conn), len(MIGRATIONS)
    if found < known:
        raise SchemaVersionError(
            f"database schema version {found} is older than this release's {known}: "
            "run `atazan db migrate`"
        )
    if found > known:
        raise SchemaVersionError(
            f"database schema version {found} is newer than this release's {known}: "
            "deploy the release that migrated it (never `atazan db migrate` with an older one)"
        )


async def migrate(conn: asyncpg.Connection) -> tuple[int, int]:
    """Apply the missing migrations; (version before, version after)."""
    await conn.execute("SELECT pg_advisory_lock($1)", _MIGRATE_LOCK)
    try:
        await conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        await conn.execute(
            "INSERT INTO schema_version(version) SELECT 0 "
            "WHERE NOT EXISTS (SELECT 1 FROM schema_version)"
        )
        before = await schema_version(conn)
        if before > len(MIGRATIONS):
            await check_version(conn)  # raises: newer than this code
        for version, script in enumerate(MIGRATIONS, start=1):
            if version <= before:
                continue
            async with conn.transaction():
                await conn.execute(script)
                await conn.execute("UPDATE schema_version SET version = $1", version)
            log.info("database schema migrated to version %d", version)
        return before, max(before, len(MIGRATIONS))
    finally:
        await conn.execute("SELECT pg_advisory_unlock($1)", _MIGRATE_LOCK)


async def check_key(conn: asyncpg.Connection, key: bytes) -> None:
    """Pin the database to its hash key, as SQLite does: the first process to start records
    the key's fingerprint; every later one (any replica) must have the same key."""
    mine = key_fingerprint(key)
    await conn.execute(
        "INSERT INTO meta(name, value) VALUES ('hash_key_fingerprint', $1) "
        "ON CONFLICT (name) DO NOTHING",
        mine,
    )
    stored = await conn.fetchval("SELECT value FROM meta WHERE name = 'hash_key_fingerprint'")
    if stored != mine:
        raise HashKeyMismatch(f"database key fingerprint {stored}, configured key {mine}")
