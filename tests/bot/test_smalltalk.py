"""A message as the bot first reads it: a courtesy rather than a question (`bot.ui.smalltalk`), and
the language it is plainly written in (`written_in`)."""

from __future__ import annotations

import pytest

from bot.ui.smalltalk import Courtesy, courtesy
from bot.ui.texts import Lang
from bot.ui.texts.model import written_in

GREETING, CLOSING = Courtesy.GREETING, Courtesy.CLOSING


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Привет", GREETING),
        ("добрый день!", GREETING),
        ("Сәлеметсіз бе?", GREETING),
        ("Ассалаумағалейкум", GREETING),
        ("Hi there", GREETING),
        ("Good morning, bot", GREETING),
        ("Спасибо большое!", CLOSING),
        ("спс", CLOSING),
        ("Көп рахмет", CLOSING),
        ("Сау болыңыз", CLOSING),
        ("Thank you very much", CLOSING),
        ("ок", CLOSING),
        ("Всего доброго", CLOSING),
        # a question after the courtesy is searched
        ("Привет, что будет с землей?", None),
        ("Спасибо, а что с пенсиями?", None),
        ("Добрый день сенаторам", None),
        ("Thank you for the answer about land", None),
        ("день", None),  # only a word that goes along with a greeting
        ("Конституция", None),
        ("", None),
        ("👋", None),
        ("привет " * 7, None),  # too long for a courtesy
    ],
)
def test_only_courtesy_words_make_a_courtesy(text: str, kind: Courtesy | None) -> None:
    assert courtesy(text) is kind


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Жер кімге тиесілі?", Lang.KK),
        ("Who owns the land?", Lang.EN),
        ("Кому принадлежит земля?", None),  # Cyrillic without Kazakh letters: either language
        ("Сенаторлар не айтты?", None),
        ("/start", None),
        ("/ask Who owns the land?", Lang.EN),
        ("@atazan_bot Кому принадлежит земля?", None),
        ("ok", None),  # too short to tell
        ("👍", None),
    ],
)
def test_the_language_a_message_is_plainly_written_in(text: str, lang: Lang | None) -> None:
    assert written_in(text) is lang
