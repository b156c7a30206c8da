"""Press releases → meetings (who, where, whom, when) and attributed statements.

Importing this package is cheap: its modules load on first use of a name (serving needs only the
curated-file readers, not the ingestion pipeline, whose import took `atazan ask` ~0.4 s), and
natasha loads only when a file is parsed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from retrieval.ingest.build import build_corpus, make_context, parse_bytes, parse_file
    from retrieval.ingest.nlp import Nlp, load_nlp
    from retrieval.ingest.regions import load_gazetteer, region_of
    from retrieval.ingest.senators import SenatorDirectory, senator_forms, senator_posts
    from retrieval.ingest.themes import ThemeTagger, load_themes

_MODULE_OF = {
    "build_corpus": "build",
    "make_context": "build",
    "parse_bytes": "build",
    "parse_file": "build",
    "Nlp": "nlp",
    "load_nlp": "nlp",
    "region_of": "regions",
    "load_gazetteer": "regions",
    "SenatorDirectory": "senators",
    "senator_forms": "senators",
    "senator_posts": "senators",
    "ThemeTagger": "themes",
    "load_themes": "themes",
}

__all__ = [
    "Nlp",
    "SenatorDirectory",
    "ThemeTagger",
    "build_corpus",
    "load_gazetteer",
    "load_nlp",
    "load_themes",
    "make_context",
    "parse_bytes",
    "parse_file",
    "region_of",
    "senator_forms",
    "senator_posts",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
