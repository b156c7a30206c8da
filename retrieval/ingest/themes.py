"""Theme taxonomy (corpus/themes.yaml) and the keyword-stem rule that tags statements."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retrieval.ingest.text import StemPattern, compile_patterns, fold
from retrieval.models import Theme
from retrieval.yaml_files import load_yaml, string_list

THEMES_FILE = "themes.yaml"
LANGUAGES = ("ru", "kk", "en")


def _entries(corpus_dir: Path) -> list[Mapping[str, Any]]:
    path = corpus_dir / THEMES_FILE
    data: Any = load_yaml(path.read_text("utf-8")) or {}
    entries = data.get("themes") if isinstance(data, Mapping) else None
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{path}: expected a non-empty 'themes:' list")
    for entry in entries:
        if not isinstance(entry, Mapping) or not entry.get("id"):
            raise ValueError(f"{path}: every theme needs an 'id'")
        labels = entry.get("labels")
        if not isinstance(labels, Mapping) or any(not labels.get(lang) for lang in LANGUAGES):
            raise ValueError(f"{path}: theme {entry['id']!r} needs labels for ru, kk and en")
        for key in ("keywords", "exclude"):
            string_list(entry.get(key), f"{path}: theme {entry['id']!r}: {key}")
    return entries


def load_themes(corpus_dir: Path) -> list[Theme]:
    """Themes in file order; a malformed file is a ValueError naming it."""
    themes: list[Theme] = []
    for entry in _entries(corpus_dir):
        keywords = list(dict.fromkeys(str(k) for k in entry.get("keywords") or []))
        themes.append(
            Theme(
                id=str(entry["id"]),
                labels={lang: str(entry["labels"][lang]) for lang in LANGUAGES},
                description=str(entry.get("description", "")),
                keywords=keywords,
            )
        )
    return themes


@dataclass(frozen=True)
class _Rule:
    theme_id: str
    patterns: tuple[StemPattern, ...]
    excludes: tuple[str, ...]


class ThemeTagger:
    """Applies the rule documented at the top of themes.yaml."""

    def __init__(self, rules: list[_Rule]) -> None:
        self._rules = rules

    @classmethod
    def load(cls, corpus_dir: Path) -> ThemeTagger:
        rules = [
            _Rule(
                theme_id=str(entry["id"]),
                patterns=compile_patterns(str(k) for k in entry.get("keywords") or []),
                excludes=tuple(fold(str(e)) for e in entry.get("exclude") or []),
            )
            for entry in _entries(corpus_dir)
        ]
        return cls(rules)

    def tag(self, text: str) -> list[str]:
        folded = fold(text)
        found: list[str] = []
        for rule in self._rules:
            if any(self._hit(rule, p, folded) for p in rule.patterns):
                found.append(rule.theme_id)
        return found

    @staticmethod
    def _hit(rule: _Rule, pattern: StemPattern, folded: str) -> bool:
        for match in pattern.finditer(folded):
            end = match.end()
            while end < len(folded) and folded[end] != " ":
                end += 1
            last_word = folded[match.start() : end].rsplit(" ", 1)[-1]
            if not any(last_word.startswith(e) for e in rule.excludes):
                return True
        return False
