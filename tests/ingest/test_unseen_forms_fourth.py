"""Forms found by running the parser over 16 more published articles it had never seen (read,
never copied; invented people here): a deputy akim's city before the name, a country's name
opening a body in a list of guests, a dash paragraph after 'X … түсіндіріп берді', a headline
that opens with a body's «name»."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.ingest.build import ParseResult
from tests.ingest.conftest import said, speakers

DEPUTY_AKIM = """date 2026-02-24
Выступая перед студентами, заместитель акима Талдыкоргана Ерболат Сагынтай подчеркнул \
роль молодежи.

– Каждый голос студента важен, – сказал он.
"""


def test_a_city_after_a_lowercase_role_is_not_a_first_name(
    parse: Callable[..., ParseResult],
) -> None:
    """'заместитель акима Талдыкоргана Ерболат Сагынтай' is Ерболат Сагынтай, not «Талдыкорган
    Ерболат»."""
    quote = said(parse(DEPUTY_AKIM), "Каждый голос")
    assert quote.speakers == ["Ерболат Сагынтай"]
    assert quote.roles == {"Ерболат Сагынтай": "заместитель акима Талдыкоргана"}


GUESTS = """date 2026-03-02
Сенатор Дәурен Әбілқасымов оркестр ұжымымен кездесті.

Кездесуге «Шапағат» қорының мүшесі, доцент Б.Оспанов, Қазақстан Суретшілер одағының мүшесі, \
ақын Д.Ермекқызы қатысып, ой-пікір білдірді.
"""


def test_a_country_opening_a_body_is_not_a_person(parse: Callable[..., ParseResult]) -> None:
    """'Қазақстан Суретшілер одағының мүшесі' names a union, not «Қазақстан Суретшілер»."""
    named = speakers(parse(GUESTS))
    assert not any("Қазақстан" in s or "Суретшілер" in s for s in named), named
    assert "Б. Оспанов" in named


EXPLAINED = """date 2026-02-18
Сенатор Әлия Төлегенова колледж ұжымымен кездесті.

Заңгер Нұрбол Ахметов жаңа Ата Заң жобасын жан-жақты түсіндіріп берді.

— Бұл — ең маңызды құқықтық қадамдардың бірі. Отыз жылда қоғам өзгерді.
"""


def test_a_dash_paragraph_after_explained_is_the_explainers(
    parse: Callable[..., ParseResult],
) -> None:
    """'X … түсіндіріп берді.' then a dash paragraph: X's words, not the senator's or nobody's."""
    quote = said(parse(EXPLAINED), "Бұл — ең маңызды")
    assert quote.speakers == ["Нұрбол Ахметов"]


NAMED_HEADLINE = """date 2026-02-12
«Жасыл өңір» қозғалысы жаңа Конституция жобасын қолдады
АСТАНА. AGENCY — Сенат депутаты Серікбол Мырзахметов қозғалыс белсенділерімен кездесті.
— Табиғатты қорғау алғаш рет мемлекеттің міндеті ретінде жазылды, — деді ол.
"""


def test_a_headline_opening_with_a_bodys_name_is_the_title(
    parse: Callable[..., ParseResult],
) -> None:
    """'«Жасыл өңір» қозғалысы …' is a headline, not a quote and not a statement."""
    result = parse(NAMED_HEADLINE)
    assert result.corpus.documents[0].title.startswith("«Жасыл өңір» қозғалысы")
    assert not any(s.text.startswith("«Жасыл") for s in result.corpus.statements())


TOWNS_RU = """date 2026-02-09
9 февраля в Кызылорде на базе Кызылординского колледжа сенатор Бауыржан Сейтказиев \
встретился с педагогами.
"""

TOWN_KK = """date 2026-02-26
Қонаевқа барған сенатор Гүлнар Жұмабекова колледж студенттерімен кездесті.
"""

EPITHET_RU = """date 2026-02-10
Встреча с сенатором Бауыржаном Сейтказиевым прошла на базе Костанайского университета.
"""


def test_a_town_in_an_oblique_case_is_named_whole(parse: Callable[..., ParseResult]) -> None:
    """'в Кызылорде' is Кызылорда (not «Кызылорд»), 'Қонаевқа' is Қонаев, and a town's
    adjective naming a body ('Костанайского университета') is no place of its own."""
    assert parse(TOWNS_RU).corpus.meetings[0].place == "Кызылорда"
    assert parse(TOWN_KK).corpus.meetings[0].place == "Қонаев"
    place = parse(EPITHET_RU).corpus.meetings[0].place or ""
    assert "Костанайского" not in place, place


ADDRESS = """date 2026-02-09
Встреча с депутатом Сената Бауыржаном Сейтказиевым прошла в колледже.

Бауыржан Ермекович подробно рассказал о новых нормах Конституции.
"""

ADDRESS_NOBODY = """date 2026-02-09
Сенатор Бауыржан Сейтказиев встретился с педагогами колледжа.

Ерлан Маратович подробно рассказал о новых нормах Конституции.
"""


def test_a_first_name_and_patronymic_is_the_person_named_before(
    parse: Callable[..., ParseResult],
) -> None:
    """'Бауыржан Ермекович рассказал' is Бауыржан Сейтказиев, named before, never a second
    person «Бауыржан Ермекович»; with nobody of that first name, never the senator's."""
    told = said(parse(ADDRESS), "Бауыржан Ермекович")
    assert told.speakers == ["Бауыржан Сейтказиев"]
    other = said(parse(ADDRESS_NOBODY), "Ерлан Маратович")
    assert "Бауыржан Сейтказиев" not in other.speakers


CAPTION = """date 2026-02-27
Мәжіліс депутаттары жастармен кездесті.

Анар Сейітова, ҚР Парламенті Мәжілісінің депутаты:

- Жастар – біздің болашағымыз.
"""


def test_a_caption_role_may_open_with_an_abbreviation(parse: Callable[..., ParseResult]) -> None:
    """'Name, ҚР Парламенті Мәжілісінің депутаты:' gives the role; 'Парламенті' is a noun."""
    quote = said(parse(CAPTION), "Жастар – біздің")
    assert quote.speakers == ["Анар Сейітова"]
    assert quote.roles == {"Анар Сейітова": "ҚР Парламенті Мәжілісінің депутаты"}
    assert parse(CAPTION).corpus.meetings[0].senators == []


MINISTER = """date 2026-03-01
Сенатор Ольга Брагина встретилась с жителями Кокшетау.

Министр труда и социальной защиты Асқар Тулегенов рассказал о новых социальных нормах.

– Государство гарантирует каждому достойный труд, – сказал министр.
"""


def test_a_role_ending_like_a_kazakh_verb_is_kept_whole(
    parse: Callable[..., ParseResult],
) -> None:
    """'социальной защиты' is a Russian genitive after an adjective, not a verb ending -ты."""
    quote = said(parse(MINISTER), "Государство гарантирует")
    assert quote.speakers == ["Асқар Тулегенов"]
    assert quote.roles == {"Асқар Тулегенов": "Министр труда и социальной защиты"}
