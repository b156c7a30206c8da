"""The curated files read by libyaml give what `yaml.safe_load` gives, errors included."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from retrieval.yaml_files import load_yaml

REPO = Path(__file__).resolve().parents[2]
CURATED = sorted((REPO / "corpus").glob("*.yaml"))


def test_there_are_curated_files_to_compare() -> None:
    assert {p.name for p in CURATED} >= {"glossary.yaml", "senators.yaml", "regions.yaml"}


@pytest.mark.parametrize("path", CURATED, ids=lambda p: p.name)
def test_same_objects_as_safe_load(path: Path) -> None:
    text = path.read_text("utf-8")
    assert load_yaml(text) == yaml.safe_load(text)


@pytest.mark.parametrize(
    "text", ["a: [1, 2", "a: b: c", "- !!python/object:os.system x", "on: yes\n'1': 2020-01-02"]
)
def test_odd_and_broken_text_as_safe_load(text: str) -> None:
    try:
        expected: object = yaml.safe_load(text)
    except yaml.YAMLError:
        with pytest.raises(yaml.YAMLError):
            load_yaml(text)
    else:
        assert load_yaml(text) == expected
