"""Find senators and meeting places/audiences named in a question, from the corpus.

Names are matched by surname (any Russian case, Kazakh suffixes, Latin transliteration), places and
audiences by their distinctive words; generic words such as "район", "коллектив" or any word common
in the statements themselves never match.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from retrieval.models import Corpus
from retrieval.near_stems import NearStems
from retrieval.place_kinds import (
    KINDS,
    adjectival_places,
    kind_of,
    latin_place,
    other_spelling,
    place_forms,
)
from retrieval.place_kinds import (
    transliterate as transliterate,
)
from retrieval.senator_names import CAPITALISED, by_first_name, is_first_name, latin_name
from retrieval.text import MAX_SUFFIX, STOPWORDS, TermIndex, stem, words

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


# The Senate's posts as a question names them, the deputy's first: "төрағасының орынбасары",
# "заместитель председателя", "вице-спикер" hold the chair's word too
_POSTS = (
    (
        "deputy_chair",
        re.compile(
            r"\b(?:төраға\w*\s+орынбасар\w*|заместител\w*\s+председател\w*"
            r"|вице\s?-?\s?спикер\w*|deputy\s+(?:chair\w*|speaker))"
        ),
    ),
    (
        "chair",
        re.compile(
            r"\b(?:сенат\w*\s+(?:төраға\w*|спикер\w*)|(?:председател\w*|спикер\w*)\s+сенат\w*"
            r"|senate\s+(?:chair\w*|speaker)|(?:chair\w*|speaker)\s+of\s+(?:the\s+)?senate)"
        ),
    ),
)


@dataclass(frozen=True)
class EntityMatch:
    senators: tuple[str, ...]
    # meetings held at a place the question names ("в Шымкенте", "Шымкентте"): a filter
    meeting_ids: tuple[str, ...]
    # question words that named them: what is left of the question is its topic
    tokens: tuple[str, ...] = ()
    # meetings whose audience a question word or glossary twin names ("почтовики"): a boost only,
    # never a filter — "бизнес" must not hand every business question to one meeting
    related_meeting_ids: tuple[str, ...] = ()
    # question words that matched an audience (they count as covered for those meetings)
    audience_tokens: tuple[str, ...] = ()


class EntityFinder:
    """Built once per corpus snapshot; `find` is pure and cheap.

    Only a senator's name or a meeting's place restricts results. Audience words are soft
    evidence, and a word common in the statements themselves ("Конституции", "халық") is no
    entity at all, whatever field it appears in.
    """

    def __init__(
        self,
        corpus: Corpus,
        extra_forms: dict[str, list[str]] | None = None,
        meeting_regions: Mapping[str, str | None] | None = None,
        regions_named: Callable[[str], list[tuple[str, str]]] | None = None,
        town_twins: Callable[[str | None], list[str]] | None = None,
        posts: Mapping[str, str] | None = None,
    ) -> None:
        # the Senate's chair and deputy chairs among the corpus's senators, for a question that
        # names the post, not the person ("Сенат төрағасы", "председатель Сената", "вице-спикер")
        present = {n for m in corpus.meetings for n in m.senators}
        self._posts: dict[str, set[str]] = defaultdict(set)
        for name, post in (posts or {}).items():
            if name in present:
                self._posts[post].add(name)
        self._surnames: dict[str, set[str]] = defaultdict(set)  # form -> canonical names
        # a senator of this corpus by first name alone ("Что сказала Жанна?"), in Latin letters
        self._first_names: dict[str, set[str]] = defaultdict(set)
        for name in {n for m in corpus.meetings for n in m.senators}:
            parts = words(name)
            if not parts:
                continue
            surname = parts[-1]
            self._surnames[surname].add(name)
            self._surnames[transliterate(surname)].add(name)
            for first in parts[:-1]:
                self._first_names[transliterate(first)].add(name)
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
        # one typo in a surname (Сарыбаеф, Жорганбаев): tried only when no name matched
        self._near_names = NearStems(
            ((form, name) for form, names in self._surnames.items() for name in names),
            key=str,
            latin=True,
        )
        common = _common_stems(corpus)
        self._common = common
        regions = meeting_regions or {}  # meeting id -> its canonical region, when known
        self._places: TermIndex[str] = TermIndex(
            (form, meeting.id)
            for meeting in corpus.meetings
            # the canonical region too: "в Туркестанской области" finds "Сарыағаш ауданы"; and
            # the town's other names: "Оралда" finds a meeting a Russian outlet placed in Уральск
            for text in [
                meeting.place or "",
                regions.get(meeting.id) or "",
                *(town_twins(meeting.place) if town_twins else ()),
            ]
            for w in _distinctive(words(text), common)
            # "in Shymkent" names Шымкент too, "в Караганде" names Қарағанды
            for form in place_forms(w)
        )
        # A town the corpus spells otherwise ("в Орале" for Уральск) still names its region.
        self._regions_named = regions_named
        self._by_region: dict[str, set[str]] = defaultdict(set)
        for meeting_id, region in regions.items():
            if region:
                self._by_region[region].add(meeting_id)
        # "Жамбылский район" is "Жамбыл ауданы", "Zhambyl district"; "Алматинская область" is
        # "Алматы облысы": a Russian adjective's base, found only beside the same kind of word
        self._by_kind: dict[str, TermIndex[str]] = {
            kind: TermIndex(
                (form, meeting.id)
                for meeting in corpus.meetings
                for base, of in adjectival_places(words(meeting.place or ""))
                if of == kind and stem(base) not in GENERIC and stem(base) not in common
                for form in (base, transliterate(base), latin_place(transliterate(base)))
            )
            for kind in KINDS
        }
        audience_words = [
            (form, meeting.id)
            for meeting in corpus.meetings
            for text in meeting.audience
            for w in _distinctive(words(text), common)
            # "Kazatomprom" names the АО «Казатомпром» a release wrote in Cyrillic
            for form in {w, transliterate(w)}
        ]
        self._audiences: TermIndex[str] = TermIndex(audience_words, loose=True)
        self._near_audiences = NearStems(audience_words)

    def _names_of(self, token: str) -> set[str]:
        if token.isascii():
            token = latin_name(token)
        found = set(self._surnames.get(token, ())) if len(token) >= 4 else set()
        for size in range(max(4, len(token) - MAX_SUFFIX), len(token) + 1):
            found |= self._bases.get(token[:size], set())
        return found

    def _names(self, token: str) -> set[str]:
        """The senators a word names, as written or transliterated (Tolegenov, Толегенов)."""
        return self._names_of(token) | self._names_of(transliterate(token))

    def knows(self, token: str) -> bool:
        """Is the word a senator's name or a meeting's place, in any of the spellings `find`
        meets (*Tolegenov* and *Толегенов* alike)?"""
        return bool(self._names(token) or self._places.lookup(token))

    def find(self, question: str, extra_terms: Iterable[str] = ()) -> EntityMatch:
        every = words(question)
        tokens = [t for t in every if t not in STOPWORDS]
        senators: set[str] = set()
        used: set[str] = set()
        latin = [transliterate(t) for t in tokens]
        for token in tokens:
            names = self._names(token)
            if names:
                used.add(token)
                senators |= by_first_name(names, latin)
        if not senators:
            for token in tokens:
                if stem(token) not in self._common and (names := self._near_names.lookup(token)):
                    used.add(token)
                    senators |= names
        if not senators:
            # only a capitalised word: Мұрат is a senator, мұрат (an aim) a subject
            capitalised = {w.lower() for w in CAPITALISED.findall(question)}
            for token in tokens:
                if token in capitalised and len(token) >= 4 and stem(token) not in self._common:
                    spelt = transliterate(token)
                    for first, names in self._first_names.items():
                        if is_first_name(spelt, {first}):
                            used.add(token)
                            senators |= names
        if not senators:
            for post, pattern in _POSTS:
                if match := pattern.search(" ".join(every)):
                    if holders := self._posts.get(post):
                        senators |= holders
                        used.update(words(match.group(0)))
                    break  # "төрағасының орынбасары" is no chair
        first_names = {transliterate(w) for n in senators for w in words(n)[:-1]}
        used.update(t for t in tokens if is_first_name(transliterate(t), first_names))
        # a town's name that names a lake, a sea or a river here, or what happens *with* it, is
        # the question's subject, not where a meeting was ("что будет с Балхашем")
        not_here = used | _not_places(every)
        meetings, place_tokens = self._by_kind_word(every, not_here)
        not_here |= place_tokens
        direct, named = _matches(self._places, tokens, not_here, other_spelling)
        meetings |= direct
        place_tokens |= named
        if not meetings and self._regions_named is not None:
            meetings, place_tokens = self._in_regions(self._regions_named(question), not_here)
        used |= place_tokens
        related, audience_tokens = _matches(self._audiences, tokens, used)
        # a misspelt audience (*интеллегенцией*) is still the audience
        for token in set(tokens) - used - audience_tokens:
            if found := self._near_audiences.lookup(token):
                related |= found
                audience_tokens.add(token)
        # a glossary twin's audience ("о пенсиях" → пенсионеры) only boosts meetings beyond the
        # places named: there it would vouch for whatever was said to pensioners
        for token in {w for t in extra_terms for w in words(t)} - set(tokens):
            related |= self._audiences.lookup(token) - meetings if len(token) >= 3 else set()
        return EntityMatch(
            tuple(sorted(senators)),
            tuple(sorted(meetings)),
            tuple(sorted(used)),
            tuple(sorted(related)),
            tuple(sorted(audience_tokens)),
        )

    def _by_kind_word(self, tokens: list[str], skip: set[str]) -> tuple[set[str], set[str]]:
        """Meetings in a district or region the question names by its base and the kind's word
        (*Жамбыл ауданында*, *Zhambyl district*, *Алматы облысы*): that word says the town of
        the same name (Алматы) is not meant."""
        ids: set[str] = set()
        naming: set[str] = set()
        for token, after in pairwise(tokens):
            kind = kind_of(after)
            if kind is None or token in skip or len(token) < 4:
                continue
            found = self._by_kind[kind].lookup(token) | self._by_kind[kind].lookup(
                other_spelling(token)
            )
            if found:
                ids |= found
                naming.add(token)
        return ids, naming

    def _in_regions(
        self, named_regions: list[tuple[str, str]], skip: set[str]
    ) -> tuple[set[str], set[str]]:
        """Meetings in the regions of a question's capitalised places, for when no meeting's
        place is spelt as the question spells it (Орал / Уральск, Өскемен / Усть-Каменогорск)."""
        ids: set[str] = set()
        naming: set[str] = set()
        for region, named in named_regions:
            tokens = set(words(named))
            if tokens & skip or not self._by_region.get(region):
                continue  # a senator's name, or a region without meetings: no restriction
            ids |= self._by_region[region]
            naming |= tokens
        return ids, naming


# lake, sea, river, shore: a town's name beside one names the water (Арал теңізі, озеро Балхаш)
_WATERS = frozenset(
    """
    озеро озера озеру озером озере озёра озер море моря морю морем река реки реке реку рекой
    берег берега берегу көл көлі көлін көліне көлінің теңіз теңізі теңізін теңізіне теңізінің
    өзен өзені өзенін өзеніне өзенінің lake lakes sea river
    """.split()
)
_INSTRUMENTAL = ("ом", "ем", "ой", "ей", "ью")


def _not_places(tokens: list[str]) -> set[str]:
    """Words that cannot be a meeting's place in this question: beside a word for water, or in
    the Russian instrumental after с/со (with X: the subject)."""
    found: set[str] = set()
    for i, token in enumerate(tokens):
        near = tokens[max(i - 1, 0) : i] + tokens[i + 1 : i + 2]
        if not _WATERS.isdisjoint(near):
            found.add(token)
        after_with = i > 0 and tokens[i - 1] in ("с", "со")
        if after_with and token.endswith(_INSTRUMENTAL):
            found.add(token)
    return found


def _matches(
    index: TermIndex[str],
    tokens: list[str],
    skip: set[str],
    also: Callable[[str], str] | None = None,
) -> tuple[set[str], set[str]]:
    """Meeting ids the tokens name in one field (each token also looked up as `also(token)`),
    and the tokens that named them."""
    ids: set[str] = set()
    naming: set[str] = set()
    for token in tokens:
        if len(token) < 3 or token in skip:
            continue
        found = index.lookup(token)
        if also is not None and (other := also(token)) != token:  # a Russian word folds to itself
            found |= index.lookup(other)
        if found:
            ids |= found
            naming.add(token)
    return ids, naming


def _common_stems(corpus: Corpus) -> frozenset[str]:
    """Stems found in more than 3 % of statements (and at least 3): ordinary vocabulary, which
    an audience or place string may contain but which names no meeting."""
    counts: Counter[str] = Counter()
    total = 0
    for meeting in corpus.meetings:
        for statement in meeting.statements:
            total += 1
            counts.update({stem(w) for w in words(statement.text)})
    limit = max(3, int(total * 0.03))
    return frozenset(s for s, c in counts.items() if c >= limit)


def _distinctive(tokens: list[str], common: frozenset[str] = frozenset()) -> list[str]:
    return [
        t
        for t in tokens
        if len(t) >= 3 and t not in STOPWORDS and stem(t) not in GENERIC and stem(t) not in common
    ]
