"""What replicas share: the interfaces, each with an in-process and a Redis implementation.

Without `REDIS__URL` everything lives in this process (`bot.shared.memory`), exactly as a
single bot always did; with it (`bot.shared.redis_state`) every replica sees the same
throttle buckets, pending uploads, corpus-change lock and purge turns. The composition root
picks one (`bot.serving.runner`); nothing else imports a backend.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Protocol


class SharedUnavailable(Exception):
    """The shared store (Redis) did not answer; `str()` is one line without the URL."""


@dataclass(frozen=True, slots=True)
class Limit:
    burst: int
    per_second: float


class BucketStore(Protocol):
    """Token buckets per (subject, bucket name)."""

    async def take(self, subject: str, bucket: str, limit: Limit) -> tuple[bool, bool]:
        """(allowed, first refusal since the last allowed event); raises SharedUnavailable."""
        ...


@dataclass(frozen=True, slots=True)
class PendingUpload:
    moderator_id: int
    name: str
    data: bytes
    created: float


class UploadStore(Protocol):
    """Previewed uploads waiting for Publish/Discard, by a short random token. Each expires
    after a TTL; a moderator's oldest beyond a few are dropped. Raises SharedUnavailable."""

    async def put(self, moderator_id: int, name: str, data: bytes) -> str: ...

    async def get(self, token: str, moderator_id: int) -> PendingUpload | None:
        """The upload if it exists, has not expired and belongs to this moderator."""
        ...

    async def discard(self, token: str) -> None: ...

    async def count(self) -> int: ...


class ChangeLock(Protocol):
    """One corpus change at a time across every replica."""

    def hold(self) -> AbstractAsyncContextManager[bool]:
        """Enter → True when this caller holds the lock until exit, False when another
        change runs; raises SharedUnavailable when the lock cannot be asked."""
        ...


class Turns(Protocol):
    """Periodic chores done by one replica per period (the retention purge)."""

    async def claim(self, chore: str, period_s: float) -> bool:
        """True for exactly one caller per `period_s` (always, in process)."""
        ...


@dataclass(frozen=True)
class SharedState:
    """The shared-state backends a Dispatcher is built with; `close` frees the connection."""

    backend: str  # "memory" or "redis": shown by /healthz
    buckets: BucketStore
    uploads: UploadStore
    change_lock: ChangeLock
    turns: Turns
    ping: Callable[[], Awaitable[bool]]
    close: Callable[[], Awaitable[None]]
