"""Press releases → meetings (who, where, whom, when) and attributed statements.

Importing this package is cheap: natasha loads only when a file is parsed.
"""

from retrieval.ingest.build import build_corpus, make_context, parse_bytes, parse_file
from retrieval.ingest.nlp import Nlp, load_nlp
from retrieval.ingest.regions import region_of, regions_named
from retrieval.ingest.senators import SenatorDirectory, senator_forms
from retrieval.ingest.themes import ThemeTagger, load_themes

__all__ = [
    "Nlp",
    "SenatorDirectory",
    "ThemeTagger",
    "build_corpus",
    "load_nlp",
    "load_themes",
    "make_context",
    "parse_bytes",
    "parse_file",
    "region_of",
    "regions_named",
    "senator_forms",
]
