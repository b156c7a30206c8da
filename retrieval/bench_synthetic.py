"""A synthetic corpus directory (`python -m bench.synthetic build DIR`) as the bench's held-out
eval set: shared by the bench's child, `atazan bench --synthetic` and the backends' test."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrieval.guard import EvalSet
    from retrieval.snapshot import Resources

SYNTHETIC_SPLIT = "heldout"  # the split of `--synthetic DIR` the quality guard compares
_SYNTHETIC_QUESTIONS = f"questions-{SYNTHETIC_SPLIT}.jsonl"
_SYNTHETIC_CURATED = "curated"


def synthetic_eval_set(directory: Path) -> tuple[EvalSet, Resources]:
    """A synthetic corpus directory's held-out split, with the curated files it was built with
    (`atazan bench --synthetic` and the backends' test compare the same set)."""
    from retrieval.evaluation import load_questions
    from retrieval.guard import EvalSet
    from retrieval.search import load_built_corpus, load_resources
    from retrieval.versions import CORPUS_FILE

    held_out = EvalSet(
        f"synthetic/{SYNTHETIC_SPLIT}",
        load_built_corpus(directory / CORPUS_FILE),
        load_questions(directory / _SYNTHETIC_QUESTIONS),
    )
    return held_out, load_resources(directory / _SYNTHETIC_CURATED)


def synthetic_problem(directory: Path) -> str | None:
    """Why `directory` cannot serve as the bench's synthetic corpus, or None."""
    from retrieval.versions import CORPUS_FILE

    for name in (CORPUS_FILE, _SYNTHETIC_QUESTIONS, _SYNTHETIC_CURATED):
        if not (directory / name).exists():
            return (
                f"{directory / name} is missing: run `python -m bench.synthetic build {directory}`"
            )
    return None
