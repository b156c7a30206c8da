"""The packed-key sort gives exactly the stable argsort order, ties and signs included."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from retrieval.order import descending_order, descending_ranks

_floats = st.floats(allow_nan=False, allow_infinity=True, width=32)


@given(st.lists(st.one_of(_floats, st.sampled_from([0.0, -0.0, 1.0, -1.0])), max_size=200))
def test_same_order_as_stable_argsort(values: list[float]) -> None:
    scores = np.asarray(values, dtype=np.float32)
    expected = np.argsort(-scores, kind="stable")
    assert descending_order(scores).tolist() == expected.tolist()


def test_ranks_are_one_based_positions() -> None:
    scores = np.asarray([0.2, 0.9, 0.2, -0.5], dtype=np.float32)
    assert descending_ranks(scores).tolist() == [2.0, 1.0, 3.0, 4.0]
