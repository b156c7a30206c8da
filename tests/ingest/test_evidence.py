"""Releases unlike the seed: no senator without evidence, Kazakh places/audiences, nominatives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from retrieval.ingest import parse_file
from retrieval.ingest.kazakh import kazakh_audience, kazakh_places
from retrieval.ingest.names import Stoplist, looks_like_name, strip_discourse
from retrieval.ingest.regions import load_gazetteer
from retrieval.ingest.segment import Context
from retrieval.models import Meeting, ParseResult
from tests.ingest.conftest import CORPUS_DIR, FIXTURES

Parse = Callable[..., ParseResult]


def _summary(meetings: list[Meeting]) -> list[tuple[object, ...]]:
    return [(m.senators, m.place, m.audience) for m in meetings]


def _statements(meetings: list[Meeting]) -> list[tuple[str, list[str], str]]:
    return [(s.kind, s.speakers, s.text.split(",")[0]) for m in meetings for s in m.statements]


def test_kazakh_district_release(context: Context) -> None:
    result = parse_file(FIXTURES / "kk_district.txt", corpus_dir=CORPUS_DIR, context=context)
    assert result.ok and result.issues == []
    assert result.corpus.documents[0].date == date(2026, 3, 10)
    meetings = result.corpus.meetings
    assert _summary(meetings) == [
        (
            ["Нурлан Бекназаров"],
            "Сарыағаш ауданы, Түркістан облысы",
            ["ауыл шаруашылығы қызметкерлері"],
        ),
        (["Ляззат Рысбекова"], "Астана", ["студенттер"]),
    ]
    assert _statements(meetings) == [
        (
            "quote",
            ["Нурлан Бекназаров"],
            "Жер және оның қойнауы халықтың меншігі болып қала береді. "
            "Бұл норма ауыл еңбеккерлерінің мүддесін қорғайды",
        ),
        ("reported", ["Нурлан Бекназаров"], "Сенатордың айтуынша"),  # no meeting of "Ата Заң"
        (
            "quote",
            ["Ляззат Рысбекова"],
            "Жастардың білім алуға құқығы Конституцияда нақты кепілдендірілген",
        ),
    ]


def test_news_page_place_in_the_nominative(context: Context) -> None:
    result = parse_file(FIXTURES / "news_karaganda.html", corpus_dir=CORPUS_DIR, context=context)
    assert result.ok and result.issues == []
    (meeting,) = result.corpus.meetings
    assert _summary([meeting]) == [
        (["Ерлан Нурланов"], "Караганда", ["медицинские работники областной больницы"])
    ]
    assert _statements([meeting]) == [
        ("reported", ["Ерлан Нурланов"], "Он рассказал"),
        (
            "quote",
            ["Ерлан Нурланов"],
            "Государство гарантирует каждому доступную и качественную медицинскую помощь",
        ),
    ]
    assert "Врачи задали" not in " ".join(s.text for s in meeting.statements)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "date 2026-03-12\n\nТакже в Шымкенте сенатор Ерлан Нурланов встретился со студентами "
            "колледжа.\n\n– Конституция защищает права молодежи, – сказал сенатор.\n",
            [(["Ерлан Нурланов"], "Шымкент", ["студенты колледжа"])],
        ),
        (
            "date 2026-03-12\n\nСондай-ақ Қарағанды қаласында сенатор Ерлан Нұрланов "
            "дәрігерлермен кездесті.\n\n– Денсаулық сақтау – басты міндет, – деді сенатор.\n\n"
            "Оның айтуынша, Ата Заң азаматтардың құқықтарын қорғайды.\n",
            [(["Ерлан Нұрланов"], "Қарағанды", ["дәрігерлер"])],
        ),
        (
            "2026 жылғы 12 наурыз\n\nСенат депутаты Айбек Жұмабаев Бурабай ауданында "
            "мұғалімдермен кездесті.\n\nОл жаңа Конституция білім беруді қорғайды деп есептейді.\n",
            [(["Айбек Жұмабаев"], "Бурабай ауданы", ["мұғалімдер"])],
        ),
    ],
)
def test_discourse_word_place_and_senator(parse: Parse, text: str, expected: object) -> None:
    result = parse(text)
    assert result.issues == []
    assert _summary(result.corpus.meetings) == expected
    for statement in result.corpus.statements():
        assert statement.speakers == result.corpus.meetings[0].senators


@pytest.mark.parametrize(
    ("tail", "role"),
    [
        ("– сказала учитель Айгуль Сапарова.", "учитель"),
        ("– сказала Айгуль Сапарова, директор школы.", "директор школы"),
    ],
)
def test_quoted_non_senator_keeps_her_words_and_role(parse: Parse, tail: str, role: str) -> None:
    text = (
        "date 2026-03-12\n\nСенатор Жанна Асанова встретилась с педагогами школы в Алматы.\n\n"
        f"– Мы ждём новых гарантий для учителей, {tail}\n\n"
        "– Статус педагога будет закреплён, – ответила Жанна Асанова.\n"
    )
    result = parse(text)
    (meeting,) = result.corpus.meetings
    assert meeting.senators == ["Жанна Асанова"]
    assert [(s.speakers, s.roles, s.text[:6]) for s in meeting.statements] == [
        (["Айгуль Сапарова"], {"Айгуль Сапарова": role}, "Мы ждё"),
        (["Жанна Асанова"], {"Жанна Асанова": "сенатор"}, "Статус"),
    ]
    assert result.issues == []


def test_constitution_and_terms_are_never_people(parse: Parse) -> None:
    text = (
        "date 2026-03-12\n\nСенатор Жанна Асанова встретилась с жителями Алматы. По ее словам, "
        "Основной Закон и Конституция Республики закрепляют права граждан.\n\n"
        "По словам депутата, Ата Заң и Құрылтай станут основой реформы.\n\n"
        "Сенатордың айтуынша, Ата Заң Құрылтай жүйесін бекітеді.\n"
    )
    result = parse(text)
    (meeting,) = result.corpus.meetings  # reported cues never start a meeting
    assert _summary([meeting]) == [(["Жанна Асанова"], "Алматы", ["жители"])]
    assert [s.speakers for s in meeting.statements] == [["Жанна Асанова"]] * 3


def test_senator_named_only_in_a_quote_tail(parse: Parse) -> None:
    text = (
        "date 2026-03-12\n\nВ Таразе прошла встреча с фермерами.\n\n"
        "«Земля остаётся достоянием народа», – подчеркнул сенатор Ерлан Нурланов.\n"
    )
    result = parse(text)
    (meeting,) = result.corpus.meetings
    assert (meeting.senators, meeting.place) == (["Ерлан Нурланов"], "Тараз")
    assert meeting.statements[0].speakers == ["Ерлан Нурланов"]


@pytest.mark.parametrize(
    ("span", "clean"),
    [
        ("Сондай-ақ Астана", "Астана"),
        ("Также Жанна Асанова", "Жанна Асанова"),
        ("Кроме того Ерлан Нурланов", "Ерлан Нурланов"),
        ("Бұдан бөлек Айбек Жұмабаев", "Айбек Жұмабаев"),
        ("Жанна Асанова", "Жанна Асанова"),
    ],
)
def test_strip_discourse(span: str, clean: str) -> None:
    assert strip_discourse(span) == clean


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("Ерлан Нурланов", True),
        ("Айгүл Сапарова", True),
        ("Бибигуль Жексенбай", True),
        ("Асқар Жұмабекұлы", True),
        ("Ата Заң", False),
        ("Сондай-ақ Астана", False),
        ("Казпочта", False),
        ("жители города", False),
    ],
)
def test_looks_like_name(name: str, ok: bool) -> None:
    assert looks_like_name(name) is ok


@pytest.mark.parametrize(
    ("span", "blocked"),
    [
        ("Ата Заң", True),
        ("Конституция", True),
        ("Конституцияда", True),
        ("Құрылтай", True),
        ("Казпочта", True),
        ("Астана", True),
        ("Батыс Қазақстан", True),
        ("Жанна Асанова", False),
        ("Абай Кунанбаев", False),
        # a word of the state's bodies or its Constitution makes no name, whatever the other word
        ("Жаңа Конституция", True),
        ("Біздің Конституциямыз", True),
        ("Жаңа Құрылтайдың", True),
        ("Ерлан Сенатов", False),  # a surname built on one is still a name
    ],
)
def test_stoplist(span: str, blocked: bool) -> None:
    assert Stoplist.load(CORPUS_DIR).blocks(span) is blocked


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        (
            "Сенатор Түркістан облысының Сарыағаш ауданында болды.",
            ["Сарыағаш ауданы, Түркістан облысы"],
        ),
        ("Сондай-ақ Астана қаласында кездесу өтті.", ["Астана"]),
        ("Алматы қаласының Медеу ауданында кездесті.", ["Медеу ауданы, Алматы"]),
        ("Ләззат Рысбекова Батыс Қазақстан облысында болды.", ["Батыс Қазақстан облысы"]),
        ("Қарасу ауылында тұрғындармен кездесті.", ["Қарасу ауылы"]),
        ("Сенатор Шымкентте мұғалімдермен кездесті.", ["Шымкент"]),
        ("Сенатор мұғалімдермен кездесті.", []),
    ],
)
def test_kazakh_places(sentence: str, places: list[str]) -> None:
    gazetteer = load_gazetteer(CORPUS_DIR)
    assert gazetteer is not None
    assert kazakh_places(sentence, {"Рысбекова", "Ләззат"}, gazetteer.town) == places


@pytest.mark.parametrize(
    ("sentence", "audience"),
    [
        (
            "Сондай-ақ Астана қаласында сенатор Ляззат Рысбекова студенттермен кездесіп.",
            ["студенттер"],
        ),
        ("Сенатор ауыл шаруашылығы қызметкерлерімен кездесті.", ["ауыл шаруашылығы қызметкерлері"]),
        (
            "Ол Бөрлі ауданында тұрғындармен және кәсіпкерлермен кездесті.",
            ["тұрғындар", "кәсіпкерлер"],
        ),
    ],
)
def test_kazakh_audience(sentence: str, audience: list[str]) -> None:
    assert kazakh_audience(sentence, {"Ляззат", "Рысбекова"}) == audience


@pytest.mark.parametrize(
    ("word", "town"),
    [
        ("Караганде", "Караганда"),
        ("Шымкенте", "Шымкент"),
        ("Костанае", "Костанай"),
        ("Семее", "Семей"),
        ("Астанада", "Астана"),
        ("Шымкентте", "Шымкент"),
        ("Алматы", "Алматы"),
        ("Москве", None),
    ],
)
def test_town_nominative(word: str, town: str | None) -> None:
    gazetteer = load_gazetteer(Path(CORPUS_DIR))
    assert gazetteer is not None and gazetteer.town(word) == town


def test_the_text_calls_her_a_senator_in_the_next_sentence(parse: Parse) -> None:
    text = (
        "date 2026-03-12\n\nАйгерим Болатова обсудила проект с коллективом завода. Сенатор "
        "отметила роль промышленности.\n\n– Труд защищён Конституцией, – сказала Айгерим "
        "Болатова.\n\nСтудентка Дина Серикова встретилась с сенатором после лекции.\n"
    )
    result = parse(text)
    assert [m.senators for m in result.corpus.meetings] == [["Айгерим Болатова"]]
    assert result.corpus.statements()[-1].speakers == ["Айгерим Болатова"]
