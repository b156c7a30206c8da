"""Questions like "what was said at the meeting in X": meeting and place words are not the
subject; a place named in Latin letters is the same place."""

from __future__ import annotations

from datetime import date

import pytest

from retrieval.models import Meeting, Statement
from retrieval.search import SearchService
from tests.fake_embedder import FakeEmbedder

from .conftest import FAKE_CALIBRATION, make_corpus, make_resources


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
    pensions = [
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
        for mid, where, text in (
            ("here", place, "Пенсии будут индексироваться, зейнетақы төмендемейді."),
            ("elsewhere", "Павлодар", "Пенсии будут индексироваться ежегодно, зейнетақы өседі."),
        )
    ]
    base = make_corpus()
    corpus = base.model_copy(update={"meetings": [*base.meetings, *pensions]})
    svc = SearchService.from_corpus(
        corpus, FakeEmbedder(), make_resources(), calibration=FAKE_CALIBRATION
    )
    answer = await svc.search(question)
    await svc.close()
    assert answer.answered
    assert {hit.meeting.id for hit in answer.hits} == {"here"}
