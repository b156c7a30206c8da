"""«он» after a sentence that named only someone else, in an oblique case (invented people): the
pronoun may be that person or the meeting's senator, so the words stay unattributed — before,
they went to the senator (a wrong attribution when the other person spoke)."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.ingest.build import ParseResult
from tests.ingest.conftest import said

FLOOR_GIVEN = """date 2026-02-27
Сенатор Тимур Есенгельдин встретился с жителями Аральска.

– Референдум касается каждого, – сказал Тимур Есенгельдин.

Затем слово предоставили Нурлану Касенову.

– Суды станут независимее, – сказал он.

Он также отметил, что прокуратура будет подотчетна.
"""


def test_a_pronoun_after_an_oblique_name_is_nobodys(parse: Callable[..., ParseResult]) -> None:
    result = parse(FLOOR_GIVEN)
    assert said(result, "Референдум касается").speakers == ["Тимур Есенгельдин"]
    assert said(result, "Суды станут").speakers == []
    assert said(result, "Он также отметил").speakers == []


def test_a_senator_named_again_takes_the_pronoun_back(parse: Callable[..., ParseResult]) -> None:
    """A later sentence naming the senator in the nominative ends the doubt."""
    text = (
        FLOOR_GIVEN
        + "\nТимур Есенгельдин ответил на вопросы.\n\n– Земля принадлежит народу, – сказал он.\n"
    )
    assert said(parse(text), "Земля принадлежит").speakers == ["Тимур Есенгельдин"]


def test_a_senator_role_word_keeps_the_pronoun_the_senators(
    parse: Callable[..., ParseResult],
) -> None:
    """'Сенатор поблагодарил акима …' has the senator as its subject: «он» is the senator."""
    text = """date 2026-02-27
Сенатор Тимур Есенгельдин встретился с жителями Аральска.

Сенатор поблагодарил акима района Нурлана Касенова за организацию встречи.

– Конституция защищает права граждан, – сказал он.
"""
    assert said(parse(text), "Конституция защищает").speakers == ["Тимур Есенгельдин"]


SAME_PARAGRAPH = """date 2026-03-04
Сенатор Бекжан Сатыбалдиев встретился с жителями Шиели.

Затем выступила Айгерим Оспанова. – Наши студенты изучают проект, – сказала она.

Слово предоставили Гульнар Мырзахметовой. – Медики поддержат проект, – сказала она.
"""


def test_the_narrative_before_a_quote_in_its_paragraph_decides_the_pronoun(
    parse: Callable[..., ParseResult],
) -> None:
    """The paragraph's quotes were read before its narrative, so «она» went to whoever the
    paragraph before named: the senator, then Айгерим Оспанова for Гульнар's words."""
    result = parse(SAME_PARAGRAPH)
    assert said(result, "Наши студенты").speakers == ["Айгерим Оспанова"]
    assert said(result, "Медики поддержат").speakers == []
