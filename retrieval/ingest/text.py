"""Small text helpers shared by ingestion: hashing keys, stem patterns, name skeletons."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"
DASH_CLASS = "[\u2010\u2011\u2012\u2013\u2014\u2015\u2212-]"
OPEN_QUOTES = "«“„\"'‘‚"
CLOSE_QUOTES = "»”“\"'’‘"
_QUOTE_RE = re.compile("[«»“”„‟\"'‘’‚‹›]")
_DASH_RE = re.compile(r"\s*" + DASH_CLASS + r"+\s*")
_SPACE_RE = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_WORD_RE = re.compile(r"\w+", re.UNICODE)


def clean(text: str) -> str:
    """NFC, no invisible characters, no-break spaces as spaces; keeps the text's own dashes."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\t", " ")


def norm_key(text: str) -> str:
    """What ids hash: the same words typed with other dashes, quotes or spacing give one key."""
    text = clean(text).replace("…", "...").replace("ё", "е").replace("Ё", "Е")
    text = _QUOTE_RE.sub('"', text)
    text = _DASH_RE.sub("-", text)
    return _SPACE_RE.sub(" ", text).strip().casefold()


def fold(text: str) -> str:
    """Lower case, ё→е, punctuation to spaces: the form stem patterns are matched against."""
    text = clean(text).casefold().replace("ё", "е")
    return " ".join(_WORD_RE.findall(text.replace("-", " ")))


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each of `words(text)`, for what stands between two words."""
    return [m.span() for m in _WORD_RE.finditer(text)]


@dataclass(frozen=True)
class StemPattern:
    """`word1 word2` matches words that start with word1 then word2; `word$` must be whole."""

    source: str
    regex: re.Pattern[str]

    @classmethod
    def compile(cls, source: str) -> StemPattern:
        pieces: list[str] = []
        for part in source.split():
            whole = part.endswith("$")
            for word in fold(part).split():
                pieces.append(re.escape(word) + r"\w*")
            if whole and pieces:
                pieces[-1] = pieces[-1].removesuffix(r"\w*") + r"(?!\w)"
        if not pieces:
            raise ValueError(f"empty pattern {source!r}")
        return cls(source, re.compile(r"(?<!\w)" + r"\s+".join(pieces)))

    def finditer(self, folded: str) -> Iterable[re.Match[str]]:
        return self.regex.finditer(folded)


def compile_patterns(sources: Iterable[str]) -> tuple[StemPattern, ...]:
    return tuple(StemPattern.compile(s) for s in sources if fold(s))


_CYR_TO_LAT = str.maketrans(
    {
        "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
        "ж": "j", "з": "z", "и": "i", "й": "i", "і": "i", "к": "k", "қ": "k", "л": "l",
        "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
        "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "c",
        "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "iu",
        "я": "ia",
    }
)  # fmt: skip
_LATIN_DIGRAPHS = (
    ("shch", "sh"),
    ("zh", "j"),
    ("dj", "j"),
    ("kh", "h"),
    ("ts", "c"),
    ("yu", "iu"),
    ("ya", "ia"),
    ("ye", "e"),
    ("yo", "o"),
)
_LATIN_LETTERS = str.maketrans(
    {"y": "i", "w": "v", "q": "k", "x": "h", "c": "c", "ğ": "g", "ä": "a", "ö": "o", "ü": "u",
     "ū": "u", "ñ": "n", "ş": "sh", "ç": "ch", "ı": "i", "é": "e", "'": "", "’": ""}
)  # fmt: skip


def skeleton(word: str) -> str:
    """A spelling-blind key for names: Cyrillic, Kazakh and Latin spellings of a name coincide."""
    # the 2018 Kazakh Latin ý is у (Lýkın = Лукин), not the y/i its bare letter would read as
    text = clean(word).casefold().replace("ё", "е").replace("ý", "u")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch) or ch in "\u0306\u0308")
    text = unicodedata.normalize("NFC", text).translate(_CYR_TO_LAT)
    for old, new in _LATIN_DIGRAPHS:
        text = text.replace(old, new)
    text = text.translate(_LATIN_LETTERS)
    text = re.sub(r"[^a-z]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


def osa_distance(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions (Дюсембинов ~ Дүйсембинов)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


KK_LETTERS = frozenset("әғқңөұүһі")  # letters only Kazakh Cyrillic uses
# Kazakh in Latin script (2018 and 2021 alphabets): letters English never uses
KK_LATIN_LETTERS = frozenset("áǵıńóúýäğñöūüş")


def detect_language(text: str) -> str:
    """ru, kk or en by alphabet: Kazakh-only letters (Cyrillic or Latin) mark kk; mostly Latin
    letters mark en."""
    letters = [ch for ch in text.casefold() if ch.isalpha()]
    if not letters:
        return "ru"
    kk = sum(ch in KK_LETTERS for ch in letters)
    latin = sum("a" <= ch <= "z" for ch in letters)
    if kk / len(letters) > 0.01:
        return "kk"
    if sum(ch in KK_LATIN_LETTERS for ch in letters) / len(letters) > 0.01:
        return "kk"  # "Senat depýtaty … dedi": Kazakh mirrored in Latin letters
    if latin / len(letters) > 0.6:
        return "en"
    return "ru"
