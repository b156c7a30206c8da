"""`atazan serve-retrieval` and `RemoteSearch`: the same answers as in process, failover
across URLs, a clear error when none answers, and reloads followed by the client."""

from __future__ import annotations

import asyncio
import dataclasses

import aiohttp
import pytest

from retrieval.api import CorpusInfo
from retrieval.catalogue import Catalogue
from retrieval.errors import SearchUnavailable, ServiceUnavailable
from retrieval.models import Answer, Corpus
from retrieval.remote import RemoteSearch
from retrieval.search import SearchService
from retrieval.service import ServedSearch, create_retrieval_app
from retrieval.snapshot import build_snapshot
from tests.fake_embedder import FakeEmbedder
from tests.retrieval.conftest import make_corpus, make_resources

from .conftest import Serve, free_port_url

# the last one is declined as too general: that flag crosses the HTTP hop too
QUESTIONS = ["Что сказали о Курултае?", "брак и семья", "какая погода завтра", "защита труда",
             "Что нового в Конституции?"]  # fmt: skip


async def test_remote_answers_and_browsing_equal_the_in_process_service(
    service: SearchService, served: str
) -> None:
    remote = await RemoteSearch.open([served], poll_s=0)
    try:
        for question in QUESTIONS:
            assert await remote.search(question, k=5) == await service.search(question, k=5)
        assert (await remote.search(QUESTIONS[-1])).general
        assert remote.themes() == service.themes()
        assert remote.senators() == service.senators()
        assert remote.regions() == service.regions()
        assert remote.info() == service.info() and remote.info().version == "v-one"
        for theme in service.themes():
            assert remote.by_theme(theme.id) == service.by_theme(theme.id)
        for name in service.senators():
            assert remote.by_senator(name) == service.by_senator(name)
        for region in service.regions():
            assert remote.meetings_in_region(region) == service.meetings_in_region(region)
        for statement in service.snapshot.statements:
            assert remote.hit(statement.id) == service.hit(statement.id)
            meeting = remote.meeting(statement.meeting_id)
            assert meeting == service.meeting(statement.meeting_id)
            assert meeting is not None
            assert remote.document(meeting.document_id) == service.document(meeting.document_id)
        assert remote.hit("nope") is None and remote.meeting("nope") is None
    finally:
        await remote.close()


async def test_a_dead_url_is_skipped_and_questions_alternate_between_live_ones(
    service: SearchService, serve: Serve
) -> None:
    asked: list[str] = []

    class Counting(ServedSearch):
        def __init__(self, name: str) -> None:
            super().__init__(service)
            self.name = name

        async def search(self, question: str, k: int = 3) -> Answer:
            asked.append(self.name)
            return await super().search(question, k)

    first = await serve(create_retrieval_app(Counting("a")))
    second = await serve(create_retrieval_app(Counting("b")))
    dead = await free_port_url()
    remote = await RemoteSearch.open([dead, first, second], poll_s=0, timeout_s=2)
    try:
        answers = [await remote.search("брак и семья") for _ in range(6)]
    finally:
        await remote.close()
    assert all(a.answered for a in answers)
    assert asked.count("a") >= 2 and asked.count("b") >= 2  # the load spreads


async def test_a_slow_service_times_out_and_the_next_one_answers(
    service: SearchService, serve: Serve
) -> None:
    class Stuck(ServedSearch):
        async def search(self, question: str, k: int = 3) -> Answer:
            await asyncio.sleep(30)
            raise AssertionError("never")

    slow = await serve(create_retrieval_app(Stuck(service)))
    fast = await serve(create_retrieval_app(ServedSearch(service)))
    remote = await RemoteSearch.open([slow, fast], poll_s=0, timeout_s=1.0)
    try:
        for _ in range(2):  # whichever it starts with, the question is answered
            assert (await remote.search("брак и семья")).answered
    finally:
        await remote.close()


async def test_when_no_service_answers_the_caller_gets_search_unavailable(
    service: SearchService, serve: Serve
) -> None:
    class Broken(ServedSearch):
        async def search(self, question: str, k: int = 3) -> Answer:
            raise RuntimeError("index exploded")

    broken = await serve(create_retrieval_app(Broken(service)))
    dead = await free_port_url()
    remote = await RemoteSearch.open([broken, dead], poll_s=0, timeout_s=1)
    try:
        with pytest.raises(SearchUnavailable, match=r"HTTP 500.*; .*Connect"):
            await remote.search("брак и семья")
    finally:
        await remote.close()


async def test_start_without_any_service_is_one_clear_error() -> None:
    dead = await free_port_url()
    with pytest.raises(
        ServiceUnavailable, match=r"no retrieval service answered at RETRIEVAL__URL"
    ):
        await RemoteSearch.open([dead], wait_s=0)


async def test_a_reload_on_the_service_is_followed_and_old_answer_pages_still_resolve(
    service: SearchService, served: str
) -> None:
    remote = await RemoteSearch.open([served], poll_s=0)
    try:
        old_ids = [s.id for s in service.snapshot.statements]
        smaller = Corpus(documents=make_corpus().documents, meetings=make_corpus().meetings[:1])
        embedder = FakeEmbedder()
        service.swap(build_snapshot(smaller, embedder, make_resources()), version="v-two")
        await remote.search("защита труда")  # the answer names v-two: the catalogue follows
        for _ in range(100):
            if remote.info().version == "v-two":
                break
            await asyncio.sleep(0.01)
        assert remote.info().version == "v-two"
        assert remote.info().meetings == 1
        assert all(remote.hit(i) is not None for i in old_ids)  # pages stored just before
    finally:
        await remote.close()


async def test_the_version_is_followed_without_questions_too(
    service: SearchService, served: str
) -> None:
    remote = await RemoteSearch.open([served], poll_s=0.05)
    try:
        service.version = "v-three"  # what a reload reports; the catalogue is rebuilt with it
        service.swap(dataclasses.replace(service.snapshot))
        for _ in range(200):
            if remote.info().version == "v-three":
                break
            await asyncio.sleep(0.01)
        assert remote.info().version == "v-three"
    finally:
        await remote.close()


async def test_health_metrics_and_bad_requests(service: SearchService, served: str) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.get(served + "/healthz") as r:
            assert r.status == 200
            assert await r.json() == {"status": "ok", "version": "v-one", "statements": 7}
        async with http.post(served + "/v1/search", json={"k": 3}) as r:
            assert r.status == 400
        async with http.post(served + "/v1/search", data=b"not json") as r:
            assert r.status == 400
        async with http.post(served + "/v1/search", json={"question": "брак", "k": 2}) as r:
            assert r.status == 200 and r.headers["X-Corpus-Version"] == "v-one"
        async with http.get(served + "/v1/catalogue") as r:
            catalogue = Catalogue.model_validate_json(await r.read())
            assert catalogue.version == "v-one" and len(catalogue.hits) == 7
        async with http.get(served + "/metrics") as r:
            text = await r.text()
    assert 'atazan_retrieval_searches_total{outcome="bad_request"} 2.0' in text
    assert 'atazan_retrieval_corpus_info{version="v-one"} 1.0' in text


async def test_health_is_503_when_the_searcher_cannot_say_what_it_serves(serve: Serve) -> None:
    class Dead:
        async def search(self, question: str, k: int = 3) -> Answer:
            raise RuntimeError

        def info(self) -> CorpusInfo:
            raise RuntimeError("no snapshot")

        def catalogue(self) -> Catalogue:
            raise RuntimeError

    url = await serve(create_retrieval_app(Dead()))
    async with aiohttp.ClientSession() as http, http.get(url + "/healthz") as r:
        assert r.status == 503


async def test_corpus_info_is_built_once_per_snapshot_and_version(service: SearchService) -> None:
    served = ServedSearch(service)
    first = served.info()
    assert served.info() is first and first.version == "v-one"
    service.version = "v-two"  # a reload that kept the snapshot object
    assert served.info().version == "v-two"
    smaller = make_corpus().model_copy(update={"meetings": make_corpus().meetings[:1]})
    service.swap(build_snapshot(smaller, FakeEmbedder(), make_resources()), version="v-three")
    assert served.info() == service.info() and served.info().meetings == 1
