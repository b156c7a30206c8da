"""An other speaker's role in the nominative, whatever case the text named them in.

The text gives a role in the case its sentence needs ('с председателем Мажилиса', 'акиму
области', 'Мәжіліс депутатына'); the stored role is shown beside the quote, so it is the
nominative ('председатель Мажилиса', 'аким области', 'Мәжіліс депутаты'). Only the head word
changes (the first role word in Russian, with the adjectives before it; the last word in
Kazakh): the words after a Russian head are already in their own case. When the form is
ambiguous or unknown the text's form stays: a role is never invented.
"""

from __future__ import annotations

import re
from typing import Any

from retrieval.ingest.roles import OTHER_ROLES
from retrieval.ingest.text import fold

_HEADS = (*OTHER_ROLES, "сенатор", "вице-спикер")
# natasha's parses inflect by UD features
_UD = {"sing": "Sing", "plur": "Plur", "masc": "Masc", "femn": "Fem", "neut": "Neut"}
_OBLIQUE = frozenset(("gent", "datv", "accs", "ablt", "loct", "gen2", "acc2", "loc2"))
# Kazakh case endings after a 3rd-person possessive ('депутаты|на', 'әкімі|нің', 'төрағасы|мен')
_KK_POSSESSIVE_CASE = re.compile(r"^(.+?[ыі])(ның|нің|на|не|н|нан|нен|нда|нде|мен)$")
# ... and after a bare noun ('депутат|қа', 'әкім|ге', 'министр|мен')
_KK_BARE_CASE = re.compile(
    r"^(.+?)(ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|ны|ні|ды|ді|ты|ті|мен|бен|пен"
    r"|нан|нен|дан|ден|тан|тен|да|де|та|те)$"
)


def role_nominative(role: str, morph: Any | None, *, kazakh: bool, oblique: bool = False) -> str:
    """'председателем Мажилиса' → 'председатель Мажилиса', 'облыс әкімінің' → 'облыс әкімі';
    the role unchanged when its head is already nominative or its case is unclear. `oblique`:
    the name beside the role shows an oblique case ('директора гимназии Виктора Волкова'), so
    the role, in apposition, is in it too and its nominative-plural reading is out."""
    tokens = role.split()
    if not tokens:
        return role
    if kazakh:
        last = _kazakh_nominative(tokens[-1])
        return " ".join([*tokens[:-1], last]) if last else role
    if morph is None:
        return role
    heads = [
        i
        for i, t in enumerate(tokens)
        if t.casefold().startswith(_HEADS) and any(p.tag.POS == "NOUN" for p in morph.parse(t))
    ]  # 'Генерального прокурора': the adjective shares the noun 'генерал''s stem
    if not heads:
        return role
    head = heads[0]
    changed = _russian_nominative(tokens[: head + 1], morph, oblique=oblique)
    return " ".join([*changed, *tokens[head + 1 :]]) if changed else role


def role_cases(role: str, morph: Any | None) -> frozenset[str]:
    """The cases a Russian role's head noun can be in ('министру' → {datv}); empty when
    unknown. A name in apposition to the role is in one of them."""
    if morph is None:
        return frozenset()
    for token in role.split():
        if token.casefold().startswith(_HEADS):
            nouns = [p for p in morph.parse(token) if p.tag.POS == "NOUN"]
            if nouns:
                return frozenset(str(p.tag.case) for p in nouns)
    return frozenset()


def _kazakh_nominative(word: str) -> str | None:
    """'депутатына' → 'депутаты', 'әкімінің' → 'әкімі', 'министрге' → 'министр'; None when
    the word shows no case after a role stem."""
    low = word.casefold()
    possessive = _KK_POSSESSIVE_CASE.match(low)
    if possessive is not None:
        stem = possessive.group(1)
        bare = stem[:-2] if stem.endswith(("сы", "сі")) else stem[:-1]
        if _is_role_word(bare) or _is_role_word(_without_plural(bare)):
            return word[: len(stem)]
    case = _KK_BARE_CASE.match(low)
    if case is not None:
        stem = case.group(1)
        if fold(stem) in _HEADS or fold(_without_plural(stem)) in _HEADS:
            return word[: len(stem)]
    return None


def _without_plural(stem: str) -> str:
    for plural in ("лар", "лер", "дар", "дер", "тар", "тер"):
        if stem.endswith(plural) and len(stem) > len(plural) + 2:
            return stem[: -len(plural)]
    return stem


def _is_role_word(stem: str) -> bool:
    """The bare Kazakh noun is a role word itself ('депутат', 'әкім', 'төраға', 'мүше')."""
    return len(stem) >= 3 and fold(stem) in _HEADS


def _russian_nominative(words: list[str], morph: Any, *, oblique: bool) -> list[str] | None:
    """The head noun (last of `words`) and the adjectives before it in the nominative, keeping
    number; None when the head may already be nominative or its parses disagree."""
    head = words[-1]
    nouns = [p for p in morph.parse(head) if p.tag.POS == "NOUN"]
    if oblique:
        nouns = [p for p in nouns if p.tag.case != "nomn"]
    if not nouns or any(p.tag.case == "nomn" for p in nouns):
        return None
    forms: set[tuple[str, str | None, str | None]] = set()
    for parse in nouns:
        if parse.tag.case not in _OBLIQUE:
            return None
        inflected = parse.inflect({"Nom", _UD[parse.tag.number]})
        if inflected is None:
            return None
        forms.add((inflected.word, inflected.tag.number, inflected.tag.gender))
    if len(forms) != 1:
        return None
    word, number, gender = forms.pop()
    out = [_like(head, word)]
    for adjective in reversed(words[:-1]):
        grammemes = {"Nom", _UD[number or "sing"]}
        if number == "sing" and gender:
            grammemes.add(_UD[gender])
        parses = [p for p in morph.parse(adjective) if p.tag.POS in ("ADJF", "PRTF")]
        inflected = parses[0].inflect(grammemes) if parses else None
        if inflected is None:
            return None
        out.insert(0, _like(adjective, inflected.word))
    return out


def _like(original: str, word: str) -> str:
    """The new form with the original's capital ('Председателя' → 'Председатель')."""
    return word[:1].upper() + word[1:] if original[:1].isupper() else word


def kazakh_person_head(word: str, following: str) -> bool:
    """A Kazakh role noun in the nominative that heads its own phrase: possessive ('мүшелері',
    'төрағасы') or plural ('депутаттар') with no possessive noun after it ('ардагерлер
    кеңесі' is one body) — so 'коалиция мүшелері тұрғындармен' names two groups, not one."""
    low = fold(word.strip(",")).replace(" ", "")
    if low.endswith(("ы", "і")):
        stem = low[:-2] if low.endswith(("сы", "сі")) else low[:-1]
        return _is_role_word(stem) or _is_role_word(_without_plural(stem))
    plural = _without_plural(low) != low and _is_role_word(_without_plural(low))
    after = re.sub(r"(?:мен|бен|пен|ның|нің|нда|нде|на|не|н)$", "", fold(following.strip(",")))
    return plural and not after.endswith(("ы", "і"))
