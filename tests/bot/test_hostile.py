"""Property test: arbitrary text and non-text messages through the real dispatcher never raise,
always get a reply in private chats, and never produce HTML Telegram would refuse."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from aiogram.methods import SendMessage
from aiogram.types import Update
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import Services, create_bot, create_dispatcher
from bot.config import DbSection, Settings
from bot.storage.sqlite import SqliteStorage
from bot.ui.texts import Lang, texts_for
from tests.bot.conftest import ALICE, TOKEN, FakeClock, RecordingSession
from tests.bot.fakes import FakeSearch

RU = texts_for(Lang.RU)
INJECTIONS = [
    "<b>земля</b>",
    "</blockquote><script>alert(1)</script>",
    "*bold* _it_ `code` [link](http://x)",
    "&amp; &lt; & < > \" '",
    "\u202eземля\u202c",
    "مرحبا بالعالم الأرض",
    "🇰🇿🇰🇿🇰🇿",
    "\x00\x01\x1b[31m",
    "земля " * 2000,
]
texts = st.one_of(
    st.sampled_from(INJECTIONS),
    st.text(min_size=1, max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=50).map(lambda s: s * 200),
)
NON_TEXT: list[dict[str, Any]] = [
    {"location": {"latitude": 0.0, "longitude": 0.0}},
    {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 1}},
    {"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]},
    {"contact": {"phone_number": "+7", "first_name": "x"}},
]


async def _exchange(raw_message: dict[str, Any]) -> tuple[list[SendMessage], RecordingSession]:
    session = RecordingSession()
    repo = await SqliteStorage.open(Path(":memory:"), hash_key="k")
    try:
        bot = create_bot(TOKEN, session)
        services = Services(
            search=FakeSearch(), repo=repo, settings=Settings(db=DbSection(retention_days=90))
        )
        dp = create_dispatcher(services, clock=FakeClock())
        message = {
            "message_id": 1,
            "date": 1_770_000_000,
            "chat": {"id": ALICE["id"], "type": "private"},
            "from": ALICE,
            **raw_message,
        }
        update = Update.model_validate({"update_id": 1, "message": message}, context={"bot": bot})
        await dp.feed_update(bot, update)
    finally:
        await repo.close()
    return [c for c in session.calls if isinstance(c, SendMessage)], session


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_any_text_gets_a_valid_reply(text: str) -> None:
    sent, session = asyncio.run(_exchange({"text": text}))
    assert session.rejected == []
    assert sent, "every private text gets a reply"
    assert all(m.text != RU.error for m in sent)


@given(extra=st.sampled_from(NON_TEXT))
@settings(max_examples=len(NON_TEXT), deadline=None)
def test_non_text_messages_get_the_text_hint(extra: dict[str, Any]) -> None:
    sent, session = asyncio.run(_exchange(extra))
    assert [m.text for m in sent] == [RU.send_text] and session.rejected == []


@pytest.mark.parametrize("text", ["   ", "\n\t ", "\u200b\u200b"])
def test_a_blank_message_gets_the_text_hint_not_the_ask_usage(text: str) -> None:
    """It got "write the question after the command, e.g. /ask …" for a command never sent."""
    sent, session = asyncio.run(_exchange({"text": text}))
    assert [m.text for m in sent] == [RU.send_text] and session.rejected == []


def test_a_blank_ask_still_explains_the_command() -> None:
    entities = [{"type": "bot_command", "offset": 0, "length": 4}]
    sent, _ = asyncio.run(_exchange({"text": "/ask   ", "entities": entities}))
    assert [m.text for m in sent] == [RU.ask_usage]
