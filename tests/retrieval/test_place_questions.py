"""Questions like "what was said at the meeting in X": meeting and place words are not the
subject; a place named in Latin letters is the same place."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from retrieval.ingest.regions import region_of, regions_named
from retrieval.models import Meeting, Statement
from retrieval.search import SearchService
from tests.fake_embedder import FakeEmbedder

from .conftest import FAKE_CALIBRATION, make_corpus, make_resources

CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpus"


@pytest.mark.parametrize(
    "question",
    [
        "Что обсуждали на встрече в Таскалинском районе?",
        "Таскалинский ауданындағы кездесуде не айтылды?",
        "What was said at the meeting in ZKO?",
    ],
)
async def test_meeting_words_leave_the_place_as_the_question(
    service: SearchService, question: str
) -> None:
    answer = await service.search(question)
    assert answer.answered
    assert {hit.meeting.id for hit in answer.hits} == {"m3"}


@pytest.mark.parametrize(
    ("place", "question"),
    [
        ("Қарағанды", "Что говорили в Караганде о пенсиях?"),
        ("Караганда", "Қарағандыда зейнетақы туралы не айтылды?"),
    ],
)
async def test_a_place_spelt_in_the_other_language_is_the_same_place(
    place: str, question: str
) -> None:
    pensions = _pension_meetings(
        ("here", place, "Пенсии будут индексироваться, зейнетақы төмендемейді."),
        ("elsewhere", "Павлодар", "Пенсии будут индексироваться ежегодно, зейнетақы өседі."),
    )
    base = make_corpus()
    corpus = base.model_copy(update={"meetings": [*base.meetings, *pensions]})
    svc = SearchService.from_corpus(
        corpus, FakeEmbedder(), make_resources(), calibration=FAKE_CALIBRATION
    )
    answer = await svc.search(question)
    await svc.close()
    assert answer.answered
    assert {hit.meeting.id for hit in answer.hits} == {"here"}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Что говорили в Орале о пенсиях?", {"uralsk"}),
        ("Оралда зейнетақы туралы не айтылды?", {"uralsk"}),
        ("Что говорили в Семее о пенсиях?", {"semey"}),
        # "семей" (families) in lower case names no town: both meetings stay in play
        ("Как пенсии защищают семей?", {"uralsk", "semey"}),
    ],
)
async def test_a_town_spelt_otherwise_names_the_meetings_of_its_region(
    question: str, expected: set[str]
) -> None:
    """Орал is Уральск, Семей may be reported as Семипалатинск: the gazetteer knows the region."""
    pensions = _pension_meetings(
        ("uralsk", "Уральск", "Пенсии будут индексироваться, семьи защищены."),
        ("semey", "Семипалатинск", "Пенсии будут расти ежегодно, семьи защищены законом."),
    )
    base = make_corpus()
    corpus = base.model_copy(update={"meetings": [*base.meetings, *pensions]})
    resources = replace(
        make_resources(),
        region_of=lambda place: region_of(place, corpus_dir=CORPUS_DIR),
        regions_named=lambda text: regions_named(text, corpus_dir=CORPUS_DIR),
    )
    svc = SearchService.from_corpus(corpus, FakeEmbedder(), resources, calibration=FAKE_CALIBRATION)
    answer = await svc.search(question)
    await svc.close()
    assert answer.answered
    assert {hit.meeting.id for hit in answer.hits} == expected


def _pension_meetings(*meetings: tuple[str, str, str]) -> list[Meeting]:
    """One senator's meetings with pensioners: (id, place, the statement's text) each."""
    return [
        Meeting(
            id=mid,
            document_id="d1",
            date=date(2026, 3, 7),
            senators=["Бибигуль Жексенбай"],
            place=where,
            audience=["пенсионеры"],
            statements=[
                Statement(
                    id=f"{mid}-s0",
                    meeting_id=mid,
                    kind="quote",
                    text=text,
                    speakers=["Бибигуль Жексенбай"],
                )
            ],
        )
        for mid, where, text in meetings
    ]
