"""Exact stable descending ranks without a stable sort.

`np.argsort(-x, kind="stable")` is a merge sort (~1.5 ms at 30,000 float32 on this box, twice per
question for fusion). Packing each score's order-preserving bits above its index into one uint64
makes every key distinct, so numpy's SIMD quicksort (x86-simd-sort) gives the same order: higher
score first, ties by index.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

_LOW = np.uint64(0xFFFFFFFF)


def descending_order(scores: npt.NDArray[np.float32]) -> npt.NDArray[np.int64]:
    """Indices by score, highest first, ties in index order (= argsort(-scores, stable))."""
    values = np.asarray(scores, dtype=np.float32) + np.float32(0.0)  # −0.0 → +0.0: equal keys
    bits = values.view(np.uint32).astype(np.uint64)
    # IEEE-754 → unsigned order: flip all bits of negatives, the sign bit of the rest
    negative = bits >= np.uint64(0x80000000)
    ascending = np.where(negative, ~bits & _LOW, bits | np.uint64(0x80000000))
    keys = ((_LOW - ascending) << np.uint64(32)) | np.arange(len(values), dtype=np.uint64)
    return (np.sort(keys) & _LOW).astype(np.int64)


def descending_ranks(scores: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """1-based rank of every score (1 = highest), ties ranked in index order."""
    ranks = np.empty(len(scores), dtype=np.float32)
    ranks[descending_order(scores)] = np.arange(1, len(scores) + 1, dtype=np.float32)
    return ranks
