"""Which messages are questions: every text in private chats; in groups only those
addressed to the bot (a mention of it, or a reply to its message). And who is a moderator."""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.enums import ChatType, MessageEntityType
from aiogram.filters import Filter
from aiogram.types import Message, TelegramObject, User

from bot.config import Settings
from bot.storage import Storage


class PrivateQuestion(Filter):
    """A text in a private chat that is not a command, or a photo's caption (a screenshot sent
    with the question under it); passes it on as `question`."""

    async def __call__(self, message: Message) -> bool | dict[str, Any]:
        text = message.text if message.text is not None else _photo_caption(message)
        if message.chat.type != ChatType.PRIVATE or text is None:
            return False
        if text.startswith("/"):
            return False
        return {"question": text}


def _photo_caption(message: Message) -> str | None:
    """A photo's caption; not a document's: a moderator's upload caption is its URL and date."""
    return message.caption if message.photo and message.caption else None


class AddressedToBot(Filter):
    """A group text that mentions the bot or replies to it; the mention is cut out."""

    async def __call__(self, message: Message, bot: Bot) -> bool | dict[str, Any]:
        if message.chat.type not in (ChatType.GROUP, ChatType.SUPERGROUP):
            return False
        text = message.text
        if text is None or text.startswith("/"):
            return False
        me = await bot.me()
        mention = f"@{me.username}".lower() if me.username else None
        for entity in message.entities or []:
            if entity.type == MessageEntityType.MENTION and mention:
                piece = entity.extract_from(text)
                if piece.lower() == mention:
                    return {"question": text.replace(piece, " ", 1).strip()}
            if (
                entity.type == MessageEntityType.TEXT_MENTION
                and entity.user is not None
                and entity.user.id == me.id
            ):
                return {"question": text.replace(entity.extract_from(text), " ", 1).strip()}
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == me.id:
            return {"question": text}
        return False


async def is_moderator(user_id: int, settings: Settings, repo: Storage) -> bool:
    """BOT__ADMIN_IDS, plus the moderators they added with /mod add (stored in the DB)."""
    return user_id in settings.bot.admin_ids or await repo.is_moderator(user_id)


class IsModerator(Filter):
    """Passes events from moderators; everybody else falls through to the refusal handlers."""

    async def __call__(
        self,
        event: TelegramObject,
        settings: Settings,
        repo: Storage,
        event_from_user: User | None = None,
    ) -> bool:
        return event_from_user is not None and await is_moderator(
            event_from_user.id, settings, repo
        )
