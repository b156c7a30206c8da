"""A deterministic embedder, so index and search tests need no model."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np

from retrieval.embedder import Vectors

_WORD = re.compile(r"\w+", re.UNICODE)


class FakeEmbedder:
    """Hashed character trigrams of words: same text, same vector, lexical overlap ≈ cosine.

    Good enough for exact asserts in tests; it knows no synonyms or languages.
    """

    def __init__(self, dim: int = 256) -> None:
        self._dim = dim

    @property
    def model_id(self) -> str:
        return f"fake-trigram-{self._dim}"

    @property
    def dim(self) -> int:
        return self._dim

    def _one(self, text: str) -> Vectors:
        vec = np.zeros(self._dim, dtype=np.float32)
        for word in _WORD.findall(text.lower()):
            padded = f"#{word}#"
            for i in range(max(1, len(padded) - 2)):
                gram = padded[i : i + 3].encode("utf-8")
                bucket = int.from_bytes(hashlib.blake2b(gram, digest_size=4).digest(), "little")
                vec[bucket % self._dim] += 1.0
        norm = float(np.linalg.norm(vec))
        if norm == 0.0:
            vec[0] = 1.0
            return vec
        return vec / norm

    def _many(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        return np.stack([self._one(t) for t in texts]).astype(np.float32)

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        return self._many(texts)

    def encode_documents(self, texts: Sequence[str]) -> Vectors:
        return self._many(texts)
