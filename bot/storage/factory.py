"""Opens the configured backend; the only module outside tests that names one."""

from __future__ import annotations

from bot.config import DbSection
from bot.storage.base import Storage


async def open_storage(db: DbSection, hash_key: bytes) -> Storage:
    """SQLite at `DB__PATH` (the embedded default), pseudonymising with `hash_key`
    (resolved by bot.storage.hash_key)."""
    from bot.storage.sqlite import SqliteStorage

    return await SqliteStorage.open(db.path, hash_key=hash_key, retention_days=db.retention_days)
