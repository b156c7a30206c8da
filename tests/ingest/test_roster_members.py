"""Every roster member is found by each of their forms, and only they are; every entry shows its
evidence.

The sentences are invented and neutral (a meeting with residents); no senator is given words.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from retrieval.ingest import SenatorDirectory
from retrieval.ingest.senators import Senator, read_senators
from tests.ingest.conftest import CORPUS_DIR
from tests.ingest.test_roster_collisions import _surname_key, shared_forms

# a Russian and a Kazakh frame; the words around the name must never be taken for a senator
FRAMES = (
    "На встречу с жителями пришёл {}, разговор шёл о законах.",
    "Ауыл тұрғындарымен {} кездесті.",
)


@pytest.fixture(scope="module")
def roster() -> SenatorDirectory:
    return SenatorDirectory.load(CORPUS_DIR)


def _spellings(senator: Senator) -> list[str]:
    kk = [senator.kk] if senator.kk else []
    return list(dict.fromkeys([senator.name, *kk, *senator.forms, *senator.generated()]))


@pytest.mark.parametrize("frame", FRAMES, ids=["ru", "kk"])
def test_every_form_of_every_member_names_that_member_only(
    roster: SenatorDirectory, frame: str
) -> None:
    shared = shared_forms(roster)  # surname forms two members both produce: told apart elsewhere
    wrong: list[str] = []
    for senator in read_senators(CORPUS_DIR):
        for form in _spellings(senator):
            found = roster.find_in_text(frame.format(form))
            ok = set(found) <= {senator.name}
            if _surname_key(form) not in shared:
                ok = found == [senator.name]
            if not ok:
                wrong.append(f"{form!r} ({senator.name}) → {found}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Kazakh initial forms with case endings, and Russian case forms, of members whose forms
        # no other test reads
        ("Сенатор С.Карплюк ауыл тұрғындарымен кездесті.", "Сергей Карплюк"),
        ("Встреча Сергея Карплюка с жителями села.", "Сергей Карплюк"),
        ("Б.Аққожинаның ауыл тұрғындарымен кездесуі өтті.", "Бибигуль Аккужина"),
        ("Встреча Бибигуль Аккужиной с жителями района.", "Бибигуль Аккужина"),
        ("Ә.Рахметова ауыл тұрғындарымен кездесті.", "Асем Рахметова"),
        ("С Асем Рахметовой встретились жители района.", "Асем Рахметова"),
        ("Н.Байқадамовтың ауыл тұрғындарымен кездесуі өтті.", "Наурызбай Байкадамов"),
        ("Жители встретились с Наурызбаем Байкадамовым.", "Наурызбай Байкадамов"),
        ("Тұрғындар Ш.Бұқтұғұтовпен кездесті.", "Шакарым Буктугутов"),
        ("Жители ждали Шакарыма Буктугутова.", "Шакарым Буктугутов"),
        ("Тұрғындар Е.Больгертпен кездесті.", "Евгений Больгерт"),
        ("Жители встретились с Евгением Больгертом.", "Евгений Больгерт"),
        ("С.Арубаевтың ауыл тұрғындарымен кездесуі өтті.", "Сакен Арубаев"),
        ("Жители ждали Сакена Арубаева.", "Сакен Арубаев"),
        ("Р.Рүстемовқа тұрғындар сұрақ қойды.", "Руслан Рустемов"),
        ("Жители задали вопросы Руслану Рустемову.", "Руслан Рустемов"),
        ("С.Мәкежановтың ауыл тұрғындарымен кездесуі өтті.", "Султанбек Макежанов"),
        ("Жители встретились с Султанбеком Макежановым.", "Султанбек Макежанов"),
        ("С.Алдашевтың ауыл тұрғындарымен кездесуі өтті.", "Суиндик Алдашев"),
        ("Жители задали вопросы Суиндику Алдашеву.", "Суиндик Алдашев"),
        ("Тұрғындар С.Шайдаровпен кездесті.", "Серик Шайдаров"),
        ("Жители встретились с Сериком Шайдаровым.", "Серик Шайдаров"),
        ("Ә.Бектаевтың ауыл тұрғындарымен кездесуі өтті.", "Али Бектаев"),
        ("Жители задали вопросы Али Бектаеву.", "Али Бектаев"),
        # members confirmed by their election or appointment (kind b)
        ("Жители встретились с Нурией Ниязовой.", "Нурия Ниязова"),
        ("Н.Ниязованың ауыл тұрғындарымен кездесуі өтті.", "Нурия Ниязова"),
        ("Выступила Ниязова Н., затем жители задали вопросы.", "Нурия Ниязова"),
        ("Тұрғындар А.Сатвалдиевпен кездесті.", "Алишер Сатвалдиев"),
        ("Жители задали вопросы Алишеру Сатвалдиеву.", "Алишер Сатвалдиев"),
        ("С.Лукпановтың ауыл тұрғындарымен кездесуі өтті.", "Сагындык Лукпанов"),
        ("Жители встретились с Сагындыком Лукпановым.", "Сагындык Лукпанов"),
        ("Тұрғындар С.Ершовқа сұрақ қойды.", "Сергей Ершов"),
        ("Жители встретились с Сергеем Ершовым.", "Сергей Ершов"),
        ("Т.Жүнісовтың ауыл тұрғындарымен кездесуі өтті.", "Талгат Жунусов"),
        ("Талғат Жүнісов ауыл тұрғындарымен кездесті.", "Талгат Жунусов"),
        ("Жители задали вопросы Талгату Жунусову.", "Талгат Жунусов"),
        ("Тұрғындар Қ.Тастекеевпен кездесті.", "Кайрат Тастекеев"),
        ("Жители ждали Кайрата Тастекеева.", "Кайрат Тастекеев"),
    ],
)
def test_uncovered_members_in_neutral_sentences(
    roster: SenatorDirectory, text: str, name: str
) -> None:
    assert roster.find_in_text(text) == [name]


# Kind (a), acting: a page dated 2025–2026 ("2025-08-22", "2026"), not a term's end or the day
# of the search. Kind (b), a term: elected or appointed on a dated day before 2026, the term
# running into 2026 or later, and the searches for a departure found none.
_ACTING = re.compile(r"(?<![–-])\b202[56]\b(?!–)")
_NOT_A_PAGE = re.compile(r"term to \d{4}|searched \d{4}-\d\d-\d\d")
_TERM = re.compile(r"\b(?:re-)?(?:elected|appointed) (\d{4})-\d\d-\d\d\b.*?\bterm to (\d{4})")


def evidence(source: str) -> str | None:
    """'term', 'acting' or None: which kind of published evidence a `source` records."""
    term = _TERM.search(source)
    if term and int(term[1]) < 2026 <= int(term[2]) and "no departure found" in source:
        return "term"
    return "acting" if _ACTING.search(_NOT_A_PAGE.sub("", source)) else None


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("https://kazpravda.kz/n/x/ 2025-08-22 (депутат Сената)", "acting"),
        ("elected 2023-01-14, Akmola, term to 2029: https://x.kz/1; no departure found", "term"),
        ("appointed 2023-01-24, term to 2029; no departure found (searched 2026-11-30)", "term"),
        ("elected 2023-01-14, Akmola region, term to 2029: https://x.kz/1", None),  # not searched
        ("elected 2017-06-28, term to 2023: https://x.kz/1; no departure found", None),  # ended
        ("appointed 2023-01-24, term to 2029: https://x.kz/1 (searched 2026-11-30)", None),
        ("https://x.kz/undated (сенатор)", None),
    ],
)
def test_evidence_kinds(source: str, kind: str | None) -> None:
    assert evidence(source) == kind


def test_every_member_cites_acting_or_term_evidence() -> None:
    """A wrong person in the roster means wrong attributions, so every entry records either a
    page dated 2025–2026 naming them a senator, or their election/appointment with a term over
    2025–2026 and no departure found; both kinds are in use."""
    kinds: dict[str, str | None] = {}
    for senator in read_senators(CORPUS_DIR):
        assert senator.source, f"{senator.name}: no source"
        kinds[senator.name] = evidence(senator.source)
    assert not [n for n, k in kinds.items() if k is None], kinds
    assert set(kinds.values()) == {"acting", "term"}
    assert kinds["Закиржан Кузиев"] == kinds["Талгат Жунусов"] == "term"


def test_readme_coverage_is_what_the_roster_holds() -> None:
    """README tells moderators how much of the Senate the roster covers and on what evidence; an
    entry added, dropped or re-sourced without updating that sentence makes it a false claim."""
    readme = " ".join((CORPUS_DIR.parent / "README.md").read_text("utf-8").split())
    kinds = Counter(evidence(s.source or "") for s in read_senators(CORPUS_DIR))
    total = sum(kinds.values())
    coverage = r"Coverage: (\d+) of the Senate's 50 seats — (\d+) of kind \(a\), (\d+) of kind"
    stated = re.search(coverage, readme)
    assert stated, "README no longer states the roster's coverage"
    assert [int(n) for n in stated.groups()] == [total, kinds["acting"], kinds["term"]]
    assert f"The {50 - total} others are not listed" in readme


@pytest.mark.parametrize(
    "text",
    [
        # another first name beside a new member's surname, or the surname as a patronymic
        "Аким района Дмитрий Ершов рассказал о дорогах.",
        "Ершов Дмитрий, аким района, рассказал о дорогах.",
        "Фермер Айдар Жунусов рассказал о кормах.",
        "Аудан әкімі Ерлан Жүнісов жол туралы айтты.",
        "Ахметов Серик Жунусович выступил на сессии.",
        "Учитель Рашид Ниязов рассказал о школе.",
        "Директор Ерлан Тастекеев открыл колледж.",
        "Журналист Лукпан Ахмедьяров провёл эфир.",
        "Аким области Тугжанов Ералы Лукпанович провёл совещание.",
        "Предприниматель Арман Лукпанов открыл цех.",
        "Ученик Рустам Сатвалдиев победил на олимпиаде.",
    ],
)
def test_a_namesake_of_a_new_member_is_nobody(roster: SenatorDirectory, text: str) -> None:
    assert roster.find_in_text(text) == []
