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
