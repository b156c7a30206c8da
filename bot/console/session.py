"""A Bot API that lives in memory: records every call, answers the way Telegram does, and
refuses what Telegram would refuse (bad HTML, > 4096 characters, > 64-byte callback data).

The console chat talks to it instead of Telegram; tests use it as the recording session.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import AsyncGenerator, Callable
from datetime import UTC, datetime
from html import unescape
from html.parser import HTMLParser
from typing import Any

from aiogram import Bot
from aiogram.client.default import Default
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import (
    AnswerCallbackQuery,
    AnswerInlineQuery,
    EditMessageReplyMarkup,
    EditMessageText,
    GetMe,
    SendMessage,
    SendPhoto,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType
from aiogram.types import (
    Chat,
    InlineKeyboardMarkup,
    InputTextMessageContent,
    Message,
    PhotoSize,
    User,
)

from bot.ui.plain import html_to_text
from bot.ui.render import CAPTION_LIMIT
from bot.ui.wording import utf16_len

# Tags Telegram's HTML parse mode accepts (https://core.telegram.org/bots/api#html-style).
ALLOWED_TAGS = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre"}
    | {"blockquote", "tg-spoiler", "span", "tg-emoji", "tg-time"}
)
_BAD_AMPERSAND = re.compile(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)")
MESSAGE_LIMIT = 4096


class _TagChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.errors.append(f"unsupported start tag {tag!r}")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected end tag {tag!r}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        # with convert_charrefs=False data is raw: a bare < or > here was never escaped
        if "<" in data or ">" in data:
            self.errors.append("unescaped '<' or '>'")
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        self.text.append(unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.text.append(unescape(f"&#{name};"))


def parse_telegram_html(html: str) -> str:
    """Plain text of a Telegram-HTML message; ValueError with Telegram's complaint if invalid."""
    if _BAD_AMPERSAND.search(html):
        raise ValueError("can't parse entities: unescaped '&'")
    checker = _TagChecker()
    checker.feed(html)
    checker.close()
    if checker.errors:
        raise ValueError(f"can't parse entities: {checker.errors[0]}")
    if checker.stack:
        raise ValueError(f"can't parse entities: can't find end tag for {checker.stack[-1]!r}")
    return "".join(checker.text)


class LocalSession(BaseSession):
    """Records `calls`; `on_call(method, result)` sees each accepted call (the console prints)."""

    def __init__(self, on_call: Callable[[TelegramMethod[Any], Any], None] | None = None) -> None:
        super().__init__()
        self.calls: list[TelegramMethod[Any]] = []
        self.on_call = on_call
        self.bot_username = "atazan_bot"
        self._message_ids = itertools.count(1000)

    def next_message_id(self) -> int:
        return next(self._message_ids)

    async def close(self) -> None:
        return None

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 - BaseSession's signature
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        yield b""

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 - BaseSession's signature
    ) -> TelegramType:
        self.calls.append(method)
        try:
            self.validate(bot, method)
        except ValueError as exc:
            raise TelegramBadRequest(method=method, message=f"Bad Request: {exc}") from None
        result: Any = self.result_for(bot, method)
        if self.on_call is not None:
            self.on_call(method, result)
        return result  # type: ignore[no-any-return]

    def result_for(self, bot: Bot, method: TelegramMethod[Any]) -> Any:
        """What Telegram would return: a Message for sends/edits, the bot for getMe, else True."""
        if isinstance(method, GetMe):
            return User(id=bot.id, is_bot=True, first_name="Ата Заң", username=self.bot_username)
        if isinstance(method, SendMessage | EditMessageText):
            return self._message(bot, method)
        if isinstance(method, SendPhoto):
            chat_id = method.chat_id if isinstance(method.chat_id, int) else 0
            return Message(
                message_id=self.next_message_id(),
                date=datetime.now(UTC),
                chat=Chat(id=chat_id, type="private" if chat_id > 0 else "supergroup"),
                caption=html_to_text(method.caption or ""),
                photo=[PhotoSize(file_id="p", file_unique_id="p", width=800, height=650)],
            ).as_(bot)
        if isinstance(method, EditMessageReplyMarkup):
            return True
        return True

    def _message(self, bot: Bot, method: SendMessage | EditMessageText) -> Message:
        chat_id = method.chat_id if isinstance(method.chat_id, int) else 0
        message_id = method.message_id if isinstance(method, EditMessageText) else None
        markup = method.reply_markup
        markup = markup if isinstance(markup, InlineKeyboardMarkup) else None
        return Message(
            message_id=message_id or self.next_message_id(),
            date=datetime.now(UTC),
            chat=Chat(id=chat_id, type="private" if chat_id > 0 else "supergroup"),
            from_user=User(
                id=bot.id, is_bot=True, first_name="Ата Заң", username=self.bot_username
            ),
            text=html_to_text(method.text or ""),
            reply_markup=markup,
        ).as_(bot)

    def validate(self, bot: Bot, method: TelegramMethod[Any]) -> None:
        """Raise ValueError where the real Bot API would answer 400 Bad Request."""
        if isinstance(method, SendMessage | EditMessageText):
            _check_text(method.text or "", _parse_mode(bot, method.parse_mode))
            _check_markup(method.reply_markup)
        elif isinstance(method, SendPhoto):
            caption = method.caption or ""
            plain = parse_telegram_html(caption) if _parse_mode(bot, method.parse_mode) else caption
            if utf16_len(plain) > CAPTION_LIMIT:
                raise ValueError("message caption is too long")
        elif isinstance(method, EditMessageReplyMarkup):
            _check_markup(method.reply_markup)
        elif isinstance(method, AnswerCallbackQuery):
            if method.text is not None and len(method.text) > 200:
                raise ValueError("MESSAGE_TOO_LONG")
        elif isinstance(method, AnswerInlineQuery):
            _check_inline(method)


def _parse_mode(bot: Bot, value: str | Default | None) -> str | None:
    if isinstance(value, Default):
        resolved = bot.default[value.name]
        return resolved if isinstance(resolved, str) else None
    return value


def _check_text(text: str, parse_mode: str | None) -> None:
    plain = parse_telegram_html(text) if parse_mode == "HTML" else text
    if not plain.strip():
        raise ValueError("message text is empty")
    if utf16_len(plain) > MESSAGE_LIMIT:
        raise ValueError("message is too long")


def _check_markup(markup: object) -> None:
    if not isinstance(markup, InlineKeyboardMarkup):
        return
    for row in markup.inline_keyboard:
        for button in row:
            if not button.text:
                raise ValueError("BUTTON_TEXT_EMPTY")
            if button.callback_data is not None and len(button.callback_data.encode()) > 64:
                raise ValueError("BUTTON_DATA_INVALID")


def _check_inline(method: AnswerInlineQuery) -> None:
    if len(method.results) > 50:
        raise ValueError("RESULTS_TOO_MUCH")
    ids = [result.id for result in method.results]
    if len(set(ids)) != len(ids) or any(not 0 < len(i.encode()) <= 64 for i in ids):
        raise ValueError("RESULT_ID_INVALID")
    for result in method.results:
        content = getattr(result, "input_message_content", None)
        if isinstance(content, InputTextMessageContent):
            mode = content.parse_mode if isinstance(content.parse_mode, str) else "HTML"
            _check_text(content.message_text, mode)
