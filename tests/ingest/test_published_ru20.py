"""Forms met in session 20's published Russian and English articles (invented people and words;
the releases are the genre suite's t150–t155)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from retrieval.ingest.build import ParseResult
from tests.ingest.conftest import said

TUNE = Path(__file__).parent / "genre" / "tune"


def _release(parse: Callable[..., ParseResult], name: str) -> ParseResult:
    return parse((TUNE / name).read_text(encoding="utf-8"), name)


def _roles(result: ParseResult) -> dict[str, str]:
    return {n: r for s in result.corpus.statements() for n, r in s.roles.items()}


def test_a_senate_committee_title_makes_its_member_a_senator(
    parse: Callable[..., ParseResult],
) -> None:
    english = _release(parse, "t150_en_senate_committee_chair_title.txt")
    assert english.corpus.meetings[0].senators == ["Bolat Tulegenov"]
    assert said(english, "The Senator told the cadets").speakers == ["Bolat Tulegenov"]
    assert said(english, "The land and its subsoil").speakers == ["Bolat Tulegenov"]
    russian = _release(parse, "t151_ru_senate_committee_chair_audience.txt")
    assert russian.corpus.meetings[0].senators == ["Айгерим Тлеуова"]
    assert said(russian, "Каждый студент должен").speakers == ["Айгерим Тлеуова"]
    kazakh = _release(parse, "t152_kk_committee_chair_no_senate_post.txt")
    assert said(kazakh, "Жер мен оның қойнауы").speakers == ["Ерлан Сапаров"]
    # a committee of another house, or one naming no house, makes no senator
    other = parse(
        "date 2026-03-03\nВстреча\n\nПредседатель Комитета Мажилиса по аграрным вопросам "
        "Болат Тулегенов встретился с фермерами Костаная.\n\n«Земля принадлежит народу», – "
        "сказал Болат Тулегенов.\n"
    )
    assert other.corpus.meetings[0].senators == []


def test_a_committee_chairman_holds_no_senate_post(parse: Callable[..., ParseResult]) -> None:
    result = _release(parse, "t152_kk_committee_chair_no_senate_post.txt")
    assert _roles(result)["Ерлан Сапаров"] == "сенатор"  # was "Сенат Төрағасы"
    # so "Сенат төрағасы" in a tail is the one Senate chair again (two chairs made it nobody's)
    assert said(result, "Жаңа Конституция – Әділетті").speakers == ["Маулен Ашимбаев"]


def test_a_senator_title_beside_a_known_surname_makes_that_person_a_senator(
    parse: Callable[..., ParseResult],
) -> None:
    result = parse(
        "date 2022-05-12\nSenator Tulegenov met students\n\nBolat Tulegenov met with the cadets "
        'of the Military College.\n\n"The death penalty is banned for good," said Senator '
        "Tulegenov.\n"
    )
    assert result.corpus.meetings[0].senators == ["Bolat Tulegenov"]
    assert _roles(result)["Bolat Tulegenov"] == "сенатор"


def test_his_words_frame_is_the_other_person_named_last(
    parse: Callable[..., ParseResult],
) -> None:
    result = _release(parse, "t153_ru_his_words_frame_after_other.txt")
    # it went to the meeting's senator
    assert said(result, "По его словам").speakers == ["Нурлан Садыков"]
    assert said(result, "По словам мажилисмена").speakers == ["Тимур Ахметов"]
    # «её» fits neither the akim named last nor the senator: nobody's (it was the senator's)
    assert said(result, "По её словам").speakers == []
    assert said(result, "Земля и недра").speakers == ["Ерлан Бейсенов"]


def test_according_to_him_or_her_is_the_person_named_last_when_the_pronoun_fits(
    parse: Callable[..., ParseResult],
) -> None:
    result = _release(parse, "t154_en_according_to_after_other.txt")
    assert said(result, "According to her, the university").speakers == ["Dana Kurmanova"]
    assert said(result, "According to him, citizens").speakers == ["Arman Zhakenov"]
    assert said(result, "According to her, the new Kurultai").speakers == []


def test_a_long_english_apposition_is_the_persons_role(
    parse: Callable[..., ParseResult],
) -> None:
    roles = _roles(_release(parse, "t154_en_according_to_after_other.txt"))
    assert roles["Dana Kurmanova"].endswith("Vice-Rector for Academic Affairs and Youth Policy")
    assert roles["Sanzhar Omarov"].startswith("member of the Committee on Economic Reform")
    assert "Mazhilis" in roles["Sanzhar Omarov"]


def test_a_headline_name_takes_the_leads_role_and_a_weather_bar_is_furniture(
    parse: Callable[..., ParseResult],
) -> None:
    result = _release(parse, "t155_ru_weather_bar_headline_role.txt")
    assert result.corpus.documents[0].title == (
        "Нужно закрепить право на юридическую помощь — Асхат Жумабеков"
    )
    roles = _roles(result)
    assert roles["Асхат Жумабеков"] == "Председатель Республиканской нотариальной палаты"
    texts = " ".join(s.text for s in result.corpus.statements())
    assert "°" not in texts and "498.20" not in texts


def test_an_audience_ends_before_the_verbs_object(parse: Callable[..., ParseResult]) -> None:
    meeting = _release(parse, "t151_ru_senate_committee_chair_audience.txt").corpus.meetings[0]
    assert meeting.audience == ["студенты Павлодарского педагогического университета"]
