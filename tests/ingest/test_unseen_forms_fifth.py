"""Forms found by a retrieval measurement on 20 published articles (session 14; read, never
copied; invented people here): a headline about senators run into a lead that opens with "Жаңа
Конституция", a Mazhilis deputy in an article about both chambers, an interview's lead naming
the senator it talks with."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.ingest.build import ParseResult
from retrieval.ingest.roles import bare_deputy_is_senator
from tests.ingest.conftest import said, speakers

NEW_CONSTITUTION = """date 2026-02-18
Конституциялық реформа: сенаторлар ел арасында
Жаңа Конституция жобасын түсіндіру үшін сенаторлар өңірлерге аттанды.

Сенатор Ержан Тоқсанбаев Қызылорда облысында болды. Жаңа Конституция жобасының ережелерін \
түсіндіруге баса назар аударылды.

Сенатор Құрылтай мен Халық Кеңесінің дамуына ерекше назар аударды.
"""


def test_the_new_constitution_is_no_senator(parse: Callable[..., ParseResult]) -> None:
    """A headline on senators with the lead run into it ("… сенаторлар ел арасында ¶ Жаңа
    Конституция …") made «Жаңа Конституция» a senator, and a co-speaker of the real one."""
    result = parse(NEW_CONSTITUTION)
    assert [m.senators for m in result.corpus.meetings] == [["Ержан Тоқсанбаев"]]
    assert said(result, "Сенатор Құрылтай").speakers == ["Ержан Тоқсанбаев"]


TWO_CHAMBERS = """date 2026-02-06
Жиынға Сенат пен Мәжіліс депутаттары, сарапшылар қатысты.

Отырысты ашқан фракция жетекшісі, депутат Бауыржан Сейтқалиев жаңа Конституция жобасы туралы \
айтты.

– Жоба мемлекеттік саясаттың жаңа бағдарын айқындайды, – деді мәжілісмен.
"""


def test_a_bare_deputy_beside_both_chambers_is_no_senator(
    parse: Callable[..., ParseResult],
) -> None:
    """ "Сенат пен Мәжіліс депутаттары" attended: a bare "депутат X" may be either; he was made a
    senator because the article names the Senate."""
    result = parse(TWO_CHAMBERS)
    assert not any(m.senators for m in result.corpus.meetings)
    assert bare_deputy_is_senator("Сенатор Х встретился с жителями. Депутат Y отметил …")
    assert not bare_deputy_is_senator("Сенат пен Мәжіліс депутаттары қатысты. Депутат Y …")
    assert not bare_deputy_is_senator("Депутат маслихата Y отметил …")


INTERVIEW = """date 2026-01-17
Быть институтом народовластия

Парламентская реформа перестает быть абстрактной идеей. Эксперты говорят, что система \
дозрела до этих изменений. Об этом наше интервью с депутатом Сената Парламента РК Тимуром \
Жандосовым.

– Однопалатный Курултай сделает законы понятнее, – ответил сенатор.
"""


def test_the_senator_an_interview_is_with_says_nothing_in_its_lead(
    parse: Callable[..., ParseResult],
) -> None:
    """ "Об этом наше интервью с депутатом Сената X" is the journalist's line: it was X's."""
    result = parse(INTERVIEW)
    assert said(result, "Об этом наше интервью").speakers == []
    assert said(result, "Однопалатный Курултай").speakers == ["Тимур Жандосов"]
    assert "Тимур Жандосов" in speakers(result)
