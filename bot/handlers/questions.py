"""Questions: any text in private, `/ask …` anywhere, mentions of / replies to the bot in groups."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.config import Settings
from bot.handlers.answering import answer_question
from bot.handlers.filters import AddressedToBot, PrivateQuestion
from bot.middlewares.update_log import UpdateLog
from bot.storage import Storage
from bot.ui.sending import Target
from bot.ui.texts import Texts
from retrieval.api import SearchAPI


async def on_question(
    message: Message,
    question: str,
    bot: Bot,
    tx: Texts,
    user_key: str,
    search: SearchAPI,
    repo: Storage,
    update_log: UpdateLog,
    settings: Settings,
    lang_chosen: bool,
    empty_reply: str | None = None,
) -> None:
    if empty_reply is None and message.chat.type == ChatType.PRIVATE:
        # a message of only spaces or invisible characters, not /ask: no command to explain
        empty_reply = tx.send_text
    await answer_question(
        bot=bot,
        target=Target.of_message(message, reply=True),
        text=question,
        user_key=user_key,
        search=search,
        repo=repo,
        tx=tx,
        settings=settings,
        update_log=update_log,
        empty_reply=empty_reply,
        lang_chosen=lang_chosen,
    )


async def on_ask(
    message: Message,
    command: CommandObject,
    bot: Bot,
    tx: Texts,
    user_key: str,
    search: SearchAPI,
    repo: Storage,
    update_log: UpdateLog,
    settings: Settings,
    lang_chosen: bool,
) -> None:
    await on_question(
        message,
        command.args or "",
        bot,
        tx,
        user_key,
        search,
        repo,
        update_log,
        settings,
        lang_chosen,
        empty_reply=tx.ask_usage,
    )


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.register(on_ask, Command("ask"), flags={"throttle": "message"})
    router.message.register(on_question, PrivateQuestion(), flags={"throttle": "message"})
    router.message.register(on_question, AddressedToBot(), flags={"throttle": "message"})
    return router
