"""A meeting's places and audience, read from one sentence that reports it: by the sentence's
language (natasha's rules in `venue` for Russian, `kazakh` for Kazakh, the gazetteer for English),
with people's names kept out (a town inside a name is no place). Apart from the segmenter, which
only says which sentences to read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from retrieval.ingest.drafts import MeetingDraft
from retrieval.ingest.kazakh import kazakh_audience, kazakh_places
from retrieval.ingest.mentions import without_named_after
from retrieval.ingest.name_forms import is_first_name
from retrieval.ingest.nlp import Analysis, Nlp, Sent
from retrieval.ingest.people import Found, People
from retrieval.ingest.regions import places_in
from retrieval.ingest.text import norm_key, words
from retrieval.ingest.venue import audience_items, place_phrases

_CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")  # a Russian or Kazakh sentence, not English


def read_venue(
    meeting: MeetingDraft,
    sent: Sent,
    analysis: Analysis,
    people: People,
    *,
    nlp: Nlp,
    town: Callable[[str], str | None] | None,
    corpus_dir: Path,
    kazakh: bool,
) -> None:
    """Add the places and audience one sentence names to the meeting (a lead's, read before any
    senator was named, are marked as its preamble)."""
    text = analysis.text
    sentence = text[sent.start : sent.stop]
    # 'аким района Талгар Абилов', 'Алия Жанибекова': a person's name holding a town or a
    # village stem is no place (it was the meeting's place)
    found = people.scan(analysis, sent.start, sent.stop)
    names = _person_names(text, found.spans)
    if _kazakh_sentence(sentence, kazakh):  # natasha's NER is Russian-only: rules
        name_words = _name_words(people, sentence, found)
        places = kazakh_places(sentence, name_words, town)
        audience = kazakh_audience(sentence, name_words)
    elif _CYRILLIC.search(sentence):
        phrases = place_phrases(sent, text, nlp, town)
        places = [p for p, at in phrases if not any(a <= at < b for a, b in names)]
        audience = audience_items(sent, text, nlp, town)
    else:  # English: natasha would keep 'Astana' as spelt; the gazetteer gives 'Астана'
        places, audience = [], []
    if not places:
        unnamed = _without_spans(sentence, sent.start, names)
        places = places_in(without_named_after(unnamed), corpus_dir=corpus_dir)
    for place in places:
        if norm_key(place) not in {norm_key(p) for p in meeting.places}:
            meeting.places.append(place)
    for item in audience:
        if norm_key(item) not in {norm_key(a) for a in meeting.audience}:
            meeting.audience.append(item)
    keys = {norm_key(x) for x in (*places, *audience)}
    if meeting.senators:
        meeting.preamble -= keys  # named again beside the senator: this meeting's own
    else:
        meeting.preamble |= keys


def drop_preamble(meetings: list[MeetingDraft]) -> None:
    """With several meetings, a lead read before any senator was named summarises them all:
    its places and audience are no one meeting's (better none than another meeting's town)."""
    if len(meetings) < 2 or not meetings[0].preamble:
        return
    first = meetings[0]
    first.places = [p for p in first.places if norm_key(p) not in first.preamble]
    first.audience = [a for a in first.audience if norm_key(a) not in first.preamble]


def dateline_place(
    meetings: list[MeetingDraft], dateline: str | None, town: Callable[[str], str | None] | None
) -> None:
    """'ПАВЛОДАР. KAZINFORM –': the town it was filed in, when the text names no place."""
    place = town(dateline) if town and dateline else None
    if place and meetings and not meetings[0].places:
        meetings[0].places.append(place)


def _name_words(people: People, sentence: str, found: Found) -> set[str]:
    """Surface words of the people named in a sentence (not places, not audiences), from
    what `scan` found in it (the same mentions: no second scan)."""
    out: set[str] = set()
    for mention in found.mentions:
        if mention.role is not None or people.local().find_in_text(mention.surface):
            out.update(mention.surface.replace(".", " ").split())
        elif people.directory.find_in_text(mention.surface):
            out.update(mention.surface.split())
    for word in words(sentence):
        if word[:1].isupper() and (
            people.local().canonical(word) or people.directory.canonical(word)
        ):
            out.add(word)
    return out


def _person_names(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where people's names stand: a span of several words that starts with a first name, whole
    ('Талгар Абилов': the first name is a town; 'Алия Жанибекова': the surname holds the stem of
    the village Жанибек). A lone word, or a span that starts with no first name ('In Temirtau'),
    is no one's: its town stays a place."""
    out = []
    for a, b in spans:
        first = re.match(r"[^\W\d_][\w-]*", text[a:b])
        if first and len(text[a:b].split()) > 1 and is_first_name(first.group(0)):
            out.append((a, b))
    return out


def _without_spans(text: str, offset: int, spans: list[tuple[int, int]]) -> str:
    """`text` (which starts at `offset`) with the spans blanked out, offsets kept."""
    chars = list(text)
    for a, b in spans:
        for i in range(max(a - offset, 0), min(b - offset, len(chars))):
            chars[i] = " "
    return "".join(chars)


_KK_VERB = re.compile(r"(?:кездес|жүздес|талқыла|барып|болды)\w*", re.I)
_RU_VERB = re.compile(r"(?:встрет|встреч|провел|провёл|посетил|побывал|состоял|обсудил)\w*", re.I)


def _kazakh_sentence(sentence: str, kazakh_document: bool) -> bool:
    """A Kazakh verb marks a Kazakh sentence; a Russian one a Russian sentence; else the doc's."""
    if _KK_VERB.search(sentence):
        return True
    return kazakh_document and not _RU_VERB.search(sentence)
