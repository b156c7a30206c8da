"""Quality guard of a backend against the fp32 reference: the same `atazan eval` figures.

Each backend embeds the corpus and answers the questions on its own (index, curated vectors and
queries all from that backend), exactly as a deployment running it would.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from retrieval.embedder import Embedder
from retrieval.evaluation import EvalQuestion, run_eval
from retrieval.models import Corpus
from retrieval.snapshot import Resources

MAX_EVAL_DELTA = 0.01


@dataclass(frozen=True)
class EvalSet:
    """A corpus and the questions asked of it (the founding release and its question files,
    the synthetic corpus and its held-out split)."""

    name: str
    corpus: Corpus
    questions: Sequence[EvalQuestion]


def flatten(report: dict[str, Any]) -> dict[str, float]:
    """`language.metric → value` for every rate in an `atazan eval` report (counts skipped)."""
    out: dict[str, float] = {}
    for lang, metrics in report["by_language"].items():
        for name, value in metrics.items():
            rate = isinstance(value, float) or (isinstance(value, int) and 0 <= value <= 1)
            if rate and name not in ("in_scope", "off_topic"):
                out[f"{lang}.{name}"] = float(value)
    return out


async def eval_figures(
    eval_set: EvalSet, embedder: Embedder, resources: Resources
) -> dict[str, float]:
    from retrieval.search import SearchService

    service = SearchService.from_corpus(eval_set.corpus, embedder, resources)
    try:
        return flatten(await run_eval(service, list(eval_set.questions)))
    finally:
        await service.close()


def deltas(reference: dict[str, float], other: dict[str, float]) -> dict[str, float]:
    """|other − reference| per figure; a figure one side lacks counts as a difference of 1."""
    names = sorted(set(reference) | set(other))
    return {n: abs(other.get(n, -1.0) - reference.get(n, 1.0)) for n in names}
