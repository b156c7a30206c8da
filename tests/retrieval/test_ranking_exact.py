"""The cheaper per-question arithmetic gives exactly what the full-corpus version gave: ranks of
the BM25 matches alone, meeting sets as masks, one matrix product for a batch."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from retrieval import fusion, ranking
from retrieval.order import BucketRanks
from retrieval.question import expand_vector, prepare, read
from retrieval.search import batch_scores
from retrieval.snapshot import Snapshot, build_snapshot
from tests.fake_embedder import FakeEmbedder

from .conftest import FAKE_CALIBRATION, make_corpus, make_resources


def _old_lexical_rrf(scores: np.ndarray) -> np.ndarray:
    return np.where(scores > 0, fusion.rrf(scores), 0.0)


@pytest.mark.parametrize("seed", range(5))
def test_ranking_only_the_matches_gives_every_statements_old_value(seed: int) -> None:
    rng = np.random.default_rng(seed)
    scores = rng.choice([0.0, 0.0, 0.0, 1.5, 2.25, 3.0], size=2_000).astype(np.float32)
    scores[rng.integers(0, 2_000, 300)] = rng.random(300).astype(np.float32)  # ties and not
    new = fusion.positive_rrf(scores)
    assert new.dtype == np.float32
    assert np.array_equal(new, _old_lexical_rrf(scores))
    assert np.array_equal(fusion.positive_rrf(np.zeros(5, np.float32)), np.zeros(5))


def _old_fused(
    dense: np.ndarray, lexical: np.ndarray, quote: np.ndarray, related: np.ndarray
) -> np.ndarray:
    """The whole-corpus fused array ranking used before `_Fusion`."""
    fused = fusion.rrf(dense) + fusion.positive_rrf(lexical)
    fused += np.where(quote, fusion.QUOTE_BONUS, 0.0)
    fused[np.flatnonzero(related)] += fusion.RELATED_BONUS  # positions, as before
    return fused


def _fusion_case(seed: int, n: int) -> tuple[fusion.Fusion, np.ndarray]:
    rng = np.random.default_rng(seed)
    dense = (0.8 + 0.05 * rng.standard_normal(n)).astype(np.float32)
    dense[rng.integers(0, n, n // 10)] = dense[rng.integers(0, n, n // 10)]  # equal cosines
    lexical = np.where(rng.random(n) < 0.05, rng.random(n) * 9, 0.0).astype(np.float32)
    quote = rng.random(n) < 0.5
    related = rng.random(n) < 0.02
    fused = fusion.Fusion(BucketRanks(dense), fusion.positive_rrf(lexical), quote, related)
    return fused, _old_fused(dense, lexical, quote, related)


@pytest.mark.parametrize(("seed", "n"), [(0, 5_000), (1, 30_000), (2, 300), (3, 2_000)])
def test_fusion_picks_the_whole_arrays_best_with_bit_identical_scores(seed: int, n: int) -> None:
    fusion, fused = _fusion_case(seed, n)
    rng = np.random.default_rng(seed)
    for scope in (None, np.flatnonzero(rng.random(n) < 0.3), np.flatnonzero(rng.random(n) < 0.01)):
        best, values = fusion.best(scope, 40)
        pool = np.arange(n) if scope is None else scope
        expected = pool[np.argsort(-fused[pool], kind="stable")[:40]]
        assert set(best.tolist()) == set(expected.tolist())
        assert np.array_equal(values, fused[best])  # the same float32 arithmetic
        assert (np.diff(best) > 0).all()  # corpus order: ties keep one order
    some = rng.choice(n, 100, replace=False)
    assert np.array_equal(fusion.at(some), fused[some])


@pytest.mark.parametrize(("seed", "n"), [(0, 5_000), (1, 30_000), (2, 300), (3, 2_000)])
@pytest.mark.parametrize("texts", [15, 60])
def test_fusion_takes_each_text_once_by_its_best_copy(seed: int, n: int, texts: int) -> None:
    """With copies (one text at many meetings), the best hold each text once, by the copy the
    whole array ranks first, down to `texts` different texts if the depth held fewer; a copy in
    a named audience's meeting ranked among them comes along; no other copy."""
    plain, fused = _fusion_case(seed, n)
    rng = np.random.default_rng(seed)
    same = np.arange(n)
    copies = rng.integers(0, n, n // 3)  # a third of the corpus repeats a few texts
    same[copies] = rng.integers(0, 25, len(copies))
    # the best statements are copies of the same few texts, as templates are
    same[np.argsort(-fused, kind="stable")[:60]] = rng.integers(0, 8, 60)
    fusion_ = dataclasses.replace(plain, same=same, texts=texts)
    assert fusion_.related is not None
    for scope in (None, np.flatnonzero(rng.random(n) < 0.3), np.flatnonzero(rng.random(n) < 0.01)):
        best, values = fusion_.best(scope, 40)
        pool = np.arange(n) if scope is None else scope
        by = pool[np.argsort(-fused[pool], kind="stable")]
        held = len(np.unique(same[by[:40]]))
        distinct, first = np.unique(same[by], return_index=True)
        kept = by[np.sort(first)[: max(held, texts)]]
        reach = min(fused[by[:40]].min(), fused[kept].min())
        named = pool[fusion_.related[pool] & (fused[pool] >= reach)]
        assert set(best.tolist()) == set(kept.tolist()) | set(named.tolist())
        assert len(np.unique(same[best])) == min(max(held, texts), len(distinct))
        assert np.array_equal(values, fused[best])
        assert (np.diff(best) > 0).all()


def test_fusion_of_a_small_or_empty_scope() -> None:
    fusion, fused = _fusion_case(4, 1_000)
    best, values = fusion.best(np.array([5, 17, 900]), 40)
    assert best.tolist() == [5, 17, 900] and np.array_equal(values, fused[best])
    assert len(fusion.best(np.zeros(0, np.int64), 40)[0]) == 0
    empty, _ = _fusion_case(5, 0)
    assert len(empty.best(None, 40)[0]) == 0


@pytest.fixture(scope="module")
def snapshot() -> Snapshot:
    return build_snapshot(make_corpus(), FakeEmbedder(), make_resources())


def test_meeting_sets_select_what_the_position_arrays_did(snapshot: Snapshot) -> None:
    ids = list(snapshot.meetings)
    for chosen in ([ids[0]], ids[1:], ids, [ids[2], "no-such-meeting"], ["no-such-meeting"]):
        arrays = [snapshot.by_meeting[m] for m in chosen if m in snapshot.by_meeting]
        old = np.unique(np.concatenate(arrays)) if arrays else np.zeros(0, np.int64)
        mask = ranking._meeting_mask(snapshot, chosen)
        assert np.array_equal(np.flatnonzero(mask), old)
    assert not ranking._meeting_mask(snapshot, []).any()


def test_senator_positions_are_the_distinct_sorted_union(snapshot: Snapshot) -> None:
    names = list(snapshot.by_senator)
    for chosen in ([names[0]], names, [names[-1], names[0], names[-1]]):
        old = np.unique(np.concatenate([snapshot.by_senator[n] for n in chosen]))
        assert np.array_equal(ranking._positions_of(snapshot.by_senator, chosen), old)
    doubled = {"x": np.array([0, 2, 2, 5])}  # a name listed twice on one statement
    assert ranking._positions_of(doubled, ["x"]).tolist() == [0, 2, 5]


def test_a_batch_scan_matches_one_scan_per_question(snapshot: Snapshot) -> None:
    embedder = FakeEmbedder()
    vectors = embedder.encode_queries(["брак и семья", "Курултай", "земля", "Алматы"])
    other = build_snapshot(make_corpus(), embedder, make_resources())
    snaps = [snapshot, other, snapshot, snapshot]
    batched = batch_scores(snaps, list(vectors))
    for snap, vector, row in zip(snaps, vectors, batched, strict=True):
        assert row.shape == (len(snap.statements),)
        np.testing.assert_allclose(row, snap.dense.scores(vector), atol=1e-5)
    # a batch of one is the very same scan
    assert np.array_equal(
        batch_scores([snapshot], [vectors[0]])[0], snapshot.dense.scores(vectors[0])
    )


@pytest.mark.parametrize(
    "question",
    ["брак и семья", "Что говорила Асанова?", "Что было в Алматы?", "почтовики о труде",
     "Рысбекова о браке в ЗКО", "погода завтра", "Курултай"],
)  # fmt: skip
def test_rank_with_a_given_scan_is_rank_with_its_own(snapshot: Snapshot, question: str) -> None:
    query = prepare(snapshot, question)
    qvec = expand_vector(snapshot, query, FakeEmbedder().encode_queries([question])[0])
    own = ranking.rank(snapshot, query, qvec, 3, FAKE_CALIBRATION)
    given = ranking.rank(snapshot, query, qvec, 3, FAKE_CALIBRATION, snapshot.dense.scores(qvec))
    assert own == given


class _Everything(frozenset[str]):
    def isdisjoint(self, other: object) -> bool:
        return False


@pytest.mark.parametrize(
    "question",
    ["брак и семья", "Что говорила Асанова?", "почтовики о труде", "Рысбекова о браке в ЗКО",
     "права человека и земля", "Курултай", "?"],
)  # fmt: skip
def test_skipping_terms_a_statement_cannot_cover_changes_no_answer(
    snapshot: Snapshot, question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    query = prepare(snapshot, question)
    qvec = expand_vector(snapshot, query, FakeEmbedder().encode_queries([question])[0])
    reading = read(snapshot, query, FAKE_CALIBRATION)
    skipping = ranking.rank(snapshot, query, qvec, 5, FAKE_CALIBRATION, None, reading)
    monkeypatch.setattr(ranking, "_reach", lambda term: _Everything())  # every term tested
    every = ranking.rank(snapshot, query, qvec, 5, FAKE_CALIBRATION)
    assert skipping == every


async def test_a_lone_questions_split_scan_is_the_one_scan(
    snapshot: Snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past SPLIT_SCAN_ROWS half the rows go to the ranking thread: the cosines are the whole
    scan's, and a lone question's answer is `rank`'s own."""
    from retrieval import search
    from retrieval.search import SearchService

    service = SearchService(snapshot, FakeEmbedder(), make_resources(), FAKE_CALIBRATION)
    vector = FakeEmbedder().encode_queries(["брак и семья"])[0]
    split = service._split_scan(snapshot, vector)
    np.testing.assert_allclose(split, snapshot.dense.scores(vector), atol=1e-6)
    monkeypatch.setattr(search, "SPLIT_SCAN_ROWS", 1)
    for question in ("брак и семья", "Что говорила Асанова?", "погода завтра", "Курултай"):
        query = prepare(snapshot, question)
        qvec = expand_vector(snapshot, query, FakeEmbedder().encode_queries([question])[0])
        assert await service.search(question) == ranking.rank(
            snapshot, query, qvec, 3, FAKE_CALIBRATION
        )
    await service.close()
