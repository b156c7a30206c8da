"""Meeting place → one of Kazakhstan's 20 regions, from the gazetteer in corpus/regions.yaml."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from retrieval.ingest.text import StemPattern, clean, compile_patterns, fold, skeleton, words
from retrieval.yaml_files import load_yaml, string_list

REGIONS_FILE = "regions.yaml"
_LEVELS = ("names", "cities", "districts")  # a region named outright beats a city, then a district
# Case endings after a town's nominative name: Kazakh suffixes, then Russian ones.
_KK_ENDINGS = frozenset(
    "да де та те нда нде ға ге қа ке на не ны ні ды ді ты ті ның нің дың дің тың тің дан ден "
    "тан тен нан нен дағы дегі тағы тегі ндағы ндегі мен бен пен".split()
)
_RU_ENDINGS = frozenset("е у а ом ем ы и ой ей ю".split())
_RU_SOFT = frozenset("е ы и у ой ей ю я".split())  # after a dropped final -а/-я/-й/-ь


# English words for a region after its Latin name: 'Kostanai region', 'Almaty oblast'
_EN_REGION_NOUNS = "region|oblast|province"
_EN_REGION_END = re.compile(rf"\s+(?:{_EN_REGION_NOUNS})$")  # a Latin region name's last word
# the next word names a region: 'in Turkistan region', 'Kostanai Region'
_EN_REGION_AFTER = re.compile(rf"\s+(?:{_EN_REGION_NOUNS})\b", re.I)
# after a region's own name an adjective counts too: 'Almaty regional akimat' is the oblast's
_EN_REGION_AFTER_NAME = re.compile(rf"\s+(?:{_EN_REGION_NOUNS}|regional)\b")


@dataclass(frozen=True)
class PlaceMatch:
    region: str
    level: int
    start: int
    end: int


@dataclass(frozen=True)
class Gazetteer:
    entries: tuple[tuple[str, int, StemPattern], ...]
    towns: tuple[str, ...] = ()  # nominative names of cities and district centres (ru, kk)
    twins: tuple[tuple[str, ...], ...] = ()  # one town's names (Уральск, Орал)
    # Each entry's first word, which its pattern needs verbatim in the folded text: a question
    # runs only the few patterns whose first word it contains (575 regexes cost 0.4-0.75 ms).
    _first_words: tuple[str, ...] = field(init=False, repr=False, compare=False)
    # Every way `town` accepts a word starts with the town key's first three letters: a word is
    # compared with the towns that share them (in `towns` order), and with any shorter key.
    _town_keys: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _towns_by_start: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _short_towns: tuple[int, ...] = field(init=False, repr=False, compare=False)
    # A town's spelling-blind key → its name (the first, Russian, spelling wins): 'Taraz',
    # 'Temirtau', 'Ust-Kamenogorsk' in English text are the gazetteer's Тараз, Темиртау …
    _latin_towns: dict[str, str] = field(init=False, repr=False, compare=False)
    # A region's Latin name's key → the region: 'Kostanai region' is 'kostanay' spelt otherwise
    _latin_regions: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        firsts = tuple(fold(pattern.source).split()[0] for _, _, pattern in self.entries)
        object.__setattr__(self, "_first_words", firsts)
        keys = tuple(name.casefold().replace("ё", "е") for name in self.towns)
        object.__setattr__(self, "_town_keys", keys)
        by_start: dict[str, list[int]] = {}
        for i, key in enumerate(keys):
            if len(key) >= 3:
                by_start.setdefault(key[:3], []).append(i)
        object.__setattr__(self, "_towns_by_start", {k: tuple(v) for k, v in by_start.items()})
        short = tuple(i for i, key in enumerate(keys) if len(key) < 3)
        object.__setattr__(self, "_short_towns", short)
        latin: dict[str, str] = {}
        for name in self.towns:
            latin.setdefault(skeleton(name), name)
        object.__setattr__(self, "_latin_towns", latin)
        regions: dict[str, str] = {}
        # 'almaty region' before 'almaty': the key 'almaty' before 'region' is the oblast, not
        # the city of Алматы that has the same Latin name
        named = sorted(self.entries, key=lambda e: not _EN_REGION_END.search(e[2].source))
        for region, level, pattern in named:
            name = _EN_REGION_END.sub("", pattern.source.rstrip("$"))
            if level == 0 and name.isascii() and (key := skeleton(name)):
                regions.setdefault(key, region)
        object.__setattr__(self, "_latin_regions", regions)

    def town(self, word: str) -> str | None:
        """'Караганде' → 'Караганда', 'Шымкентте' → 'Шымкент', 'Алматы' → 'Алматы'."""
        low = word.casefold().replace("ё", "е")
        candidates = self._towns_by_start.get(low[:3], ())
        if self._short_towns:
            candidates = tuple(sorted({*candidates, *self._short_towns}))
        for i in candidates:
            name, key = self.towns[i], self._town_keys[i]
            if low == key:
                return name
            if low.startswith(key) and low[len(key) :] in _KK_ENDINGS | _RU_ENDINGS:
                return name
            base = key[:-1]
            soft = key[-1] in "аяйь" and len(base) >= 3 and low.startswith(base)
            if soft and low[len(base) :] in _RU_SOFT:
                return name
        return None

    def twin_names(self, place: str | None) -> list[str]:
        """The other names of the towns a meeting's place names: 'Уральск' → ['Орал'],
        'Карагандинская область, Караганда' → ['Қарағанды']."""
        if not place:
            return []
        low = place.casefold().replace("ё", "е")
        named = {self.town(w) for w in words(clean(place))} | {
            name for group in self.twins for name in group if "-" in name and name.casefold() in low
        }
        return [
            other
            for group in self.twins
            if not named.isdisjoint(group)
            for other in group
            if other not in named
        ]

    def latin_town(self, text: str) -> str | None:
        """'Taraz' → 'Тараз', 'Ust-Kamenogorsk' → 'Усть-Каменогорск': a town's name in Latin
        letters, by the same spelling-blind key that matches senators' Latin names."""
        if not text.isascii() or not text.strip():
            return None
        return self._latin_towns.get(skeleton(text))

    def latin_region(self, text: str) -> str | None:
        """'Kostanai' (before 'region') → 'Костанайская область': a region's Latin name by its
        spelling-blind key, else the region of the town it spells ('Turkestan region')."""
        if not text.isascii() or not (key := skeleton(text)):
            return None
        if key in self._latin_regions:
            return self._latin_regions[key]
        town = self._latin_towns.get(key)
        found = self.matches(town) if town else []
        return found[0].region if found else None

    def matches(self, text: str) -> list[PlaceMatch]:
        folded = fold(text)
        found = [
            PlaceMatch(region, level, m.start(), m.end())
            for (region, level, pattern), first in zip(self.entries, self._first_words, strict=True)
            if first in folded
            for m in pattern.finditer(folded)
        ]
        return sorted(found, key=lambda m: (m.level, m.start, m.start - m.end))

    def regions(self) -> list[str]:
        return list(dict.fromkeys(region for region, _, _ in self.entries))

    def region_of(self, place: str | None) -> str | None:
        """'Жамбылский район Алматинской области' → 'Алматинская область'; None when unknown."""
        found = self.matches(place) if place else []
        return found[0].region if found else None

    def regions_named(self, text: str) -> list[tuple[str, str]]:
        """Regions a question names by a capitalised place ("в Орале", "ВКО", "Өскеменде"), each
        with the words that named it. Capitals only: "семей" (families) is no town, "Семей" is."""
        folded = fold(text)
        original = words(clean(text).replace("-", " "))
        found: dict[tuple[str, str], None] = {}
        for match in self.matches(text):
            first = folded[: match.start].count(" ")
            last = folded[: match.end].count(" ")
            if first < len(original) and original[first][:1].isupper():
                found[match.region, " ".join(original[first : last + 1])] = None
        for word in original:  # a short town inflected ("Орале", "Семее"): its pattern wants it
            if word[:1].isupper() and (town := self.town(word)):
                for match in self.matches(town)[:1]:
                    found[match.region, word] = None
        return list(found)


def _parse(path: Path) -> Gazetteer:
    data: Any = load_yaml(path.read_text("utf-8")) or {}
    regions = data.get("regions") if isinstance(data, Mapping) else None
    if not isinstance(regions, list) or not regions:
        raise ValueError(f"{path}: expected a non-empty 'regions:' list")
    entries: list[tuple[str, int, StemPattern]] = []
    towns: list[str] = []
    for region in regions:
        if not isinstance(region, Mapping) or not region.get("name"):
            raise ValueError(f"{path}: every region needs a 'name'")
        name = str(region["name"])
        sources = {0: [name]}
        for level, key in enumerate(_LEVELS):
            sources.setdefault(level, []).extend(
                string_list(region.get(key), f"{path}: {name}: {key}")
            )
        region_towns = string_list(region.get("towns"), f"{path}: {name}: towns")
        towns += region_towns
        sources[1].extend(_town_stem(t) for t in region_towns)
        for level, items in sources.items():
            entries.extend((name, level, p) for p in compile_patterns(items))
    groups = data.get("twins") or []
    if not isinstance(groups, list):
        raise ValueError(f"{path}: twins: expected a list of [name, other name] pairs")
    twins = tuple(tuple(string_list(group, f"{path}: twins")) for group in groups)
    if unknown := sorted({t for group in twins for t in group} - set(towns)):
        raise ValueError(f"{path}: twins name towns no region lists: {', '.join(unknown)}")
    # longest first, so "Усть-Каменогорск" is tried before a shorter name it starts with
    return Gazetteer(tuple(entries), tuple(sorted(towns, key=len, reverse=True)), twins)


def _town_stem(town: str) -> str:
    """A town's pattern: its name without a changing last vowel; short names whole."""
    key = fold(town)
    if len(key) < 6:
        return key + "$"
    return key[:-1] if key[-1] in "аяйь" else key


@functools.lru_cache(maxsize=8)
def _cached(path: Path, mtime_ns: int) -> Gazetteer:
    return _parse(path)


def load_gazetteer(corpus_dir: Path) -> Gazetteer | None:
    """The parsed regions.yaml (re-read when it changes); None when the file is absent."""
    path = (corpus_dir / REGIONS_FILE).resolve()
    if not path.exists():
        return None
    return _cached(path, path.stat().st_mtime_ns)


def region_of(place: str | None, *, corpus_dir: Path) -> str | None:
    """'Жамбылский район Алматинской области' → 'Алматинская область'; None when unknown."""
    gazetteer = load_gazetteer(corpus_dir) if place else None
    return gazetteer.region_of(place) if gazetteer is not None else None


_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")


def _english_town(gazetteer: Gazetteer, folded: str, start: int, end: int) -> str | None:
    """'in Kostanay' is the town, 'in Kostanay region' the region: a Latin region name with no
    'region' after it that spells one of its towns ('Kostanay' ~ 'Костанай') is that town;
    'Almaty region', 'Almaty oblast' are the oblast, never the city of Алматы."""
    word = re.match(r"[\w-]+", folded[start:])
    if word is None or not word.group(0).isascii():
        return None
    if _EN_REGION_END.search(folded[start:end]) or _EN_REGION_AFTER_NAME.match(folded, end):
        return gazetteer.latin_region(_EN_REGION_END.sub("", folded[start:end]))
    return gazetteer.latin_town(word.group(0))


# 'in Temirtau', 'In the city of Ekibastuz,': a capitalised Latin word after 'in' is a place
_EN_IN_PLACE = re.compile(r"\b[Ii]n\s+(?:the\s+(?:city|town|village)\s+of\s+)?([A-Z][A-Za-z'’-]+)")


def _english_towns(gazetteer: Gazetteer, text: str) -> list[str]:
    """Towns and regions an English sentence puts something in that the gazetteer's patterns
    (Cyrillic stems and a few Latin names) do not spell: 'in Temirtau' → Темиртау, 'in Kostanai
    region' → Костанайская область (never the town Костанай)."""
    found = (
        gazetteer.latin_region(m.group(1))
        if _EN_REGION_AFTER.match(text, m.end(1))
        else gazetteer.latin_town(m.group(1))
        for m in _EN_IN_PLACE.finditer(text)
    )
    return [place for place in found if place]


# 'in Akmola and North Kazakhstan regions', 'of Kostanay, Akmola and North Kazakhstan oblasts':
# capitalised names of one or two words, the last after 'and', then a plural region noun
_EN_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
_EN_REGION_LIST = re.compile(
    rf"\b(?:[Ii]n|of)\s+(?:the\s+)?({_EN_NAME}(?:\s*,\s*{_EN_NAME})*\s*,?\s+and\s+{_EN_NAME})"
    r"\s+(?:[Rr]egions|[Oo]blasts|[Pp]rovinces)\b"
)


def _english_region_lists(gazetteer: Gazetteer, text: str) -> tuple[list[str], str]:
    """The regions an English list names ('in Akmola and North Kazakhstan regions' → both, where
    'Akmola' alone was nothing and 'Kostanay' before 'and' the town), and the text without the
    lists (blanked, offsets kept) for the rest of the reading."""
    found: list[str] = []
    for match in _EN_REGION_LIST.finditer(text):
        for item in re.split(r"\s*,\s*|\s+and\s+", match.group(1)):
            named = gazetteer.latin_region(item) or next(
                (m.region for m in gazetteer.matches(item) if m.level == 0), None
            )
            if named and named not in found:
                found.append(named)
        text = text[: match.start(1)] + " " * (match.end() - match.start(1)) + text[match.end() :]
    return found, text


def places_in(text: str, *, corpus_dir: Path) -> list[str]:
    """Known place names in free text, as a fallback where NER fails (Kazakh releases)."""
    gazetteer = load_gazetteer(corpus_dir)
    if gazetteer is None:
        return []
    listed, text = _english_region_lists(gazetteer, text)
    folded = fold(text)
    out: list[str] = []
    for match in sorted(gazetteer.matches(text), key=lambda m: m.start):
        if match.level == 0:
            name = _english_town(gazetteer, folded, match.start, match.end) or match.region
        else:
            stem = folded[match.start : match.end]
            if stem.isascii() and _EN_REGION_AFTER.match(folded, match.end):
                # 'in Turkistan region': the region, not also its town Түркістан
                name = gazetteer.latin_region(stem) or match.region
            elif len(stem.split()) == 1 and (known := gazetteer.town(stem)):
                name = known  # 'Конаевқа' → 'Конаев'
            elif known := gazetteer.latin_town(stem):
                name = known  # 'taraz' → 'Тараз', 'ust kamenogorsk' → 'Усть-Каменогорск'
            elif len(stem.split()) == 1 and _ADJECTIVE.search(stem):
                continue  # 'Костанайского университета': a body's epithet, not a town's name
            else:
                name = stem.title() if len(stem.split()) > 1 else stem.capitalize()
        if name not in out:
            out.append(name)
    out += [region for region in listed if region not in out]
    return out + [town for town in _english_towns(gazetteer, text) if town not in out]
