"""The curated, corpus-independent inputs of search (glossary, themes, off-topic background,
regions, senators' name forms), loaded from one directory of YAML files: the corpus directory,
or a corpus version's copies of them."""

from __future__ import annotations

from pathlib import Path

import yaml

from retrieval.errors import ServiceUnavailable
from retrieval.glossary import Glossary
from retrieval.snapshot import Resources
from retrieval.text import words
from retrieval.yaml_files import load_yaml


def load_resources(corpus_dir: Path) -> Resources:
    """Curated YAML files, parsed now: a rebuild's copies of them are deleted once its version is
    published, and search must not read them later. A broken one is a one-line
    ServiceUnavailable naming it."""
    from retrieval.ingest import load_gazetteer, load_themes, senator_forms, senator_posts

    try:
        glossary = Glossary.load(corpus_dir / "glossary.yaml")
        offtopic_file = corpus_dir / "offtopic.yaml"
        background = load_yaml(offtopic_file.read_text("utf-8"))
        offtopic = [str(p) for p in background["prototypes"]]
        foreign = tuple(tuple(words(str(n))) for n in background.get("foreign", []))
        themes = load_themes(corpus_dir)
        gazetteer = load_gazetteer(corpus_dir)
    except (OSError, ValueError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise ServiceUnavailable(f"curated data in {corpus_dir} is broken: {exc}") from None
    return Resources(
        glossary=glossary,
        themes=themes,
        offtopic=offtopic,
        region_of=gazetteer.region_of if gazetteer else _no_region,
        regions_named=gazetteer.regions_named if gazetteer else None,
        senator_forms=senator_forms(corpus_dir),
        senator_posts=senator_posts(corpus_dir),
        foreign=foreign,
        town_twins=gazetteer.twin_names if gazetteer else None,
    )


def _no_region(place: str | None) -> str | None:
    return None
