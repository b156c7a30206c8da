"""BM25 over statement stems (bm25s), with the meeting's place/audience/senators as extra fields.

Putting meeting context into each statement's bag of words lets "в Казпочте" or "Шымкент" find
statements whose own text never names the place.
"""

from __future__ import annotations

import bisect
import logging
import math
from collections.abc import Iterable

import bm25s
import numpy as np
import numpy.typing as npt

from retrieval.models import Corpus
from retrieval.text import content_stems, words


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


class Lexicon:
    """Per-statement stem sets and corpus vocabulary, to tell whether a statement covers a
    question's own terms: stems, their inflected/derived relatives (shared prefixes), and typo
    corrections against the corpus's words. Built once per snapshot; lookups are dict hits."""

    def __init__(self, corpus: Corpus) -> None:
        statements = corpus.statements()
        self.size = len(statements)
        self.stems: tuple[frozenset[str], ...] = tuple(
            frozenset(content_stems(s.text)) for s in statements
        )
        # the meeting's place and audience, for a question that names them ("почтовикам")
        self.context: tuple[frozenset[str], ...] = tuple(
            frozenset(content_stems(" ".join([m.place or "", *m.audience])))
            for m in corpus.meetings
            for _ in m.statements
        )
        df: dict[str, int] = {}
        for bag in self.stems:
            for one in bag:
                df[one] = df.get(one, 0) + 1
        self.df = df
        self._sorted = sorted(df)
        word_counts: dict[str, int] = {}
        for s in statements:
            for w in words(s.text):
                if len(w) >= 5:
                    word_counts[w] = word_counts.get(w, 0) + 1
        self._deletes: dict[str, str] = {}
        for w in sorted(word_counts, key=lambda w: -word_counts[w]):
            for variant in (w, *_deletes(w)):
                self._deletes.setdefault(variant, w)

    def relatives(self, base: str) -> frozenset[str]:
        """Corpus stems sharing `base` as a prefix (a few letters longer: усил → усилен) or being
        a prefix of it (Kazakh endings: мәртебес → мәртеб); exact only for short stems."""
        found = {base} if base in self.df else set()
        if len(base) < 4:
            return frozenset(found)
        # Kazakh endings are long (тәуелсіз → тәуелсіздігі): a long word's relatives share its
        # first 60 %, a short one's must start with all of it
        root = base if len(base) < 7 else base[: max(5, math.ceil(0.6 * len(base)))]
        start = bisect.bisect_left(self._sorted, root)
        for s in self._sorted[start : start + 64]:
            if not s.startswith(root):
                break
            if len(s) - len(base) <= 3 or len(base) >= 7:
                found.add(s)
        found.update(
            base[:n] for n in range(max(4, len(base) - 4), len(base)) if base[:n] in self.df
        )
        return frozenset(found)

    def correct(self, word: str) -> str | None:
        """The corpus's most frequent word within one edit (deletion, insertion, substitution,
        transposition via deletes on both sides) of a word the corpus does not contain."""
        if len(word) < 6:
            return None
        for variant in (word, *_deletes(word)):
            if variant in self._deletes:
                return self._deletes[variant]
        return None

    def idf(self, stems: Iterable[str]) -> float | None:
        """Rarity of the commonest of `stems` in the corpus; None when none occurs."""
        counts = [self.df[s] for s in stems if s in self.df]
        if not counts:
            return None
        return math.log(1.0 + self.size / max(counts))


def _deletes(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]
