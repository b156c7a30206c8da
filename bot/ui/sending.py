"""Where a reply goes and how a multi-part reply is sent (buttons under the last part)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aiogram import Bot
from aiogram.types import (
    CallbackQuery,
    InaccessibleMessage,
    InlineKeyboardMarkup,
    Message,
    ReplyParameters,
)


@dataclass(frozen=True, slots=True)
class Target:
    chat_id: int
    chat_type: str
    thread_id: int | None = None
    reply_to: int | None = None

    @classmethod
    def of_message(cls, message: Message | InaccessibleMessage, reply: bool = False) -> Target:
        """Replies thread under the asker's message in groups, so answers are not ambiguous."""
        thread_id = None
        if isinstance(message, Message) and message.is_topic_message:
            thread_id = message.message_thread_id
        group = message.chat.type != "private"
        return cls(
            chat_id=message.chat.id,
            chat_type=message.chat.type,
            thread_id=thread_id,
            reply_to=message.message_id if reply and group else None,
        )

    @classmethod
    def of_callback(cls, callback: CallbackQuery) -> Target | None:
        """The chat of the pressed button; None for inline-message buttons (no chat)."""
        if callback.message is None:
            return None
        return cls.of_message(callback.message)


async def send_chunks(
    bot: Bot,
    target: Target,
    chunks: Sequence[str],
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Send HTML chunks in order; the first replies to the asker, the last carries buttons."""
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        reply = None
        if index == 0 and target.reply_to is not None:
            reply = ReplyParameters(message_id=target.reply_to, allow_sending_without_reply=True)
        await bot.send_message(
            chat_id=target.chat_id,
            text=chunk,
            message_thread_id=target.thread_id,
            reply_parameters=reply,
            reply_markup=markup if last and markup and markup.inline_keyboard else None,
        )
