"""Retrieval's own knobs (`RETRIEVAL__*`) reach the code that uses them."""

from __future__ import annotations

import sys
import types
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from retrieval.config import EVAL_K, MAX_QUESTION_CHARS, RetrievalConfig
from retrieval.errors import SettingsError
from retrieval.evaluation import EvalQuestion, relevant, run_eval, summarize
from retrieval.ingest.regions import load_gazetteer
from retrieval.search import SearchService
from retrieval.settings import RetrievalSettings, read_settings
from tests.fake_embedder import FakeEmbedder

from .conftest import FAKE_CALIBRATION, make_corpus, make_resources

CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpus"


def test_knobs_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in (("MAX_QUESTION_CHARS", "300"), ("TOKEN_BUDGET", "2048"),
                        ("MAX_BATCH", "8"), ("EVAL_K", "5"), ("MODEL_THREADS", "3"),
                        ("MODEL_LANES", "2")):  # fmt: skip
        monkeypatch.setenv(f"RETRIEVAL__{name}", value)
    config = read_settings(RetrievalSettings).retrieval_config()
    assert (
        config.max_question_chars,
        config.token_budget,
        config.max_batch,
        config.eval_k,
        config.model_threads,
        config.model_lanes,
    ) == (300, 2048, 8, 5, 3, 2)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("TOKEN_BUDGET", "10"),
        ("MAX_BATCH", "0"),
        ("EVAL_K", "many"),
        ("MODEL_THREADS", "-1"),
        ("MODEL_LANES", "-1"),
    ],
)
def test_a_bad_knob_is_one_line_naming_it(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(f"RETRIEVAL__{name}", value)
    with pytest.raises(SettingsError, match=rf"^bad setting RETRIEVAL__{name}:") as caught:
        read_settings(RetrievalSettings)
    assert "\n" not in str(caught.value)


class _Recording(FakeEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.queries: list[str] = []

    def encode_queries(self, texts: Sequence[str]) -> Any:
        self.queries.extend(texts)
        return super().encode_queries(texts)


@pytest.mark.parametrize("limit", [60, MAX_QUESTION_CHARS])
async def test_questions_are_cut_at_the_configured_length(limit: int) -> None:
    embedder = _Recording()
    service = SearchService.from_corpus(
        make_corpus(), embedder, make_resources(), max_question_chars=limit
    )
    embedder.queries.clear()  # curated vectors were encoded while building
    try:
        await service.search("брак и семья " * 200)
    finally:
        await service.close()
    assert [len(q) for q in embedder.queries] == [limit]


async def test_eval_fetches_eval_k_statements() -> None:
    service = SearchService.from_corpus(
        make_corpus(), FakeEmbedder(), make_resources(), calibration=FAKE_CALIBRATION
    )
    ks: list[int] = []
    search = service.search

    async def recording(question: str, k: int = 3) -> Any:
        ks.append(k)
        return await search(question, k)

    service.search = recording  # type: ignore[method-assign]
    question = EvalQuestion(q="брак", lang="ru", expected=["Ляззат Рысбекова"])
    try:
        await run_eval(service, [question])
        await run_eval(service, [question], k=4)
    finally:
        await service.close()
    assert ks == [EVAL_K, 4]


def test_the_token_budget_reaches_the_embedder(monkeypatch: pytest.MonkeyPatch) -> None:
    """`load_embedder` hands `RETRIEVAL__TOKEN_BUDGET` to the encoder: a small budget splits
    the same documents into more forward passes."""
    from retrieval.model.st_embedder import load_embedder

    calls: list[int] = []

    class FakeST:
        def __init__(self, path: str, **_: Any) -> None:
            self.prompts: dict[str, str] = {}

        def eval(self) -> None: ...

        def get_embedding_dimension(self) -> int:
            return 2

        def encode(self, texts: Sequence[str], **_: Any) -> Any:
            calls.append(len(texts))
            return np.ones((len(texts), 2))

    fake_module = types.ModuleType("sentence_transformers")
    fake_module.SentenceTransformer = FakeST  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sentence_transformers", fake_module)
    texts = ["x" * 400] * 6
    for budget in (512, 8192):
        calls.clear()
        config = RetrievalConfig(model="some/model", backend="torch", token_budget=budget)
        load_embedder(config).encode_documents(texts)
        assert sum(calls) == len(texts)
        if budget == 512:
            assert len(calls) > 1
        else:
            assert calls == [len(texts)]


async def test_eval_counts_a_meeting_in_a_town_under_its_other_name() -> None:
    """A question expecting Уральск is answered right by a meeting a Kazakh outlet placed in
    Орал; a meeting in Павлодар is still wrong."""
    gazetteer = load_gazetteer(CORPUS_DIR)
    assert gazetteer is not None
    service = SearchService.from_corpus(
        make_corpus(), FakeEmbedder(), make_resources(), calibration=FAKE_CALIBRATION
    )
    answer = await service.search("брак")
    await service.close()
    hit = answer.hits[0]
    at = {
        place: hit.model_copy(update={"meeting": hit.meeting.model_copy(update={"place": place})})
        for place in ("Орал", "Павлодар")
    }
    item = EvalQuestion(q="Оралда не айтылды?", lang="kk", expect_place="Уральск")
    assert relevant(at["Орал"], item, gazetteer.twin_names)
    assert not relevant(at["Орал"], item)
    assert not relevant(at["Павлодар"], item, gazetteer.twin_names)


async def test_eval_counts_every_hit_shown_for_an_out_of_corpus_question_as_irrelevant() -> None:
    """An out-of-corpus question expects no speaker and no text, so nothing answers it: a hit
    shown for it lowers the page's precision instead of raising it."""
    service = SearchService.from_corpus(
        make_corpus(), FakeEmbedder(), make_resources(), calibration=FAKE_CALIBRATION
    )
    answer = await service.search("брак")
    await service.close()
    item = EvalQuestion(q="брак", lang="ru", kind="oos")
    assert answer.hits
    assert not relevant(answer.hits[0], item)
    rows = [{"q": "брак", "lang": "ru", "kind": "oos", "answered": True, "rank": None,
             "page": [False, False], "silent_ok": False}]  # fmt: skip
    metrics = summarize(rows)["by_language"]["ru"]
    assert metrics["page_precision"] == 0.0
    assert metrics["irrelevant_shown"] == 2
