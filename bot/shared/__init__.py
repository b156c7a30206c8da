"""State the bot's replicas share (in process by default, Redis with `REDIS__URL`)."""

from bot.shared.base import (
    BucketStore,
    ChangeLock,
    Limit,
    PendingUpload,
    SharedState,
    SharedUnavailable,
    Turns,
    UploadStore,
)

__all__ = [
    "BucketStore",
    "ChangeLock",
    "Limit",
    "PendingUpload",
    "SharedState",
    "SharedUnavailable",
    "Turns",
    "UploadStore",
]
