"""Commands: /start, /help, /about, /lang (persisted), unknown commands, non-text, menu."""

from __future__ import annotations

from typing import Any

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SetMyCommands

from bot.app import set_commands
from bot.storage import Storage
from bot.ui.callbacks import ExampleCb, LangCb
from bot.ui.texts import Lang, texts_for
from tests.bot.conftest import ALICE, ASEL, BOB, Tg, button, buttons
from tests.bot.fakes import FakeSearch

RU, KK, EN = texts_for(Lang.RU), texts_for(Lang.KK), texts_for(Lang.EN)


async def test_start_welcomes_in_telegram_language_with_three_examples(tg: Tg) -> None:
    for user, tx in ((ALICE, RU), (ASEL, KK), (BOB, EN)):
        await tg.send("/start", user)
        [reply] = tg.sent()
        assert tx.welcome_title in reply.text
        assert [label for label, _ in buttons(reply)] == list(tx.examples)


async def test_unknown_language_code_falls_back_to_russian(tg: Tg) -> None:
    await tg.send("/start", {**ALICE, "language_code": "de"})
    assert RU.welcome_title in tg.sent()[0].text


async def test_example_button_asks_that_question(tg: Tg, search: FakeSearch) -> None:
    await tg.send("/start")
    data = button(tg.sent()[0], RU.examples[1])
    await tg.press(data)
    assert search.questions[-1] == RU.examples[1]
    assert RU.heads_an_answer(tg.sent()[-1].text)


async def test_forged_example_index_is_refused_quietly(tg: Tg, search: FakeSearch) -> None:
    await tg.press(ExampleCb(i=7).pack())
    assert tg.sent() == []
    assert tg.of(AnswerCallbackQuery)[0].text == RU.expired
    assert search.questions == []


async def test_help_names_commands_and_the_bot(tg: Tg) -> None:
    await tg.send("/help")
    text = tg.sent()[0].text
    assert "/themes" in text and "/lang" in text and "@atazan_bot" in text


async def test_about_tells_corpus_size_sources_and_privacy(tg: Tg) -> None:
    await tg.send("/about", BOB)
    text = tg.sent()[0].text
    assert "2 press releases, 4 meetings, 9 statements by 3 senators" in text
    assert "10.03.2026" in text
    assert "https://senate.kz/1" in text and "senate.kz/2 &amp; &lt;x&gt;" in text
    assert "not legal advice" in text
    assert "90 days" in text and "keyed hash" in text


async def test_lang_switch_is_remembered(tg: Tg) -> None:
    await tg.send("/lang")
    [prompt] = tg.sent()
    assert prompt.text == RU.lang_prompt
    await tg.press(button(prompt, "Қазақша"))
    assert tg.of(AnswerCallbackQuery)[0].text == KK.lang_set
    assert tg.of(EditMessageText)[0].text == KK.lang_set
    await tg.send("/start")  # Telegram still says "ru"; the stored choice wins
    assert KK.welcome_title in tg.sent()[0].text
    await tg.send("/lang")
    assert ("✓ Қазақша", LangCb(lang=Lang.KK).pack()) in buttons(tg.sent()[0])


async def test_lang_with_argument_switches_at_once(tg: Tg) -> None:
    await tg.send("/lang kk")
    assert [m.text for m in tg.sent()] == [KK.lang_set]
    await tg.send("/lang xx")  # unknown: show the choice instead
    assert tg.sent()[0].text == KK.lang_prompt


async def test_lang_choice_survives_a_restart(tg: Tg, repo: Storage) -> None:
    await tg.press(LangCb(lang=Lang.EN).pack())
    repo._languages.clear()  # a new process has no cache
    await tg.send("/help")
    assert "Just type a question" in tg.sent()[0].text


async def test_unknown_command_in_private_points_to_help(tg: Tg) -> None:
    await tg.send("/stats")
    assert tg.sent()[0].text == RU.unknown_command


async def test_non_text_messages_get_a_polite_hint(tg: Tg) -> None:
    sticker = {
        "file_id": "f",
        "file_unique_id": "u",
        "type": "regular",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
    }
    kinds: list[dict[str, Any]] = [
        {"sticker": sticker},
        {"location": {"latitude": 51.1, "longitude": 71.4}},
        {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 3}},
        {"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]},
    ]
    for extra in kinds:
        await tg.send(None, **extra)
        assert [m.text for m in tg.sent()] == [RU.send_text]


async def test_a_photo_with_a_question_under_it_is_answered(tg: Tg, search: FakeSearch) -> None:
    photo = [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]
    await tg.send(None, photo=photo, caption="Кому принадлежит земля?")
    assert search.questions == ["Кому принадлежит земля?"]
    assert tg.sent()[0].text.count("<blockquote>") == 3


async def test_command_menu_is_set_per_language(tg: Tg) -> None:
    await set_commands(tg.bot)
    calls = tg.of(SetMyCommands)
    assert [c.language_code for c in calls] == [None, "kk", "en"]
    assert all(len(c.commands) == 8 for c in calls)
    assert calls[1].commands[0].description == KK.cmd_start


async def test_reply_follows_the_question_language_until_one_is_chosen(tg: Tg) -> None:
    # Telegram has no Kazakh interface: a Kazakh speaker's app says "ru"
    await tg.send("Ертең ауа райы қандай болады?")
    assert KK.no_answer in tg.sent()[0].text
    await tg.send("/start")  # the followed language holds for the next command too
    assert KK.welcome_title in tg.sent()[0].text
    await tg.send("What will the weather be tomorrow?")
    assert EN.no_answer in tg.sent()[0].text
    await tg.send("/lang ru")  # a choice wins over the question's language from now on
    await tg.send("Ертең ауа райы қандай болады?")
    assert RU.no_answer in tg.sent()[0].text


async def test_a_question_in_no_plain_language_keeps_the_users(tg: Tg) -> None:
    await tg.send("Погода 2026?", BOB)  # no word only Russian has: Bob's English stays
    assert EN.no_answer in tg.sent()[0].text
