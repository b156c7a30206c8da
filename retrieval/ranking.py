"""Pure ranking of one question against a corpus snapshot: hybrid scores, entities, abstention.

Everything here is CPU-bound and synchronous; the service runs it in a worker thread.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from retrieval.config import MAX_QUESTION_CHARS
from retrieval.embedder import Vectors
from retrieval.glossary import Expansion
from retrieval.models import Answer, Hit
from retrieval.order import descending_ranks
from retrieval.snapshot import Snapshot
from retrieval.text import STOPWORDS, content_stems, normalize, stem, words

# Words every statement shares: they show nothing about whether one covers a question.
GENERIC_STEMS = frozenset(
    stem(w)
    for w in """
    конституция конституции конституционный конституционные проект норма нормы закон
    сенатор сенаторы депутат депутаты сенат встреча встречи изменения реформа новые будет
    государство государственный страна общество казахстан граждане
    ата заң заңы конституциясы жоба мемлекет мемлекеттік ел қоғам қазақстан азаматтар
    constitution constitutional draft senator senators deputy reform new state country kazakhstan
    встрече встречах встречу meeting meetings область области районе районах район районы
    region district oblast
    """.split()
)  # meeting and place words: "what was said at the meeting in X" asks about X, not meetings
# Kazakh roots of the same words, which take endings in chains (кездесуіндегі, облысындағы).
GENERIC_ROOTS = ("кездесу", "облыс", "аудан")
EXPANSION_WEIGHT = 0.5  # of the unit-length mean of the twins' vectors
RRF_K = 60
_NONE = np.zeros(0, dtype=np.int64)
RELATED_BONUS = 0.002  # a meeting whose audience matches a glossary twin of the question
QUOTE_BONUS = 0.0025  # ≈ five RRF ranks: direct quotes first at similar relevance


@dataclass(frozen=True)
class Calibration:
    """Answerability thresholds (see README: "How abstention works"); fitted on the synthetic
    corpus's development split by `python -m bench.synthetic calibrate`, never on held-out or
    development-set questions."""

    # A question nearer the off-topic background than to every statement and theme label by more
    # than `covered_margin` is declined outright. Otherwise a statement addresses it when it
    # covers `min_coverage` of the question's own terms (weighted by rarity, glossary twins,
    # relatives and typo fixes counted), or on meaning alone: its cosine (hub-corrected) above
    # the question's best off-topic cosine by `margin`.
    margin: float = 0.02
    covered_margin: float = -0.1
    min_coverage: float = 0.4
    # weight of a question word neither the corpus nor the glossary knows, relative to the
    # rarest corpus word (Cyrillic: probably a subject the corpus lacks; Latin: probably filler)
    unknown_weight: float = 0.5
    unknown_latin_weight: float = 0.2
    hub_weight: float = 0.0
    # a shown statement covers at least the best candidate's coverage minus this
    coverage_slack: float = 0.34
    # order of shown hits: fused reciprocal rank plus this much per unit of coverage
    # (0.005 ≈ moving up from rank 1 to 1/… of a dozen ranks near the top)
    coverage_weight: float = 0.005
    # candidates examined per question (best fused ranks)
    depth: int = 40
    near_duplicate: float = 0.97


@dataclass(frozen=True)
class Query:
    """A question prepared for encoding, with the glossary terms it matched."""

    question: str
    expansion: Expansion
    dense_terms: tuple[str, ...]  # twins whose vectors are mixed into the question's


def prepare(snapshot: Snapshot, question: str, max_chars: int = MAX_QUESTION_CHARS) -> Query:
    text = normalize(question)[:max_chars]
    expansion = snapshot.glossary.expand(text)
    extra = [t for t in expansion.dense_terms(limit=8) if t.lower() not in text.lower()][:3]
    return Query(question=text, expansion=expansion, dense_terms=tuple(extra))


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


@dataclass(frozen=True)
class Term:
    """One concept of the question: alternative stem sets (the word's relatives, its typo fix,
    each glossary twin as all its words), any one of which covers it, and its weight."""

    alternatives: tuple[tuple[frozenset[str], ...], ...]
    weight: float

    def covered_by(self, stems: frozenset[str]) -> bool:
        return any(all(part & stems for part in alt) for alt in self.alternatives)


def subject_terms(
    snapshot: Snapshot, query: Query, cal: Calibration, skip: Iterable[str] = ()
) -> list[Term]:
    """The question's own subject: its words minus question words, generic Constitution words and
    the names that only select whose statements to search."""
    lex = snapshot.lexicon
    tokens = words(query.question)
    twins = snapshot.glossary.twins_by_token(tokens)
    skipped = set(skip)
    top = math.log(1.0 + max(lex.size, 1))
    by_concept: dict[object, list[tuple[frozenset[str], ...]]] = {}
    # a phrase's own words cover its concept only together: "зейнет жасы" (pension age) is not
    # covered by "жас" (young) alone
    own_words: dict[object, list[frozenset[str]]] = {}
    latin: dict[object, bool] = {}
    for i, token in enumerate(tokens):
        base = stem(token)
        if (
            token in STOPWORDS
            or token in skipped
            or len(token) < 2
            or base in GENERIC_STEMS
            or token.startswith(GENERIC_ROOTS)
        ):
            continue
        alternatives: list[tuple[frozenset[str], ...]] = []
        own = lex.relatives(base)
        if not own and (fixed := lex.correct(token)):
            own = lex.relatives(stem(fixed))
        key: object = token
        if i in twins:
            key, terms = twins[i]
            for term in terms:
                parts = tuple(
                    lex.relatives(stem(w)) | {stem(w)}
                    for w in words(term)
                    if w not in STOPWORDS and stem(w) not in GENERIC_STEMS
                )
                if parts:
                    alternatives.append(parts)
        own_words.setdefault(key, []).append(own | {base})
        by_concept.setdefault(key, []).extend(alternatives)
        latin[key] = latin.get(key, True) and token.isascii() and i not in twins
    result: list[Term] = []
    for key, twin_alternatives in by_concept.items():
        alternatives = [tuple(own_words[key]), *twin_alternatives]
        seen = {s for alt in alternatives for part in alt for s in part}
        idf = lex.idf(seen)
        if idf is None:
            idf = top * (cal.unknown_latin_weight if latin[key] else cal.unknown_weight)
        result.append(Term(tuple(dict.fromkeys(alternatives)), idf))
    return result


def rank(snapshot: Snapshot, query: Query, qvec: Vectors, k: int, cal: Calibration) -> Answer:
    """Best k statements that address the question, or an abstention with no hits."""
    n = len(snapshot.statements)
    if n == 0 or not words(query.question):
        return Answer(query=query.question, answered=False)
    cosine = snapshot.dense.scores(qvec)  # per statement, corpus order
    dense: Vectors = (cosine - cal.hub_weight * snapshot.hub).astype(np.float32)
    background, themes = snapshot.curated.offtopic, snapshot.curated.themes
    outside = float((background @ qvec).max()) if len(background) else 0.0
    inside = max(float(dense.max()), float((themes @ qvec).max()) if len(themes) else -1.0)
    margins: Vectors = (dense - outside).astype(np.float32)
    # nearer the everyday/off-topic background than anything in scope: no statement can answer
    in_scope = inside - outside >= cal.covered_margin
    lexical = snapshot.bm25.scores(query_stems(query))
    found = snapshot.entities.find(query.question, query.expansion.terms)
    terms = subject_terms(snapshot, query, cal, found.tokens)
    fused = _rrf(dense) + np.where(lexical > 0, _rrf(lexical), 0.0)
    fused += np.where(snapshot.is_quote, QUOTE_BONUS, 0.0)
    related = _positions_of(snapshot.by_meeting, found.related_meeting_ids)
    fused[related] += RELATED_BONUS

    senators = _positions_of(snapshot.by_senator, found.senators)
    places = _positions_of(snapshot.by_meeting, found.meeting_ids)
    named = [*found.senators, *_place_names(snapshot, found.meeting_ids)]
    mask: npt.NDArray[np.bool_] | None = None
    if len(senators) or len(places):
        mask = np.ones(n, dtype=bool)
        for chosen in (senators, places):
            if len(chosen):
                only = np.zeros(n, dtype=bool)
                only[chosen] = True
                mask &= only
    if mask is not None and not terms:
        # "What did Asanova say?" has no topic beyond the name: her own words, quotes first.
        order = np.flatnonzero(mask)
        order = order[np.lexsort((-fused[order], ~snapshot.is_quote[order]))]
        return _answer(snapshot, query, order, np.ones(n, dtype=bool), fused, k, cal)
    # an audience the question names ("с военными") vouches for scope; coverage still decides
    if _names_foreign_state(snapshot, query.question) or not (in_scope or len(related)):
        return Answer(query=query.question, answered=False)
    audience = frozenset(int(i) for i in related)
    silent: list[str] = []
    order, ok, best = _addressing(snapshot, terms, margins, fused, np.arange(n), audience, cal)
    if mask is not None and mask.any():
        scope = np.flatnonzero(mask)
        # their words must cover the topic about as well as the best anyone said on it
        mine, mine_ok, _ = _addressing(snapshot, terms, margins, fused, scope, audience, cal, best)
        if mine_ok.any():
            return _answer(snapshot, query, mine, mine_ok, fused, k, cal)
        silent = named
    answer = _answer(snapshot, query, order, ok, fused, k, cal)
    return answer.model_copy(update={"silent": silent}) if silent else answer


def _addressing(
    snapshot: Snapshot,
    terms: list[Term],
    margins: Vectors,
    fused: Vectors,
    scope: npt.NDArray[np.int64],
    audience: frozenset[int],
    cal: Calibration,
    best_elsewhere: float = 0.0,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_], float]:
    """The best candidates in `scope` (by fused rank), ordered by how well they address the
    question, which of them do — enough of its terms covered (and not far less than the best
    candidate covers), or close on meaning alone — and the best coverage seen."""
    depth = min(cal.depth, len(scope))
    best = scope[np.argpartition(-fused[scope], depth - 1)[:depth]] if depth else scope
    total = sum(t.weight for t in terms)
    coverage = np.zeros(len(best), dtype=np.float32)
    if total > 0:
        stems = snapshot.lexicon.stems
        for j, i in enumerate(best):
            bag = stems[i] | snapshot.lexicon.context[i] if int(i) in audience else stems[i]
            coverage[j] = sum(t.weight for t in terms if t.covered_by(bag)) / total
    m = margins[best]
    top = max(float(coverage.max(initial=0.0)), best_elsewhere)
    ok = (coverage >= max(cal.min_coverage, top - cal.coverage_slack)) | (m >= cal.margin)
    if not terms:
        ok = m >= cal.margin
    score = fused[best] + cal.coverage_weight * coverage
    order = np.argsort(-score, kind="stable")
    mask = np.zeros(len(snapshot.statements), dtype=bool)
    mask[best[order][ok[order]]] = True
    return best[order], mask, top


def _answer(
    snapshot: Snapshot,
    query: Query,
    order: npt.NDArray[np.int64],
    ok: npt.NDArray[np.bool_],
    score: Vectors,
    k: int,
    cal: Calibration,
) -> Answer:
    """The first k statements of `order` that pass, each group of identical words once."""
    hits: list[Hit] = []
    chosen: list[int] = []
    groups: set[int] = set()
    for i in (int(i) for i in order):
        if not ok[i] or int(snapshot.group[i]) in groups:
            continue
        if any(
            float(snapshot.vectors[i] @ snapshot.vectors[j]) >= cal.near_duplicate for j in chosen
        ):
            continue
        chosen.append(i)
        groups.add(int(snapshot.group[i]))
        base = snapshot.hits[snapshot.statements[i].id]
        hits.append(base.model_copy(update={"score": round(float(score[i]), 5)}))
        if len(hits) >= k:
            break
    return Answer(query=query.question, answered=bool(hits), hits=hits)


def _positions_of(
    index: dict[str, npt.NDArray[np.int64]], keys: Iterable[str]
) -> npt.NDArray[np.int64]:
    arrays = [index[key] for key in keys if key in index]
    return np.unique(np.concatenate(arrays)) if arrays else _NONE


def _place_names(snapshot: Snapshot, meeting_ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(p for m in meeting_ids if (p := snapshot.meetings[m].place)))


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
    return bool(snapshot.foreign.find(tokens))


def _rrf(scores: Vectors) -> Vectors:
    return (1.0 / (RRF_K + descending_ranks(scores))).astype(np.float32)
