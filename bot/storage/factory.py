"""Opens the configured backend; the only module outside tests that names one."""

from __future__ import annotations

from bot.config import DbSection
from bot.storage.base import Storage


async def open_storage(db: DbSection) -> Storage:
    """SQLite at `DB__PATH` (the embedded default)."""
    from bot.storage.sqlite import SqliteStorage

    hash_key = db.hash_key.get_secret_value() if db.hash_key else None
    return await SqliteStorage.open(db.path, hash_key=hash_key, retention_days=db.retention_days)
