"""Find senators and meeting places/audiences named in a question, from the corpus.

Names are matched by surname (any Russian case, Kazakh suffixes, Latin transliteration), places and
audiences by their distinctive words; generic words such as "район" or "коллектив" never match.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from retrieval.models import Corpus
from retrieval.text import STOPWORDS, stem, term_matches, words

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
    meeting_ids: tuple[str, ...]
    # question words that named them: what is left of the question is its topic
    tokens: tuple[str, ...] = ()


class EntityFinder:
    """Built once per corpus snapshot; `find` is pure and cheap."""

    def __init__(self, corpus: Corpus, extra_forms: dict[str, list[str]] | None = None) -> None:
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
        self._place_words: dict[str, set[str]] = defaultdict(set)  # word -> meeting ids
        for meeting in corpus.meetings:
            for text in [meeting.place or "", *meeting.audience]:
                for w in _distinctive(words(text)):
                    self._place_words[w].add(meeting.id)

    def find(self, question: str, extra_terms: Iterable[str] = ()) -> EntityMatch:
        tokens = [t for t in words(question) if t not in STOPWORDS]
        latin = [transliterate(t) for t in tokens]
        senators: list[str] = []
        used: set[str] = set()
        for form, names in self._surnames.items():
            hit = [t for t, lat in zip(tokens, latin, strict=True) if len(form) >= 4
                   and (_name_matches(t, form) or _name_matches(lat, form))]  # fmt: skip
            if hit:
                used.update(hit)
                senators.extend(n for n in sorted(names) if n not in senators)
        first_names = {w for n in senators for w in words(n)[:-1]}
        used.update(t for t in tokens if t in first_names or transliterate(t) in first_names)
        meetings: set[str] = set()
        own = set(tokens)
        probe = tokens + [w for t in extra_terms for w in words(t)]
        for word, ids in self._place_words.items():
            hit = [t for t in probe if len(t) >= 3 and term_matches(t, word)]
            if hit:
                used.update(t for t in hit if t in own)
                meetings |= ids
        return EntityMatch(tuple(senators), tuple(sorted(meetings)), tuple(sorted(used)))


def _name_matches(token: str, surname: str) -> bool:
    # Surnames decline regularly (Асанова/Асановой, Есбай/Есбаем, Бекназаровтың); compare the
    # shared stem, allowing a case ending of up to four letters.
    if token == surname:
        return True
    base = surname[:-1] if surname.endswith(("а", "a", "й", "y")) else surname
    return len(base) >= 4 and token.startswith(base) and len(token) - len(base) <= 5


def _distinctive(tokens: list[str]) -> list[str]:
    return [t for t in tokens if len(t) >= 3 and t not in STOPWORDS and stem(t) not in GENERIC]
