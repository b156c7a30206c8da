"""Names in a paragraph: which PER spans are people, which people are senators, canonical names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.ingest.attribution import is_role_word, senator_word_number
from retrieval.ingest.nlp import Analysis, Ent, Sent
from retrieval.ingest.quotes import QuoteSpan, has_speech_word, inside
from retrieval.ingest.senators import Senator, SenatorDirectory
from retrieval.ingest.venue import VENUE_RE

_ORG_MARKERS = frozenset("ао тоо ооо оао зао ип компания компании компанией ржп гкп кгп".split())
# Kazakh fallback where natasha's Russian NER fails: "Сенатор Нұрлан Бекназаров".
_NAME_AFTER_CUE = re.compile(
    r"(?:[Сс]енатор\w*|[Дд]епутат\w*(?:\s+Сенат\w*)?|Сенат\s+депутаты)\s+"
    r"([А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі-]+\s+[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі-]+)"
)


def same_person(a: str, b: str) -> bool:
    return SenatorDirectory([Senator(b)]).canonical(a) == b


class People:
    """Checks natasha's PER spans against context; `meeting` is the current meeting's senators."""

    def __init__(self, directory: SenatorDirectory, *, kazakh: bool) -> None:
        self.directory = directory
        self.kazakh = kazakh

    def canonical(self, text: str, meeting: Sequence[str]) -> str | None:
        local = SenatorDirectory(Senator(n) for n in meeting)
        return local.canonical(text) or self.directory.canonical(text)

    def person_name(self, ent: Ent, sent: Sent, text: str, meeting: Sequence[str]) -> str | None:
        """A PER span's canonical name, or None when context says it is no person."""
        before = text[sent.start : ent.start]
        if before.count("«") > before.count("»") or before.rstrip().endswith(("«", '"')):
            return None
        prev = [t for t in sent.toks if t.stop <= ent.start][-1:]
        if prev and prev[0].lower in _ORG_MARKERS:
            return None
        known = self.canonical(ent.normal, meeting) or self.canonical(ent.text, meeting)
        if known:
            return known
        words = ent.normal.split()
        if len(words) < 2:
            return None  # a lone unknown word ("Казпочта") is not a senator's name
        return " ".join(words[:2]) if len(words) > 3 else ent.normal

    def is_senator(
        self, ent: Ent, name: str, sent: Sent, text: str, meeting: Sequence[str]
    ) -> bool:
        """Known, introduced as 'сенатор …', or the subject of a meeting/saying verb."""
        if name in meeting or self.directory.canonical(name):
            return True
        prev = [t for t in sent.toks if t.stop <= ent.start][-3:]
        if any(senator_word_number(t.text) or t.lower.startswith("сенат") for t in prev):
            return True
        if any(is_role_word(t.text) for t in prev):
            return False
        first = next((t for t in sent.toks if t.start >= ent.start), None)
        sentence = text[sent.start : sent.stop]
        verb = VENUE_RE.search(sentence) or has_speech_word(sentence)
        return bool(verb) and (first is None or first.case in (None, "Nom"))

    def senators_in(
        self, analysis: Analysis, skip: Sequence[QuoteSpan], meeting: Sequence[str]
    ) -> list[str]:
        """Senators named in the narrative (not inside direct speech) of a paragraph."""
        text = analysis.text
        names: list[str] = []
        for sent in analysis.sents:
            if inside(sent.start, sent.stop, skip):
                continue
            for ent in sent.ents:
                if ent.type != "PER" or inside(ent.start, ent.stop, skip):
                    continue
                name = self.person_name(ent, sent, text, meeting)
                if name and self.is_senator(ent, name, sent, text, meeting) and name not in names:
                    names.append(name)
            sentence = text[sent.start : sent.stop]
            extra = self.directory.find_in_text(sentence)
            if self.kazakh:
                extra += [m.group(1) for m in _NAME_AFTER_CUE.finditer(sentence)]
            for found in extra:
                name = self.canonical(found, meeting) or found
                if not any(same_person(name, n) for n in names):
                    names.append(name)
        return names

    def names_in(
        self, analysis: Analysis, start: int, end: int, meeting: Sequence[str]
    ) -> list[str]:
        """Everyone named between start and end (a quote tail or a reporting clause)."""
        piece = analysis.text[start:end]
        local = SenatorDirectory(Senator(n) for n in meeting)
        names: list[str] = []
        for found in [*local.find_in_text(piece), *self.directory.find_in_text(piece)]:
            if found not in names:
                names.append(found)
        for sent in analysis.sents:
            for ent in sent.ents:
                if ent.type != "PER" or not start <= ent.start < end:
                    continue
                name = self.person_name(ent, sent, analysis.text, meeting)
                if name and not any(same_person(name, n) for n in names):
                    names.append(name)
        return names
