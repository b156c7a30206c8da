"""Pure ranking of one question against a corpus snapshot: hybrid scores, entities, abstention.

Everything here is CPU-bound and synchronous; the service runs it in a worker thread.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.config import MAX_QUESTION_CHARS
from retrieval.embedder import Vectors
from retrieval.entities import EntityMatch
from retrieval.glossary import Expansion
from retrieval.models import Answer, Hit
from retrieval.order import BucketRanks, descending_ranks
from retrieval.snapshot import Snapshot
from retrieval.text import (
    STOPWORDS,
    asks_quantity,
    content_stems,
    is_kazakh,
    kk_root,
    normalize,
    stem,
    words,
)

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


EXPANSION_WEIGHT = 0.5  # of the unit-length mean of the twins' vectors
RRF_K = 60
_NONE = np.zeros(0, dtype=np.int64)
_NONE_F = np.zeros(0, dtype=np.float32)
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
    # a Cyrillic word neither the corpus nor the glossary knows: probably a subject it lacks
    unknown: bool = False

    def covered_by(self, stems: frozenset[str]) -> bool:
        return any(all(not part.isdisjoint(stems) for part in alt) for alt in self.alternatives)


def subject_terms(
    snapshot: Snapshot, query: Query, cal: Calibration, skip: Iterable[str] = ()
) -> list[Term]:
    """The question's own subject: its words minus question words, generic Constitution words and
    the names that only select whose statements to search."""
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
    for i, token in enumerate(tokens):
        base = stem(token)
        if token in STOPWORDS or token in skipped or len(token) < 2 or is_generic(token):
            continue
        alternatives: list[tuple[frozenset[str], ...]] = []
        own = lex.relatives(base)
        if kazakh:
            own |= lex.kin(token)
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
        unknown = idf is None and not latin[key]
        if idf is None:
            idf = top * (cal.unknown_latin_weight if latin[key] else cal.unknown_weight)
        result.append(Term(tuple(dict.fromkeys(alternatives)), idf, unknown))
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
    quantity: bool = False  # asks how many / how long: only a statement with a number answers


def read(snapshot: Snapshot, query: Query, cal: Calibration) -> Reading:
    tokens = words(query.question)
    if not len(snapshot.statements) or not tokens:
        return Reading(False, _NONE_F, EntityMatch((), ()), [], False)
    lexical = snapshot.bm25.scores(query_stems(query))
    found = snapshot.entities.find(query.question, query.expansion.terms)
    terms = subject_terms(snapshot, query, cal, found.tokens)
    foreign = _names_foreign_state(snapshot, query.question)
    return Reading(True, lexical, found, terms, foreign, asks_quantity(tokens))


def rank(
    snapshot: Snapshot,
    query: Query,
    qvec: Vectors,
    k: int,
    cal: Calibration,
    cosine: Vectors | None = None,
    reading: Reading | None = None,
) -> Answer:
    """Best k statements that address the question, or an abstention with no hits.

    `cosine` is `snapshot.dense.scores(qvec)` when the caller scanned a whole batch at once (one
    matrix product for every question of a micro-batch instead of one scan each); `reading` is
    `read(snapshot, query, cal)` when the caller computed it beforehand."""
    n = len(snapshot.statements)
    if reading is None:
        reading = read(snapshot, query, cal)
    if not reading.has_words:
        return Answer(query=query.question, answered=False)
    if cosine is None:
        cosine = snapshot.dense.scores(qvec)  # per statement, corpus order
    dense: Vectors = (
        (cosine - cal.hub_weight * snapshot.hub).astype(np.float32) if cal.hub_weight else cosine
    )
    background, themes = snapshot.curated.offtopic, snapshot.curated.themes
    outside = float((background @ qvec).max()) if len(background) else 0.0
    inside = max(float(dense.max()), float((themes @ qvec).max()) if len(themes) else -1.0)
    # nearer the everyday/off-topic background than anything in scope: no statement can answer
    in_scope = inside - outside >= cal.covered_margin
    lexical, found, terms = reading.lexical, reading.found, reading.terms
    ids = found.related_meeting_ids
    related = _meeting_mask(snapshot, ids) if ids else None
    fused = _Fusion(BucketRanks(dense), _positive_rrf(lexical), snapshot.is_quote, related)

    # only statements of the senators and places named (each filter applies if it selects any)
    senators = _positions_of(snapshot.by_senator, found.senators)
    places = _meeting_mask(snapshot, found.meeting_ids) if found.meeting_ids else None
    if places is not None and not places.any():
        places = None
    mask: npt.NDArray[np.bool_] | None = places
    if len(senators):
        mask = np.zeros(n, dtype=bool)
        mask[senators] = True
        if places is not None:
            mask &= places
    if mask is not None and not terms:
        # "What did Asanova say?" has no topic beyond the name: her own words, quotes first.
        order = np.flatnonzero(mask)
        values = fused.at(order)
        by = np.lexsort((-values, ~snapshot.is_quote[order]))
        return _answer(snapshot, query, order[by], np.ones(n, dtype=bool), values[by], k, cal)
    # no subject word and nobody or nowhere named: too general to answer, if nothing passes
    general = not terms and mask is None and not reading.foreign
    # an audience the question names ("с военными") vouches for scope; coverage still decides
    if reading.foreign or not (in_scope or (related is not None and related.any())):
        return Answer(query=query.question, answered=False, general=general)
    silent: list[str] = []
    margins = _Margins(dense, outside)
    quantity = reading.quantity
    order, values, ok, best = _addressing(
        snapshot, terms, margins, fused, None, related, cal, quantity
    )
    if mask is not None and mask.any():
        scope = np.flatnonzero(mask)
        # their words must cover the topic about as well as the best anyone said on it; a named
        # senator's audience says whom they spoke to, not what they said: "what did X say about
        # science" is not answered by X's words on judges to scientists
        mine, mine_values, mine_ok, _ = _addressing(
            snapshot,
            terms,
            margins,
            fused,
            scope,
            None if senators.size else related,
            cal,
            quantity,
            best,
        )
        if mine_ok.any():
            return _answer(snapshot, query, mine, mine_ok, mine_values, k, cal)
        silent = [*found.senators, *_place_names(snapshot, found.meeting_ids)]
    answer = _answer(snapshot, query, order, ok, values, k, cal)
    if general and not answer.answered:
        return answer.model_copy(update={"general": True})
    return answer.model_copy(update={"silent": silent}) if silent else answer


@dataclass(frozen=True)
class _Margins:
    """Each statement's cosine minus the question's best off-topic cosine, computed only for the
    few candidates that are looked at (the same float32 arithmetic as over the whole corpus)."""

    dense: Vectors
    outside: float

    def __getitem__(self, positions: npt.NDArray[np.int64]) -> Vectors:
        return (self.dense[positions] - self.outside).astype(np.float32)


@dataclass(frozen=True)
class _Fusion:
    """Each statement's fused score — dense RRF + BM25 RRF + the quote and audience bonuses —
    computed only for the statements ranking looks at. The dense ranks come from `BucketRanks`:
    bounds for every statement in O(n), exact ranks for the few candidates, the very float32
    arithmetic the whole-corpus array had (README, #14: a full sort cost ~1 ms at 30,000)."""

    ranks: BucketRanks
    lexical: Vectors  # BM25 RRF of every statement (0 for no match)
    is_quote: npt.NDArray[np.bool_]
    related: npt.NDArray[np.bool_] | None  # in a meeting whose audience the question names

    def at(self, positions: npt.NDArray[np.int64]) -> Vectors:
        """Exact fused scores of `positions`."""
        return self._combine(self.ranks.ranks(positions), positions)

    def best(
        self, scope: npt.NDArray[np.int64] | None, depth: int
    ) -> tuple[npt.NDArray[np.int64], Vectors]:
        """The `depth` best positions of `scope` (None: every statement) by fused score, with
        their scores. Whatever a statement's exact rank in its bucket, its score lies between
        its bounds: the `depth`-th best lower bound among the scope's top buckets is a floor
        that every one of the best reaches, so only statements whose upper bound reaches it
        need exact scores."""
        size = len(self.lexical) if scope is None else len(scope)
        depth = min(depth, size)
        if not depth:
            return _NONE, _NONE_F
        if size <= _EXACT_SCOPE:
            positions = np.arange(size, dtype=np.int64) if scope is None else scope
        else:
            buckets = self.ranks.buckets if scope is None else self.ranks.buckets[scope]
            counts = (
                self.ranks.counts
                if scope is None
                else np.bincount(buckets, minlength=len(self.ranks.counts))
            )
            last = int(np.searchsorted(np.cumsum(counts), depth))  # top buckets hold ≥ depth
            top = np.flatnonzero(buckets <= last)
            if scope is not None:
                top = scope[top]
            floor = np.partition(self._combine(self.ranks.bounds(top)[1], top), -depth)[-depth]
            upper = self._combine(self.ranks.bounds(scope)[0], scope)
            positions = np.flatnonzero(upper >= floor)
            if scope is not None:
                positions = scope[positions]
        values = self.at(positions)
        # in corpus order: statements with equal scores (dense rank 1 and BM25 rank 2, and the
        # reverse) keep one order whatever the selection did
        chosen = np.sort(np.argpartition(-values, depth - 1)[:depth])
        return positions[chosen], values[chosen]

    def _combine(self, dense_ranks: Vectors, positions: npt.NDArray[np.int64] | None) -> Vectors:
        """The fused score at these dense ranks (positions None: every statement's), in the
        order of operations of the old whole-array code, so bounds stay bounds and exact
        scores are bit-identical."""

        def at(values: npt.NDArray[Any]) -> npt.NDArray[Any]:
            return values if positions is None else values[positions]

        fused: Vectors = _rrf_of_ranks(dense_ranks) + at(self.lexical)
        fused += np.where(at(self.is_quote), QUOTE_BONUS, 0.0)
        if self.related is not None:
            fused[at(self.related)] += RELATED_BONUS
        return fused


_EXACT_SCOPE = 512  # a scope this small is scored exactly at once


def _addressing(
    snapshot: Snapshot,
    terms: list[Term],
    margins: _Margins,
    fused: _Fusion,
    scope: npt.NDArray[np.int64] | None,
    audience: npt.NDArray[np.bool_] | None,
    cal: Calibration,
    quantity: bool = False,
    best_elsewhere: float = 0.0,
) -> tuple[npt.NDArray[np.int64], Vectors, npt.NDArray[np.bool_], float]:
    """The best candidates in `scope` (by fused rank; None: every statement), ordered by how well
    they address the question, with their fused scores, which of them do — enough of its terms
    covered (and not far less than the best candidate covers), or close on meaning alone — and the
    best coverage seen.
    `audience`: which statements' meeting audience the question names (None: none); `quantity`: the
    question asks how many / how long, which only a statement stating a number answers."""
    best, fused_best = fused.best(scope, cal.depth)
    total = sum(t.weight for t in terms)
    coverage = np.zeros(len(best), dtype=np.float32)
    if total > 0:
        stems = snapshot.lexicon.stems
        named = audience[best] if audience is not None else np.zeros(len(best), dtype=bool)
        # a statement sharing no stem with any of a term's alternatives cannot cover it: one set
        # test skips the term (the sum still adds the covered weights in the same order)
        reach = [_reach(t) for t in terms]
        for j, i in enumerate(best.tolist()):
            bag = stems[i] | snapshot.lexicon.context[i] if named[j] else stems[i]
            coverage[j] = (
                sum(
                    t.weight
                    for t, near in zip(terms, reach, strict=True)
                    if not near.isdisjoint(bag) and t.covered_by(bag)
                )
                / total
            )
    m = margins[best]
    top = max(float(coverage.max(initial=0.0)), best_elsewhere)
    by_meaning = m >= cal.margin
    if any(t.unknown for t in terms):
        # a word the corpus has never seen names a subject it probably lacks: meaning alone (a
        # cosine a few hundredths above the background) vouches only for a statement that shares
        # some of the question's subject
        by_meaning &= coverage > 0
    ok = (coverage >= max(cal.min_coverage, top - cal.coverage_slack)) | by_meaning
    if not terms:
        ok = m >= cal.margin
    if quantity:
        ok &= snapshot.lexicon.numeric[best]
    score = fused_best + cal.coverage_weight * coverage
    order = np.argsort(-score, kind="stable")
    mask = np.zeros(len(snapshot.statements), dtype=bool)
    mask[best[order][ok[order]]] = True
    return best[order], fused_best[order], mask, top


def _reach(term: Term) -> frozenset[str]:
    """Every stem any of the term's alternatives needs."""
    return frozenset(s for alt in term.alternatives for part in alt for s in part)


def _answer(
    snapshot: Snapshot,
    query: Query,
    order: npt.NDArray[np.int64],
    ok: npt.NDArray[np.bool_],
    score: Vectors,
    k: int,
    cal: Calibration,
) -> Answer:
    """The first k statements of `order` that pass, each group of identical words once;
    `score[j]` is the fused score of `order[j]`."""
    hits: list[Hit] = []
    chosen: list[int] = []
    groups: set[int] = set()
    # a plain view of the (memory-mapped) rows: indexing a np.memmap builds a memmap object
    # per row, which cost more than the dot products themselves
    vectors = snapshot.vectors.view(np.ndarray)
    group = snapshot.group
    for j, i in enumerate(order.tolist()):
        if not ok[i] or int(group[i]) in groups:
            continue
        row = vectors[i]
        if any(float(row @ vectors[j]) >= cal.near_duplicate for j in chosen):
            continue
        chosen.append(i)
        groups.add(int(group[i]))
        base = snapshot.hits[snapshot.statements[i].id]
        hits.append(base.model_copy(update={"score": round(float(score[j]), 5)}))
        if len(hits) >= k:
            break
    return Answer(query=query.question, answered=bool(hits), hits=hits)


def _positions_of(
    index: dict[str, npt.NDArray[np.int64]], keys: Iterable[str]
) -> npt.NDArray[np.int64]:
    """Sorted distinct positions listed under any of `keys`."""
    arrays = [index[key] for key in keys if key in index]
    if len(arrays) == 1 and _strictly_increasing(arrays[0]):
        return arrays[0]
    return np.unique(np.concatenate(arrays)) if arrays else _NONE


def _strictly_increasing(positions: npt.NDArray[np.int64]) -> bool:
    return bool(len(positions) < 2 or (positions[1:] > positions[:-1]).all())


def _meeting_mask(snapshot: Snapshot, meeting_ids: Iterable[str]) -> npt.NDArray[np.bool_]:
    """Which statements belong to any of the meetings: one lookup per meeting, one gather."""
    chosen = np.zeros(len(snapshot.meeting_numbers) + 1, dtype=bool)  # last: unknown ids
    numbers = snapshot.meeting_numbers
    chosen[[numbers.get(m, -1) for m in meeting_ids]] = True
    chosen[-1] = False
    mask: npt.NDArray[np.bool_] = chosen[snapshot.statement_meeting]
    return mask


def _place_names(snapshot: Snapshot, meeting_ids: Iterable[str]) -> list[str]:
    """The places of the meetings, each once: an article's list of places ("Уральск, Павлодарская
    область, Павлодар") is left out when one of its parts is itself a meeting's place."""
    names = list(dict.fromkeys(p for m in meeting_ids if (p := snapshot.meetings[m].place)))
    single = set(names)
    return [
        name
        for name in names
        if single.isdisjoint(part for part in map(str.strip, name.split(",")) if part != name)
    ]


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
    return _rrf_of_ranks(descending_ranks(scores))


def _rrf_of_ranks(ranks: Vectors) -> Vectors:
    return (1.0 / (RRF_K + ranks)).astype(np.float32)


def _positive_rrf(scores: Vectors) -> Vectors:
    """`_rrf(scores)` where scores > 0, else 0, ranking only the positive ones: a positive score
    ranks above every zero, so its rank among the positives is its rank among all — and BM25
    gives most statements zero, so this sorts a question's matches, not the corpus."""
    out = np.zeros(len(scores), dtype=np.float32)
    positive = np.flatnonzero(scores > 0)
    out[positive] = _rrf(scores[positive])
    return out
