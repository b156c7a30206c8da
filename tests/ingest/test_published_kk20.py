"""Forms met on unseen Kazakh articles in session 20, rewritten with invented people.

- 'Президентіміз Қасым-Жомарт Кемелұлы Тоқаев … айтты': "our President" is spoken of in the
  senator's speech; the sentence went to the President, named by his patronymic.
- 'Өз кезегінде олар … қызмет етеміз, деді': "they" (the outgoing deputies) said it, not the
  Senate chair who thanked them.
- 'ҚР Парламент Мәжілісінің депутаттары, … штабтың мүшелері X және Y': a roster name titled a
  Mazhilis deputy (an article from before the person sat in the Senate) made a senator.
- The head of the Senate's staff ('Сенаты аппаратының басшысы X Сенат …') lost his words, a
  surname in '-на' lost its ending ('Рыстина' → 'Рысти'), 'Оның айтуынша' after a named
  non-senator and a bare 'проректор', 'Мәжіліс депутатының айтуынша' were nobody's.
- 'X атап өткендей, …' ('as X noted') framed nothing: the paragraph's later sentences were lost.
- 'Атап айтқанда, X, Y пен Z … ие болды' ('namely') read as a verb of saying.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from retrieval.ingest import SenatorDirectory, parse_bytes
from retrieval.ingest.segment import Context
from retrieval.ingest.senators import Senator
from retrieval.models import ParseResult
from tests.ingest.conftest import CORPUS_DIR, FIXTURES, said, speakers

GENRE = FIXTURES.parent / "genre" / "tune"


def _read(name: str) -> str:
    return (GENRE / name).read_text(encoding="utf-8")


def test_our_president_is_spoken_of(parse: Callable[..., ParseResult]) -> None:
    result = parse(_read("t144_kk_our_president_spoken_of.txt"))
    assert said(result, "Президентіміз Қасым-Жомарт").speakers == []
    assert said(result, "Сенатор конституциялық").speakers == ["Арман Төлегенов"]
    # a Kazakh patronymic between the first name and the surname is no part of the name
    assert said(result, "Өңір тұрғындары").speakers == ["Ерлан Нұрғалиев"]
    assert not any("ұлы" in name for name in speakers(result))


def test_they_said_is_a_group(parse: Callable[..., ParseResult]) -> None:
    result = parse(_read("t145_kk_they_said_after_chair.txt"))
    assert said(result, "Өз кезегінде олар алдағы").speakers == []
    assert said(result, "Өз кезегінде олар жаңа").speakers == []
    assert said(result, "Ол Ата заң жобасын").speakers == ["Болат Жұмағұлов"]


ROSTER = [
    Senator("Галым Серикбаев", kk="Ғалым Серікбаев"),
    Senator("Ерлан Касымов", kk="Ерлан Қасымов"),
]


def test_another_house_title_beats_the_roster(context: Context) -> None:
    ctx = dataclasses.replace(context, directory=SenatorDirectory(ROSTER))
    text = _read("t146_kk_mazhilis_title_on_roster_name.txt").encode()
    result = parse_bytes("t146.txt", text, corpus_dir=CORPUS_DIR, context=ctx)
    assert [m.senators for m in result.corpus.meetings if m.senators] == []
    titled = said(result, "Мәжіліс депутаты Ғалым Серікбаев")
    assert titled.speakers == ["Галым Серикбаев"]
    assert "сенатор" not in titled.roles["Галым Серикбаев"]
    # a roster senator the text does not title so is still one
    senator = parse_bytes(
        "s.txt",
        "date 2026-02-20\nСенатор Ерлан Қасымов тұрғындармен кездесті.\n\n"
        "«Жаңа Конституция жобасы жерді халыққа береді», – деді Ерлан Қасымов.\n".encode(),
        corpus_dir=CORPUS_DIR,
        context=ctx,
    )
    assert [m.senators for m in senator.corpus.meetings] == [["Ерлан Касымов"]]


def test_staff_head_and_a_surname_in_na(parse: Callable[..., ParseResult]) -> None:
    result = parse(_read("t147_kk_staff_head_and_ina_surname.txt"))
    assert [m.senators for m in result.corpus.meetings if m.senators] == []
    for opening in ("ҚР Парламент Сенаты", "Оның айтуынша", "Әр өтінішке", "Біздің сенаторлар"):
        assert said(result, opening).speakers == ["Тимур Ахметжан"], opening
    for opening in ("Бұл туралы университет", "Гүлнар Сапинаның", "Сондай-ақ проректор"):
        assert said(result, opening).speakers == ["Гүлнар Сапина"], opening
    # "Бұл туралы …" ("about this") is no part of her role
    role = said(result, "Бұл туралы университет").roles["Гүлнар Сапина"]
    assert "проректор" in role and "туралы" not in role


def test_as_the_senator_noted_frames_the_paragraph(parse: Callable[..., ParseResult]) -> None:
    result = parse(_read("t148_kk_as_senator_noted_frame.txt"))
    assert said(result, "Бұл қадамның басты").speakers == ["Айгерім Сұлтанова"]


def test_namely_is_no_verb_of_saying(parse: Callable[..., ParseResult]) -> None:
    result = parse(_read("t149_kk_namely_list_no_saying.txt"))
    given = [s for s in result.corpus.statements() if s.speakers]
    assert not any(s.text.startswith("Атап айтқанда") for s in given)
    assert said(result, "Сенатор Нұрбек Сейілов").speakers == ["Нұрбек Сейілов"]
