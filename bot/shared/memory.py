"""In-process shared state: one bot process, nothing to install (the default)."""

from __future__ import annotations

import secrets
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.shared.base import Limit, PendingUpload, SharedState

_MAX_BUCKETS = 100_000


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float
    notified: bool = False


class MemoryBuckets:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._buckets: dict[tuple[str, str], tuple[_Bucket, Limit]] = {}

    async def take(self, subject: str, bucket: str, limit: Limit) -> tuple[bool, bool]:
        return self.take_now(subject, bucket, limit)

    def take_now(self, subject: str, name: str, limit: Limit) -> tuple[bool, bool]:
        now = self._clock()
        key = (subject, name)
        entry = self._buckets.get(key)
        if entry is None:
            if len(self._buckets) >= _MAX_BUCKETS:
                self._forget_idle(now)
            entry = self._buckets[key] = (_Bucket(float(limit.burst), now), limit)
        bucket = entry[0]
        bucket.tokens = min(
            float(limit.burst), bucket.tokens + (now - bucket.updated) * limit.per_second
        )
        bucket.updated = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            bucket.notified = False
            return True, False
        first = not bucket.notified
        bucket.notified = True
        return False, first

    def _forget_idle(self, now: float) -> None:
        """Drop buckets that have refilled completely: they hold no information."""
        for key, (bucket, limit) in list(self._buckets.items()):
            if bucket.tokens + (now - bucket.updated) * limit.per_second >= limit.burst:
                del self._buckets[key]


class MemoryUploads:
    """Pending uploads in memory: they expire after `ttl_s`, and with a restart."""

    def __init__(
        self, ttl_s: float, per_moderator: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._ttl_s = ttl_s
        self._per_moderator = per_moderator
        self._clock = clock
        self._items: dict[str, PendingUpload] = {}

    async def put(self, moderator_id: int, name: str, data: bytes) -> str:
        self._expire()
        own = [t for t, item in self._items.items() if item.moderator_id == moderator_id]
        for token in own[: max(0, len(own) - self._per_moderator + 1)]:
            del self._items[token]
        token = secrets.token_urlsafe(9)
        self._items[token] = PendingUpload(moderator_id, name, data, self._clock())
        return token

    async def get(self, token: str, moderator_id: int) -> PendingUpload | None:
        self._expire()
        item = self._items.get(token)
        return item if item is not None and item.moderator_id == moderator_id else None

    async def discard(self, token: str) -> None:
        self._items.pop(token, None)

    async def count(self) -> int:
        self._expire()
        return len(self._items)

    def _expire(self) -> None:
        deadline = self._clock() - self._ttl_s
        for token in [t for t, item in self._items.items() if item.created < deadline]:
            del self._items[token]


class MemoryChangeLock:
    def __init__(self) -> None:
        self._held = False

    @asynccontextmanager
    async def hold(self) -> AsyncIterator[bool]:
        if self._held:
            yield False
            return
        self._held = True
        try:
            yield True
        finally:
            self._held = False


class EveryTurn:
    """One process: every turn is this process's."""

    async def claim(self, chore: str, period_s: float) -> bool:
        return True


async def _true() -> bool:
    return True


async def _nothing() -> None:
    return None


def memory_state(
    ttl_s: float, per_moderator: int, clock: Callable[[], float] = time.monotonic
) -> SharedState:
    """Throttling takes `clock` (tests advance it); uploads keep real monotonic time."""
    return SharedState(
        backend="memory",
        buckets=MemoryBuckets(clock),
        uploads=MemoryUploads(ttl_s, per_moderator),
        change_lock=MemoryChangeLock(),
        turns=EveryTurn(),
        ping=_true,
        close=_nothing,
    )


__all__ = ["MemoryBuckets", "MemoryChangeLock", "MemoryUploads", "memory_state"]
