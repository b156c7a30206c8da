"""Forms met on unseen Kazakh articles in session 20's second Kazakh round, rewritten with
invented people.

- 'Сондай-ақ коалиция мүшелері … атап өтті' went to one coalition member named earlier: a role
  in the Kazakh plural ('мүшелері', 'депутаттары', 'өкілдері') is a group, never its one member
  (found while writing the fixture; a wrong attribution on the old code).
- 'Мәжіліс депутаты, заң ғылымдарының докторы X Y Конституциялық реформа комиссиясының …': a
  degree set between the role and the name hid the role, and the capitalised word after a name
  with no surname shape ('Шапақ') was taken for the surname, so her words were nobody's.
- 'X … тоқталды. Сондай-ақ … атап өтті.' with others at the meeting: the sentence with no
  subject of its own goes on with the senator named before (it was anyone's, so nobody's).
- 'Суббота, 07 Февраля 2026' over a Kazakh article: the weekday hid the date, and the line was
  taken for the headline.
- 'X. X2. Мұндай пікірді сенатор Y … айтты.' ("such a view"): the sentences before were nobody's.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from retrieval.models import ParseResult
from tests.ingest.conftest import FIXTURES, said

GENRE = FIXTURES.parent / "genre" / "tune"


def _read(name: str) -> str:
    return (GENRE / name).read_text(encoding="utf-8")


def test_a_plural_role_is_a_group(parse: Callable[..., ParseResult]) -> None:
    result = parse(_read("t157_kk_also_said_no_subject.txt"))
    assert said(result, "Сондай-ақ коалиция мүшелері").speakers == []


def test_also_with_no_subject_is_the_senator_named_before(
    parse: Callable[..., ParseResult],
) -> None:
    result = parse(_read("t157_kk_also_said_no_subject.txt"))
    assert said(result, "Кездесуде алғаш сөз алған").speakers == ["Ғабит Тұрсынбек"]
    assert said(result, "Сондай-ақ комиссияға келген").speakers == ["Ғабит Тұрсынбек"]


def test_a_degree_between_role_and_name(parse: Callable[..., ParseResult]) -> None:
    result = parse(_read("t156_kk_degree_apposition_deputy.txt"))
    for opening in ("Парламент Мәжілісінің депутаты, заң", "Оның айтуынша, преамбуладағы"):
        statement = said(result, opening)
        assert statement.speakers == ["Әсел Жарқын"], opening
        assert statement.roles["Әсел Жарқын"] == "Парламент Мәжілісінің депутаты"
    assert [m.senators for m in result.corpus.meetings] == [["Қайрат Оспанов"]]


def test_a_degree_in_russian_keeps_the_role(parse: Callable[..., ParseResult]) -> None:
    text = (
        "Депутат Мажилиса Парламента, доктор юридических наук Дина Жаркын выступила на заседании "
        "комиссии. Она отметила, что преамбула объединяет всех граждан.\n"
    )
    statement = said(parse(text), "Она отметила")
    assert statement.speakers == ["Дина Жаркын"]
    assert statement.roles["Дина Жаркын"] == "Депутат Мажилиса Парламента"  # it was empty


def test_a_weekday_before_the_date(parse: Callable[..., ParseResult]) -> None:
    result = parse(_read("t158_kk_weekday_date_bar.txt"))
    document = result.corpus.documents[0]
    assert document.date == datetime.date(2026, 2, 14)
    assert document.title.startswith("Жаңа Конституция азаматтың құқығын")
    assert said(result, "Жаңа Ата заңда азаматтың").speakers == ["Сәуле Ермекова"]


def test_such_a_view_claims_the_lead(parse: Callable[..., ParseResult]) -> None:
    result = parse(_read("t159_kk_such_view_claims_lead.txt"))
    lead = said(result, "Жаңа Конституция Құрылтай комитеттерінің")
    assert lead.speakers == ["Марат Тілеубаев"]
    assert "Сондықтан жобаны бүкілхалықтық" in lead.text
