"""A district or region named by a Russian adjective in a release ("Жамбылский район",
"Алматинской области") and by its base with the kind's word in a question ("Жамбыл ауданы",
"Zhambyl district", "Алматы облысы")."""

from __future__ import annotations

import re

# a district's and a region's word, in Russian, Kazakh and English (any case form)
KINDS = {
    "district": ("район", "аудан", "district"),
    "region": ("област", "облыс", "region", "oblast", "province"),
}
# a Russian adjective made of a place's name: Жамбыл|ский, Алмат|инской, Кызылорд|инская
ADJECTIVE = re.compile(r"^(\w{4,}?)(?:ин)?[сц]к(?:ий|ая|ой|ое|ом|ого|ому|ую|ие|их|им|ими)$")


def kind_of(word: str) -> str | None:
    return next((kind for kind, roots in KINDS.items() if word.startswith(roots)), None)


def adjectival_places(tokens: list[str]) -> list[tuple[str, str]]:
    """Each Russian place adjective's base with the kind of the word it qualifies:
    "Таскалинский и Байтерекский районы ЗКО" → (таскал, district), (байтерек, district)."""
    out: list[tuple[str, str]] = []
    for i, token in enumerate(tokens):
        if not (match := ADJECTIVE.match(token)):
            continue
        after = (t for t in tokens[i + 1 :] if t != "и" and not ADJECTIVE.match(t))
        if (kind := kind_of(next(after, ""))) is not None:
            out.append((match.group(1), kind))
    return out
