"""Words one typo away from a few known ones (a meeting's audience, a senator's surname): a
question's misspelt *интеллегенцией* still names the *интеллигенции* a release met, and
*Сарыбаеф* the senator Сарыбаев."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from retrieval.ingest.text import osa_distance
from retrieval.text import stem

T = TypeVar("T")
MIN_STEM = 7  # a shorter stem is one edit from too many other words


class NearStems(Generic[T]):
    """Payloads of the known words whose stem is within one edit of a word's stem (Cyrillic
    words of at least `MIN_STEM` letters of stem; found by deleting a letter on either side).
    `key` replaces the stem (a surname is compared as written), `latin` admits Latin words."""

    def __init__(
        self,
        items: Iterable[tuple[str, T]],
        key: Callable[[str], str] = stem,
        latin: bool = False,
    ) -> None:
        self._key, self._latin = key, latin
        self._payloads: dict[str, set[T]] = defaultdict(set)
        self._deletes: dict[str, set[str]] = defaultdict(set)
        for word, payload in items:
            base = key(word)
            if (word.isascii() and not latin) or len(base) < MIN_STEM:
                continue
            self._payloads[base].add(payload)
            for variant in (base, *_deletes(base)):
                self._deletes[variant].add(base)

    def lookup(self, word: str) -> set[T]:
        base = self._key(word)
        if (word.isascii() and not self._latin) or len(base) < MIN_STEM:
            return set()
        found: set[T] = set()
        for variant in (base, *_deletes(base)):
            for known in self._deletes.get(variant, ()):
                if osa_distance(base, known) <= 1:
                    found |= self._payloads[known]
        return found


def _deletes(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]
