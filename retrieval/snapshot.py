"""An immutable view of one corpus version with every structure search needs.

Reloads build a new Snapshot beside the live one and swap a single reference, so a question in
flight always finishes on the snapshot it started with.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from retrieval.embedder import Embedder, Vectors
from retrieval.entities import EntityFinder
from retrieval.glossary import Glossary, PhraseSet
from retrieval.index import DenseIndex, build_dense
from retrieval.lexical import Bm25Index, Lexicon
from retrieval.models import Corpus, Document, Hit, Meeting, SourceRef, Statement, Theme
from retrieval.text import words


@dataclass(frozen=True)
class Resources:
    """Curated, corpus-independent inputs: glossary, themes, off-topic background, regions."""

    glossary: Glossary
    themes: list[Theme]
    offtopic: list[str]
    region_of: Callable[[str | None], str | None]
    senator_forms: dict[str, list[str]] = field(default_factory=dict)
    senator_posts: dict[str, str] = field(default_factory=dict)  # name → chair | deputy_chair
    foreign: tuple[tuple[str, ...], ...] = ()  # other countries' names, as word tuples
    # regions a question names by a capitalised place, with the words naming each
    regions_named: Callable[[str], list[tuple[str, str]]] | None = None
    # a meeting place's towns' other names (Уральск → Орал)
    town_twins: Callable[[str | None], list[str]] | None = None


@dataclass(frozen=True)
class Snapshot:
    corpus: Corpus
    statements: tuple[Statement, ...]
    hits: dict[str, Hit]
    meeting_of: dict[str, Meeting]
    meetings: dict[str, Meeting]
    documents: dict[str, Document]
    dense: DenseIndex
    vectors: Vectors
    bm25: Bm25Index
    entities: EntityFinder
    glossary: Glossary
    themes: list[Theme]
    curated: Curated
    regions: dict[str, list[str]]  # region -> meeting ids, in corpus order
    foreign: PhraseSet[int]
    # per-statement arrays so ranking never loops over statements in Python
    is_quote: npt.NDArray[np.bool_]
    by_senator: dict[str, npt.NDArray[np.int64]]  # speakers, or the meeting's senators
    by_meeting: dict[str, npt.NDArray[np.int64]]
    # meeting id -> its number in corpus order, and each statement's meeting number: a set of
    # meetings becomes a statement mask in one gather (a place can name thousands of meetings)
    meeting_numbers: dict[str, int]
    statement_meeting: npt.NDArray[np.int64]
    lexicon: Lexicon
    # how close each statement sits to the corpus as a whole (cosine to its centroid, centred):
    # "hub" statements near everything are penalised by this
    hub: Vectors
    # statements with the same words (several outlets reporting one meeting) share a group
    group: npt.NDArray[np.int64]
    # statements with the very same text at any meeting, by anyone (a press-office template, a
    # line repeated on a tour) share a number: ranking takes each text once among its candidates.
    # Characters, not words: a copy punctuated otherwise has a vector of its own
    same_text: npt.NDArray[np.int64]


def build_snapshot(
    corpus: Corpus,
    embedder: Embedder,
    resources: Resources,
    dense: DenseIndex | None = None,
    curated: Curated | None = None,
) -> Snapshot:
    """CPU-bound (embeds what is not given): run it in a worker thread."""
    if dense is None:
        dense = build_dense(corpus, embedder)
    curated = curated or embed_curated(embedder, resources)
    documents = {d.id: d for d in corpus.documents}
    meetings = {m.id: m for m in corpus.meetings}
    statements = tuple(corpus.statements())
    meeting_of = {s.id: meetings[s.meeting_id] for s in statements}
    numbers = {m.id: number for number, m in enumerate(corpus.meetings)}
    group = _same_words(statements, meeting_of)
    sources: dict[int, list[SourceRef]] = defaultdict(list)
    for st, g in zip(statements, group, strict=True):
        doc_id = meeting_of[st.id].document_id
        if all(ref.document_id != doc_id for ref in sources[int(g)]):
            doc = documents.get(doc_id)
            sources[int(g)].append(SourceRef(document_id=doc_id, title=doc.title if doc else ""))
    hits = {
        st.id: Hit.of(
            st, meeting_of[st.id], documents.get(meeting_of[st.id].document_id)
        ).model_copy(update={"sources": sources[int(g)]})
        for st, g in zip(statements, group, strict=True)
    }
    region_of_meeting = {m.id: resources.region_of(m.place) for m in corpus.meetings}
    regions: dict[str, list[str]] = defaultdict(list)
    for meeting_id, region in region_of_meeting.items():
        if region:
            regions[region].append(meeting_id)
    return Snapshot(
        corpus=corpus,
        statements=statements,
        hits=hits,
        meeting_of=meeting_of,
        meetings=meetings,
        documents=documents,
        dense=dense,
        vectors=dense.vectors,
        bm25=Bm25Index(corpus),
        entities=EntityFinder(
            corpus,
            resources.senator_forms,
            region_of_meeting,
            resources.regions_named,
            resources.town_twins,
            resources.senator_posts,
        ),
        glossary=resources.glossary,
        themes=resources.themes,
        curated=curated,
        regions=dict(regions),
        foreign=PhraseSet((name, i) for i, name in enumerate(resources.foreign)),
        is_quote=np.array([s.kind == "quote" for s in statements], dtype=bool),
        by_senator=_positions(
            (name, i)
            for i, s in enumerate(statements)
            for name in (s.speakers or meeting_of[s.id].senators)
        ),
        by_meeting=_positions((s.meeting_id, i) for i, s in enumerate(statements)),
        meeting_numbers=numbers,
        statement_meeting=np.array([numbers[s.meeting_id] for s in statements], dtype=np.int64),
        lexicon=Lexicon(corpus),
        hub=_hubness(dense.vectors),
        group=group,
        same_text=_numbered(s.text for s in statements),
    )


def _same_words(
    statements: tuple[Statement, ...], meeting_of: Mapping[str, Meeting]
) -> npt.NDArray[np.int64]:
    """Group number per statement: equal word sequences (case and punctuation aside) from the
    same people share one. Two senators given the same words (or an unattributed line at another
    senator's meeting) stay apart: one hit must never cite a document for someone else's words."""
    return _numbered(
        (" ".join(words(s.text)), tuple(sorted(s.speakers or meeting_of[s.id].senators)))
        for s in statements
    )


def _numbered(keys: Iterable[Hashable]) -> npt.NDArray[np.int64]:
    """One number per distinct key, in order of first appearance."""
    seen: dict[Hashable, int] = {}
    return np.array([seen.setdefault(key, len(seen)) for key in keys], dtype=np.int64)


def _hubness(vectors: Vectors) -> Vectors:
    if not len(vectors):
        return np.zeros(0, dtype=np.float32)
    centroid = vectors.mean(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-12)
    closeness = vectors @ centroid
    centred: Vectors = (closeness - float(np.median(closeness))).astype(np.float32)
    return centred


def _positions(pairs: Iterable[tuple[str, int]]) -> dict[str, npt.NDArray[np.int64]]:
    grouped: dict[str, list[int]] = defaultdict(list)
    for key, position in pairs:
        grouped[key].append(position)
    return {key: np.array(positions, dtype=np.int64) for key, positions in grouped.items()}


@dataclass(frozen=True)
class Curated:
    """Vectors of the curated texts: in-scope prototypes (theme labels and descriptions), the
    off-topic background, and every glossary domain term (for query expansion)."""

    themes: Vectors
    offtopic: Vectors
    terms: dict[str, Vectors]


def embed_curated(
    embedder: Embedder, resources: Resources, cache_dir: Path | None = None
) -> Curated:
    """With `cache_dir`, vectors are kept in a file keyed by model and texts: start-up then
    skips ~500 encodes, and an edited YAML simply misses the cache."""
    themes = [
        text
        for t in resources.themes
        for text in [*t.labels.values(), t.description]
        if text.strip()
    ]
    offtopic = list(resources.offtopic)
    terms = resources.glossary.domain_terms()
    key = hashlib.sha256(
        json.dumps([embedder.model_id, themes, offtopic, terms], ensure_ascii=False).encode()
    ).hexdigest()[:16]
    cached = cache_dir / f"curated-{key}.npz" if cache_dir is not None else None
    if cached is not None and cached.exists():
        with contextlib.suppress(OSError, ValueError, KeyError), np.load(cached) as data:
            return Curated(
                data["themes"], data["offtopic"], dict(zip(terms, data["terms"], strict=True))
            )
    vectors = [embedder.encode_queries(texts) for texts in (themes, offtopic, terms)]
    if cached is not None:
        with contextlib.suppress(OSError):
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(".tmp.npz")
            np.savez(tmp, themes=vectors[0], offtopic=vectors[1], terms=vectors[2])
            os.replace(tmp, cached)
    return Curated(vectors[0], vectors[1], dict(zip(terms, vectors[2], strict=True)))
