"""The curated files read by libyaml give what `yaml.safe_load` gives, errors included."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from retrieval.rebuild import BuildFailed, check_curated
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


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        # a truncated roster was read as no senators at all
        ("senators.yaml", "# the roster\n", r"^senators\.yaml: empty; list the senators"),
        # a ValueError from senators.yaml escaped as a traceback from `atazan index build`
        ("senators.yaml", "senators: oops\n", r"^senators\.yaml: expected a 'senators:' list"),
        # without brackets a list is one string, read letter by letter: 'с' tagged nearly
        # every statement 'family', a senator got one-letter name forms
        (
            "senators.yaml",
            "senators:\n- name: Зарина Қуанышева\n  forms: Қуанышевой\n",
            r"^senators\.yaml: Зарина Қуанышева: forms: expected a list",
        ),
        (
            "themes.yaml",
            "themes:\n- id: family\n  labels: {ru: Семья, kk: Отбасы, en: Family}\n"
            "  keywords: семья\n",
            r"^themes\.yaml: theme 'family': keywords: expected a list",
        ),
        (
            "regions.yaml",
            "regions:\n- name: Астана\n  names: [астан]\n  towns: Астана\n",
            r"^regions\.yaml: Астана: towns: expected a list",
        ),
        (
            "glossary.yaml",
            "groups:\n- terms: [земля, жер]\n- terms: Конституция\n",
            r"^glossary\.yaml: group 2: terms: expected a list",
        ),
        (
            "glossary.yaml",
            'groups:\n- terms: [Конституция]\n  domain: "false"\n',
            r"^glossary\.yaml: group 1: domain must be true or false",
        ),
        # search's loader said only "curated data in <dir> is broken: 'prototypes'"
        ("offtopic.yaml", "foreign: [x]\n", r"^offtopic\.yaml: expected a non-empty 'prototypes:'"),
    ],
)
def test_a_curated_file_of_the_wrong_shape_is_refused_naming_it(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    for path in CURATED:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / name).write_text(text, "utf-8")
    with pytest.raises(BuildFailed, match=message) as caught:
        check_curated(tmp_path)
    assert str(caught.value).endswith("the previous version keeps serving")
    assert str(tmp_path) not in str(caught.value)  # the moderator's file, not a staging path
