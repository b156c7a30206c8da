"""`atazan chat`: the same Dispatcher and handlers, with the terminal playing Telegram.

Lines typed (or piped) become messages from one private user; a number presses a button
listed under the bot's last replies; `/inline <query>` shows what inline mode would offer;
`/quit` or end of input leaves.
"""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime
from typing import Any, TextIO

from aiogram import Bot, Dispatcher
from aiogram.methods import (
    AnswerCallbackQuery,
    AnswerInlineQuery,
    EditMessageReplyMarkup,
    EditMessageText,
    SendMessage,
    SendPhoto,
    TelegramMethod,
)
from aiogram.types import (
    CallbackQuery,
    Chat,
    InlineKeyboardMarkup,
    InlineQuery,
    InputTextMessageContent,
    Message,
    MessageEntity,
    Update,
    User,
)

from bot.console.session import LocalSession
from bot.ui.plain import html_to_text

CONSOLE_USER_ID = 100_001


class ConsoleChat:
    def __init__(
        self,
        dp: Dispatcher,
        bot: Bot,
        session: LocalSession,
        out: TextIO,
        language_code: str = "ru",
    ) -> None:
        self._dp = dp
        self._bot = bot
        self._session = session
        self._out = out
        self._user = User(
            id=CONSOLE_USER_ID, is_bot=False, first_name="Citizen", language_code=language_code
        )
        self._chat = Chat(id=CONSOLE_USER_ID, type="private")
        self._buttons: list[tuple[str, Message]] = []
        self._update_ids = itertools.count(1)
        session.on_call = self._show

    async def run(self, stream: TextIO, echo: bool) -> None:
        """Read lines until EOF or /quit; echo them when stdin is not a terminal."""
        interactive = not echo
        while True:
            if interactive:
                self._write("> ", end="")
            line = await asyncio.to_thread(stream.readline)
            if not line:
                break
            # Bytes that are not UTF-8 come from stdin as lone surrogates (surrogateescape),
            # which no database or terminal write accepts: the question got an apology.
            line = line.encode("utf-8", "replace").decode("utf-8").strip()
            if echo and line:
                self._write(f"> {line}")
            if line in ("/quit", "/exit"):
                break
            if line:
                await self.handle(line)

    async def handle(self, line: str) -> None:
        if line.isdigit() and 1 <= int(line) <= len(self._buttons):
            data, message = self._buttons[int(line) - 1]
            self._buttons = []
            await self._feed(
                Update(
                    update_id=next(self._update_ids),
                    callback_query=CallbackQuery(
                        id=str(next(self._update_ids)),
                        from_user=self._user,
                        chat_instance="console",
                        data=data,
                        message=message,
                    ),
                )
            )
            return
        self._buttons = []
        if line.startswith("/inline"):
            query = line.removeprefix("/inline").strip()
            inline = InlineQuery(
                id=str(next(self._update_ids)), from_user=self._user, query=query, offset=""
            )
            await self._feed(Update(update_id=next(self._update_ids), inline_query=inline))
            return
        entities = None
        if line.startswith("/"):
            command = line.split()[0]
            entities = [MessageEntity(type="bot_command", offset=0, length=len(command))]
        message = Message(
            message_id=self._session.next_message_id(),
            date=datetime.now(UTC),
            chat=self._chat,
            from_user=self._user,
            text=line,
            entities=entities,
        )
        await self._feed(Update(update_id=next(self._update_ids), message=message))

    async def _feed(self, update: Update) -> None:
        try:
            await self._dp.feed_update(self._bot, update)
        except Exception as exc:  # the error handler covers handlers; this covers the rest
            self._write(f"(internal error: {type(exc).__name__})")

    def _show(self, method: TelegramMethod[Any], result: Any) -> None:
        if isinstance(method, SendMessage | EditMessageText):
            mark = "✎ " if isinstance(method, EditMessageText) else ""
            self._write(f"\n{mark}{html_to_text(method.text or '')}")
            markup = method.reply_markup
            if isinstance(markup, InlineKeyboardMarkup) and isinstance(result, Message):
                self._list_buttons(markup, result)
            self._write("")
        elif isinstance(method, SendPhoto):  # the /stats chart: a terminal shows its caption
            self._write(f"\n[chart] {html_to_text(method.caption or '')}\n")
        elif isinstance(method, EditMessageReplyMarkup):
            if isinstance(method.reply_markup, InlineKeyboardMarkup):
                message = Message(
                    message_id=method.message_id or 0,
                    date=datetime.now(UTC),
                    chat=self._chat,
                ).as_(self._bot)
                self._list_buttons(method.reply_markup, message)
        elif isinstance(method, AnswerCallbackQuery) and method.text:
            self._write(f"  ⟨{method.text}⟩")
        elif isinstance(method, AnswerInlineQuery):
            self._show_inline(method)

    def _list_buttons(self, markup: InlineKeyboardMarkup, message: Message) -> None:
        for row in markup.inline_keyboard:
            cells = []
            for button in row:
                if button.callback_data is None:
                    continue
                self._buttons.append((button.callback_data, message))
                cells.append(f"[{len(self._buttons)}] {button.text}")
            if cells:
                self._write("  " + "   ".join(cells))

    def _show_inline(self, method: AnswerInlineQuery) -> None:
        if not method.results:
            hint = method.button.text if method.button else ""
            self._write(f"  (inline: no results) {hint}".rstrip())
            return
        for number, result in enumerate(method.results, start=1):
            content = getattr(result, "input_message_content", None)
            title = getattr(result, "title", "")
            self._write(f"\n  inline #{number}: {title}")
            if isinstance(content, InputTextMessageContent):
                self._write(html_to_text(content.message_text))

    def _write(self, text: str, end: str = "\n") -> None:
        self._out.write(text + end)
        self._out.flush()
