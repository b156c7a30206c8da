"""The SQLite schema: ordered migrations, each run once in one transaction."""

from __future__ import annotations

import logging

import aiosqlite

from bot.storage.hash_key import HashKeyMismatch, key_fingerprint

log = logging.getLogger(__name__)

# Ordered migrations; each runs once, in one transaction, and bumps schema_version.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE users (
        user_key TEXT PRIMARY KEY,
        language TEXT,
        first_seen TEXT NOT NULL
    );
    CREATE TABLE questions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        asked_at TEXT NOT NULL,
        user_key TEXT NOT NULL,
        chat_type TEXT NOT NULL,
        text TEXT NOT NULL,
        answered INTEGER NOT NULL,
        hit_ids TEXT NOT NULL,
        latency_ms INTEGER NOT NULL
    );
    CREATE INDEX questions_asked_at ON questions(asked_at);
    CREATE TABLE feedback (
        question_id INTEGER PRIMARY KEY REFERENCES questions(id) ON DELETE CASCADE,
        vote TEXT NOT NULL,
        reason TEXT,
        voted_at TEXT NOT NULL
    );
    """,
    """
    CREATE TABLE moderator_actions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        acted_at TEXT NOT NULL,
        moderator_id INTEGER NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL
    );
    """,
    """
    CREATE TABLE moderators (
        telegram_id INTEGER PRIMARY KEY,
        added_by INTEGER NOT NULL,
        added_at TEXT NOT NULL
    );
    CREATE TABLE refused_attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        attempted_at TEXT NOT NULL,
        user_key TEXT NOT NULL,
        action TEXT NOT NULL
    );
    CREATE INDEX refused_attempts_at ON refused_attempts(attempted_at);
    """,
    """
    CREATE TABLE meta (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # One row rewritten by every health check: a real write to a real table of the database
    # file (a TEMP table lives elsewhere and stays writable when the file is locked/read-only).
    """
    CREATE TABLE health_checks (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        checked_at TEXT NOT NULL
    );
    """,
)


async def migrate(conn: aiosqlite.Connection) -> None:
    await conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    async with conn.execute("SELECT version FROM schema_version") as cursor:
        row = await cursor.fetchone()
    current = int(row[0]) if row else 0
    if row is None:
        await conn.execute("INSERT INTO schema_version(version) VALUES (0)")
    for version, script in enumerate(MIGRATIONS, start=1):
        if version <= current:
            continue
        await conn.executescript(
            f"BEGIN;\n{script}\nUPDATE schema_version SET version = {version};\nCOMMIT;"
        )
        log.info("database schema migrated to version %d", version)


async def check_key(conn: aiosqlite.Connection, key: bytes) -> None:
    """Pin the database to its hash key: a lost or swapped key would silently orphan every
    stored pseudonym, so it stops start-up instead."""
    mine = key_fingerprint(key)
    async with conn.execute("SELECT value FROM meta WHERE name = 'hash_key_fingerprint'") as cur:
        row = await cur.fetchone()
    if row is None:
        await conn.execute(
            "INSERT INTO meta(name, value) VALUES ('hash_key_fingerprint', ?)", (mine,)
        )
    elif row[0] != mine:
        raise HashKeyMismatch(f"database key fingerprint {row[0]}, configured key {mine}")
