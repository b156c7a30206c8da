"""A new name in the nominative, and whose an ambiguous Russian form is: 'Нурлану Касенову' is
Нурлан Касенов or Нурлана Касенова, decided by the names the document already knows, its other
mentions of the surname, the roster, then the grammar around the name. Apart from `people`
because it reads word forms, not who is who.
"""

from __future__ import annotations

import re
from collections.abc import Container
from typing import Any

from retrieval.ingest.name_forms import is_first_name, russian_nominative, russian_readings
from retrieval.ingest.name_spans import strip_kazakh_case, surname_like
from retrieval.ingest.names import has_surname_shape, strip_discourse
from retrieval.ingest.nlp import Analysis
from retrieval.ingest.role_case import role_cases
from retrieval.ingest.roles import Role
from retrieval.ingest.senators import SenatorDirectory
from retrieval.ingest.text import fold, words

# words before a name that govern its case (his dative vs her accusative; his genitive)
_DATIVE_PREP = frozenset("к ко по благодаря согласно вопреки навстречу".split())
_ACCUSATIVE_PREP = frozenset("про через сквозь на в во за под".split())
_GENITIVE_PREP = frozenset("у от для без до из после около возле кроме среди против".split())
_GOVERNORS = frozenset("словам слов мнению имени участием участии инициативе".split())
_DATIVE_VERBS = ("вручил", "вручен", "предостав", "передал", "адресова", "ответил", "слово")
_ACCUSATIVE_VERBS = ("поздравил", "поблагодари", "наградил", "пригласил", "назначил")
# ', который ответил' / ', которая ответила' right after the name: its gender, in any case
_HIS_RELATIVE = frozenset("который которого которому которым котором".split())
_HER_RELATIVE = frozenset("которая которой которую".split())

# a patronymic in any case: 'Васильевичем', 'Петровна', 'Серікұлы', 'Серікқызына'
_ANY_PATRONYMIC = re.compile(r"(?:ович|евич|овн|евн|ичн|ұлы|улы|қызы|кызы)\w{0,4}$")


def first_name_first(surface: str) -> str:
    """'Волковым Владимиром Васильевичем' → 'Владимиром Волковым', 'Иванова Мария Петровна' →
    'Мария Иванова': a surname, a first name and a patronymic name the person 'Имя Фамилия'
    names elsewhere in the text and in the roster (the patronymic is no part of a stored name)."""
    parts = surface.split()
    if (
        len(parts) == 3
        and _ANY_PATRONYMIC.search(fold(parts[2]))
        and any(surname_like(parts[0][: len(parts[0]) - k]) for k in (0, 1, 2))  # 'Волковым'
        and not surname_like(parts[1])
        and is_first_name(parts[1])
    ):
        return f"{parts[1]} {parts[0]}"
    return surface


class NameCase:
    """Reads names in one document: its words say a name's gender where its form does not."""

    def __init__(
        self, directory: SenatorDirectory, *, kazakh: bool, morph: Any | None, document: str
    ) -> None:
        self.directory = directory
        self.kazakh = kazakh
        self.morph = morph  # None in Kazakh: pymorphy knows Russian names only
        self.document = document  # the whole release: another mention may show a name's gender
        self._document_words: list[str] | None = None  # its words, read on first need

    def nominative(
        self,
        surface: str,
        analysis: Analysis | None,
        start: int,
        known: Container[str],
        role: Role | None = None,
    ) -> str | None:
        """A new name in the nominative: natasha's normal form (Russian) or the Kazakh case
        ending stripped from the surname."""
        parts = surface.split()
        if self.kazakh or self.morph is None:
            last = strip_kazakh_case(parts[-1])
            if has_surname_shape(parts[-1]) and not has_surname_shape(last):
                last = parts[-1]  # "Индира Рыстина" is no "Рысти" in the dative ("-на")
            return " ".join([*parts[:-1], last])
        cases = role_cases(role.text, self.morph) if role is not None else frozenset()
        readings = russian_readings(surface, self.morph, cases)
        if readings is not None:
            text = analysis.text if analysis is not None else ""
            return self._his_or_hers(*readings, text, start, start + len(surface), known)
        by_rule = russian_nominative(surface, self.morph, cases)
        if by_rule is not None:
            return by_rule
        if analysis is not None:
            for ent in analysis.ents:
                if ent.type == "PER" and ent.start <= start < ent.stop:
                    normal = strip_discourse(ent.normal).split()
                    if len(normal) == len(parts):
                        return " ".join(w[:1].upper() + w[1:] for w in normal)
        return " ".join(self.word_nominative(w) for w in parts)

    def _his_or_hers(
        self, masc: str, fem: str, text: str, start: int, end: int, known: Container[str]
    ) -> str | None:
        """'Нурлану Касенову' is Нурлан Касенов or Нурлана Касенова: someone the document named
        already, then its other mentions, then the roster, then the sentence's grammar decide;
        failing those, the -а form as written (her nominative), the -у form nobody."""
        named = [n for n in (masc, fem) if n in known]
        if len(named) == 1:
            return named[0]
        by_text = self._gender_in_document(masc)
        if by_text is not None:
            return masc if by_text == "m" else fem
        in_roster = [n for n in (masc, fem) if self.directory.senator(n) is not None]
        if len(in_roster) == 1:
            return in_roster[0]
        by_grammar = self._gender_by_grammar(fem, text, start, end)
        if by_grammar is not None:
            return masc if by_grammar == "m" else fem
        if fold(text[start:end]) == fold(fem):
            return fem  # 'Ерлана Асанова' with nothing before it: her nominative, as written
        # 'выразили признательность Батиму Жумабекову': «Батим» or «Батима», and a man's-looking
        # first name is no proof (it read her as «Батим Жумабеков»): nobody rather than a guess
        return None

    def _gender_in_document(self, masc: str) -> str | None:
        """'Касенов', 'Касеновым', 'Касенове' are his only, 'Касеновой' hers only ('Касенова',
        'Касенову' are either): the one gender the release's other mentions of this surname
        show — bare, after an initial or after this first name, never after another first name
        ('Болат Жумабеков' says nothing of 'Батима Жумабекова')."""
        first, surname = (fold(w) for w in masc.split())
        his = {surname, surname + "ым", surname + "е"}
        seen: set[str] = set()
        if self._document_words is None:
            self._document_words = words(self.document)
        tokens = self._document_words
        for i, token in enumerate(tokens):
            low = fold(token)
            if low not in his and low != surname + "ой":
                continue
            before = tokens[i - 1] if i else ""
            other = is_first_name(before) and not fold(before).startswith(first)
            if not other and not (len(before) == 1 and fold(before) != first[:1]):
                seen.add("f" if low == surname + "ой" else "m")
        return seen.pop() if len(seen) == 1 else None

    def _gender_by_grammar(self, fem: str, text: str, start: int, end: int) -> str | None:
        """A word before the name that governs a case, or a past verb after it that agrees:
        'к Нурлану Касенову' (dative: his), 'про Нурлану Касенову' (accusative: hers),
        'по словам Ерлана Асанова' (genitive: his), 'Ерлана Асанова отметила' (hers)."""
        before = [fold(w) for w in words(text[max(0, start - 40) : start])][-2:]
        after = [fold(w) for w in words(text[end : end + 30])][:1]
        dative_form = fold(fem.split()[-1])[:-1] + "у" == fold(text[start:end].split()[-1])
        last = before[-1] if before else ""
        if after and after[0] in _HIS_RELATIVE | _HER_RELATIVE:
            return "m" if after[0] in _HIS_RELATIVE else "f"
        if dative_form:  # his dative or her accusative
            if last in _DATIVE_PREP or any(w.startswith(_DATIVE_VERBS) for w in before):
                return "m"
            if last in _ACCUSATIVE_PREP or any(w.startswith(_ACCUSATIVE_VERBS) for w in before):
                return "f"
            return None
        # his genitive or accusative, her nominative: no nominative follows a preposition
        if last in _DATIVE_PREP | _ACCUSATIVE_PREP | _GENITIVE_PREP or last in _GOVERNORS:
            return "m"
        if after and self.morph is not None:
            verbs = [p.tag for p in self.morph.parse(after[0]) if p.tag.POS == "VERB"]
            genders = {t.gender for t in verbs if t.tense == "past" and t.number == "sing"}
            if genders == {"femn"}:
                return "f"
            if genders == {"masc"}:
                return "m"
        return None

    def word_nominative(self, word: str) -> str:
        assert self.morph is not None
        for parse in self.morph.parse(word):
            tag = parse.tag
            if ("Name" in tag or "Surn" in tag) and tag.case != "nomn":
                inflected = parse.inflect({"Nom"})
                if inflected is not None:
                    out: str = inflected.word
                    return out[:1].upper() + out[1:]
            if ("Name" in tag or "Surn" in tag) and tag.case == "nomn":
                return word
        return word
