"""Query expansion from `corpus/glossary.yaml`: domain terms pull in their ru/kk/en twins."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import yaml

from retrieval.text import STOPWORDS, OneEdit, TermIndex, plain_kazakh, term_matches, words
from retrieval.yaml_files import load_yaml

P = TypeVar("P")


@dataclass(frozen=True)
class TermGroup:
    terms: tuple[str, ...]
    domain: bool
    # each term as its lower-cased words, for multi-word matching
    term_words: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Expansion:
    """What a question matched: extra terms to search for, grouped by domain group."""

    terms: tuple[str, ...]
    # per matched domain group, its terms: the dense query takes a few from each
    domain_terms: tuple[tuple[str, ...], ...] = ()

    def dense_terms(self, limit: int = 8) -> list[str]:
        """Round-robin over matched domain groups so one big group cannot crowd out another."""
        picked: list[str] = []
        for layer in range(max((len(g) for g in self.domain_terms), default=0)):
            for group in self.domain_terms:
                if layer < len(group) and group[layer] not in picked:
                    picked.append(group[layer])
        return picked[:limit]


class PhraseSet(Generic[P]):
    """Phrases (word tuples) with payloads; `find` says which occur in a token list, allowing
    inflected endings, by looking each question word up rather than scanning every phrase."""

    def __init__(self, phrases: Iterable[tuple[tuple[str, ...], P]]) -> None:
        self._phrases = [(phrase, payload) for phrase, payload in phrases if phrase]
        self._first = TermIndex((phrase[0], i) for i, (phrase, _) in enumerate(self._phrases))

    def find(self, tokens: list[str]) -> set[P]:
        return {payload for _, _, payload in self.spans(tokens)}

    def spans(self, tokens: list[str]) -> list[tuple[int, int, P]]:
        """(start, length, payload) of every phrase occurrence, in token order, the longest
        first where several start at one word: "халық қалаулылары" (deputies) before "халық"
        (people) — in the order of a set before, which moved when the glossary grew."""
        found: list[tuple[int, int, int, P]] = []
        for start, token in enumerate(tokens):
            for i in self._first.lookup(token):
                phrase, payload = self._phrases[i]
                if _phrase_at(phrase, tokens, start):
                    found.append((start, -len(phrase), i, payload))
        found.sort(key=lambda f: f[:3])
        return [(start, -negative, payload) for start, negative, _, payload in found]


class Glossary:
    def __init__(self, groups: list[TermGroup]) -> None:
        self._groups = groups
        # a Kazakh term also as typed without its letters (мұғалім → мугалим)
        self._phrases: PhraseSet[int] = PhraseSet(
            (spelling, g)
            for g, group in enumerate(groups)
            for phrase in group.term_words
            for spelling in dict.fromkeys((phrase, tuple(plain_kazakh(w) for w in phrase)))
        )
        # English terms' words by their one-letter deletions: an English question has no corpus
        # word to be corrected against, so "bulding" met nothing (Cyrillic typos are mended
        # against the corpus, see `Lexicon.correct`)
        latin = sorted({w for g in groups for t in g.term_words for w in t if _typo_worthy(w)})
        self._known: TermIndex[str] = TermIndex((w, w) for w in latin)
        self._typos = OneEdit(latin)

    @classmethod
    def load(cls, path: Path) -> Glossary:
        """Read the YAML; a malformed file is a clear ValueError naming it."""
        try:
            data = load_yaml(path.read_text(encoding="utf-8")) or {}
            raw_groups = data["groups"]
            groups = [
                TermGroup(
                    terms=tuple(str(t) for t in g["terms"]),
                    domain=bool(g.get("domain", True)),
                    term_words=tuple(tuple(words(str(t))) for t in g["terms"]),
                )
                for g in raw_groups
            ]
        except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: not a valid glossary ({exc.__class__.__name__})") from None
        return cls(groups)

    def domain_terms(self) -> list[str]:
        """Every term of the domain groups, once, in file order (their vectors are cached)."""
        return list(dict.fromkeys(t for g in self._groups if g.domain for t in g.terms))

    def mend(self, tokens: list[str]) -> list[str]:
        """English words one typo away from a glossary word, as that word ("bulding" →
        "building"); every other word as it is."""
        return [self._mended(t) for t in tokens]

    def _mended(self, token: str) -> str:
        if not _typo_worthy(token) or self._known.lookup(token):
            return token
        return self._typos.nearest(token) or token

    def twins_by_token(self, tokens: list[str]) -> dict[int, tuple[int, tuple[str, ...]]]:
        """For each token a glossary term covers: (group number, the group's terms). A phrase's
        tokens share their group, so "права человека" is one concept, not two."""
        found: dict[int, tuple[int, tuple[str, ...]]] = {}
        tokens = self.mend(tokens)
        for start, length, g in self._phrases.spans(tokens):
            for i in range(start, start + length):
                first, terms = found.get(i, (g, ()))
                found[i] = (first, tuple(dict.fromkeys((*terms, *self._groups[g].terms))))
        return found

    def expand(self, question: str) -> Expansion:
        matched = self._phrases.find(self.mend(words(question)))
        extra: list[str] = []
        domain: list[tuple[str, ...]] = []
        for g, group in enumerate(self._groups):
            if g in matched:
                if group.domain:
                    domain.append(group.terms)
                extra.extend(t for t in group.terms if t not in extra)
        return Expansion(terms=tuple(extra), domain_terms=tuple(domain))


def _phrase_at(phrase: tuple[str, ...], tokens: list[str], start: int) -> bool:
    if start + len(phrase) > len(tokens):
        return False
    return all(term_matches(tokens[start + i], word) for i, word in enumerate(phrase))


TYPO_MIN = 6  # shorter words are one edit from too many others (court / count)


def _typo_worthy(word: str) -> bool:
    return word.isascii() and word.isalpha() and len(word) >= TYPO_MIN and word not in STOPWORDS
