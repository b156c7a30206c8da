"""Entities that cannot hijack a question, answers that address its subject, one hit per words."""

from __future__ import annotations

import dataclasses
from datetime import date

import numpy as np
import pytest

from retrieval import ranking
from retrieval.embedder import Vectors
from retrieval.glossary import PhraseSet
from retrieval.models import Answer, Corpus, Document, Meeting, Statement
from retrieval.question import Term, is_generic, prepare, read, subject_terms
from retrieval.search import SearchService
from retrieval.snapshot import Snapshot, build_snapshot
from retrieval.text import (
    STOPWORDS,
    asks_head,
    asks_quantity,
    asks_span,
    asks_when,
    has_head,
    has_number,
    has_span,
    has_time,
    is_change_verb,
    kk_root,
    plain_kazakh,
    stem,
    term_matches,
    words,
)
from tests.fake_embedder import FakeEmbedder

from .conftest import FAKE_CALIBRATION, make_corpus, make_resources


def _with(*extra: Meeting, documents: tuple[Document, ...] = ()) -> Corpus:
    base = make_corpus()
    return base.model_copy(
        update={
            "meetings": [*base.meetings, *extra],
            "documents": [*base.documents, *documents],
        }
    )


def _meeting(mid: str, doc: str, senator: str, place: str, audience: str, text: str) -> Meeting:
    return Meeting(
        id=mid,
        document_id=doc,
        date=date(2026, 3, 7),
        senators=[senator],
        place=place,
        audience=[audience],
        statements=[
            Statement(id=f"{mid}-s0", meeting_id=mid, kind="quote", text=text, speakers=[senator])
        ],
    )


async def _service(corpus: Corpus) -> SearchService:
    return SearchService.from_corpus(
        corpus, FakeEmbedder(), make_resources(), calibration=FAKE_CALIBRATION
    )


async def _ask(question: str, *extra: Meeting, k: int = 3) -> Answer:
    svc = await _service(_with(*extra))
    try:
        return await svc.search(question, k=k)
    finally:
        await svc.close()


async def test_audience_word_is_soft_evidence_never_a_filter() -> None:
    # m3's audience is "предприниматели"; a business-and-nature question must still reach the
    # ecology statement of another meeting
    green = _meeting(
        "m4", "d1", "Бибигуль Жексенбай", "Усть-Каменогорск", "металлурги",
        "Бизнес несет ответственность за вред природе и экологию региона.",
    )  # fmt: skip
    answer = await _ask("предприниматели и вред природе", green, k=5)
    assert answer.answered
    assert answer.hits[0].meeting.id == "m4"


async def test_generic_word_in_an_audience_matches_nothing() -> None:
    # an audience string with "Конституции" must not capture every question with that word
    fans = [
        _meeting(f"f{i}", "d1", "Ерлан Талапов", "Тараз", "сторонники новой Конституции",
                 f"Конституция защищает права граждан, сказал он на встрече номер {i}.")
        for i in range(4)
    ]  # fmt: skip
    svc = await _service(_with(*fans))
    answer = await svc.search("Что в новой Конституции о браке?", k=5)
    await svc.close()
    assert answer.answered
    assert {h.meeting.id for h in answer.hits} == {"m3"}


async def test_whom_they_met_there_finds_that_meeting_in_the_place_named() -> None:
    """With athletes in Taraz: the audience picks the meeting among the town's, though the
    stemmer cuts *спортсмены* and *спортсменами* to different stems; its words answer what was
    said to them."""
    athletes, residents = (
        _meeting(mid, "d1", "Ерлан Талапов", "Тараз", audience, text)
        for mid, audience, text in (
            ("m4", "спортсмены", "Каждый гражданин вправе заниматься физической культурой."),
            ("m5", "жители", "Маслихаты получат больше полномочий в распределении бюджета."),
        )
    )
    for question in ("О чём говорили со спортсменами в Таразе?", "Что сказали спортсменам?"):
        answer = await _ask(question, athletes, residents, k=5)
        assert answer.answered, question
        assert answer.hits[0].meeting.id == "m4", question


async def test_senator_and_topic_gives_their_words_on_it() -> None:
    svc = await _service(make_corpus())
    answer = await svc.search("Что говорил Есбай о Курултае?", k=5)
    await svc.close()
    assert answer.answered and not answer.silent
    assert all("Амангельды Есбай" in h.speakers for h in answer.hits)
    assert "Курулта" in answer.hits[0].text


async def test_senator_who_said_nothing_on_the_topic_is_named_as_silent() -> None:
    svc = await _service(make_corpus())
    answer = await svc.search("Что говорила Асанова о браке?", k=5)
    await svc.close()
    assert answer.silent == ["Жанна Асанова"]
    # the hits are other senators' words on the topic, never hers
    assert answer.hits and all("Жанна Асанова" not in h.speakers for h in answer.hits)
    assert "брак" in answer.hits[0].text.lower()


async def test_whom_a_senator_met_is_not_what_they_said() -> None:
    """Asked what a senator said about science, a statement on judges made to scientists is not
    theirs on the topic: the audience names whom they spoke to. They are named as silent, and
    another senator's words on science answer."""
    judges = _meeting(
        "m4", "d1", "Бибигуль Жексенбай", "Тараз", "учёные",
        "Судья должен подчиняться только закону, и никто не вправе давить на суд.",
    )  # fmt: skip
    science = _meeting(
        "m5", "d1", "Амангельды Есбай", "Актау", "студенты",
        "Наука объявлена приоритетом, расходы на исследования учёных вырастут.",
    )  # fmt: skip
    answer = await _ask("Что говорила Жексенбай об учёных?", judges, science, k=5)
    assert answer.silent == ["Бибигуль Жексенбай"]
    assert answer.hits and answer.hits[0].meeting.id == "m5"


async def test_more_never_pads_with_statements_off_the_subject() -> None:
    svc = await _service(make_corpus())
    answer = await svc.search("Что сказано про брак?", k=10)
    await svc.close()
    assert answer.answered
    assert all("брак" in h.text.lower() or "сем" in h.text.lower() for h in answer.hits)


@pytest.mark.parametrize(
    "question", ["Вернут ли смертную казнь?", "срок полномочий президента", "двойное гражданство"]
)
async def test_constitutional_subject_the_corpus_lacks_abstains(question: str) -> None:
    svc = await _service(make_corpus())
    answer = await svc.search(question)
    await svc.close()
    assert not answer.answered and answer.hits == [] and not answer.general


@pytest.mark.parametrize(
    "question", ["Что нового в Конституции?", "Конституция", "Расскажи о реформе"]
)
async def test_a_question_with_no_subject_of_its_own_is_declined_as_too_general(
    question: str,
) -> None:
    svc = await _service(make_corpus())
    answer = await svc.search(question)
    await svc.close()
    assert not answer.answered and answer.general


async def test_a_typo_in_a_rare_word_is_corrected_against_the_corpus() -> None:
    svc = await _service(make_corpus())
    answer = await svc.search("добравольный союз")
    await svc.close()
    assert answer.answered and "добровольный" in answer.hits[0].text


async def test_same_words_from_several_outlets_are_one_hit_with_every_source() -> None:
    words = (
        "Брак определяется как добровольный союз мужчины и женщины, семья защищается государством."
    )
    reprint = Meeting(
        id="m3b",
        document_id="d2",
        date=date(2026, 3, 6),
        senators=["Ляззат Рысбекова"],
        place="ЗКО",
        audience=["жители"],
        statements=[
            Statement(id="m3b-s0", meeting_id="m3b", kind="quote", text=words.lower(),
                      speakers=["Ляззат Рысбекова"])
        ],
    )  # fmt: skip
    paper = Document(id="d2", date=date(2026, 3, 6), title="Областная газета", source="paper.txt")
    svc = await _service(_with(reprint, documents=(paper,)))
    answer = await svc.search("брак союз мужчины и женщины", k=10)
    await svc.close()
    same = [h for h in answer.hits if "добровольный союз" in h.text]
    assert len(same) == 1
    assert [s.title for s in same[0].sources] == ["Сенаторы о Конституции", "Областная газета"]


async def test_the_same_words_of_another_senator_are_their_own_hit_and_source() -> None:
    """Template-like lines said by two senators must not merge: one hit, one speaker, and only
    the documents that report that speaker saying them."""
    words = (
        "Брак определяется как добровольный союз мужчины и женщины, семья защищается государством."
    )
    other = _meeting("m9", "d2", "Нурлан Бекназаров", "Актобе", "учителя", words)
    paper = Document(id="d2", date=date(2026, 3, 6), title="Областная газета", source="paper.txt")
    svc = await _service(_with(other, documents=(paper,)))
    anyone = await svc.search("брак союз мужчины и женщины", k=10)
    his = await svc.search("Что Бекназаров говорил о браке?", k=10)
    await svc.close()
    cited = {
        (tuple(h.speakers), tuple(s.title for s in h.sources))
        for h in (*anyone.hits, *his.hits)
        if "добровольный союз" in h.text
    }
    assert cited == {
        (("Ляззат Рысбекова",), ("Сенаторы о Конституции",)),
        (("Нурлан Бекназаров",), ("Областная газета",)),
    }


async def test_a_phrase_is_covered_only_by_all_its_words() -> None:
    # "зейнет жасы" (pension age) is one concept: "жас" (young) in another statement is no answer
    young = _meeting(
        "m5", "d1", "Бибигуль Жексенбай", "Усть-Каменогорск", "студенттер",
        "Жас ғалымдар шетелге кетпеу үшін гранттар мен зертханалар алуы керек.",
    )  # fmt: skip
    answer = await _ask("Зейнет жасы өзгере ме?", young)
    assert not answer.answered and answer.hits == []


async def test_a_how_many_question_is_answered_only_by_a_statement_with_a_number() -> None:
    # the subject's other statements say something else about it than how many
    powers = _meeting(
        "m6", "d1", "Бибигуль Жексенбай", "Усть-Каменогорск", "депутаты маслихата",
        "Маслихаты получат право самостоятельно распределять местный бюджет.",
    )  # fmt: skip
    assert not (await _ask("Сколько маслихатов будет в районе?", powers)).answered
    size = _meeting(
        "m7", "d2", "Ерлан Талапов", "Тараз", "жители",
        "В каждом районе маслихат будет из пятнадцати депутатов.",
    )  # fmt: skip
    answer = await _ask("Сколько маслихатов будет в районе?", powers, size, k=5)
    assert answer.answered
    assert [h.meeting.id for h in answer.hits] == ["m7"]
    # without the question word the statement on the maslikhats' powers answers as before
    assert (await _ask("Что будет с маслихатами?", powers)).answered
    # a time asked for: the statement with none does not answer "when"
    assert not (await _ask("Когда маслихаты получат право распределять бюджет?", powers)).answered
    # … and is answered by a statement that says when: a date, or a time in words
    for mid, text in (
        ("m8", "С 2027 года маслихаты будут сами распределять местный бюджет."),
        ("m11", "Маслихаты будут распределять бюджет со дня вступления Конституции в силу."),
    ):
        said = _meeting(mid, "d2", "Ерлан Талапов", "Тараз", "жители", text)
        answer = await _ask("Когда маслихаты получат право распределять бюджет?", powers, said)
        assert answer.answered and answer.hits[0].meeting.id == mid, text


async def test_an_amount_or_a_head_asked_for_is_answered_only_by_a_statement_stating_one() -> None:
    # the maslikhats' powers say nothing of a share, nor of who chairs them
    powers = _meeting(
        "m6", "d1", "Бибигуль Жексенбай", "Усть-Каменогорск", "депутаты маслихата",
        "Маслихаты получат право самостоятельно распределять местный бюджет.",
    )  # fmt: skip
    share = "Какой процент местного бюджета будут распределять маслихаты?"
    head = "Кто возглавит маслихаты?"
    for question in (share, head):
        assert not (await _ask(question, powers)).answered, question
    for mid, question, text in (
        ("m9", share, "Маслихаты будут распределять треть местного бюджета."),
        ("m10", head, "Маслихаты возглавит председатель, избранный депутатами."),
    ):
        said = _meeting(mid, "d2", "Ерлан Талапов", "Тараз", "жители", text)
        answer = await _ask(question, powers, said)
        assert answer.answered and answer.hits[0].meeting.id == mid, question


async def test_a_span_of_time_asked_for_is_answered_only_by_a_number_with_its_time() -> None:
    # "бір палаталы" is a number, but no span of time: it does not say how long the term is
    chamber = _meeting(
        "m6", "d1", "Бибигуль Жексенбай", "Усть-Каменогорск", "депутаты маслихата",
        "Бір палаталы Құрылтай заң шығаруды жылдам әрі түсінікті етеді.",
    )  # fmt: skip
    for question in ("Құрылтай депутаты неше жылға сайланады?", "How long is a Kurultai term?"):
        assert not (await _ask(question, chamber)).answered, question
        said = _meeting(
            "m9", "d2", "Ерлан Талапов", "Тараз", "жители",
            "Құрылтай депутаты бес жылға сайланады, бір палаталы Құрылтай тұрақты жұмыс істейді.",
        )  # fmt: skip
        answer = await _ask(question, chamber, said)
        assert answer.answered and answer.hits[0].meeting.id == "m9", question
    # how many chambers is a number, not a span: the one-chamber statement still answers it
    assert (await _ask("Құрылтай неше палаталы болады?", chamber)).answered


def _statement_vector(snapshot: Snapshot, fragment: str) -> Vectors:
    position = next(i for i, s in enumerate(snapshot.statements) if fragment in s.text)
    return np.asarray(snapshot.vectors[position], dtype=np.float32)


def test_meaning_alone_does_not_vouch_for_a_word_the_corpus_never_uses() -> None:
    """A question vector as close to a statement as can be, with no subject word in common: a
    Cyrillic word no statement or glossary entry uses names a subject the corpus lacks; a Latin
    one may be a translation (English questions reach ru/kk statements on meaning)."""
    snapshot = build_snapshot(make_corpus(), FakeEmbedder(), make_resources())
    vector = _statement_vector(snapshot, "добровольный союз")
    for question, answered in (("Что будет с абырвалгом?", False), ("abyrvalg rules?", True)):
        query = prepare(snapshot, question)
        answer = ranking.rank(snapshot, query, vector, 3, FAKE_CALIBRATION)
        assert answer.answered is answered, question


@pytest.mark.parametrize(
    ("text", "number"),
    [("Вместо двух палат будет один Курултай.", True), ("Бір палаталы Құрылтай болады.", True),
     ("Однопалатный парламент", True), ("в 2026 году", True), ("пятнадцати депутатов", True),
     ("треть бюджета", True), ("вдвое больше", True),
     ("Курултай станет ближе к людям, однако он сказал", False),
     ("Құрылтай депутаттары есеп береді үшін", False)],
)  # fmt: skip
def test_numbers_are_found_in_ru_kk_and_digits(text: str, number: bool) -> None:
    assert has_number(text) is number


@pytest.mark.parametrize(
    ("question", "quantity"),
    [("Сколько палат?", True), ("Құрылтай қанша палатадан тұрады?", True),
     ("Депутаттар неше жыл жұмыс істейді?", True), ("How many chambers?", True),
     ("How long is the term?", True), ("How will the chamber work?", False),
     ("Что будет с палатами?", False),
     # an age asked for is a number; an age talked about is not
     ("С какого возраста можно стать судьёй?", True), ("В каком возрасте уходят на пенсию?", True),
     ("At what age can one become a judge?", True), ("What is the minimum age for a judge?", True),
     ("Судья болу үшін қай жастан бастауға болады?", True),
     ("Повысят ли пенсионный возраст?", False), ("Which agencies protect children?", False),
     ("Қай жастарға грант беріледі?", False),
     ("Когда пройдёт референдум?", False),
     # a span asked for is a number of years
     ("На какой срок избирают акима?", True), ("Әкім қай мерзімге сайланады?", True),
     ("Какой срок у закона?", True), ("Сократят ли сроки рассмотрения?", False),
     # an amount, a share or a rate asked for is a number; one talked about is not
     ("Какой процент голосов нужен?", True), ("Каков будет размер пособия?", True),
     ("Какая сумма штрафа?", True), ("What percentage of seats is needed?", True),
     ("What is the tax rate for farms?", True), ("What share of revenue goes there?", True),
     ("Пособие мөлшері қандай болады?", True), ("Несие қандай пайызбен беріледі?", True),
     ("Салық мөлшерлемесі өседі ме?", False), ("Снизят ли процентные ставки?", False),
     ("What about the tax rate?", False), ("Какие права получат граждане?", False),
     ("What is the minimum voting age?", True), ("What will happen to the pension age?", False),
     # how big, how often, как долго, почём; Kazakh typed without its letters
     ("How big is the grant?", True), ("How often are elections held?", True),
     ("Как долго рассматривают жалобу?", True), ("Как часто будут выборы?", True),
     ("Почём сейчас квартиры?", True), ("Жәрдемақы канша болады?", True),
     ("Какое количество депутатов?", True), ("Депутаттар саны қандай болады?", True),
     ("Әкімдікке нешеден бастап түсуге болады?", True), ("How will the grant work?", False),
     # an article or the possessive's "s" is no word between the asking word and the noun
     ("What will a teacher's monthly salary be?", True),
     ("What will the new law's fee be?", True)],
)  # fmt: skip
def test_questions_asking_for_a_number(question: str, quantity: bool) -> None:
    assert asks_quantity(words(question)) is quantity


@pytest.mark.parametrize(
    ("question", "head"),
    [("Кто возглавит агентство?", True), ("Кто будет председателем Курултая?", True),
     ("Құрылтай төрағасын кім сайлайды?", True), ("Who will chair the council?", True),
     ("Who will head the agency?", True), ("Кто будет руководить судом?", True),
     ("Кто будет назначать акимов?", False), ("Жергілікті қаржыны кім басқарады?", False),
     ("Будет ли глава государства избираться?", False), ("Who owns the land?", False)],
)  # fmt: skip
def test_questions_asking_who_heads(question: str, head: bool) -> None:
    assert asks_head(words(question)) is head


@pytest.mark.parametrize(
    ("text", "head"),
    [("Курултай возглавит председатель.", True), ("Құрылтай төрағасын депутаттар сайлайды.", True),
     ("Глава государства предложил изменения.", True), ("The speaker will chair it.", True),
     ("Главное — права человека.", False), ("Курултай станет однопалатным.", False)],
)  # fmt: skip
def test_a_head_is_named(text: str, head: bool) -> None:
    assert has_head(text) is head


@pytest.mark.parametrize(
    ("question", "span"),
    [("How long is the akim's term?", True), ("На какой срок избирают акима?", True),
     ("Әкім неше жылға сайланады?", True), ("Сколько часов длится рабочая неделя?", True),
     ("Мерзімі қанша болады?", True), ("На сколько лет выдают землю?", True),
     ("Сколько палат будет?", False), ("How many judges are there?", False),
     ("Какой срок у закона?", True), ("Когда изменится срок?", False)],
)  # fmt: skip
def test_questions_asking_how_long(question: str, span: bool) -> None:
    assert asks_span(words(question)) is span


@pytest.mark.parametrize(
    ("text", "span"),
    [("Аким избирается на пять лет.", True), ("Жұмыс аптасы қырық сағат болады.", True),
     ("Срок — 7 лет.", True), ("Вместо двух палат будет один Курултай.", False),
     ("Бір палаталы Құрылтай заң шығаруды жылдам етеді.", False),
     ("Срок полномочий обсуждается.", False)],
)  # fmt: skip
def test_a_span_is_a_number_with_its_time(text: str, span: bool) -> None:
    assert has_span(text) is span


@pytest.mark.parametrize(
    ("question", "when"),
    [("Когда пройдёт референдум?", True), ("Референдум қашан өтеді?", True),
     ("When will the Kurultai meet?", True), ("В каком году вступит в силу?", True),
     ("Қай жылы күшіне енеді?", True), ("What date is the vote?", True),
     # "когда"/"when" later in a question is a conjunction
     ("Что будет с правами, когда примут Конституцию?", False),
     ("Will my rights be kept when I move abroad?", False), ("Сколько палат?", False),
     # "қашан" with its endings or typed without its letters; "қашанда" is "always"
     ("Қашаннан бастап күшіне енеді?", True), ("Заң қашанға дейін жарамды?", True),
     ("Сайлау кашан болады?", True), ("Біз қашанда халықпен біргеміз бе?", False),
     # "когда"/"when" after a particle or "tell me", or ending the question
     ("А когда пройдут выборы?", True), ("Подскажите, когда вступит в силу?", True),
     ("Выборы когда?", True), ("So when is the vote?", True), ("Until when does it apply?", True),
     ("Семьи, когда у них много детей, получат помощь?", False),
     # a date word after an asking word: day, month, deadline, term, moment
     ("К какому числу нужно подать?", True), ("В каком месяце пройдут выборы?", True),
     ("В какие сроки примут законы?", True), ("До каких пор действует закон?", True),
     ("С какого момента начнётся?", True), ("What is the deadline for the laws?", True),
     ("Which month will it start?", True), ("Сайлау қай кезде өтеді?", True),
     ("Заң қай айда қабылданады?", True),
     ("Какие изменения ждать в ближайшее время?", False)],
)  # fmt: skip
def test_questions_asking_when(question: str, when: bool) -> None:
    assert asks_when(words(question)) is when


@pytest.mark.parametrize(
    ("text", "time"),
    [("Референдум пройдёт 15 марта.", True),
     ("Конституция қабылданған күн – Конституция күні.", True),
     ("Закон вступит в силу в следующем году", True), ("on the day it is adopted", True),
     ("Курултай станет ближе к людям", False), ("Құрылтай депутаттары есеп береді", False),
     ("Вместо двух палат будет один Курултай", False), ("Бір палаталы Құрылтай болады", False),
     ("через пять лет", True), ("within three months", True),
     # "жылдам" is fast, "жылу" heat: no year
     ("Заң жылдам қабылданады", False), ("Жылу тарифі өзгереді", False)],
)  # fmt: skip
def test_a_time_is_digits_a_month_a_day_or_a_year(text: str, time: bool) -> None:
    assert has_time(text) is time


@pytest.mark.parametrize(
    ("one", "other"),
    [("аналарға", "Ана"), ("ластаса", "ластаған"), ("құқығын", "құқықтары"),
     ("мектептеріндегі", "мектеп"), ("баланың", "балалы")],
)  # fmt: skip
def test_kazakh_endings_are_stripped_to_one_root(one: str, other: str) -> None:
    assert kk_root(one) == kk_root(other.lower())


def _subject_against(question: str, text: str) -> tuple[list[Term], frozenset[str]]:
    """The question's subject terms, and the stems of one more statement (`text`) to cover them."""
    extra = _meeting("m4", "d1", "Бибигуль Жексенбай", "Усть-Каменогорск", "металлурги", text)
    snapshot, stems = _stems_of(extra, text[:12])
    return subject_terms(snapshot, prepare(snapshot, question), FAKE_CALIBRATION), stems


def _stems_of(extra: Meeting, start: str) -> tuple[Snapshot, frozenset[str]]:
    """A snapshot with one more meeting, and the stems of its statement starting with `start`."""
    snapshot = build_snapshot(_with(extra), FakeEmbedder(), make_resources())
    position = next(i for i, s in enumerate(snapshot.statements) if s.text.startswith(start))
    return snapshot, snapshot.lexicon.stems[position]


@pytest.mark.parametrize("first", ["Жанны", "Жанне", "Жанну", "Жанна"])
def test_a_declined_first_name_is_the_senator_not_the_subject(first: str) -> None:
    """*Мнение Серика X о …*: the first name in the genitive was no part of the name found, so
    it weighed as the question's subject, and any statement naming the senator covered it."""
    snapshot = build_snapshot(make_corpus(), FakeEmbedder(), make_resources())
    question = f"Что сказала {first} Асанова о земле?"
    found = snapshot.entities.find(question)
    assert found.senators == ("Жанна Асанова",)
    assert first.lower() in found.tokens


@pytest.mark.parametrize("name", ["Yesbay", "Esbay", "Есбай"])
def test_an_english_spelling_of_a_senators_name_finds_them(name: str) -> None:
    """English spells an initial Е as Ye (*Yesbay*, *Yerlan*), as the index does not."""
    snapshot = build_snapshot(make_corpus(), FakeEmbedder(), make_resources())
    found = snapshot.entities.find(f"What did {name} say about the army?")
    assert found.senators == ("Амангельды Есбай",)


@pytest.mark.parametrize(
    ("question", "senator"),
    [
        ("Что говорил Дюсенбинов?", "Султан Дюсембинов"),
        ("рысбикова о браке", "Ляззат Рысбекова"),
        ("What did Dyusembinof say?", "Султан Дюсембинов"),
    ],
)
def test_a_surname_with_one_typo_is_still_the_senator(question: str, senator: str) -> None:
    """A citizen misspells a name by a letter (*Дюсенбинов*, *рысбикова*): the senator was not
    found, the name weighed as the question's subject, and the question was declined."""
    snapshot = build_snapshot(make_corpus(), FakeEmbedder(), make_resources())
    assert snapshot.entities.find(question).senators == (senator,)


@pytest.mark.parametrize(
    ("question", "senators"),
    [
        ("Что сказала Жанна?", ("Жанна Асанова",)),
        ("What did Lyazzat say about marriage?", ("Ляззат Рысбекова",)),
        ("Что Султан говорил о Курултае?", ("Султан Дюсембинов",)),
        ("что будет, если султан запретит землю", ()),
        # a surname made from a senator's first name is someone else (a new corpus's senator)
        ("Что говорил Султанов горнякам?", ()),
        ("Жаннова о земле", ()),
    ],
)
def test_a_senator_named_by_first_name_alone(question: str, senators: tuple[str, ...]) -> None:
    """A citizen calls a senator by first name (*Жанна*): the name weighed as the subject and the
    question was declined. Only a capitalised word is a name: *султан* in lower case is a word."""
    snapshot = build_snapshot(make_corpus(), FakeEmbedder(), make_resources())
    assert snapshot.entities.find(question).senators == senators


@pytest.mark.parametrize(
    "question", ["Есбай мырза не айтты?", "What did Mr Esbay say?", "Что сказал господин Есбай?"]
)
def test_a_polite_title_is_no_subject(question: str) -> None:
    """*мырза*, *ханым*, *господин*, *Mr* address the senator: the title weighed as the subject,
    none of the senator's words covered it, and the senator was said to have said nothing."""
    snapshot = build_snapshot(make_corpus(), FakeEmbedder(), make_resources())
    reading = read(snapshot, prepare(snapshot, question), FAKE_CALIBRATION)
    assert reading.found.senators == ("Амангельды Есбай",)
    assert reading.terms == []


def test_a_first_name_given_picks_the_senator_among_namesakes() -> None:
    """*Жанна Асанова* is not Жакып Асанов: both share the surname's base, and the "said
    nothing" line named a senator nobody asked about."""
    corpus = make_corpus()
    other = corpus.meetings[0].model_copy(update={"id": "m9", "senators": ["Жакып Асанов"]})
    snapshot = build_snapshot(
        corpus.model_copy(update={"meetings": [*corpus.meetings, other]}),
        FakeEmbedder(),
        make_resources(),
    )
    found = snapshot.entities.find("Что Жанна Асанова говорила о земле?")
    assert found.senators == ("Жанна Асанова",)


@pytest.mark.parametrize("place", ["Zhetysu", "Zhetisu", "Жетысу"])
def test_a_place_in_latin_letters_with_i_for_y_is_the_place(place: str) -> None:
    """English spells ы, й and Kazakh і as y or i (*Zhetisu*, *Zhetysu*): both are the place."""
    snapshot = build_snapshot(make_corpus(), FakeEmbedder(), make_resources())
    assert snapshot.entities.find(f"meetings in {place}").meeting_ids == ("m2",)


def test_a_kazakh_question_word_meets_another_form_of_it() -> None:
    """ "Ерекшеліктері" (its special features) covers a statement saying "ерекше": neither a prefix
    of the Russian stem nor a glossary twin reaches it, the Kazakh root does."""
    kk = _meeting(
        "m8", "d2", "Ерлан Талапов", "Тараз", "жители",
        "Ана мен бала мемлекеттің ерекше қорғауында.",
    )  # fmt: skip
    snapshot, stems = _stems_of(kk, "Ана мен")
    terms = subject_terms(snapshot, prepare(snapshot, "Ерекшеліктері қандай?"), FAKE_CALIBRATION)
    assert [t.covered_by(stems) for t in terms] == [True]


def test_a_generic_word_is_no_relative_of_a_question_word() -> None:
    """*нормально* (fine, as it works now) starts like *норма* (norm), a word every statement on
    the Constitution may use: a statement saying "норма" covers nothing of the question."""
    ru = _meeting(
        "m8", "d2", "Ерлан Талапов", "Тараз", "жители",
        "Эта норма защищает каждого жителя.",
    )  # fmt: skip
    snapshot, stems = _stems_of(ru, "Эта норма")
    assert stem("норма") in stems
    terms = subject_terms(
        snapshot, prepare(snapshot, "Работает ли всё нормально?"), FAKE_CALIBRATION
    )
    assert terms and not any(t.covered_by(stems) for t in terms)


@pytest.mark.parametrize(
    "question",
    ["Сенаторлар жер туралы не айтты?", "Сенаторымыз жер туралы не айтты?",
     "Конституция жобасында жер туралы не бар?"],
)  # fmt: skip
def test_generic_words_in_kazakh_forms_are_not_the_subject(question: str) -> None:
    """*Сенаторлар*, *Сенаторымыз*, *жобасында* say what every statement says, as their bare
    forms do; only *жер* (land) is the question's subject."""
    snapshot = build_snapshot(make_corpus(), FakeEmbedder(), make_resources())
    terms = subject_terms(snapshot, prepare(snapshot, question), FAKE_CALIBRATION)
    assert len(terms) == 1


@pytest.mark.parametrize(
    "question",
    ["Правда ли, что сейчас каждый получит землю?", "Является ли земля сейчас именно такой?",
     "Will land really change now?", "Will land change right now?", "Will land remain as it is?",
     "Жер қазір өзгере ме?", "Елдің жері туралы не айтты?", "Что будет происходить с землёй?",
     "Жер өздерінің бе?", "Что делать без земли?", "What came up about land?",
     "Statements and opinions on land, not quotes", "О чём выступали, рассказали про землю?",
     "Жер туралы пікірлері", "Надо ли провести что-то с землёй?",
     "Жер туралы кездесіп, келіп басқаларға айтты ма?", "Что сенаторша говорила о земле?",
     "чё по земле?", "Жер туралы сенатордың айтқаны", "Жер туралы сөздері"],
)  # fmt: skip
def test_question_filler_is_not_the_subject(question: str) -> None:
    """Words that ask rather than name (is, each, really, now, change, the country's): a
    statement sharing only them does not address the question — *получить справку* was answered
    by a statement on who *получат* rights; only *земля* / *land* / *жер* is the subject here."""
    snapshot = build_snapshot(make_corpus(), FakeEmbedder(), make_resources())
    terms = subject_terms(snapshot, prepare(snapshot, question), FAKE_CALIBRATION)
    assert len(terms) == 1, [t.alternatives[0] for t in terms]


def test_an_english_word_is_not_a_longer_word_that_starts_like_a_glossary_term() -> None:
    """*landlord* is not *land*: English endings are short and the stemmer knows them, so the
    five letters a Kazakh ending may add do not apply; *lands* is still land."""
    snapshot = build_snapshot(make_corpus(), FakeEmbedder(), make_resources())
    for question, land in (("Can a landlord evict tenants?", False), ("Who owns the lands?", True)):
        terms = subject_terms(snapshot, prepare(snapshot, question), FAKE_CALIBRATION)
        reach = {s for t in terms for alt in t.alternatives for part in alt for s in part}
        assert (stem("земля") in reach) is land, question


def test_a_short_kazakh_root_is_not_taken_for_a_generic_word() -> None:
    # атауларын (their names) strips to ата, the first word of "Ата Заң"
    assert not is_generic("атауларын")
    assert is_generic("конституциялық")


async def test_senators_in_a_kazakh_question_do_not_favour_a_summary_naming_one() -> None:
    """A summary sentence with the word *сенатор* and the topic among others covered the plural
    *сенаторлар* as a subject word, and the quote on the topic (no *сенатор* in it) fell below
    the coverage the summary set: it was not shown."""
    kk = _meeting(
        "m8", "d2", "Ерлан Талапов", "Тараз", "жители",
        "Неке ерікті әрі тең құқылы одақ ретінде қорғалады.",
    )  # fmt: skip
    summary = Statement(
        id="m8-s1", meeting_id="m8", kind="reported", speakers=["Ерлан Талапов"],
        text="Кездесуде сенатор неке, жайылым және орман мәселелерін түсіндірді.",
    )  # fmt: skip
    kk = kk.model_copy(update={"statements": [*kk.statements, summary]})
    answer = await _ask("Сенаторлар неке туралы не айтты?", kk)
    assert "m8-s0" in [h.statement_id for h in answer.hits]


async def test_kazakh_typed_without_its_letters_finds_what_its_spelling_finds() -> None:
    """Many type Kazakh on a Russian keyboard: "Мугалимнин мартебеси котериле ме?" for
    «Мұғалімнің мәртебесі көтеріле ме?». Every word was unknown, so it was declined."""
    status = _meeting(
        "m9", "d2", "Ерлан Талапов", "Тараз", "мұғалімдер",
        "Мұғалімнің мәртебесі көтеріледі, педагог қағазбастылықтан қорғалады.",
    )  # fmt: skip
    for question in ("Мұғалімнің мәртебесі көтеріле ме?", "Мугалимнин мартебеси котериле ме?"):
        answer = await _ask(question, status)
        assert answer.answered, question
        assert answer.hits[0].meeting.id == "m9", question
    # a Russian question whose words the corpus lacks is still declined
    assert not (await _ask("Будет ли мартеновская печь?", status)).answered


async def test_russian_and_kazakh_typed_in_latin_letters_find_what_cyrillic_finds() -> None:
    """Without a Cyrillic keyboard people type "Mugalimnin martebesi koterile me?", or forget to
    switch the layout: every word was an unknown Latin word, and it was declined."""
    status = _meeting(
        "m9", "d2", "Ерлан Талапов", "Тараз", "мұғалімдер",
        "Мұғалімнің мәртебесі көтеріледі, педагог қағазбастылықтан қорғалады.",
    )  # fmt: skip
    for question in (
        "Mugalimnin martebesi koterile me?",
        "Mugalimnin mártebesi kóteriledi me?",
        "Veufkbvyby vfhnt,tcb rjnthbkt vt&",  # Мугалимнин мартебеси котериле ме? on the EN layout
    ):
        answer = await _ask(question, status)
        assert answer.answered, question
        assert answer.hits[0].meeting.id == "m9", question
    assert not (await _ask("What is the weather like today?", status)).answered
    # "when" typed in Latin letters asks when, as "қашан" does: the statement does not say
    for question in (
        "Мұғалімнің мәртебесі қашан көтеріледі?",
        "Mugalimnin mártebesi qashan kóteriledi?",
    ):
        assert not (await _ask(question, status)).answered, question


def test_a_retyped_kazakh_word_meets_its_root_and_bm25_searches_it() -> None:
    """'каржыны' (қаржыны) shares no plain prefix with the corpus's қаржысы, only its root; and
    BM25, which ranks the candidates, must search the stems it stands for, not its letters."""
    money = _meeting(
        "m10", "d2", "Ерлан Талапов", "Тараз", "тұрғындар",
        "Жергілікті өзін-өзі басқарудың өз қаржысы болуы керек.",
    )  # fmt: skip
    snapshot = build_snapshot(_with(money), FakeEmbedder(), make_resources())
    assert "қаржыс" in snapshot.lexicon.respelled("каржыны", stem("каржыны"))
    query = prepare(snapshot, "Жергиликти каржыны ким баскарады?")
    lexical = read(snapshot, query, FAKE_CALIBRATION).lexical
    position = next(i for i, st in enumerate(snapshot.statements) if st.meeting_id == "m10")
    assert lexical[position] > 0 and lexical[position] == lexical.max()


def test_the_russian_keyboard_spelling_of_kazakh_words() -> None:
    assert plain_kazakh("Мұғалімнің мәртебесі қашан көтеріледі?") == (
        "Мугалимнин мартебеси кашан котериледи?"
    )
    # question words and particles typed that way are no subject either
    assert {"калай", "кашан", "ушин", "кандай"} <= STOPWORDS


async def test_a_text_repeated_at_more_meetings_than_the_depth_leaves_room_for_others() -> None:
    """A line repeated on a tour (more meetings than the candidate depth) must not crowd the
    statement that covers the question out of the candidates: the candidates hold `depth_texts`
    different texts; each hit stays its own meeting's statement with its own speaker."""
    line = "Здания будут доступны людям."
    tour = [
        _meeting(f"t{i}", "d1", "Айгерим Тулеуова", f"Город {i}", "жители", line) for i in range(4)
    ]
    wheels = _meeting(
        "c1", "d1", "Ержан Оспанов", "Кокшетау", "студенты",
        "Отдельная норма касается граждан, передвигающихся на инвалидных колясках: государство "
        "обязано обеспечить им достойные условия жизни, учёбы и работы в каждом городе и селе "
        "нашей большой страны.",
    )  # fmt: skip
    svc = SearchService.from_corpus(
        _with(*tour, wheels),
        FakeEmbedder(),
        make_resources(),
        calibration=dataclasses.replace(FAKE_CALIBRATION, depth=3, depth_texts=3),
    )
    answer = await svc.search("Будут ли здания доступны людям на инвалидных колясках?", k=3)
    await svc.close()
    assert [(h.meeting.id, h.speakers) for h in answer.hits] == [
        ("t0", ["Айгерим Тулеуова"]),
        ("c1", ["Ержан Оспанов"]),
    ]


@pytest.mark.parametrize(
    ("question", "answered"),
    [("Повысят ли пенсионный возраст?", False), ("Будет ли повышен пенсионный возраст?", False),
     ("Will the retirement age be raised?", False), ("Повысят ли роль граждан?", True),
     ("Будет ли повышена роль граждан?", True)],
)  # fmt: skip
async def test_a_shared_verb_of_change_is_not_the_subject(question: str, answered: bool) -> None:
    # "повышение роли граждан" shares only *повысить* with a question on the pension age: what is
    # asked to change is the subject, the verb of change alone covers nothing
    roles = _meeting(
        "m4", "d1", "Бибигуль Жексенбай", "Усть-Каменогорск", "металлурги",
        "Новая система направлена на повышение роли граждан в управлении страной.",
    )  # fmt: skip
    answer = await _ask(question, roles)
    assert answer.answered is answered
    if answered:
        assert answer.hits[0].meeting.id == "m4"


@pytest.mark.parametrize(
    ("token", "change"),
    [("повысят", True), ("снижен", True), ("отменят", True), ("raised", True), ("cut", True),
     ("көтеріле", True), ("енгізіле", True), ("роль", False), ("пенсионный", False),
     ("culture", False), ("сохранится", True), ("сақталады", True), ("remain", True),
     ("сақтандыру", False), ("останется", True), ("арта", True), ("артады", True),
     ("көбейе", True), ("күшейтіле", True), ("шектеле", True), ("исчезнет", True),
     ("disappear", True), ("артық", False), ("шектеу", False), ("разрешат", True),
     ("запрещено", True), ("рұқсат", True), ("тыйым", True), ("allowed", True), ("banned", True),
     ("allowance", False), ("permission", True), ("азая", True), ("обязательной", True),
     ("міндетті", True), ("mandatory", True), ("ұлғаяды", True), ("міндеттері", False),
     ("обязанности", False), ("закреплена", True), ("enshrined", True), ("бекітіледі", True)],
)  # fmt: skip
def test_verbs_of_change_in_three_languages(token: str, change: bool) -> None:
    assert is_change_verb(token) is change


@pytest.mark.parametrize(
    "question",
    ["Правда ли, что Сената больше не будет?", "Сенат жойыла ма?", "Сенат сақтала ма?",
     "Упразднят ли Сенат?", "Will the Senate be abolished?", "Will the Senate disappear?"],
)  # fmt: skip
async def test_the_senate_asked_about_alone_is_the_chamber(question: str) -> None:
    # every release names the Senate, so its own word is generic; asked about alone, the chamber
    # is the subject, and the statements on parliament (its glossary twins) cover it
    chamber = _meeting(
        "m4", "d1", "Бибигуль Жексенбай", "Усть-Каменогорск", "металлурги",
        "Парламент станет однопалатным, его назовут Курултаем.",
    )  # fmt: skip
    answer = await _ask(question, chamber)
    assert answer.answered
    assert answer.hits[0].meeting.id == "m4"


async def test_the_senate_beside_a_subject_is_no_subject() -> None:
    # the pension age is the subject; the Senate beside it must not let parliament cover it
    chamber = _meeting(
        "m4", "d1", "Бибигуль Жексенбай", "Усть-Каменогорск", "металлурги",
        "Парламент станет однопалатным, его назовут Курултаем.",
    )  # fmt: skip
    answer = await _ask("Что в Сенате говорили о пенсионном возрасте?", chamber)
    assert "m4" not in [h.meeting.id for h in answer.hits]


@pytest.mark.parametrize(
    ("token", "term", "matches"),
    [("ұстаздардың", "ұстаз", True), ("мұғалімдерінің", "мұғалім", True),
     ("мугалимдердин", "мугалим", True), ("үстемдігі", "үстемдік", True),
     ("адамдардың", "адам", True), ("білгім", "білім", False),
     ("законодательный", "закон", False), ("бракованный", "брак", False)],
)  # fmt: skip
def test_kazakh_endings_stack_past_five_letters(token: str, term: str, matches: bool) -> None:
    # plural, possessive and case together (ұстаз-дар-дың) are six letters or more; the rest of
    # a Russian word is no chain of Kazakh endings, and a three-letter root is too many words'
    assert term_matches(token, term) is matches


def test_a_kazakh_plural_in_the_genitive_meets_its_glossary_twin() -> None:
    # "ұстаздардың" (teachers') is a word no statement uses: before, it was an unknown subject
    # that the Russian statement on teachers could not cover
    terms, stems = _subject_against(
        "Ұстаздардың жағдайы", "Профессия учителя станет престижной, педагог получит защиту."
    )
    teacher = terms[0]
    assert not teacher.unknown
    assert teacher.covered_by(stems)


def test_the_kazakh_verb_do_asks_rather_than_names() -> None:
    # "Монополиялармен не істейді?": what will be done with monopolies; "істейді" (do) is
    # filler, like "делать", and weighed as much as the monopolies before
    assert {"істейді", "істеледі"} <= STOPWORDS


def test_every_form_of_which_is_filler() -> None:
    # "землю, которую они не обрабатывают": "которую" weighed as an unknown subject word
    assert {"которую", "которых", "которым", "котором"} <= STOPWORDS


async def test_a_mandatory_detail_beside_a_word_no_statement_uses_is_declined() -> None:
    # "Будет ли обязательной школьная форма?": only "обязательным" is shared with the statement
    # on schooling; being mandatory is what is asked of the subject, not the subject, so the
    # statement may not pass on meaning alone beside the unknown "форма"
    terms, stems = _subject_against(
        "Будет ли обязательной школьная форма?",
        "Среднее образование остается бесплатным и обязательным.",
    )
    covered = [t for t in terms if t.covered_by(stems)]
    assert covered and all(t.change for t in covered)


async def test_asking_permission_is_no_subject() -> None:
    # "Надо ли будет просить разрешение на пикет?": the rally is the subject; "просить" (to ask
    # for) is filler and the permission is what is asked to happen, so the statement on rallies
    # answers (before, "просить" met "спрос" and outweighed the rally)
    terms, stems = _subject_against(
        "Надо ли будет просить разрешение на митинг?",
        "Для митинга будет достаточно уведомить власти.",
    )
    assert [t.change for t in terms] == [True, False]
    assert terms[1].covered_by(stems)


@pytest.mark.parametrize(
    ("typed", "mended"),
    [("bulding", "building"), ("electons", "elections"), ("sallary", "salary"),
     ("teachers", "teachers"), ("wheelchair", "wheelchair"), ("before", "before"),
     ("court", "court")],
)  # fmt: skip
def test_an_english_typo_meets_its_glossary_word(typed: str, mended: str) -> None:
    # an English question has no corpus word to be corrected against: one edit from a glossary
    # word of six letters or more is that word; a known or short word stays as typed
    assert make_resources().glossary.mend([typed]) == [mended]


def test_a_misspelt_english_word_is_covered_through_its_twin() -> None:
    terms, stems = _subject_against(
        "every public bulding", "Общественные здания станут доступны людям с инвалидностью."
    )
    assert terms and all(t.covered_by(stems) for t in terms)


def test_a_russian_loanword_in_ия_meets_its_kazakh_forms() -> None:
    # "комиссии" stems to "комисс", six letters, too short to reach "комиссиясының" by prefix: a
    # Russian question on a statement published only in Kazakh did not cover the commission
    terms, stems = _subject_against(
        "Что говорили о комиссии?", "Конституциялық комиссиясының отырысында жоба талқыланды."
    )
    assert len(terms) == 1
    assert terms[0].covered_by(stems)


def test_the_longest_glossary_phrase_names_a_word_shared_by_two() -> None:
    # "халық қалаулылары" (the people's deputies) and "халық" (people) both start at "халық": the
    # longer phrase comes first and names the word's concept, whatever order they are listed in
    phrases = PhraseSet([(("халық",), "people"), (("халық", "қалаулылары"), "deputies")])
    spans = phrases.spans(words("Халық қалаулылары есеп бере ме?"))
    assert spans[0] == (0, 2, "deputies")
    assert (0, 1, "people") in spans
