"""Forms met in session 19's published Russian and English articles (invented people and words;
the releases are the genre suite's t115–t117)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from retrieval.ingest.build import ParseResult
from tests.ingest.conftest import said

TUNE = Path(__file__).parent / "genre" / "tune"


def _release(parse: Callable[..., ParseResult], name: str) -> ParseResult:
    return parse((TUNE / name).read_text(encoding="utf-8"), name)


def _speakers_of(result: ParseResult, words: str) -> list[list[str]]:
    """The speakers of every statement holding these words."""
    return [s.speakers for s in result.corpus.statements() if words in s.text]


def test_a_flattened_pages_tailless_dash_speech_is_nobodys(
    parse: Callable[..., ParseResult],
) -> None:
    result = _release(parse, "t115_ru_flattened_dash_speech_no_tail.txt")
    # one of the two senators said it, the page does not say which: never both of them
    assert _speakers_of(result, "Речь идет о гарантиях") == [[]]
    assert said(result, "Каждая норма Конституции").kind == "quote"


def test_a_flattened_headers_photo_credit_ends_it_and_the_lead_is_read(
    parse: Callable[..., ParseResult],
) -> None:
    result = _release(parse, "t115_ru_flattened_dash_speech_no_tail.txt")
    assert said(result, "О том, как новые").speakers == ["Гульнара Сейтова", "Бахыт Оразов"]
    assert result.corpus.documents[0].title.startswith("Депутаты о Конституции")
    texts = " ".join(s.text for s in result.corpus.statements())
    assert "Аскар Нурланов" not in texts and "фото" not in texts


def test_a_long_english_senate_title_before_a_list_makes_each_a_senator(
    parse: Callable[..., ParseResult],
) -> None:
    result = _release(parse, "t116_en_senate_deputies_long_title.txt")
    meeting = result.corpus.meetings[0]
    assert meeting.senators == ["Aidar Bekov", "Saule Mukanova", "Timur Rakhimov"]
    assert said(result, "The new Constitution guarantees").speakers == ["Aidar Bekov"]


def test_the_agent_after_a_verb_of_saying_is_no_co_speaker(
    parse: Callable[..., ParseResult],
) -> None:
    english = _release(parse, "t116_en_senate_deputies_long_title.txt")
    assert said(english, "Welcoming the guests").speakers == ["Daniyar Omarov"]
    russian = _release(parse, "t117_ru_agent_after_speech_verb.txt")
    assert said(russian, "Приветствуя гостей").speakers == ["Марат Касенов"]
    assert said(russian, "Новая Конституция открывает").speakers == ["Ерлан Ергалиев"]
    # the speaker named after the verb in the nominative still speaks
    inverted = parse(
        "date 2026-03-02\nВстреча\n\nДепутат Сената Ерлан Ергалиев встретился с жителями "
        "Экибастуза.\n\nКак отметили ректор Марат Касенов и сенатор Ерлан Ергалиев, новая "
        "Конституция расширяет права молодежи.\n"
    )
    assert set(said(inverted, "Как отметили").speakers) == {"Марат Касенов", "Ерлан Ергалиев"}
