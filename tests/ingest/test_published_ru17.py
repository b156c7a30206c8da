"""Forms met in session 17's published Russian and English articles (invented people and words;
the releases are the genre suite's t93–t95)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from retrieval.ingest.build import ParseResult
from tests.ingest.conftest import said

TUNE = Path(__file__).parent / "genre" / "tune"


def _release(parse: Callable[..., ParseResult], name: str) -> ParseResult:
    return parse((TUNE / name).read_text(encoding="utf-8"), name)


def _quoted_by(result: ParseResult, opening: str) -> tuple[list[str], str]:
    """The speakers and text of the one direct quote opening with `opening`."""
    statement = said(result, opening)
    assert statement.kind == "quote", statement
    return statement.speakers, statement.text


def test_those_who_spoke_as_a_group_are_not_the_one_senator(
    parse: Callable[..., ParseResult],
) -> None:
    result = _release(parse, "t93_ru_speakers_plural_participle.txt")
    assert said(result, "По итогам встречи выступающие").speakers == []
    assert said(result, "Марат Ерланович подробно").speakers == ["Марат Сейтказиев"]


def test_a_turned_closing_guillemet_and_a_name_only_tail_keep_the_quote(
    parse: Callable[..., ParseResult],
) -> None:
    result = _release(parse, "t94_ru_turned_guillemet_name_tail.txt")
    speakers, text = _quoted_by(result, "В новой редакции на первом месте")
    assert speakers == ["Ерлан Бектасов"] and text.endswith("расширены")
    assert _quoted_by(result, "Для нас важны нормы")[0] == ["Айгерим Сейтова"]


def test_a_straight_opening_mark_closed_by_a_curly_one_is_one_quote(
    parse: Callable[..., ParseResult],
) -> None:
    result = _release(parse, "t95_en_straight_open_curly_close.txt")
    speakers, text = _quoted_by(result, "The draft was discussed with citizens")
    assert speakers == ["Aizhan Temirova"] and "thousands of proposals" in text


def test_the_deputies_of_the_senate_before_a_list_are_all_senators(
    parse: Callable[..., ParseResult],
) -> None:
    result = _release(parse, "t95_en_straight_open_curly_close.txt")
    (meeting,) = result.corpus.meetings
    assert meeting.senators == ["Nurbol Kassymov", "Aizhan Temirova"]


def test_a_channels_name_after_the_date_is_no_text_and_the_headline_titles(
    parse: Callable[..., ParseResult],
) -> None:
    result = _release(parse, "t101_en_masthead_on_date_line.txt")
    assert result.corpus.documents[0].title.startswith("Senator calls on young voters")
    assert not [s for s in result.corpus.statements() if "Телерадиокомпания" in s.text]


def test_a_participle_after_its_noun_is_no_group_of_speakers(
    parse: Callable[..., ParseResult],
) -> None:
    # "нормы, направленные на …" qualifies its noun: the sentence is the senator's narrative
    result = parse(
        "date 2026-02-13\nСенатор обсудил проект Конституции\n\nСенатор Марат Сейтказиев "
        "обсудил проект новой Конституции с жителями Степногорска.\n\nПомимо этого, в проекте "
        "закреплены гарантии развития науки и образования, а также нормы, направленные на "
        "укрепление единства общества.\n"
    )
    assert said(result, "Помимо этого, в проекте").speakers == ["Марат Сейтказиев"]
