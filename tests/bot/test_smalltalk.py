"""Which messages are a courtesy rather than a question (`bot.ui.smalltalk`)."""

from __future__ import annotations

import pytest

from bot.ui.smalltalk import Courtesy, courtesy, courtesy_language

GREETING, CLOSING, MORE = Courtesy.GREETING, Courtesy.CLOSING, Courtesy.MORE


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
        ("ещё", MORE),
        ("Покажи еще, пожалуйста", MORE),
        ("Тағы көрсетіңіз", MORE),
        ("more please", MORE),
        ("Ещё вопрос: что с землёй?", None),
        ("Тағы не айтты?", None),
        ("more about land", None),
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
    ("text", "language"),
    [("Сәлеметсіз бе?", "kk"), ("Добрый день!", "ru"), ("Good morning", "en"),
     ("Көп рахмет", "kk"), ("Салем", None), ("ок", None), ("Hi, привет", None), ("тағы", "kk"),
     ("more", "en")],
)  # fmt: skip
def test_the_language_of_a_courtesy(text: str, language: str | None) -> None:
    assert courtesy_language(text) == language
