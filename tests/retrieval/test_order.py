"""The packed-key sort gives exactly the stable argsort order, ties and signs included; bucketed
ranks give exactly its ranks for any positions."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from retrieval.order import BucketRanks, descending_order, descending_ranks

_floats = st.floats(allow_nan=False, allow_infinity=True, width=32)


@given(st.lists(st.one_of(_floats, st.sampled_from([0.0, -0.0, 1.0, -1.0])), max_size=200))
def test_same_order_as_stable_argsort(values: list[float]) -> None:
    scores = np.asarray(values, dtype=np.float32)
    expected = np.argsort(-scores, kind="stable")
    assert descending_order(scores).tolist() == expected.tolist()


def test_ranks_are_one_based_positions() -> None:
    scores = np.asarray([0.2, 0.9, 0.2, -0.5], dtype=np.float32)
    assert descending_ranks(scores).tolist() == [2.0, 1.0, 3.0, 4.0]


@given(
    st.lists(st.one_of(_floats, st.sampled_from([0.0, -0.0, 0.5, 0.5000001])), max_size=300),
    st.randoms(use_true_random=False),
)
def test_bucket_ranks_are_the_full_ranks_at_any_positions(values: list[float], rnd: object) -> None:
    scores = np.asarray(values, dtype=np.float32)
    full = descending_ranks(scores)
    buckets = BucketRanks(scores)
    positions = np.arange(len(scores))
    assert buckets.ranks(positions).tolist() == full.tolist()
    some = np.asarray(sorted(rnd.sample(range(len(scores)), len(scores) // 3)), dtype=np.int64)  # type: ignore[attr-defined]
    assert buckets.ranks(some).tolist() == full[some].tolist()
    best, worst = buckets.bounds(positions)
    assert (best <= full).all() and (full <= worst).all()


def test_bucket_ranks_of_a_realistic_spread() -> None:
    rng = np.random.default_rng(7)
    scores = (0.8 + 0.04 * rng.standard_normal(30_000)).astype(np.float32)
    scores[:300] = scores[300:600]  # equal cosines (one statement in several outlets)
    buckets = BucketRanks(scores)
    positions = np.sort(rng.choice(30_000, 500, replace=False))
    assert np.array_equal(buckets.ranks(positions), descending_ranks(scores)[positions])
    assert buckets.counts.max() < 60  # buckets stay small: exact ranks sort only a few
