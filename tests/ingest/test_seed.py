"""The founding release: six meetings, six attributed quotes, reported statements kept."""

from __future__ import annotations

from datetime import date

import pytest

from retrieval.ingest import parse_file
from retrieval.ingest.segment import Context
from retrieval.models import ParseResult
from tests.ingest.conftest import CORPUS_DIR, SEED, by_senator

MEETINGS = [
    (["Бибигуль Жексенбай"], None, ["коллектив АО «Казатомпром»"]),
    (["Жанна Асанова"], "Алматы", ["коллектив АО «Казпочта»"]),
    (
        ["Амангельды Есбай", "Галиаскар Сарыбаев", "Султан Дюсембинов"],
        "область Жетысу, Текели, Кербулакский район",
        [
            "жители",
            "трудовые коллективы",
            "представители общественности",
            "жители города",
            "коллектив ТОО «Tasun»",
            "представители интеллигенции",
            "военнослужащие воинской части",
            "работники сферы здравоохранения",
            "коллектив производственного кооператива «Карашокы»",
        ],
    ),
    (["Жанболат Жоргенбаев"], "Жамбылский район Алматинской области", ["жители"]),
    (["Нурлан Бекназаров"], "Шымкент", ["педагогический коллектив международной школы ALAN"]),
    (
        ["Ляззат Рысбекова"],
        "Таскалинский и Байтерекский районы ЗКО",
        [
            "жители",
            "представители социальной сферы",
            "предприниматели",
            "трудовые коллективы",
            "представители аграрного сектора",
        ],
    ),
]

QUOTES = [
    ("Закрепление приоритета науки", "отечественной промышленности", "Бибигуль Жексенбай"),
    ("Конституционная реформа – это не просто", "обычного человека труда", "Жанна Асанова"),
    ("Проект новой Конституции выносится", "принимал осознанное решение", "Амангельды Есбай"),
    ("Конституционная реформа направлена", "государственной политики", "Жанболат Жоргенбаев"),
    ("В проекте новой Конституции особое", "человеческого капитала", "Нурлан Бекназаров"),
    ("В проекте новой Конституции брак", "как обязанность государства", "Ляззат Рысбекова"),
]


def test_document_date_title_and_no_warnings(seed: ParseResult) -> None:
    assert seed.ok and seed.issues == []
    (document,) = seed.corpus.documents
    assert document.date == date(2026, 3, 5)
    assert document.source == SEED.name
    assert document.language == "ru"
    # no headline of its own: a neutral title, never a sentence about one senator
    assert document.title == "Сенат РК, пресс-релиз от 5 марта 2026"
    assert all(m.date == date(2026, 3, 5) for m in seed.corpus.meetings)


def test_six_meetings_with_senators_places_audiences(seed: ParseResult) -> None:
    got = [(m.senators, m.place, m.audience) for m in seed.corpus.meetings]
    assert got == MEETINGS


@pytest.mark.parametrize(("start", "end", "speaker"), QUOTES)
def test_each_quote_is_attributed_to_its_senator(
    seed: ParseResult, start: str, end: str, speaker: str
) -> None:
    quotes = [s for s in seed.corpus.statements() if s.kind == "quote"]
    (quote,) = [q for q in quotes if q.text.startswith(start)]
    assert quote.text.endswith(end)  # tail and the comma before it are stripped
    assert quote.speakers == [speaker]
    meeting = next(m for m in seed.corpus.meetings if quote in m.statements)
    assert speaker in meeting.senators


def test_exactly_six_quotes_and_no_dash_or_tail_left(seed: ParseResult) -> None:
    quotes = [s for s in seed.corpus.statements() if s.kind == "quote"]
    assert len(quotes) == 6
    for quote in quotes:
        assert not quote.text.startswith(("–", "—", "-"))
        assert "отметил" not in quote.text and "подчеркнул" not in quote.text


def test_reported_statements_keep_verbatim_sentences(seed: ParseResult) -> None:
    reported = {s.text: s for s in seed.corpus.statements() if s.kind == "reported"}
    original = SEED.read_text("utf-8")
    assert all(text in original for text in reported)
    esbay = by_senator(seed.corpus.meetings, "Есбай")
    emphasised = next(t for t in reported if t.startswith("Подчеркнуто, что"))
    assert reported[emphasised].speakers == esbay.senators  # impersonal cue → all three
    said = next(t for t in reported if t.startswith("По его словам"))
    assert reported[said].speakers == ["Нурлан Бекназаров"]
    he = next(t for t in reported if t.startswith("Он подчеркнул"))
    assert reported[he].speakers == ["Жанболат Жоргенбаев"]
    deputy = next(t for t in reported if t.startswith("По словам депутата"))
    assert reported[deputy].speakers == ["Бибигуль Жексенбай"]


def test_narrative_content_sentences_are_the_meetings_summary(seed: ParseResult) -> None:
    reported = {s.text: s for s in seed.corpus.statements() if s.kind == "reported"}
    land = next(t for t in reported if "о земле и природных ресурсах" in t)
    assert reported[land].speakers == [
        "Амангельды Есбай",
        "Галиаскар Сарыбаев",
        "Султан Дюсембинов",
    ]
    assert "land" in reported[land].themes
    teacher = next(t for t in reported if "статуса педагога" in t)
    assert reported[teacher].speakers == ["Нурлан Бекназаров"]


def test_meeting_logistics_and_participants_are_not_statements(seed: ParseResult) -> None:
    texts = [s.text for s in seed.corpus.statements()]
    assert not any(
        t.startswith(("Ряд встреч", "В городе Текели", "Также состоялись")) for t in texts
    )
    assert not any(t.startswith("Кроме того, сенатор встретилась") for t in texts)
    assert not any(t.startswith("В рамках встречи участники") for t in texts)  # not a senator


def test_rysbekova_second_paragraph_is_the_same_meeting(seed: ParseResult) -> None:
    meeting = by_senator(seed.corpus.meetings, "Рысбекова")
    assert "представители аграрного сектора" in meeting.audience
    last = meeting.statements[-1]
    assert last.text.startswith("Депутат подчеркнула, что предлагаемые нормы")
    assert last.speakers == ["Ляззат Рысбекова"]
    assert sum(1 for m in seed.corpus.meetings if "Ляззат Рысбекова" in m.senators) == 1


def test_kazpochta_is_not_taken_for_a_person(seed: ParseResult) -> None:
    names = {n for m in seed.corpus.meetings for n in m.senators}
    names |= {n for s in seed.corpus.statements() for n in s.speakers}
    assert len(names) == 8 and not any("Казпочт" in n for n in names)


def test_every_statement_has_a_speaker_and_themes_on_quotes(seed: ParseResult) -> None:
    for statement in seed.corpus.statements():
        assert statement.speakers
    quote = next(s for s in seed.corpus.statements() if "брак определяется" in s.text)
    assert "family" in quote.themes


def test_reparsing_gives_identical_ids(seed: ParseResult, context: Context) -> None:
    again = parse_file(SEED, corpus_dir=CORPUS_DIR, context=context)
    assert again.corpus == seed.corpus
    ids = [m.id for m in seed.corpus.meetings] + [s.id for s in seed.corpus.statements()]
    assert len(ids) == len(set(ids))
    assert all(s.meeting_id == m.id for m in seed.corpus.meetings for s in m.statements)
