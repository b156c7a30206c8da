"""YAML parsed by libyaml (PyYAML's C loader) when PyYAML has it: the curated files read at every
start (senators, the gazetteer, the glossary, themes) took ~0.7 s of `atazan ask` to parse in
pure Python. Same resolver and constructors as `yaml.safe_load`, so the same Python objects."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """`yaml.safe_load(text)`, in C where available; errors are `yaml.YAMLError` either way."""
    return yaml.load(text, Loader=_LOADER)


def string_list(value: object, where: str) -> list[str]:
    """A curated list field (`forms`, `keywords`, `towns`…) as strings; absent is empty.

    `keywords: семья` without brackets is one string, and iterating it gave one stem per letter
    ('с' tagged nearly every statement): a ValueError naming the field instead."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"{where}: expected a list in brackets, e.g. [a, b]")
    return [str(item) for item in value]
