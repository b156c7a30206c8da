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
    """`language.metric → value` for every rate in an `atazan eval` report (counts skipped), and
    `language.n`, how many questions the language has."""
    out: dict[str, float] = {}
    for lang, metrics in report["by_language"].items():
        for name, value in metrics.items():
            rate = isinstance(value, float) or (isinstance(value, int) and 0 <= value <= 1)
            if rate and name not in _COUNTS:
                out[f"{lang}.{name}"] = float(value)
        out[f"{lang}.n"] = float(metrics.get("in_corpus", 0) + metrics.get("out_of_corpus", 0))
    return out


# counts an int of 0 or 1 would pass for a rate: 1 irrelevant hit shown is no 100 %
_COUNTS = frozenset({"in_scope", "off_topic", "irrelevant_shown", "in_corpus", "out_of_corpus"})


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


def worst_excess(reference: dict[str, float], other: dict[str, float]) -> tuple[str, float]:
    """The figure that differs most beyond its bar, and by how much (≤ 0 meets every bar). The bar
    is `MAX_EVAL_DELTA`, or one question's worth in a language with fewer than 100 questions:
    on the founding release's 11 English questions of a file, one near-tied third hit ranked the
    other way moves page precision by 0.045, which no bar of 0.01 can tell from a regression of
    the model — on the synthetic held-out split's hundreds it stays 0.01."""
    worst = ("", float("-inf"))
    for name, delta in deltas(reference, other).items():
        n = reference.get(f"{name.split('.')[0]}.n", 0.0)
        excess = delta - max(MAX_EVAL_DELTA, 1 / n if n else 0.0)
        if excess > worst[1]:
            worst = (name, excess)
    return worst
