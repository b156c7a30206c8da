"""An invented Kazakh release: 'деді сенатор', 'деп атап өтті Нұрлан Бекназаров', 'айтуынша'."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from retrieval.ingest import parse_file
from retrieval.ingest.segment import Context
from retrieval.models import ParseResult
from tests.ingest.conftest import CORPUS_DIR, FIXTURES


def test_kazakh_release_meetings_and_speakers(context: Context) -> None:
    result = parse_file(FIXTURES / "kk_release.txt", corpus_dir=CORPUS_DIR, context=context)
    assert result.ok
    (document,) = result.corpus.documents
    assert (document.language, document.date) == ("kk", date(2026, 3, 6))
    first, second = result.corpus.meetings
    assert first.senators == ["Нурлан Бекназаров"]  # Kazakh spelling → canonical Russian name
    assert first.place == "Шымкент"
    assert first.audience == ["№45 мектеп-гимназиясының ұжымы"]
    assert second.senators == ["Ляззат Рысбекова"]
    assert second.place == "Бөрлі ауданы, Батыс Қазақстан облысы"  # district, then region
    assert second.audience == ["тұрғындар", "кәсіпкерлер"]
    quotes = [
        (s.speakers, s.themes) for m in (first, second) for s in m.statements if s.kind == "quote"
    ]
    assert quotes == [(["Нурлан Бекназаров"], ["education"]), (["Ляззат Рысбекова"], ["family"])]
    reported = [s for m in (first, second) for s in m.statements if s.kind == "reported"]
    assert [s.text.split()[:2] for s in reported] == [
        ["Сенатор", "жаңа"],
        ["Сенатордың", "айтуынша,"],
        ["Ол", "сондай-ақ"],
    ]
    assert all(len(s.speakers) == 1 for s in reported)
    assert "land" in reported[-1].themes


def test_kazakh_tail_naming_someone_else_is_not_the_senator(
    parse: Callable[..., ParseResult],
) -> None:
    text = (
        "2026 жылғы 6 наурыз\n\nСенатор Нұрлан Бекназаров мектеп ұжымымен кездесті.\n\n"
        "– Жаңа Конституция біз үшін маңызды, – деді мектеп директоры.\n"
    )
    result = parse(text)
    (quote,) = result.corpus.meetings[0].statements
    assert quote.speakers == []
    assert [i.code for i in result.issues] == ["non_senator_speaker"]
