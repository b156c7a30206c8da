"""The real service end to end: prepared model, built corpus and index under DATA_DIR (CI runs
`atazan setup` first). Behaviour, not dev-set scores: those are measured by `atazan eval`."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from retrieval.config import RetrievalConfig
from retrieval.search import SearchService, ServiceUnavailable
from tests.servers import require_prepared

# one model load for the module: tests share the service and its event loop
pytestmark = [pytest.mark.model, pytest.mark.asyncio(loop_scope="module")]
REPO = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("DATA_DIR", REPO / "data"))


@pytest.fixture(scope="module")
def config() -> RetrievalConfig:
    return RetrievalConfig(data_dir=require_prepared(DATA), corpus_dir=REPO / "corpus")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def service(config: RetrievalConfig) -> AsyncIterator[SearchService]:
    svc = await SearchService.open(config)
    yield svc
    await svc.close()


async def test_parliament_question_finds_the_kurultai_statement(service: SearchService) -> None:
    # without the glossary (парламент → Курултай) this statement ranks 4th-5th
    answer = await service.search("Будет ли парламент сильнее?")
    assert answer.answered
    assert any("Курулта" in h.text for h in answer.hits[:3])


@pytest.mark.parametrize(
    ("question", "surname"),
    [
        ("Неке туралы не айтылды?", "Рысбекова"),
        ("What did the senators say about teachers?", "Бекназаров"),
        ("ЧТО ГОВОРИЛА АСАНОВА", "Асанова"),
        ("встреча в шымкенте", "Бекназаров"),
    ],
)
async def test_languages_case_and_places(
    service: SearchService, question: str, surname: str
) -> None:
    answer = await service.search(question)
    assert answer.answered
    assert any(surname in name for name in answer.hits[0].speakers)


@pytest.mark.parametrize(
    "question",
    ["Какая погода будет в выходные?", "Ертең не киемін?", "Recommend a good pizza place",
     "Что гласит конституция Франции о браке?", "qwxz vvvv"],
)  # fmt: skip
async def test_off_topic_abstains(service: SearchService, question: str) -> None:
    answer = await service.search(question)
    assert not answer.answered and answer.hits == []


async def test_stale_index_is_a_clear_error(config: RetrievalConfig, tmp_path: Path) -> None:
    (tmp_path / "corpus.json").write_text('{"documents": [], "meetings": []}')
    stale = config.model_copy(update={"data_dir": tmp_path, "model": config.model_path()})
    with pytest.raises(ServiceUnavailable, match="atazan index build"):
        await SearchService.open(stale)


@pytest.mark.parametrize(
    "question",
    ["Вернут ли смертную казнь?", "Разрешат ли двойное гражданство?",
     "Зейнет жасы көтеріле ме?", "How long is the presidential term?"],
)  # fmt: skip
async def test_constitutional_subject_nobody_spoke_about_abstains(
    service: SearchService, question: str
) -> None:
    # near the Constitution in meaning, but no statement addresses the question's own subject
    answer = await service.search(question)
    assert not answer.answered and answer.hits == []


async def test_an_audience_word_does_not_hijack_the_question(service: SearchService) -> None:
    # "бизнес" matches the audience "предприниматели" of Рысбекова's meeting; the statement on
    # business's ecological responsibility is Жексенбай's, and it must not be filtered away
    answer = await service.search("экологическая ответственность бизнеса")
    assert answer.answered
    assert any("Жексенбай" in name for h in answer.hits[:3] for name in h.speakers)


async def test_a_senator_silent_on_the_topic_is_said_so(service: SearchService) -> None:
    answer = await service.search("Что Асанова говорила о браке?")
    assert "Жанна Асанова" in answer.silent
    assert all("Жанна Асанова" not in h.speakers for h in answer.hits)
