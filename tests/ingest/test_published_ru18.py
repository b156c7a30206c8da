"""Forms met in session 18's published Russian and English articles (invented people and words;
the releases are the genre suite's t110–t114)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from retrieval.ingest.build import ParseResult
from tests.ingest.conftest import said

TUNE = Path(__file__).parent / "genre" / "tune"


def _release(parse: Callable[..., ParseResult], name: str) -> ParseResult:
    return parse((TUNE / name).read_text(encoding="utf-8"), name)


def test_another_speakers_report_going_on_is_not_the_senators(
    parse: Callable[..., ParseResult],
) -> None:
    english = _release(parse, "t110_en_other_speaker_report_goes_on.txt")
    assert said(english, "Member of the Central Election").speakers == ["Bolat Sarsenov"]
    assert said(english, "Voters need to come").speakers == []
    assert said(english, "The new article removes").speakers == ["Aigerim Nurtayeva"]
    russian = _release(parse, "t111_ru_other_speaker_report_goes_on.txt")
    assert said(russian, "Член территориальной").speakers == ["Ержан Кайратов"]
    assert said(russian, "Голосование на референдуме").speakers == []


def test_a_frame_naming_another_post_is_not_the_senators(
    parse: Callable[..., ParseResult],
) -> None:
    result = _release(parse, "t112_ru_frame_names_another_post.txt")
    assert said(result, "По словам Главы государства").speakers == []
    assert said(result, "Он пояснил, что день").speakers == ["Ерлан Жаксыбеков"]
    # a frame naming the senator's own post, or a pronoun, stays the senator's
    senator = parse(
        "date 2026-03-06\nСенатор провел встречу\n\nДепутат Сената Ерлан Жаксыбеков провел "
        "встречу с жителями Сатпаева.\n\nПо словам сенатора, новая Конституция закрепляет "
        "права граждан.\n"
    )
    assert said(senator, "По словам сенатора").speakers == ["Ерлан Жаксыбеков"]


def test_an_embedded_posts_text_is_dropped_and_the_recap_after_it_is_nobodys(
    parse: Callable[..., ParseResult],
) -> None:
    result = _release(parse, "t113_ru_instagram_embed_then_recap.txt")
    texts = [s.text for s in result.corpus.statements()]
    assert not [t for t in texts if "Instagram" in t or "Токаев" in t]
    assert said(result, "Дорогие земляки!").speakers == ["Айгуль Темирбекова"]


def test_a_senate_post_and_an_agency_tail_keep_the_lead_a_statement(
    parse: Callable[..., ParseResult],
) -> None:
    result = _release(parse, "t114_ru_post_title_and_sourcing_tail.txt")
    assert said(result, "Заместитель председателя Сената").speakers == ["Динара Сейтжанова"]
    assert said(result, "Сенатор Нурлан Темирханов").speakers == ["Нурлан Темирханов"]


def test_a_page_link_on_the_date_line_is_no_title(parse: Callable[..., ParseResult]) -> None:
    result = _release(parse, "t114_ru_post_title_and_sourcing_tail.txt")
    title = result.corpus.documents[0].title
    assert title.startswith("Заместитель председателя Сената поддержала")
