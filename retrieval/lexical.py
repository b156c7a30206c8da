"""BM25 over statement stems (bm25s), with the meeting's place/audience/senators as extra fields.

Putting meeting context into each statement's bag of words lets "в Казпочте" or "Шымкент" find
statements whose own text never names the place.
"""

from __future__ import annotations

import logging

import bm25s
import numpy as np
import numpy.typing as npt

from retrieval.models import Corpus
from retrieval.text import content_stems


class Bm25Index:
    def __init__(self, corpus: Corpus) -> None:
        # bm25s sets its own logger to DEBUG and logs every index build; keep it quiet.
        logging.getLogger("bm25s").setLevel(logging.WARNING)
        docs: list[list[str]] = []
        for meeting in corpus.meetings:
            context = " ".join([meeting.place or "", *meeting.audience, *meeting.senators])
            context_stems = content_stems(context)
            for statement in meeting.statements:
                docs.append(content_stems(statement.text) + context_stems)
        self._size = len(docs)
        self._model = bm25s.BM25()
        if docs:
            self._model.index(docs, show_progress=False)

    def scores(self, query_stems: list[str]) -> npt.NDArray[np.float32]:
        """One score per statement, corpus order; zero where no stem matches."""
        if not self._size or not query_stems:
            return np.zeros(self._size, dtype=np.float32)
        return np.asarray(self._model.get_scores(query_stems), dtype=np.float32)
