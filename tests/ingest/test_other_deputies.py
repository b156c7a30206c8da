"""Deputies of other bodies are never senators: a maslikhat's deputies named in Kazakh ("облыстық
мәслихат депутаттары X пен Y"), and a bare "депутат" in an article that never names the Senate."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.ingest.build import ParseResult

KK_WITH_MASLIKHAT = (
    "date 2026-02-12\nСенатор ауыл еңбеккерлерімен кездесті\n\n"
    "Сенат депутаты Тимур Абенов Екібастұз қаласында кеншілермен кездесті. Кездесуге облыстық "
    "мәслихат депутаттары Кәмшат Ахметова мен Нұрлан Оразов қатысты.\n\n"
    "«Жаңа Ата заң еңбек адамының құқығын қорғайды», деді Тимур Абенов.\n"
)

RU_NO_SENATE = """date 2026-02-12
Депутат встретился с аграриями

Депутат Айдар Сейтов встретился с аграриями района и рассказал о проекте новой Конституции.

«Земля должна оставаться в руках народа», – сказал депутат Айдар Сейтов.
"""

PASTED_PAGE = (
    "ШАРУАЛАРҒА ЖАҢА ЖОБА ТҮСІНДІРІЛДІ\n"
    "Аудандық мәслихатта жаңа Конституция жобасына арналған жиын өтті.\n"
    "Жиынға кәсіпкерлер мен фермерлер қатысты.\n"
)


def test_kazakh_maslikhat_deputies_are_not_senators(parse: Callable[..., ParseResult]) -> None:
    corpus = parse(KK_WITH_MASLIKHAT).corpus
    senators = {n for m in corpus.meetings for n in m.senators}
    assert senators == {"Тимур Абенов"}
    (quote,) = [s for s in corpus.statements() if s.kind == "quote"]
    assert quote.speakers == ["Тимур Абенов"]


def test_a_bare_deputy_is_no_senator_where_the_senate_is_never_named(
    parse: Callable[..., ParseResult],
) -> None:
    corpus = parse(RU_NO_SENATE).corpus
    assert not [n for m in corpus.meetings for n in m.senators]
    for statement in corpus.statements():
        assert all(role != "сенатор" for role in statement.roles.values())


def test_headline_of_a_page_pasted_one_paragraph_per_line(
    parse: Callable[..., ParseResult],
) -> None:
    corpus = parse(PASTED_PAGE).corpus
    assert corpus.documents[0].title == "ШАРУАЛАРҒА ЖАҢА ЖОБА ТҮСІНДІРІЛДІ"


LONG_LEAD = """date 2026-01-26
Комиссия обсудила раздел о парламенте

Депутат Сената Парламента Тимур Абенов сообщил, что раздел о парламенте будет переписан.

Председатель Сената Парламента Республики Казахстан Айжан Серикова поддержала предложение.
"""

NARRATIVE_FIRST = (
    "date 2026-01-20\nНовый парламент\n\n"
    "Глава государства предложил новую структуру парламента.\n\n"
    "Новый парламент будет избираться сроком на пять лет, а право на землю останется за народом. "
    "Сенатор Тимур Абенов поддержал предложение.\n"
)


def test_a_long_senate_title_before_the_name_makes_no_phantom_person(
    parse: Callable[..., ParseResult],
) -> None:
    corpus = parse(LONG_LEAD).corpus
    assert {n for m in corpus.meetings for n in m.senators} == {"Тимур Абенов", "Айжан Серикова"}
    speakers = {n for s in corpus.statements() for n in s.speakers}
    assert speakers <= {"Тимур Абенов", "Айжан Серикова"}


def test_narrative_before_the_senator_is_named_is_not_his(
    parse: Callable[..., ParseResult],
) -> None:
    corpus = parse(NARRATIVE_FIRST).corpus
    (meeting,) = [m for m in corpus.meetings if m.senators]
    assert meeting.senators == ["Тимур Абенов"]
    before = [s for s in corpus.statements() if s.text.startswith("Новый парламент будет")]
    assert all(not s.speakers for s in before)


def test_a_sentence_opening_time_word_is_no_first_name(parse: Callable[..., ParseResult]) -> None:
    """ "Вчера Карплюк …": "Вчера" is not the first name of another person called Карплюк."""
    text = "date 2026-02-02\nВстреча в Костанае\n\nВчера Карплюк встретился с жителями Костаная.\n"
    senators = {n for m in parse(text).corpus.meetings for n in m.senators}
    assert senators == {"Сергей Карплюк"}
