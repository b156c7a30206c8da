"""The emulator itself, driven by a tiny aiogram bot polling it in-process.

If these fail, the e2e tests of the real bot cannot be trusted; they run in about a second.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import CommandStart
from aiogram.types import (
    BotCommand,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQuery,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
)

from .emulator import EmulatorClient
from .processes import FAKE_TOKEN, EmulatorProcess

pytestmark = pytest.mark.e2e


def _echo_router(seen_instances: list[str]) -> Router:
    router = Router(name="echo")

    @router.message(CommandStart())
    async def on_start(message: Message) -> None:
        lang = message.from_user.language_code if message.from_user else None
        keyboard = InlineKeyboardMarkup(
            inline_keyboard=[[InlineKeyboardButton(text="Нажми", callback_data="press:1")]]
        )
        await message.answer(f"<b>Hello</b> {lang}", reply_markup=keyboard)

    @router.callback_query(F.data == "press:1")
    async def on_press(query: CallbackQuery) -> None:
        seen_instances.append(query.chat_instance)
        await query.answer("pressed")
        if isinstance(query.message, Message):
            await query.message.edit_text("edited <i>text</i>")

    @router.message(F.text == "bad html")
    async def on_bad_html(message: Message) -> None:
        try:
            await message.answer("<unknown>")
        except TelegramBadRequest as exc:
            await message.answer(f"refused: {exc.message}", parse_mode=None)

    @router.message(F.text)
    async def on_text(message: Message, bot: Bot) -> None:
        await bot.send_chat_action(message.chat.id, "typing")
        await message.answer(f"echo: {message.html_text}")

    @router.message(F.document)
    async def on_document(message: Message, bot: Bot) -> None:
        assert message.document is not None
        stream = await bot.download(message.document)
        assert stream is not None
        content = stream.read().decode()
        await message.answer(f"got {message.document.file_name}: {content}", parse_mode=None)

    @router.inline_query()
    async def on_inline(query: InlineQuery) -> None:
        content = InputTextMessageContent(message_text=query.query or "-")
        article = InlineQueryResultArticle(id="1", title="quote", input_message_content=content)
        await query.answer([article], cache_time=1)

    return router


@pytest.fixture
async def echo_bot(emulator: EmulatorProcess, client: EmulatorClient) -> AsyncIterator[list[str]]:
    """A Dispatcher polling the emulator in this event loop; yields the chat_instances it saw."""
    seen: list[str] = []
    session = AiohttpSession(api=TelegramAPIServer.from_base(emulator.base_url))
    bot = Bot(FAKE_TOKEN, session=session, default=DefaultBotProperties(parse_mode="HTML"))
    dp = Dispatcher()
    dp.include_router(_echo_router(seen))
    await bot.set_my_commands([BotCommand(command="start", description="start")])
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=5))
    await client.wait_until_polling(timeout=10)
    yield seen
    await dp.stop_polling()
    await polling
    await bot.session.close()


async def test_command_callback_edit_and_commands(
    echo_bot: list[str], client: EmulatorClient, user_id: int
) -> None:
    user = client.user(user_id, language_code="kk")
    await user.send_command("start")
    welcome = await user.expect(contains="Hello")
    assert welcome.text == "Hello kk"
    assert welcome.html == "<b>Hello</b> kk"

    await user.press(welcome, "Нажми")
    answer = await user.expect("callback_answer")
    edit = await user.expect("edit")
    assert answer.text == "pressed"
    assert edit.text == "edited text"
    assert edit.message_id == welcome.message_id
    assert echo_bot == [f"ci{user_id}"]


async def test_text_is_escaped_and_typing_shown(
    echo_bot: list[str], client: EmulatorClient, user_id: int
) -> None:
    user = client.user(user_id)
    reply = await user.ask("<b>bold</b> & co")
    assert reply.text == "echo: <b>bold</b> & co"
    assert reply.html == "echo: &lt;b&gt;bold&lt;/b&gt; &amp; co"
    assert [e.kind for e in user.since_last()][:2] == ["chat_action", "message"]


async def test_emulator_refuses_markup_telegram_would_refuse(
    echo_bot: list[str], client: EmulatorClient, user_id: int
) -> None:
    user = client.user(user_id)
    reply = await user.ask("bad html")
    assert "can't parse entities" in reply.text
    assert any(e.kind == "error" for e in user.since_last())


async def test_documents_are_downloaded_as_from_telegram(
    echo_bot: list[str], client: EmulatorClient, user_id: int
) -> None:
    user = client.user(user_id)
    await user.send_document("release 1.txt", "Сенатор <встретилась>".encode())
    reply = await user.expect(contains="got ")
    assert reply.text == "got release 1.txt: Сенатор <встретилась>"


async def test_inline_query_answered(
    echo_bot: list[str], client: EmulatorClient, user_id: int
) -> None:
    user = client.user(user_id)
    await user.inline_query("Асанова")
    answer = await user.expect("inline_answer")
    assert answer.params["results"][0]["title"] == "quote"


async def test_many_users_each_get_their_own_reply(
    echo_bot: list[str], client: EmulatorClient, user_id: int
) -> None:
    users = [client.user(user_id * 100 + i) for i in range(20)]

    async def round_trip(index: int) -> str:
        reply = await users[index].ask(f"n{index}")
        return reply.text

    texts = await asyncio.gather(*(round_trip(i) for i in range(len(users))))
    assert texts == [f"echo: n{i}" for i in range(len(users))]
