"""Plan meetings, write them as releases in several genre forms (ru digest, ru news, kk news).

Seeded: the same seed gives byte-identical files. A quarter of meetings is reported by two
outlets with the same quotes, as happens when a regional paper reprints the Senate's release.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from bench.synthetic.people import (
    AUDIENCES,
    OUTLETS_KK,
    OUTLETS_RU,
    PLACES,
    SENATORS,
    Audience,
    Place,
    Senator,
)
from bench.synthetic.topics import GENERIC_KK, GENERIC_RU, SUBJECTS, Subject

TAILS_RU = (
    "Это касается каждого из нас.",
    "Об этом важно говорить открыто.",
    "Люди должны знать свои права.",
    "",
    "",
    "",
)
TAILS_KK = ("Бұл әрқайсымызға қатысты.", "Бұл туралы ашық айту маңызды.", "", "", "")
RU_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря")  # fmt: skip
KK_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
             "қыркүйек", "қазан", "қараша", "желтоқсан")  # fmt: skip


@dataclass
class Said:
    """One planned statement: a direct quote by `speaker`, or the release's reported speech."""

    kind: str  # "quote" | "reported"
    text: str
    speaker: Senator
    subject: str | None  # None: a general statement about the reform


@dataclass
class Plan:
    id: int
    lang: str
    senators: list[Senator]
    place: Place
    audience: Audience
    day: date
    said: list[Said] = field(default_factory=list)


def _verb(s: Senator, male: str, female: str) -> str:
    return female if s.female else male


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def plan_meetings(rng: random.Random, count: int) -> list[Plan]:
    portfolios = {s.last: rng.sample(SUBJECTS, 6) for s in SENATORS}
    plans: list[Plan] = []
    start = date(2026, 2, 2)
    for i in range(count):
        lang = "kk" if rng.random() < 0.3 else "ru"
        senators = rng.sample(SENATORS, 2 if rng.random() < 0.15 else 1)
        plan = Plan(
            id=i,
            lang=lang,
            senators=senators,
            place=rng.choice(PLACES),
            audience=rng.choice(AUDIENCES),
            day=start + timedelta(days=rng.randrange(0, 40)),
        )
        for speaker in senators:
            subjects: list[Subject] = rng.sample(portfolios[speaker.last], 2)
            for subject in subjects:
                cores = subject.kk if lang == "kk" else subject.ru
                first, second = rng.sample(range(len(cores)), 2)
                tails = TAILS_KK if lang == "kk" else TAILS_RU
                quote = f"{cores[first]} {rng.choice(tails)}".strip()
                plan.said.append(Said("quote", quote, speaker, subject.id))
                if rng.random() < 0.5:
                    plan.said.append(Said("reported", cores[second], speaker, subject.id))
        if rng.random() < 0.7:
            generic = GENERIC_KK if lang == "kk" else GENERIC_RU
            plan.said.append(Said("quote", rng.choice(generic), senators[0], None))
        plans.append(plan)
    return plans


# --- genre forms ---------------------------------------------------------------------------


def _ru_meeting(plan: Plan, rng: random.Random, digest: bool) -> list[str]:
    names = " и ".join(s.name for s in plan.senators)
    lead = plan.senators[0]
    if len(plan.senators) > 1:
        intro = (
            f"{plan.place.ru_in.capitalize()} сенаторы {names} встретились {plan.audience.ru_with}."
        )
    elif digest:
        met = _verb(lead, "встретился", "встретилась")
        intro = (
            f"{plan.place.ru_in.capitalize()} сенатор {lead.name} {met} {plan.audience.ru_with}."
        )
    else:
        held = _verb(lead, "провел", "провела")
        intro = f"Сенатор {lead.name} {held} встречу {plan.audience.ru_with} {plan.place.ru_in}."
    paragraphs = [intro + " Обсуждался проект новой Конституции."]
    for said in plan.said:
        s = said.speaker
        if said.kind == "reported":
            who = (
                "По словам сенатора"
                if len(plan.senators) == 1
                else f"По словам депутата {s.last_gen}"
            )
            if len(plan.senators) == 1 and rng.random() < 0.5:
                verb = _verb(s, "подчеркнул", "подчеркнула")
                paragraphs.append(f"Сенатор {verb}, что {_lower_first(said.text)}")
            else:
                paragraphs.append(f"{who}, {_lower_first(said.text)}")
            continue
        verb = rng.choice([_verb(s, "отметил", "отметила"), _verb(s, "подчеркнул", "подчеркнула"),
                           _verb(s, "сказал", "сказала")])  # fmt: skip
        body = said.text.rstrip(".")
        if digest:
            paragraphs.append(f"– {body}, – {verb} {s.name}.")
        elif rng.random() < 0.5:
            paragraphs.append(f"«{body}», – {verb} {s.name}.")
        else:
            paragraphs.append(f"{s.name} {verb}: «{said.text}»")
    return paragraphs


def _kk_meeting(plan: Plan, rng: random.Random) -> list[str]:
    lead = plan.senators[0]
    if len(plan.senators) > 1:
        names = " және ".join(s.name_kk for s in plan.senators)
        intro = f"Сенат депутаттары {names} {plan.place.kk_in} {plan.audience.kk_with} кездесті."
    else:
        intro = (
            f"Сенат депутаты {lead.name_kk} {plan.place.kk_in} {plan.audience.kk_with} кездесті."
        )
    paragraphs = [intro + " Кездесуде жаңа Конституция жобасы талқыланды."]
    for said in plan.said:
        s = said.speaker
        if said.kind == "reported":
            who = "Сенатордың айтуынша" if len(plan.senators) == 1 else f"{s.name_kk} айтуынша"
            paragraphs.append(f"{who}, {_lower_first(said.text)}")
            continue
        body = said.text.rstrip(".")
        if rng.random() < 0.5:
            paragraphs.append(f"– {body}, – деді {s.name_kk}.")
        else:
            paragraphs.append(f"«{body}», – деп атап өтті {s.name_kk}.")
    return paragraphs


def _ru_date(day: date) -> str:
    return f"{day.day} {RU_MONTHS[day.month - 1]} {day.year} г."


def _kk_date(day: date) -> str:
    return f"{day.year} жылғы {day.day} {KK_MONTHS[day.month - 1]}"


def write_releases(plans: list[Plan], out: Path, seed: int) -> dict[str, list[int]]:
    """Release files under `out`; returns file name → the plan ids it reports."""
    rng = random.Random(seed + 1)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, list[int]] = {}
    ru = [p for p in plans if p.lang == "ru"]
    kk = [p for p in plans if p.lang == "kk"]
    # the Senate's digests: 3–5 Russian meetings each, in the founding release's form
    i = 0
    while i < len(ru):
        batch = ru[i : i + rng.randint(3, 5)]
        i += len(batch)
        day = max(p.day for p in batch)
        lines = [f"date {day.isoformat()}", ""]
        for plan in batch:
            lines += [para + "\n" for para in _ru_meeting(plan, rng, digest=True)]
        name = f"digest-{day.isoformat()}-{batch[0].id:04d}.txt"
        (out / name).write_text("\n".join(lines), encoding="utf-8")
        written[name] = [p.id for p in batch]
    # regional Russian papers reprint a quarter of them as single-meeting news
    for plan in ru:
        if rng.random() < 0.25:
            outlet = rng.choice(OUTLETS_RU[1:])
            lead = plan.senators[0]
            head = f"{lead.name}: Конституция {plan.place.ru_in} – {outlet}"
            lines = [head, _ru_date(plan.day), ""]
            lines += [para + "\n" for para in _ru_meeting(plan, rng, digest=False)]
            name = f"news-{plan.day.isoformat()}-{plan.id:04d}.txt"
            (out / name).write_text("\n".join(lines), encoding="utf-8")
            written[name] = [plan.id]
    # Kazakh news: one meeting each, a third reported by a second outlet too
    for plan in kk:
        for copy in range(2 if rng.random() < 0.3 else 1):
            outlet = OUTLETS_KK[copy % len(OUTLETS_KK)]
            head = f"{plan.senators[0].name_kk} {plan.place.kk_in} кездесу өткізді – {outlet}"
            lines = [head, _kk_date(plan.day), ""]
            lines += [para + "\n" for para in _kk_meeting(plan, rng)]
            name = f"kk-{plan.day.isoformat()}-{plan.id:04d}-{copy}.txt"
            (out / name).write_text("\n".join(lines), encoding="utf-8")
            written[name] = [plan.id]
    return written
