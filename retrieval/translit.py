"""Russian and Kazakh typed in Latin letters — transliterated (a phone without a Cyrillic
keyboard, the 2018 Kazakh Latin alphabet) or on the wrong keyboard layout (*xnj ujdjhbkb* for
*что говорили*): read as the Cyrillic the words stand for, when that reading knows more of them
than English does. Transliterated Kazakh comes out as typed without its own letters (*қ* → *к*),
the form `Lexicon.respelled` already meets."""

from __future__ import annotations

import re
from collections.abc import Callable

# longest first; both the Russian (zh, kh, ya) and the informal Kazakh (j, q, ia) habits, and the
# 2018 Kazakh Latin letters (á, ǵ, ń, ó, ú, ý, ı)
_GROUPS = {
    "shch": "щ",
    "sch": "щ",
    "tsya": "тся",
    "ıý": "ю",
    "ıa": "я",
    "zh": "ж",
    "kh": "х",
    "ts": "ц",
    "ch": "ч",
    "sh": "ш",
    "yu": "ю",
    "ya": "я",
    "yo": "е",
    "iu": "ю",
    "ia": "я",
}
_LETTERS = {
    **_GROUPS,
    **dict(zip("abcdefghijklmnopqrstuvwxyz", "абцдефгхижклмнопкрстувухыз", strict=True)),
    **dict(zip("áäǵńóöúüýışç'", "аагноууууишчь", strict=True)),
}
_PIECE = re.compile("|".join([*_GROUPS, "."]))
_VOWELS = frozenset("аеиоуыэюя")
_LATIN_VOWELS = frozenset("aeiouyáóúýı")
_TOKEN = re.compile(r"[a-záäǵńóöúüýışç']+")


def to_cyrillic(word: str) -> str:
    """One lower-case Latin word as plain Cyrillic: *y* is *ы*, *i* is *и*, but either is *й*
    after a vowel and before none (*kakoy*, *novyy*, *aitty*, *Qurultai*)."""
    pieces = _PIECE.findall(word)
    out: list[str] = []
    for n, piece in enumerate(pieces):
        if (
            piece in ("y", "i", "ı")
            and out
            and out[-1] in _VOWELS
            and (n + 1 == len(pieces) or pieces[n + 1][0] not in _LATIN_VOWELS)
        ):
            out.append("й")
        else:
            out.append(_LETTERS.get(piece, piece))
    return "".join(out)


# the Russian ЙЦУКЕН layout over the keys of the English one, shifted keys too ("<" is Б);
# its "?" "," "." are the English "&" "?" "/"
_LAYOUT = str.maketrans(
    "qwertyuiop[]asdfghjkl;'zxcvbnm,.`{}:\"<>~&?/",
    "йцукенгшщзхъфывапролджэячсмитьбюёхъжэбюё?,.",
)
_KEYS = re.compile(r"[a-z\[\];',.`{}:\"<>~]+")


def from_layout(text: str) -> str:
    """Text typed with the English layout on while meaning Russian (*ghbdtn* → *привет*)."""
    return text.lower().translate(_LAYOUT)


# Latin letters drawn like Cyrillic ones, which slip into a Cyrillic word (a keyboard switched
# mid-word, text pasted from a page that mixes them): "Kонституция" with a Latin K
_LOOKALIKES = str.maketrans("aceopxyKMHTBACEOPX", "асеорхуКМНТВАСЕОРХ")
_CYR = "а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ"
_HAS_CYRILLIC = re.compile(f"[{_CYR}]")


def has_cyrillic(text: str) -> bool:
    """Any Russian or Kazakh Cyrillic letter."""
    return _HAS_CYRILLIC.search(text) is not None


_MIXED = re.compile(rf"\w*(?:[a-zA-Z][{_CYR}]|[{_CYR}][a-zA-Z])\w*")
_LONE = re.compile(r"\b[aceopxyKAC]\b")  # а, с, о, у, к… typed alone in Latin


def mend_lookalikes(text: str) -> str:
    """Words that mix Cyrillic and Latin letters, and one-letter words among Cyrillic ones,
    with the Latin look-alikes made Cyrillic."""
    if not has_cyrillic(text):
        return text
    text = _MIXED.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)
    return _LONE.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)


def cyrillic_reading(text: str, known: Callable[[str], bool]) -> str | None:
    """The question in Cyrillic when it has no Cyrillic letter and `known` (a word the corpus,
    the glossary or the stopwords know) accepts more of its words transliterated, or read on the
    Russian layout, than as typed, two at least; otherwise None (English, a name, nothing
    recognisable)."""
    if has_cyrillic(text):
        return None
    lower = text.lower()
    tokens = _TOKEN.findall(lower)
    if not tokens:
        return None
    keys = [from_layout(k) for k in _KEYS.findall(lower)]
    as_keyed = sum(known(k) for k in keys)
    as_cyrillic = sum(known(to_cyrillic(t)) for t in tokens)
    if max(as_cyrillic, as_keyed) < 2 or max(as_cyrillic, as_keyed) <= sum(map(known, tokens)):
        return None
    if as_keyed > as_cyrillic:
        return from_layout(lower)
    return _TOKEN.sub(lambda m: to_cyrillic(m.group(0)), lower)
