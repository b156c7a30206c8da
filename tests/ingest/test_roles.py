"""Name forms derived by rule, roles read from the words around a name, captions."""

from __future__ import annotations

import pytest

from retrieval.ingest.caption import apply_caption, caption_facts
from retrieval.ingest.furniture import is_furniture
from retrieval.ingest.mentions import find_mentions
from retrieval.ingest.name_forms import all_forms, kazakh_forms, russian_forms
from retrieval.ingest.roles import classify, role_words, trim_role


@pytest.mark.parametrize(
    ("name", "gender", "forms"),
    [
        ("Нурлан Бекназаров", None, ["Нурлана Бекназарова", "Нурланом Бекназаровым"]),
        ("Жанна Асанова", None, ["Жанны Асановой", "Жанну Асанову"]),
        ("Амангельды Есбай", "m", ["Амангельды Есбая", "Амангельды Есбаем"]),
        ("Бибигуль Жексенбай", "f", []),  # a woman's -бай surname does not change
        ("Евгений Больгерт", None, ["Евгения Больгерта", "Евгении Больгерте"]),
        ("Ольга Перепечина", None, ["Ольги Перепечиной", "Ольгу Перепечину"]),
        ("Дархан Кыдырали", None, ["Дархана Кыдырали", "Дарханом Кыдырали"]),
        ("Геннадий Шиповских", "m", ["Геннадия Шиповских", "Геннадием Шиповских"]),
        ("Ляззат Калтаева", "f", ["Ляззат Калтаевой", "Ляззат Калтаеву"]),
    ],
)
def test_russian_case_forms(name: str, gender: str | None, forms: list[str]) -> None:
    got = russian_forms(name, gender)  # type: ignore[arg-type]
    assert all(f in got for f in forms) and (forms or got == [])
    assert not any(f.endswith(("иха", "иху", "ихом")) for f in got)  # no "Шиповскиха"


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        (
            "Нұрлан Бекназаров",
            ["Нұрлан Бекназаровтың", "Нұрлан Бекназаровқа", "Нұрлан Бекназаровпен"],
        ),
        ("Жанна Асанова", ["Жанна Асанованың", "Жанна Асановаға", "Жанна Асановамен"]),
        (
            "Бібігүл Жексенбай",
            ["Бібігүл Жексенбайдың", "Бібігүл Жексенбайға", "Бібігүл Жексенбаймен"],
        ),
        ("Мәулен Әшімбаев", ["Мәулен Әшімбаевтың", "Мәулен Әшімбаевқа"]),  # -ев after а: back
        ("Евгений Больгерт", ["Евгений Больгерттің", "Евгений Больгертке"]),  # front vowels
        ("Дархан Қыдырәлі", ["Дархан Қыдырәлінің", "Дархан Қыдырәліге"]),
    ],
)
def test_kazakh_case_endings_follow_harmony_and_the_last_sound(name: str, forms: list[str]) -> None:
    got = kazakh_forms(name)
    assert all(f in got for f in forms)


def test_all_forms_has_latin_initials_and_kazakh_initial_forms() -> None:
    forms = all_forms("Нурлан Бекназаров", "Нұрлан Бекназаров")
    for form in ("Nurlan Beknazarov", "Н.Бекназаров", "Н. Бекназаров", "Бекназаров Н.",
                 "Нұрлан Бекназаров", "Н.Бекназаровтың"):  # fmt: skip
        assert form in forms
    assert "Нурлан Бекназаров" not in forms


@pytest.mark.parametrize(
    ("phrase", "senator", "post"),
    [
        ("сенатор", True, None),
        ("депутат Сената Парламента РК", True, None),
        ("Сенат депутаты", True, None),
        ("Председатель Сената", True, "chair"),
        ("спикера Сената", True, "chair"),
        ("Сенат төрағасы", True, "chair"),
        ("вице-спикера Сената", True, "deputy_chair"),
        ("заместитель Председателя Сената", True, "deputy_chair"),
        ("Сенат төрағасының орынбасары", True, "deputy_chair"),
        ("Председатель Мажилиса", False, None),
        ("депутат Мажилиса", False, None),
        ("Мәжіліс депутаты", False, None),
        ("Генеральный прокурор", False, None),
        ("Государственный советник", False, None),
        ("аким области", False, None),
        ("аудан әкімі", False, None),
        ("ректор университета", False, None),
    ],
)
def test_role_words_decide_who_is_a_senator(phrase: str, senator: bool, post: str | None) -> None:
    role = classify(phrase)
    assert role is not None and (role.senator, role.post) == (senator, post)


def test_mentions_lists_and_appositions() -> None:
    text = (
        "Председатель Мажилиса Канат Ержанов и сенатор Айдос Ержанов встретились. "
        "Сенаторлар Асқар Төлеуов пен Меруерт Жанысбаева кездесті. Болат Искаков, депутат "
        "Сената, выступил. Сенаторы Нуржан Абилов, Сауле Темирбаева и Максат Тулегенов."
    )
    got = [(m.surface, m.role.senator if m.role else None) for m in find_mentions(text)]
    assert got == [
        ("Канат Ержанов", False),
        ("Айдос Ержанов", True),
        ("Асқар Төлеуов", True),
        ("Меруерт Жанысбаева", True),
        ("Болат Искаков", True),
        ("Нуржан Абилов", True),
        ("Сауле Темирбаева", True),
        ("Максат Тулегенов", True),
    ]


def test_role_only_references() -> None:
    assert [r.text for r in role_words("– деді аудан әкімі.")] == ["аудан әкімі"]
    assert [(r.text, r.senator) for r in role_words("сказал аким.")] == [("аким", False)]
    assert [r.senator for r in role_words("отметил сенатор.")] == [True]


@pytest.mark.parametrize(
    "line",
    [
        "Фото: пресс-служба Сената",
        "Сурет: Сенаттың баспасөз қызметі",
        "Фото автора",
        "Читайте также: Мажилис одобрил поправки",
        "Теги: Сенат, Конституция",
        "Поделиться: Facebook Telegram",
        "1 532 просмотра",
        "Автор: Гүлнар Әбенова",
        "Индира БЕГАЙДАР",
        "Материал подготовила Динара Сейтова",
    ],
)
def test_page_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    ["Фотография в этом тексте не главное, сенатор говорил о праве.", "Текст проекта опубликован."],
)
def test_text_is_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_caption_url_and_date_go_into_the_file() -> None:
    assert caption_facts("https://senate.kz/news/1 от 05.03.2026") == (
        "https://senate.kz/news/1",
        "2026-03-05",
    )
    assert caption_facts("просто файл") == (None, None)
    text = apply_caption("r.txt", "Текст.".encode(), "05.03.2026 https://x.kz/a")
    assert text.decode() == "url https://x.kz/a\ndate 2026-03-05\nТекст."
    page = apply_caption("r.html", b"<html><body>x</body></html>", "https://x.kz/a")
    assert page.startswith(b'<link rel="canonical" href="https://x.kz/a">')
    assert apply_caption("r.txt", b"x", None) == b"x"


@pytest.mark.parametrize(
    ("phrase", "role"),
    [
        ("ней приняли участие Председатель Мажилиса", "Председатель Мажилиса"),
        ("Генеральный прокурор", "Генеральный прокурор"),
        ("деді аудан әкімі", "аудан әкімі"),
        ("Ақтөбе облысының әкімі", "Ақтөбе облысының әкімі"),
        ("Вице-спикер Сената", "Вице-спикер Сената"),
    ],
)
def test_role_phrase_is_the_role_not_the_clause(phrase: str, role: str) -> None:
    assert trim_role(phrase) == role
