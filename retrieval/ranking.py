"""Pure ranking of one question against a corpus snapshot: hybrid scores, entities, abstention.

Everything here is CPU-bound and synchronous; the service runs it in a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from retrieval.embedder import Vectors
from retrieval.glossary import Expansion
from retrieval.models import Answer, Hit
from retrieval.order import descending_order, descending_ranks
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
    """.split()
)
EXPANSION_WEIGHT = 0.5  # of the unit-length mean of the twins' vectors
RRF_K = 60
_NONE = np.zeros(0, dtype=np.int64)
RELATED_BONUS = 0.002  # a meeting whose audience matches a glossary twin of the question
QUOTE_BONUS = 0.0025  # ≈ five RRF ranks: direct quotes first at similar relevance
MAX_QUESTION_CHARS = 1000


@dataclass(frozen=True)
class Calibration:
    """Abstention thresholds on e5 cosine margins (see README: "How abstention works")."""

    # margin = best in-scope cosine (statements, theme labels) − best off-topic prototype cosine.
    # Above `margin` the question is answered on meaning alone; above `covered_margin` only if
    # the best candidates also share a meaningful word (or glossary twin) with it.
    margin: float = 0.03
    covered_margin: float = -0.06
    # candidates checked for a shared word: the top dense ones
    coverage_depth: int = 5
    # hits kept: dense cosine within this of the best one, or lexically/entity matched
    spread: float = 0.06
    near_duplicate: float = 0.97


@dataclass(frozen=True)
class Query:
    """A question prepared for encoding, with the glossary terms it matched."""

    question: str
    expansion: Expansion
    dense_terms: tuple[str, ...]  # twins whose vectors are mixed into the question's


def prepare(snapshot: Snapshot, question: str) -> Query:
    text = normalize(question)[:MAX_QUESTION_CHARS]
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


def rank(snapshot: Snapshot, query: Query, qvec: Vectors, k: int, cal: Calibration) -> Answer:
    """Best k statements for the question, or an abstention with no hits."""
    n = len(snapshot.statements)
    if n == 0 or not words(query.question):
        return Answer(query=query.question, answered=False)
    dense = snapshot.dense.scores(qvec)  # cosine per statement, corpus order
    lexical = snapshot.bm25.scores(query_stems(query))
    found = snapshot.entities.find(query.question, query.expansion.terms)
    entity_mask = np.zeros(n, dtype=bool)
    for name in found.senators:
        entity_mask[snapshot.by_senator.get(name, _NONE)] = True
    for meeting_id in found.meeting_ids:
        entity_mask[snapshot.by_meeting.get(meeting_id, _NONE)] = True

    if (
        not entity_mask.any()
        and not found.related_meeting_ids
        and (
            _names_foreign_state(snapshot, query.question)
            or not _in_scope(snapshot, dense, lexical, qvec, cal)
        )
    ):
        return Answer(query=query.question, answered=False)

    fused = _rrf(dense) + np.where(lexical > 0, _rrf(lexical), 0.0)
    fused += np.where(snapshot.is_quote, QUOTE_BONUS, 0.0)
    for meeting_id in found.related_meeting_ids:
        fused[snapshot.by_meeting.get(meeting_id, _NONE)] += RELATED_BONUS
    keep = (dense >= dense.max() - cal.spread) | (lexical > 0) | entity_mask
    if entity_mask.any():
        keep &= entity_mask  # a named senator or place: their statements, not others'
    # "What did Asanova say?" has no topic beyond the name: show her own words first.
    topicless = entity_mask.any() and not [
        w for w in words(query.question)
        if w not in found.tokens and w not in STOPWORDS and stem(w) not in GENERIC_STEMS
    ]  # fmt: skip
    kinds = (~snapshot.is_quote).astype(int) if topicless else np.zeros(n, dtype=int)
    order = sorted(
        (int(i) for i in np.flatnonzero(keep)),
        key=lambda i: (-int(entity_mask[i]), kinds[i], -fused[i]),
    )
    hits: list[Hit] = []
    chosen: list[int] = []
    for i in order:
        if any(
            float(snapshot.vectors[i] @ snapshot.vectors[j]) >= cal.near_duplicate for j in chosen
        ):
            continue
        chosen.append(i)
        base = snapshot.hits[snapshot.statements[i].id]
        hits.append(base.model_copy(update={"score": round(float(fused[i]), 5)}))
        if len(hits) >= k:
            break
    return Answer(query=query.question, answered=bool(hits), hits=hits)


def query_stems(query: Query) -> list[str]:
    """Stems that can show a statement covers the question: its own words minus the generic
    ones (Constitution, draft, norm, senator…), plus the twins of its domain terms."""
    own = content_stems(query.question)
    twins = [s for group in query.expansion.domain_terms for t in group for s in content_stems(t)]
    return list(dict.fromkeys(s for s in own + twins if s not in GENERIC_STEMS))


def _in_scope(
    snapshot: Snapshot, dense: Vectors, lexical: Vectors, qvec: Vectors, cal: Calibration
) -> bool:
    inside = float(dense.max())
    themes, background = snapshot.curated.themes, snapshot.curated.offtopic
    if len(themes):
        inside = max(inside, float((themes @ qvec).max()))
    outside = float((background @ qvec).max()) if len(background) else 0.0
    margin = inside - outside
    if margin > cal.margin:
        return True
    top = descending_order(dense)[: cal.coverage_depth]
    return margin > cal.covered_margin and bool((lexical[top] > 0).any())


def _names_foreign_state(snapshot: Snapshot, question: str) -> bool:
    """Another country named and Kazakhstan not: another state's constitution or politics."""
    tokens = words(question)
    if any(t.startswith(("казахстан", "қазақстан", "kazakhstan")) for t in tokens):
        return False
    return bool(snapshot.foreign.find(tokens))


def _rrf(scores: Vectors) -> Vectors:
    return (1.0 / (RRF_K + descending_ranks(scores))).astype(np.float32)
