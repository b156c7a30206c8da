"""A question and the buttons under its answer: More, Meeting, 👍, 👎 + reason, abstention."""

from __future__ import annotations

import sqlite3

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendChatAction

from bot.storage import Storage
from bot.ui.callbacks import MeetingCb, MoreCb, Reason, ReasonCb, Vote, VoteCb
from bot.ui.texts import Lang, texts_for
from tests.bot.conftest import ALICE, BOB, Tg, button, buttons
from tests.bot.fakes import FakeSearch

RU, KK, EN = texts_for(Lang.RU), texts_for(Lang.KK), texts_for(Lang.EN)
LAND = "Кому принадлежит земля?"  # 5 hits in the fake corpus: pages of 3 + 2


async def _rows(repo: Storage, sql: str) -> list[tuple[object, ...]]:
    async with repo._conn.execute(sql) as cursor:
        return [tuple(r) for r in await cursor.fetchall()]


async def test_question_shows_typing_then_three_cited_quotes(tg: Tg) -> None:
    await tg.send(LAND)
    calls = tg.calls()
    assert isinstance(calls[0], SendChatAction) and calls[0].action == "typing"
    [answer] = tg.sent()
    assert "</b>\n1–3 из 5\n" in answer.text
    assert answer.text.count("<blockquote>") == 3
    assert "<b>Жанна Асанова</b>" in answer.text
    assert "прямая цитата" in answer.text
    assert "📅 05.03.2026 · 📍 Алматы · 👥 коллектив АО «Казпочта»" in answer.text
    assert "Источник: <i>Сенаторы обсудили проект Конституции</i>" in answer.text
    labels = [label for label, _ in buttons(answer)]
    assert labels == ["Встреча 1", "Встреча 2", "Встреча 3", "Ещё ▸", "👍", "👎"]


async def test_reported_speech_is_marked_as_the_release_summary(tg: Tg) -> None:
    await tg.send("роль науки семьи")
    assert "пересказ пресс-релиза" in tg.sent()[0].text


async def test_question_is_logged_with_hits_and_no_raw_id(tg: Tg, repo: Storage) -> None:
    await tg.send(LAND)
    [(user_key, chat_type, text, answered, hit_ids)] = await _rows(
        repo, "SELECT user_key, chat_type, text, answered, hit_ids FROM questions"
    )
    assert user_key == repo.user_key(ALICE["id"]) and str(ALICE["id"]) not in str(user_key)
    assert (chat_type, text, answered) == ("private", LAND, 1)
    assert hit_ids == '["s3", "s7", "s5", "s8", "s9"]'


async def test_more_without_a_message_to_answer_under_is_still_answered(tg: Tg) -> None:
    """A press carrying no message (an inline message's) left the button spinning."""
    await tg.send("Кому принадлежит земля?")
    more = button(tg.sent()[0], "Ещё ▸")
    query = {"id": "7", "from": ALICE, "chat_instance": "ci", "data": more}
    await tg.feed({"callback_query": {**query, "inline_message_id": "inline-1"}})
    assert [c.text for c in tg.of(AnswerCallbackQuery)] == [RU.expired]


async def test_more_pages_through_to_the_last_page(tg: Tg) -> None:
    await tg.send(LAND)
    await tg.press(button(tg.sent()[0], "Ещё ▸"))
    [page2] = tg.sent()
    assert "</b>\n4–5 из 5\n" in page2.text and page2.text.startswith("<b>")
    assert "4. " in page2.text and "5. " in page2.text
    labels = [label for label, _ in buttons(page2)]
    assert "Ещё ▸" not in labels and labels[-2:] == ["👍", "👎"]
    assert labels[0] == "Встреча 4"  # s8 and s9 share meeting m2: one button
    assert tg.of(AnswerCallbackQuery)[0].text is None


async def test_out_of_range_page_is_refused_quietly(tg: Tg) -> None:
    await tg.send(LAND)
    question_id = MoreCb.unpack(button(tg.sent()[0], "Ещё ▸")).q
    for page in (2, 99, -1):
        await tg.press(MoreCb(q=question_id, p=page).pack())
        assert tg.sent() == []
        assert tg.of(AnswerCallbackQuery)[0].text == RU.no_more


async def test_other_users_buttons_are_refused(tg: Tg) -> None:
    await tg.send(LAND)
    more = button(tg.sent()[0], "Ещё ▸")
    vote = button(tg.sent()[0], "👍")
    for data in (more, vote):
        await tg.press(data, BOB)
        assert tg.sent() == []
        assert tg.of(AnswerCallbackQuery)[0].text == EN.not_yours


async def test_forged_question_ids_and_payloads_are_refused(tg: Tg) -> None:
    forged = [MoreCb(q=424242, p=1).pack(), "mo:1:x", "mo:abc:1", "zz:1", "vo:1:q", "x" * 64]
    for data in forged:
        await tg.press(data)
        assert tg.sent() == []
        assert tg.of(AnswerCallbackQuery)[0].text == RU.expired


async def test_meeting_button_shows_the_whole_meeting(tg: Tg) -> None:
    await tg.send(LAND)
    await tg.press(button(tg.sent()[0], "Встреча 1"))
    [report] = tg.sent()
    assert report.text.startswith("<b>Встреча · 05.03.2026</b>")
    assert "Сенаторы: Жанна Асанова" in report.text
    assert "Место: Алматы" in report.text and "С кем: коллектив АО «Казпочта»" in report.text
    assert "Высказывания (4):" in report.text
    assert report.text.count("<blockquote>") == 4


async def test_unknown_meeting_is_refused(tg: Tg) -> None:
    await tg.press(MeetingCb(m="m404").pack())
    assert tg.sent() == [] and tg.of(AnswerCallbackQuery)[0].text == RU.meeting_not_found


async def test_thumbs_up_is_stored(tg: Tg, repo: Storage) -> None:
    await tg.send(LAND)
    await tg.press(button(tg.sent()[0], "👍"))
    assert tg.of(AnswerCallbackQuery)[0].text == RU.vote_thanks
    assert tg.sent() == []
    assert await _rows(repo, "SELECT vote, reason FROM feedback") == [("u", None)]


async def test_thumbs_down_asks_a_reason_and_stores_it(tg: Tg, repo: Storage) -> None:
    await tg.send(LAND)
    await tg.press(button(tg.sent()[0], "👎"))
    [prompt] = tg.sent()
    assert prompt.text == RU.reason_prompt
    assert [label for label, _ in buttons(prompt)] == [
        RU.reason_wrong_senator,
        RU.reason_off_topic,
        RU.reason_not_enough,
        RU.reason_other,
    ]
    await tg.press(button(prompt, RU.reason_off_topic))
    assert tg.of(EditMessageText)[0].text == RU.reason_thanks
    assert await _rows(repo, "SELECT vote, reason FROM feedback") == [("d", Reason.OFF_TOPIC.value)]


async def test_every_reason_button_fits_telegram(tg: Tg) -> None:
    for reason in Reason:
        assert len(ReasonCb(q=2**31, r=reason).pack().encode()) <= 64
    assert len(VoteCb(q=2**31, v=Vote.DOWN).pack().encode()) <= 64


async def test_abstention_says_so_and_offers_themes_never_a_quote(tg: Tg, repo: Storage) -> None:
    await tg.send("Какая завтра погода?")
    [reply] = tg.sent()
    assert RU.no_answer in reply.text and "<blockquote>" not in reply.text
    labels = [label for label, _ in buttons(reply)]
    assert labels[:4] == ["Наука", "Семья", "Земля", "Парламент"]
    assert await _rows(repo, "SELECT answered, hit_ids FROM questions") == [(0, "[]")]


async def test_a_question_with_no_subject_is_told_it_is_too_general(tg: Tg) -> None:
    await tg.send("Конституция")
    [reply] = tg.sent()
    assert RU.too_general in reply.text and RU.no_answer not in reply.text
    assert [label for label, _ in buttons(reply)][:4] == ["Наука", "Семья", "Земля", "Парламент"]


async def test_long_question_is_searched_truncated_not_refused(tg: Tg, search: FakeSearch) -> None:
    await tg.send("земля " + "очень " * 400)
    assert len(search.questions[-1]) == 1000
    assert "первым 1000 символам" in tg.sent()[0].text


async def test_storage_failure_does_not_break_the_answer(
    tg: Tg, repo: Storage, monkeypatch: object
) -> None:
    def locked(*args: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(repo._conn, "execute", locked)  # type: ignore[attr-defined]
    await tg.send(LAND)
    [answer] = tg.sent()
    assert answer.text.count("<blockquote>") == 3
    labels = [label for label, _ in buttons(answer)]
    assert labels == ["Встреча 1", "Встреча 2", "Встреча 3"]  # nothing to page or rate


async def test_search_failure_gets_a_short_apology_not_a_trace(tg: Tg, search: FakeSearch) -> None:
    search.fail_with = RuntimeError("index exploded at /secret/path")
    await tg.send(LAND, BOB)
    [reply] = tg.sent()
    assert reply.text == EN.error


async def test_a_greeting_is_greeted_with_themes_not_searched_nor_logged(
    tg: Tg, repo: Storage, search: FakeSearch
) -> None:
    await tg.send("Здравствуйте!")
    [reply] = tg.sent()
    assert RU.courtesy_greeting in reply.text and RU.no_answer not in reply.text
    assert [label for label, _ in buttons(reply)][:4] == ["Наука", "Семья", "Земля", "Парламент"]
    assert search.questions == []
    assert await _rows(repo, "SELECT text FROM questions") == []


async def test_a_typed_more_points_to_the_button_and_is_not_searched(
    tg: Tg, search: FakeSearch
) -> None:
    await tg.send(LAND)
    tg.sent()
    await tg.send("ещё")  # people type it for the next page; searched, it was "too general"
    [reply] = tg.sent()
    assert reply.text == RU.courtesy_more and RU.btn_more in reply.text
    assert search.questions == [LAND]


async def test_thanks_get_a_short_reply_and_a_greeting_with_a_question_is_a_question(
    tg: Tg, search: FakeSearch
) -> None:
    await tg.send("Рахмет, сау болыңыз")  # Kazakh words: the reply speaks Kazakh
    [reply] = tg.sent()
    assert reply.text == KK.courtesy_closing and not buttons(reply)
    await tg.send("Спасибо!")
    assert tg.sent()[0].text == RU.courtesy_closing
    await tg.send("Привет! " + LAND)
    assert search.questions == ["Привет! " + LAND]
    assert tg.sent()[0].text.count("<blockquote>") == 3


def test_words_nobody_is_named_for_are_never_labelled_a_senators() -> None:
    """A statement kept without a speaker may be an akim's or a maslikhat deputy's words (an
    article about them, a delegation's narrative): it was shown as "сенатор (не указан)"."""
    for lang in ("ru", "kk", "en"):
        label = texts_for(lang).unknown_speaker.casefold()
        assert "сенатор" not in label and "senator" not in label, lang
        assert label, lang


def test_a_page_with_anyone_but_a_senator_is_not_headed_what_senators_said() -> None:
    """An akim's words (shown with the role) or words nobody is named for, on a page headed
    "Что говорили сенаторы", passed for a senator's; the Senate's chair is a senator."""
    from bot.ui.render import answer_messages

    ru = texts_for("ru")
    hit = next(h for h in FakeSearch()._hits.values() if h.speakers)
    name = hit.speakers[0]
    akim = hit.model_copy(
        update={"speakers": ["Ерлан Жумабаев"], "roles": {"Ерлан Жумабаев": "аким области"}}
    )
    nobody = hit.model_copy(update={"speakers": []})
    chair = hit.model_copy(update={"roles": {name: "Председатель Сената"}})
    for page, senators in (([hit], True), ([chair], True), ([hit, akim], False), ([nobody], False)):
        text = "\n".join(answer_messages(page, 0, len(page), ru))
        assert (ru.answer_title in text) is senators, page
        assert (ru.answer_title_others in text) is not senators, page


def test_a_meeting_of_others_lists_no_senator() -> None:
    """A meeting of an akim's or a maslikhat's, with no senator: its senators line is a dash,
    not "speaker not named"."""
    from bot.ui.render import meeting_messages

    ru = texts_for("ru")
    meeting = next(iter(FakeSearch()._meetings.values()))
    others = meeting.model_copy(update={"senators": []})
    text = "\n".join(meeting_messages(others, None, ru))
    assert f"{ru.meeting_senators}: —" in text
    assert ru.unknown_speaker not in text.split("\n")[1]
