"""natasha, loaded once per build: sentences, morphology and PER/LOC/ORG spans as plain records."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    stop: int
    pos: str
    feats: Mapping[str, str] = field(default_factory=dict)

    @property
    def case(self) -> str | None:
        return self.feats.get("Case")

    @property
    def plural(self) -> bool:
        return self.feats.get("Number") == "Plur"

    @property
    def lower(self) -> str:
        return self.text.casefold().replace("ё", "е")


@dataclass(frozen=True)
class Ent:
    type: str  # PER, LOC or ORG
    start: int
    stop: int
    text: str
    normal: str


@dataclass(frozen=True)
class Sent:
    start: int
    stop: int
    text: str
    toks: tuple[Tok, ...]
    ents: tuple[Ent, ...]


@dataclass(frozen=True)
class Analysis:
    text: str
    sents: tuple[Sent, ...]

    @property
    def ents(self) -> tuple[Ent, ...]:
        return tuple(e for s in self.sents for e in s.ents)


class Nlp:
    """Holds the natasha models (about a second to load); pass one instance through a build."""

    def __init__(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pymorphy2 imports the deprecated pkg_resources
            from natasha import (
                MorphVocab,
                NewsEmbedding,
                NewsMorphTagger,
                NewsNERTagger,
                Segmenter,
            )

            self._segmenter: Any = Segmenter()
            self.morph_vocab: Any = MorphVocab()
            embedding = NewsEmbedding()
            self._ner: Any = NewsNERTagger(embedding)
            self._morph: Any = NewsMorphTagger(embedding)

    def analyse(self, text: str) -> Analysis:
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self._segmenter)
        doc.tag_morph(self._morph)
        doc.tag_ner(self._ner)
        ents: list[Ent] = []
        for span in doc.spans:
            try:
                span.normalize(self.morph_vocab)
            except (ValueError, KeyError, IndexError):  # natasha fails on odd tokens
                span.normal = span.text
            ents.append(Ent(span.type, span.start, span.stop, span.text, span.normal or span.text))
        sents: list[Sent] = []
        for sent in doc.sents:
            toks = tuple(
                Tok(t.text, t.start, t.stop, t.pos or "", dict(t.feats or {})) for t in sent.tokens
            )
            inside = tuple(e for e in ents if sent.start <= e.start < sent.stop)
            sents.append(Sent(sent.start, sent.stop, sent.text, toks, inside))
        return Analysis(text, tuple(sents))

    def nominative(self, tok: Tok, gender: str | None = None) -> str:
        """An instrumental noun or adjective in the nominative, keeping number and capitals;
        `gender` (UD: Masc/Fem/Neut) is the head noun's, so adjectives agree with it."""
        wanted = {"NOUN": ("NOUN",), "PROPN": ("NOUN",), "ADJ": ("ADJF", "PRTF")}.get(tok.pos)
        if not wanted:
            return tok.text
        number = "plur" if tok.plural else "sing"
        oc_gender = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}.get(gender or "")
        parses = self.morph_vocab.parse(tok.text)
        if oc_gender and number == "sing":
            parses = sorted(parses, key=lambda p: p.tag.gender != oc_gender)
        for parse in parses:
            tag = parse.tag
            if tag.POS not in wanted or tag.case != "ablt" or (tag.number and tag.number != number):
                continue
            inflected = parse.inflect({"Nom", "Plur" if number == "plur" else "Sing"})
            if inflected is None:
                continue
            word: str = inflected.word
            return word.capitalize() if tok.text[:1].isupper() else word
        return tok.text

    def gender(self, word: str) -> str | None:
        """femn/masc of a first name or surname when the dictionary is sure, else None."""
        genders = {
            str(p.tag.gender)
            for p in self.morph_vocab.parse(word)
            if ("Name" in p.tag or "Surn" in p.tag) and p.tag.case == "nomn" and p.tag.gender
        }
        return genders.pop() if len(genders) == 1 else None


@functools.cache
def load_nlp() -> Nlp:
    """The shared natasha models; cached so a CLI run or a test session loads them once."""
    return Nlp()
