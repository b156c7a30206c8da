"""Per-user throttling: burst 5, then 1/s; one polite notice; other users unaffected."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery

from bot.ui.texts import Lang, texts_for
from tests.bot.conftest import ALICE, BOB, FakeClock, Tg
from tests.bot.fakes import FakeSearch

RU, EN = texts_for(Lang.RU), texts_for(Lang.EN)


async def test_sixth_quick_question_is_throttled_once(
    tg: Tg, clock: FakeClock, search: FakeSearch
) -> None:
    clock.step = 0.0  # all at the same instant
    for _ in range(5):
        await tg.send("земля")
        assert "<blockquote>" in tg.sent()[-1].text
    await tg.send("земля")
    assert [m.text for m in tg.sent()] == [RU.throttled]
    for _ in range(3):
        await tg.send("земля")
        assert tg.sent() == []  # no notice per dropped message
    assert len(search.questions) == 5

    await tg.send("земля", BOB)  # another user is not slowed down
    assert "<blockquote>" in tg.sent()[-1].text

    clock.now += 1.0  # one second later, one more question is allowed
    await tg.send("земля")
    assert "<blockquote>" in tg.sent()[-1].text
    await tg.send("земля")
    assert [m.text for m in tg.sent()] == [RU.throttled]  # a new flood, a new notice


async def test_button_floods_are_throttled_with_a_toast(tg: Tg, clock: FakeClock) -> None:
    clock.step = 0.0
    for _ in range(10):
        await tg.press("zz:unknown")
    await tg.press("zz:unknown")
    assert tg.of(AnswerCallbackQuery)[0].text == RU.throttled


async def test_throttled_notice_speaks_the_users_language(tg: Tg, clock: FakeClock) -> None:
    clock.step = 0.0
    for _ in range(6):
        await tg.send("/help", BOB)
    assert [m.text for m in tg.sent()] == [EN.throttled]
    assert ALICE["id"] != BOB["id"]
