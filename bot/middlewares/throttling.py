"""Per-user token buckets: a burst, then a steady rate; one polite notice per flood.

Handlers choose a bucket with `flags={"throttle": "<bucket>"}` (or "off"); without a flag
messages use "message", button presses "button", inline queries "inline". Buckets are per
user, so one user's flood never slows anybody else; with Redis they are shared by every
replica, so a user's limit does not grow with the number of replicas.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from contextlib import suppress
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.flags import get_flag
from aiogram.exceptions import TelegramAPIError
from aiogram.types import CallbackQuery, InlineQuery, Message, TelegramObject, User

from bot.shared.base import BucketStore, Limit
from bot.ui.render import simple
from bot.ui.texts import Texts, texts_for


class ThrottlingMiddleware(BaseMiddleware):
    """Buckets live in `store`: this process's memory, or Redis shared by every replica."""

    def __init__(self, limits: Mapping[str, Limit], store: BucketStore) -> None:
        self._limits = dict(limits)
        self._store = store

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
        # The pseudonymous key (LanguageMiddleware runs first): no Telegram id in Redis.
        subject = data.get("user_key") or str(user.id)
        allowed, notify = await self._store.take(str(subject), name, limit)
        if allowed:
            return await handler(event, data)
        if notify:
            tx = data.get("tx")
            await _notify(event, tx if isinstance(tx, Texts) else texts_for(user.language_code))
        return None


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
