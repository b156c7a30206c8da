"""Groups: only /ask, a mention of the bot or a reply to it get an answer."""

from __future__ import annotations

from bot.ui.texts import Lang, texts_for
from tests.bot.conftest import BOT_ID, GROUP, Tg
from tests.bot.fakes import FakeSearch

RU = texts_for(Lang.RU)


async def test_group_chatter_is_ignored(tg: Tg, search: FakeSearch) -> None:
    await tg.send("Кому принадлежит земля?", chat=GROUP)
    await tg.send(None, chat=GROUP, location={"latitude": 1.0, "longitude": 2.0})
    await tg.send("/unknown", chat=GROUP)
    assert tg.sent() == [] and search.questions == []


async def test_ask_command_in_group_answers_in_reply(tg: Tg, search: FakeSearch) -> None:
    await tg.send("/ask Кому принадлежит земля?", chat=GROUP)
    [answer] = tg.sent()
    assert search.questions == ["Кому принадлежит земля?"]
    assert answer.chat_id == GROUP["id"]
    assert answer.reply_parameters is not None


async def test_ask_without_question_explains_usage(tg: Tg) -> None:
    await tg.send("/ask", chat=GROUP)
    assert tg.sent()[0].text == RU.ask_usage


async def test_mention_is_answered_without_the_mention(tg: Tg, search: FakeSearch) -> None:
    text = "@atazan_bot кому принадлежит земля"
    await tg.send(text, chat=GROUP, entities=[{"type": "mention", "offset": 0, "length": 11}])
    assert search.questions == ["кому принадлежит земля"]
    assert "<blockquote>" in tg.sent()[0].text


async def test_mention_of_another_bot_is_ignored(tg: Tg, search: FakeSearch) -> None:
    text = "@other_bot кому принадлежит земля"
    await tg.send(text, chat=GROUP, entities=[{"type": "mention", "offset": 0, "length": 10}])
    assert tg.sent() == [] and search.questions == []


async def test_reply_to_the_bot_is_answered(tg: Tg, search: FakeSearch) -> None:
    bot_message = {
        "message_id": 5,
        "date": 1_770_000_000,
        "chat": GROUP,
        "from": {"id": BOT_ID, "is_bot": True, "first_name": "Ата Заң"},
        "text": "…",
    }
    await tg.send("а земля?", chat=GROUP, reply_to_message=bot_message)
    assert search.questions == ["а земля?"]
    assert len(tg.sent()) == 1


async def test_reply_to_someone_else_is_ignored(tg: Tg, search: FakeSearch) -> None:
    other = {
        "message_id": 6,
        "date": 1_770_000_000,
        "chat": GROUP,
        "from": {"id": 999, "is_bot": False, "first_name": "Eve"},
        "text": "…",
    }
    await tg.send("а земля?", chat=GROUP, reply_to_message=other)
    assert tg.sent() == [] and search.questions == []
