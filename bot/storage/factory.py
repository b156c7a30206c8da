"""Opens the configured backend; the only module outside tests that names one.

`DB__URL` set → PostgreSQL (replicas; the schema is migrated by `atazan db migrate` only);
unset → SQLite at `DB__PATH`, the embedded default, created and migrated on open.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from bot.config import DbSection
from bot.storage.base import SchemaVersionError, Storage
from bot.storage.hash_key import HashKeyMismatch


async def open_storage(db: DbSection, hash_key: bytes) -> Storage:
    """The configured backend, pseudonymising with `hash_key` (resolved by
    bot.storage.hash_key); SchemaVersionError when PostgreSQL's schema is not this code's."""
    if db.url is not None:
        from bot.storage.postgres import PostgresStorage

        return await PostgresStorage.open(
            db.url.get_secret_value(), hash_key=hash_key, retention_days=db.retention_days
        )
    from bot.storage.sqlite import SqliteStorage

    return await SqliteStorage.open(db.path, hash_key=hash_key, retention_days=db.retention_days)


async def check_storage(db: DbSection, hash_key: bytes) -> None:
    """Before the model loads: a replica on PostgreSQL with the wrong schema or key fails in a
    second, not after the model has loaded (SQLite creates and migrates its file on open)."""
    if db.url is not None:
        storage = await open_storage(db, hash_key)
        await storage.close()


async def migrate_storage(db: DbSection, hash_key: bytes) -> tuple[int, int]:
    """`atazan db migrate`: bring the schema to this release's version; (before, after).
    Idempotent on both backends (SQLite migrates on every open anyway)."""
    if db.url is not None:
        from bot.storage.postgres import migrate_database

        return await migrate_database(db.url.get_secret_value(), hash_key=hash_key)
    from bot.storage.sqlite import MIGRATIONS, SqliteStorage

    before = SqliteStorage.schema_version(db.path)
    storage = await SqliteStorage.open(db.path, hash_key=hash_key)
    await storage.close()
    return before, len(MIGRATIONS)


def describe_database(db: DbSection) -> str:
    """The setting that names the database, for one-line errors (never the password)."""
    if db.url is None:
        return f"DB__PATH={db.path}"
    parts = urlsplit(db.url.get_secret_value())
    host = parts.hostname or ""
    try:
        if parts.port is not None:
            host = f"{host}:{parts.port}"
    except ValueError:  # a port that is not a number: asyncpg's own error says so
        pass
    if parts.username:
        host = f"{parts.username}@{host}"
    return "DB__URL=" + urlunsplit((parts.scheme, host, parts.path, "", ""))


def open_error_line(exc: Exception, db: DbSection, key_setting: str) -> str:
    """One line for an operator when the database cannot be opened or migrated."""
    database = describe_database(db)
    if isinstance(exc, HashKeyMismatch):
        return (
            f"bad setting {key_setting}: not the key database {database} was written with "
            f"({exc}); restore the backed-up key (README, Operator guide)"
        )
    if isinstance(exc, SchemaVersionError):
        return f"{database}: {exc}"
    reason = (str(exc).splitlines() or [""])[0] or type(exc).__name__
    return f"cannot open database {database}: {reason}"
