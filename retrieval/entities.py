"""Find senators and meeting places/audiences named in a question, from the corpus.

Names are matched by surname (any Russian case, Kazakh suffixes, Latin transliteration), places and
audiences by their distinctive words; generic words such as "район" or "коллектив" never match.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from retrieval.models import Corpus
from retrieval.text import MAX_SUFFIX, STOPWORDS, TermIndex, stem, words

_TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
        "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
        "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    }
)  # fmt: skip

# Words of places and audiences too common to identify a meeting by themselves.
GENERIC = frozenset(
    stem(w)
    for w in """
    район районы районах область области город городе г сельский округ поселок село жители
    житель коллектив коллективом коллективы трудовые трудовыми трудовой представители
    представителями работники работниками сотрудники общественность общественности сфера сферы
    ао тоо ооо рк республика казахстан международная международной школа встреча встречи аудан
    облыс қала тұрғындар ұжым өкілдер district region city residents staff workers
    """.split()
)


def transliterate(text: str) -> str:
    return text.lower().translate(_TRANSLIT)


@dataclass(frozen=True)
class EntityMatch:
    senators: tuple[str, ...]
    meeting_ids: tuple[str, ...]  # named by the question's own words: a filter
    # question words that named them: what is left of the question is its topic
    tokens: tuple[str, ...] = ()
    # meetings reached only through glossary twins ("врачи" → здравоохранение): a boost
    related_meeting_ids: tuple[str, ...] = ()


class EntityFinder:
    """Built once per corpus snapshot; `find` is pure and cheap."""

    def __init__(
        self,
        corpus: Corpus,
        extra_forms: dict[str, list[str]] | None = None,
        region_of: Callable[[str | None], str | None] | None = None,
    ) -> None:
        self._surnames: dict[str, set[str]] = defaultdict(set)  # form -> canonical names
        for name in {n for m in corpus.meetings for n in m.senators}:
            parts = words(name)
            if not parts:
                continue
            surname = parts[-1]
            self._surnames[surname].add(name)
            self._surnames[transliterate(surname)].add(name)
        for name, forms in (extra_forms or {}).items():
            for form in forms:
                for w in words(form)[-1:]:
                    self._surnames[w].add(name)
        # Surnames decline regularly (Асанова/Асановой, Есбай/Есбаем, Бекназаровтың): index the
        # shared base, and let a question word add a case ending of up to five letters.
        self._bases: dict[str, set[str]] = defaultdict(set)
        for form, names in self._surnames.items():
            if len(form) >= 4:
                base = form[:-1] if form.endswith(("а", "a", "й", "y")) else form
                if len(base) >= 4:
                    self._bases[base] |= names
        self._places: TermIndex[str] = TermIndex(
            (w, meeting.id)
            for meeting in corpus.meetings
            for text in [meeting.place or "", *meeting.audience, _region(region_of, meeting.place)]
            for w in _distinctive(words(text))
        )

    def _names_of(self, token: str) -> set[str]:
        found = set(self._surnames.get(token, ())) if len(token) >= 4 else set()
        for size in range(max(4, len(token) - MAX_SUFFIX), len(token) + 1):
            found |= self._bases.get(token[:size], set())
        return found

    def find(self, question: str, extra_terms: Iterable[str] = ()) -> EntityMatch:
        tokens = [t for t in words(question) if t not in STOPWORDS]
        senators: set[str] = set()
        used: set[str] = set()
        for token in tokens:
            names = self._names_of(token) | self._names_of(transliterate(token))
            if names:
                used.add(token)
                senators |= names
        first_names = {w for n in senators for w in words(n)[:-1]}
        used.update(t for t in tokens if t in first_names or transliterate(t) in first_names)
        meetings: set[str] = set()
        for token in tokens:
            ids = self._places.lookup(token) if len(token) >= 3 else set()
            if ids:
                meetings |= ids
                used.add(token)
        related: set[str] = set()
        for token in {w for t in extra_terms for w in words(t)} - set(tokens):
            related |= self._places.lookup(token) if len(token) >= 3 else set()
        return EntityMatch(
            tuple(sorted(senators)),
            tuple(sorted(meetings)),
            tuple(sorted(used)),
            tuple(sorted(related - meetings)),
        )


def _region(region_of: Callable[[str | None], str | None] | None, place: str | None) -> str:
    """The canonical region of a place, so "в Туркестанской области" finds "Сарыағаш ауданы"."""
    return (region_of(place) or "") if region_of is not None else ""


def _distinctive(tokens: list[str]) -> list[str]:
    return [t for t in tokens if len(t) >= 3 and t not in STOPWORDS and stem(t) not in GENERIC]
