"""SearchService behaviour on a hand-made corpus with the deterministic fake embedder."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from typing import Any

import pytest

from retrieval.embedder import Vectors
from retrieval.search import SearchService
from retrieval.snapshot import build_snapshot
from tests.fake_embedder import FakeEmbedder

from .conftest import make_corpus, make_resources


async def test_answer_carries_meeting_and_source(service: SearchService) -> None:
    answer = await service.search("семья и брак")
    assert answer.answered
    top = answer.hits[0]
    assert top.speakers == ["Ляззат Рысбекова"]
    assert top.meeting.place == "Таскалинский район ЗКО"
    assert top.meeting.audience == ["предприниматели"]
    assert top.source.document_id == "d1" and top.source.title == "Сенаторы о Конституции"


async def test_direct_quote_before_reported_at_similar_relevance(service: SearchService) -> None:
    answer = await service.search("брак семья")
    assert [h.kind for h in answer.hits[:2]] == ["quote", "reported"]


async def test_named_senator_statements_come_first_in_any_case(service: SearchService) -> None:
    for question in ("Что говорила Асанова?", "Асановой", "What did Asanova say?"):
        answer = await service.search(question, k=5)
        assert answer.answered, question
        assert all("Жанна Асанова" in h.speakers for h in answer.hits), question


async def test_place_and_audience_find_their_meeting(service: SearchService) -> None:
    # a place restricts; an audience ("Казпочта") is soft evidence that puts its meeting first
    answer = await service.search("Что было в Алматы?", k=5)
    assert answer.hits and {h.meeting.id for h in answer.hits} == {"m1"}
    answer = await service.search("Что обсуждали в Казпочте?", k=5)
    assert answer.hits[0].meeting.id == "m1"
    # "военные" reaches "военнослужащие" through the glossary: that meeting first, others allowed
    assert (await service.search("встреча с военными")).hits[0].meeting.id == "m2"


async def test_glossary_expansion_maps_parliament_to_kurultai(service: SearchService) -> None:
    answer = await service.search("Будет ли парламент сильнее?")
    assert answer.answered
    assert "Курулта" in answer.hits[0].text


async def test_near_identical_texts_are_shown_once(service: SearchService) -> None:
    answer = await service.search("роль Курултая ветви власти", k=10)
    texts = [h.text.rstrip("!.") for h in answer.hits]
    assert len(texts) == len(set(texts))


async def test_off_topic_and_foreign_constitutions_abstain(service: SearchService) -> None:
    for question in ("какая погода завтра", "Что в конституции Франции о браке?", "???", "   "):
        answer = await service.search(question)
        assert not answer.answered, question
        assert answer.hits == [], question


async def test_the_us_in_capitals_is_a_foreign_state_and_us_a_pronoun(
    service: SearchService,
) -> None:
    """Lower-cased, *US* was the stopword *us*: a question on the US marriage law was answered
    with Kazakhstan's."""
    for question in ("What does the US law say about marriage?", "U.S. constitution and marriage"):
        assert not (await service.search(question)).answered, question
    assert (await service.search("Tell us about marriage and family")).answered


async def test_k_limits_hits(service: SearchService) -> None:
    assert len((await service.search("Курултай нормы", k=1)).hits) == 1


class CountingEmbedder(FakeEmbedder):
    """Records the size of every encode call, to observe micro-batching."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[int] = []

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        self.calls.append(len(texts))
        return super().encode_queries(texts)


async def test_concurrent_questions_are_micro_batched() -> None:
    embedder = CountingEmbedder()
    svc = SearchService.from_corpus(make_corpus(), embedder, make_resources())
    embedder.calls.clear()
    answers = await asyncio.gather(*(svc.search(f"брак семья {i}") for i in range(40)))
    await svc.close()
    assert all(a.answered for a in answers)
    assert sum(embedder.calls) == 40
    assert len(embedder.calls) < 40  # the first goes alone, the rest share batches


class TwoLaneEmbedder(CountingEmbedder):
    """An embedder that runs two batches at once, as `OrtEmbedder` with two lanes does."""

    lanes = 2


async def test_with_two_lanes_a_batch_is_ranked_on_the_model_thread_not_beside_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two lanes already keep both cores busy: ranking is not overlapped with the next encode,
    and the answers are the same as with the overlap."""
    threads: list[str] = []
    real_rank = SearchService._rank_batch

    def recording(self: SearchService, encoded: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real_rank(self, encoded)

    monkeypatch.setattr(SearchService, "_rank_batch", recording)
    questions = [f"брак семья {i}" for i in range(40)]
    answers = {}
    for embedder in (CountingEmbedder(), TwoLaneEmbedder()):
        threads.clear()
        svc = SearchService.from_corpus(make_corpus(), embedder, make_resources())
        got = await asyncio.gather(*(svc.search(q) for q in questions))
        await svc.close()
        answers[type(embedder).__name__] = [[h.statement_id for h in a.hits] for a in got]
        lanes = getattr(embedder, "lanes", 1)
        assert all(t.startswith("search") for t in threads) == (lanes == 2), threads
    assert answers["CountingEmbedder"] == answers["TwoLaneEmbedder"]


class WaitingTwoLaneEmbedder(TwoLaneEmbedder):
    """Two lanes whose encode, once armed (after the snapshot is built), waits up to 5 s until
    the question's text is being read."""

    def __init__(self) -> None:
        super().__init__()
        self.armed = False
        self.reading = threading.Event()

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        if self.armed:
            self.reading.wait(5)
            self.reading.clear()
        return super().encode_queries(texts)


async def test_a_lone_question_is_read_beside_its_encode_only_when_a_lane_leaves_cores_idle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One lane: a lone question's encode has every core, so its text is read after it on the
    model thread. Several lanes: a lone question runs on one lane's share and the ranking thread
    reads it meanwhile. The answers are the same."""
    threads: list[str] = []
    real_read = SearchService._read_batch
    embedders = (CountingEmbedder(), WaitingTwoLaneEmbedder())

    def recording(self: SearchService, jobs: Any, queries: Any) -> Any:
        threads.append(threading.current_thread().name)
        embedders[1].reading.set()
        return real_read(self, jobs, queries)

    monkeypatch.setattr(SearchService, "_read_batch", recording)
    answers = []
    for embedder in embedders:
        threads.clear()
        svc = SearchService.from_corpus(make_corpus(), embedder, make_resources())
        embedders[1].armed = embedder is embedders[1]
        embedders[1].reading.clear()
        answers.append([await svc.search(q) for q in ("брак семья", "Курултай", "погода")])
        await svc.close()
        expected = "rank" if getattr(embedder, "lanes", 1) == 2 else "search"
        assert len(threads) == 3 and all(t.startswith(expected) for t in threads), threads
    assert answers[0] == answers[1]


async def test_swap_keeps_in_flight_questions_on_their_snapshot() -> None:
    svc = SearchService.from_corpus(make_corpus(), FakeEmbedder(), make_resources())
    smaller = make_corpus().model_copy(update={"meetings": make_corpus().meetings[:1]})
    new = build_snapshot(smaller, FakeEmbedder(), make_resources())
    pending = [asyncio.ensure_future(svc.search("брак семья")) for _ in range(5)]
    await asyncio.sleep(0)  # submitted against the old snapshot
    svc.swap(new)
    old_answers = await asyncio.gather(*pending)
    assert all(a.hits and a.hits[0].meeting.id == "m3" for a in old_answers)
    after = await svc.search("Что говорила Рысбекова про брак?")
    assert all(h.meeting.id == "m1" for h in after.hits)
    await svc.close()


async def test_browsing(service: SearchService) -> None:
    assert service.senators()[0] == "Жанна Асанова"
    assert service.by_senator("Амангельды Есбай")[0].kind == "quote"
    assert service.meeting("m2") is not None and service.meeting("nope") is None
    assert "ЗКО" in service.regions()
    assert [m.id for m in service.meetings_in_region("ЗКО")] == ["m3"]
    info = service.info()
    assert (info.documents, info.meetings, info.statements) == (1, 3, 7)
    assert service.hit("m1-s0") is not None


async def test_region_name_finds_meetings_held_in_its_districts() -> None:
    resources = make_resources()
    resources = type(resources)(
        **{**resources.__dict__,
           "region_of": lambda p: "Западно-Казахстанская область" if p and "ЗКО" in p else None},
    )  # fmt: skip
    svc = SearchService.from_corpus(make_corpus(), FakeEmbedder(), resources)
    answer = await svc.search("Что говорили в Западно-Казахстанской области?")
    await svc.close()
    assert answer.answered and {h.meeting.id for h in answer.hits} == {"m3"}
