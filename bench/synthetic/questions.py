"""Evaluation questions on a synthetic corpus, with gold, split into `dev` and `heldout`.

Held out: the last wording of each subject in each language, every other not-covered subject,
and a seeded half of the senator and place questions. Nothing may be fitted on `heldout`.
`probe` (see probe.py): later fresh wordings, for finding failures; nothing is calibrated on it.
`blind` (see blind.py): wordings written after the answerability rules landed, reported once.
`fresh` / `fresh-held` (see fresh.py): Kazakh-heavy wordings and hard negatives by gate2.
`fresh2` / `fresh2-held` (see fresh2.py): ru/kk/en wordings and hard negatives by gate3.
`fresh3` / `fresh3-held` (see fresh3.py): ru/kk/en wordings, senators, cities, hard negatives.
"""

from __future__ import annotations

import random
from typing import Any

from bench.synthetic.blind import BLIND_ASKS, BLIND_NOT_COVERED, BLIND_PERSON, BLIND_PLACE
from bench.synthetic.fresh import FRESH_ASKS, FRESH_NOT_COVERED, fresh_split
from bench.synthetic.fresh2 import fresh2_questions
from bench.synthetic.fresh3 import FRESH3_PERSON, FRESH3_PLACE, fresh3_questions
from bench.synthetic.fresh3 import SPLITS as FRESH3_SPLITS
from bench.synthetic.generate import Plan
from bench.synthetic.people import SENATORS, Senator
from bench.synthetic.probe import PROBE_ASKS, PROBE_NOT_COVERED
from bench.synthetic.topics import NOT_COVERED, SUBJECTS, Subject
from retrieval.text import words

FRAGMENT_WORDS = 6


def fragments(subject: Subject) -> list[str]:
    """Opening words of every way the subject is said: a hit containing one is about it."""
    return [" ".join(words(core)[:FRAGMENT_WORDS]) for core in (*subject.ru, *subject.kk)]


def typo(rng: random.Random, text: str) -> str:
    """One slip in one longer word: a swapped pair, a dropped or a doubled letter."""
    tokens = text.split(" ")
    long = [i for i, t in enumerate(tokens) if len(t) >= 6 and t.isalpha()]
    if not long:
        return text
    i = rng.choice(long)
    w = tokens[i]
    j = rng.randrange(1, len(w) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    elif kind == 1:
        w = w[:j] + w[j + 1 :]
    else:
        w = w[:j] + w[j] + w[j:]
    tokens[i] = w
    return " ".join(tokens)


def build_questions(plans: list[Plan], seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed + 2)
    items: list[dict[str, Any]] = []
    by_subject: dict[str, set[str]] = {}
    by_place: dict[str, set[str]] = {}
    said: dict[tuple[str, str], int] = {}
    for plan in plans:
        by_place.setdefault(plan.place.ru, set()).update(s.last for s in plan.senators)
        for st in plan.said:
            if st.subject:
                by_subject.setdefault(st.subject, set()).add(st.speaker.last)
                said[(st.speaker.last, st.subject)] = said.get((st.speaker.last, st.subject), 0) + 1

    def add(q: str, lang: str, split: str, **gold: Any) -> None:
        items.append(
            {"q": q, "lang": lang, "kind": gold.pop("kind", "topic"), "split": split, **gold}
        )

    golds = {
        s.id: {"expect": sorted(by_subject.get(s.id, ())), "expect_text": fragments(s)}
        for s in SUBJECTS
    }

    def add_said(q: str, lang: str, split: str, senator: Senator, subject: Subject) -> None:
        """A senator and a subject: their own words, or "they said nothing on it"."""
        if (senator.last, subject.id) in said:
            add(
                q, lang, split, kind="person", expect=[senator.last], expect_text=fragments(subject)
            )
        else:
            add(q, lang, split, kind="silent", expect=[], expect_silent=[senator.name])

    def add_wordings(asks: dict[str, tuple[str, str, str]], split: str) -> None:
        """One wording per subject and language (the probe and blind splits)."""
        for subject in SUBJECTS:
            for lang, q in zip(("ru", "kk", "en"), asks[subject.id], strict=True):
                add(q, lang, split, **golds[subject.id])

    for subject in SUBJECTS:
        gold = golds[subject.id]
        for lang, asks in (("ru", subject.ask_ru), ("kk", subject.ask_kk), ("en", subject.ask_en)):
            for n, q in enumerate(asks):
                split = "heldout" if n == len(asks) - 1 else "dev"
                add(q, lang, split, **gold)
                if lang == "ru" and n in (0, len(asks) - 1):
                    add(typo(rng, q), lang, split, **gold)
    # a senator and a subject: their own words, or "they said nothing on it"
    for n in range(48):
        senator: Senator = rng.choice(SENATORS)
        subject = rng.choice(SUBJECTS)
        split = "heldout" if n % 2 else "dev"
        lang = rng.choice(("ru", "ru", "kk", "en"))
        if lang == "ru":
            said_ru = "Что говорила" if senator.female else "Что говорил"
            q = rng.choice(
                (
                    f"{said_ru} {senator.name} {subject.about_ru}?",
                    f"{senator.last} {subject.about_ru}",
                )
            )
        elif lang == "kk":
            q = f"{senator.name_kk} {subject.about_kk} туралы не айтты?"
        else:
            q = f"What did {senator.last} say about {subject.about_en}?"
        add_said(q, lang, split, senator, subject)
    # a senator alone
    for n, senator in enumerate(rng.sample(SENATORS, 12)):
        said_ru = "Что говорила" if senator.female else "Что говорил"
        q = rng.choice(
            (
                f"{said_ru} {senator.last}?",
                f"{senator.name_kk} не деді?",
                f"What did {senator.name} say?",
            )
        )
        lang = "kk" if "деді" in q else "en" if q.startswith("What") else "ru"
        add(q, lang, "heldout" if n % 2 else "dev", kind="person", expect=[senator.last])
    # a place, alone or with a subject
    places = sorted({p.place for p in plans}, key=lambda p: p.ru)
    for n, place in enumerate(places):
        split = "heldout" if n % 2 else "dev"
        senators = sorted(by_place[place.ru])
        add(f"Что обсуждали {place.ru_in}?", "ru", split, kind="place", expect=senators,
            expect_place=place.ru)  # fmt: skip
        add(f"{place.kk_in} не талқыланды?", "kk", split, kind="place", expect=senators,
            expect_place=place.ru)  # fmt: skip
        subject = rng.choice(SUBJECTS)
        here = [
            p for p in plans if p.place == place and any(s.subject == subject.id for s in p.said)
        ]
        if here:
            speakers = {s.speaker.last for p in here for s in p.said if s.subject == subject.id}
            add(
                f"Что говорили {place.ru_in} {subject.about_ru}?",
                "ru",
                split,
                kind="place",
                expect=sorted(speakers),
                expect_text=fragments(subject),
                expect_place=place.ru,
            )
    for n, (_, negatives) in enumerate(NOT_COVERED):
        for lang, q in negatives:
            add(q, lang, "heldout" if n % 2 else "dev", kind="oos", expect=[])
    # fresh wordings, added last so every earlier question (and its seeded typo) is unchanged
    add_wordings(PROBE_ASKS, "probe")
    for lang, q in PROBE_NOT_COVERED:
        add(q, lang, "probe", kind="oos", expect=[])
    # the blind split, after the probe and drawing nothing at random
    subjects = {s.id: s for s in SUBJECTS}
    add_wordings(BLIND_ASKS, "blind")
    people = {s.last: s for s in SENATORS}

    def add_person(lang: str, last: str, subject_id: str | None, q: str, split: str) -> None:
        """A senator alone (their words), or with a subject (see add_said)."""
        if subject_id is None:
            add(q, lang, split, kind="person", expect=[last])
        else:
            add_said(q, lang, split, people[last], subjects[subject_id])

    def add_place(lang: str, place_ru: str, subject_id: str | None, q: str, split: str) -> None:
        """A city alone (who met there), or with a subject (who spoke on it there)."""
        if subject_id is None:
            add(q, lang, split, kind="place", expect=sorted(by_place.get(place_ru, ())),
                expect_place=place_ru)  # fmt: skip
            return
        speakers = {
            s.speaker.last
            for p in plans
            if p.place.ru == place_ru
            for s in p.said
            if s.subject == subject_id
        }
        if speakers:  # nobody spoke on it there in this corpus: no gold to grade by
            add(q, lang, split, kind="place", expect=sorted(speakers),
                expect_text=fragments(subjects[subject_id]), expect_place=place_ru)  # fmt: skip

    for lang, last, subject_id, q in BLIND_PERSON:
        add_person(lang, last, subject_id, q, "blind")
    for lang, place_ru, subject_id, q in BLIND_PLACE:
        add_place(lang, place_ru, subject_id, q, "blind")
    for lang, q in BLIND_NOT_COVERED:
        add(q, lang, "blind", kind="oos", expect=[])
    # gate2's fresh splits, last and drawing nothing at random (see fresh.py)
    for number, subject in enumerate(SUBJECTS):
        for wording, q in enumerate(FRESH_ASKS[subject.id]):
            lang = ("kk", "kk", "ru", "en")[wording]
            add(q, lang, fresh_split(number, wording), **golds[subject.id])
    for n, (_, negatives) in enumerate(FRESH_NOT_COVERED):
        for lang, q in negatives:
            add(q, lang, "fresh-held" if n % 2 else "fresh", kind="oos", expect=[])
    # gate3's fresh2 splits, last and drawing nothing at random (see fresh2.py)
    for q, lang, split, subject_id in fresh2_questions():
        if subject_id is None:
            add(q, lang, split, kind="oos", expect=[])
        else:
            add(q, lang, split, **golds[subject_id])
    # the fresh3 splits, last and drawing nothing at random (see fresh3.py)
    for q, lang, split, subject_id in fresh3_questions():
        if subject_id is None:
            add(q, lang, split, kind="oos", expect=[])
        else:
            add(q, lang, split, **golds[subject_id])
    for n, (lang, last, subject_id, q) in enumerate(FRESH3_PERSON):
        add_person(lang, last, subject_id, q, FRESH3_SPLITS[n % 2])
    for n, (lang, place_ru, subject_id, q) in enumerate(FRESH3_PLACE):
        add_place(lang, place_ru, subject_id, q, FRESH3_SPLITS[n % 2])
    return items
