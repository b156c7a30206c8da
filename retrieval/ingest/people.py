"""Names in a paragraph: which PER spans are people, which people are senators, canonical names.

A span becomes a senator only with evidence: it is in senators.yaml, or it follows a senator
cue ("сенатор", "депутат Сената", "Сенат депутаты"), or (Russian) it is the subject of a
meeting/saying verb; and an unknown span must look like a personal name (names.py). Known
terms and places never become people ("Ата Заң", "Астана").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from retrieval.ingest.attribution import is_role_word, senator_word_number
from retrieval.ingest.kazakh import NAME_AFTER_CUE
from retrieval.ingest.names import Stoplist, looks_like_name, strip_discourse
from retrieval.ingest.nlp import Analysis, Ent, Sent, Tok
from retrieval.ingest.quotes import QuoteSpan, has_speech_word, inside
from retrieval.ingest.senators import Senator, SenatorDirectory
from retrieval.ingest.text import words
from retrieval.ingest.venue import VENUE_RE

_ORG_MARKERS = frozenset("ао тоо ооо оао зао ип компания компании компанией ржп гкп кгп".split())
# Between a cue and the name: "депутат Сената Парламента РК Ерлан Нурланов".
_CUE_FILLER = ("сенат", "парламент", "рк", "республик", "казахстан", "қазақстан", "мәжіліс")


def same_person(a: str, b: str) -> bool:
    return SenatorDirectory([Senator(b)]).canonical(a) == b


class People:
    """Checks natasha's PER spans against context; `meeting` is the current meeting's senators."""

    def __init__(
        self,
        directory: SenatorDirectory,
        *,
        kazakh: bool,
        stoplist: Stoplist | None = None,
        morph: Any | None = None,
    ) -> None:
        self.directory = directory
        self.kazakh = kazakh
        self.stoplist = stoplist or Stoplist.build(())
        self.morph = None if kazakh else morph  # pymorphy knows Russian names only

    def canonical(self, text: str, meeting: Sequence[str]) -> str | None:
        local = SenatorDirectory(Senator(n) for n in meeting)
        return local.canonical(text) or self.directory.canonical(text)

    def looks_like_name(self, name: str) -> bool:
        return looks_like_name(name, self.morph) and not self.stoplist.blocks(name)

    def person_name(self, ent: Ent, sent: Sent, text: str, meeting: Sequence[str]) -> str | None:
        """A PER span's canonical name, or None when context says it is no person."""
        before = text[sent.start : ent.start]
        if before.count("«") > before.count("»") or before.rstrip().endswith(("«", '"')):
            return None
        prev = [t for t in sent.toks if t.stop <= ent.start][-1:]
        if prev and prev[0].lower in _ORG_MARKERS:
            return None
        normal, surface = strip_discourse(ent.normal), strip_discourse(ent.text)
        known = self.canonical(normal, meeting) or self.canonical(surface, meeting)
        if known:
            return known
        if self.stoplist.blocks(normal) or self.stoplist.blocks(surface):
            return None  # "Ата Заң", "Сондай-ақ Астана", "Казпочта"
        parts = normal.split()
        if len(parts) < 2:
            return None  # a lone unknown word is not a senator's name
        return " ".join(parts[:2]) if len(parts) > 3 else normal

    def after_cue(self, sent: Sent, start: int) -> bool:
        """Does a senator word stand right before `start` ('депутат Сената Ерлан …')?"""
        prev = [t for t in sent.toks if t.stop <= start]
        while prev and prev[-1].lower.startswith(_CUE_FILLER):
            if senator_word_number(prev[-1].text):
                return True
            prev.pop()
        return (
            bool(prev)
            and senator_word_number(prev[-1].text) is not None
            and prev[-1].lower not in ("он", "она", "они", "ол", "олар")
        )

    def is_senator(
        self, ent: Ent, name: str, sent: Sent, text: str, meeting: Sequence[str]
    ) -> bool:
        """Known; or a name-shaped span introduced as 'сенатор …' or (Russian) the subject of a
        meeting/saying verb."""
        if name in meeting or self.directory.canonical(name):
            return True
        if self.kazakh or not self.looks_like_name(name):
            return False  # Kazakh: natasha's spans are unreliable; cue_names() reads the text
        if self.after_cue(sent, ent.start):
            return True
        prev = [t for t in sent.toks if t.stop <= ent.start][-3:]
        if any(is_role_word(t.text) for t in prev):
            return False
        first = next((t for t in sent.toks if t.start >= ent.start), None)
        sentence = text[sent.start : sent.stop]
        verb = VENUE_RE.search(sentence) or has_speech_word(sentence)
        return bool(verb) and (first is None or first.case in (None, "Nom"))

    def cue_names(self, sentence: str) -> list[str]:
        """'Сенатор Нұрлан Бекназаров …' → the name after the cue, when it looks like one."""
        found: list[str] = []
        for match in NAME_AFTER_CUE.finditer(sentence):
            name = match.group(1)
            known = self.directory.canonical(name)
            if known or (looks_like_name(name) and not self.stoplist.blocks(name)):
                found.append(known or name)
        return found

    def name_words(self, sentence: str, meeting: Sequence[str]) -> set[str]:
        """Surface words of the people named in a sentence (not places, not audiences)."""
        out: set[str] = set()
        for match in NAME_AFTER_CUE.finditer(sentence):
            out.update(match.group(1).split())
        tokens = words(sentence)
        for i, token in enumerate(tokens):
            if token[:1].isupper() and self.canonical(token, meeting):
                out.add(token)
                if i and tokens[i - 1][:1].isupper():
                    out.add(tokens[i - 1])  # the first name before a known surname
        return out

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
            extra = self.directory.find_in_text(sentence) + self.cue_names(sentence)
            for found in extra:
                name = self.canonical(found, meeting) or found
                if not any(same_person(name, n) for n in names):
                    names.append(name)
        return names

    def names_in(
        self, analysis: Analysis, start: int, end: int, meeting: Sequence[str]
    ) -> tuple[list[str], bool]:
        """Everyone named between start and end (a quote tail or a reporting clause), and
        whether someone else is named there: a role ('учитель …') or no name-shaped span."""
        piece = analysis.text[start:end]
        local = SenatorDirectory(Senator(n) for n in meeting)
        names: list[str] = []
        for found in [*local.find_in_text(piece), *self.directory.find_in_text(piece)]:
            if found not in names:
                names.append(found)
        other = False
        for sent in analysis.sents:
            for ent in sent.ents:
                if ent.type != "PER" or not start <= ent.start < end:
                    continue
                name = self.person_name(ent, sent, analysis.text, meeting)
                if not name or any(same_person(name, n) for n in names):
                    continue
                if name in meeting or self.directory.canonical(name):
                    names.append(name)
                elif _after_role(sent.toks, ent) or not self.looks_like_name(name):
                    other = True  # "– сказала учитель Айгуль Сапарова"
                else:
                    names.append(name)
        return names, other


def _after_role(toks: Sequence[Tok], ent: Ent) -> bool:
    """A role next to the name: 'учитель Айгуль Сапарова', 'Айгуль Сапарова, директор школы'."""
    prev = [t for t in toks if t.stop <= ent.start][-3:]
    after = [t for t in toks if t.start >= ent.stop][:2]
    apposition = len(after) == 2 and after[0].text == "," and is_role_word(after[1].text)
    return apposition or any(is_role_word(t.text) for t in prev)
