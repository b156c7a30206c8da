"""Forged callback data through the production dispatcher: arbitrary strings, tampered known
prefixes, oversized payloads and another user's question-bound buttons. Every press is
answered once and quietly — never an apology, never a traceback, never someone else's data."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage
from aiogram.types import Update
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import Services, create_bot, create_dispatcher
from bot.config import DbSection, Settings
from bot.storage import Storage
from bot.storage.sqlite import SqliteStorage
from bot.ui.callbacks import MoreCb
from bot.ui.texts import Lang, texts_for
from tests.bot.conftest import ALICE, BOB, TOKEN, FakeClock, RecordingSession, buttons
from tests.bot.fakes import FakeSearch

RU, EN = texts_for(Lang.RU), texts_for(Lang.EN)
APOLOGIES = {texts_for(lang).error for lang in Lang}
PREFIXES = ["mo", "me", "vo", "rs", "ex", "lg", "mn", "br", "up"]
BIG = [str(2**63), str(10**30), "-" + str(2**64), "1e9", "0x10", "NaN", "٣"]  # ٣: Arabic 3

tails = st.lists(
    st.one_of(st.sampled_from(BIG), st.integers().map(str), st.text(max_size=20)), max_size=4
).map(":".join)
forged = st.one_of(
    st.text(max_size=1000),  # anything, including far over Telegram's 64 bytes
    st.builds(lambda p, t: f"{p}:{t}", st.sampled_from(PREFIXES), tails),
    st.builds(lambda p, t: f"{p.upper()}:{t}", st.sampled_from(PREFIXES), tails),
)


async def _press(data: str, *, own: bool) -> tuple[list[Any], RecordingSession, Storage]:
    """Alice asks a question; then Alice (own) or Bob presses `data` ({q}: her question id)."""
    session = RecordingSession()
    repo = await SqliteStorage.open(Path(":memory:"), hash_key="k")
    bot = create_bot(TOKEN, session)
    services = Services(search=FakeSearch(), repo=repo, settings=Settings(db=DbSection()))
    dp = create_dispatcher(services, clock=FakeClock())
    chat = {"id": ALICE["id"], "type": "private"}
    message = {"message_id": 1, "date": 1_770_000_000, "chat": chat, "from": ALICE}
    ask = {"update_id": 1, "message": {**message, "text": "Кому принадлежит земля?"}}
    await dp.feed_update(bot, Update.model_validate(ask, context={"bot": bot}))
    more = dict(buttons(session.calls[-1]))["Ещё ▸"]  # type: ignore[arg-type]
    question_id = MoreCb.unpack(more).q
    before = len(session.calls)
    presser = ALICE if own else BOB
    query = {
        "id": "42",
        "from": presser,
        "chat_instance": "ci",
        "data": data.format(q=question_id),
        "message": {**message, "message_id": 2, "text": "…"},
    }
    press = {"update_id": 2, "callback_query": query}
    await dp.feed_update(bot, Update.model_validate(press, context={"bot": bot}))
    return session.calls[before:], session, repo


def _texts(calls: list[Any]) -> list[str]:
    return [c.text or "" for c in calls if isinstance(c, SendMessage | AnswerCallbackQuery)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=forged)
def test_any_callback_data_is_answered_once_and_quietly(data: str) -> None:
    async def run() -> None:
        calls, session, repo = await _press(data.replace("{", "{{").replace("}", "}}"), own=True)
        await repo.close()
        assert [type(c) for c in calls].count(AnswerCallbackQuery) == 1, calls
        assert not APOLOGIES & set(_texts(calls))
        assert session.rejected == []

    asyncio.run(run())


@pytest.mark.parametrize(
    "data",
    ["mo:{q}:1", "mo:{q}:0", "mo:{q}:-1", "vo:{q}:u", "vo:{q}:d", "rs:{q}:w", "rs:{q}:x"],
)
async def test_another_users_question_buttons_reveal_and_record_nothing(data: str) -> None:
    calls, session, repo = await _press(data, own=False)
    async with repo._conn.execute("SELECT COUNT(*) FROM feedback") as cursor:
        votes = await cursor.fetchone()
    await repo.close()
    assert [c.text for c in calls if isinstance(c, AnswerCallbackQuery)] == [EN.not_yours]
    assert not [c for c in calls if isinstance(c, SendMessage | EditMessageText)]
    assert votes is not None and votes[0] == 0
    assert session.rejected == []


@pytest.mark.parametrize("question", BIG)
async def test_question_ids_out_of_range_are_expired_not_errors(question: str) -> None:
    for prefix in ("mo", "vo", "rs"):
        tail = {"mo": "1", "vo": "u", "rs": "w"}[prefix]
        calls, _, repo = await _press(f"{prefix}:{question}:{tail}", own=True)
        await repo.close()
        answers = [c.text for c in calls if isinstance(c, AnswerCallbackQuery)]
        assert answers == [RU.expired], (prefix, question, answers)
