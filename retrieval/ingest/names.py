"""Is a capitalised span a person's name? Discourse words, known terms and surname shapes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from retrieval.ingest.regions import load_gazetteer
from retrieval.ingest.text import fold

# Sentence-initial connectives natasha glues onto a following capitalised word
# ("Сондай-ақ Астана" read as a PER span).
_DISCOURSE = frozenset(
    fold(p)
    for p in (
        "сондай-ақ", "сонымен қатар", "сонымен бірге", "сонымен", "бұдан бөлек", "бұдан басқа",
        "осылайша", "сондықтан", "алайда", "дегенмен", "тағы да", "кейін", "также", "кроме того",
        "кроме этого", "помимо этого", "помимо того", "вместе с тем", "таким образом", "далее",
        "затем", "при этом", "однако", "между тем", "в частности", "in addition", "also",
        "moreover", "furthermore", "meanwhile",
    )
)  # fmt: skip
# Words that are never a person's name whatever the glossary says.
_BUILTIN_TERMS = (
    "Казахстан", "Қазақстан", "Республика", "Республикасы", "Сенат", "Сенаты", "Парламент",
    "Парламенті", "Мажилис", "Мәжіліс", "Курултай", "Құрылтай", "Президент", "Правительство",
    "Үкімет", "Конституция", "Конституциясы", "Ата Заң", "Ата Заңы", "Основной закон", "Kazakhstan",
)  # fmt: skip
_SURNAME_ENDINGS = (
    "ов", "ова", "ев", "ева", "ёв", "ёва", "ин", "ина", "ын", "ына", "бай", "баев", "баева",
    "ұлы", "қызы", "улы", "кызы", "ский", "ская", "цкий", "цкая", "енко", "ович", "евич", "овна",
    "евна", "ov", "ova", "ev", "eva", "in", "ina", "uly", "kyzy", "qyzy", "bay", "bai",
)  # fmt: skip
_NAME_WORD = re.compile(
    r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+(?:-[A-ZА-ЯЁӘҒҚҢӨҰҮҺІa-zа-яёәғқңөұүһі]+)?$"
)
_MAX_ENDING = 4  # a case ending after a stop term: "Конституцияда", "Құрылтайдың"
_BODY_WORDS = tuple(fold(t) for t in _BUILTIN_TERMS if " " not in t)
# Bodies named by two common words, each of which may be a name alone ("Кеңес" is a first
# name): the draft's People's Council, in any case ("Халық Кеңесінің", "Народного совета")
_BODY_PHRASES = (("халық", "кеңес"), ("халык", "кенес"), ("народн", "совет"), ("halyq", "keńes"),
                 ("halyk", "kenes"), ("people", "s", "council"))  # fmt: skip


def _body_word(word: str) -> bool:
    """A word of the state's bodies or the Constitution, in any case ("Конституциясы",
    "Құрылтайдың") but never a surname built on one ("Сенатов")."""
    if has_surname_shape(word):
        return False
    return any(word.startswith(t) and len(word) - len(t) <= _MAX_ENDING for t in _BODY_WORDS)


def _body_phrase(words: list[str]) -> bool:
    """Do the words hold a two-word body's name, each word in any case ('халық кеңесінің')?"""
    for stems in _BODY_PHRASES:
        for at in range(len(words) - len(stems) + 1):
            run = zip(words[at : at + len(stems)], stems, strict=True)
            if all(w.startswith(t) and len(w) - len(t) <= _MAX_ENDING for w, t in run):
                return True
    return False


def strip_discourse(text: str) -> str:
    """'Сондай-ақ Астана' → 'Астана'; 'Также Жанна Асанова' → 'Жанна Асанова'."""
    words = text.split()
    changed = True
    while changed and words:
        changed = False
        for size in (3, 2, 1):
            if len(words) >= size and fold(" ".join(words[:size])) in _DISCOURSE:
                words = words[size:]
                changed = True
                break
    return " ".join(words)


def has_surname_shape(word: str) -> bool:
    low = word.casefold().replace("ё", "е")
    return len(low) >= 4 and low.endswith(_SURNAME_ENDINGS)


def looks_like_name(name: str, morph: Any | None = None) -> bool:
    """Two or three capitalised words, one shaped like a surname (-ов, -ова, -бай, -ұлы …)
    or, for Russian, tagged Surn / Name+Name by pymorphy (`morph` is its MorphAnalyzer)."""
    parts = name.split()
    if not 2 <= len(parts) <= 3 or not all(_NAME_WORD.match(p) for p in parts):
        return False
    if any(has_surname_shape(p) for p in parts):
        return True
    if morph is None:
        return False
    tags = [{tag for p in morph.parse(w) for tag in ("Name", "Surn", "Patr") if tag in p.tag}
            for w in parts]  # fmt: skip
    return any("Surn" in t for t in tags) or all(t & {"Name", "Patr"} for t in tags)


@dataclass(frozen=True)
class Stoplist:
    """Terms of the domain (glossary, themes, place names) that natasha may mistake for people."""

    phrases: frozenset[str]
    words: frozenset[str]
    corpus_dir: Path | None = None

    @classmethod
    def build(cls, terms: Iterable[str], corpus_dir: Path | None = None) -> Stoplist:
        phrases = {fold(t) for t in terms if fold(t)}
        singles = {p for p in phrases if " " not in p and len(p) >= 3}
        multi_words = {w for p in phrases if " " in p for w in p.split() if len(w) >= 3}
        return cls(frozenset(phrases), frozenset(singles | multi_words), corpus_dir)

    @classmethod
    def load(cls, corpus_dir: Path) -> Stoplist:
        """Glossary terms, theme labels and the built-in terms; place names via regions.yaml."""
        terms: list[str] = list(_BUILTIN_TERMS)
        glossary = _yaml(corpus_dir / "glossary.yaml")
        for group in glossary.get("groups") or []:
            if isinstance(group, Mapping):
                terms += [str(t) for t in group.get("terms") or []]
        themes = _yaml(corpus_dir / "themes.yaml")
        for theme in themes.get("themes") or []:
            labels = theme.get("labels") if isinstance(theme, Mapping) else None
            if isinstance(labels, Mapping):
                terms += [str(v) for v in labels.values()]
        return cls.build(terms, corpus_dir)

    def _word_is_term(self, word: str) -> bool:
        return (
            any(word.startswith(t) and len(word) - len(t) <= _MAX_ENDING for t in self.words)
            or word in self.words
        )

    def blocks(self, span: str) -> bool:
        """Is the span a known term or place rather than a name? ('Ата Заң', 'Астана'; and any
        span with a word of the state's bodies or its Constitution in it: 'Жаңа Конституция')"""
        folded = fold(span)
        if not folded:
            return True
        if any(_body_word(word) for word in folded.split()) or _body_phrase(folded.split()):
            return True
        if any(folded == p or folded.startswith(p + " ") for p in self.phrases if " " in p):
            return True
        gazetteer = load_gazetteer(self.corpus_dir) if self.corpus_dir else None
        regions = (
            [(m.start, m.end) for m in gazetteer.matches(folded) if m.level == 0]
            if (gazetteer)
            else []
        )
        covered: list[bool] = []
        pos = 0
        for word in folded.split():
            start = folded.index(word, pos)
            pos = start + len(word)
            place = gazetteer is not None and gazetteer.town(word) is not None
            in_region = any(s <= start < e for s, e in regions)
            covered.append(self._word_is_term(word) or place or in_region)
        return all(covered)


def _yaml(path: Path) -> Mapping[str, Any]:
    if not path.exists():
        return {}
    data: Any = yaml.safe_load(path.read_text("utf-8"))
    return data if isinstance(data, Mapping) else {}
