"""A digest's lead ("senators met residents of X, Y and Z regions") names every meeting's region
before any senator: with several meetings it is no one meeting's place or audience."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.ingest.build import ParseResult
from tests.ingest.conftest import by_senator

DIGEST_RU = """date 2026-02-10
Сенаторы побывали в регионах

Депутаты Сената встретились с жителями Павлодарской, Акмолинской и Костанайской областей.

Сенатор Тимур Абенов встретился с аграриями в Экибастузе.

В Кокшетау сенатор Айжан Серикова провела встречу со студентами университета.
"""

SINGLE_RU = """date 2026-02-10
Встреча в Павлодаре

Жители Павлодарской области встретились с депутатом Сената.

Сенатор Тимур Абенов рассказал о новых правах граждан.
"""

DIGEST_KK = """date 2026-02-11
Ата заң жобасы түсіндірілді

Сенат депутаттары Павлодар және Ақмола облыстарының тұрғындарымен кездесті.

Сенатор Тимур Абенов Екібастұз қаласында кеншілермен кездесті.

Ал сенатор Айжан Серикова Көкшетауда студенттермен кездесті.
"""


def test_russian_digest_lead_places_go_to_no_meeting(parse: Callable[..., ParseResult]) -> None:
    meetings = parse(DIGEST_RU).corpus.meetings
    first, second = by_senator(meetings, "Абенов"), by_senator(meetings, "Серикова")
    assert first.place is not None and "Экибастуз" in first.place
    assert "Павлодар" not in first.place and "Костанай" not in first.place
    assert not any("жител" in a for a in first.audience)
    assert second.place is not None and "Кокшетау" in second.place


def test_kazakh_digest_lead_places_go_to_no_meeting(parse: Callable[..., ParseResult]) -> None:
    meetings = parse(DIGEST_KK).corpus.meetings
    first = by_senator(meetings, "Абенов")
    assert first.place is not None and "Екібастұз" in first.place
    assert "Павлодар" not in first.place and "Ақмола" not in first.place
    assert not any("тұрғын" in a for a in first.audience)


def test_a_single_meeting_keeps_its_lead_place(parse: Callable[..., ParseResult]) -> None:
    (meeting,) = parse(SINGLE_RU).corpus.meetings
    assert meeting.place is not None and "Павлодар" in meeting.place
