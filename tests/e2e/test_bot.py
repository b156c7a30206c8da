"""The real bot (`atazan run`, polling) through real HTTP against the local Bot API emulator.

Assertions use the bot's own language packs, so wording changes don't break them; names come
from the corpus (the marriage/family question is answered by senator Рысбекова).
"""

from __future__ import annotations

import re
import signal

import pytest

from bot.ui.texts import Lang, texts_for

from .emulator import BotEvent, EmulatorClient, FakeUser
from .processes import FAKE_TOKEN, BotProcess, EmulatorProcess

RU, KK, EN = texts_for(Lang.RU), texts_for(Lang.KK), texts_for(Lang.EN)

pytestmark = pytest.mark.e2e

FAMILY_QUESTION = "Что новая Конституция говорит о семье и браке?"
FAMILY_SENATOR = "Рысбекова"
OFF_TOPIC_QUESTION = "Как приготовить бешбармак из баранины?"
ANSWER_TIMEOUT = 20.0  # the first question also warms the model up


def _is_answer(event: BotEvent) -> bool:
    return any(tx.heads_an_answer(event.text) for tx in (RU, KK, EN))


def _assert_no_api_errors(user: FakeUser) -> None:
    """Nothing the bot sent was refused the way Telegram would refuse it (bad HTML, length…)."""
    refused = [(e.method, e.text) for e in user.history if e.kind == "error"]
    assert not refused


async def test_start_welcomes_with_example_questions(
    live_bot: BotProcess, client: EmulatorClient, user_id: int
) -> None:
    user = client.user(user_id, language_code="ru")
    await user.send_command("start")
    welcome = await user.expect(contains=RU.welcome_title)
    assert RU.examples_title in welcome.text
    labels = [button.text for button in welcome.buttons]
    assert len(labels) == len(RU.examples)
    for label, example in zip(labels, RU.examples, strict=True):
        assert example.startswith(label.rstrip("…"))
    _assert_no_api_errors(user)


async def test_command_menu_is_set_per_language(
    live_bot: BotProcess, emulator: EmulatorProcess
) -> None:
    async with EmulatorClient(emulator.base_url, FAKE_TOKEN, replay=True) as everything:
        await everything.sync()
        calls = [e for e in everything.events(None) if e.method == "setmycommands"]
    languages = {call.params.get("language_code") for call in calls}
    assert languages == {None, "kk", "en"}
    commands = {c["command"] for call in calls for c in call.params["commands"]}
    assert {"start", "lang", "about", "help"} <= commands


async def test_question_answered_with_citation_meeting_and_vote(
    live_bot: BotProcess, client: EmulatorClient, user_id: int
) -> None:
    user = client.user(user_id, language_code="ru")
    answer = await user.ask(FAMILY_QUESTION, timeout=ANSWER_TIMEOUT)
    typing = await user.expect("chat_action")
    assert typing.text == "typing"
    assert typing.seq < answer.seq
    assert RU.heads_an_answer(answer.text)
    assert FAMILY_SENATOR in answer.text
    assert RU.kind_quote in answer.text or RU.kind_reported in answer.text
    assert RU.source_label in answer.text

    total = _total_results(answer.text)
    if answer.has_button(RU.btn_more):
        assert total > 3
        await user.press(answer, RU.btn_more)
        more = await user.expect(("message", "edit"), where=_is_answer)
        assert f"4–{min(6, total)}" in more.text
    else:
        assert total <= 3

    await user.press(answer, RU.btn_meeting.format(n=1))
    meeting = await user.expect(contains=RU.meeting_title)
    assert RU.meeting_senators in meeting.text
    assert FAMILY_SENATOR in meeting.text  # result 1's meeting
    assert RU.meeting_place in meeting.text

    await user.press(answer, "👍")
    thanks = await user.expect("callback_answer")
    assert thanks.text == RU.vote_thanks
    _assert_no_api_errors(user)


def _total_results(text: str) -> int:
    """N from the results range line ("1–3 из N", "1–3 of N"); 0 when there is none."""
    found = re.search(r"^\d+–\d+\D+(\d+)$", text, re.MULTILINE)
    return int(found.group(1)) if found else 0


async def test_off_topic_question_gets_no_answer_and_no_quote(
    live_bot: BotProcess, client: EmulatorClient, user_id: int
) -> None:
    user = client.user(user_id, language_code="ru")
    reply = await user.ask(OFF_TOPIC_QUESTION, timeout=ANSWER_TIMEOUT)
    assert RU.no_answer in reply.text
    assert RU.kind_quote not in reply.text
    assert RU.kind_reported not in reply.text
    assert reply.buttons, "no-answer should offer theme buttons"
    _assert_no_api_errors(user)


async def test_hostile_markup_in_a_question_is_escaped(
    live_bot: BotProcess, client: EmulatorClient, user_id: int
) -> None:
    """The emulator refuses HTML that Telegram would refuse, as it would an unescaped quote."""
    user = client.user(user_id, language_code="ru")
    reply = await user.ask("<b>брак</b> & <script>семья</script> <i", timeout=ANSWER_TIMEOUT)
    assert RU.error not in reply.text
    _assert_no_api_errors(user)


async def test_lang_kk_switches_the_next_answer_to_kazakh(
    live_bot: BotProcess, client: EmulatorClient, user_id: int
) -> None:
    user = client.user(user_id, language_code="ru")
    await user.send_command("lang")
    prompt = await user.expect(contains=RU.lang_prompt)
    await user.press(prompt, "Қазақша")
    confirmed = await user.expect(("callback_answer", "edit", "message"), contains=KK.lang_set)
    assert confirmed.text
    answer = await user.ask(FAMILY_QUESTION, timeout=ANSWER_TIMEOUT)
    assert KK.heads_an_answer(answer.text)
    assert not RU.heads_an_answer(answer.text)
    _assert_no_api_errors(user)


async def test_a_kazakh_question_from_a_russian_app_is_answered_in_kazakh(
    live_bot: BotProcess, client: EmulatorClient, user_id: int
) -> None:
    """Telegram has no Kazakh interface: the question's language, not the app's, is replied in."""
    user = client.user(user_id, language_code="ru")
    answer = await user.ask("Неке мен отбасы туралы сенаторлар не айтты?", timeout=ANSWER_TIMEOUT)
    assert KK.heads_an_answer(answer.text)
    assert not RU.heads_an_answer(answer.text)
    _assert_no_api_errors(user)


def test_sigterm_stops_the_bot_cleanly(live_bot: BotProcess) -> None:
    """Runs last in this module: the bot fixture is module-scoped."""
    live_bot.process.send_signal(signal.SIGTERM)
    # a hang detector, not a speed test: the bound is the documented shutdown grace period
    # (BOT__SHUTDOWN_TIMEOUT, 25 s) plus interpreter teardown, which takes seconds on a busy box
    code = live_bot.process.wait(timeout=40)
    assert code == 0, live_bot.log()[-3000:]
