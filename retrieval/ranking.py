"""Pure ranking of one question against a corpus snapshot: hybrid scores, entities, abstention.

Everything here is CPU-bound and synchronous; the service runs it in a worker thread. What the
question's text says comes from `retrieval.question`; the thresholds from `retrieval.calibration`.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from retrieval.calibration import Calibration
from retrieval.embedder import Vectors
from retrieval.fusion import Fusion, Margins, positive_rrf
from retrieval.models import Answer, Hit
from retrieval.order import BucketRanks
from retrieval.question import Query, Reading, Term, read
from retrieval.snapshot import Snapshot
from retrieval.text import stem

_NONE = np.zeros(0, dtype=np.int64)


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
        return Answer(query=query.question, answered=False, language=query.language)
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
    # the question's words that named those meetings' audience cover them there (the stemmer
    # may have cut the audience's form otherwise: спортсмены / спортсменами)
    named = frozenset(stem(t) for t in found.audience_tokens)
    fused = Fusion(
        BucketRanks(dense),
        positive_rrf(lexical),
        snapshot.is_quote,
        related,
        snapshot.same_text,
        cal.depth_texts,
    )

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
        return Answer(
            query=query.question, answered=False, general=general, language=query.language
        )
    silent: list[str] = []
    margins = Margins(dense, outside)
    lexicon = snapshot.lexicon
    # a span of time asked for, a number, a time, a head: only statements stating one answer
    needs = (
        lexicon.lasting
        if reading.span
        else lexicon.numeric
        if reading.quantity
        else lexicon.dated
        if reading.when
        else lexicon.headed
        if reading.head
        else None
    )
    order, values, ok, best = _addressing(
        snapshot, terms, margins, fused, None, related, cal, needs, named=named
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
            needs,
            best,
            named,
        )
        if mine_ok.any():
            return _answer(snapshot, query, mine, mine_ok, mine_values, k, cal)
        silent = [*found.senators, *_place_names(snapshot, found.meeting_ids)]
    answer = _answer(snapshot, query, order, ok, values, k, cal)
    if general and not answer.answered:
        return answer.model_copy(update={"general": True})
    return answer.model_copy(update={"silent": silent}) if silent else answer


def _addressing(
    snapshot: Snapshot,
    terms: list[Term],
    margins: Margins,
    fused: Fusion,
    scope: npt.NDArray[np.int64] | None,
    audience: npt.NDArray[np.bool_] | None,
    cal: Calibration,
    needs: npt.NDArray[np.bool_] | None = None,
    best_elsewhere: float = 0.0,
    named: frozenset[str] = frozenset(),
) -> tuple[npt.NDArray[np.int64], Vectors, npt.NDArray[np.bool_], float]:
    """The best candidates in `scope` (by fused rank; None: every statement), ordered by how well
    they address the question, with their fused scores, which of them do — enough of its terms
    covered (and not far less than the best candidate covers), or close on meaning alone — and the
    best coverage seen.
    `audience`: which statements' meeting audience the question names (None: none), `named`: the
    stems of the question words that named it; `needs`: the statements that state what the
    question asks for (a number, a time), None: any."""
    best, fused_best = fused.best(scope, cal.depth)
    total = sum(t.weight for t in terms)
    coverage = np.zeros(len(best), dtype=np.float32)
    # coverage by the subject's own words, verbs of change left out (see `_addressing`'s veto)
    subject = np.zeros(len(best), dtype=bool)
    if total > 0:
        stems = snapshot.lexicon.stems
        at_named = audience[best] if audience is not None else np.zeros(len(best), dtype=bool)
        # a statement sharing no stem with any of a term's alternatives cannot cover it: one set
        # test skips the term (the sum still adds the covered weights in the same order)
        reach = [_reach(t) for t in terms]
        for j, i in enumerate(best.tolist()):
            bag = stems[i] | snapshot.lexicon.context[i] | named if at_named[j] else stems[i]
            covered = [
                t
                for t, near in zip(terms, reach, strict=True)
                if not near.isdisjoint(bag) and t.covered_by(bag)
            ]
            coverage[j] = sum(t.weight for t in covered) / total
            subject[j] = any(not t.change for t in covered)
    m = margins[best]
    top = max(float(coverage.max(initial=0.0)), best_elsewhere)
    covers = coverage >= max(cal.min_coverage, top - cal.coverage_slack)
    if any(not t.change for t in terms):
        # a statement sharing only the change asked about shares none of the subject: "повышение
        # роли граждан" does not answer "повысят ли пенсионный возраст"
        covers &= subject
    by_meaning = m >= cal.margin
    if any(t.unknown for t in terms):
        # a word the corpus has never seen names a subject it probably lacks: meaning alone (a
        # cosine a few hundredths above the background) vouches only for a statement that shares
        # some of the question's subject, not only its verb of change
        by_meaning &= subject
    ok = covers | by_meaning
    if not terms:
        ok = m >= cal.margin
    if needs is not None:
        ok &= needs[best]
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
    return Answer(query=query.question, answered=bool(hits), hits=hits, language=query.language)


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
