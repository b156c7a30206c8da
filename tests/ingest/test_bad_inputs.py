"""Every bad input is an Issue naming the file (and line), never an exception."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retrieval.ingest import build_corpus, parse_file
from retrieval.ingest.decode import MAX_BYTES
from retrieval.ingest.segment import Context
from retrieval.models import Issue, ParseResult
from tests.ingest.conftest import CORPUS_DIR, SEED

Parse = Callable[..., ParseResult]


def _only_error(result: ParseResult, code: str, name: str) -> Issue:
    assert not result.ok and result.corpus.documents == [] and result.corpus.meetings == []
    (issue,) = result.issues
    assert (issue.level, issue.code, issue.file) == ("error", code, name)
    assert name in issue.message
    return issue


def test_empty_file(parse: Parse) -> None:
    _only_error(parse(b"", "empty.txt"), "empty_file", "empty.txt")
    _only_error(parse(b"  \n\r\n  ", "blank.txt"), "empty_file", "blank.txt")


@pytest.mark.parametrize(
    "data",
    [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, "\u200b\u00ad\n\ufeff".encode()],
    ids=["utf8-bom", "utf16-bom", "invisible"],
)
def test_a_bom_or_invisible_characters_only_is_empty(parse: Parse, data: bytes) -> None:
    """It was refused as 'no text after the date', in a file with no date."""
    _only_error(parse(data, "blank.txt"), "empty_file", "blank.txt")


def test_no_text_without_a_date_does_not_mention_one(parse: Parse) -> None:
    issue = _only_error(parse(b"url https://example.org/r/1\n", "link.txt"), "no_text", "link.txt")
    assert "date" not in issue.message


@pytest.mark.parametrize(
    "data",
    [b"date 2026-03-05\n\x00\x01\x02\x03binary", b"%PDF-1.7\n%\xe2\xe3", b"PK\x03\x04zip"],
)
def test_binary_data(parse: Parse, data: bytes) -> None:
    issue = _only_error(parse(data, "upload.txt"), "binary", "upload.txt")
    assert issue.line is not None


def test_nul_byte_line_is_reported(parse: Parse) -> None:
    issue = _only_error(parse(b"one\ntwo\nthr\x00ee", "x.txt"), "binary", "x.txt")
    assert issue.line == 3


def test_unknown_encoding_names_the_line(parse: Parse) -> None:
    data = b"date 2026-03-05\nok line\n" + "日本語のテキストです。これはテストです。".encode(
        "shift_jis"
    )
    issue = _only_error(parse(data, "sjis.txt"), "unknown_encoding", "sjis.txt")
    assert issue.line == 3


def test_latin1_text_is_an_unknown_encoding(parse: Parse) -> None:
    data = "Le sénateur a rencontré les élèves à l'école.".encode("latin-1")
    _only_error(parse(data, "fr.txt"), "unknown_encoding", "fr.txt")


def test_cp1251_and_utf16_bom_are_read(parse: Parse) -> None:
    text = "5 марта 2026 г.\n\nСенатор Жанна Асанова встретилась с жителями Алматы."
    for data in (text.encode("cp1251"), codecs.BOM_UTF16_LE + text.encode("utf-16-le")):
        result = parse(data)
        assert result.ok and result.corpus.meetings[0].senators == ["Жанна Асанова"]


def test_huge_upload_is_refused(parse: Parse) -> None:
    data = ("Сенатор Жанна Асанова встретилась с жителями.\n" * 40_000).encode()
    assert len(data) > MAX_BYTES
    _only_error(parse(data, "huge.txt"), "too_large", "huge.txt")


def test_huge_file_is_refused_without_reading_it(tmp_path: Path, context: Context) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (MAX_BYTES + 1))
    result = parse_file(path, corpus_dir=CORPUS_DIR, context=context)
    _only_error(result, "too_large", "huge.txt")


@pytest.mark.parametrize("name", ["release.pdf", "release.docx", "README", "notes.rtf"])
def test_unsupported_extension(parse: Parse, name: str) -> None:
    _only_error(parse(b"date 2026-03-05 text", name), "unsupported_format", name)


def test_missing_file_is_an_error(tmp_path: Path, context: Context) -> None:
    result = parse_file(tmp_path / "gone.txt", corpus_dir=CORPUS_DIR, context=context)
    _only_error(result, "read_error", "gone.txt")


def test_broken_html_still_yields_its_text(parse: Parse) -> None:
    page = (
        "<html><body><nav>Меню</nav><article><h1>Встреча<p>5 марта 2026 г.<p>В Алматы сенатор "
        "Жанна Асанова встретилась с жителями.<p>– Новая Конституция защищает труд, – "
        "отметила <b>она</i>.<div><p>Конец"
    )
    result = parse(page.encode(), "broken.html")
    assert result.ok
    (meeting,) = result.corpus.meetings
    assert meeting.senators == ["Жанна Асанова"]
    assert meeting.statements[0].speakers == ["Жанна Асанова"]
    assert "Меню" not in result.corpus.model_dump_json()


def test_html_without_article_text_is_an_error(parse: Parse) -> None:
    page = b"<html><head><title>x</title><script>var a = 1;</script></head><body><nav>menu</nav>"
    _only_error(parse(page, "empty.html"), "no_text", "empty.html")


def test_no_date_is_a_warning(parse: Parse) -> None:
    result = parse("Сенатор Жанна Асанова встретилась с жителями Алматы.\n", "nodate.txt")
    assert result.ok and result.corpus.documents[0].date is None
    (issue,) = result.issues
    assert (issue.level, issue.code, issue.line) == ("warning", "no_date", 1)


def test_no_senator_is_a_warning(parse: Parse) -> None:
    text = "5 марта 2026 г.\n\nВ Алматы прошла встреча с жителями. Обсуждались нормы о земле.\n"
    result = parse(text, "nobody.txt")
    assert result.ok
    (issue,) = result.issues
    assert (issue.code, issue.paragraph, issue.line) == ("no_senator", 1, 3)
    assert "nobody.txt:3: paragraph 1" in issue.message


MULTI = """date 2026-03-05

Сенаторы Амангельды Есбай и Галиаскар Сарыбаев встретились с жителями города Текели.

– Конституция важна для всех граждан страны, – отметил сенатор.

– Это наш общий выбор и наша ответственность, – отметили сенаторы.

– Закон должен быть един для всех, – подчеркнул Сарыбаев.

Сенатор подчеркнул, что нормы о земле важны.
"""


def test_unattributed_quote_in_a_multi_senator_meeting(parse: Parse) -> None:
    result = parse(MULTI, "multi.txt")
    (meeting,) = result.corpus.meetings
    quotes = [s for s in meeting.statements if s.kind == "quote"]
    assert [q.speakers for q in quotes] == [
        [],
        ["Амангельды Есбай", "Галиаскар Сарыбаев"],
        ["Галиаскар Сарыбаев"],  # surname only, any case: still the meeting's senator
    ]
    codes = [(i.code, i.paragraph, i.line) for i in result.issues]
    assert ("unattributed_quote", 2, 5) in codes
    assert ("unattributed_reported", 5, 11) in codes
    reported = meeting.statements[-1]
    assert reported.kind == "reported" and reported.speakers == []


def test_other_speakers_are_never_given_to_the_senator(parse: Parse) -> None:
    text = (
        "date 2026-03-05\n\nСенатор Жанна Асанова встретилась с жителями села Бесагаш.\n\n"
        "– Спасибо за подробные разъяснения, – сказала жительница села.\n\n"
        "– Текст нормы о семье очень важен, – отметил Жанна Асанова.\n"
    )
    result = parse(text)
    statements = result.corpus.meetings[0].statements
    assert [s.speakers for s in statements] == [[], ["Жанна Асанова"]]
    codes = {i.code for i in result.issues}
    assert {"non_senator_speaker", "gender_mismatch"} <= codes


def test_lead_in_colon_gives_the_speaker(parse: Parse) -> None:
    text = (
        "date 2026-03-05\n\nСенаторы Амангельды Есбай и Галиаскар Сарыбаев встретились с "
        "жителями Текели. Амангельды Есбай подчеркнул:\n\n– Новая Конституция защищает труд.\n"
    )
    quote = parse(text).corpus.meetings[0].statements[-1]
    assert (quote.kind, quote.speakers) == ("quote", ["Амангельды Есбай"])


def test_build_survives_broken_files_and_orders_documents(tmp_path: Path, context: Context) -> None:
    first, second = tmp_path / "raw1", tmp_path / "raw2"
    first.mkdir()
    second.mkdir()
    (first / "b-later.txt").write_text(
        "7 марта 2026 г.\n\nСенатор Жанна Асанова встретилась с жителями Алматы.", "utf-8"
    )
    (first / "a-binary.txt").write_bytes(b"\x00\x01garbage")
    (first / "c-notes.pdf").write_bytes(b"%PDF-1.4")
    (first / ".hidden.txt").write_text("ignored", "utf-8")
    (second / "seed.txt").write_bytes(SEED.read_bytes())
    (second / "z-copy.txt").write_bytes(SEED.read_bytes().replace(b"\n", b"\r\n"))
    corpus, issues = build_corpus(
        [first, tmp_path / "missing", second], corpus_dir=CORPUS_DIR, context=context
    )
    assert [d.source for d in corpus.documents] == ["seed.txt", "b-later.txt"]
    assert len(corpus.meetings) == 7
    codes = sorted((i.file, i.code) for i in issues)
    assert codes == [
        ("a-binary.txt", "binary"),
        ("c-notes.pdf", "unsupported_format"),
        ("z-copy.txt", "duplicate_document"),
    ]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.text(alphabet="абвгд еёжз\n\r\t–—-«»\"'.,:!?<>/#*ӘәҚқ05 марта2026", max_size=300).map(
            str.encode
        ),
    ),
    name=st.sampled_from(["a.txt", "a.md", "a.html", "a.htm", "a.doc"]),
)
def test_parse_bytes_never_raises(parse: Parse, data: bytes, name: str) -> None:
    result = parse(data, name)
    assert all(i.file == name for i in result.issues)
    if not result.ok:
        assert result.corpus.meetings == []


def test_a_huge_paragraph_is_refused_in_any_format() -> None:
    from retrieval.ingest import parse_bytes

    blob = "слово " * 40_000
    for name, data in [
        ("huge.txt", f"date 2026-03-05\n{blob}\n".encode()),
        ("huge.html", f"<html><body><article><p>{blob}</p></article></body></html>".encode()),
    ]:
        result = parse_bytes(name, data, corpus_dir=CORPUS_DIR)
        assert [i.code for i in result.issues if i.level == "error"] == ["paragraph_too_long"]
