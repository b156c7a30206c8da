"""Errors: one handler (apology + log with update id), 429 honoured, 403 not retried."""

from __future__ import annotations

import logging

import pytest
from aiogram.exceptions import TelegramForbiddenError, TelegramRetryAfter
from aiogram.methods import AnswerCallbackQuery, SendMessage

from bench.load.load import HANDLER_MS, SEARCH_MS
from bot.middlewares import RetryAfterMiddleware
from bot.ui.texts import Lang, texts_for
from retrieval.errors import SearchUnavailable
from tests.bot.conftest import Tg
from tests.bot.fakes import FakeSearch

RU = texts_for(Lang.RU)


async def test_error_is_logged_with_update_id_and_user_gets_apology(
    tg: Tg, search: FakeSearch, caplog: pytest.LogCaptureFixture
) -> None:
    search.fail_with = ValueError("boom")
    with caplog.at_level(logging.INFO):
        await tg.send("земля")
    assert [m.text for m in tg.sent()] == [RU.error]
    error = next(r for r in caplog.records if r.levelno == logging.ERROR)
    assert "update id=" in error.getMessage() and error.exc_info is not None
    line = next(r.getMessage() for r in caplog.records if r.name == "bot.updates")
    assert "handler=on_question" in line and "error=true" in line
    assert "земля" not in caplog.text  # message text never logged


async def test_each_update_logs_one_line_without_text(
    tg: Tg, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="bot.updates"):
        await tg.send("Кому принадлежит земля?")
        await tg.send("погода")
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.updates"]
    assert len(lines) == 2
    assert "handler=on_question" in lines[0] and "answered=true" in lines[0]
    assert "answered=false" in lines[1]
    assert "123456:TEST" not in caplog.text and "земля" not in caplog.text
    # The load benchmarks split the handler's time into search and the rest with these lines.
    assert [len(HANDLER_MS.findall(x)) for x in lines] == [1, 1]
    assert [len(SEARCH_MS.findall(x)) for x in lines] == [1, 1]


async def test_button_error_is_answered_with_a_toast(tg: Tg, search: FakeSearch) -> None:
    await tg.send("/start")
    search.fail_with = RuntimeError("boom")
    data = tg.sent()[0].reply_markup.inline_keyboard[0][0].callback_data  # type: ignore[union-attr]
    await tg.press(data or "")
    assert RU.error in [c.text for c in tg.of(AnswerCallbackQuery)]


async def test_blocked_user_is_logged_not_retried(tg: Tg, caplog: pytest.LogCaptureFixture) -> None:
    forbidden = TelegramForbiddenError(
        method=SendMessage(chat_id=1, text="x"), message="Forbidden: bot was blocked by the user"
    )
    tg.session.fail_next(SendMessage, forbidden)
    await tg.send("/help")
    assert len(tg.sent()) == 1  # the failed send only; no apology attempt, no retry
    assert "blocked" in caplog.text


async def test_retry_after_is_honoured(tg: Tg) -> None:
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    for middleware in tg.bot.session.middleware:
        if isinstance(middleware, RetryAfterMiddleware):
            middleware._sleep = fake_sleep
    flood = TelegramRetryAfter(
        method=SendMessage(chat_id=1, text="x"), message="Too Many Requests", retry_after=3
    )
    tg.session.fail_next(SendMessage, flood)
    await tg.send("/help")
    assert slept == [3]
    assert len(tg.sent()) == 2 and tg.sent()[0].text == tg.sent()[1].text


async def test_retry_after_gives_up_when_asked_to_wait_too_long(tg: Tg) -> None:
    async def no_sleep(seconds: float) -> None:
        raise AssertionError("must not sleep")

    for middleware in tg.bot.session.middleware:
        if isinstance(middleware, RetryAfterMiddleware):
            middleware._sleep = no_sleep
    flood = TelegramRetryAfter(
        method=SendMessage(chat_id=1, text="x"), message="Too Many Requests", retry_after=3600
    )
    tg.session.fail_next(SendMessage, flood)
    await tg.send("/help")  # the error handler swallows it; the update still completes


@pytest.mark.parametrize("lang", list(Lang))
async def test_no_service_answering_asks_the_citizen_to_try_again(
    tg: Tg, search: FakeSearch, lang: Lang
) -> None:
    search.fail_with = SearchUnavailable("no retrieval service answered: a: timed out")
    user = {"id": 4242, "is_bot": False, "first_name": "Ayan", "language_code": lang.value}
    await tg.send("Что сказано о земле?", user=user)
    [reply] = tg.sent()
    assert texts_for(lang).search_unavailable in reply.text
    assert "Traceback" not in reply.text and "timed out" not in reply.text
