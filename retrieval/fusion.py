"""Scores that ranking combines, computed only for the statements it looks at: the dense and
BM25 reciprocal ranks fused with the quote and audience bonuses, and each candidate's cosine
margin to the off-topic background. Kept apart from the answerability rules in `ranking`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.embedder import Vectors
from retrieval.order import BucketRanks, descending_ranks

RRF_K = 60
_NONE = np.zeros(0, dtype=np.int64)
_NONE_F = np.zeros(0, dtype=np.float32)
_EXACT_SCOPE = 512  # a scope this small is scored exactly at once
RELATED_BONUS = 0.002  # a meeting whose audience matches a glossary twin of the question
QUOTE_BONUS = 0.0025  # ≈ five RRF ranks: direct quotes first at similar relevance


@dataclass(frozen=True)
class Margins:
    """Each statement's cosine minus the question's best off-topic cosine, computed only for the
    few candidates that are looked at (the same float32 arithmetic as over the whole corpus)."""

    dense: Vectors
    outside: float

    def __getitem__(self, positions: npt.NDArray[np.int64]) -> Vectors:
        return (self.dense[positions] - self.outside).astype(np.float32)


@dataclass(frozen=True)
class Fusion:
    """Each statement's fused score — dense RRF + BM25 RRF + the quote and audience bonuses —
    computed only for the statements ranking looks at. The dense ranks come from `BucketRanks`:
    bounds for every statement in O(n), exact ranks for the few candidates, the very float32
    arithmetic the whole-corpus array had (README, #14: a full sort cost ~1 ms at 30,000)."""

    ranks: BucketRanks
    lexical: Vectors  # BM25 RRF of every statement (0 for no match)
    is_quote: npt.NDArray[np.bool_]
    related: npt.NDArray[np.bool_] | None  # in a meeting whose audience the question names

    def at(self, positions: npt.NDArray[np.int64]) -> Vectors:
        """Exact fused scores of `positions`."""
        return self._combine(self.ranks.ranks(positions), positions)

    def best(
        self, scope: npt.NDArray[np.int64] | None, depth: int
    ) -> tuple[npt.NDArray[np.int64], Vectors]:
        """The `depth` best positions of `scope` (None: every statement) by fused score, with
        their scores. Whatever a statement's exact rank in its bucket, its score lies between
        its bounds: the `depth`-th best lower bound among the scope's top buckets is a floor
        that every one of the best reaches, so only statements whose upper bound reaches it
        need exact scores."""
        size = len(self.lexical) if scope is None else len(scope)
        depth = min(depth, size)
        if not depth:
            return _NONE, _NONE_F
        if size <= _EXACT_SCOPE:
            positions = np.arange(size, dtype=np.int64) if scope is None else scope
        else:
            buckets = self.ranks.buckets if scope is None else self.ranks.buckets[scope]
            counts = (
                self.ranks.counts
                if scope is None
                else np.bincount(buckets, minlength=len(self.ranks.counts))
            )
            last = int(np.searchsorted(np.cumsum(counts), depth))  # top buckets hold ≥ depth
            top = np.flatnonzero(buckets <= last)
            if scope is not None:
                top = scope[top]
            floor = np.partition(self._combine(self.ranks.bounds(top)[1], top), -depth)[-depth]
            upper = self._combine(self.ranks.bounds(scope)[0], scope)
            positions = np.flatnonzero(upper >= floor)
            if scope is not None:
                positions = scope[positions]
        values = self.at(positions)
        # in corpus order: statements with equal scores (dense rank 1 and BM25 rank 2, and the
        # reverse) keep one order whatever the selection did
        chosen = np.sort(np.argpartition(-values, depth - 1)[:depth])
        return positions[chosen], values[chosen]

    def _combine(self, dense_ranks: Vectors, positions: npt.NDArray[np.int64] | None) -> Vectors:
        """The fused score at these dense ranks (positions None: every statement's), in the
        order of operations of the old whole-array code, so bounds stay bounds and exact
        scores are bit-identical."""

        def at(values: npt.NDArray[Any]) -> npt.NDArray[Any]:
            return values if positions is None else values[positions]

        fused: Vectors = rrf_of_ranks(dense_ranks) + at(self.lexical)
        fused += np.where(at(self.is_quote), QUOTE_BONUS, 0.0)
        if self.related is not None:
            fused[at(self.related)] += RELATED_BONUS
        return fused


def rrf(scores: Vectors) -> Vectors:
    return rrf_of_ranks(descending_ranks(scores))


def rrf_of_ranks(ranks: Vectors) -> Vectors:
    return (1.0 / (RRF_K + ranks)).astype(np.float32)


def positive_rrf(scores: Vectors) -> Vectors:
    """`rrf(scores)` where scores > 0, else 0, ranking only the positive ones: a positive score
    ranks above every zero, so its rank among the positives is its rank among all — and BM25
    gives most statements zero, so this sorts a question's matches, not the corpus."""
    out = np.zeros(len(scores), dtype=np.float32)
    positive = np.flatnonzero(scores > 0)
    out[positive] = rrf(scores[positive])
    return out
