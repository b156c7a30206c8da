"""Senators' names in any case, Kazakh or Latin spelling → one canonical Russian name."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from retrieval.ingest import name_forms
from retrieval.ingest.text import osa_distance, skeleton, word_spans, words
from retrieval.yaml_files import load_yaml, string_list

SENATORS_FILE = "senators.yaml"
_MAX_ENDING = 5  # longest case ending after a stem: -овой, -ның, -ымен …
_HEADER = """\
# The Senate roster: every member in office in 2025–2026 that could be confirmed from published
# sources (see `source`), with the Chair and deputy chairs marked (`post: chair|deputy_chair`).
# In office means: (a) a dated page shows them acting as a senator in 2025–2026; or (b) a dated
# page shows them elected (12 Aug 2020, term to 2026; 14 Jan 2023, term to 2029; a by-election)
# or appointed by the President with a term covering 2025–2026, AND searches for their leaving
# (appointed elsewhere, resigned, died, mandate ended early, seat refilled) found nothing.
# `source` says which: URL, date and a few words ("elected 2023-01-14, Akmola region; no
# departure found"). A member neither kind confirms is left out, never guessed.
# `name` is canonical (nominative, Russian spelling); `kk` the Kazakh spelling; `gender` (m/f)
# where the name does not show it. `generated` is rewritten by `atazan corpus senators` from the
# name by rule (Russian cases, Kazakh case endings, Latin, initials) — do not edit it. `forms`
# are yours: add spellings the rules miss; the command keeps them, and every other field.
# `full_name_only: true` where the surname is also a common first name (Жусип): such a senator
# is named only with the first name next to the surname, never by the surname or an initial.
"""
POSTS = ("chair", "deputy_chair")


def latin(name: str) -> str:
    """Passport-style Latin spelling: Жанна Асанова → Zhanna Asanova."""
    return name_forms.latin(name)


def _stem(key: str) -> str:
    return key[:-1] if len(key) >= 5 and key[-1] in "aeiou" else key


def _fits_gender(token_key: str, stem: str, surname: str) -> bool:
    """Is what follows the stem a case ending of this surname's gender? A woman's -ова/-ева
    surname always keeps its vowel (Тлеубаева, -ой, -у, -аның): bare "Тлеубаев" or
    "Тлеубаевым" is a man's. A man's -ов/-ев/-ин never takes -ой: "Тлеубаевой" is a woman's."""
    low, ending = surname.casefold(), token_key[len(stem) :]
    if low.endswith(name_forms.FEM_SURNAME):
        return ending[:1] in ("a", "o", "u")
    if low.endswith(name_forms.MASC_SURNAME):
        return not ending.startswith("o")
    return True


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
    forms: tuple[str, ...] = ()  # a moderator's own forms and forms seen in releases
    kk: str | None = None  # Kazakh spelling
    post: str | None = None  # chair | deputy_chair
    gender: name_forms.Gender | None = None
    source: str | None = None  # where the membership was confirmed
    full_name_only: bool = False  # the surname is a common first name: never alone

    def generated(self) -> list[str]:
        """Forms derived by rule from the canonical name (cases, Kazakh, Latin, initials);
        no initial forms for a full-name-only senator, as they never name him."""
        forms = name_forms.all_forms(self.name, self.kk, self.gender)
        return [f for f in forms if not self.full_name_only or "." not in f]


class SenatorDirectory:
    """Recognises senators in questions and releases; built from senators.yaml plus corpus names."""

    def __init__(self, senators: Iterable[Senator] = ()) -> None:
        self._senators: dict[str, Senator] = {}
        self._surnames: dict[str, set[str]] = {}  # name → surname stems
        self._firsts: dict[str, set[str]] = {}  # name → first-name stems
        self._exact: dict[str, set[str]] = {}  # a surname form's skeleton → names with that form
        self._initials: dict[str, set[str]] = {}  # name → skeletons of its first initial
        self._first_forms: dict[str, set[str]] = {}  # name → its first name in every case
        self._full_only: set[str] = set()  # named only with the first name next to the surname
        for senator in senators:
            self._add(senator)

    def _add(self, senator: Senator) -> None:
        parts = words(senator.name)
        if not parts:
            return
        known = self._senators.get(senator.name)
        forms = tuple(dict.fromkeys((known.forms if known else ()) + senator.forms))
        senator = Senator(
            senator.name,
            forms,
            senator.kk or (known.kk if known else None),
            senator.post or (known.post if known else None),
            senator.gender or (known.gender if known else None),
            senator.source or (known.source if known else None),
            senator.full_name_only or (known.full_name_only if known else False),
        )
        self._senators[senator.name] = senator
        if senator.full_name_only:
            self._full_only.add(senator.name)
        first_key, last_key = skeleton(parts[0]), skeleton(parts[-1])
        first = {_stem(first_key)} if len(parts) > 1 else set()
        last = {_stem(last_key)}
        spellings = [senator.name, *([senator.kk] if senator.kk else []), *forms]
        firsts = self._first_forms.setdefault(senator.name, set())
        for form in [*spellings, *senator.generated()]:
            tokens = [t for t in words(form) if len(t) > 1]
            if tokens and len(tokens[-1]) >= 4:
                self._exact.setdefault(skeleton(tokens[-1]), set()).add(senator.name)
            if len(parts) > 1 and len(tokens) > 1:
                firsts.add(skeleton(tokens[0]))  # "Жанну Асанову": Жанна's accusative
        if len(parts) > 1:
            self._initials[senator.name] = {skeleton(w.split()[0])[:1] for w in spellings
                                            if len(w.split()) > 1}  # fmt: skip
        for form in spellings[1:]:
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
        """canonical name → every other form: Kazakh spelling, own and generated forms."""
        out: dict[str, list[str]] = {}
        for name, senator in sorted(self._senators.items()):
            kk = [senator.kk] if senator.kk else []
            out[name] = list(dict.fromkeys([*kk, *senator.forms, *senator.generated()]))
        return out

    def _by_surname(self, key: str) -> list[str]:
        return [
            n
            for n, stems in self._surnames.items()
            if any(_matches(key, s) and _fits_gender(key, s, n.split()[-1]) for s in stems)
        ]

    def _first_matches(self, name: str, key: str) -> bool:
        if len(key) == 1:  # an initial: "Н.Бекназаров", "Бекназаров Н."
            return key in self._initials.get(name, ())
        if key in self._first_forms.get(name, ()):
            return True
        return any(_matches(key, s) for s in self._firsts.get(name, ()))

    def senator(self, name: str) -> Senator | None:
        return self._senators.get(name)

    def full_name_only(self, name: str) -> bool:
        return name in self._full_only

    def post(self, name: str) -> str | None:
        known = self._senators.get(name)
        return known.post if known else None

    def canonical(self, name_or_form: str) -> str | None:
        """Canonical name for 'Асановой', 'Asanova', 'Жанна Асанова'; None if unknown/ambiguous."""
        found = self.find_in_text(name_or_form)
        return found[0] if len(found) == 1 else None

    def find_in_text(self, text: str, post: str | None = None) -> list[str]:
        """Canonical names of senators mentioned in `text`, in order of first mention.

        A surname form that belongs to several senators (Асанова: Жанна's nominative, Жақып's
        genitive) is told apart by the first name or initial next to it, else by `post`
        (chair/deputy_chair, from the words before the name), else it is left out."""
        raw = words(text)
        spans = word_spans(text)
        tokens = [skeleton(t) for t in raw]
        found: list[str] = []
        for i, key in enumerate(tokens):
            if len(key) < 4:
                continue
            candidates = sorted(self._exact.get(key, ())) or self._by_surname(key)
            if not candidates:
                continue
            near = [tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
            named = [c for c in candidates if any(self._first_matches(c, k) for k in near)]
            full = {c for c in named if any(len(k) > 1 and self._first_matches(c, k) for k in near)}
            candidates = [c for c in candidates if c not in self._full_only or c in full]
            named = [c for c in named if c in candidates]
            if not candidates:
                continue
            if len(candidates) > 1:
                posted = [c for c in candidates if post and self.post(c) == post]
                exact = [c for c in candidates if key == skeleton(words(c)[-1])]
                inflected = len(self._exact.get(key, ())) > 1
                candidates = (
                    named if len(named) == 1 else posted or ([] if inflected else exact)
                ) or candidates
            elif not named and i and self._other_first_name(raw[i - 1], candidates[0]):
                continue  # "Канат Ержанов" is not senator Айдос Ержанов
            elif (
                not named
                and i + 1 < len(raw)
                and text[spans[i][1] : spans[i + 1][0]].isspace()
                and self._other_first_name(raw[i + 1], candidates[0])
            ):
                continue  # surname first: "Ержанов Канат" is not Айдос Ержанов either
            if len(candidates) == 1 and candidates[0] not in found:
                found.append(candidates[0])
        return found

    def _other_first_name(self, word: str, name: str) -> bool:
        """Is `word` a different person's first name right before a known surname?"""
        if not word[:1].isupper() or len(word) < 3 or len(words(name)) < 2:
            return False
        key = skeleton(word)
        if self._first_matches(name, key):
            return False
        return name_forms.is_first_name(word)


def read_senators(corpus_dir: Path) -> list[Senator]:
    """senators.yaml entries; a missing file is an empty list, a malformed one a ValueError."""
    path = corpus_dir / SENATORS_FILE
    if not path.exists():
        return []
    try:
        data: Any = load_yaml(path.read_text("utf-8"))
    except yaml.YAMLError as exc:  # a moderator's typo is reported, not a stack trace
        raise ValueError(f"{path}: not valid YAML ({exc})") from exc
    if data is None:
        # A truncated roster (an editor's crash, `> senators.yaml`) was read as no senators,
        # silently dropping every spelling and each `full_name_only` guard.
        raise ValueError(f"{path}: empty; list the senators, or delete the file to have none")
    entries = data.get("senators", []) if isinstance(data, Mapping) else None
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a 'senators:' list")
    senators: list[Senator] = []
    for entry in entries:
        if not isinstance(entry, Mapping) or not str(entry.get("name", "")).strip():
            raise ValueError(f"{path}: every senator needs a 'name'")
        forms = string_list(entry.get("forms"), f"{path}: {entry['name']}: forms")
        post = entry.get("post")
        if post is not None and post not in POSTS:
            raise ValueError(f"{path}: {entry['name']}: post must be one of {', '.join(POSTS)}")
        gender = entry.get("gender")
        if gender is not None and gender not in ("m", "f"):
            raise ValueError(f"{path}: {entry['name']}: gender must be m or f")
        full_only = entry.get("full_name_only", False)
        if not isinstance(full_only, bool):
            raise ValueError(f"{path}: {entry['name']}: full_name_only must be true or false")
        senators.append(
            Senator(
                str(entry["name"]).strip(),
                tuple(str(f) for f in forms),
                kk=str(entry["kk"]).strip() if entry.get("kk") else None,
                post=post,
                gender=gender,
                source=str(entry["source"]) if entry.get("source") else None,
                full_name_only=full_only,
            )
        )
    return senators


def senator_forms(corpus_dir: Path) -> dict[str, list[str]]:
    """canonical name → extra forms from senators.yaml (added to matching by the search service)."""
    return SenatorDirectory(read_senators(corpus_dir)).forms()


def senator_posts(corpus_dir: Path) -> dict[str, str]:
    """canonical name → post (chair, deputy_chair), for a question that names the post alone."""
    return {s.name: s.post for s in read_senators(corpus_dir) if s.post}


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
    entries: list[dict[str, Any]] = []
    for senator in sorted(senators, key=lambda s: s.name):
        entry: dict[str, Any] = {"name": senator.name}
        for key in ("kk", "post", "gender", "source", "full_name_only"):
            if getattr(senator, key):
                entry[key] = getattr(senator, key)
        entry["forms"] = sorted(set(senator.forms) - {senator.name})
        entry["generated"] = senator.generated()
        entries.append(entry)
    body = yaml.safe_dump(
        {"senators": entries},
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=None,
    )
    tmp = path.with_suffix(".yaml.tmp")
    tmp.write_text(_HEADER + body, "utf-8")
    tmp.replace(path)
    return path
