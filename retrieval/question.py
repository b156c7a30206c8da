"""What a question's own text says, before any vector: its subject terms (generic Constitution
words left out, glossary twins and relatives counted), the senators and places it names, the
stems BM25 searches, and the glossary twins that pull its vector. Ranking (`retrieval.ranking`)
weighs statements against this reading."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from retrieval.calibration import Calibration
from retrieval.config import MAX_QUESTION_CHARS
from retrieval.embedder import Vectors
from retrieval.entities import EntityMatch
from retrieval.glossary import Expansion
from retrieval.language import question_language
from retrieval.lexical import Lexicon
from retrieval.models import Language
from retrieval.snapshot import Snapshot
from retrieval.text import (
    STOPWORDS,
    asks_head,
    asks_quantity,
    asks_span,
    asks_when,
    content_stems,
    is_change_verb,
    is_kazakh,
    kk_root,
    normalize,
    plain_kazakh,
    stem,
    words,
)
from retrieval.translit import cyrillic_reading, mend_lookalikes

# Words every statement shares: they show nothing about whether one covers a question.
GENERIC_STEMS = frozenset(
    stem(w)
    for w in """
    конституция конституции конституционный конституционные проект норма нормы закон
    сенатор сенаторы депутат депутаты сенат встреча встречи изменения реформа новые будет
    государство государственный страна общество казахстан граждане
    ата заң заңы конституциясы жоба мемлекет мемлекеттік ел қоғам қазақстан азаматтар
    елдің еліміз еліміздің елімізде елімізге елде елге
    constitution constitutional draft senator senators deputy reform new state country kazakhstan
    встрече встречах встречу meeting meetings область области районе районах район районы
    region district oblast
    прошли прошла прошел состоялись состоялась состоялся проходили проходила провели провел
    провела побывал побывала побывали посетил посетила посетили приезжал приезжала приезжали
    ездил ездила ездили встречался встречалась встречались встретился встретилась встретились
    кем кіммен кімдермен өтті өткізді өткізген барды барған visited visit held met whom whose
    сенаторша сенаторши сенаторшу сенаторшей депутатша депутатши че чо шо
    господин госпожа господина госпожи мырза мырзаның мырзадан ханым ханымның ханымнан
    mr mrs ms madam sir
    сөзі сөздері сөзін сөздерін айтқаны айтқандары айтқанын айтқандарын
    """.split()
)  # meeting and place words: "what was said at the meeting in X" asks about X, not meetings;
# so do the verbs that say one took place or who went ("какие встречи прошли в X", "с кем
# встречалась Y", "who visited X"): they asked for no subject, so the place or senator named
# had none either and the question was declined as if X had said nothing. So do a colloquial
# senator (сенаторша: its glossary twins made the Kurultai the subject), a polite title
# (Есбай мырза, Рысбекова ханым, господин, Mr: "Есбай мырза не айтты?" was declined), what
# (чё, шо), and a
# senator's words in Kazakh possessive forms (Бекназаровтың сөзі, Жексенбайдың айтқаны)
GENERIC_STEMS |= frozenset(plain_kazakh(s) for s in GENERIC_STEMS)  # typed without Kazakh letters
# Kazakh roots of the same words, which take endings in chains (кездесуіндегі, облысындағы),
# and of change (өзгеріс, generic as изменения is), also typed without Kazakh letters.
_ROOTS = ("кездес", "облыс", "аудан", "өзгер")
GENERIC_ROOTS = tuple(dict.fromkeys([*_ROOTS, *(plain_kazakh(r) for r in _ROOTS)]))


# Roots `is_generic` leaves out of its Kazakh-form rule: a Kazakh question about deputies
# (*депутатқа есеп беру*, their accountability) has them as its subject; making those forms
# generic lost three such questions on the synthetic splits (the bare *депутат* stays generic).
_SUBJECT_ROLES = frozenset({stem("депутат")})


def is_generic(token: str) -> bool:
    """A word every statement shares, also in a Kazakh inflected form (*сенаторлар*,
    *Конституцияның*, *жобасында*): Kazakh plural, case and adjective endings do not change what
    it says — without this, *сенаторлар* weighed as the question's subject, and a summary naming
    "сенатор" outranked the quote on the topic."""
    root = kk_root(token)
    return (
        stem(token) in GENERIC_STEMS
        # a root of four letters at least: a shorter one meets unrelated words (атау → ата)
        or (len(root) >= 4 and stem(root) in GENERIC_STEMS and stem(root) not in _SUBJECT_ROLES)
        or token.startswith(GENERIC_ROOTS)
    )


# A town's word beside the town named ("в городе Текели", "Шымкент қаласында", "the city of
# Taraz") asks about the town, not about cities; without a town named it may be the subject
# ("будут ли города самоуправляемыми"), so it is left out only then.
TOWN_WORDS = frozenset(
    stem(w)
    for w in """
    город городе города городах городов городу қала қаласы қаласында қаласындағы қалада қаладағы
    қаласының city town
    """.split()
)


# An organisation's word beside the audience named ("the Tasun company", "ТОО «Tasun»", "коллектив
# Казпочты", "Казатомпром қызметкерлері") asks about that meeting, not about companies or
# workers; without an audience named it may be the subject ("права работников"), so it is left
# out only then.
ORGANISATION_WORDS = frozenset(
    stem(w)
    for w in """
    компания компании компанию компанией ТОО АО предприятие предприятия предприятии коллектив
    коллектива коллективу коллективом сотрудники сотрудников сотрудникам сотрудниками работники
    работников работникам работниками компаниясы компаниясында компаниясының ұжымы ұжымымен
    ұжымына ұжымында қызметкерлері қызметкерлерімен қызметкерлеріне company companies firm
    enterprise employees employee staff workers
    """.split()
)


EXPANSION_WEIGHT = 0.5  # of the unit-length mean of the twins' vectors
_NONE_F = np.zeros(0, dtype=np.float32)


@dataclass(frozen=True)
class Query:
    """A question prepared for encoding, with the glossary terms it matched."""

    question: str
    expansion: Expansion
    dense_terms: tuple[str, ...]  # twins whose vectors are mixed into the question's
    language: Language | None = None  # the language it is written in, when plain to see


def prepare(snapshot: Snapshot, question: str, max_chars: int = MAX_QUESTION_CHARS) -> Query:
    typed = mend_lookalikes(normalize(question)[:max_chars])
    text = cyrillic_reading(typed, _knows(snapshot)) or typed  # Russian or Kazakh in Latin letters
    expansion = snapshot.glossary.expand(text)
    extra = [t for t in expansion.dense_terms(limit=8) if t.lower() not in text.lower()][:3]
    return Query(
        question=text,
        expansion=expansion,
        dense_terms=tuple(extra),
        language=question_language(typed, text),
    )


def expand_vector(snapshot: Snapshot, query: Query, qvec: Vectors) -> Vectors:
    """Query expansion in embedding space: e5 puts "парламент" only weakly near "Курултай", so
    the question's vector is pulled toward its glossary twins (vectors cached at start-up),
    which costs no extra encode — unlike appending the terms to the question's text."""
    twins = [snapshot.curated.terms[t] for t in query.dense_terms if t in snapshot.curated.terms]
    if not twins:
        return qvec
    pull = np.mean(twins, axis=0)
    mixed = qvec + EXPANSION_WEIGHT * pull / max(float(np.linalg.norm(pull)), 1e-12)
    unit: Vectors = (mixed / max(float(np.linalg.norm(mixed)), 1e-12)).astype(np.float32)
    return unit


def _knows(snapshot: Snapshot) -> Callable[[str], bool]:
    """Does the corpus, the glossary, the stopword list or a senator's or place's name know a
    word (in any of its forms)?"""
    lex, glossary, entities = snapshot.lexicon, snapshot.glossary, snapshot.entities

    def known(word: str) -> bool:
        if word in STOPWORDS:
            return True
        if len(word) < 3:
            return False
        base = stem(word)
        return bool(
            lex.relatives(base)
            or glossary.twins_by_token([word])
            or entities.knows(word)
            or lex.respelled(word, base)
            or lex.correct(word)
        )

    return known


@dataclass(frozen=True)
class Term:
    """One concept of the question: alternative stem sets (the word's relatives, its typo fix,
    each glossary twin as all its words), any one of which covers it, and its weight."""

    alternatives: tuple[tuple[frozenset[str], ...], ...]
    weight: float
    # a Cyrillic word neither the corpus nor the glossary knows: probably a subject it lacks
    unknown: bool = False
    # only a verb of change (повысят, abolish, көтеріле): what is asked to happen, not the subject
    change: bool = False

    def covered_by(self, stems: frozenset[str]) -> bool:
        return any(all(not part.isdisjoint(stems) for part in alt) for alt in self.alternatives)


# the Russian cases of a noun in -ия (комиссия, коалиция, конституция)
_RU_LOAN = re.compile(r"[а-я]{3}(?:ия|ии|ию|ией|иям|иях|иями)$")

_SENATE = frozenset((stem("сенат"), stem("senate")))


def _is_senate(token: str) -> bool:
    return not _SENATE.isdisjoint((stem(token), stem(kk_root(token))))


def _twin_parts(lex: Lexicon, terms: Iterable[str]) -> list[tuple[frozenset[str], ...]]:
    """Each glossary twin as all its words' stem sets: a twin covers only with every word."""
    alternatives: list[tuple[frozenset[str], ...]] = []
    for term in terms:
        parts = tuple(
            (lex.relatives(stem(w)) - GENERIC_STEMS) | {stem(w)}
            for w in words(term)
            if w not in STOPWORDS and stem(w) not in GENERIC_STEMS
        )
        if parts:
            alternatives.append(parts)
    return alternatives


def subject_terms(
    snapshot: Snapshot,
    query: Query,
    cal: Calibration,
    skip: Iterable[str] = (),
    chamber: bool = True,
) -> list[Term]:
    """The question's own subject: its words minus question words, generic Constitution words and
    the names that only select whose statements to search.

    The Senate is a generic word (every release names it), but a question asked about it alone
    (*сената больше не будет?*, *Сенат жойыла ма?*) is about the chamber: then its glossary
    twins (parliament, Kurultai, upper house) are the subject. `chamber=False` when the Senate
    only named a post's holder (*Сенат төрағасы*)."""
    lex = snapshot.lexicon
    tokens = words(query.question)
    twins = snapshot.glossary.twins_by_token(tokens)
    skipped = set(skip)
    kazakh = is_kazakh(query.question)
    top = math.log(1.0 + max(lex.size, 1))
    by_concept: dict[object, list[tuple[frozenset[str], ...]]] = {}
    # a phrase's own words cover its concept only together: "зейнет жасы" (pension age) is not
    # covered by "жас" (young) alone
    own_words: dict[object, list[frozenset[str]]] = {}
    latin: dict[object, bool] = {}
    change: dict[object, bool] = {}
    senate: list[tuple[object, tuple[str, ...]]] = []
    for i, token in enumerate(tokens):
        base = stem(token)
        if token in STOPWORDS or token in skipped or len(token) < 2:
            continue
        if is_generic(token):
            if chamber and _is_senate(token) and i in twins:
                senate.append(twins[i])
            continue
        if token == "right" and tokens[i + 1 : i + 2] in (["now"], ["away"]):
            continue  # "right now" is a time, not rights
        alternatives: list[tuple[frozenset[str], ...]] = []
        own = lex.relatives(base)
        if kazakh:
            own |= lex.kin(token)
        elif _RU_LOAN.search(token):
            # a Russian -ия loanword is the Kazakh one with its endings (комиссии / комиссиясының):
            # its short stem (комисс) reaches no Kazakh form by prefix
            own |= lex.kin(base + "ия")
        if not own:
            own = lex.respelled(token, base)  # Kazakh typed without its letters: мартебеси
        if not own and (fixed := lex.correct(token)):
            own = lex.relatives(stem(fixed))
        # a relative that is a generic word covers nothing: нормальн is not норм (norm)
        own -= GENERIC_STEMS
        key: object = token
        if i in twins:
            key, terms = twins[i]
            alternatives.extend(_twin_parts(lex, terms))
        own_words.setdefault(key, []).append(own | {base})
        by_concept.setdefault(key, []).extend(alternatives)
        latin[key] = latin.get(key, True) and token.isascii() and i not in twins
        change[key] = change.get(key, True) and is_change_verb(token)
    if senate and all(change.values()):
        for key, terms in senate:  # the chamber alone: its twins, not its own word, are the subject
            by_concept.setdefault(key, []).extend(_twin_parts(lex, terms))
            latin.setdefault(key, False)
            change.setdefault(key, False)
    result: list[Term] = []
    for key, twin_alternatives in by_concept.items():
        alternatives = [tuple(own_words[key])] if key in own_words else []
        alternatives.extend(twin_alternatives)
        if not alternatives:
            continue
        seen = {s for alt in alternatives for part in alt for s in part}
        idf = lex.idf(seen)
        unknown = idf is None and not latin[key]
        if idf is None:
            idf = top * (cal.unknown_latin_weight if latin[key] else cal.unknown_weight)
        result.append(Term(tuple(dict.fromkeys(alternatives)), idf, unknown, change[key]))
    return result


@dataclass(frozen=True)
class Reading:
    """What ranking needs from the question's text alone (no vector): BM25, the senators and
    places it names, its subject terms. The service computes it on the ranking thread while the
    model encodes the question (the model's native code releases the GIL)."""

    has_words: bool
    lexical: Vectors
    found: EntityMatch
    terms: list[Term]
    foreign: bool
    quantity: bool = False  # how many / how long: only a statement with a number answers
    when: bool = False  # when: only a statement saying when (a number, a month, a day) answers
    head: bool = False  # who heads / chairs: only a statement naming a head or chair answers
    span: bool = False  # how long: only a statement with a number and its time answers


def read(snapshot: Snapshot, query: Query, cal: Calibration) -> Reading:
    tokens = words(query.question)
    if not len(snapshot.statements) or not tokens:
        return Reading(False, _NONE_F, EntityMatch((), ()), [], False)
    found = snapshot.entities.find(query.question, query.expansion.terms)
    skip = set(found.tokens)
    if found.meeting_ids:
        skip |= {t for t in tokens if stem(t) in TOWN_WORDS}
    if found.audience_tokens:
        skip |= {t for t in tokens if stem(t) in ORGANISATION_WORDS}
    terms = subject_terms(snapshot, query, cal, skip, chamber=not found.senators)
    stems = query_stems(query)
    if not is_kazakh(query.question):
        # Kazakh typed without its letters: BM25 searches the stems the words were respelled as
        stems += [s for t in terms for part in t.alternatives[0] for s in part if is_kazakh(s)]
    lexical = snapshot.bm25.scores(stems)
    foreign = _names_foreign_state(snapshot, query.question)
    return Reading(
        True,
        lexical,
        found,
        terms,
        foreign,
        asks_quantity(tokens),
        asks_when(tokens),
        asks_head(tokens),
        asks_span(tokens),
    )


def query_stems(query: Query) -> list[str]:
    """Stems that can show a statement covers the question: its own words minus the generic
    ones (Constitution, draft, norm, senator…), plus the twins of its domain terms."""
    own = content_stems(query.question)
    twins = [s for group in query.expansion.domain_terms for t in group for s in content_stems(t)]
    return list(dict.fromkeys(s for s in own + twins if s not in GENERIC_STEMS))


def _names_foreign_state(snapshot: Snapshot, question: str) -> bool:
    """Another country named and Kazakhstan not: another state's constitution or politics."""
    tokens = words(question)
    if any(t.startswith(("казахстан", "қазақстан", "kazakhstan")) for t in tokens):
        return False
    return bool(snapshot.foreign.find(tokens)) or _names_the_us(question)


_US = re.compile(r"\bU\.?S\.?(?:A\.?)?(?![\w.])")


def _names_the_us(question: str) -> bool:
    """*the US election*, *U.S. constitution*: lower-cased, *US* is the pronoun *us* (a stopword),
    so only its capitals tell; a question typed in capitals tells nothing."""
    return not question.isupper() and _US.search(question) is not None
