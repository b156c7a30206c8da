"""SearchService: the only thing front ends call. Async, micro-batched, hot-swappable."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from retrieval.api import CorpusInfo
from retrieval.batching import MicroBatcher
from retrieval.calibration import Calibration
from retrieval.config import MAX_BATCH, MAX_QUESTION_CHARS
from retrieval.embedder import Embedder, Vectors
from retrieval.errors import ServiceUnavailable
from retrieval.models import Answer, Corpus, Document, Hit, Meeting, Theme
from retrieval.question import Query, Reading, expand_vector, prepare, read
from retrieval.ranking import rank
from retrieval.resources import load_resources as load_resources  # re-exported
from retrieval.snapshot import Resources, Snapshot, build_snapshot

# A lone question's scan is split over two threads from this many statements (below it, the
# hand-off costs about what it saves).
SPLIT_SCAN_ROWS = 8192


@dataclass(frozen=True)
class _Job:
    snapshot: Snapshot
    question: str
    k: int


@dataclass(frozen=True)
class _Encoded:
    jobs: Sequence[_Job]
    queries: list[Query]
    vectors: list[Vectors]
    cosines: list[Vectors]
    readings: Future[list[Reading]]


def _concurrent_batches(embedder: Embedder) -> int:
    """How many batches the embedder runs at once (`OrtEmbedder.lanes`; others: one)."""
    lanes = getattr(embedder, "lanes", 1)
    return lanes if isinstance(lanes, int) else 1


class SearchService:
    """Answers questions from the current snapshot; `swap` replaces it atomically."""

    def __init__(
        self,
        snapshot: Snapshot,
        embedder: Embedder,
        resources: Resources,
        calibration: Calibration | None = None,
        max_batch: int = MAX_BATCH,
        max_question_chars: int = MAX_QUESTION_CHARS,
    ) -> None:
        self._snapshot = snapshot
        self._embedder = embedder
        self._resources = resources
        self.version = ""  # the corpus version serving (content hash); "" when built in memory
        self._calibration = calibration or Calibration()
        self._max_question_chars = max_question_chars
        # One worker for the model (it uses its own threads inside a batch: a queue of batches is
        # faster than two at once) and one for ranking, which runs while the next batch encodes
        # — unless the model has several lanes: they already keep every core busy, and ranking
        # beside them only takes a core from one (32 concurrent, two lanes: 222 → 246 q/s with
        # ranking after the encode; one lane: 220 → 208, so it keeps the overlap).
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search")
        self._ranker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rank")
        self._lanes = _concurrent_batches(embedder)
        overlap = self._ranker if self._lanes < 2 else None
        self._batcher: MicroBatcher[_Job, _Encoded, Answer] = MicroBatcher(
            self._encode_batch, self._rank_batch, self._executor, overlap, max_batch=max_batch
        )

    @classmethod
    def from_corpus(
        cls, corpus: Corpus, embedder: Embedder, resources: Resources, **kw: object
    ) -> SearchService:
        """Build everything in memory (tests, benchmarks); CPU-bound."""
        return cls(build_snapshot(corpus, embedder, resources), embedder, resources, **kw)  # type: ignore[arg-type]

    @classmethod
    async def open(cls, config: object) -> SearchService:
        """Serve the live corpus version; rebuild it first when the model, the releases or the
        curated files changed since it was built (upgrades), with a log line saying why."""
        from retrieval.config import RetrievalConfig
        from retrieval.errors import ModelMissingError
        from retrieval.model.st_embedder import load_embedder
        from retrieval.rebuild import open_live, require_live

        assert isinstance(config, RetrievalConfig)
        if not config.corpus_json.exists():
            require_live(config)  # before the model loads: an empty data dir says what to run
        loop = asyncio.get_running_loop()
        try:
            embedder = await loop.run_in_executor(None, load_embedder, config)
        except ModelMissingError as exc:
            raise ServiceUnavailable(str(exc)) from None
        opened = await loop.run_in_executor(None, open_live, config, embedder)
        service = cls(
            opened.snapshot,
            embedder,
            opened.resources,
            max_batch=config.max_batch,
            max_question_chars=config.max_question_chars,
        )
        service.version = opened.version
        return service

    async def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=False)
        self._ranker.shutdown(wait=True, cancel_futures=False)

    # --- questions -------------------------------------------------------------------------
    async def search(self, question: str, k: int = 3) -> Answer:
        # Lone surrogates (undecodable bytes from a shell's stdin or argv, "\udcff" in a JSON
        # request) made the tokenizer's UTF-8 encode raise: they become U+FFFD-like '?'.
        question = question.encode("utf-8", "replace").decode("utf-8")
        return await self._batcher.submit(_Job(self._snapshot, question, max(1, min(k, 50))))

    def _encode_batch(self, jobs: Sequence[_Job]) -> _Encoded:
        """The model's stage: questions to vectors, and every statement's cosine for each. For a
        batch, what ranking reads from the text alone (BM25, names, terms) is queued on the
        ranking thread first, so it runs while the model's native code works."""
        queries = [prepare(job.snapshot, job.question, self._max_question_chars) for job in jobs]
        if len(jobs) > 1 or self._lanes > 1:
            # several lanes: a lone question runs on one lane's share of the cores, the rest idle
            readings = self._ranker.submit(self._read_batch, jobs, queries)
            vectors = self._embedder.encode_queries([q.question for q in queries])
        else:
            # A lone question on one lane: the model's pool has every core, and reading beside it
            # only makes the pool wait for a core (on 2 cores search p50 went 7.3 → 19 ms that way).
            vectors = self._embedder.encode_queries([q.question for q in queries])
            readings = Future()
            readings.set_result(self._read_batch(jobs, queries))
        expanded = [
            expand_vector(job.snapshot, q, vectors[i])
            for i, (job, q) in enumerate(zip(jobs, queries, strict=True))
        ]
        if len(jobs) == 1 and len(jobs[0].snapshot.statements) >= SPLIT_SCAN_ROWS:
            cosines = [self._split_scan(jobs[0].snapshot, expanded[0])]
        else:
            cosines = batch_scores([job.snapshot for job in jobs], expanded)
        return _Encoded(jobs, queries, expanded, cosines, readings)

    def _split_scan(self, snapshot: Snapshot, vector: Vectors) -> Vectors:
        """A lone question's cosines, half the rows on the ranking thread (idle then): the scan
        is bound by memory reads (46 MB at 30,000 statements), which two cores do faster. The
        other half is done here when that thread is busy with an earlier batch."""
        rows = snapshot.dense.vectors
        query = np.asarray(vector, dtype=np.float32)
        half = len(rows) // 2
        out = np.empty(len(rows), dtype=np.float32)
        second = self._ranker.submit(np.matmul, rows[half:], query)
        out[:half] = rows[:half] @ query
        out[half:] = rows[half:] @ query if second.cancel() else second.result()
        return out

    def _read_batch(self, jobs: Sequence[_Job], queries: list[Query]) -> list[Reading]:
        cal = self._calibration
        return [read(job.snapshot, q, cal) for job, q in zip(jobs, queries, strict=True)]

    def _rank_batch(self, encoded: _Encoded) -> list[Answer]:
        # queued on the one ranking thread before this batch's ranking: done, or running there
        # when the model thread ranks a lone batch itself. Not started yet (that thread is
        # busy, or waits for a core): read here rather than wait for it.
        if encoded.readings.cancel():
            readings = self._read_batch(encoded.jobs, encoded.queries)
        else:
            readings = encoded.readings.result()
        return [
            rank(job.snapshot, q, vector, job.k, self._calibration, cosine, reading)
            for job, q, vector, cosine, reading in zip(
                encoded.jobs,
                encoded.queries,
                encoded.vectors,
                encoded.cosines,
                readings,
                strict=True,
            )
        ]

    # --- browsing --------------------------------------------------------------------------
    def themes(self) -> list[Theme]:
        snap = self._snapshot
        used = {t for s in snap.statements for t in s.themes}
        return [t for t in snap.themes if t.id in used]

    def by_theme(self, theme_id: str) -> list[Hit]:
        return self._ordered(s.id for s in self._snapshot.statements if theme_id in s.themes)

    def senators(self) -> list[str]:
        names = {n for m in self._snapshot.corpus.meetings for n in m.senators}
        return sorted(names, key=lambda n: (n.split()[-1], n))

    def by_senator(self, name: str) -> list[Hit]:
        snap = self._snapshot
        return self._ordered(
            s.id for s in snap.statements if name in (s.speakers or snap.meeting_of[s.id].senators)
        )

    def regions(self) -> list[str]:
        return sorted(self._snapshot.regions)

    def meetings_in_region(self, region: str) -> list[Meeting]:
        snap = self._snapshot
        return [snap.meetings[i] for i in snap.regions.get(region, [])]

    def meeting(self, meeting_id: str) -> Meeting | None:
        return self._snapshot.meetings.get(meeting_id)

    def document(self, document_id: str) -> Document | None:
        return self._snapshot.documents.get(document_id)

    def hit(self, statement_id: str) -> Hit | None:
        return self._snapshot.hits.get(statement_id)

    def info(self) -> CorpusInfo:
        snap = self._snapshot
        dates = [d.date for d in snap.corpus.documents if d.date]
        return CorpusInfo(
            documents=len(snap.corpus.documents),
            meetings=len(snap.corpus.meetings),
            statements=len(snap.statements),
            senators=len(self.senators()),
            latest_date=max(dates) if dates else None,
            sources=[d.title for d in snap.corpus.documents],
            version=self.version,
        )

    def _ordered(self, ids: object) -> list[Hit]:
        """Quotes first, then reported speech, each in corpus order."""
        hits = [self._snapshot.hits[i] for i in ids]  # type: ignore[attr-defined]
        return sorted(hits, key=lambda h: h.kind != "quote")

    # --- corpus versions -------------------------------------------------------------------
    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    @property
    def embedder(self) -> Embedder:
        return self._embedder

    @property
    def worker_executor(self) -> ThreadPoolExecutor:
        """The thread every encode runs on (benchmarks time the bare model there too)."""
        return self._executor

    @property
    def resources(self) -> Resources:
        return self._resources

    def swap(
        self, snapshot: Snapshot, resources: Resources | None = None, version: str | None = None
    ) -> None:
        """Atomic: one reference assignment; jobs already queued keep their old snapshot."""
        self._snapshot = snapshot
        if resources is not None:
            self._resources = resources
        if version is not None:
            self.version = version


def load_built_corpus(path: Path) -> Corpus:
    try:
        return Corpus.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        raise ServiceUnavailable(f"no built corpus at {path}: run `atazan corpus build`") from None
    except (OSError, ValueError) as exc:
        first = str(exc).splitlines()[0]
        raise ServiceUnavailable(
            f"built corpus {path} is unreadable ({first}): run `atazan corpus build`"
        ) from None


def dump_answer(answer: Answer) -> str:
    """The `atazan ask --json` line."""
    return json.dumps(answer.model_dump(mode="json"), ensure_ascii=False)


def batch_scores(snapshots: Sequence[Snapshot], vectors: Sequence[Vectors]) -> list[Vectors]:
    """Every statement's cosine for each question, one matrix product per snapshot in the batch:
    a scan reads the whole vectors matrix (46 MB at 30,000 statements), so a micro-batch of 32
    pays for one read instead of 32 (BLAS sums a product in another order than 32 scans would:
    the cosines agree to ~1e-6, far inside what the batch's own encode varies)."""
    rows: dict[int, list[int]] = {}
    for i, snapshot in enumerate(snapshots):
        rows.setdefault(id(snapshot), []).append(i)
    out: list[Vectors] = [np.zeros(0, dtype=np.float32)] * len(snapshots)
    for members in rows.values():
        snapshot = snapshots[members[0]]
        stacked = np.stack([vectors[i] for i in members])
        scores = np.ascontiguousarray(np.atleast_2d(snapshot.dense.scores(stacked)))
        for row, i in enumerate(members):
            out[i] = scores[row]
    return out
