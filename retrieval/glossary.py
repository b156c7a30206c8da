"""Query expansion from `corpus/glossary.yaml`: domain terms pull in their ru/kk/en twins."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from retrieval.text import term_matches, words


@dataclass(frozen=True)
class TermGroup:
    terms: tuple[str, ...]
    domain: bool
    # each term as its lower-cased words, for multi-word matching
    term_words: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Expansion:
    """What a question matched: extra terms to search for and how many domain groups it hit."""

    terms: tuple[str, ...]
    domain_groups: int
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


class Glossary:
    def __init__(self, groups: list[TermGroup]) -> None:
        self._groups = groups

    @classmethod
    def load(cls, path: Path) -> Glossary:
        """Read the YAML; a malformed file is a clear ValueError naming it."""
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
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

    def expand(self, question: str) -> Expansion:
        tokens = words(question)
        extra: list[str] = []
        domain: list[tuple[str, ...]] = []
        for group in self._groups:
            if any(phrase_in(tw, tokens) for tw in group.term_words if tw):
                if group.domain:
                    domain.append(group.terms)
                extra.extend(t for t in group.terms if t not in extra)
        return Expansion(terms=tuple(extra), domain_groups=len(domain), domain_terms=tuple(domain))


def phrase_in(phrase: tuple[str, ...], tokens: list[str]) -> bool:
    """All words of a term occur in order, adjacent, allowing inflected endings."""
    n = len(phrase)
    for start in range(len(tokens) - n + 1):
        if all(term_matches(tokens[start + i], phrase[i]) for i in range(n)):
            return True
    return False
