"""Persistence behind one interface: handlers import `Storage` and the records from here,
never a backend module; the composition root opens a backend with `open_storage`."""

from bot.storage.base import SchemaVersionError, Storage
from bot.storage.hash_key import HashKey, HashKeyError, HashKeyMismatch, resolve_hash_key
from bot.storage.records import (
    STATS_UTC_OFFSET,
    DayCount,
    FeedbackCount,
    LoggedAction,
    QuestionRecord,
    window_start,
)

__all__ = [
    "STATS_UTC_OFFSET",
    "DayCount",
    "FeedbackCount",
    "HashKey",
    "HashKeyError",
    "HashKeyMismatch",
    "LoggedAction",
    "QuestionRecord",
    "SchemaVersionError",
    "Storage",
    "resolve_hash_key",
    "window_start",
]
