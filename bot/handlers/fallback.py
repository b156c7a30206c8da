"""Last resort: unknown commands and non-text messages in private chats, stale buttons."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.types import CallbackQuery, Message

from bot.ui import render
from bot.ui.sending import Target, send_chunks
from bot.ui.texts import Texts


async def on_unknown_command(message: Message, bot: Bot, tx: Texts) -> None:
    await send_chunks(bot, Target.of_message(message), [render.simple(tx.unknown_command)])


async def on_not_text(message: Message, bot: Bot, tx: Texts) -> None:
    await send_chunks(bot, Target.of_message(message), [render.simple(tx.send_text)])


async def on_stale_button(callback: CallbackQuery, tx: Texts) -> None:
    """Buttons whose data no handler accepts (old versions, forged): refused quietly."""
    await callback.answer(tx.expired)


def create_router() -> Router:
    router = Router(name=__name__)
    private = F.chat.type == ChatType.PRIVATE
    router.message.register(on_unknown_command, private, F.text.startswith("/"))
    router.message.register(on_not_text, private, F.text.is_(None))
    router.callback_query.register(on_stale_button)
    return router
