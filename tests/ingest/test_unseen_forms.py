"""Forms found by running the parser over 28 more published articles it had never seen (read,
never copied; invented people here): other people as the subject of a Kazakh sentence, questions
put to a senator, Latin-script initials and titles, stamp and credit lines, TV captions."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.ingest.build import ParseResult
from retrieval.ingest.furniture import drop_furniture, is_furniture
from retrieval.ingest.text import detect_language
from tests.ingest.conftest import said


def _senators(result: ParseResult) -> set[str]:
    return {n for m in result.corpus.meetings for n in m.senators}


KK_OTHERS = """date 2026-02-18
Сенатор Ойыл ауданында болды

Сенатор Бақытжан Нұрмағанбетов Ойыл ауданының тұрғындарымен кездесті.

Кездесу қатысушылары жаңа Конституция жобасы азаматтардың құқығын кеңейтетінін атап өтті.

Журналистер одан референдум қашан өтетінін деп сұрады.

Сенатор жастар үшін білім туралы бап маңызды екенін атап өтті.
"""


def test_a_kazakh_sentence_about_other_people_is_not_the_senators(
    parse: Callable[..., ParseResult],
) -> None:
    """Kazakh marks no subject: a bare 'қатысушылары', 'журналистер' first is the subject."""
    result = parse(KK_OTHERS)
    assert said(result, "Кездесу қатысушылары").speakers == []
    assert said(result, "Журналистер одан").speakers == []
    # the senator first, and «жастар үшін» is no subject: still the senator's words
    assert said(result, "Сенатор жастар үшін").speakers == ["Бақытжан Нұрмағанбетов"]


RU_ASKED = """date 2026-03-05
Сенатор в Степногорске

Сенатор Ольга Брагина встретилась с коллективом завода в Степногорске.

Журналисты спросили сенатора Ольгу Брагину о сроках референдума.

Сенатор подчеркнула, что новые нормы защищают права работников.
"""


def test_a_question_put_to_a_senator_is_not_her_statement(
    parse: Callable[..., ParseResult],
) -> None:
    result = parse(RU_ASKED)
    assert said(result, "Журналисты спросили").speakers == []
    assert said(result, "Сенатор подчеркнула").speakers == ["Ольга Брагина"]


LATIN = """Senat depýtaty Gúlnaz Ábdikerimova Astana kúni men Tuńǵysh Prezıdent kúni týraly aıtty.

«Bul merekeler tarıhymyzdy eske salady», - dedi senator.

«Jastar bizdiń bolashaǵymyz», dedi aýdan ákimi S.Muqanov.

S.Muqanov jıyndy qorytyndylaı kelip jastardyń rólin atap ótti.
"""


def test_latin_kazakh_initials_with_a_role_and_titles(parse: Callable[..., ParseResult]) -> None:
    """'dedi aýdan ákimi S.Muqanov' is S. Muqanov, not the senator; 'Tuńǵysh Prezıdent' is
    a title, not a second senator (who would make 'dedi senator' ambiguous)."""
    result = parse(LATIN)
    assert result.corpus.documents[0].language == "kk"
    assert _senators(result) == {"Gúlnaz Ábdikerimova"}
    assert said(result, "Bul merekeler").speakers == ["Gúlnaz Ábdikerimova"]
    assert said(result, "Jastar bizdiń").speakers == ["S. Muqanov"]
    assert said(result, "S.Muqanov jıyndy").speakers == ["S. Muqanov"]


def test_kazakh_in_latin_letters_is_kazakh_and_english_is_english() -> None:
    assert detect_language("Senat depýtaty jıynda sóz sóıledi, dedi ol.") == "kk"
    assert detect_language("The senator met residents of the district today.") == "en"


STAMP = """Права сельчан: сенатор о проекте Конституции
Регионы 7 марта 2026 г. 9:40 23 Марина Ковалева
фото пресс-службы Сената Парламента РК
Сенатор Даулет Жакупов встретился с фермерами Аршалынского района.

– Земля остается собственностью народа, – отметил Даулет Жакупов.
"""


def test_a_rubric_date_time_byline_line_is_furniture_that_keeps_its_date(
    parse: Callable[..., ParseResult],
) -> None:
    result = parse(STAMP)
    document = result.corpus.documents[0]
    assert document.title == "Права сельчан: сенатор о проекте Конституции"
    assert str(document.date) == "2026-03-07"
    assert _senators(result) == {"Даулет Жакупов"}  # the byline's author is nobody here
    assert not [s for s in result.corpus.statements() if "Ковалева" in s.text]


def test_credits_hashtags_and_open_source_lines_are_furniture() -> None:
    for line in (
        "Foto Senattyń baspasóz qyzmeti",
        "Сурет Сенаттың баспасөз қызметінен",
        "ашық дереккөзі",
        "Фото из открытых источников",
        "#АЭС в Казахстане",
    ):
        assert is_furniture(line), line
    lines = [(i, "Текст.") for i in range(1, 6)]
    lines.append((6, "Сенат Парламента РК, фото - Новости Site.kz от 11.09.2025 12:20"))
    drop_furniture(lines)
    assert lines[-1] == (6, "")  # a stamp far below the top: its date is not the release's
    # a headline that quotes a senator is no byline
    assert not is_furniture("Ерлан ТӨЛЕУ, сенатор: Ата заң – ортақ шарт")
    assert not is_furniture("Фотовыставка о Конституции открылась в Астане.")


CAPTIONS = """Басты жаңалықтар Жезқазғанда Ата заң жобасы талқыланды

Жезқазғанда Ата заң жобасы талқыланды

Сенатор Айдана Құрманова Жезқазған қаласының кеншілерімен кездесті.

Айдана Құрманова, Сенат депутаты:

Жаңа Ата заң еңбек адамының құқығын күшейтеді.

МАРАТ ОМАРОВ, ҚАЛА ӘКІМІНІҢ ОРЫНБАСАРЫ

Қаладағы барлық учаскелер дайын.

Әсел Бекова «Жарқын» қорының директоры:
– Жастар жаңа құжатты қызығушылықпен оқып жатыр.
"""


def test_tv_captions_without_dash_in_capitals_or_without_comma(
    parse: Callable[..., ParseResult],
) -> None:
    result = parse(CAPTIONS)
    assert result.corpus.documents[0].title == "Жезқазғанда Ата заң жобасы талқыланды"
    assert said(result, "Жаңа Ата заң еңбек").speakers == ["Айдана Құрманова"]
    assert said(result, "Қаладағы барлық учаскелер").speakers == ["Марат Омаров"]
    assert said(result, "Жастар жаңа құжатты").speakers == ["Әсел Бекова"]
    assert _senators(result) == {"Айдана Құрманова"}


INTRODUCED = """date 2026-02-09
Сенатор ауылда

Сенатор Талғат Әбенов Шиелі ауданына келді.
Алдымен Талғат Әбенов жаңа Конституция жобасының мәніне тоқталып өтті.

– Құжатта азаматтың құқығы бірінші орынға шықты.
"""


def test_a_dash_paragraph_after_toqtalyp_otti_is_that_speakers(
    parse: Callable[..., ParseResult],
) -> None:
    assert said(parse(INTRODUCED), "Құжатта азаматтың").speakers == ["Талғат Әбенов"]


VICE = """date 2026-02-27
Встреча в Петропавловске

О новой Конституции шла речь на встрече вице-спикера Сената Ирины Сомовой с учителями
Петропавловска. Вице-спикер подчеркнула, что реформа открывает новые возможности для школы.
"""


def test_a_bare_vice_speaker_in_a_senate_release_is_its_deputy_chair(
    parse: Callable[..., ParseResult],
) -> None:
    """'Вице-спикер подчеркнула' after 'вице-спикера Сената X' (fold() splits the hyphen)."""
    assert said(parse(VICE), "Вице-спикер подчеркнула").speakers == ["Ирина Сомова"]
