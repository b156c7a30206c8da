"""Forms met in real published articles (read, never copied; invented people here): who a quote
with no tail belongs to, a pronoun after another person, a Mazhilis deputy named again, a long
title before a name, nested straight quotes, a senator named only in the headline, and page
furniture that used to become a title or a statement."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.ingest.build import ParseResult
from retrieval.ingest.furniture import is_furniture
from retrieval.ingest.quotes import find_quotes
from tests.ingest.conftest import said

QUOTE_PARAGRAPH = """date 2026-02-20
Форум в районе

Сенатор Динара Абилова приняла участие в форуме аграриев района.

Выступая на открытии форума, глава региона отметил, что район готов к референдуму.

«Сегодняшний форум – это площадка для разговора о селе и о новых правах граждан.»

Сенатор Динара Абилова рассказала о нормах о земле.

«Земля и ее недра принадлежат народу, и эта норма остается в тексте.»
"""


def test_a_tailless_quote_paragraph_is_the_previous_speakers_or_nobodys(
    parse: Callable[..., ParseResult],
) -> None:
    result = parse(QUOTE_PARAGRAPH)
    forum = said(result, "Сегодняшний форум")
    assert forum.kind == "quote" and forum.speakers == []  # the unnamed head of region spoke
    land = said(result, "Земля и ее недра")
    assert land.kind == "quote" and land.speakers == ["Динара Абилова"]


NAME_INSIDE = """date 2026-03-02
Встреча со студентами

Председатель Сената Тимур Абилкасов встретился со студентами университета.

В ходе выступления спикер Сената отметил, что реформа продолжается.

«Эту линию еще в девяностые предлагал академик Серик Болатович Нуртаев.
Теперь права человека стоят в начале текста.»
"""


def test_a_name_inside_a_quote_is_never_its_speaker(parse: Callable[..., ParseResult]) -> None:
    result = parse(NAME_INSIDE)
    quote = said(result, "Эту линию еще в девяностые")
    assert quote.speakers == ["Тимур Абилкасов"]
    assert said(result, "В ходе выступления спикер Сената").speakers == ["Тимур Абилкасов"]
    assert all("Нуртаев" not in n for s in result.corpus.statements() for n in s.speakers)


PRONOUN = """date 2026-03-12
Заседание Сената

Сенатор Лаура Сагынбаева открыла обсуждение законопроекта о парламенте.

Ранее о будущем верхней палаты говорил государственный советник Арман Кенжебаев.
Он добавил, что окончательное решение примут граждане на референдуме.
"""


def test_a_pronoun_after_another_person_is_that_person(parse: Callable[..., ParseResult]) -> None:
    added = said(parse(PRONOUN), "Он добавил")
    assert added.speakers == ["Арман Кенжебаев"]


MAZHILIS_AGAIN = """date 2026-03-13
Сенат төрағасының пікірі

Сенат төрағасы Ғалымжан Сейітқали кеше болған жайтқа қатысты пікірін айтты.

Кеше Мәжіліс отырысында депутат Қуаныш Төлегенов ауылдастарына сәлем жолдаған еді.

Әрине, көршілес палатаның депутаттарына баға беру маған лайық емес, – деді Сенат төрағасы
тілшілерге.

Бұған дейін де депутат Қуаныш Төлегенов Мәжілісте ауыл мәселесін көтерген болатын.
"""


def test_a_mazhilis_deputy_named_again_as_deputy_stays_one(
    parse: Callable[..., ParseResult],
) -> None:
    result = parse(MAZHILIS_AGAIN)
    senators = {n for m in result.corpus.meetings for n in m.senators}
    assert senators == {"Ғалымжан Сейітқали"}
    assert said(result, "Әрине, көршілес палатаның").speakers == ["Ғалымжан Сейітқали"]


LONG_TITLE = """date 2026-01-30
Заседание комиссии

Об этом заявил Заместитель Председателя Сената Парламента Республики Казахстан Кайрат
Омарбеков на заседании комиссии.

"Предки говорили, что без порядка нет страны. Поэт писал: "Где нет закона, там нет и
дома". Порядок нужен, чтобы люди доверяли друг другу", – пояснил он.
"""


def test_a_long_title_before_a_name_gives_no_phantom(parse: Callable[..., ParseResult]) -> None:
    result = parse(LONG_TITLE)
    assert [m.senators for m in result.corpus.meetings] == [["Кайрат Омарбеков"]]
    assert said(result, "Предки говорили").speakers == ["Кайрат Омарбеков"]


def test_nested_straight_quotes_and_mid_paragraph_dashes_are_speech() -> None:
    nested = '"Он писал: "Где нет закона, там нет и дома". Это верно", – пояснил он.'
    assert [q.text for q in find_quotes(nested)] == [
        'Он писал: "Где нет закона, там нет и дома". Это верно'
    ]
    mid = "Поездка началась. - Люди спрашивают о земле, - говорит депутат. - Мы ответим."
    assert [q.text for q in find_quotes(mid)] == ["Люди спрашивают о земле", "Мы ответим."]
    # a tailless dash turn inside a paragraph that holds a question or another turn is a dash
    assert find_quotes("Итоги подведены. - Это не речь? А тире в тексте.") == []
    # closing the paragraph, it is one person's speech on a flattened page: a span with no cue
    # (nobody's), never narrative handed to the meeting's senators (session 19)
    (closing,) = find_quotes("Итоги подведены. - Это речь без хвоста, до конца абзаца.")
    assert closing.cue_start is None


HEADLINE_ONLY = """В Аксай приехал депутат Сената Бахыт Искендиров

Цель поездки – проект Конституции. - Люди задают вопросы о земле, - говорит депутат сената.
"""


def test_a_senator_named_only_in_the_headline(parse: Callable[..., ParseResult]) -> None:
    result = parse(HEADLINE_ONLY)
    assert [m.senators for m in result.corpus.meetings] == [["Бахыт Искендиров"]]
    assert said(result, "Люди задают").speakers == ["Бахыт Искендиров"]


def test_page_furniture_lines() -> None:
    furniture = ["фото пресс-службы Сената Парламента РК", "Басты жаңалықтар", "РУ", "48",
                 "09:52, 09 Февраль 2026 | GMT +5", "91 рет", "көрсетілді", "оқу үшін"]  # fmt: skip
    for line in furniture:
        assert is_furniture(line), line
    for line in ("Сенатор рассказал о фото на выставке.", "Жаңалықтар көп болды деді ол."):
        assert not is_furniture(line), line


RUBRIC = """Саясат • 4 Наурыз, 2026

Ата заң жобасы – қоғамның ортақ ісі

Сенатор Меруерт Қасымова тұрғындармен кездесті.
"""


def test_a_rubric_before_the_date_is_neither_title_nor_lost_date(
    parse: Callable[..., ParseResult],
) -> None:
    document = parse(RUBRIC).corpus.documents[0]
    assert document.title == "Ата заң жобасы – қоғамның ортақ ісі"
    assert str(document.date) == "2026-03-04"


HE_SAID = """date 2026-02-20
Встреча

Сенатор Айдар Нурланов встретился с жителями района.

Аким района Бауыржан Серикбаев рассказал о подготовке участков.

– Все участки готовы, – сказал он.

– Закон один для всех, – сказал сенатор.

– И для чиновников тоже, – добавил он.
"""


def test_he_said_after_an_akim_is_the_akims_words(parse: Callable[..., ParseResult]) -> None:
    result = parse(HE_SAID)
    assert said(result, "Все участки готовы").speakers == ["Бауыржан Серикбаев"]
    assert said(result, "И для чиновников тоже").speakers == ["Айдар Нурланов"]


LATIN = """date 2026-02-14
Kezdesý

Senat depýtaty Erjan Tolegenov aýdan turǵyndarymen kezdesti.

«Jańa Konstıtýtsııa adamnyń quqyǵyn birinshi orynǵa qoıady», - dedi senator.

Kezdesýde aýdan ákimi Ǵalym Serikov sóz sóıledi.

– Barlyq ýchaskeler daıyn, – dedi ol.
"""


def test_kazakh_in_latin_script_keeps_its_quotes(parse: Callable[..., ParseResult]) -> None:
    result = parse(LATIN)
    assert [m.senators for m in result.corpus.meetings] == [["Erjan Tolegenov"]]
    assert said(result, "Jańa Konstıtýtsııa").speakers == ["Erjan Tolegenov"]
    assert said(result, "Barlyq ýchaskeler").speakers == ["Ǵalym Serikov"]


LED_BY = """date 2026-02-17
Встречи в Шымкенте

Делегация во главе с председателем Мажилиса Ерланом Досовым и совместно с членами коалиции
встретилась с жителями Шымкента, передает агентство со ссылкой на пресс-службу.

Сенатор Арман Кенесов рассказал о новых правах граждан.
"""


def test_who_led_a_delegation_is_no_audience(parse: Callable[..., ParseResult]) -> None:
    audience = [a for m in parse(LED_BY).corpus.meetings for a in m.audience]
    assert "жители" in audience
    assert not any("Досов" in a or "член" in a or "ссылк" in a for a in audience), audience


def test_a_slogan_in_quotes_is_no_kazakh_audience() -> None:
    from retrieval.ingest.kazakh import kazakh_audience

    found = kazakh_audience("«Халықтық Конституция үшін!» коалициясы тұрғындармен кездесті.")
    assert found and not any("үшін" in a or "»" in a for a in found), found


UPPER_HOUSE = """"Рано подводить итоги": спикер Сената о работе палаты

Председатель Сената Тимур Абилкасов встретился со студентами.

Спикер верхней палаты Парламента также подчеркнул, что реформа расширяет права граждан.

Спикер нижней палаты Ерлан Досов отметил, что Мажилис поддерживает реформу.
"""


def test_the_upper_house_speaker_and_a_quoted_headline(parse: Callable[..., ParseResult]) -> None:
    result = parse(UPPER_HOUSE)
    assert result.corpus.documents[0].title.startswith('"Рано подводить итоги": спикер Сената')
    assert said(result, "Спикер верхней палаты").speakers == ["Тимур Абилкасов"]
    assert {n for m in result.corpus.meetings for n in m.senators} == {"Тимур Абилкасов"}
