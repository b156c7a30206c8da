"""Gives handlers the user's language (`lang`, `tx`) and pseudonymous key (`user_key`).

Inner middleware, so only events some handler takes cost a lookup: group chatter the bot
ignores never touches the database.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import InlineQuery, Message, TelegramObject, User

from bot.storage import Storage
from bot.ui.texts import DEFAULT_LANG, Lang, resolve_lang, texts_for
from bot.ui.texts.model import written_in


async def user_language(repo: Storage, user: User | None, text: str | None = None) -> Lang:
    """Stored preference (/lang), else the language the message is plainly written in — someone
    whose Telegram is set to Russian and who asks in Kazakh reads the bot's words in Kazakh — else
    Telegram's language_code, else Russian."""
    written = written_in(text) if text else None
    if user is None:
        return written or DEFAULT_LANG
    stored = await repo.get_language(repo.user_key(user.id))
    return resolve_lang(stored) if stored else written or resolve_lang(user.language_code)


def _text_of(event: TelegramObject) -> str | None:
    if isinstance(event, Message):
        return event.text
    if isinstance(event, InlineQuery):
        return event.query
    return None


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
        lang = await user_language(self._storage, user, _text_of(event))
        data["lang"] = lang
        data["tx"] = texts_for(lang)
        data["user_key"] = self._storage.user_key(user.id) if user else ""
        return await handler(event, data)
