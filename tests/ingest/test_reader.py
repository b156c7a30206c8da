"""Dates, titles and paragraphs from plain text, Markdown and HTML."""

from __future__ import annotations

from datetime import date

import pytest

from retrieval.ingest.dates import parse_date_prefix
from retrieval.ingest.reader import RawDocument, read_document


@pytest.mark.parametrize(
    ("line", "expected", "rest"),
    [
        (" date 2026-03-05 Важность закрепления", date(2026, 3, 5), "Важность закрепления"),
        ("5 марта 2026 г.", date(2026, 3, 5), ""),
        ("5 марта 2026 года В Алматы", date(2026, 3, 5), "В Алматы"),
        ("05.03.2026", date(2026, 3, 5), ""),
        ("5 мая 2026 г.", date(2026, 5, 5), ""),
        ("2026 жылғы 5 наурыз", date(2026, 3, 5), ""),
        ("March 5, 2026", date(2026, 3, 5), ""),
        ("2026-03-05T11:20:00+05:00", date(2026, 3, 5), ""),
        ("05.03.2026, 11:20 Сенатор", date(2026, 3, 5), "Сенатор"),
    ],
)
def test_date_lines(line: str, expected: date, rest: str) -> None:
    assert parse_date_prefix(line) == (expected, rest)


@pytest.mark.parametrize(
    "line", ["В Алматы", "31.02.2026", "12 марта в Алматы 2026", "2026-03-05x"]
)
def test_not_date_lines(line: str) -> None:
    assert parse_date_prefix(line) is None


def _read(text: str, name: str = "r.txt") -> RawDocument:
    document, issues = read_document(name, text.encode())
    assert document is not None, issues
    return document


def test_lines_without_blank_lines_are_paragraphs_each() -> None:
    doc = _read("05.03.2026\nПервый абзац.\nВторой абзац.\n– Цитата, – сказал он.")
    assert [(p.index, p.line, p.text) for p in doc.paragraphs] == [
        (1, 2, "Первый абзац."),
        (2, 3, "Второй абзац."),
        (3, 4, "– Цитата, – сказал он."),
    ]


def test_wrapped_lines_join_but_a_dash_line_starts_a_paragraph() -> None:
    doc = _read("05.03.2026\n\nПервая строка\nпродолжение.\n— Цитата, — сказал он.\n\nДальше.")
    assert [p.text for p in doc.paragraphs] == [
        "Первая строка продолжение.",
        "— Цитата, — сказал он.",
        "Дальше.",
    ]
    assert [p.line for p in doc.paragraphs] == [3, 5, 7]


def test_headline_above_the_date_is_the_title() -> None:
    doc = _read("Сенаторы встретились с жителями\n5 марта 2026 г.\n\nТекст релиза.")
    assert doc.title == "Сенаторы встретились с жителями"
    assert doc.date == date(2026, 3, 5)
    assert [p.text for p in doc.paragraphs] == ["Текст релиза."]


def test_without_a_headline_the_title_is_neutral_never_a_sentence() -> None:
    sentence = "Сенатор " + "очень " * 40 + "долго говорил."
    doc = _read(f"05.03.2026\n\n{sentence} Второе предложение.")
    assert doc.title == "Сенат РК, пресс-релиз от 5 марта 2026"
    undated = _read(f"{sentence}\n\nВторое предложение.")
    assert undated.title == "Сенат РК, пресс-релиз (без даты)" and undated.date is None
    kazakh = _read("2026 жылғы 6 наурыз\n\nСенатор жаңа Конституция туралы айтты.")
    assert kazakh.title == "ҚР Сенаты, баспасөз релизі, 2026 жылғы 6 наурыз"
    english = _read("05.03.2026\n\nSenator Aidos Kermenov spoke about the draft Constitution.")
    assert english.title == "Senate of Kazakhstan, press release of 5 March 2026"
    undated_en = _read("Senator Aidos Kermenov spoke.\n\nThe draft was discussed.")
    assert undated_en.title == "Senate of Kazakhstan, press release (undated)"


def test_a_news_page_or_an_article_about_others_is_no_senate_press_release() -> None:
    """Without a headline, a page with its web address is titled by its site, and a text that
    never names the Senate (an akim's meeting) is a publication: answers cite the source, and
    an akim's article was cited as the Senate's press release."""
    site = _read(
        "url https://www.zakon.kz/6509790\n03.03.2026\n\nСенатор Айдос Керменов встретился."
    )
    assert site.title == "zakon.kz, 3 марта 2026"
    akim = _read("03.03.2026\n\nАким области Ерлан Жумабаев встретился с жителями.")
    assert akim.title == "Публикация от 3 марта 2026"
    kazakh = _read("2026 жылғы 6 наурыз\n\nОблыс әкімі тұрғындармен кездесті.")
    assert kazakh.title == "Жарияланым, 2026 жылғы 6 наурыз"


def test_own_headline_url_line_and_furniture() -> None:
    doc = _read(
        "url https://senate.example.kz/news/1\ndate 2026-03-05\n"
        "Сенаторы встретились с аграриями\n\n"
        "Фото: пресс-служба Сената\n\nАСТАНА. Сенатор Арман Куатбеков встретился с аграриями.\n\n"
        "Читайте также: Мажилис одобрил закон\n\n1 204 просмотра\n\nАвтор: Алия Нуржанова"
    )
    assert doc.url == "https://senate.example.kz/news/1" and doc.date == date(2026, 3, 5)
    assert doc.title == "Сенаторы встретились с аграриями"
    assert [p.text for p in doc.paragraphs] == ["Сенатор Арман Куатбеков встретился с аграриями."]


def test_markdown_front_matter_heading_and_markup() -> None:
    text = (
        "---\ntitle: Из front matter\ndate: 2026-03-05\n---\n# Не заголовок документа\n\n"
        "> **Жирный** и _курсив_, [ссылка](http://x.kz), `код` и ![фото](a.png).\n\n"
        "* пункт списка\n\n---\n\n\\- Цитата, - сказал он."
    )
    doc = _read(text, "r.md")
    assert doc.title == "Из front matter" and doc.date == date(2026, 3, 5)
    assert [p.text for p in doc.paragraphs] == [
        "Не заголовок документа",
        "Жирный и курсив, ссылка, код и .",
        "пункт списка",
        "- Цитата, - сказал он.",
    ]


def test_html_time_element_and_title_fallback() -> None:
    page = (
        "<html><head><title>Новость | Сайт</title></head><body><div class='content'>"
        "<p><time datetime='2026-03-05'>вчера</time></p><p>Первый абзац статьи.</p>"
        "<p>Второй абзац<br>после переноса.</p></div></body></html>"
    )
    doc = _read(page, "p.htm")
    assert doc.title == "Новость" and doc.date == date(2026, 3, 5)
    assert [p.text for p in doc.paragraphs] == [
        "вчера",
        "Первый абзац статьи.",
        "Второй абзац",
        "после переноса.",
    ]


def test_html_sniffed_inside_a_txt_file() -> None:
    doc = _read("<!DOCTYPE html><html><body><article><p>05.03.2026</p><p>Текст.</p></article>")
    assert doc.date == date(2026, 3, 5) and [p.text for p in doc.paragraphs] == ["Текст."]


def test_language_detection() -> None:
    assert _read("05.03.2026\n\nСенатор жаңа Конституция жобасын түсіндірді.").language == "kk"
    assert _read("05.03.2026\n\nThe senator met residents of Almaty.").language == "en"
