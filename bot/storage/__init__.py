"""Persistence behind one interface; handlers import from here, never a backend module."""

from bot.storage.moderation import STATS_UTC_OFFSET, DayCount, FeedbackCount, window_start
from bot.storage.sqlite import MIGRATIONS, QuestionRecord, Storage, resolve_hash_key

__all__ = [
    "MIGRATIONS",
    "STATS_UTC_OFFSET",
    "DayCount",
    "FeedbackCount",
    "QuestionRecord",
    "Storage",
    "resolve_hash_key",
    "window_start",
]
