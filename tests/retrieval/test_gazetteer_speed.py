"""The gazetteer runs only the patterns whose first word a text contains: the matches are exactly
those of running every pattern, in the same order."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.ingest import regions
from retrieval.ingest.regions import Gazetteer, PlaceMatch, load_gazetteer
from retrieval.ingest.text import fold

CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpus"


def _every_pattern(gazetteer: Gazetteer, text: str) -> list[PlaceMatch]:
    """The old `matches`: all 575 patterns, one after another."""
    folded = fold(text)
    found = [
        PlaceMatch(region, level, m.start(), m.end())
        for region, level, pattern in gazetteer.entries
        for m in pattern.finditer(folded)
    ]
    return sorted(found, key=lambda m: (m.level, m.start, m.start - m.end))


def _old_town(gazetteer: Gazetteer, word: str) -> str | None:
    """The old `town`: each name case-folded again for every word."""
    low = word.casefold().replace("ё", "е")
    for name in gazetteer.towns:
        key = name.casefold().replace("ё", "е")
        if low == key:
            return name
        if low.startswith(key) and low[len(key) :] in regions._KK_ENDINGS | regions._RU_ENDINGS:
            return name
        base = key[:-1]
        soft = key[-1] in "аяйь" and len(base) >= 3 and low.startswith(base)
        if soft and low[len(base) :] in regions._RU_SOFT:
            return name
    return None


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    loaded = load_gazetteer(CORPUS_DIR)
    assert loaded is not None
    return loaded


def _texts(gazetteer: Gazetteer) -> list[str]:
    sources = [pattern.source.rstrip("$") for _, _, pattern in gazetteer.entries]
    towns = list(gazetteer.towns)
    endings = ["", "е", "да", "те", "ға", "ның", "ской области", " району"]
    texts = [s + e for s in sources + towns for e in endings]
    texts += [" ".join(sources[i : i + 3]) for i in range(0, len(sources), 2)]
    texts += [
        "Что говорили на встрече в Караганде и в Темиртау?",
        "Сенатор Жанова выступила перед жителями Жамбылского района Алматинской области.",
        "Қарағандыда және Шымкентте өткен кездесулер туралы",
        "What did senators say in Shymkent and Nur-Sultan about land?",
        "Усть-Каменогорск, ВКО; Орал — Уральск; Семей/Семипалатинск",
        "",
        "семей және отбасы",
        "нет никакого места здесь",
    ]
    return texts


def test_matches_are_those_of_every_pattern(gazetteer: Gazetteer) -> None:
    texts = _texts(gazetteer)
    assert len(texts) > 4_000
    matched = 0
    for text in texts:
        expected = _every_pattern(gazetteer, text)
        assert gazetteer.matches(text) == expected, text
        matched += bool(expected)
    assert matched > len(texts) // 2  # the texts do exercise the patterns


def test_town_lookup_unchanged_by_the_precomputed_keys(gazetteer: Gazetteer) -> None:
    assert gazetteer.town("Нетакогогорода") is None
    for town in gazetteer.towns:
        for word in (town, town.upper(), town + "е", town + "да", town[:-1] + "е", town + "ның"):
            assert gazetteer.town(word) == _old_town(gazetteer, word), word
