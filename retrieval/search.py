"""SearchService: the only thing front ends call. Async, micro-batched, hot-swappable."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

from retrieval import index as dense_index
from retrieval.api import CorpusInfo
from retrieval.batching import MicroBatcher
from retrieval.embedder import Embedder
from retrieval.errors import ServiceUnavailable
from retrieval.glossary import Glossary
from retrieval.models import Answer, Corpus, Document, Hit, Meeting, Theme
from retrieval.ranking import Calibration, expand_vector, prepare, rank
from retrieval.snapshot import Resources, Snapshot, build_snapshot, embed_curated
from retrieval.text import words


@dataclass(frozen=True)
class _Job:
    snapshot: Snapshot
    question: str
    k: int


def load_resources(corpus_dir: Path) -> Resources:
    """Curated YAML files; a broken one is a one-line ServiceUnavailable naming it."""
    from retrieval.ingest import load_themes, region_of, senator_forms

    try:
        glossary = Glossary.load(corpus_dir / "glossary.yaml")
        offtopic_file = corpus_dir / "offtopic.yaml"
        background = yaml.safe_load(offtopic_file.read_text("utf-8"))
        offtopic = [str(p) for p in background["prototypes"]]
        foreign = tuple(tuple(words(str(n))) for n in background.get("foreign", []))
        themes = load_themes(corpus_dir)
    except (OSError, ValueError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise ServiceUnavailable(f"curated data in {corpus_dir} is broken: {exc}") from None
    return Resources(
        glossary=glossary,
        themes=themes,
        offtopic=offtopic,
        region_of=lambda place: region_of(place, corpus_dir=corpus_dir),
        senator_forms=senator_forms(corpus_dir),
        foreign=foreign,
    )


class SearchService:
    """Answers questions from the current snapshot; `swap` replaces it atomically."""

    def __init__(
        self,
        snapshot: Snapshot,
        embedder: Embedder,
        resources: Resources,
        calibration: Calibration | None = None,
        max_batch: int = 64,
    ) -> None:
        self._snapshot = snapshot
        self._embedder = embedder
        self._resources = resources
        self._calibration = calibration or Calibration()
        # One worker: torch already uses every core inside a batch; a queue of batches is faster.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search")
        self._batcher: MicroBatcher[_Job, Answer] = MicroBatcher(
            self._answer_batch, self._executor, max_batch=max_batch
        )

    @classmethod
    def from_corpus(
        cls, corpus: Corpus, embedder: Embedder, resources: Resources, **kw: object
    ) -> SearchService:
        """Build everything in memory (tests, benchmarks); CPU-bound."""
        return cls(build_snapshot(corpus, embedder, resources), embedder, resources, **kw)  # type: ignore[arg-type]

    @classmethod
    async def open(cls, config: object) -> SearchService:
        """Load the built corpus, the model and the saved index; never rebuilds silently."""
        from retrieval.config import RetrievalConfig
        from retrieval.errors import ModelMissingError
        from retrieval.model.st_embedder import load_embedder

        assert isinstance(config, RetrievalConfig)
        resources = load_resources(config.corpus_dir)
        serving = config.serving_dir()
        corpus = load_built_corpus(serving / "corpus.json")
        loop = asyncio.get_running_loop()
        try:
            embedder = await loop.run_in_executor(None, load_embedder, config)
        except ModelMissingError as exc:
            raise ServiceUnavailable(str(exc)) from None

        def _load() -> Snapshot:
            try:
                dense = dense_index.load(
                    serving / "index",
                    model_id=embedder.model_id,
                    dim=embedder.dim,
                    corpus_hash=corpus.content_hash(),
                )
            except dense_index.IndexError_ as exc:
                raise ServiceUnavailable(str(exc)) from None
            curated = embed_curated(embedder, resources, cache_dir=serving / "index")
            return build_snapshot(corpus, embedder, resources, dense=dense, curated=curated)

        snapshot = await loop.run_in_executor(None, _load)
        return cls(snapshot, embedder, resources)

    async def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=False)

    # --- questions -------------------------------------------------------------------------
    async def search(self, question: str, k: int = 3) -> Answer:
        return await self._batcher.submit(_Job(self._snapshot, question, max(1, min(k, 50))))

    def _answer_batch(self, jobs: Sequence[_Job]) -> list[Answer]:
        queries = [prepare(job.snapshot, job.question) for job in jobs]
        vectors = self._embedder.encode_queries([q.question for q in queries])
        return [
            rank(job.snapshot, q, expand_vector(job.snapshot, q, vectors[i]), job.k,
                 self._calibration)
            for i, (job, q) in enumerate(zip(jobs, queries, strict=True))
        ]  # fmt: skip

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

    def swap(self, snapshot: Snapshot) -> None:
        """Atomic: one reference assignment; jobs already queued keep their old snapshot."""
        self._snapshot = snapshot


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
