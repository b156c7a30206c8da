"""The one error handler: the log gets the update id and traceback, the user a short apology."""

from __future__ import annotations

import logging
from contextlib import suppress

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError
from aiogram.types import ErrorEvent, Update, User

from bot.middlewares.language import user_language
from bot.storage import Storage
from bot.ui import render
from bot.ui.texts import texts_for
from retrieval.errors import SearchUnavailable

log = logging.getLogger(__name__)


def _user_and_chat(update: Update) -> tuple[User | None, int | None]:
    if update.message is not None:
        return update.message.from_user, update.message.chat.id
    if update.callback_query is not None:
        message = update.callback_query.message
        return update.callback_query.from_user, message.chat.id if message else None
    if update.inline_query is not None:
        return update.inline_query.from_user, None
    return None, None


async def on_error(
    event: ErrorEvent, bot: Bot, repo: Storage, last_delivery: bool = True, delivery: int = 0
) -> bool:
    """`last_delivery` is False in webhook mode while Telegram may still deliver the update
    again: then the failure is re-raised (answered 500) instead of apologised for."""
    update, exc = event.update, event.exception
    if isinstance(exc, TelegramForbiddenError):
        # The user blocked the bot: nothing to tell them, nothing to retry.
        log.warning("update id=%d: %s", update.update_id, exc.message)
        return True
    if not last_delivery and not isinstance(exc, SearchUnavailable):
        log.error("update id=%d failed (delivery %d); Telegram delivers it again",
                  update.update_id, delivery, exc_info=exc)  # fmt: skip
        raise exc
    if isinstance(exc, SearchUnavailable):  # the retrieval service is down: no bug of ours
        log.warning("update id=%d: %s", update.update_id, exc)
    else:
        log.error("update id=%d failed", update.update_id, exc_info=exc)
    user, chat_id = _user_and_chat(update)
    tx = texts_for(await user_language(repo, user))
    text = tx.search_unavailable if isinstance(exc, SearchUnavailable) else tx.error
    with suppress(TelegramAPIError):
        if update.callback_query is not None:
            await update.callback_query.answer(text)
        elif chat_id is not None:
            await bot.send_message(chat_id=chat_id, text=render.simple(text))
    return True


def create_router() -> Router:
    router = Router(name=__name__)
    router.errors.register(on_error)
    return router
