"""BM25 over statement stems, with the meeting's place/audience/senators as extra fields.

Putting meeting context into each statement's bag of words lets "в Казпочте" or "Шымкент" find
statements whose own text never names the place.

The index is postings in three numpy arrays (per stem: statements and their precomputed BM25
weights), so a question costs one `bincount` over the postings of its own stems — proportional to
how often those stems occur, never a Python loop over the corpus — and needs no import beyond
numpy (bm25s brought scipy, ~0.3 s of start-up). Scores are those of bm25s' default ("lucene":
k1 1.5, b 0.75, idf ln(1 + (N − df + ½)/(df + ½))), which a test holds it to.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import numpy.typing as npt

from retrieval.models import Corpus
from retrieval.text import content_stems

K1 = 1.5
B = 0.75


class Bm25Index:
    def __init__(self, corpus: Corpus) -> None:
        docs: list[list[str]] = []
        for meeting in corpus.meetings:
            context = " ".join([meeting.place or "", *meeting.audience, *meeting.senators])
            context_stems = content_stems(context)
            for statement in meeting.statements:
                docs.append(content_stems(statement.text) + context_stems)
        self._size = len(docs)
        self._vocab: dict[str, int] = {}
        rows: list[int] = []
        terms: list[int] = []
        freqs: list[int] = []
        for row, doc in enumerate(docs):
            for stem, count in Counter(doc).items():
                rows.append(row)
                terms.append(self._vocab.setdefault(stem, len(self._vocab)))
                freqs.append(count)
        term = np.asarray(terms, dtype=np.int64)
        order = np.argsort(term, kind="stable")
        df = np.bincount(term, minlength=len(self._vocab)).astype(np.float64)
        self._indptr = np.concatenate([[0], np.cumsum(df)]).astype(np.int64)
        lengths = np.array([len(d) for d in docs], dtype=np.float64)
        doc_of = np.asarray(rows, dtype=np.int64)
        tf = np.asarray(freqs, dtype=np.float32)
        idf = np.log(1.0 + (self._size - df + 0.5) / (df + 0.5)).astype(np.float32)
        avg = float(lengths.mean()) if self._size else 1.0
        tfc = tf / (K1 * ((1 - B) + B * lengths[doc_of] / avg) + tf)
        self._docs = doc_of[order]
        self._weights = (idf[term] * tfc).astype(np.float32)[order]

    def scores(self, query_stems: list[str]) -> npt.NDArray[np.float32]:
        """One score per statement, corpus order; zero where no stem matches (a stem asked
        twice counts twice, as in bm25s)."""
        ids = [self._vocab[s] for s in query_stems if s in self._vocab]
        if not self._size or not ids:
            return np.zeros(self._size, dtype=np.float32)
        starts, ends = self._indptr[ids], self._indptr[np.asarray(ids) + 1]
        picked = np.concatenate([np.arange(a, b) for a, b in zip(starts, ends, strict=True)])
        summed = np.bincount(self._docs[picked], self._weights[picked], minlength=self._size)
        return summed.astype(np.float32)
