"""'X. Бұл туралы сенатор Y мәлімдеді.' / 'X. Об этом заявил сенатор Y.' / 'X. This was stated
by Senator Y.': an agency lead whose words are the sentence before the one naming the speaker.
The words were lost (narrative before the senator is named is nobody's) and the statement kept
was only 'this was said by Y' (real-article round, session 16). Invented people throughout."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.ingest.build import ParseResult

KK = """date 2026-02-16
Сенат депутаты: Ата заң жобасы азаматтардың үнін ескерді

Жаңа Ата заң жобасы – әр азаматтың пікірімен толыққан ортақ құжат. Бұл туралы ҚР Парламенті \
Сенатының депутаты Ерғали Тұрсынов «Ашық алаң» онлайн кездесуі барысында мәлімдеді.

Оның сөзінше, жобада жергілікті өзін-өзі басқарудың рөлі күшейтілген.
"""

RU = """date 2026-02-16
Сенатор: проект Основного закона учел голос граждан

Проект нового Основного закона – общий документ, дополненный мнением каждого гражданина. Об \
этом заявил депутат Сената Парламента РК Ергали Турсынов в ходе онлайн-встречи «Открытая \
площадка».

По его словам, в проекте усилена роль местного самоуправления.
"""

EN = """date 2026-02-16
Senator: draft Basic Law heard citizens' voices

The draft Basic Law is a shared document filled out by every citizen's opinion. This was stated \
by Senator Yergali Tursynov during the "Open Platform" online meeting.

According to him, the draft strengthens the role of local self-government.
"""


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (KK, "Жаңа Ата заң жобасы – әр азаматтың", "Ерғали Тұрсынов"),
        (RU, "Проект нового Основного закона – общий", "Ергали Турсынов"),
        (EN, "The draft Basic Law is a shared", "Yergali Tursynov"),
    ],
)
def test_the_sentence_before_this_was_said_is_the_speakers(
    parse: Callable[..., ParseResult], text: str, words: str, speaker: str
) -> None:
    statements = parse(text).corpus.statements()
    [claim] = [s for s in statements if words in s.text]
    assert claim.speakers == [speaker]
    assert len(statements) == 2  # the claim (with whose it is) and the next sentence


def test_a_sentence_naming_someone_else_is_not_taken(parse: Callable[..., ParseResult]) -> None:
    """'Аким Y отметил рост бюджета. Об этом заявил сенатор X.': Y's sentence stays out of X's."""
    statements = parse(
        """date 2026-02-16
Сенатор Ергали Турсынов встретился с жителями Аркалыка.

Аким города Серик Нурланов отметил рост местного бюджета. Об этом также заявил сенатор Ергали \
Турсынов на встрече.
"""
    ).corpus.statements()
    assert not any(
        "Нурланов" in s.text and s.speakers == ["Ергали Турсынов"] for s in statements
    ), [(s.text, s.speakers) for s in statements]
