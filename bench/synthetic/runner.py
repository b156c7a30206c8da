"""Serve a synthetic corpus directory with the real model, as `atazan` would serve `data/`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from retrieval.config import RetrievalConfig
from retrieval.search import SearchService

REPO = Path(__file__).resolve().parents[2]


def config_for(directory: Path) -> RetrievalConfig:
    """The synthetic dir as DATA_DIR and its curated/ as CORPUS_DIR, with the prepared model;
    the same as `DATA_DIR=dir CORPUS_DIR=dir/curated RETRIEVAL__MODEL=… atazan …`."""
    model = RetrievalConfig().prepared_model_dir
    return RetrievalConfig(
        model=str((REPO / model).resolve()), data_dir=directory, corpus_dir=directory / "curated"
    )


async def open_service(directory: Path) -> SearchService:
    """Build the index once (it is cached beside the corpus, keyed by its hash), then open."""
    from retrieval.build import build_index
    from retrieval.errors import ServiceUnavailable

    config = config_for(directory)
    try:
        return await SearchService.open(config)
    except ServiceUnavailable:
        build_index(config, log=print)
        return await SearchService.open(config)


async def evaluate(directory: Path, split: str) -> dict[str, Any]:
    from retrieval.evaluation import load_questions, run_eval

    service = await open_service(directory)
    try:
        return await run_eval(service, load_questions(directory / f"questions-{split}.jsonl"))
    finally:
        await service.close()
