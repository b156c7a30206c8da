"""Persistence behind one interface; handlers import from here, never a backend module."""

from bot.storage.hash_key import HashKey, HashKeyError, resolve_hash_key
from bot.storage.moderation import STATS_UTC_OFFSET, DayCount, FeedbackCount, window_start
from bot.storage.sqlite import MIGRATIONS, HashKeyMismatch, QuestionRecord, Storage

__all__ = [
    "MIGRATIONS",
    "STATS_UTC_OFFSET",
    "DayCount",
    "FeedbackCount",
    "HashKey",
    "HashKeyError",
    "HashKeyMismatch",
    "QuestionRecord",
    "Storage",
    "resolve_hash_key",
    "window_start",
]
