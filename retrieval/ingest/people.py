"""Who is named in a release, and what they are: senators by role or roster, others with the role
the text gives them. Proximity never makes a senator.

A person is a senator when senators.yaml lists them (by full name, or by a surname form only
they can have) or the text calls them one ("сенатор", "депутат Сената", "Сенат төрағасы",
"вице-спикер Сената"). A person the text gives another role ("Генеральный прокурор",
"Председатель Мажилиса", "аудан әкімі") is an other speaker: kept, with that role. A name with
no role and no roster entry is a person of unknown role, never a senator. The document keeps
what it learnt, so "Арман Куатбеков" later in the text, "Куатбеков" or "А.Куатбеков" are the
same senator.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from retrieval.ingest.mentions import Mention, find_mentions
from retrieval.ingest.name_case import NameCase, first_name_first
from retrieval.ingest.name_spans import strip_kazakh_case
from retrieval.ingest.names import Stoplist, looks_like_name
from retrieval.ingest.nlp import Analysis
from retrieval.ingest.quotes import QuoteSpan, inside
from retrieval.ingest.role_case import role_nominative
from retrieval.ingest.roles import OTHER_HOUSE, Role, classify, is_role_stem, role_words, starts
from retrieval.ingest.senators import Senator, SenatorDirectory
from retrieval.ingest.text import fold, words

_POST_LABELS = {
    ("chair", "ru"): "Председатель Сената",
    ("deputy_chair", "ru"): "заместитель Председателя Сената",
    ("chair", "kk"): "Сенат Төрағасы",
    ("deputy_chair", "kk"): "Сенат Төрағасының орынбасары",
}


@dataclass
class Person:
    name: str
    role: str  # as the text gives it; "" when it gives none
    senator: bool
    post: str | None = None


@dataclass
class Found:
    """People named in a stretch of text (a paragraph's narrative or a quote tail)."""

    people: list[Person] = field(default_factory=list)
    role_only: list[Role] = field(default_factory=list)  # "– сказал аким", "– отметил сенатор"
    spans: list[tuple[int, int]] = field(default_factory=list)  # where the names stand
    first_at: dict[str, int] = field(default_factory=dict)  # each person's first name offset
    # "V.Volkov", "А.Төлеуов" that name nobody known: someone else, never the meeting's senator
    unknown_initials: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)  # every name-shaped span read

    def names(self) -> list[str]:
        return [p.name for p in self.people]


_INITIAL_NAME = re.compile(r"[^\W\d_]\.\s?[^\W\d_][^\W\d_-]+(?:-[^\W\d_]+)?")


# A title is never part of a name: "Тұңғыш Президент", "Tuńǵysh Prezıdent", "Елбасы"
_TITLES = ("президент", "prezıdent", "prezident", "елбасы", "elbasy")


def _has_title(surface: str) -> bool:
    for word in fold(surface).split():
        for title in _TITLES:
            if word.startswith(title) and len(word) - len(title) <= 3:
                return True
    return False


_PATRONYMIC = ("ович", "евич", "овна", "евна", "ична")


def same_person(a: str, b: str) -> bool:
    return SenatorDirectory([Senator(b)]).canonical(a) == b


class People:
    """Reads names and roles; remembers the document's people across paragraphs."""

    def __init__(
        self,
        directory: SenatorDirectory,
        *,
        kazakh: bool,
        stoplist: Stoplist | None = None,
        morph: Any | None = None,
        senate_context: bool = True,
        document: str = "",
    ) -> None:
        self.directory = directory
        self.kazakh = kazakh
        self.stoplist = stoplist or Stoplist.build(())
        self.morph = None if kazakh else morph  # pymorphy knows Russian names only
        self._case = NameCase(directory, kazakh=kazakh, morph=self.morph, document=document)
        self.senate_context = senate_context
        self.known: dict[str, Person] = {}  # everyone named so far in this document
        self._local: SenatorDirectory | None = None

    # ---- the document's memory ----------------------------------------------------------
    def local(self) -> SenatorDirectory:
        if self._local is None:
            self._local = SenatorDirectory(
                Senator(n, full_name_only=self.directory.full_name_only(n)) for n in self.known
            )
        return self._local

    def remember(self, person: Person) -> Person:
        old = self.known.get(person.name)
        if old is not None and (not person.role or (old.senator and not person.senator)):
            return old  # a later bare mention, or a roster senator seen again, keeps what we know
        self.known[person.name] = person
        self._local = None
        return person

    def is_senator(self, name: str) -> bool:
        person = self.known.get(name)
        return person.senator if person is not None else self.directory.senator(name) is not None

    def senators(self) -> list[str]:
        return [p.name for p in self.known.values() if p.senator]

    def role_of(self, name: str) -> str:
        person = self.known.get(name)
        if person is not None:
            return person.role or ("сенатор" if person.senator else "")
        return "сенатор" if self.directory.senator(name) else ""

    # ---- names ------------------------------------------------------------------------------
    def _label(self, post: str | None, role: Role | None) -> str:
        if post:
            return _POST_LABELS[(post, "kk" if self.kazakh else "ru")]
        return self._role_text(role) if role and not role.senator else "сенатор"

    def _role_text(self, role: Role, surface: str = "", name: str = "") -> str:
        """An other speaker's role as stored and shown: in the nominative (in the name's case
        when the name shows one: 'директора гимназии Виктора Волкова')."""
        oblique = bool(surface) and surface.split() != name.split()
        return role_nominative(role.text, self.morph, kazakh=self.kazakh, oblique=oblique)

    def _roster(self, surface: str, role: Role | None) -> str | None:
        post = role.post if role else None
        found = self.directory.find_in_text(surface, post)
        return found[0] if len(found) == 1 else None

    def person(self, mention: Mention, analysis: Analysis | None = None) -> Person | None:
        """The person a mention names, with their role; None when it names nobody."""
        surface, role = first_name_first(mention.surface), mention.role
        roster = self._roster(surface, role)
        if roster is not None and (
            (role is not None and _other_house_member(role)) or mention.other_house
        ):
            # "Мәжіліс депутаты Геннадий Шиповских", "Parlament Májilisiniń depýtattary … X":
            # the text titles a roster name a member of another house, as it was before the
            # Senate; in this text the person is that, not a senator
            return Person(roster, self._role_text(role) if role else "", False)
        if roster is not None and (role is None or role.senator or self._full(surface, roster)):
            post = self.directory.post(roster) or (role.post if role else None)
            return Person(roster, self._label(post, role), True, post)
        found = self.local().find_in_text(surface)
        if len(found) == 1:
            old = self.known[found[0]]
            if role is not None and not old.role and not old.senator:
                # "Bolat Tulegenov met …" then "said Senator Tulegenov", a headline's bare "— X"
                # then "Председатель коллегии адвокатов X": the one person of unknown role
                # takes the role the text now gives them (not a release's bare "депутат")
                if role.senator and not _by_context_only(role):
                    return Person(old.name, self._label(role.post, role), True, role.post)
                if not role.senator:
                    return Person(old.name, self._role_text(role, surface, old.name), False)
            if role is None or role.senator == old.senator:
                return old
            if old.role and not old.senator and _by_context_only(role):
                return old  # "Мәжіліс депутаты X" … later "депутат X": still the Mazhilis deputy
        parts = surface.split()
        if role is None and len(parts) == 2 and fold(parts[1]).endswith(_PATRONYMIC):
            # "Владимир Васильевич рассказал": a form of address for someone named before
            first = fold(
                self._case.word_nominative(parts[0]) if self.morph is not None else parts[0]
            )
            same = [p for n, p in self.known.items() if first in fold(n).split()]
            if len(same) == 1:
                return same[0]  # with none or several, read as before: someone else's words
        if self.kazakh and role is not None and _INITIAL_NAME.fullmatch(surface):
            # "деді сенатор А.Төлеуов", "dedi komıtet tóraǵasy V.Volkov": the role right beside
            # the initials names a person the text gives no first name for
            parts = surface.replace(".", ". ").split()
            name = " ".join([*parts[:-1], strip_kazakh_case(parts[-1])])
            if role.senator:
                return Person(name, self._label(role.post, role), True, role.post)
            return Person(name, self._role_text(role), False)
        if len(surface.split()) < 2 or "." in surface:
            return None  # a lone surname or an initial needs someone already known
        nominative = self._case.nominative(surface, analysis, mention.start, self.known, role)
        if nominative is None:
            return None  # his or hers, and nothing tells which: nobody rather than a guess
        name = nominative
        if self.stoplist.blocks(name) or self.stoplist.blocks(surface) or _has_title(surface):
            return None
        if role is None and not looks_like_name(name, self.morph):
            return None
        if role is not None and not role.senator and self._adjective(surface.split()[0]):
            return None  # "с членами Студенческой Ассамблеи": a body, not a person
        if role is not None and role.senator:
            return Person(name, self._label(role.post, role), True, role.post)
        if role is not None:
            return Person(name, self._role_text(role, surface, name), False)
        return Person(name, "", False)

    def _adjective(self, word: str) -> bool:
        """A Russian adjective no parse reads as a first name or surname ('Студенческой')."""
        if self.morph is None:
            return False
        parses = self.morph.parse(word)
        if any(tag in p.tag for p in parses for tag in ("Name", "Surn", "Patr")):
            return False
        return bool(parses) and parses[0].tag.POS in ("ADJF", "PRTF")

    def _full(self, surface: str, roster: str) -> bool:
        """Does the mention give the roster senator's first name too (not just a surname)?"""
        parts = words(surface)
        return len(parts) >= 2 and len(parts[0]) > 1 and same_person(surface, roster)

    # ---- paragraphs and tails --------------------------------------------------------------
    def scan(
        self, analysis: Analysis, start: int, end: int, skip: Sequence[QuoteSpan] = ()
    ) -> Found:
        """People (and role-only references) between start and end, outside `skip`."""
        text = analysis.text
        found = Found()
        for mention in find_mentions(text[start:end], senate_context=self.senate_context):
            at = start + mention.start
            if inside(at, start + mention.end, skip):
                continue
            shifted = Mention(
                at, start + mention.end, mention.surface, mention.role, mention.other_house
            )
            found.mentions.append(shifted)
            person = self.person(shifted, analysis)
            if person is None:
                if "." in mention.surface:
                    found.unknown_initials.append((at, start + mention.end))
                continue
            person = self.remember(person)
            found.spans.append((at, start + mention.end))
            found.first_at.setdefault(person.name, at)
            if all(p.name != person.name for p in found.people):
                found.people.append(person)
        for token_start, word in _bare_tokens(text, start, end):
            if inside(token_start, token_start + len(word), skip):
                continue
            known = self.local().find_in_text(word) or self.directory.find_in_text(word)
            if len(known) == 1 and known[0] not in found.names():
                person = self.known.get(known[0])
                if person is None and self._other_role_before(text, token_start):
                    continue
                if person is None:
                    post = self.directory.post(known[0])
                    person = self.remember(Person(known[0], self._label(post, None), True, post))
                found.spans.append((token_start, token_start + len(word)))
                found.first_at.setdefault(person.name, token_start)
                found.people.append(person)
        found.role_only = self._role_only(text[start:end], found)
        return found

    def _other_role_before(self, text: str, start: int) -> bool:
        from retrieval.ingest.mentions import left_phrase

        phrase, _ = left_phrase(text, start)
        role = classify(phrase, senate_context=self.senate_context) if phrase else None
        return role is not None and not role.senator

    def _role_only(self, piece: str, found: Found) -> list[Role]:
        """Role words with no name: 'сказал аким', 'отметил сенатор', 'деді аудан әкімі'."""
        if found.people:
            return []
        return role_words(piece, senate_context=self.senate_context)[:1]

    def promote(self, found: Found, narrative: str) -> list[str]:
        """'Бибигуль Жексенбай обсудила … Сенатор отметила …': the one person of unknown role
        in a paragraph whose narrative calls somebody 'сенатор' is that senator."""
        unknown = [p for p in found.people if not p.senator and not p.role]
        if len(unknown) != 1 or len(found.people) != 1:
            return []
        roles = role_words(narrative, senate_context=self.senate_context)
        if not any(r.senator and _singular(r.text) for r in roles):
            return []
        person = unknown[0]
        promoted = Person(person.name, "сенатор", True)
        self.known[person.name] = promoted
        self._local = None
        return [person.name]

    def resolve_role(self, role: Role, meeting: Sequence[str]) -> list[str]:
        """The one person a role-only reference can mean, else nobody."""
        if role.senator:
            if role.post:
                posted = [
                    n for n in meeting if self.known.get(n) and self.known[n].post == role.post
                ]
                return posted if len(posted) == 1 else []
            return []  # "сенатор" alone: the segmenter's single-senator rule decides
        stem = fold(role.text).split()
        heads = [w for w in stem if is_role_stem(w)] or [w for w in stem if len(w) >= 4]
        if any(_KK_PLURAL.search(w) for w in heads):
            return []  # "Сондай-ақ коалиция мүшелері … атап өтті": a group, never its one member
        others = [p for p in self.known.values() if not p.senator and p.role]
        matching = [p.name for p in others if heads and all(_has_stem(p.role, h) for h in heads)]
        return matching if len(matching) == 1 else []


# a Kazakh plural with its possessive on a role's head word: "мүшелері", "депутаттары", "өкілдері"
# (a Russian "лидер" is no plural; "лидеры" is)
_KK_PLURAL = re.compile(r"(?:лар|лер|дар|дер|тар|тер)[ыі]$")


def _by_context_only(role: Role) -> bool:
    """A senator role that names no Senate ("депутат" in a Senate release): the release's
    context made it one, and it never outweighs another role the text gave the person."""
    return role.senator and not any(
        w.startswith(("сенат", "senat")) for w in fold(role.text).split()
    )


def _singular(role: str) -> bool:
    """A senator word that can be a sentence's subject: 'Сенатор отметила', 'Сенат депутаты',
    'Сенатордың айтуынша' — not 'встретилась с сенатором', not 'сенаторы'."""
    items = fold(role).split()
    subject = {"сенатор", "депутат", "сенатордың", "депутаттың"}
    return bool(subject & set(items)) or ("сенат" in items and "депутаты" in items)


def _has_stem(role: str, head: str) -> bool:
    return any(w[:4] == head[:4] for w in fold(role).split())


def _bare_tokens(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Capitalised single words (surnames, 'Н.Бекназаров' pieces) that could name someone known."""
    import re

    out: list[tuple[int, str]] = []
    for match in re.finditer(r"(?<![\w-])[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]{3,}", text[start:end]):
        out.append((start + match.start(), match.group(0)))
    return out


def _other_house_member(role: Role) -> bool:
    """A role naming a deputy of another house: "Мәжіліс депутаты", "депутаты Мажилиса",
    "Parlament Májilisiniń depýtattary" (never a Senate post: those say "Сенат")."""
    low = fold(role.text).split()
    return (
        not role.senator
        and any(starts(w, OTHER_HOUSE) for w in low)
        and any(w.startswith(("депутат", "depýtat", "deputat", "deputy", "member")) for w in low)
    )
