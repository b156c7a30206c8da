"""Forms met in session 16's published Russian articles (invented people and words)."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.ingest.build import ParseResult
from tests.ingest.conftest import said

PARTICIPANTS_LIST = (
    "date 2026-02-12\nНа заводе обсудили проект Конституции\n\n"
    "На Павлодарском алюминиевом заводе состоялась встреча, посвященная проекту новой "
    "Конституции. В ней приняли участие председатель областного маслихата, член Комиссии по "
    "конституционной реформе Айгуль Нурланова, депутат областного маслихата Ерик Омаров и "
    "трудовой коллектив предприятия.\n\n"
    "В начале встречи Айгуль Нурланова отметила, что в проекте закреплены гарантии безопасных "
    "условий труда.\n"
)


def test_a_role_is_never_read_from_the_next_person_in_a_list(
    parse: Callable[..., ParseResult],
) -> None:
    statement = said(parse(PARTICIPANTS_LIST), "В начале встречи")
    assert statement.speakers == ["Айгуль Нурланова"]
    assert "Омаров" not in statement.roles["Айгуль Нурланова"]


MIXED_DELEGATION = (
    "date 2026-02-20\n"
    "Члены коалиции обсудили новую Конституцию с горняками\n"
    "\n"
    "Члены Общенациональной коалиции обсудили с жителями Павлодарской области положения "
    "проекта новой Конституции.\n"
    "\n"
    "В состав делегации вошли сенатор Арман Жумагулов, депутаты Мажилиса Данияр Сагинтаев "
    "и Ерик Омаров, а также депутаты областного маслихата.\n"
    "\n"
    "Члены коалиции встретились с коллективом разреза «Северный». На предприятии были "
    "подробно разъяснены изменения, касающиеся трудовых и социальных прав работников.\n"
    "\n"
    "«Новая Конституция защищает право на справедливую оплату труда», – сказал сенатор "
    "Арман Жумагулов.\n"
    "\n"
    "– Права горняков будут защищены законом, – добавил депутат.\n"
)

SENATOR_WITH_AKIM = (
    "date 2026-02-20\n"
    "Сенатор встретился с аграриями\n"
    "\n"
    "Сенатор Арман Жумагулов встретился с аграриями Щербактинского района. Во встрече "
    "участвовал аким района Ерик Омаров.\n"
    "\n"
    "Сенатор отметил, что проект новой Конституции закрепляет право частной собственности "
    "на землю.\n"
)


def test_passive_narrative_of_a_mixed_delegation_is_nobodys(
    parse: Callable[..., ParseResult],
) -> None:
    result = parse(MIXED_DELEGATION)
    assert said(result, "На предприятии были подробно разъяснены").speakers == []
    assert said(result, "Новая Конституция защищает").speakers == ["Арман Жумагулов"]
    assert said(result, "Права горняков").speakers == []  # any of the delegation's deputies


def test_a_senator_word_still_names_the_senator_beside_an_akim(
    parse: Callable[..., ParseResult],
) -> None:
    result = parse(SENATOR_WITH_AKIM)
    assert said(result, "Сенатор отметил").speakers == ["Арман Жумагулов"]


OPINION_AFTER = (
    "date 2026-03-03\n"
    "Сенатор обсудил новую Конституцию с фермерами\n"
    "\n"
    "Конституционная реформа открывает новые возможности для развития сельских "
    "территорий. Такое мнение высказал сенатор Арман Жумагулов во время встречи с "
    "фермерами Павлодарской области.\n"
    "\n"
    '"Новая Конституция закрепляет ответственность государства перед жителями села. '
    "Земля остается достоянием народа.\n"
)


def test_an_opinion_named_after_it_is_given_is_the_named_senators(
    parse: Callable[..., ParseResult],
) -> None:
    result = parse(OPINION_AFTER)
    assert said(result, "Конституционная реформа открывает").speakers == ["Арман Жумагулов"]
    texts = [s.text for s in result.corpus.statements()]
    assert not [t for t in texts if t.startswith("Такое мнение")]


FLAT_HEADER = (
    "Сенатор встретился с педагогами Конституционная реформа 28 февраля 2026 г. 6:00 12 "
    "Айдана Серикова О роли образования шла речь на встрече сенатора Армана Жумагулова с "
    "учителями Экибастуза. Сенатор отметил, что проект новой Конституции закрепляет гарантии "
    "бесплатного среднего образования."
)


def test_the_stamp_of_a_page_header_flattened_onto_one_line_dates_the_release(
    parse: Callable[..., ParseResult],
) -> None:
    result = parse(FLAT_HEADER)
    document = result.corpus.documents[0]
    assert str(document.date) == "2026-02-28"
    assert document.title.startswith("Сенатор встретился с педагогами")
    assert said(result, "Сенатор отметил").speakers == ["Арман Жумагулов"]


MEETING_NAMED_WITH_ITS_SENATOR = (
    "date 2026-02-28\nСенаторы разъясняют Конституцию\n\n"
    "О том, что новая Конституция формирует основу развития образования, шла речь на встрече "
    "сенатора Армана Жумагулова с представителями интеллигенции и работников образования "
    "Караганды. Сенатор отметил, что проект закрепляет гарантии бесплатного среднего "
    "образования.\n"
)


def test_a_meeting_named_with_its_senator_between_gives_its_place(
    parse: Callable[..., ParseResult],
) -> None:
    result = parse(MEETING_NAMED_WITH_ITS_SENATOR)
    (meeting,) = result.corpus.meetings
    assert meeting.place == "Караганда"
    assert said(result, "О том, что новая Конституция").speakers == ["Арман Жумагулов"]
