"""Per-user token buckets: a burst, then a steady rate; one polite notice per flood.

Handlers choose a bucket with `flags={"throttle": "<bucket>"}` (or "off"); without a flag
messages use "message", button presses "button", inline queries "inline". Buckets are per
user, so one user's flood never slows anybody else.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.flags import get_flag
from aiogram.exceptions import TelegramAPIError
from aiogram.types import CallbackQuery, InlineQuery, Message, TelegramObject, User

from bot.ui.render import simple
from bot.ui.texts import Texts, texts_for


@dataclass(frozen=True, slots=True)
class Limit:
    burst: int
    per_second: float


_MAX_BUCKETS = 100_000


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float
    notified: bool = False


class ThrottlingMiddleware(BaseMiddleware):
    def __init__(
        self,
        limits: Mapping[str, Limit],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._limits = dict(limits)
        self._clock = clock
        self._buckets: dict[tuple[int, str], _Bucket] = {}

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user = data.get("event_from_user")
        name = get_flag(data, "throttle") or _default_bucket(event)
        limit = self._limits.get(name)
        if not isinstance(user, User) or limit is None:
            return await handler(event, data)
        allowed, notify = self._take(user.id, name, limit)
        if allowed:
            return await handler(event, data)
        if notify:
            tx = data.get("tx")
            await _notify(event, tx if isinstance(tx, Texts) else texts_for(user.language_code))
        return None

    def _take(self, user_id: int, name: str, limit: Limit) -> tuple[bool, bool]:
        """(allowed, first refusal since the last allowed event)."""
        now = self._clock()
        key = (user_id, name)
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= _MAX_BUCKETS:
                self._forget_idle(now)
            bucket = self._buckets[key] = _Bucket(tokens=float(limit.burst), updated=now)
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
        for key, bucket in list(self._buckets.items()):
            limit = self._limits[key[1]]
            if bucket.tokens + (now - bucket.updated) * limit.per_second >= limit.burst:
                del self._buckets[key]


def _default_bucket(event: TelegramObject) -> str:
    if isinstance(event, CallbackQuery):
        return "button"
    if isinstance(event, InlineQuery):
        return "inline"
    return "message"


async def _notify(event: TelegramObject, tx: Texts) -> None:
    with suppress(TelegramAPIError):
        if isinstance(event, Message):
            await event.answer(simple(tx.throttled))
        elif isinstance(event, CallbackQuery):
            await event.answer(tx.throttled)  # a toast is plain text, not HTML
