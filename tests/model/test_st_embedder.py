"""The embedder's prompt choice, normalisation and load errors, with a stand-in model."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from retrieval.config import RetrievalConfig
from retrieval.embedder import Embedder
from retrieval.model.st_embedder import (
    ModelMissingError,
    SentenceTransformerEmbedder,
    load_embedder,
    token_budget_chunks,
)


class _FakeST:
    """Just the surface of SentenceTransformer the embedder uses; records the prompt names."""

    def __init__(self, prompts: dict[str, str]) -> None:
        self.prompts = prompts
        self.calls: list[str | None] = []
        self.kwargs: list[dict[str, Any]] = []

    def get_embedding_dimension(self) -> int:
        return 3

    def encode(self, texts: Sequence[str], prompt_name: str | None = None, **kwargs: Any) -> Any:
        self.calls.append(prompt_name)
        self.kwargs.append(kwargs)
        return np.array([[3.0, 4.0, float(len(t))] for t in texts], dtype=np.float64)


def _embedder(
    prompts: dict[str, str], query_max_tokens: int | None = None
) -> tuple[SentenceTransformerEmbedder, _FakeST]:
    fake = _FakeST(prompts)
    emb = SentenceTransformerEmbedder(fake, "fake", query_max_tokens=query_max_tokens)  # type: ignore[arg-type]
    return emb, fake


def test_e5_prompts_are_used_for_queries_and_documents() -> None:
    emb, fake = _embedder({"query": "query: ", "document": "passage: ", "passage": "passage: "})
    emb.encode_queries(["q"])
    emb.encode_documents(["d"])
    assert fake.calls == ["query", "document"]


def test_passage_prompt_is_found_without_document() -> None:
    emb, _ = _embedder({"query": "query: ", "passage": "passage: ", "document": ""})
    assert emb.prompt_names == ("query", "passage")


def test_models_without_prompts_encode_bare() -> None:
    emb, fake = _embedder({"query": "", "document": ""})
    emb.encode_queries(["q"])
    emb.encode_documents(["d"])
    assert fake.calls == [None, None]


def test_query_token_cap_applies_to_queries_only() -> None:
    emb, fake = _embedder({"query": "query: "}, query_max_tokens=64)
    emb.encode_queries(["q"])
    emb.encode_documents(["d"])
    assert fake.kwargs[0]["processing_kwargs"] == {"text": {"max_length": 64}}
    assert "processing_kwargs" not in fake.kwargs[1]


def test_chunks_respect_the_token_budget() -> None:
    lengths = [10, 500, 20, 500, 30]
    chunks = token_budget_chunks(lengths, budget=1000)
    assert chunks == [[1, 3], [4, 2], [0]]  # 30 is far under 500; 10 is 20 under 30
    assert all(lengths[c[0]] * len(c) <= 1000 for c in chunks)
    assert token_budget_chunks([2000], budget=1000) == [[0]]  # too long alone: still encoded


def test_one_long_question_does_not_pad_a_micro_batch() -> None:
    lengths = [17] * 31 + [110]
    chunks = token_budget_chunks(lengths, budget=4096)
    assert chunks[0] == [31] and sorted(chunks[1]) == list(range(31))


def test_long_inputs_are_encoded_in_several_calls_in_order() -> None:
    fake = _FakeST({})
    emb = SentenceTransformerEmbedder(fake, "fake", token_budget=300)  # type: ignore[arg-type]
    texts = ["short", "x" * 400, "tiny"]  # char estimate: 10, 208, 10 tokens → 2 calls
    vectors = emb.encode_documents(texts)
    expected = np.array([[3.0, 4.0, len(t)] for t in texts])
    expected /= np.linalg.norm(expected, axis=1, keepdims=True)
    assert np.allclose(vectors, expected)
    assert len(fake.calls) == 2


def test_rows_are_normalised_float32_and_empty_input_is_fine() -> None:
    emb: Embedder
    emb, _ = _embedder({})
    vectors = emb.encode_documents(["a", "b"])
    assert vectors.dtype == np.float32 and vectors.shape == (2, 3)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    assert emb.encode_queries([]).shape == (0, 3)
    assert emb.dim == 3 and emb.model_id == "fake"


def test_missing_prepared_model_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ModelMissingError) as info:
        load_embedder(RetrievalConfig(data_dir=tmp_path))
    message = str(info.value)
    assert "atazan model prepare" in message and "\n" not in message


def test_unloadable_model_is_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "modules.json").write_text("not json")
    with pytest.raises(ModelMissingError) as info:
        load_embedder(RetrievalConfig(model=str(broken), data_dir=tmp_path))
    assert str(broken) in str(info.value) and "\n" not in str(info.value)


def test_a_question_goes_before_the_next_chunk_of_a_build() -> None:
    """A rebuild inside a serving process must not hold questions for the whole corpus."""
    first_chunk_running = threading.Event()
    let_first_chunk_finish = threading.Event()
    order: list[str] = []

    class _Gated(_FakeST):
        def encode(self, texts: Sequence[str], prompt_name: str | None = None, **kw: Any) -> Any:
            order.append(prompt_name or "")
            if prompt_name == "passage" and len(order) == 1:
                first_chunk_running.set()
                assert let_first_chunk_finish.wait(5)
            return super().encode(texts, prompt_name, **kw)

    fake = _Gated({"query": "query: ", "passage": "passage: "})
    emb = SentenceTransformerEmbedder(fake, "fake", token_budget=64)  # type: ignore[arg-type]
    build = threading.Thread(target=emb.encode_documents, args=(["слово " * 20] * 6,))
    build.start()
    assert first_chunk_running.wait(5)
    question = threading.Thread(target=emb.encode_queries, args=(["вопрос?"],))
    question.start()
    while not emb._turns._queries_waiting:  # the question is queued behind the running chunk
        time.sleep(0.001)
    let_first_chunk_finish.set()
    build.join(5)
    question.join(5)
    assert order[:2] == ["passage", "query"]
    assert order.count("passage") > 2  # the build really was several chunks


def test_a_batch_of_questions_is_cut_where_padding_would_cost_most() -> None:
    lengths = [20] * 10 + [12] * 10  # one call would pad ten 12-token rows to 20
    chunks = token_budget_chunks(lengths, budget=4096, min_group=8)
    assert [sorted(c) for c in chunks] == [list(range(10)), list(range(10, 20))]
    # without the option, or when the rest would be under eight rows, one call as before
    assert len(token_budget_chunks(lengths, budget=4096)) == 1
    assert len(token_budget_chunks([20] * 10 + [12] * 7, budget=4096, min_group=8)) == 1
    # a group fills up to eight rows before it may close
    short_first = token_budget_chunks([20] * 7 + [12] * 10, budget=4096, min_group=8)
    assert [len(c) for c in short_first] == [8, 9]
    # lengths within SHORTER of the longest stay together
    assert len(token_budget_chunks([20] * 10 + [18] * 10, budget=4096, min_group=8)) == 1
