"""People who share a surname are told apart, or left unnamed — never swapped.

The roster's own collisions are found by rule (a surname form that two senators both produce:
Жанна Асанова's nominative is Жакып Асанов's genitive), so a collision that a new roster entry
brings is checked without anyone having to list it. The release texts are invented; real
senators appear only in neutral reported speech, the quotes belong to invented people.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.ingest import SenatorDirectory
from retrieval.ingest.segment import Context
from retrieval.ingest.senators import Senator, read_senators, write_senators
from retrieval.ingest.text import skeleton, words
from retrieval.models import ParseResult
from tests.ingest.conftest import CORPUS_DIR


def _surname_key(form: str) -> str | None:
    tokens = [t for t in words(form) if len(t) > 1]
    return skeleton(tokens[-1]) if tokens and len(tokens[-1]) >= 4 else None


def shared_forms(directory: SenatorDirectory) -> dict[str, dict[str, list[str]]]:
    """surname key → {senator → that senator's full forms ending in it}, for keys two share."""
    owners: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for name, forms in directory.forms().items():
        for form in [name, *forms]:
            key = _surname_key(form)
            if key:
                owners[key][name].append(form)
    return {k: dict(v) for k, v in owners.items() if len(v) > 1}


@pytest.fixture(scope="module")
def roster() -> SenatorDirectory:
    return SenatorDirectory.load(CORPUS_DIR)


def test_every_shared_surname_form_in_the_roster_is_told_apart_or_left_out(
    roster: SenatorDirectory,
) -> None:
    collisions = shared_forms(roster)
    assert "asanova" in collisions  # Жанна's nominative = Жакып's genitive: the known one
    for key, owners in collisions.items():
        for name, forms in owners.items():
            others = set(owners) - {name}
            for form in forms:
                found = roster.find_in_text(form)
                assert not set(found) & others, f"{form!r} ({key}) taken for {found}"
                bare = [t for t in words(form) if len(t) > 1][-1]
                assert roster.find_in_text(bare) == [], f"bare {bare!r} must stay unnamed"
                if len([t for t in words(form) if len(t) > 1]) > 1:  # a first name, not "Ж."
                    assert found == [name], f"{form!r}: the first name decides, got {found}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Жанну Асанову", ["Жанна Асанова"]),  # her accusative = his dative: her first name
        ("Жакыпу Асанову", ["Жакып Асанов"]),
        ("Жанной Асановой", ["Жанна Асанова"]),
        ("Ж.Асанова", []),  # one initial for both: nobody
        ("Асанову", []),
        ("Асанованың", ["Жанна Асанова"]),  # Kazakh: only her name takes -ның after -а
        ("Асановтың", ["Жакып Асанов"]),
    ],
)
def test_asanov_and_asanova(roster: SenatorDirectory, text: str, expected: list[str]) -> None:
    assert roster.find_in_text(text) == expected
    # a post word before the name never outweighs the first name printed with it
    if expected:
        assert roster.find_in_text(text, "deputy_chair") == expected


def test_the_real_pair_in_a_release(parse: Callable[..., ParseResult]) -> None:
    text = (
        "12 февраля 2026 года\n\n"
        "Заместитель Председателя Сената Жакып Асанов и сенатор Жанна Асанова встретились "
        "с педагогами Кокшетау.\n\n"
        "Жакып Асанов рассказал о работе палаты над законами об образовании.\n\n"
        "Жанна Асанова ответила на вопросы учителей о нагрузке.\n"
    )
    meetings = parse(text).corpus.meetings
    assert {n for m in meetings for n in m.senators} == {"Жакып Асанов", "Жанна Асанова"}
    for statement in (s for m in meetings for s in m.statements):
        if "рассказал" in statement.text:
            assert statement.speakers in ([], ["Жакып Асанов"]), statement
        if "ответила" in statement.text:
            assert statement.speakers in ([], ["Жанна Асанова"]), statement


# Invented people: a deputy chair and a senator with one surname, and their quotes.
TLEUBAEV = Senator("Ерболат Тлеубаев", kk="Ерболат Тілеубаев", post="deputy_chair", gender="m")
TLEUBAEVA = Senator("Гульмира Тлеубаева", kk="Гүлмира Тілеубаева", gender="f")
HIS, HERS = TLEUBAEV.name, TLEUBAEVA.name

RU = """\
5 марта 2026 года

Заместитель Председателя Сената Ерболат Тлеубаев и сенатор Гульмира Тлеубаева провели \
встречу с жителями Щучинска.

«Каждое предложение жителей будет изучено», – отметил Е.Тлеубаев.

«Больше всего вопросов было о детских садах», – сказала Гульмира Тлеубаева.

По словам Тлеубаевой, «встречи в районах продолжатся до конца месяца».

Гульмира Тлеубаева отметила: «Сельские школы получат новое оборудование».

«Отчёт о встречах будет направлен в Правительство», – подчеркнул Ерболат Тлеубаев.

«Такие встречи нужны и после референдума», – сказала Тлеубаева.

«Мы возвращаемся сюда осенью», – сказал Тлеубаева.
"""

KK = """\
2026 жылғы 5 наурыз

Сенат Төрағасының орынбасары Ерболат Тілеубаев пен сенатор Гүлмира Тілеубаева Щучинск \
тұрғындарымен кездесті.

«Тұрғындардың әр ұсынысы зерделенеді», – деді Е.Тілеубаев.

«Ең көп сұрақ балабақшалар туралы болды», – деді Гүлмира Тілеубаева.

«Ауыл мектептері жаңа жабдық алады» деп атап өтті Г.Тілеубаева.

«Кездесулер ай соңына дейін жалғасады», – деді Тілеубаева.

Ерболат Тілеубаевтың айтуынша, кездесу қорытындысы Үкіметке жолданады.
"""

# a quote's opening words → who said it (that one or nobody, never the other); None: the text
# itself cannot tell, so nobody
RU_GOLD = {
    "Каждое предложение": HIS,
    "Больше всего": HERS,
    "встречи в районах": HERS,
    "Сельские школы": HERS,
    "Отчёт о встречах": HIS,
    "Такие встречи": HERS,  # "сказала Тлеубаева": hers, or nobody's
    "Мы возвращаемся": None,  # "сказал Тлеубаева": her name or his genitive, a typo either way
}
KK_GOLD = {
    "Тұрғындардың әр": HIS,
    "Ең көп сұрақ": HERS,
    "Ауыл мектептері": HERS,
    "Кездесулер ай": HERS,  # Kazakh does not inflect the name: "Тілеубаева" is only hers
}


# named in full (or by an initial only one of them has): these must be attributed, not dropped
SURE = {"Каждое предложение", "Больше всего", "Отчёт о встречах", "Тұрғындардың әр", "Ең көп сұрақ"}


@pytest.fixture(scope="module")
def invented(context: Context) -> Context:
    return dataclasses.replace(context, directory=SenatorDirectory([TLEUBAEV, TLEUBAEVA]))


@pytest.mark.parametrize(("text", "gold"), [(RU, RU_GOLD), (KK, KK_GOLD)], ids=["ru", "kk"])
def test_shared_surname_quotes_go_to_the_right_one_or_to_nobody(
    invented: Context, text: str, gold: dict[str, str | None]
) -> None:
    from retrieval.ingest import parse_bytes

    result = parse_bytes("release.txt", text.encode(), corpus_dir=CORPUS_DIR, context=invented)
    meetings = result.corpus.meetings
    assert {n for m in meetings for n in m.senators} == {HIS, HERS}
    quotes = [s for m in meetings for s in m.statements if s.kind == "quote"]
    for opening, speaker in gold.items():
        found = [q for q in quotes if opening in q.text]
        assert len(found) == 1, f"{opening!r} lost or split: {[q.text for q in quotes]}"
        other = HERS if speaker == HIS else HIS
        assert other not in found[0].speakers, f"{opening!r} given to {found[0].speakers}"
        if speaker is None:
            assert found[0].speakers == [], f"{opening!r} guessed: {found[0].speakers}"
        if opening in SURE:
            assert found[0].speakers == [speaker], f"{opening!r}: {found[0].speakers}"


# A surname that is also a common first name (the roster's Жусип): the senator is named only
# with the first name beside it. Invented people again: a senator Данияр Серик and a farmer
# whose first name is Серик.
SERIK = Senator("Данияр Серик", kk="Данияр Серік", gender="m", full_name_only=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Данияр Серик", [SERIK.name]),
        ("Данияра Серика", [SERIK.name]),
        ("Данияр Серіктің", [SERIK.name]),
        ("Серик", []),  # the surname alone is anyone's first name
        ("Серику", []),
        ("Серік", []),
        ("Д.Серик", []),  # so is an initial with it
        ("Серик Ахметов", []),
    ],
)
def test_a_full_name_only_senator_needs_his_first_name(text: str, expected: list[str]) -> None:
    assert SenatorDirectory([SERIK]).find_in_text(text) == expected


def test_the_roster_keeps_full_name_only_and_drops_initials(tmp_path: Path) -> None:
    write_senators(tmp_path, [SERIK])
    (back,) = read_senators(tmp_path)
    assert back.full_name_only
    assert not [f for f in back.generated() if "." in f]
    assert "Данияр Серіктің" in back.generated()


def test_the_real_roster_names_zhusip_only_in_full(roster: SenatorDirectory) -> None:
    assert roster.find_in_text("Нұртөре Жүсіптің") == ["Нурторе Жусип"]
    assert roster.find_in_text("Жүсіп") == roster.find_in_text("Жусуп Лесбек") == []


FARMER = """\
12 февраля 2026 года

Данияр Серик провёл встречу с аграриями Аксу.

«Закон о пастбищах будет пересмотрен», – сказал Данияр Серик.

Фермер Серик Ахметов рассказал о ценах на корма.

«Корма подорожали вдвое», – сказал Серик Ахметов.

«Мы ждём решения до весны», – добавил Серик.
"""


def test_a_first_name_in_a_release_is_not_the_full_name_only_senator(context: Context) -> None:
    from retrieval.ingest import parse_bytes

    mine = dataclasses.replace(context, directory=SenatorDirectory([SERIK]))
    result = parse_bytes("release.txt", FARMER.encode(), corpus_dir=CORPUS_DIR, context=mine)
    meetings = result.corpus.meetings
    assert {n for m in meetings for n in m.senators} == {SERIK.name}
    quotes = {s.text: s.speakers for m in meetings for s in m.statements if s.kind == "quote"}
    said = {opening: speakers for text, speakers in quotes.items() for opening in
            ("Закон о пастбищах", "Корма подорожали", "Мы ждём") if opening in text}  # fmt: skip
    assert said["Закон о пастбищах"] == [SERIK.name]
    assert SERIK.name not in said["Корма подорожали"]
    assert said["Мы ждём"] == [] or SERIK.name not in said["Мы ждём"]


ERZHANOV = Senator("Айдос Ержанов", kk="Айдос Ержанов", gender="m")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Аким района Ержанов Канат рассказал о дорогах.", []),  # surname first, another person
        ("Ержанов Қанат аудан әкімі ретінде сөз сөйледі.", []),
        ("Ержанов Айдос встретился с жителями.", [ERZHANOV.name]),  # his own first name
        ("Ержанов А. встретился с жителями.", [ERZHANOV.name]),
        ("Ержанов встретился с жителями.", [ERZHANOV.name]),
        ("Сенатор Ержанов, Канат Смаилов и другие встретились с жителями.", [ERZHANOV.name]),
        (
            "На встрече выступил Ержанов. Канат Смаилов добавил, что дороги построят.",
            [ERZHANOV.name],
        ),
    ],
)
def test_a_different_first_name_after_the_surname_is_another_person(
    text: str, expected: list[str]
) -> None:
    """ "Ержанов Канат" (surname first, as in lists and official notices) is not senator Айдос
    Ержанов; a first name only counts right after the surname, not across a comma or a stop."""
    assert SenatorDirectory([ERZHANOV]).find_in_text(text) == expected
