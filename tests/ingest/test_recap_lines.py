"""An outlet's recap of earlier news ("Ранее сообщалось, что …", "Напомним, …", "Бұған дейін
хабарланғандай, …", "Previously, Agency reported …") closes many published articles. It is
nobody's words at this meeting; the parser gave it to the meeting's senator (a wrong
attribution). Invented people throughout."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.ingest.build import ParseResult

RU = """date 2026-02-19
Сенатор Ринат Аманжолов встретился с горняками и ветеранами труда в Жезказгане.

По словам Рината Аманжолова, проект закрепляет право каждого на безопасный труд.

«Человек труда должен быть в центре государственной политики», – подчеркнул сенатор.

Ранее сообщалось, что голосование на референдуме пройдет 15 марта. Участки откроются в 7 утра.

Напомним, проект новой Конституции о социальном государстве был опубликован в январе.
"""

KK = """date 2026-02-19
Сенат депутаты Ринат Аманжолов Жезқазған қаласында кеншілермен кездесті.

Ринат Аманжоловтың сөзінше, жоба әркімнің қауіпсіз еңбекке құқығын бекітеді.

Бұған дейін хабарланғандай, референдумда дауыс беру 15 наурызда өтеді.

Еске сала кетейік, Конституция жобасындағы әлеуметтік мемлекет туралы норма қаңтарда жарияланды.
"""

EN = """date 2026-02-14
Senator Ruslan Amanzholov met miners in Zhezkazgan to discuss the draft Constitution.

According to Amanzholov, the draft declares that the people are the source of state power.

Previously, Agency reported up to 12 million people are eligible to vote in the referendum.
"""


def _texts(result: ParseResult) -> list[str]:
    return [s.text for s in result.corpus.statements()]


def test_a_russian_recap_is_nobodys_statement(parse: Callable[..., ParseResult]) -> None:
    result = parse(RU)
    texts = _texts(result)
    assert not any(t.startswith(("Ранее сообщалось", "Участки", "Напомним")) for t in texts)
    assert any(t.startswith("По словам Рината") for t in texts)  # the senator's own words stay
    assert len(result.corpus.meetings) == 1


def test_a_kazakh_recap_is_nobodys_statement(parse: Callable[..., ParseResult]) -> None:
    texts = _texts(parse(KK))
    assert not any(t.startswith(("Бұған дейін", "Еске сала")) for t in texts), texts
    assert any(t.startswith("Ринат Аманжоловтың сөзінше") for t in texts)


def test_an_english_agency_recap_is_nobodys_statement(parse: Callable[..., ParseResult]) -> None:
    texts = _texts(parse(EN))
    assert not any(t.startswith("Previously") for t in texts), texts
    assert any(t.startswith("According to Amanzholov") for t in texts)


def test_a_senators_own_earlier_words_are_still_a_statement(
    parse: Callable[..., ParseResult],
) -> None:
    """'Ранее сенатор сообщил, что …' (perfective: this meeting's account) is not a recap."""
    said = parse(
        """date 2026-02-19
Сенатор Ринат Аманжолов встретился с горняками в Жезказгане.

Ранее сенатор сообщил, что проект закрепляет право на справедливую оплату труда.
"""
    ).corpus.statements()
    assert [s.speakers for s in said if s.text.startswith("Ранее сенатор")] == [["Ринат Аманжолов"]]


def test_an_opening_as_reported_keeps_the_meeting(parse: Callable[..., ParseResult]) -> None:
    """The first paragraph is the article's own lead even when it opens 'Как сообщал …'."""
    result = parse(
        """date 2026-02-19
Как сообщал Agency, сенатор Ринат Аманжолов встретился с горняками в Жезказгане.

«Человек труда должен быть в центре политики», – подчеркнул сенатор.
"""
    )
    [meeting] = result.corpus.meetings
    assert meeting.senators == ["Ринат Аманжолов"]
    assert meeting.place == "Жезказган"  # the lead's venue sentence is read, not skipped
    assert meeting.audience == ["горняки"]
    [quote] = result.corpus.statements()
    assert quote.speakers == ["Ринат Аманжолов"]


def test_a_quote_opening_with_as_the_poet_wrote_is_kept(parse: Callable[..., ParseResult]) -> None:
    """«Как писал поэт, …», – сказал X: a quote that cites a poet, never a recap line."""
    result = parse(
        """date 2026-02-19
Сенатор Ринат Аманжолов встретился с горняками в Жезказгане.

«Как писал поэт, «труд кормит человека». Конституция защищает труд», – сказал Ринат Аманжолов.
"""
    )
    [quote] = [s for s in result.corpus.statements() if s.kind == "quote"]
    assert quote.text.startswith("Как писал поэт")
    assert quote.speakers == ["Ринат Аманжолов"]


# A minister's article closing on a pointer to what the Senate's chair said earlier: the chair
# was made this article's meeting senator, at the minister's date and place (real-article
# round, session 16). Invented people.
POINTER_KK = """date 2026-03-06
Еңбек министрі мереке күндері қалай өзгеретінін түсіндірді
АСТАНА. KAZINFORM – Еңбек министрі Нұржан Қалиев демалыс күндерінің тізімі қай жағдайда \
өзгеретінін түсіндірді.
- Жаңа норма қабылданса, демалыс күндері жаңа тізіммен белгіленеді. Сондықтан халықтың шешімін \
күтеміз, - деді Н. Қалиев Мәжілісте тілшілер сұрағына жауап бере отырып.
Атап айтқанда, Үкімет жаңа тізімнің жобасын дайындады.
Жақында Сенат төрағасы Бақытжан Оспанов мерекелер күнтізбесіне қатысты пікір айтты.
"""

POINTER_RU = """date 2026-03-06
Министр труда пояснил, как изменится список праздников
АСТАНА. KAZINFORM – Министр труда Нуржан Калиев пояснил, в каком случае изменится список \
выходных дней.
– Если новая норма будет принята, выходные дни установят новым списком. Поэтому ждем решения \
граждан, – сказал Н. Калиев журналистам в Мажилисе.
Недавно председатель Сената Бахытжан Оспанов высказался об изменении календаря праздников.
"""

POINTER_EN = """date 2026-03-06
Labour minister explains how the holiday list may change
ASTANA. KAZINFORM – Labour Minister Nurzhan Kaliyev explained when the list of days off would \
change.
"If the new norm is adopted, the days off will be set by a new list. So we are waiting for the \
people's decision," N. Kaliyev told reporters in the Mazhilis.
Recently, Senate Chairman Bakhytzhan Ospanov commented on the change of the holiday calendar.
"""


def test_a_pointer_to_a_chairs_earlier_comment_makes_no_meeting_of_his(
    parse: Callable[..., ParseResult],
) -> None:
    for text, minister in ((POINTER_KK, "Қалиев"), (POINTER_RU, "Калиев"), (POINTER_EN, "Kaliyev")):
        result = parse(text)
        assert [m.senators for m in result.corpus.meetings] == [[]], text
        statements = result.corpus.statements()
        assert not any("Оспанов" in t or "Ospanov" in t for s in statements for t in [s.text])
        assert any(minister in n for s in statements for n in s.speakers)  # his words stay his
