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
    # each statement's text number (`Snapshot.same_text`): copies share one; None: all differ
    same: npt.NDArray[np.int64] | None = None
    texts: int = 0  # different texts the best hold at least (see `best`)

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
        need exact scores.

        With texts numbered (`same`), a text repeated at many meetings (a press-office
        template, a line said on a tour) could fill the depth with its copies and keep the
        statement that answers out of sight: each text is taken once, by its best copy, and
        fewer than `texts` different texts are widened to `texts`. A copy ranked among them
        whose meeting's audience the question names comes along (its meeting's words may cover
        more); any other copy has the best one's vector and stems and no higher score, so it
        could never be shown before it."""
        size = len(self.lexical) if scope is None else len(scope)
        depth = min(depth, size)
        if not depth:
            return _NONE, _NONE_F
        positions = self._reaching(scope, depth, distinct=False)
        values = self.at(positions)
        # in corpus order: statements with equal scores (dense rank 1 and BM25 rank 2, and the
        # reverse) keep one order whatever the selection did
        chosen = np.sort(np.argpartition(-values, depth - 1)[:depth])
        if self.same is None:
            return positions[chosen], values[chosen]
        floor = float(values[chosen].min())
        held = len(np.unique(self.same[positions[chosen]]))
        if held < self.texts:
            positions = self._reaching(scope, self.texts, distinct=True)
            values = self.at(positions)
        return self._distinct(positions, values, max(held, self.texts), floor)

    def _reaching(
        self, scope: npt.NDArray[np.int64] | None, depth: int, distinct: bool
    ) -> npt.NDArray[np.int64]:
        """The positions of `scope` whose upper bound reaches the floor (see `best`) of the
        `depth` best statements, or with `distinct` of the `depth` best texts: then the top
        buckets are widened until they hold that many texts, and each counts its best bound."""
        size = len(self.lexical) if scope is None else len(scope)
        if size <= _EXACT_SCOPE:
            return np.arange(size, dtype=np.int64) if scope is None else scope
        buckets = self.ranks.buckets if scope is None else self.ranks.buckets[scope]
        counts = (
            self.ranks.counts
            if scope is None
            else np.bincount(buckets, minlength=len(self.ranks.counts))
        )
        cumulative = np.cumsum(counts)
        wanted = depth
        while True:
            last = int(np.searchsorted(cumulative, wanted))  # top buckets hold ≥ wanted
            top = np.flatnonzero(buckets <= last)
            if scope is not None:
                top = scope[top]
            lower = self._combine(self.ranks.bounds(top)[1], top)
            if not distinct or self.same is None:
                break
            by = np.argsort(-lower, kind="stable")
            lower = lower[by[np.unique(self.same[top][by], return_index=True)[1]]]
            if len(lower) >= depth or last >= len(cumulative) - 1:
                break
            wanted = 2 * int(cumulative[last])
        floor = np.partition(lower, -depth)[-depth] if len(lower) >= depth else lower.min()
        upper = self._combine(self.ranks.bounds(scope)[0], scope)
        positions = np.flatnonzero(upper >= floor)
        return positions if scope is None else scope[positions]

    def _distinct(
        self, positions: npt.NDArray[np.int64], values: Vectors, texts: int, floor: float
    ) -> tuple[npt.NDArray[np.int64], Vectors]:
        """The `texts` best texts' best copies among `positions` (equal scores: the first in
        corpus order, the one shown before) and the copies in a meeting whose audience the
        question names scoring at least `floor` or the last best copy, in corpus order."""
        assert self.same is not None
        by = np.argsort(-values, kind="stable")
        _, first = np.unique(self.same[positions[by]], return_index=True)
        chosen = by[np.sort(first)[:texts]]
        if self.related is not None:
            reach = min(floor, float(values[chosen].min()))
            chosen = np.union1d(chosen, np.flatnonzero(self.related[positions] & (values >= reach)))
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
