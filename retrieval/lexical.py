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

import bisect
import math
from collections import Counter
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from retrieval.models import Corpus
from retrieval.text import (
    KK_MIN_ROOT,
    OneEdit,
    content_stems,
    has_head,
    has_number,
    has_span,
    has_time,
    is_kazakh,
    kk_root,
    plain_kazakh,
    words,
)
from retrieval.text import (
    stem as stem_of,
)

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
        # which statements state a number: the only answers to "how many / қанша" questions
        self.numeric: npt.NDArray[np.bool_] = np.array(
            [has_number(s.text) for s in statements], dtype=bool
        )
        # which state when (digits, or a month, day or year in words): the answers to "when"; a
        # numeral word alone is no time ("вместо двух палат будет один Курултай")
        self.dated: npt.NDArray[np.bool_] = np.array(
            [has_time(s.text) for s in statements], dtype=bool
        )
        # which name a head or chair: the answers to "who will head / chair …"
        self.headed: npt.NDArray[np.bool_] = np.array(
            [has_head(s.text) for s in statements], dtype=bool
        )
        # which state a span of time (a number with its time): the answers to "how long"
        self.lasting: npt.NDArray[np.bool_] = np.array(
            [has_span(s.text) for s in statements], dtype=bool
        )
        word_counts: dict[str, int] = {}
        for s in statements:
            for w in words(s.text):
                if len(w) >= 5:
                    word_counts[w] = word_counts.get(w, 0) + 1
        # Kazakh roots of the words of Kazakh statements → their stems (see `kin`)
        kin: dict[str, set[str]] = {}
        for s in statements:
            if is_kazakh(s.text):
                for w in words(s.text):
                    if len(w) >= KK_MIN_ROOT:
                        kin.setdefault(kk_root(w), set()).add(stem_of(w))
        self._kin = {root: frozenset(found) for root, found in kin.items()}
        plain_kin: dict[str, set[str]] = {}
        for root, found in kin.items():
            plain_kin.setdefault(plain_kazakh(root), set()).update(found)
        self._plain_kin = {root: frozenset(found) for root, found in plain_kin.items()}
        # stems with Kazakh letters under their Russian-keyboard spelling (see `respelled`)
        plain = sorted((plain_kazakh(s), s) for s in df if is_kazakh(s))
        self._plain_keys = [k for k, _ in plain]
        self._plain_stems = [s for _, s in plain]
        self._typos = OneEdit(sorted(word_counts, key=lambda w: -word_counts[w]))

    def relatives(self, base: str) -> frozenset[str]:
        """Corpus stems sharing `base` as a prefix (a few letters longer: усил → усилен) or being
        a prefix of it (Kazakh endings: мәртебес → мәртеб); exact only for short stems."""
        found = {base} if base in self.df else set()
        if len(base) < 4:
            return frozenset(found)
        found.update(_sharing_prefix(base, self._sorted, self._sorted))
        found.update(
            base[:n] for n in range(max(4, len(base) - 4), len(base)) if base[:n] in self.df
        )
        return frozenset(found)

    def kin(self, word: str) -> frozenset[str]:
        """Stems of the Kazakh corpus words with the same root as a Kazakh word: its other
        inflected forms (аналарға meets Ана, ластаса meets ластаған), which prefixes miss."""
        return self._kin.get(kk_root(word), frozenset())

    def respelled(self, word: str, base: str) -> frozenset[str]:
        """Corpus stems a word typed without Kazakh letters stands for: 'мартебеси' (мәртебесі
        typed on a Russian keyboard) → мәртеб, мәртебесі; 'каржыны' → қарж, қаржысы. Relatives
        as in `relatives` of the Kazakh stems' plain spellings, and the Kazakh words of the same
        root (`kin`, plainly spelt); empty for a word with Kazakh letters or a short one."""
        if len(base) < 5 or is_kazakh(word):
            return frozenset()
        kin = self._plain_kin.get(kk_root(word), frozenset()) if len(word) >= KK_MIN_ROOT else set()
        return frozenset(_sharing_prefix(base, self._plain_keys, self._plain_stems) | kin)

    def correct(self, word: str) -> str | None:
        """The corpus's most frequent word within one edit (deletion, insertion, substitution,
        transposition via deletes on both sides) of a word the corpus does not contain."""
        if len(word) < 6:
            return None
        return self._typos.nearest(word)

    def idf(self, stems: Iterable[str]) -> float | None:
        """Rarity of the commonest of `stems` in the corpus; None when none occurs."""
        counts = [self.df[s] for s in stems if s in self.df]
        if not counts:
            return None
        return math.log(1.0 + self.size / max(counts))


def _sharing_prefix(base: str, keys: list[str], values: list[str]) -> set[str]:
    """`values` whose `keys` (sorted) start like `base`. Kazakh endings are long (тәуелсіз →
    тәуелсіздігі): a long word's relatives share its first 60 %, a short one's must start with
    all of it and be at most three letters longer."""
    root = base if len(base) < 7 else base[: max(5, math.ceil(0.6 * len(base)))]
    start = bisect.bisect_left(keys, root)
    found = set()
    for key, value in zip(keys[start : start + 64], values[start : start + 64], strict=True):
        if not key.startswith(root):
            break
        if len(key) - len(base) <= 3 or len(base) >= 7:
            found.add(value)
    return found
