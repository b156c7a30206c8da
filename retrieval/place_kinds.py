"""How a question may spell a meeting's place: in Latin letters (y or i), with Kazakh letters,
and a district or region a release names by a Russian adjective ("Жамбылский район",
"Алматинской области") by its base with the kind's word ("Жамбыл ауданы", "Zhambyl district",
"Алматы облысы")."""

from __future__ import annotations

import re

from retrieval.text import plain_kazakh, stem

_TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
        "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
        "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    }
)  # fmt: skip


def transliterate(text: str) -> str:
    return text.lower().translate(_TRANSLIT)


def fold_kazakh(text: str) -> str:
    """Қарағанды → караганды: a place reported in Kazakh meets its Russian spelling (Караганда)
    through the shared stem, in either direction: Kazakh letters as the Russian ones a Russian
    spelling of the same name uses."""
    return plain_kazakh(text.lower())


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


def latin_place(word: str) -> str:
    """A place in Latin letters with y as i: English spells ы and й either way (Zhetisu and
    Zhetysu, Baiterek and Bayterek), and Kazakh's і, which Russian writes ы, is i."""
    return word.replace("y", "i")


def other_spelling(token: str) -> str:
    """The form a question word is also looked up as among places: y as i in Latin letters,
    Kazakh letters folded in Cyrillic."""
    return latin_place(token) if token.isascii() else fold_kazakh(token)


def place_forms(word: str) -> set[str]:
    """A place word as the question may spell it: itself, in Latin letters, with Kazakh letters
    folded, and that folded word's stem when long enough to name nothing else, so a Kazakh
    ending on the Russian spelling ("Карагандыда") still finds "Караганда"."""
    folded = fold_kazakh(word)
    forms = {word, transliterate(word), latin_place(transliterate(word)), folded}
    if len(base := stem(folded)) >= 6:
        forms.add(base)
    return forms
