"""A senator's name as a question writes it: a first name declined or alone, a surname in an
English spelling, one of two namesakes told apart by the first name."""

from __future__ import annotations

import re

from retrieval.place_kinds import transliterate
from retrieval.text import words


def by_first_name(names: set[str], latin: list[str]) -> set[str]:
    """Of the senators one surname names (Асанова: Жанна Асанова and Жакып Асанов), those whose
    first name the question gives too, if any: "Жанна Асанова" is not Жакып Асанов."""
    if len(names) < 2:
        return names
    chosen = {
        name
        for name in names
        if any(is_first_name(t, {transliterate(f) for f in words(name)[:-1]}) for t in latin)
    }
    return chosen or names


CAPITALISED = re.compile(r"\b[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\w+")


def is_first_name(token: str, first_names: set[str]) -> bool:
    """A senator's first name, also declined (*Серика*, *Жанны*, *Серікке*): up to three letters
    of ending after the name, or after its final -а/-я. Otherwise *Серика* weighed as the
    question's subject, and a statement naming the senator covered it."""
    if token in first_names:
        return True
    return any(
        token.startswith(base)
        and len(token) - len(name) <= 3
        and not token.removeprefix(base).endswith(_SURNAME_ENDINGS)
        for name in first_names
        if len(base := name[:-1] if name.endswith(("а", "я", "a")) else name) >= 3
    )


# A first name with these after it is a surname made from it: Нурланов, Серикова, Нұрланұлы.
_SURNAME_ENDINGS = (*"ов ев ова ева ову еву ове еве ұлы улы ov ev ova eva ovu evu uly".split(),)


def latin_name(word: str) -> str:
    """An English spelling of a Kazakh name in the one `transliterate` gives: *Yesengeldin* →
    esengeldin (initial Е as Ye), *Qasymov* → kasymov, *Jaksybekov* → zhaksybekov."""
    word = word.lower().replace("q", "k").replace("zh", "j").replace("j", "zh")
    return "e" + word[2:] if word.startswith("ye") else word
