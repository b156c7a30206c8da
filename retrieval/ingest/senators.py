"""Senators' names in any case, Kazakh or Latin spelling → one canonical Russian name."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from retrieval.ingest.text import osa_distance, skeleton, words

SENATORS_FILE = "senators.yaml"
_MAX_ENDING = 5  # longest case ending after a stem: -овой, -ның, -ымен …
_HEADER = """\
# Senators: canonical name (nominative, Russian spelling: "Жанна Асанова") and other forms.
# Built from the releases by `atazan corpus senators`; moderators may edit it: add forms
# (cases, Kazakh and Latin spellings) or fix a canonical name. The command keeps your edits.
# Matching is spelling-blind and case-blind anyway (a name's stem plus an ending), so forms
# are needed only for spellings that differ in more than one letter.
"""
_LATIN = str.maketrans(
    {
        "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
        "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i", "і": "i", "к": "k", "қ": "k",
        "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h",
        "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
        "ю": "iu", "я": "ia",
    }
)  # fmt: skip


def latin(name: str) -> str:
    """Passport-style Latin spelling: Жанна Асанова → Zhanna Asanova."""
    return " ".join(w.casefold().translate(_LATIN).capitalize() for w in name.split())


def _stem(key: str) -> str:
    return key[:-1] if len(key) >= 5 and key[-1] in "aeiou" else key


def _matches(token_key: str, stem: str) -> bool:
    extra = len(token_key) - len(stem)
    if extra < 0 or extra > _MAX_ENDING:
        return False
    if token_key.startswith(stem):
        return True
    return len(stem) >= 7 and osa_distance(token_key[: len(stem)], stem) <= 1


@dataclass(frozen=True)
class Senator:
    name: str
    forms: tuple[str, ...] = ()


class SenatorDirectory:
    """Recognises senators in questions and releases; built from senators.yaml plus corpus names."""

    def __init__(self, senators: Iterable[Senator] = ()) -> None:
        self._senators: dict[str, Senator] = {}
        self._surnames: dict[str, set[str]] = {}  # name → surname stems
        self._firsts: dict[str, set[str]] = {}  # name → first-name stems
        for senator in senators:
            self._add(senator)

    def _add(self, senator: Senator) -> None:
        parts = words(senator.name)
        if not parts:
            return
        known = self._senators.get(senator.name)
        forms = tuple(dict.fromkeys((known.forms if known else ()) + senator.forms))
        self._senators[senator.name] = Senator(senator.name, forms)
        first_key, last_key = skeleton(parts[0]), skeleton(parts[-1])
        first = {_stem(first_key)} if len(parts) > 1 else set()
        last = {_stem(last_key)}
        for form in forms:
            keys = [k for k in map(skeleton, words(form)) if k]
            for position, key in enumerate(keys):
                is_first = len(keys) > 1 and len(parts) > 1
                is_first = is_first and osa_distance(key, first_key) < osa_distance(key, last_key)
                if is_first:
                    first.add(_stem(key))
                elif len(key) >= 4 and (position == len(keys) - 1 or len(keys) > 1):
                    last.add(_stem(key))
        self._firsts.setdefault(senator.name, set()).update(first)
        self._surnames.setdefault(senator.name, set()).update(last)

    @classmethod
    def load(cls, corpus_dir: Path, extra_names: Iterable[str] = ()) -> SenatorDirectory:
        """senators.yaml (if any) plus names seen in the corpus that it does not list."""
        directory = cls(read_senators(corpus_dir))
        for name in extra_names:
            if directory.canonical(name) is None:
                directory._add(Senator(name))
        return directory

    def names(self) -> list[str]:
        return sorted(self._senators)

    def forms(self) -> dict[str, list[str]]:
        return {n: list(s.forms) for n, s in sorted(self._senators.items())}

    def _by_surname(self, key: str) -> list[str]:
        return [n for n, stems in self._surnames.items() if any(_matches(key, s) for s in stems)]

    def _first_matches(self, name: str, key: str) -> bool:
        return any(_matches(key, s) for s in self._firsts.get(name, ()))

    def canonical(self, name_or_form: str) -> str | None:
        """Canonical name for 'Асановой', 'Asanova', 'Жанна Асанова'; None if unknown/ambiguous."""
        found = self.find_in_text(name_or_form)
        return found[0] if len(found) == 1 else None

    def find_in_text(self, text: str) -> list[str]:
        """Canonical names of senators mentioned in `text`, in order of first mention."""
        tokens = [skeleton(t) for t in words(text)]
        found: list[str] = []
        for i, key in enumerate(tokens):
            if len(key) < 4:
                continue
            candidates = self._by_surname(key)
            if len(candidates) > 1:
                near = [tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
                named = [c for c in candidates if any(self._first_matches(c, k) for k in near)]
                exact = [c for c in candidates if key == skeleton(words(c)[-1])]
                candidates = named or exact or candidates
            if len(candidates) == 1 and candidates[0] not in found:
                found.append(candidates[0])
        return found


def read_senators(corpus_dir: Path) -> list[Senator]:
    """senators.yaml entries; a missing file is an empty list, a malformed one a ValueError."""
    path = corpus_dir / SENATORS_FILE
    if not path.exists():
        return []
    data: Any = yaml.safe_load(path.read_text("utf-8")) or {}
    entries = data.get("senators", []) if isinstance(data, Mapping) else None
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a 'senators:' list")
    senators: list[Senator] = []
    for entry in entries:
        if not isinstance(entry, Mapping) or not str(entry.get("name", "")).strip():
            raise ValueError(f"{path}: every senator needs a 'name'")
        forms = entry.get("forms") or []
        senators.append(Senator(str(entry["name"]).strip(), tuple(str(f) for f in forms)))
    return senators


def senator_forms(corpus_dir: Path) -> dict[str, list[str]]:
    """canonical name → extra forms from senators.yaml (added to matching by the search service)."""
    return SenatorDirectory(read_senators(corpus_dir)).forms()


def forms_in_text(directory: SenatorDirectory, text: str) -> dict[str, set[str]]:
    """Surface forms of known senators in a text ('Жанны Асановой', 'Асановой')."""
    seen: dict[str, set[str]] = {}
    tokens = re.findall(r"\w+", text)
    for i, token in enumerate(tokens):
        names = directory.find_in_text(token)
        if len(names) != 1 or not token[:1].isupper():
            continue
        form = token
        if i > 0 and directory._first_matches(names[0], skeleton(tokens[i - 1])):
            form = f"{tokens[i - 1]} {token}"
        seen.setdefault(names[0], set()).add(form)
    return seen


def write_senators(corpus_dir: Path, senators: Iterable[Senator]) -> Path:
    """Write senators.yaml atomically (temp file + rename), sorted by name."""
    path = corpus_dir / SENATORS_FILE
    entries = [
        {"name": s.name, "forms": sorted(set(s.forms) - {s.name})}
        for s in sorted(senators, key=lambda s: s.name)
    ]
    body = yaml.safe_dump({"senators": entries}, allow_unicode=True, sort_keys=False, width=100)
    tmp = path.with_suffix(".yaml.tmp")
    tmp.write_text(_HEADER + body, "utf-8")
    tmp.replace(path)
    return path
