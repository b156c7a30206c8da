"""What every corpus-changing moderator handler shares: the change runs with its live status
message, and "busy" or a failure becomes a reply instead of an exception."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, TelegramObject

from bot.services.corpus_ops import ReloadBusy, ReloadError
from bot.ui.live_status import run_with_status
from bot.ui.render import simple
from bot.ui.sending import Target, send_chunks
from bot.ui.texts.moderator import ModTexts, mod_texts_for
from retrieval.api import ReloadReport
from retrieval.progress import Step


async def run_change(
    bot: Bot,
    target: Target,
    mtx: ModTexts,
    title: str,
    run: Callable[[Step], Awaitable[ReloadReport]],
    failed: str,
    *,
    first_text: str | None = None,
    busy_markup: InlineKeyboardMarkup | None = None,
    on_failed: Callable[[], Awaitable[None]] | None = None,
) -> ReloadReport | None:
    """The report, or None after telling the moderator it is busy (`busy_markup` lets them
    press again) or that the change failed (`failed` names the reason; then `on_failed`)."""
    try:
        return await run_with_status(bot, target, title, mtx, run, first_text=first_text)
    except ReloadBusy:
        await send_chunks(bot, target, [simple(mtx.reload_busy)], busy_markup)
    except ReloadError as exc:
        if on_failed is not None:
            await on_failed()
        await send_chunks(bot, target, [simple(failed.format(reason=str(exc)))])
    return None


async def drop_buttons(callback: CallbackQuery) -> None:
    """A pressed confirmation cannot be pressed twice (an already-edited message is fine)."""
    if isinstance(callback.message, Message):
        with suppress(TelegramBadRequest):
            await callback.message.edit_reply_markup(reply_markup=None)


class CorpusOpsRequired(BaseMiddleware):
    """On the routers whose every handler changes or lists the corpus: a deployment without
    a corpus admin tells a moderator's command so, and answers a button as expired, before
    any handler runs — so the handlers receive `corpus_ops` as a `CorpusOps`, never None."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if data.get("corpus_ops") is not None:
            return await handler(event, data)
        if isinstance(event, Message):
            text = simple(mod_texts_for(data["lang"]).unavailable)
            await send_chunks(data["bot"], Target.of_message(event), [text])
        elif isinstance(event, CallbackQuery):
            await event.answer(data["tx"].expired)
        return None
