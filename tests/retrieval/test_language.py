"""The language a question is written in: the bot replies in it (unless one was chosen)."""

from __future__ import annotations

import pytest

from retrieval.language import question_language
from retrieval.search import SearchService


@pytest.mark.parametrize(
    ("question", "language"),
    [("Что будет с пенсиями?", "ru"),
     ("Что сказал Әшімбаев о земле?", "ru"),  # a Kazakh name in a Russian question
     ("Жер кімге тиесілі?", "kk"),
     ("Жер кимге тиесили?", "kk"),  # Kazakh typed without its own letters
     ("Мұғалімдердің мәртебесі", "kk"),  # no function word: its letters say Kazakh
     ("Пенсия туралы не айтты?", "kk"),  # a Russian loan word in a Kazakh question
     ("What about the death penalty?", "en"),
     ("Земля народу", None),  # Russian or Kazakh: nothing tells
     ("Kurultai", None),
     ("Povysyat li pensionnyy vozrast?", None),  # Latin letters, no English word
     ("depýtattar esep bere me", "kk"),  # the 2018 Kazakh Latin letters
     ("2026?", None)],
)  # fmt: skip
def test_language_of_a_question_as_typed(question: str, language: str | None) -> None:
    assert question_language(question, question) == language


def test_a_latin_question_read_as_cyrillic_takes_the_readings_language() -> None:
    assert question_language("Jer kimge tiesili?", "жер кимге тиесили?") == "kk"
    assert question_language("Pochemu parlament?", "почему парламент?") == "ru"


async def test_every_answer_carries_its_questions_language(service: SearchService) -> None:
    assert (await service.search("Что говорили про брак?")).language == "ru"
    assert (await service.search("Неке туралы не айтылды?")).language == "kk"
    assert (await service.search("What about the weather in Paris?")).language == "en"
    assert (await service.search("Земля народу")).language is None
