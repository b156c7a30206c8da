"""Direct-speech detection (no natasha) and attribution rules on small releases."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.ingest.quotes import find_quotes
from retrieval.models import ParseResult

Parse = Callable[..., ParseResult]


def _quotes(text: str) -> list[tuple[str, str | None, bool]]:
    return [
        (q.text, text[q.cue_start : q.cue_end] if q.cue_start is not None else None, q.continues)
        for q in find_quotes(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "– Реформа – это фундамент, – отметила сенатор.",
            [("Реформа – это фундамент", "отметила сенатор.", False)],
        ),
        (
            "— Разве это не важно? — спросила сенатор.",
            [("Разве это не важно?", "спросила сенатор.", False)],
        ),
        (
            "- Первая часть, - отметил Н. Бекназаров. - Вторая часть.",
            [("Первая часть", "отметил Н. Бекназаров.", False), ("Вторая часть.", None, True)],
        ),
        (
            "«Это важный документ для страны», – сказала Жанна Асанова. Потом было другое.",
            [("Это важный документ для страны", "сказала Жанна Асанова.", False)],
        ),
        (
            "Сенатор подчеркнула: «Конституция – основа всего». Далее обсуждали.",
            [("Конституция – основа всего", "Сенатор подчеркнула:", False)],
        ),
        (
            "– Білім беру – елдің болашағы, – деп атап өтті Нұрлан Бекназаров.",
            [("Білім беру – елдің болашағы", "деп атап өтті Нұрлан Бекназаров.", False)],
        ),
        ("— Текст без хвоста.", [("Текст без хвоста.", None, False)]),
        ("Коллектив АО «Казпочта» встретился с сенатором.", []),
        (
            "– Права и ответственность – основа государства.",
            [("Права и ответственность – основа государства.", None, False)],
        ),
        (
            "«Жер – халықтың ортақ байлығы», деді Н.Бекназаров.",
            [("Жер – халықтың ортақ байлығы", "деді Н.Бекназаров.", False)],
        ),
        (
            "«Жер – халықтың ортақ байлығы» деп түйіндеді сенатор.",
            [("Жер – халықтың ортақ байлығы", "деп түйіндеді сенатор.", False)],
        ),
        (
            "Гаухар Досанова: «Право на охрану здоровья остается главным». Потом вопросы.",
            [("Право на охрану здоровья остается главным", "Гаухар Досанова:", False)],
        ),
        (
            'По словам Марата Ибраева, "земля останется у тех, кто на ней работает".',
            [("земля останется у тех, кто на ней работает", "По словам Марата Ибраева,", False)],
        ),
        (
            "Жер – халықтың ортақ байлығы. Бұл норма өзгермейді, – деді Айдар Сұлтанов.",
            [
                (
                    "Жер – халықтың ортақ байлығы. Бұл норма өзгермейді",
                    "деді Айдар Сұлтанов.",
                    False,
                )
            ],
        ),
        (
            "«Абай «Адам бол!» деген. Бұл – Ата заңның өзегі», – деді ол.",
            [("Абай «Адам бол!» деген. Бұл – Ата заңның өзегі", "деді ол.", False)],
        ),
        ("Встреча прошла в рамках акции «Закон и порядок для всех».", []),
        ("Сенатор встретился с жителями, – сообщает пресс-служба.", []),
    ],
)
def test_find_quotes(text: str, expected: list[tuple[str, str | None, bool]]) -> None:
    assert _quotes(text) == expected


TWO = (
    "date 2026-03-05\n\n"
    "Сенаторы Амангельды Есбай и Жанна Асанова встретились с жителями Текели.\n\n"
)


@pytest.mark.parametrize(
    ("quote", "speakers"),
    [
        ("– Текст нормы важен для всех, – отметила она.", []),
        ("– Текст нормы важен для всех, – отметила Асанова.", ["Жанна Асанова"]),
        ("– Текст нормы важен для всех, – сказала Жанна Асанова.", ["Жанна Асанова"]),
        ("«Текст нормы важен для всех», – подчеркнул Есбай.", ["Амангельды Есбай"]),
        (
            "– Текст нормы важен для всех, – считают сенаторы.",
            ["Амангельды Есбай", "Жанна Асанова"],
        ),
        ("– Текст нормы важен для всех, – сказал аким района.", []),
    ],
)
def test_quote_attribution_in_a_two_senator_meeting(
    parse: Parse, quote: str, speakers: list[str]
) -> None:
    (meeting,) = parse(TWO + quote).corpus.meetings
    assert meeting.senators == ["Амангельды Есбай", "Жанна Асанова"]
    assert meeting.statements[-1].kind == "quote"
    assert meeting.statements[-1].speakers == speakers


def test_continued_quote_keeps_the_speaker(parse: Parse) -> None:
    text = TWO + "– Первая часть мысли, – отметил Есбай. – Вторая часть мысли."
    statements = parse(text).corpus.meetings[0].statements
    assert [(s.text, s.speakers) for s in statements] == [
        ("Первая часть мысли", ["Амангельды Есбай"]),
        ("Вторая часть мысли.", ["Амангельды Есбай"]),
    ]


def test_paragraph_with_new_senators_starts_a_new_meeting(parse: Parse) -> None:
    text = (
        "date 2026-03-05\n\nСенатор Жанна Асанова встретилась с жителями Алматы.\n\n"
        "Она отметила, что нормы о земле важны.\n\n"
        "Сенатор Нурлан Бекназаров посетил школу в Шымкенте.\n\n"
        "Он подчеркнул, что образование важно.\n"
    )
    first, second = parse(text).corpus.meetings
    assert (first.senators, first.place) == (["Жанна Асанова"], "Алматы")
    assert (second.senators, second.place) == (["Нурлан Бекназаров"], "Шымкент")
    assert [s.speakers for s in first.statements] == [["Жанна Асанова"]]
    assert [s.speakers for s in second.statements] == [["Нурлан Бекназаров"]]


def test_quote_without_tail_stays_unattributed_with_a_warning(parse: Parse) -> None:
    text = "date 2026-03-05\n\nСенатор Жанна Асанова встретилась с жителями.\n\n– Текст без хвоста."
    result = parse(text)
    assert result.corpus.meetings[0].statements[0].speakers == []  # uncertain: nobody's
    assert [(i.code, i.paragraph) for i in result.issues] == [("quote_without_attribution", 2)]


def test_a_speech_over_several_paragraphs_has_one_speaker(parse: Parse) -> None:
    text = (
        "date 2026-03-05\n\nСенатор Жанна Асанова встретилась с жителями.\n\n"
        "– Первый абзац речи без хвоста.\n\n– Второй абзац речи, – сказала Жанна Асанова.\n\n"
        "«Третья мысль начинается здесь.\n\n«А заканчивается здесь», – добавила она."
    )
    result = parse(text)
    quotes = [(s.text, s.speakers) for s in result.corpus.statements() if s.kind == "quote"]
    assert quotes == [
        ("Первый абзац речи без хвоста.", ["Жанна Асанова"]),
        ("Второй абзац речи", ["Жанна Асанова"]),
        ("Третья мысль начинается здесь. А заканчивается здесь", ["Жанна Асанова"]),
    ]
    assert result.issues == []


@pytest.mark.parametrize(("opens", "closes"), [('"', '"'), ("“", "”")])
def test_a_quote_in_plain_or_curly_marks_over_paragraphs_is_one_quote(
    parse: Parse, opens: str, closes: str
) -> None:
    text = (
        "date 2026-03-05\n\nСенатор Жанна Асанова встретилась с жителями.\n\n"
        f"{opens}Первая мысль начинается здесь.\n\nВторая мысль идет следом.\n\n"
        f"{opens}Третья мысль завершает речь{closes}, – сказала Жанна Асанова.\n\n"
        "По ее словам, жители задали много вопросов."
    )
    quotes = [(s.text, s.speakers) for s in parse(text).corpus.statements() if s.kind == "quote"]
    assert quotes == [
        (
            "Первая мысль начинается здесь. Вторая мысль идет следом. Третья мысль завершает речь",
            ["Жанна Асанова"],
        )
    ]


def test_a_lead_in_applies_only_to_the_next_paragraph(parse: Parse) -> None:
    text = (
        TWO + "Амангельды Есбай подчеркнул:\n\nНормы о земле обсуждались долго.\n\n"
        "– Текст без хвоста."
    )
    statements = parse(text).corpus.meetings[0].statements
    assert statements[-1].kind == "quote" and statements[-1].speakers == []


ONE_RU = "5 марта 2026 года\n\nСенатор Арман Куатбеков встретился с аграриями Аксу.\n\n"
ONE_KK = "2026 жылғы 5 наурыз\n\nСенатор Арман Қуатбеков Ақсу диқандарымен кездесті.\n\n"


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (ONE_RU + "«Корма подорожали вдвое», – сказал Куатбеков.", ["Арман Куатбеков"]),
        (ONE_RU + "«Корма подорожали вдвое», – сказал Петренко.", []),
        (ONE_RU + "«Корма подорожали вдвое», – сказал сенатор.", ["Арман Куатбеков"]),
        (ONE_KK + "«Жем екі есе қымбаттады», – деді Петренко.", []),
        (ONE_KK + "«Жем екі есе қымбаттады», деді Ахметов.", []),
    ],
)
def test_an_unknown_surname_in_a_tail_is_not_the_only_senator(
    parse: Parse, text: str, speakers: list[str]
) -> None:
    (meeting,) = parse(text).corpus.meetings
    assert meeting.statements[-1].kind == "quote"
    assert meeting.statements[-1].speakers == speakers
