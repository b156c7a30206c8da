"""Forms met on unseen Kazakh articles in session 19, rewritten with invented people.

- 'Мәжіліс спикері … атап өтті', 'Мәслихат төрағасы … жеткізді': another house's post opening a
  Kazakh clause is someone else, never the meeting's senator (both went to the senator).
- 'Халық Кеңесінің' (the draft's People's Council) was read as a person: it became a senator
  beside the real one and took sentences that were not its own.
- 'X №… учаскеде дауыс берді': polling day's act is no statement of X's.
- Speech with no opening mark, citing a saying in «…» and closed by '…, – деп атап өтті ол.',
  and the lead's '… X осылай деп мәлімдеді' were lost; so were a framed paragraph's sentences
  that open on a group ('Егер азаматтар жобаны қолдаса, …') and 'тілге тиек етті'.
"""

from __future__ import annotations

from collections.abc import Callable

from retrieval.models import ParseResult
from tests.ingest.conftest import FIXTURES, said, speakers

GENRE = FIXTURES.parent / "genre" / "tune"


def _read(name: str) -> str:
    return (GENRE / name).read_text(encoding="utf-8")


def test_another_houses_post_is_not_the_senator(parse: Callable[..., ParseResult]) -> None:
    result = parse(_read("t140_kk_other_house_post_subject.txt"))
    assert said(result, "Мәжіліс спикері").speakers == []
    assert said(result, "Мәслихат төрағасы").speakers == []
    assert said(result, "Сенатор азаматтарды").speakers == ["Айдар Мұқашев"]


def test_peoples_council_is_no_person(parse: Callable[..., ParseResult]) -> None:
    result = parse(_read("t141_kk_peoples_council_no_name.txt"))
    assert [m.senators for m in result.corpus.meetings] == [["Гүлжан Тоқтарова"]]
    assert not any("Кеңесі" in name for name in speakers(result))
    assert said(result, "Депутат Халық Кеңесінің").speakers == ["Гүлжан Тоқтарова"]
    # a real first name 'Кеңес' before a surname is still a person
    assert said(result, "Кеңес Сәрсенов").speakers == ["Кеңес Сәрсенов"]


def test_casting_a_vote_is_no_statement(parse: Callable[..., ParseResult]) -> None:
    result = parse(_read("t142_kk_voting_act_no_statement.txt"))
    given = [s.text for s in result.corpus.statements() if s.speakers]
    assert not any("дауыс берді" in text for text in given)
    assert said(result, "Бүгін әр азаматтың").speakers == ["Нұржан Әлімов"]


def test_speech_citing_a_saying_and_a_thus_said_lead(parse: Callable[..., ParseResult]) -> None:
    result = parse(_read("t143_kk_speech_citing_a_saying.txt"))
    speech = said(result, "Төле би әділдікті")
    assert speech.kind == "quote" and speech.speakers == ["Бекзат Оразов"]
    assert "Ел болмақ" in speech.text  # the saying stays inside the speech
    lead = said(result, "Ата заңға енетін өзгерістер")
    assert "Сондықтан әр азаматқа" in lead.text and lead.speakers == ["Бекзат Оразов"]
    assert said(result, "Егер азаматтар жобаны").speakers == ["Бекзат Оразов"]
    assert said(result, "Сенатор өз сөзінде").speakers == ["Бекзат Оразов"]
