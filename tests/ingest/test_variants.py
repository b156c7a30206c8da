"""The same release re-typed or saved another way parses to the same meetings, speakers and ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.ingest import parse_file
from retrieval.ingest.segment import Context
from retrieval.ingest.text import norm_key
from retrieval.models import Corpus, ParseResult
from tests.ingest.conftest import CORPUS_DIR, FIXTURES

VARIANTS = ["retyped_emdash_crlf.txt", "retyped_cp1251.txt", "retyped_bom.md", "saved_page.html"]


def _shape(corpus: Corpus) -> list[tuple[object, ...]]:
    return [
        (
            m.id,
            m.senators,
            m.place,
            m.audience,
            [(s.id, s.kind, norm_key(s.text), s.speakers, s.themes) for s in m.statements],
        )
        for m in corpus.meetings
    ]


def _parse(name: str, context: Context) -> ParseResult:
    return parse_file(FIXTURES / name, corpus_dir=CORPUS_DIR, context=context)


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_matches_the_seed(name: str, seed: ParseResult, context: Context) -> None:
    result = _parse(name, context)
    assert result.ok and result.issues == []
    assert result.corpus.documents[0].id == seed.corpus.documents[0].id
    assert result.corpus.documents[0].date == seed.corpus.documents[0].date
    assert _shape(result.corpus) == _shape(seed.corpus)


def test_fixture_bytes_really_differ_in_the_intended_way() -> None:
    crlf = (FIXTURES / "retyped_emdash_crlf.txt").read_bytes()
    assert b"\r\n" in crlf and "—".encode() in crlf and crlf.startswith("5 марта 2026 г.".encode())
    assert (FIXTURES / "retyped_bom.md").read_bytes().startswith(b"\xef\xbb\xbf")
    cp1251 = (FIXTURES / "retyped_cp1251.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        cp1251.decode("utf-8")


def test_quote_text_stays_verbatim_in_its_own_typing(context: Context) -> None:
    result = _parse("retyped_emdash_crlf.txt", context)
    quote = next(s for s in result.corpus.statements() if s.text.startswith("Конституционная"))
    assert "реформа — это" in quote.text  # the variant's em dash, not the seed's en dash


def test_html_page_drops_navigation_footer_and_sidebar(context: Context) -> None:
    result = _parse("saved_page.html", context)
    (document,) = result.corpus.documents
    assert document.title == "Сенаторы разъясняют проект новой Конституции"
    assert document.source == "https://senate.parlam.kz/ru-RU/news/details/12345"
    dumped = result.corpus.model_dump_json()
    for noise in ("Главная", "Смаилов", "Петров", "cookie", "Поделиться", "Фото", "просмотр"):
        assert noise not in dumped


def test_markdown_heading_is_the_title_and_markup_is_gone(context: Context) -> None:
    result = _parse("retyped_bom.md", context)
    assert result.corpus.documents[0].title == "Сенаторы разъясняют проект новой Конституции"
    dumped = result.corpus.model_dump_json()
    assert "**" not in dumped and "](" not in dumped and "kazatomprom.kz" not in dumped


def test_html_paragraph_lines_point_into_the_page(context: Context, tmp_path: Path) -> None:
    page = (FIXTURES / "saved_page.html").read_text("utf-8")
    broken = page.replace("отметила Жанна Асанова.", "отметила сенатор.").replace(
        "Жанна Асанова обсудила", "Жанна Асанова и Ляззат Рысбекова обсудили"
    )
    path = tmp_path / "page.html"
    path.write_text(broken, "utf-8")
    result = parse_file(path, corpus_dir=CORPUS_DIR, context=context)
    (issue,) = [i for i in result.issues if i.code == "unattributed_quote"]
    line = page.splitlines()[issue.line - 1] if issue.line else ""
    assert "Конституционная реформа" in line
