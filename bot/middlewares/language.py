"""Gives handlers the user's language (`lang`, `tx`, `lang_chosen`) and pseudonymous key
(`user_key`).

Inner middleware, so only events some handler takes cost a lookup: group chatter the bot
ignores never touches the database.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User

from bot.storage import Storage
from bot.ui.texts import (
    DEFAULT_LANG,
    Lang,
    Texts,
    followed,
    is_chosen,
    resolve_lang,
    texts_for,
)


async def user_language(repo: Storage, user: User | None) -> Lang:
    """Stored preference, else Telegram's language_code, else Russian."""
    return (await _stored_language(repo, user))[0]


async def _stored_language(repo: Storage, user: User | None) -> tuple[Lang, bool]:
    """The user's language, and whether they chose it with /lang (a language followed from
    their questions, or Telegram's, gives way to the next question's)."""
    if user is None:
        return DEFAULT_LANG, False
    stored = await repo.get_language(repo.user_key(user.id))
    return resolve_lang(stored or user.language_code), is_chosen(stored)


def question_texts(tx: Texts, language: str | None, *, chosen: bool) -> Texts:
    """The reply speaks the question's language unless the citizen chose one with /lang:
    Telegram has no Kazakh interface, so a Kazakh speaker's app says Russian or English."""
    if chosen or language is None or language == tx.lang.value:
        return tx
    return texts_for(resolve_lang(language))


async def follow_question(
    repo: Storage, user_key: str, tx: Texts, language: str | None, *, chosen: bool
) -> Texts:
    """`question_texts`, with the switch stored as followed, so the buttons under the answer
    and /start speak it too."""
    reply = question_texts(tx, language, chosen=chosen)
    if reply is not tx and user_key:
        await repo.set_language(user_key, followed(reply.lang))
        return reply
    return tx


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
        lang, chosen = await _stored_language(self._storage, user)
        data["lang"] = lang
        data["lang_chosen"] = chosen
        data["tx"] = texts_for(lang)
        data["user_key"] = self._storage.user_key(user.id) if user else ""
        return await handler(event, data)
