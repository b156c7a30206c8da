"""Gives handlers the user's language (`lang`, `tx`) and pseudonymous key (`user_key`).

Inner middleware, so only events some handler takes cost a lookup: group chatter the bot
ignores never touches the database.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User

from bot.storage import Storage
from bot.ui.texts import DEFAULT_LANG, Lang, resolve_lang, texts_for


async def user_language(repo: Storage, user: User | None) -> Lang:
    """Stored preference, else Telegram's language_code, else Russian."""
    if user is None:
        return DEFAULT_LANG
    stored = await repo.get_language(repo.user_key(user.id))
    return resolve_lang(stored or user.language_code)


class LanguageMiddleware(BaseMiddleware):
    def __init__(self, repo: Storage) -> None:
        self._storage = repo

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user = data.get("event_from_user")
        user = user if isinstance(user, User) else None
        lang = await user_language(self._storage, user)
        data["lang"] = lang
        data["tx"] = texts_for(lang)
        data["user_key"] = self._storage.user_key(user.id) if user else ""
        return await handler(event, data)
