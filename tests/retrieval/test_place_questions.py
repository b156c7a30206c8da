"""Questions like "what was said at the meeting in X": meeting and place words are not the
subject; a place named in Latin letters is the same place."""

from __future__ import annotations

import pytest

from retrieval.search import SearchService


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
