"""Kazakh sentences by rule (natasha's NER is Russian-only): senators after a cue word, places
before облысы/ауданы/қаласы/ауылы, audiences before '-мен/-бен/-пен кездесті'."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from retrieval.ingest.names import has_surname_shape, strip_discourse
from retrieval.ingest.role_case import kazakh_person_head

_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LOW = "а-яёәғқңөұүһі"
_NAME = rf"[{_UP}][{_LOW}]+(?:-[{_UP}{_LOW}]+)?"
# "Сенатор Нұрлан Бекназаров", "Сенат депутаты Ләззат Рысбекова", "депутат Сената Ерлан Нурланов"
NAME_AFTER_CUE = re.compile(
    rf"(?<![\w-])(?:[Сс]енатор(?:лар)?|[Дд]епутат\w*(?:\s+Сенат\w*)?|Сенат\s+депутаты)\s+"
    rf"({_NAME}\s+{_NAME})(?![\w-])"
)
_MARKERS = (
    (re.compile(r"^(облыс)ы(?:ның|нда|ндағы|на|нан)?$"), "облысы"),
    (re.compile(r"^(аудан)ы(?:ның|нда|ндағы|на|нан)?$"), "ауданы"),
    (re.compile(r"^(ауыл)ы(?:ның|нда|ндағы|на|нан)?$"), "ауылы"),
    (re.compile(r"^(кент)і(?:нің|нде|ндегі|не|нен)?$"), "кенті"),
    (re.compile(r"^(қала)сы(?:ның|нда|ндағы|на|нан)?$"), ""),  # "Астана қаласы" → "Астана"
)
_CUE_WORDS = frozenset("сенатор сенаторы сенаторлар депутат депутаты сенат сенаты".split())
_LOCATIVE_TAIL = re.compile(r"(?:дағы|дегі|тағы|тегі|ндағы|ндегі|нда|нде|да|де|та|те)$")
_KK_LOCATIVE = re.compile(r"(?:дағы|дегі|тағы|тегі|ында|інде|нда|нде)$")
_KK_WITH = re.compile(r"^([\w-]+?)(мен|пен|бен)$")
_WORD = re.compile(r"[\w№][\w№-]*")
_MAX_PLACE_WORDS = 3
_ALONG = ("бірге", "бірлесіп", "қоса")
_ETC = frozenset(("т.б.", "т.б", "т.с.с.", "т.с.с", "т.с."))


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


@dataclass(frozen=True)
class _Place:
    first: int  # index of the place's first word
    marker: int  # index of its marker word
    text: str


def _marker(word: str) -> str | None:
    low = word.casefold()
    for pattern, nominative in _MARKERS:
        if pattern.match(low):
            return nominative
    return None


def _place_words(words: list[str], marker: int, stop: Collection[str]) -> int:
    """Index of the first word of the capitalised name right before the marker word."""
    first = marker
    for k in range(marker - 1, max(-1, marker - 1 - _MAX_PLACE_WORDS), -1):
        word = words[k]
        if not _capitalised(word) or word in stop or word.casefold() in _CUE_WORDS:
            break
        if strip_discourse(word) != word or _marker(word) is not None:
            break
        if k < marker - 1 and has_surname_shape(word):
            break  # "… Рысбекова Батыс Қазақстан облысы": the senator's surname ends it
        first = k
    return first


def kazakh_places(
    sentence: str,
    name_words: Collection[str] = (),
    town: Callable[[str], str | None] | None = None,
) -> list[str]:
    """'Түркістан облысының Сарыағаш ауданында' → ['Сарыағаш ауданы, Түркістан облысы'];
    'Астана қаласында' → ['Астана']; without markers, a known town in the locative ('Астанада')."""
    words = _WORD.findall(sentence)
    found: list[_Place] = []
    for k, word in enumerate(words):
        nominative = _marker(word)
        if nominative is None or k == 0:
            continue
        first = _place_words(words, k, name_words)
        if first == k:
            continue
        name = " ".join(words[first:k])
        found.append(_Place(first, k, f"{name} {nominative}".strip()))
    chains: list[list[_Place]] = []
    for place in found:
        prev = chains[-1][-1] if chains else None
        linked = prev is not None and place.first == prev.marker + 1
        if linked and prev is not None and words[prev.marker].casefold().endswith(("ның", "нің")):
            chains[-1].append(place)
        else:
            chains.append([place])
    places = [", ".join(p.text for p in reversed(chain)) for chain in chains]
    if places or town is None:
        return places
    for k, word in enumerate(words):
        if k and _capitalised(word) and word not in name_words and _LOCATIVE_TAIL.search(word):
            known = town(word)
            if known and known not in places:
                places.append(known)
    return places


def kazakh_audience(sentence: str, name_words: Collection[str] = ()) -> list[str]:
    """'… мектебінің ұжымымен кездесті' → ['… мектебінің ұжымы'] (the -мен/-пен/-бен words);
    the senator's name, cue words and places before them are not part of the audience, nor
    are visitors: who came along ('коалиция мүшелерімен бірге') or a group named as the
    subject before the audience ('Коалиция мүшелері тұрғындармен кездесті')."""
    match = re.search(r"\b(?:кездес|жүздес)\w*", sentence)
    if match is None:
        return []
    words = sentence[: match.start()].split()
    start = 0
    for k, word in enumerate(words):
        bare = word.strip(",")
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if _KK_LOCATIVE.search(bare) or bare in name_words or bare.casefold() in _CUE_WORDS:
            start = max(start, k + 1)
        elif (
            _capitalised(bare)
            and _capitalised(nxt)
            and not _KK_WITH.match(nxt.strip(","))
            and not bare.isupper()  # "ҚР Ұлттық гвардиясының": an abbreviation, not a name
            and "атындағы" not in words[k + 2 : k + 3]  # "Қаныш Сәтбаев атындағы университет"
        ):
            start = max(start, k + 2)  # "Ляззат Рысбекова": a name, skip both words
    items: list[str] = []
    current: list[str] = []
    rest = words[start:]
    for k, word in enumerate(rest):
        bare = word.strip(",")
        if bare in _ETC:
            current = []  # "дәрігерлерімен т.б. мамандарымен": "etc." joins, it is no audience
            continue
        if bare in ("және", "мен", "әрі", *_ALONG) or any(mark in word for mark in '«»"'):
            current = []  # a joint, or the end of a name in quotes ("«… үшін!» коалициясы")
            continue
        current.append(bare)
        with_match = _KK_WITH.match(bare)
        if with_match and len(bare) > 5:
            current[-1] = with_match.group(1)
            along = k + 1 < len(rest) and rest[k + 1].strip(",") in _ALONG
            if not along:  # "X-мен бірге": X came along with the senator
                items.append(" ".join(current))
            current = []
        elif k + 1 < len(rest) and kazakh_person_head(bare, rest[k + 1]):
            current = []  # "Коалиция мүшелері тұрғындармен": the members are no audience
        elif word.endswith(","):
            current = []
    return items
